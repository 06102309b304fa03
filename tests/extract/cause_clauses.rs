//! A death told as what led to the event ("after two children were killed", "following
//! clashes that left five dead") is an earlier event of its own: never added to the toll of
//! the riot, attack or flight the sentence reports, and kept visible as an unattached figure
//! with the reason. A sentence that opens with its cause, or a cause told with a place of its
//! own, is read as before. Sentences written for these tests; places from the built-in
//! gazetteer (Kasulu and Kigoma in Tanzania).

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

fn killed(ex: &Extraction) -> Vec<(String, Option<u64>)> {
    ex.incidents
        .iter()
        .filter_map(|i| {
            i.figure(&Measure::Killed)
                .map(|f| (i.place.name.clone(), f.best))
        })
        .collect()
}

#[test]
fn a_death_that_led_to_the_event_is_not_its_toll() {
    for text in [
        "On Monday, about 300 residents set fire to a bar in Kasulu after the body of a boy \
         was found behind it.",
        "On Monday, villagers stoned two police officers in Kasulu after three children were \
         killed by unknown gunmen.",
        "On Monday, hundreds of families left Kasulu following clashes that killed seven \
         people.",
        "Op maandag staken bewoners in Kasulu een bar in brand nadat twee jongens waren \
         gedood.",
    ] {
        let ex = read(text);
        assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
        assert!(killed(&ex).is_empty(), "{text}: {:?}", killed(&ex));
        assert!(
            ex.unattached
                .iter()
                .any(|u| u.reason.contains("what led to the event")),
            "{text}: {:?}",
            ex.unattached
        );
    }
}

#[test]
fn a_toll_before_the_cause_or_after_a_fronted_cause_stays() {
    let ex =
        read("On Monday, twelve people were killed in Kasulu after gunmen stormed the market.");
    assert_eq!(killed(&ex), [("Kasulu".to_string(), Some(12))]);
    let ex =
        read("On Monday, after gunmen stormed the market in Kasulu, twelve people were killed.");
    assert_eq!(killed(&ex), [("Kasulu".to_string(), Some(12))]);
    // "The following day" is a day, not a cause.
    let ex =
        read("Shelling hit Kasulu on Sunday, and on the following day nine people were killed.");
    assert_eq!(killed(&ex), [("Kasulu".to_string(), Some(9))]);
}

#[test]
fn a_cause_with_a_place_of_its_own_is_an_event_there() {
    let ex = read(
        "On Monday, residents fled Kasulu after an air strike on a market in Kigoma killed \
         eight people.",
    );
    assert_eq!(killed(&ex), [("Kigoma".to_string(), Some(8))]);
}
