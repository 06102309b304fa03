//! A report whose body names no place at all, only "a tram", "a shopping centre": its counts
//! are at the one town its headline names ("Three dead in A tram attack"). A headline that
//! names two towns, or a body that names its own place, leaves them where they were.
//! Headlines and sentences written for these tests; Arnhem and Utrecht are Dutch cities in
//! the built-in gazetteer.

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

fn read(headline: &str, body: &str) -> Extraction {
    common::read_sentence("2024-04-09", &format!("{headline}\n\n{body}"))
}

/// (place as written, best killed, best injured) of every incident.
fn counts(ex: &Extraction) -> Vec<(String, Option<u64>, Option<u64>)> {
    let killed = common::best_by_place(ex, Measure::Killed);
    let injured = common::best_by_place(ex, Measure::Injured);
    killed
        .into_iter()
        .zip(injured)
        .map(|((place, k), (_, i))| (place, k, i))
        .collect()
}

#[test]
fn a_body_without_places_is_about_the_headline_s_town() {
    for (headline, body) in [
        (
            "Twee doden bij schietpartij Arnhem",
            "In een winkelcentrum werden vanmiddag twee mensen doodgeschoten. Drie anderen \
             raakten gewond. De dader vluchtte te voet. De politie zoekt getuigen. De \
             burgemeester riep op tot kalmte.",
        ),
        (
            "Two dead in Arnhem shopping centre shooting",
            "Two people were shot dead in a shopping centre this afternoon. Three others were \
             wounded, police said. The gunman fled on foot. Police are looking for witnesses. \
             The mayor called for calm.",
        ),
    ] {
        let ex = read(headline, body);
        assert_eq!(
            counts(&ex),
            [("Arnhem".to_string(), Some(2), Some(3))],
            "{headline}: {:?}",
            ex.unattached
        );
    }
}

#[test]
fn two_towns_in_the_headline_or_one_in_the_body_keep_their_counts() {
    // Which of two towns the counts are at the text does not say.
    let ex = read(
        "Shootings in Arnhem and Utrecht",
        "Two people were shot dead in a shopping centre this afternoon. The gunman fled on \
         foot. Police are looking for witnesses. Shops stayed closed for the rest of the day. \
         The mayor called for calm.",
    );
    assert!(
        ex.incidents.iter().all(|i| i.figures.is_empty()),
        "{:?}",
        ex.incidents
    );
    // The body's own town takes its count; the headline's other town gets none.
    let ex = read(
        "Shooting in Arnhem",
        "Two people were shot dead in Utrecht this afternoon.",
    );
    assert_eq!(counts(&ex), [("Utrecht".to_string(), Some(2), None)]);
}
