//! A report whose body names no place at all, only "a tram", "a shopping centre": its counts
//! are at the one town its headline names ("Three dead in A tram attack"). A headline that
//! names two towns, or a body that names its own place, leaves them where they were. The
//! other way round, a headline count over a body that places the one incident but counts no
//! dead of its own is that incident's. A short first line without a full stop, run into the
//! text, is a headline all the same.
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

#[test]
fn a_headline_count_the_body_never_tells_is_the_one_incident_s() {
    for (headline, body) in [
        (
            "Veedieven doden twaalf boeren in Kenia",
            "De aanval gebeurde zaterdag in Kitale. De daders vluchtten met honderden \
             runderen. Volgens de politie is een zoektocht begonnen.",
        ),
        (
            "Cattle raiders kill twelve farmers in Kenya",
            "The attack happened on Saturday in Kitale. The raiders fled with hundreds of \
             cattle. Police said a search had begun.",
        ),
    ] {
        let ex = read(headline, body);
        assert_eq!(
            counts(&ex),
            [("Kitale".to_string(), Some(12), None)],
            "{headline}: {:?}",
            ex.unattached
        );
    }
}

#[test]
fn a_headline_count_stays_a_summary_where_the_body_counts_or_tells_several_incidents() {
    // The body gives its own toll: the headline's is not added to it.
    let ex = read(
        "Cattle raiders kill twelve farmers in Kenya",
        "The attack happened on Saturday in Kitale, where ten farmers were killed.",
    );
    assert_eq!(counts(&ex), [("Kitale".to_string(), Some(10), None)]);
    // Two incidents: the headline sums them up.
    let ex = read(
        "Cattle raiders kill twelve farmers in Kenya",
        "Raiders attacked Kitale on Saturday. On Sunday other raiders attacked Eldoret.",
    );
    assert_eq!(
        counts(&ex),
        [
            ("Kitale".to_string(), None, None),
            ("Eldoret".to_string(), None, None)
        ]
    );
}

#[test]
fn a_title_run_into_the_text_is_a_headline() {
    // The first line, short and without a full stop, right before the text: its count is
    // the headline's, not an incident of its own beside the body's.
    let ex = common::read_sentence(
        "2024-04-09",
        "Bomb kills 10 in Arnhem\nIt was the third time this year that a bomb hit a market \
         in the city. A bomb went off in a market in Utrecht on Monday, killing at least 10 \
         people.",
    );
    let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
    assert!(!places.contains(&"Arnhem"), "{places:?}");
    assert_eq!(counts(&ex), [("Utrecht".to_string(), Some(10), None)]);
}

#[test]
fn a_lead_without_a_place_waits_for_the_body_not_the_headline_s_town() {
    // The headline sums up; the body's next sentence says where the attack took place.
    let ex = common::read_sentence(
        "2023-05-13",
        "Bomb attack kills ranger in Arnhem\n\nViolence went on in the region's villages on \
         Friday, after a bomb killed a ranger and injured three others.\n\nThe attack took \
         place in Utrecht.",
    );
    assert_eq!(counts(&ex), [("Utrecht".to_string(), Some(1), Some(3))]);
}
