//! A place's name inside the name of a body of water ("the Gulf of Aden", "the Strait of
//! Hormuz", "Lake Chad", "de Golf van Aden") names the water, not the place: a ship hit
//! there is no incident in the town; sailors taken off a port are counted at the port. A word
//! for water after a name ends the water's name ("the Pacific Ocean" is no "Ocean County").
//! Sentences written for these tests.

use crate::common;

#[test]
fn a_name_after_a_word_for_water_is_no_place() {
    for sentence in [
        "Pirates hijacked a ship in the Gulf of Aden on Sunday, killing two crew members.",
        "A drone struck a boat in the Strait of Hormuz on Sunday, killing three.",
        "Piraten kaapten zondag een schip in de Golf van Aden en doodden twee bemanningsleden.",
    ] {
        let ex = common::read_sentence("2024-05-02", sentence);
        assert!(ex.incidents.is_empty(), "{sentence}: {:?}", ex.incidents);
        assert!(ex.places.is_empty(), "{sentence}: {:?}", ex.places);
        // The deaths are kept, unattached.
        assert_eq!(ex.unattached.len(), 1, "{sentence}: {:?}", ex.unattached);
    }
}

#[test]
fn the_town_itself_is_still_a_place() {
    let ex = common::read_sentence(
        "2024-05-02",
        "Gunmen killed four people in Aden, near the Gulf of Aden, on Sunday.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert_eq!(ex.incidents[0].place.name, "Aden");
    // "Sea" or "bay" alone before no name stays an ordinary word.
    let ex = common::read_sentence(
        "2024-05-02",
        "Gunmen killed four people in Aden by the sea on Sunday.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
}

#[test]
fn sailors_taken_off_a_port_are_counted_there() {
    let ex = common::read_sentence(
        "2024-05-02",
        "Pirates kidnapped eight sailors from a tanker off Mombasa on Sunday.",
    );
    assert_eq!(
        common::best_by_place(&ex, incimap::model::Measure::Captured),
        vec![("Mombasa".to_string(), Some(8))]
    );
}

#[test]
fn a_word_for_water_after_a_name_ends_the_waters_name() {
    // "Ocean" alone is a county's short name; after "Pacific" it ends the ocean's name.
    let ex = common::read_sentence(
        "2024-05-02",
        "Warm water in the Pacific Ocean brought heavy rain this year.",
    );
    assert!(ex.places.is_empty(), "{:?}", ex.places);
    // A name before the word still stands ("Bay" is a Somali region).
    let ex = common::read_sentence("2024-05-02", "Fighting continued in Bay region on Monday.");
    assert_eq!(
        common::mention_countries(&ex, "Bay"),
        ["SO"],
        "{:?}",
        ex.places
    );
}
