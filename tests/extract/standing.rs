//! Where a party stands and where its fire lands: "gunmen located in A fired rockets at B"
//! puts the event at B (A is where the fire came from); "soldiers fired at positions located
//! at A" puts it at A, the place hit. Sentences written for these tests; Kenyan towns from
//! the built-in gazetteer.

use incimap::extract::Extraction;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-09-18", text)
}

fn place_names(ex: &Extraction) -> Vec<String> {
    ex.incidents.iter().map(|i| i.place.name.clone()).collect()
}

#[test]
fn a_party_located_somewhere_that_then_fires_fires_from_there() {
    let ex =
        read("Gunmen located in Garissa fired rockets at Wajir on Monday, injuring four people.");
    assert_eq!(place_names(&ex), ["Wajir"], "{:?}", ex.incidents);
    let ex = read(
        "Volgens de politie hebben strijders gelegen in Garissa op maandag de stad Wajir met \
         raketten beschoten, waarbij vier mensen gewond raakten.",
    );
    assert_eq!(place_names(&ex), ["Wajir"], "{:?}", ex.incidents);
}

#[test]
fn positions_located_somewhere_that_are_fired_at_are_the_place_hit() {
    let ex = read("On Monday soldiers fired mortars at militant positions located at Garissa.");
    assert_eq!(place_names(&ex), ["Garissa"], "{:?}", ex.incidents);
    let ex = read("On Monday rebels fired at army posts located near Wajir, Kenya.");
    assert_eq!(place_names(&ex), ["Wajir"], "{:?}", ex.incidents);
}

#[test]
fn a_fight_between_groups_is_an_event() {
    let ex = read("On Monday a fight between two groups of herders took place in Garissa.");
    assert_eq!(place_names(&ex), ["Garissa"], "{:?}", ex.incidents);
    // (Herders without weapons named: mob violence, a riot, in ACLED's terms.)
    assert_eq!(
        ex.incidents[0].event_type,
        Some(incimap::model::EventType::Riots),
        "{:?}",
        ex.incidents
    );
}
