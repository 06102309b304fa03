//! Three ways a place name is written inside a longer capitalised phrase without being part
//! of a longer name: a country's possessive before it ("Tanzania's Kigoma region", also with
//! the apostrophe lost, as some text extraction leaves it), an acronym's possessive ("KTDA's
//! Kericho factory"), and a facility named after the town ("Kumasi Central Prison", "Foo
//! Railway Station", "Foo University").
//! Sentences written for these tests; places from the built-in gazetteer (Kigoma, a Tanzanian
//! region, and Kasulu, a town in it; Kumasi in Ghana; Kericho in Kenya).

use incimap::extract::Extraction;
use incimap::model::{GeoPrecision, SubEventType};

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

/// The areas of the regional figures.
fn areas(ex: &Extraction) -> Vec<Option<String>> {
    ex.regional.iter().map(|r| r.area.clone()).collect()
}

#[test]
fn a_region_after_its_country_s_possessive_holds_the_figure() {
    for sentence in [
        "Gunmen killed 6 people in Tanzania's Kigoma region on Monday.",
        "Gunmen killed 6 people in Tanzania\u{2019}s Kigoma region on Monday.",
        // The apostrophe lost: a country's name with an "s" glued to it.
        "Gunmen killed 6 people in Tanzanias Kigoma region on Monday.",
        // Plain words may stand between the possessive and the name.
        "Gunmen killed 6 people in Tanzania's remote western Kigoma region on Monday.",
        // The word for the division with "of" before the name.
        "Gunmen killed 6 people in Tanzania's western region of Kigoma on Monday.",
        "Gunmen killed 6 people in Tanzania's remote western region of Kigoma on Monday.",
    ] {
        let ex = read(sentence);
        assert!(ex.incidents.is_empty(), "{sentence}: {:?}", ex.incidents);
        assert_eq!(areas(&ex), [Some("Kigoma".to_string())], "{sentence}");
    }
}

#[test]
fn a_town_after_its_country_s_possessive_is_the_event_place() {
    for sentence in [
        "A bomb killed 6 people in Tanzania's Kasulu on Monday.",
        "A bomb killed 6 people in Tanzanias Kasulu on Monday.",
    ] {
        let ex = read(sentence);
        let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
        assert_eq!(places, ["Kasulu"], "{sentence}");
        assert!(ex.regional.is_empty(), "{sentence}: {:?}", ex.regional);
    }
}

#[test]
fn a_possessive_before_a_common_word_is_still_the_country() {
    for sentence in [
        "Gunmen killed 6 people in Tanzania's north on Monday.",
        // The sentence ends before the next capitalised word.
        "Gunmen killed 6 people in Tanzania's north. The army said so.",
    ] {
        let ex = read(sentence);
        assert_eq!(areas(&ex), [Some("Tanzania".to_string())], "{sentence}");
    }
}

#[test]
fn a_facility_named_after_a_town_puts_the_event_at_the_town() {
    let ex = read("A bomb exploded near Kumasi Central Prison on Monday, killing 3 guards.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let place = &ex.incidents[0].place;
    assert_eq!(place.name, "Kumasi");
    assert_eq!(place.site.as_deref(), Some("prison"));
    assert_eq!(place.precision, GeoPrecision::NearTown);
    assert_eq!(
        common::best_by_place(&ex, incimap::model::Measure::Killed),
        [("Kumasi".to_string(), Some(3))]
    );
}

#[test]
fn a_station_or_university_named_after_a_town_puts_the_event_at_the_town() {
    for (sentence, site) in [
        (
            "A suicide bomber struck Kumasi Railway Station on Monday, killing 3 guards.",
            "station",
        ),
        (
            "A suicide bomber struck Kumasi Police Station on Monday, killing 3 guards.",
            "station",
        ),
        (
            "Gunmen attacked Kumasi University on Monday, killing 3 guards.",
            "university",
        ),
    ] {
        let ex = read(sentence);
        assert_eq!(
            common::best_by_place(&ex, incimap::model::Measure::Killed),
            [("Kumasi".to_string(), Some(3))],
            "{sentence}"
        );
        assert_eq!(
            ex.incidents[0].place.site.as_deref(),
            Some(site),
            "{sentence}"
        );
    }
    // A bare "Station" is often named after another town it serves: a longer name.
    let ex = read("Shells hit Kumasi Station on Monday, killing 3 guards.");
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
}

#[test]
fn a_facility_told_later_in_the_sentence_is_not_named_after_the_town() {
    let ex = read("Gunmen stormed Kasulu, including a hospital, killing 3 guards on Monday.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert_eq!(ex.incidents[0].place.site, None);
    // Capitalised words that end in no facility word still make a longer name; so do words
    // that are no qualifier ("a hospital named after a person") and a "Post".
    for sentence in [
        "Gunmen killed 3 guards outside Kasulu Grand Hotel on Monday.",
        "Gunmen killed 3 guards outside Kasulu Mwami Memorial Hospital on Monday.",
        "Gunmen killed 3 guards outside the Kasulu Post offices on Monday.",
    ] {
        let ex = read(sentence);
        assert!(ex.incidents.is_empty(), "{sentence}: {:?}", ex.incidents);
    }
}

#[test]
fn detonating_a_device_is_an_explosive_and_a_belt_a_suicide_bomb() {
    let kind = |sentence: &str| {
        let ex = read(sentence);
        assert_eq!(ex.incidents.len(), 1, "{sentence}: {:?}", ex.incidents);
        ex.incidents[0].sub_event_type
    };
    assert_eq!(
        kind("Militants detonated an explosive device in Kasulu on Monday, killing 2 people."),
        Some(SubEventType::RemoteExplosiveLandmineIed)
    );
    assert_eq!(
        kind("A man blew himself up in a market in Kasulu on Monday, killing 5 people."),
        Some(SubEventType::SuicideBomb)
    );
    assert_eq!(
        kind("An attacker wearing an explosive vest killed 5 people in Kasulu on Monday."),
        Some(SubEventType::SuicideBomb)
    );
}

#[test]
fn an_event_near_a_facility_of_a_town_takes_the_next_sentence_with_it() {
    // The second incident is told near a hospital named after Kumasi; the toll that follows
    // with no place of its own is that incident's, not the first one's.
    let ex = read(
        "Shelling killed 3 people in Obuasi on Monday. Gunmen set off a bomb near Kumasi \
         Central Hospital on Tuesday. The police said two guards were wounded.",
    );
    let got: Vec<(String, Vec<u64>)> = ex
        .incidents
        .iter()
        .map(|i| {
            let values = i
                .figures
                .iter()
                .flat_map(|f| f.claims.iter().map(|c| c.value))
                .collect();
            (i.place.name.clone(), values)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Obuasi".to_string(), vec![3]),
            ("Kumasi".to_string(), vec![2])
        ],
        "{got:?}"
    );
    // A town the sentence names itself keeps the focus beside a place near which something
    // lay: the toll after it stays with that town.
    let ex = read(
        "On Monday, in Obuasi, a body was dumped near Kumasi market. One person died, police said.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert_eq!(ex.incidents[0].place.name, "Obuasi");
}

#[test]
fn an_acronyms_possessive_ends_its_name_before_a_place() {
    // "KTDA's Kericho factory": the organisation's possessive ends its name; the town after
    // it is a place of its own.
    let ex = read("Output at KTDA's Kericho factory rose last year.");
    assert_eq!(
        common::mention_countries(&ex, "Kericho"),
        ["KE"],
        "{:?}",
        ex.places
    );
}
