//! A sentence that opens in a town and its province ("On Monday, in A, B, ...", as event
//! data sets write their notes) is set there: a place the gazetteer lacks named later in it
//! is in A's area, and a small town or district of another province named later is a
//! namesake of a local place, read in B when B has one. Sentences written for these tests;
//! "Kolbeyiri" is made up; Tururu is a Brazilian municipality far from Pernambuco, Tlaxco a
//! name of towns in Tlaxcala (the largest) and in Hidalgo.

use incimap::extract::Extraction;
use incimap::model::{GeoPrecision, Measure};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-06-03", text)
}

#[test]
fn a_named_place_the_gazetteer_lacks_is_near_the_town_the_sentence_opens_in() {
    let ex =
        read("On Monday, in Kitale, Trans Nzoia, gunmen shot dead two men in Kolbeyiri community.");
    assert_eq!(
        common::best_by_place(&ex, Measure::Killed),
        [("Kolbeyiri, Kitale".to_string(), Some(2))]
    );
    assert_eq!(ex.incidents[0].place.precision, GeoPrecision::NearTown);
}

#[test]
fn a_district_of_another_province_is_a_namesake_of_a_local_place() {
    let ex =
        read("On Monday, in Caruaru, Pernambuco, gunmen shot a man dead in the Tururu community.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let place = &ex.incidents[0].place;
    assert_eq!(place.admin1.as_deref(), Some("Pernambuco"), "{place:?}");
    assert_eq!(common::best_by_place(&ex, Measure::Killed)[0].1, Some(1));
}

#[test]
fn an_opening_place_the_gazetteer_lacks_still_sets_the_sentence_in_its_province() {
    // The larger Tlaxco lies in Tlaxcala; the sentence is set in Hidalgo, which has one too.
    let ex =
        read("On Monday, in Kolbeyiri municipality, Hidalgo, gunmen killed two men in Tlaxco.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert_eq!(ex.incidents[0].place.admin1.as_deref(), Some("Hidalgo"));
}

#[test]
fn a_place_in_brackets_after_an_unknown_name_only_holds_that_name() {
    // "(Kolbeyiri, Hidalgo)" places Kolbeyiri, not the sentence: Tlaxco keeps its reading.
    let ex = read("On Monday, gunmen killed two men in Tlaxco, near a ranch (Kolbeyiri, Hidalgo).");
    assert!(
        ex.incidents
            .iter()
            .any(|i| i.place.admin1.as_deref() == Some("Tlaxcala")),
        "{:?}",
        ex.incidents
    );
}

#[test]
fn a_frame_set_late_in_a_sentence_does_not_reach_back() {
    // The province comes at the end, after a name the gazetteer lacks: it sets nothing
    // before it, so Tururu keeps its reading in Ceará.
    let ex = read(
        "Since the Tururu attack in May, police have patrolled the market in Kolbeyiri, \
         Pernambuco.",
    );
    assert!(
        ex.places
            .iter()
            .any(|m| m.text == "Tururu" && m.country_code == "BR"),
        "{:?}",
        ex.places
    );
}

#[test]
fn a_list_after_an_unknown_name_sets_no_frame_of_its_own() {
    // "in Kolbeyiri, Itaberaba and ..." lists neighbourhoods: Itaberaba is no province
    // framing itself, and the town of that name in Bahia is a namesake in Recife's sentence.
    let ex = read(
        "On Monday, in Recife, Pernambuco, shoot-outs took place in Kolbeyiri, Itaberaba and \
         Boa Vista neighbourhoods.",
    );
    assert!(
        !ex.places.iter().any(|m| m.text == "Itaberaba"),
        "{:?}",
        ex.places
    );
}

#[test]
fn a_town_of_a_named_region_is_the_place_not_the_region() {
    // "X of the Y region" names the town X in the region Y; the town is where it happened.
    let ex = common::read_sentence(
        "2024-05-06",
        "On Sunday, 40 traders protested in Kitale of the Trans Nzoia county.",
    );
    let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
    assert_eq!(places, ["Kitale"], "{:?}", ex.places);
}

#[test]
fn a_conjunction_that_opens_the_sentence_is_no_part_of_the_name_after_it() {
    // "Though", "Despite", "Unlike" and the like open a sentence with a capital; the place
    // right after them is a place of its own.
    for opening in [
        "Though", "Although", "Despite", "Unlike", "Once", "Even", "Yet",
    ] {
        let text =
            format!("Traders left on Monday. {opening} Mombasa's port stayed open, they left.");
        let ex = read(&text);
        let written: Vec<&str> = ex.places.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(written, ["Mombasa"], "{text}");
    }
}
