//! The merge stage's finer rules on hand-made reports: how dates of different resolutions
//! meet, periods, and close tolls.

use super::tests::{article, kept_apart_reasons, place, town};
use super::*;
use crate::model::GeoPrecision;

fn quarter(name: &str) -> crate::model::Place {
    let mut p = town();
    p.name = format!("{name}, Lakeside");
    p
}

#[test]
fn a_fortnight_does_not_touch_the_next_day() {
    // A toll over two weeks and a report of the next day share a count (the same running
    // total quoted twice, or a coincidence): the day after a period is outside it.
    let reports = vec![
        article("a.txt", "2021-03-20/2021-04-02", town(), &[(300, "x")]),
        article("b.txt", "2021-04-03", town(), &[(300, "y")]),
    ];
    let merged = merge(reports, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 2, "{:?}", merged.explanation);
    let why = kept_apart_reasons(&merged);
    assert!(why.iter().any(|w| w.contains("day-dated")), "{why:?}");
    // Two day-dated reports a day apart with that count still merge.
    let days = vec![
        article("a.txt", "2021-04-02", town(), &[(300, "x")]),
        article("b.txt", "2021-04-03", town(), &[(300, "y")]),
    ];
    assert_eq!(merge(days, MergeMode::Articles).incidents.len(), 1);
    // A week's report that contains the day is one event with it.
    let within = vec![
        article("a.txt", "2021-03-29/2021-04-04", town(), &[(300, "x")]),
        article("b.txt", "2021-04-03", town(), &[(300, "y")]),
    ];
    assert_eq!(merge(within, MergeMode::Articles).incidents.len(), 1);
}

#[test]
fn adjacent_days_merge_on_close_large_tolls_not_on_a_named_quarter() {
    // A bombing dated by the night it happened in one report and by the morning after in
    // another, the outlets counting 64 and 71 dead: one event.
    let reports = vec![
        article("a.txt", "2021-04-02", quarter("Old Mill"), &[(64, "x")]),
        article("b.txt", "2021-04-03", quarter("Old Mill"), &[(71, "y")]),
    ];
    assert_eq!(merge(reports, MergeMode::Articles).incidents.len(), 1);
    // A quarter of a city under daily shelling is hit again: the same quarter a day later
    // with small, different counts is no evidence of one event.
    let again = vec![
        article("a.txt", "2021-04-02", quarter("Old Mill"), &[(2, "x")]),
        article("b.txt", "2021-04-03", quarter("Old Mill"), &[(5, "y")]),
    ];
    let merged = merge(again, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 2);
    let why = kept_apart_reasons(&merged);
    assert!(why.iter().any(|w| w.contains("do not overlap")), "{why:?}");
    // Close tolls never join two quarters.
    let two = vec![
        article("a.txt", "2021-04-02", quarter("Old Mill"), &[(64, "x")]),
        article("b.txt", "2021-04-03", quarter("Riverbank"), &[(71, "y")]),
    ];
    assert_eq!(merge(two, MergeMode::Articles).incidents.len(), 2);
}

#[test]
fn a_running_total_over_a_period_is_no_event_of_that_period() {
    // "Since the 10th, 45 people have died in the town" against a shelling on the 18th that
    // killed 6: the day lies in the period, but the period's total is no report of it.
    let reports = vec![
        article("a.txt", "2021-04-10/2021-04-24", town(), &[(45, "x")]),
        article("b.txt", "2021-04-18", town(), &[(6, "y")]),
    ];
    let merged = merge(reports, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 2);
    let why = kept_apart_reasons(&merged);
    assert!(why.iter().any(|w| w.contains("running total")), "{why:?}");
    // A calendar month ("in April") dates an event vaguely: with the day's count it merges,
    // and so does the period when the two quote the same count.
    let month = vec![
        article("a.txt", "2021-04", town(), &[(6, "x")]),
        article("b.txt", "2021-04-18", town(), &[(6, "y")]),
    ];
    assert_eq!(merge(month, MergeMode::Articles).incidents.len(), 1);
    let quoted = vec![
        article("a.txt", "2021-04-10/2021-04-24", town(), &[(45, "x")]),
        article("b.txt", "2021-04-18", town(), &[(45, "y")]),
    ];
    assert_eq!(merge(quoted, MergeMode::Articles).incidents.len(), 1);
    // A week ("earlier this week") is no period: it merges with the day on the same measure.
    let week = vec![
        article("a.txt", "2021-04-12/2021-04-18", town(), &[(9, "x")]),
        article("b.txt", "2021-04-14", town(), &[(6, "y")]),
    ];
    assert_eq!(merge(week, MergeMode::Articles).incidents.len(), 1);
}

#[test]
fn a_quarter_and_its_town_merge_on_close_large_tolls() {
    // One outlet names the quarter and counts 118 dead, another names only the town and
    // counts 135: the same large toll told twice.
    let reports = vec![
        article("a.txt", "2021-04-02", quarter("Old Mill"), &[(118, "x")]),
        article("b.txt", "2021-04-02", town(), &[(135, "y")]),
    ];
    let merged = merge(reports, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 1, "{:?}", merged.explanation);
    assert!(merged.explanation.merged[0]
        .reasons
        .iter()
        .any(|r| r.contains("close tolls")));
    // Small tolls close to each other are common in a busy town: no support.
    let small = vec![
        article("a.txt", "2021-04-02", quarter("Old Mill"), &[(4, "x")]),
        article("b.txt", "2021-04-02", town(), &[(5, "y")]),
    ];
    assert_eq!(merge(small, MergeMode::Articles).incidents.len(), 2);
    // Large tolls far from each other (40 and 135): no support either.
    let far = vec![
        article("a.txt", "2021-04-02", quarter("Old Mill"), &[(40, "x")]),
        article("b.txt", "2021-04-02", town(), &[(135, "y")]),
    ];
    assert_eq!(merge(far, MergeMode::Articles).incidents.len(), 2);
    // Close tolls never join two named quarters.
    let quarters = vec![
        article("a.txt", "2021-04-02", quarter("Old Mill"), &[(118, "x")]),
        article("b.txt", "2021-04-02", quarter("Riverbank"), &[(120, "y")]),
    ];
    assert_eq!(merge(quarters, MergeMode::Articles).incidents.len(), 2);
    // Nor two towns.
    let other = place(
        "Brookside",
        Some("geonames:3"),
        20.3,
        10.0,
        GeoPrecision::Town,
    );
    let towns = vec![
        article("a.txt", "2021-04-02", other, &[(118, "x")]),
        article("b.txt", "2021-04-02", town(), &[(120, "y")]),
    ];
    assert_eq!(merge(towns, MergeMode::Articles).incidents.len(), 2);
}

#[test]
fn neighbouring_towns_merge_only_on_a_distinctive_shared_count() {
    // Two villages 2.2 km apart: one barrage that struck both, one outlet naming each, both
    // quoting a doctor's count of 34 dead.
    let other = |lon: f64| {
        place(
            "Brookside",
            Some("geonames:3"),
            lon,
            10.0,
            GeoPrecision::Town,
        )
    };
    let one_barrage = vec![
        article("a.txt", "2021-04-02", town(), &[(34, "x"), (50, "y")]),
        article("b.txt", "2021-04-02", other(20.02), &[(34, "z")]),
    ];
    let merged = merge(one_barrage, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 1, "{:?}", merged.explanation);
    assert!(merged.explanation.merged[0]
        .reasons
        .iter()
        .any(|r| r.contains("neighbouring towns")));
    // A small count in common is a coincidence between two villages' strikes.
    let small = vec![
        article("a.txt", "2021-04-02", town(), &[(3, "x")]),
        article("b.txt", "2021-04-02", other(20.02), &[(3, "z")]),
    ];
    assert_eq!(merge(small, MergeMode::Articles).incidents.len(), 2);
    // Different counts: two villages, two strikes.
    let different = vec![
        article("a.txt", "2021-04-02", town(), &[(34, "x")]),
        article("b.txt", "2021-04-02", other(20.02), &[(30, "z")]),
    ];
    assert_eq!(merge(different, MergeMode::Articles).incidents.len(), 2);
    // Beyond the towns' reach (11 km) the shared count does not make them one place.
    let far = vec![
        article("a.txt", "2021-04-02", town(), &[(34, "x")]),
        article("b.txt", "2021-04-02", other(20.1), &[(34, "z")]),
    ];
    assert_eq!(merge(far, MergeMode::Articles).incidents.len(), 2);
    // A week apart, the same count in neighbouring towns is two events.
    let later = vec![
        article("a.txt", "2021-04-02", town(), &[(34, "x")]),
        article("b.txt", "2021-04-09", other(20.02), &[(34, "z")]),
    ];
    assert_eq!(merge(later, MergeMode::Articles).incidents.len(), 2);
}

/// The report with every claim turned into a vague word's reading ("hundreds" as 100).
fn vague(mut r: crate::model::Reported) -> crate::model::Reported {
    for f in &mut r.incident.figures {
        for c in &mut f.claims {
            c.qualifier = crate::model::Qualifier::Vague;
        }
    }
    r
}

#[test]
fn a_month_names_no_day_so_only_a_real_count_ties_it_to_one() {
    // A later article recalls "an attack on the town in April that killed hundreds";
    // a report of the 18th says hundreds were killed there that day. "Hundreds" is no count
    // anyone made: the month holds the town's other attacks too.
    let recalled = vec![
        vague(article("a.txt", "2021-04", town(), &[(100, "x")])),
        vague(article("b.txt", "2021-04-18", town(), &[(100, "y")])),
    ];
    let merged = merge(recalled, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 2, "{:?}", merged.explanation);
    let why = kept_apart_reasons(&merged);
    assert!(
        why.iter().any(|w| w.contains("dated only to a month")),
        "{why:?}"
    );
    // A vague word against a counted toll is no support either.
    let half = vec![
        vague(article("a.txt", "2021-04", town(), &[(100, "x")])),
        article("b.txt", "2021-04-18", town(), &[(93, "y")]),
    ];
    assert_eq!(merge(half, MergeMode::Articles).incidents.len(), 2);
    // The same counted toll, or close large counted tolls, say which attack it was.
    for (month, day) in [(37, 37), (93, 104)] {
        let counted = vec![
            article("a.txt", "2021-04", town(), &[(month, "x")]),
            article("b.txt", "2021-04-18", town(), &[(day, "y")]),
        ];
        let merged = merge(counted, MergeMode::Articles);
        assert_eq!(merged.incidents.len(), 1, "{:?}", merged.explanation);
    }
    // Two reports of one day lose nothing: a vague toll told twice still merges there.
    let daily = vec![
        vague(article("a.txt", "2021-04-18", town(), &[(100, "x")])),
        vague(article("b.txt", "2021-04-18", town(), &[(100, "y")])),
    ];
    assert_eq!(merge(daily, MergeMode::Articles).incidents.len(), 1);
}

#[test]
fn one_dead_on_the_next_day_in_the_same_town_is_no_shared_count() {
    // Two killings in one town a day apart, each with one dead: a count that small coincides
    // between unrelated events and says nothing about one event told twice.
    let reports = vec![
        article("a.txt", "2021-04-02", town(), &[(1, "x")]),
        article("b.txt", "2021-04-03", town(), &[(1, "y")]),
    ];
    let merged = merge(reports, MergeMode::Articles);
    assert_eq!(merged.incidents.len(), 2, "{:?}", merged.explanation);
    // Twelve dead in both, a day apart: one event.
    let twelve = vec![
        article("a.txt", "2021-04-02", town(), &[(12, "x")]),
        article("b.txt", "2021-04-03", town(), &[(12, "y")]),
    ];
    assert_eq!(merge(twelve, MergeMode::Articles).incidents.len(), 1);
}
