//! "In the Kenyan capital": news names a country's capital by the word for its people and
//! "capital" once the city has been named, or instead of naming it. In or at it, or in a
//! part of it, that is the capital city; near it or east of it is the land around, no place.
//! A division in the possessive before "capital" is the division, and the town after it is
//! its capital ("in A's state capital B"). The city's own name right after the phrase ("the
//! Kenyan capital Nairobi") names the incident. Sentences written for these tests.

use incimap::extract::{extract_text, Extraction, Options, PlaceIndex};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-06-08", text)
}

/// The gazetteer ids of the incidents' places.
fn incident_ids(ex: &Extraction) -> Vec<String> {
    ex.incidents
        .iter()
        .map(|i| i.place.gazetteer_id.clone().unwrap_or_default())
        .collect()
}

/// Nairobi in the built-in gazetteer.
const NAIROBI: &str = "geonames:184745";

#[test]
fn in_the_capital_of_a_people_is_the_capital_city() {
    for text in [
        "A grenade attack killed three people in the Kenyan capital on Monday.",
        "A grenade attack killed three people at a market in the Kenyan capital on Monday.",
        "A grenade attack killed three people in a suburb of the Kenyan capital on Monday.",
    ] {
        assert_eq!(incident_ids(&read(text)), [NAIROBI], "{text}");
    }
    let options = Options {
        language: Some("nl".to_string()),
        ..Options::default()
    };
    let source = "date 2024-06-08\nBij een granaataanval in de Keniaanse hoofdstad zijn maandag \
                  drie mensen omgekomen.\n";
    let ex = extract_text(source, "test.txt", PlaceIndex::builtin(), &options);
    assert_eq!(incident_ids(&ex), [NAIROBI]);
}

#[test]
fn near_or_east_of_the_capital_is_no_place() {
    for text in [
        "A grenade attack killed three people near the Kenyan capital on Monday.",
        "Airstrikes killed three people in villages east of the Kenyan capital on Monday.",
    ] {
        let ex = read(text);
        assert!(
            !incident_ids(&ex).contains(&NAIROBI.to_string()),
            "{text}: {:?}",
            ex.incidents
        );
    }
}

#[test]
fn a_country_named_in_the_possessive_before_capital_is_the_capital_city() {
    for text in [
        "A grenade attack killed three people at a bar in Kenya's capital on Monday.",
        "A grenade attack killed three people in the centre of Kenya's capital on Monday.",
        "A grenade attack killed three people in the centre of the Kenyan capital on Monday.",
    ] {
        assert_eq!(incident_ids(&read(text)), [NAIROBI], "{text}");
    }
    // Near it, it is the land around; the country alone stays the country.
    let ex = read("A grenade attack killed three people near Kenya's capital on Monday.");
    assert!(incident_ids(&ex).is_empty(), "{:?}", ex.incidents);
}

#[test]
fn a_division_in_the_possessive_before_capital_names_the_town_after_it() {
    // The count is at the capital named after the division, not regional in the division.
    for (text, town) in [
        (
            "Gunmen killed three farmers in Borno's state capital Maiduguri.",
            "Maiduguri",
        ),
        (
            "Gunmen killed three farmers in Ondo's state capital, Akure.",
            "Akure",
        ),
        (
            "Gunmen killed three farmers in Ondo's capital Akure on Monday.",
            "Akure",
        ),
    ] {
        let got = common::tolls(&read(text));
        assert_eq!(got, [(town.to_string(), Some(3), None)], "{text}");
    }
    // A division that shares its name with a town is the division there, no second place.
    let ex = read("Gunmen robbed a bank in Ondo's capital Akure on Monday.");
    let names: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
    assert_eq!(names, ["Akure"], "{:?}", ex.incidents);
    // Without the capital, the name is the town it names.
    let got = common::tolls(&read("Gunmen killed three farmers in Ondo on Monday."));
    assert_eq!(got, [("Ondo".to_string(), Some(3), None)]);
}

#[test]
fn the_capital_named_right_after_the_phrase_is_named_by_its_own_name() {
    // "the Kenyan capital Nairobi": the incident is Nairobi, not "Kenyan capital"; alone,
    // the phrase still names it.
    for text in [
        "A car bomb killed five people in the Kenyan capital Nairobi on Sunday.",
        "A car bomb killed five people in the Kenyan capital, Nairobi, on Sunday.",
        "Een autobom doodde zondag vijf mensen in de Keniaanse hoofdstad Nairobi.",
    ] {
        let ex = read(text);
        let names: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
        assert_eq!(names, ["Nairobi"], "{text}");
    }
    let ex = read("A car bomb killed five people in the Kenyan capital on Sunday.");
    assert_eq!(ex.incidents[0].place.name, "Kenyan capital");
}
