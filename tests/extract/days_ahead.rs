//! A day ahead ("next Tuesday") or a day in the possessive before something that is no event
//! ("Sunday's general election") dates no incident; "Sunday's bombing" does. Sentences
//! written for these tests.

use incimap::extract::Extraction;

use crate::common;

/// Published on a Friday.
fn read(text: &str) -> Extraction {
    common::read_sentence("2024-03-08", text)
}

fn dates(ex: &Extraction) -> Vec<String> {
    ex.incidents.iter().map(|i| i.date.label()).collect()
}

#[test]
fn a_day_ahead_or_a_day_of_something_else_dates_no_event() {
    // "this Sunday's election", "next Tuesday": no day of the bombing, which stays Friday's.
    for text in [
        "A bomb killed two people in Homs on Friday near a school that will be a polling \
         station for Sunday's general election.",
        "A bomb killed two people in Homs on Friday; talks are due to resume next Tuesday.",
    ] {
        let ex = read(text);
        assert_eq!(dates(&ex), ["2024-03-08"], "{text}");
    }
    let ex = read("Sunday's bombing killed two people in Homs.");
    assert_eq!(dates(&ex), ["2024-03-03"]);
}
