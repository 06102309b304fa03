//! The merge stage on hand-made reports: the rules one by one, the union of claims, blocking,
//! and order independence.

use super::*;
use crate::model::{
    Claim, DateSpan, EventType, Figure, GeoPrecision, Measure, Origin, Place, Qualifier, SourceDoc,
};

pub(super) fn place(
    name: &str,
    id: Option<&str>,
    lon: f64,
    lat: f64,
    precision: GeoPrecision,
) -> Place {
    let mut p = Place::named(name);
    p.gazetteer_id = id.map(str::to_string);
    p.lon = Some(lon);
    p.lat = Some(lat);
    p.precision = precision;
    p.country_code = Some("XX".into());
    p
}

pub(super) fn town() -> Place {
    place(
        "Lakeside",
        Some("geonames:1"),
        20.0,
        10.0,
        GeoPrecision::Town,
    )
}

pub(super) fn article(file: &str, day: &str, where_: Place, killed: &[(u64, &str)]) -> Reported {
    let date = DateSpan::parse(day).expect("a date");
    let mut incident = Incident::new(format!("id-{file}"), "t", date, where_);
    incident.event_type = Some(EventType::ViolenceAgainstCivilians);
    let claims = killed
        .iter()
        .map(|(v, who)| Claim::new(*v, Qualifier::Exact).with_source(*who))
        .collect();
    incident
        .figures
        .push(Figure::from_claims(Measure::Killed, None, claims));
    incident.sources.push(SourceDoc {
        location: Some(file.into()),
        outlet: None,
        title: None,
        published: Some(date),
        language: Some("en".into()),
    });
    Reported {
        incident,
        origin: Origin::article(file),
    }
}

pub(super) fn row(dataset: &str, id: &str, day: &str, where_: Place, killed: u64) -> Reported {
    let date = DateSpan::parse(day).expect("a date");
    let mut incident = Incident::new(id, "t", date, where_);
    incident.event_type = Some(EventType::Battles);
    incident
        .figures
        .push(Figure::from_value(Measure::Killed, killed));
    Reported {
        incident,
        origin: Origin::table(format!("{dataset}.csv"), Some(2), Some(dataset)),
    }
}

/// Every reason the merge gave for keeping alike reports apart.
pub(super) fn kept_apart_reasons(merged: &Merged) -> Vec<String> {
    merged
        .explanation
        .kept_apart
        .iter()
        .flat_map(|k| k.why.clone())
        .collect()
}

#[test]
fn reports_of_one_event_keep_every_claim_and_the_conservative_best() {
    let reports = vec![
        article("a.txt", "2021-04-02", town(), &[(40, "health ministry")]),
        article(
            "b.txt",
            "2021-04-02",
            town(),
            &[(25, "police"), (31, "a monitor")],
        ),
    ];
    let merged = merge(reports, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 1);
    let killed = &merged.incidents[0].figures[0];
    assert_eq!(killed.claims.len(), 3);
    assert_eq!(
        (killed.low, killed.best, killed.high),
        (Some(25), Some(25), Some(40))
    );
    let files: Vec<_> = killed
        .claims
        .iter()
        .filter_map(|c| c.document.as_ref()?.file.clone())
        .collect();
    assert_eq!(files, ["a.txt", "b.txt", "b.txt"]);
    assert_eq!(merged.incidents[0].sources.len(), 2);
    assert_eq!(merged.explanation.merged[0].reports.len(), 2);
}

#[test]
fn one_document_never_merges_with_itself() {
    let reports = vec![
        article("a.txt", "2021-04-02", town(), &[(4, "x")]),
        article("a.txt", "2021-04-02", town(), &[(9, "y")]),
    ];
    assert_eq!(merge(reports, MergeMode::All).incidents.len(), 2);
}

#[test]
fn days_apart_and_places_apart_stay_apart() {
    let far = place(
        "Hilltop",
        Some("geonames:2"),
        20.3,
        10.0,
        GeoPrecision::Town,
    );
    let reports = vec![
        article("a.txt", "2021-04-02", town(), &[(4, "x")]),
        article("b.txt", "2021-04-06", town(), &[(4, "x")]),
        article("c.txt", "2021-04-02", far, &[(4, "x")]),
    ];
    let merged = merge(reports, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 3);
    let why = kept_apart_reasons(&merged);
    assert!(why.iter().any(|w| w.contains("4 days apart")), "{why:?}");
}

#[test]
fn two_towns_of_the_gazetteer_are_two_places_even_when_close() {
    let mut j = Judgement::default();
    let other = place(
        "Brookside",
        Some("geonames:3"),
        20.02,
        10.0,
        GeoPrecision::Town,
    );
    place_rule::place(&town(), &other, None, &mut j);
    assert!(!j.same_event(), "{j:?}");
    // A site at 2 km from the town's point is the town's site.
    let mut site = place(
        "the camp",
        Some("site:camp"),
        20.02,
        10.0,
        GeoPrecision::Site,
    );
    site.site = Some("camp".into());
    let mut j = Judgement::default();
    place_rule::place(&town(), &site, None, &mut j);
    assert!(j.same_event(), "{j:?}");
}

#[test]
fn adjacent_days_need_a_shared_figure() {
    let with = merge(
        vec![
            article("a.txt", "2021-04-02", town(), &[(12, "x")]),
            article("b.txt", "2021-04-03", town(), &[(12, "y")]),
        ],
        MergeMode::Articles,
    );
    assert_eq!(with.incidents.len(), 1);
    let without = merge(
        vec![
            article("a.txt", "2021-04-02", town(), &[(12, "x")]),
            article("b.txt", "2021-04-03", town(), &[(30, "y")]),
        ],
        MergeMode::Articles,
    );
    assert_eq!(without.incidents.len(), 2);
}

#[test]
fn a_month_dated_report_cannot_chain_two_dated_attacks() {
    let reports = vec![
        article("a.txt", "2021-04-02", town(), &[(5, "x")]),
        article("b.txt", "2021-04-20", town(), &[(8, "y")]),
        article("c.txt", "2021-04", town(), &[(8, "z")]),
    ];
    let merged = merge(reports, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 2, "{:?}", merged.explanation);
    // The month report joins the attack whose count it gives, and only that one.
    let note = &merged.explanation.merged[0];
    let files: Vec<&str> = note.reports.iter().map(|r| r.file.as_str()).collect();
    assert_eq!(files, ["b.txt", "c.txt"], "{note:?}");
}

#[test]
fn tables_merge_only_when_asked_and_never_within_one_data_set() {
    let near = place("Lakeside", None, 20.01, 10.0, GeoPrecision::Town);
    let rows = || {
        vec![
            row("ACLED", "A1", "2021-04-02", town(), 7),
            row("UCDP GED", "U1", "2021-04-02", near.clone(), 9),
            row("ACLED", "A2", "2021-04-02", town(), 3),
        ]
    };
    assert_eq!(merge(rows(), MergeMode::Articles).incidents.len(), 3);
    assert_eq!(merge(rows(), MergeMode::None).incidents.len(), 3);
    let merged = merge(rows(), MergeMode::All);
    assert_eq!(merged.incidents.len(), 2);
    let event = merged
        .incidents
        .iter()
        .find(|i| i.id.starts_with("inc-"))
        .expect("a merged incident");
    let outlets: Vec<_> = event.figures[0]
        .claims
        .iter()
        .filter_map(|c| c.source.clone())
        .collect();
    assert_eq!(outlets.len(), 2);
    assert!(outlets.contains(&"UCDP GED".to_string()), "{outlets:?}");
}

#[test]
fn tolls_far_apart_veto_a_table_merge() {
    let reports = vec![
        row("ACLED", "A1", "2021-04-02", town(), 2),
        row("UCDP GED", "U1", "2021-04-02", town(), 300),
    ];
    let merged = merge(reports, MergeMode::All);
    assert_eq!(merged.incidents.len(), 2);
    let why = &merged.explanation.kept_apart[0].why;
    assert!(why.iter().any(|w| w.contains("20-fold")), "{why:?}");
}

#[test]
fn input_order_changes_neither_ids_nor_contents() {
    let reports = vec![
        article("a.txt", "2021-04-02", town(), &[(4, "x")]),
        article("b.txt", "2021-04-02", town(), &[(6, "y")]),
        article("c.txt", "2021-04-02", town(), &[(5, "z")]),
    ];
    let mut reversed = reports.clone();
    reversed.reverse();
    let one = merge(reports, MergeMode::Articles);
    let other = merge(reversed, MergeMode::Articles);
    assert_eq!(one.incidents, other.incidents);
    assert_eq!(one.explanation, other.explanation);
}

#[test]
fn blocking_compares_neighbours_only() {
    let mut reports = Vec::new();
    for i in 0..200 {
        let lon = -170.0 + f64::from(i) * 1.5;
        let p = place("p", None, lon, 0.0, GeoPrecision::Town);
        reports.push(article(&format!("{i}.txt"), "2021-04-02", p, &[(1, "x")]));
    }
    // 1.5° apart (about 167 km): no candidates at all.
    assert!(candidate_pairs(&reports, MergeMode::Articles).is_empty());
    // Across the antimeridian, 0.2° apart: one pair.
    let east = place("e", None, 179.9, 0.0, GeoPrecision::Town);
    let west = place("w", None, -179.9, 0.0, GeoPrecision::Town);
    let pair = vec![
        article("e.txt", "2021-04-02", east, &[(1, "x")]),
        article("w.txt", "2021-04-02", west, &[(1, "x")]),
    ];
    assert_eq!(candidate_pairs(&pair, MergeMode::Articles), [(0, 1)]);
    assert!(crate::reference::distance_km(179.9, 0.0, -179.9, 0.0) < 25.0);
}

#[test]
fn a_district_report_and_a_town_report_merge_only_on_a_shared_count() {
    let mut quarter = town();
    quarter.name = "Old Mill, Lakeside".into();
    quarter.precision = GeoPrecision::NearTown;
    let apart = vec![
        article("a.txt", "2021-04-02", town(), &[(6, "x")]),
        article("b.txt", "2021-04-02", quarter.clone(), &[(2, "y")]),
    ];
    let merged = merge(apart, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 2);
    let why = kept_apart_reasons(&merged);
    assert!(
        why.iter().any(|w| w.contains("district of the town")),
        "{why:?}"
    );
    let shared = vec![
        article("a.txt", "2021-04-02", town(), &[(6, "x")]),
        article("b.txt", "2021-04-02", quarter, &[(6, "y")]),
    ];
    assert_eq!(merge(shared, MergeMode::Articles).incidents.len(), 1);
}

#[test]
fn a_town_report_joins_a_district_report_through_another_naming_that_district() {
    // One outlet writes only the town; a second names the quarter and shares its count; a
    // third names the same quarter with a count of its own. The second settles which of the
    // town's events the first was about, so the third joins both.
    let quarter = |name: &str| {
        let mut p = town();
        p.name = format!("{name}, Lakeside");
        p.precision = GeoPrecision::NearTown;
        p
    };
    let three = |third: &str| {
        vec![
            article("a.txt", "2021-04-02", town(), &[(6, "x")]),
            article("b.txt", "2021-04-02", quarter("Old Mill"), &[(6, "y")]),
            article("c.txt", "2021-04-02", quarter(third), &[(11, "z")]),
        ]
    };
    let merged = merge(three("Old Mill"), MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 1);
    let why = &merged.explanation.merged[0].reasons;
    assert!(
        why.iter()
            .any(|w| w.contains("names the district (old mill)")),
        "{why:?}"
    );
    // Another quarter's report is no report of that event: it stays apart.
    assert_eq!(
        merge(three("Weir Quay"), MergeMode::Articles)
            .incidents
            .len(),
        2
    );
    // Without the bridging report, the town's and the quarter's reports stay apart.
    let two = vec![
        article("a.txt", "2021-04-02", town(), &[(6, "x")]),
        article("c.txt", "2021-04-02", quarter("Old Mill"), &[(11, "z")]),
    ];
    assert_eq!(merge(two, MergeMode::Articles).incidents.len(), 2);
}

#[test]
fn a_report_of_no_deaths_and_one_of_deaths_stay_apart() {
    let reports = vec![
        article("a.txt", "2021-04-02", town(), &[(0, "x")]),
        article("b.txt", "2021-04-02", town(), &[(3, "y")]),
    ];
    assert_eq!(merge(reports, MergeMode::Articles).incidents.len(), 2);
}

#[test]
fn reports_that_count_nothing_alike_need_more_than_town_and_day() {
    let mut quiet = article("a.txt", "2021-04-02", town(), &[]);
    quiet.incident.figures.clear();
    let reports = vec![quiet, article("b.txt", "2021-04-02", town(), &[(3, "y")])];
    let merged = merge(reports, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 2);
    let why = kept_apart_reasons(&merged);
    assert!(
        why.iter().any(|w| w.contains("nothing in common")),
        "{why:?}"
    );
}

#[test]
fn one_dead_in_each_of_two_reports_of_a_town_is_no_sign_of_one_event() {
    // Two short reports of a city's day: a man shot in one street, another in the next, the
    // same armed group blamed for both. Counts of one or two coincide between unrelated
    // events, and a group active every day is no sign either.
    let with_actor = |mut r: Reported| {
        r.incident.actors.push("Valley Brigade".into());
        r
    };
    let reports = vec![
        with_actor(article("a.txt", "2021-04-02", town(), &[(1, "x")])),
        with_actor(article("b.txt", "2021-04-02", town(), &[(2, "y")])),
    ];
    let merged = merge(reports, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 2, "{:?}", merged.explanation);
    let why = kept_apart_reasons(&merged);
    assert!(
        why.iter().any(|w| w.contains("nothing in common")),
        "{why:?}"
    );
    // Counts of the same thing large enough to tell events apart, even when they differ
    // (outlets disagree on a toll), are one event told twice.
    let reports = vec![
        article("a.txt", "2021-04-02", town(), &[(7, "x")]),
        article("b.txt", "2021-04-02", town(), &[(16, "y")]),
    ];
    assert_eq!(merge(reports, MergeMode::Articles).incidents.len(), 1);
}
