//! First names that are also towns: a capitalised word right after a relative in lower case
//! ("his brother Tyler", "girlfriend Olivia", Dutch "zijn broer Tyler") is a person, and so is
//! the same word elsewhere in the article, also with a possessive ("Tyler's lawyer"); after a
//! locative ("flew to Tyler") it is still the town. Sentences written for these tests; Tyler
//! (Texas) and Olivia (Minnesota) are towns of the built-in gazetteer.

use crate::common;

fn places(text: &str) -> Vec<(String, String)> {
    common::places(&common::read_sentence("2024-04-02", text))
}

#[test]
fn a_first_name_after_a_relative_is_no_place() {
    let got = places(
        "The victim leaves his mother, his brother Tyler and girlfriend Olivia. Tyler's lawyer \
         said Tyler was not hurt.",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_first_name_with_a_possessive_after_a_relative_is_no_place() {
    let got = places("Police questioned her son Tyler's friends. Tyler was not at home.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn the_same_word_after_a_locative_is_the_town() {
    let got = places("Her brother Tyler was not hurt. The family flew home to Tyler on Monday.");
    assert_eq!(got, [("Tyler".to_string(), "US".to_string())]);
}

#[test]
fn dutch_a_first_name_after_a_relative_is_no_place() {
    let got = places(
        "Het slachtoffer laat zijn moeder en zijn broer Tyler achter, zo meldde de politie \
         van de stad.",
    );
    assert!(got.is_empty(), "{got:?}");
}
