//! "the A town of B", "the A border village of B": a name before a word for a settlement and
//! "of" says where B lies (most often B's province), and is no town itself. The event is at
//! B; when the gazetteer lacks B, its figures stay in A's division, never at a town named A.
//! "A town" and "the town of A" still name the town A. Sentences written for these tests;
//! Kenyan and Nigerian places from the built-in gazetteer, an invented village.

use incimap::model::GeoPrecision;

use crate::common;

fn read(sentence: &str) -> incimap::extract::Extraction {
    common::read_sentence("2024-05-10", sentence)
}

#[test]
fn the_town_of_a_division_is_the_town_not_a_namesake_of_the_division() {
    for (sentence, town, value) in [
        (
            "Gunmen killed 22 civilians in the Lamu village of Witu on Monday.",
            "Witu",
            22,
        ),
        (
            "Bandits killed 12 traders in the Katsina border town of Jibia on Sunday.",
            "Jibia",
            12,
        ),
    ] {
        let ex = read(sentence);
        assert_eq!(
            common::first_bests(&ex),
            [(town.to_string(), value)],
            "{sentence}"
        );
    }
}

#[test]
fn a_village_the_gazetteer_lacks_leaves_its_figures_in_the_division() {
    let ex = read("Gunmen killed 22 civilians in the Garissa village of Kolbeyiri on Monday.");
    assert!(
        ex.incidents.is_empty(),
        "not at the town of Garissa: {:?}",
        common::first_bests(&ex)
    );
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
    assert_eq!(ex.regional[0].area.as_deref(), Some("Garissa"));
}

#[test]
fn a_town_word_after_or_before_the_name_still_names_the_town() {
    for sentence in [
        "Gunmen killed 22 civilians in Garissa town on Monday.",
        "Gunmen killed 22 civilians in the town of Garissa on Monday.",
    ] {
        let ex = read(sentence);
        assert_eq!(
            common::incident_places(&ex),
            [("Garissa".to_string(), GeoPrecision::Town)],
            "{sentence}"
        );
    }
}
