//! "Foo of Bar", where the gazetteer puts a town Foo in the province, district or nearby town
//! Bar, names a place in Bar: not the head of a longer proper name such as "the Bank of Bar".
//! Sentences written for these tests; places from the built-in gazetteer: Kafr Nabl, a town
//! of Idlib province in Syria (towns of that name lie elsewhere too, the longer name
//! alone is Syrian), Edessa and Arnissa, towns of the Greek regional unit of Pella (a town of
//! that name lies near them), and Madan, a Bulgarian town whose name a Syrian town of Raqqa
//! province also bears.

use incimap::model::GeoPrecision;

use crate::common;

#[test]
fn a_town_of_its_province_is_a_place_in_that_province() {
    let ex = common::read_sentence("2024-05-02", "Shells hit Maadan of Raqqa on Tuesday.");
    assert_eq!(common::mention_countries(&ex, "Maadan"), ["SY"]);
    assert_eq!(common::incident_countries(&ex), ["SY"]);
}

#[test]
fn a_town_of_a_nearby_town_is_a_place_there() {
    let ex = common::read_sentence(
        "2024-05-02",
        "Rioters set fire to a hotel in Arnissa of Pella on Tuesday.",
    );
    let places = common::incident_places(&ex);
    assert_eq!(places.len(), 1, "{:?}", ex.incidents);
    assert!(places[0].0.starts_with("Arnissa"), "{places:?}");
    assert_eq!(places[0].1, GeoPrecision::Town);
    assert_eq!(common::incident_countries(&ex), ["GR"]);
}

#[test]
fn a_name_of_something_else_stays_the_head_of_a_longer_name() {
    // "Jordan of Madaba", "Victoria of Damascus": no place of either name lies in the other.
    for sentence in [
        "Gunmen robbed the Bank of Damascus in Aleppo on Tuesday.",
        "Gunmen robbed the Victoria of Damascus café in Aleppo on Tuesday.",
    ] {
        let ex = common::read_sentence("2024-05-02", sentence);
        assert!(
            common::mention_countries(&ex, "Victoria").is_empty(),
            "{sentence}"
        );
        assert_eq!(common::incident_countries(&ex), ["SY"], "{sentence}");
    }
}
