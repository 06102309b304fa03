//! Words written as several tokens and read as one: a month abbreviated with a full stop,
//! as wire services write dates ("Feb. 8", "Sept. 30, 2023"), and a division's kind in
//! several words ("Local Government Area"). Sentences written for these tests.

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

/// The one incident's date (first day) and its figures as (measure, best).
fn date_and_figures(ex: &Extraction, text: &str) -> (String, Vec<(Measure, Option<u64>)>) {
    assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
    let incident = &ex.incidents[0];
    let figures = (incident.figures.iter())
        .map(|f| (f.measure.clone(), f.best))
        .collect();
    (incident.date.start.to_string(), figures)
}

#[test]
fn an_abbreviated_month_dates_the_day_after_it() {
    for (text, day) in [
        (
            "Gunmen shot dead five traders in Nakuru on Feb. 8, police said.",
            "2024-02-08",
        ),
        (
            "NAKURU, Kenya, Feb. 8 (AP) — Gunmen shot dead five traders at a market here.",
            "2024-02-08",
        ),
        (
            "Gunmen shot dead five traders in Nakuru on Sept. 30, 2023, police said.",
            "2023-09-30",
        ),
    ] {
        let ex = common::read_sentence("2024-02-10", text);
        let (date, figures) = date_and_figures(&ex, text);
        assert_eq!(date, day, "{text}");
        // The day is no count of anything.
        assert_eq!(figures, [(Measure::Killed, Some(5))], "{text}");
    }
}

#[test]
fn a_stop_after_an_abbreviated_month_ends_no_sentence() {
    // The day and the figure stay in the sentence that names the place.
    let text = "On Jan. 14 bandits killed three herders in Kitale.";
    let ex = common::read_sentence("2024-01-20", text);
    let (date, figures) = date_and_figures(&ex, text);
    assert_eq!(date, "2024-01-14");
    assert_eq!(figures, [(Measure::Killed, Some(3))]);
}

#[test]
fn a_division_kind_in_several_words_follows_its_name() {
    // Kaura: the local government area in Kaduna State (GeoNames admin2).
    let text = "Bandits killed four farmers in Kaura Local Government Area of Kaduna State.";
    let ex = common::read_sentence("2024-03-05", text);
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let place = &ex.incidents[0].place;
    assert_eq!(place.gazetteer_id.as_deref(), Some("geonames:8634541"));
    assert_eq!(date_and_figures(&ex, text).1, [(Measure::Killed, Some(4))]);
    // Written in lower case it reads the same.
    let lower = "Bandits killed four farmers in Kaura local government area of Kaduna State.";
    let ex = common::read_sentence("2024-03-05", lower);
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert_eq!(
        ex.incidents[0].place.gazetteer_id.as_deref(),
        Some("geonames:8634541")
    );
}
