//! Web-page boilerplate that copied articles carry: keyword lists ("Tags ...") and share
//! counters run into the text, and name no event. Sentences written for these tests.

use incimap::extract::Extraction;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-03-08", text)
}

fn incident_places(ex: &Extraction) -> Vec<String> {
    ex.incidents.iter().map(|i| i.place.name.clone()).collect()
}

#[test]
fn a_place_in_a_keyword_list_run_into_a_sentence_is_no_event() {
    let ex = read(
        "Tags security airstrike Mombasa bombing police At least nine people were killed \
         when a bomb exploded at a market on Friday.",
    );
    assert!(
        incident_places(&ex).is_empty(),
        "{:?}",
        incident_places(&ex)
    );
}

#[test]
fn the_keyword_list_ends_at_the_first_function_word() {
    // "in" ends the list: the place after it is the event's again.
    let ex = read("Tags security In Mombasa a bomb killed nine people on Friday.");
    assert_eq!(incident_places(&ex), ["Mombasa"]);
}

#[test]
fn tags_as_a_common_noun_lists_nothing() {
    let ex = read("Police checked the tags in Mombasa after a bomb killed nine people.");
    assert_eq!(incident_places(&ex), ["Mombasa"]);
}

#[test]
fn share_counters_are_no_figures() {
    let ex = read("Share 0 0 0 A bomb killed nine people at a market in Garissa on Friday.");
    let figures: Vec<u64> = ex
        .incidents
        .iter()
        .flat_map(|i| i.figures.iter().filter_map(|f| f.best))
        .collect();
    assert_eq!(figures, [9]);
}

#[test]
fn the_list_of_related_stories_names_no_event() {
    // The page's list of other headlines runs into the last sentence of the article.
    let ex = read(
        "A bomb killed nine people at a market in Mombasa on Friday. Police blamed \
         militants Related News Gunmen kill 30 villagers in Eldoret Bomb blast kills five in Voi",
    );
    assert_eq!(incident_places(&ex), ["Mombasa"]);
    // "Read also" links one story inside the article: the article goes on after it.
    let ex = read(
        "A bomb killed nine people at a market in Mombasa on Friday. Read also Police \
         chief resigns In Malindi meanwhile two people were shot dead on Saturday.",
    );
    assert_eq!(incident_places(&ex), ["Mombasa", "Malindi"]);
}
