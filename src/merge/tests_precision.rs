//! The merge stage on hand-made reports of different precision: data sets that spell one
//! district two ways, a province-wide row and a town row, a row dated over several days,
//! and figures whose wording (a stray zero, "people") must not hide a shared count.

use super::tests::{article, kept_apart_reasons, place, row, town};
use super::*;
use crate::model::{Claim, DateSpan, Figure, GeoPrecision, Measure, Qualifier};

/// A row placed in a district (`admin2`) and a province (`admin1`).
fn in_division(mut p: crate::model::Place, admin2: &str, admin1: &str) -> crate::model::Place {
    p.admin2 = Some(admin2.into());
    p.admin1 = Some(admin1.into());
    p
}

#[test]
fn a_stray_zero_beside_a_count_is_no_report_of_no_deaths() {
    // One outlet's page carries a zero (a share counter read as a toll) beside "as many as
    // 150 dead"; another counts 120. Neither says that no one died.
    let mut noisy = article("a.txt", "2021-04-02", town(), &[]);
    noisy.incident.figures = vec![Figure::from_claims(
        Measure::Killed,
        None,
        vec![
            Claim::new(0, Qualifier::Exact),
            Claim::new(150, Qualifier::AtMost),
        ],
    )];
    let reports = vec![noisy, article("b.txt", "2021-04-02", town(), &[(120, "y")])];
    let merged = merge(reports, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 1, "{:?}", merged.explanation);
    // A report whose only count is zero still stands against one that counts the dead.
    let none = vec![
        article("a.txt", "2021-04-02", town(), &[(0, "x")]),
        article("b.txt", "2021-04-02", town(), &[(120, "y")]),
    ];
    let merged = merge(none, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 2);
    let why = kept_apart_reasons(&merged);
    assert!(why.iter().any(|w| w.contains("no one was")), "{why:?}");
}

#[test]
fn a_count_of_people_is_the_whole_toll_a_count_of_children_a_part() {
    let mut quarter = town();
    quarter.name = "Old Mill, Lakeside".into();
    let with_subject = |subject: &str| {
        let mut r = article("a.txt", "2021-04-02", quarter.clone(), &[]);
        r.incident.figures = vec![Figure::from_claims(
            Measure::Killed,
            Some(subject.into()),
            vec![Claim::new(7, Qualifier::Exact)],
        )];
        r
    };
    // "Seven people were killed in Old Mill" and "seven killed in Lakeside": one count.
    for whole in ["people", "of people", "other persons", "Civilians"] {
        let reports = vec![
            with_subject(whole),
            article("b.txt", "2021-04-02", town(), &[(7, "y")]),
        ];
        let merged = merge(reports, MergeMode::Articles);
        assert_eq!(
            merged.incidents.len(),
            1,
            "{whole}: {:?}",
            merged.explanation
        );
    }
    // "Seven children" is part of a toll: no count in common with "seven killed".
    let reports = vec![
        with_subject("children"),
        article("b.txt", "2021-04-02", town(), &[(7, "y")]),
    ];
    assert_eq!(merge(reports, MergeMode::Articles).incidents.len(), 2);
}

#[test]
fn one_district_spelled_two_ways_does_not_keep_rows_apart() {
    // UCDP GED writes "Northfield region", ACLED "Northfield": a district-level row 20 km
    // from a town row of that district, on one day, is one event.
    let wide = place("Northfield", None, 20.18, 10.0, GeoPrecision::Admin2);
    // The town's row, and a district-level row naming `district`.
    let rows = |district: &str| {
        let town_row = in_division(town(), "Northfield", "Upper Valley");
        let wide_row = in_division(wide.clone(), district, "Upper Valley province");
        vec![
            row("ACLED", "A1", "2021-04-02", town_row, 9),
            row("UCDP GED", "U1", "2021-04-02", wide_row, 11),
        ]
    };
    let merged = merge(rows("Northfield region"), MergeMode::All);
    assert_eq!(merged.incidents.len(), 1, "{:?}", merged.explanation);
    // Another district of the same province keeps them apart, and says so.
    let merged = merge(rows("Southfield region"), MergeMode::All);
    assert_eq!(merged.incidents.len(), 2);
    let why = kept_apart_reasons(&merged);
    assert!(
        why.iter().any(|w| w.contains("different districts")),
        "{why:?}"
    );
}

fn province_row(day: &str, killed: u64) -> crate::model::Reported {
    let mut p = place(
        "Upper Valley province",
        None,
        21.5,
        11.0,
        GeoPrecision::Admin1,
    );
    p.admin1 = Some("Upper Valley province".into());
    row("UCDP GED", "U1", day, p, killed)
}

fn town_row(day: &str, killed: u64) -> crate::model::Reported {
    let p = in_division(town(), "Northfield", "Upper Valley");
    row("ACLED", "A1", day, p, killed)
}

#[test]
fn a_province_wide_row_and_a_town_row_merge_on_close_tolls_only() {
    // The province's centroid lies 170 km from the town; the tolls (28 / 25) say which
    // event of the province the coarse row is.
    let merged = merge(
        vec![province_row("2021-04-02", 28), town_row("2021-04-02", 25)],
        MergeMode::All,
    );
    assert_eq!(merged.incidents.len(), 1, "{:?}", merged.explanation);
    let reasons = &merged.explanation.merged[0].reasons;
    assert!(
        reasons.iter().any(|r| r.contains("province-wide")),
        "{reasons:?}"
    );
    // Small different tolls: somewhere in the province, not necessarily this town.
    let merged = merge(
        vec![province_row("2021-04-02", 3), town_row("2021-04-02", 2)],
        MergeMode::All,
    );
    assert_eq!(merged.incidents.len(), 2);
    let why = kept_apart_reasons(&merged);
    assert!(why.iter().any(|w| w.contains("province-wide")), "{why:?}");
    // Close tolls a week apart are two events.
    let merged = merge(
        vec![province_row("2021-04-02", 28), town_row("2021-04-09", 25)],
        MergeMode::All,
    );
    assert_eq!(merged.incidents.len(), 2);
    // A town of another province is no candidate at all.
    let mut elsewhere = town_row("2021-04-02", 28);
    elsewhere.incident.place.admin1 = Some("Lower Valley".into());
    let reports = vec![province_row("2021-04-02", 28), elsewhere];
    assert!(candidate_pairs(&reports, MergeMode::All).is_empty());
}

#[test]
fn a_row_dated_over_several_days_meets_a_row_of_one_of_them() {
    // UCDP GED dates an event "between the 1st and the 5th"; ACLED to the 3rd.
    let ranged = |start: &str, end: &str| {
        let mut r = row("UCDP GED", "U1", start, town(), 12);
        r.incident.date = DateSpan::parse(&format!("{start}/{end}")).expect("a span");
        r
    };
    let reports = vec![
        ranged("2021-04-01", "2021-04-05"),
        row("ACLED", "A1", "2021-04-03", town(), 10),
    ];
    assert_eq!(merge(reports, MergeMode::All).incidents.len(), 1);
    // A row two days after the span is another event.
    let reports = vec![
        ranged("2021-04-01", "2021-04-05"),
        row("ACLED", "A1", "2021-04-07", town(), 10),
    ];
    assert_eq!(merge(reports, MergeMode::All).incidents.len(), 2);
}

#[test]
fn the_province_rule_gives_the_same_incidents_in_any_order() {
    let reports = vec![
        province_row("2021-04-02", 28),
        town_row("2021-04-02", 25),
        article(
            "c.txt",
            "2021-04-02",
            in_division(town(), "Northfield", "Upper Valley"),
            &[(27, "z")],
        ),
    ];
    let mut reversed = reports.clone();
    reversed.reverse();
    let one = merge(reports, MergeMode::All);
    let other = merge(reversed, MergeMode::All);
    assert_eq!(one.incidents, other.incidents);
    assert_eq!(one.explanation, other.explanation);
    assert_eq!(one.incidents.len(), 1, "{:?}", one.explanation);
}

/// A place 12 km east of `town()` (20.0, 10.0), given in the report as measured from it.
fn east_of_town() -> crate::model::Place {
    let mut p = place(
        "12 km east of Lakeside",
        None,
        20.1095,
        10.0,
        GeoPrecision::NearTown,
    );
    p.offset = Some(crate::model::PlaceOffset {
        from_id: "geonames:1".into(),
        from_name: "Lakeside".into(),
        from_lon: 20.0,
        from_lat: 10.0,
        km: 12.0,
        bearing_deg: 90.0,
    });
    p
}

#[test]
fn a_place_measured_from_a_town_is_not_the_town() {
    // Within the 25 km a `near_town` place may reach, with the same count and day: the one
    // report still says the event was 12 km away from where the other puts it.
    let reports = vec![
        article("a.txt", "2021-04-02", town(), &[(14, "x")]),
        article("b.txt", "2021-04-02", east_of_town(), &[(14, "y")]),
    ];
    assert_eq!(merge(reports, MergeMode::Articles).incidents.len(), 2);
    let mut j = Judgement::default();
    super::place_rule::place(&town(), &east_of_town(), Some(14), &mut j);
    assert!(!j.same_place, "{j:?}");
    assert!(
        j.apart.iter().any(|w| w.contains("12 km from Lakeside")),
        "{j:?}"
    );
    // A point at the town without its gazetteer entry (a table's coordinates) too.
    let at_town = place("Lakeside", None, 20.001, 10.0, GeoPrecision::Town);
    let reports = vec![
        row("acled", "r1", "2021-04-02", at_town, 14),
        article("b.txt", "2021-04-02", east_of_town(), &[(14, "y")]),
    ];
    assert_eq!(merge(reports, MergeMode::All).incidents.len(), 2);
    // Two reports measured from the town to one spot are one place.
    let reports = vec![
        article("a.txt", "2021-04-02", east_of_town(), &[(14, "x")]),
        article("b.txt", "2021-04-02", east_of_town(), &[(14, "y")]),
    ];
    assert_eq!(merge(reports, MergeMode::Articles).incidents.len(), 1);
    // A report nearer the measured spot than the town is judged by distance as before.
    let beyond = place("Eastfield", None, 20.12, 10.0, GeoPrecision::Town);
    let reports = vec![
        article("a.txt", "2021-04-02", beyond, &[(14, "x")]),
        article("b.txt", "2021-04-02", east_of_town(), &[(14, "y")]),
    ];
    assert_eq!(merge(reports, MergeMode::Articles).incidents.len(), 1);
}

#[test]
fn a_district_and_a_town_across_a_provincial_line_are_two_places() {
    // A landmine in a district of one province and mortar fire on a town of the next, 30 km
    // apart on the same day: the district's reach would take in the town, but each report
    // names its own province.
    let district = |admin1: &str| {
        let mut p = place(
            "Upper Valley",
            Some("geonames:2"),
            20.2,
            10.1,
            GeoPrecision::Admin2,
        );
        p.admin1 = Some(admin1.into());
        p
    };
    let mut hill_town = town();
    hill_town.admin1 = Some("Lake Province".into());
    let pair = |province: &str| {
        vec![
            article("a.txt", "2021-04-02", hill_town.clone(), &[(6, "x")]),
            article("b.txt", "2021-04-02", district(province), &[(9, "y")]),
        ]
    };
    let merged = merge(pair("Hill Province"), MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 2, "{:?}", merged.explanation);
    let why = kept_apart_reasons(&merged);
    assert!(
        why.iter().any(|w| w.contains("different provinces")),
        "{why:?}"
    );
    // The same district in the town's own province is within reach.
    let merged = merge(pair("Lake"), MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 1, "{:?}", merged.explanation);
}

#[test]
fn two_districts_of_one_province_are_two_places() {
    // Two districts' centres 30 km apart: a bomb in one, a clash in the other, one day.
    let district = |id: &str, name: &str, lon: f64| {
        let mut p = place(name, Some(id), lon, 10.0, GeoPrecision::Admin2);
        p.admin1 = Some("Lake".into());
        p
    };
    let reports = vec![
        article(
            "a.txt",
            "2021-04-02",
            district("geonames:7", "Upper Valley", 20.0),
            &[(1, "x")],
        ),
        article(
            "b.txt",
            "2021-04-02",
            district("geonames:8", "Lower Valley", 20.27),
            &[(1, "y")],
        ),
    ];
    let merged = merge(reports, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 2, "{:?}", merged.explanation);
    let why = kept_apart_reasons(&merged);
    assert!(why.iter().any(|w| w.contains("two districts")), "{why:?}");
}

/// An article that names no day, dated as extraction dates it: the day it appeared on or
/// the day before.
fn undated_article(file: &str, published: &str, killed: &[(u64, &str)]) -> Reported {
    let mut r = article(file, published, town(), killed);
    r.incident.date = DateSpan::of_undated_report(&r.incident.date);
    r
}

#[test]
fn only_a_report_that_names_no_day_may_lag_the_event() {
    // Two reports that name their days, two days apart (the later one on the day it appeared),
    // with a count in common: two events, not one report lagging the other.
    let named = merge(
        vec![
            article("a.txt", "2021-04-02", town(), &[(4, "x")]),
            article("b.txt", "2021-04-04", town(), &[(4, "y")]),
        ],
        MergeMode::Articles,
    );
    assert_eq!(named.incidents.len(), 2);
    let why = kept_apart_reasons(&named);
    assert!(why.iter().any(|w| w.contains("2 days apart")), "{why:?}");
    // A report that names no day, published three days after the event (dated to the two days
    // before it appeared), may be about it.
    let lagging = merge(
        vec![
            article("a.txt", "2021-04-02", town(), &[(4, "x")]),
            undated_article("b.txt", "2021-04-05", &[(4, "y")]),
        ],
        MergeMode::Articles,
    );
    assert_eq!(
        lagging.incidents.len(),
        1,
        "{:?}",
        kept_apart_reasons(&lagging)
    );
    // The merged event keeps the day the first report names.
    assert_eq!(lagging.incidents[0].date.label(), "2021-04-02");
}
