//! A place name used as the name of a group of people is no place: before a word for a
//! group ("the Kitui clan", "the Nyeri militia"), counted as people ("two Meru were
//! killed"), or as the people a group belongs to ("a sub-clan of the Meru"). Sentences
//! written for these tests; Kenyan towns and counties from the built-in gazetteer.

use incimap::extract::Extraction;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-06", sentence)
}

/// The sentence names no place written as `name`, and its one incident is at `place`.
fn assert_group_not_place(sentence: &str, name: &str, place: &str) {
    let ex = read(sentence);
    assert!(
        ex.places.iter().all(|m| m.text != name),
        "{sentence}: {:?}",
        ex.places
    );
    let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
    assert_eq!(places, [place], "{sentence}");
}

#[test]
fn a_name_before_a_word_for_a_group_names_the_group() {
    assert_group_not_place(
        "Fighters of the Kitui clan attacked herders near Garissa on Sunday, killing 3.",
        "Kitui",
        "Garissa",
    );
    assert_group_not_place(
        "Members of the Nyeri militia killed 3 herders near Isiolo on Sunday.",
        "Nyeri",
        "Isiolo",
    );
    assert_group_not_place(
        "Strijders van de Kitui clan vielen zondag herders aan bij Garissa en doodden 3 mensen.",
        "Kitui",
        "Garissa",
    );
}

#[test]
fn a_counted_name_is_people() {
    assert_group_not_place(
        "Police said two Meru were killed in clashes with herders near Isiolo on Sunday.",
        "Meru",
        "Isiolo",
    );
    assert_group_not_place(
        "Police said 2 Meru were killed in clashes with herders near Isiolo on Sunday.",
        "Meru",
        "Isiolo",
    );
}

#[test]
fn the_people_a_group_belongs_to_is_no_place() {
    assert_group_not_place(
        "Gunmen from a sub-clan of the Meru attacked herders near Isiolo on Sunday, killing 4.",
        "Meru",
        "Isiolo",
    );
}

#[test]
fn a_year_before_a_name_does_not_make_it_people() {
    // A year may stand right before the place it is about.
    let ex = read("Since 2019 Garissa has seen 3 attacks on police posts.");
    assert!(
        ex.places.iter().any(|m| m.text == "Garissa"),
        "{:?}",
        ex.places
    );
}

#[test]
fn an_acronym_with_a_possessive_is_no_place() {
    // "HM" is a group written short; with "'s" it must not be read as a town whose consonants
    // it shares.
    let ex = common::read_sentence(
        "2024-05-02",
        "On Monday, HM's local commander was killed by troops in Kitale.",
    );
    assert_eq!(
        common::places(&ex),
        [("Kitale".to_string(), "KE".to_string())]
    );
}

#[test]
fn a_country_s_short_name_with_a_possessive_is_the_country() {
    let ex = common::read_sentence(
        "2024-05-02",
        "On Monday, two of the UK's soldiers were killed by a bomb in Kitale.",
    );
    let countries = common::mention_countries(&ex, "UK");
    assert_eq!(countries, ["GB"], "{:?}", common::places(&ex));
}
