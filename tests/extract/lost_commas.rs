//! Lists of places whose commas were lost in copying: a run of capitalised words that a
//! locative, a plural place noun and "of", or a list before it governs, that the gazetteer
//! does not know as a whole and that splits into names it knows, with a coordinator and
//! another name after it or a division's kind word inside it. A run that ends in a word the
//! gazetteer lacks, one that opens with a word for a part of a town, or a possessive before
//! a name stays one name. Sentences written for these tests (Kenyan and Nigerian towns of the
//! built-in gazetteer).

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-05-14", text)
}

fn written(ex: &Extraction) -> Vec<String> {
    ex.places.iter().map(|m| m.text.clone()).collect()
}

#[test]
fn a_list_that_lost_its_commas_is_read_as_its_places() {
    let ex = read("Raiders burned houses in the villages of Kitale Eldoret and Nakuru overnight.");
    assert_eq!(
        written(&ex),
        ["Kitale", "Eldoret", "Nakuru"],
        "{:?}",
        ex.places
    );
    // As many incidents as with the commas written.
    let with_commas =
        read("Raiders burned houses in the villages of Kitale, Eldoret and Nakuru overnight.");
    assert_eq!(ex.incidents.len(), with_commas.incidents.len());
    // A toll for the list goes where it goes with the commas.
    let killed = |text: &str| common::best_by_place(&read(text), Measure::Killed);
    assert_eq!(
        killed("Shelling killed seven people in the villages of Kitale Eldoret and Nakuru."),
        killed("Shelling killed seven people in the villages of Kitale, Eldoret and Nakuru.")
    );
    // The run may carry on a list whose first commas are still there.
    let ex = read("Maize prices rose in countries such as Ethiopia, Uganda Kenya or Tanzania.");
    assert_eq!(
        written(&ex),
        ["Ethiopia", "Uganda", "Kenya", "Tanzania"],
        "{:?}",
        ex.places
    );
}

#[test]
fn a_town_run_into_its_state_is_the_town_in_the_state() {
    let ex = read("Soldiers paraded at the barracks in Zaria Kaduna State on Friday.");
    let kinds: Vec<(String, &str)> = ex.places.iter().map(|m| (m.text.clone(), m.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("Zaria".to_string(), "populated"),
            ("Kaduna State".to_string(), "admin1")
        ]
    );
}

#[test]
fn a_run_that_is_one_longer_name_stays_unread() {
    // It ends in a word the gazetteer lacks, with no list after it.
    let ex = read("She trained nurses at Kericho Nyeri Memorial until 2019.");
    assert!(written(&ex).is_empty(), "{:?}", ex.places);
    // Without a coordinator and another name after it, two names side by side are no list.
    let ex = read("She trained nurses at Kericho Nyeri until 2019.");
    assert!(
        !written(&ex).contains(&"Nyeri".to_string()),
        "{:?}",
        ex.places
    );
    // A word for a part of a town opens the name of that part.
    let ex = read("Gunfire was heard in Colonia Kisumu Nakuru and Eldoret.");
    assert_eq!(written(&ex), ["Eldoret"], "{:?}", ex.places);
}
