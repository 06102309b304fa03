//! A speaker named before a verb of saying keeps speaking across the auxiliaries and adverbs
//! between them: "police have said", "the rebels had earlier announced", "officials also
//! said", "de politie heeft ook bevestigd". Sentences written for these tests; Kenyan towns
//! from the built-in gazetteer.

use incimap::extract::Extraction;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-05-10", text)
}

/// The source of every claim of the only incident, in order.
fn sources(ex: &Extraction) -> Vec<Option<String>> {
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    ex.incidents[0]
        .figures
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| c.source.clone()))
        .collect()
}

#[test]
fn auxiliaries_and_adverbs_stand_between_the_speaker_and_the_verb() {
    for (text, source) in [
        (
            "Police have said five people were killed in Garissa.",
            "Police",
        ),
        (
            "Officials also said five people were killed in Garissa.",
            "Officials",
        ),
        (
            "The rebels had earlier announced that nine soldiers were killed in Garissa.",
            "rebels",
        ),
        (
            "Five people were killed in Garissa, the police have said.",
            "police",
        ),
        (
            "De politie heeft ook bevestigd dat vijf mensen in Garissa zijn gedood.",
            "politie",
        ),
        // A group's name in capitals is no auxiliary ("is"), whatever it spells.
        (
            "IS beweert echter dat meer dan 800 gevangenen uit de gevangenis in Garissa zijn \
             ontsnapt.",
            "IS",
        ),
    ] {
        assert_eq!(sources(&read(text)), [Some(source.to_string())], "{text}");
    }
}

#[test]
fn a_speaker_who_denies_a_claim_later_does_not_take_it_over() {
    // The claim is the rebels'; the army's denial after it names no count of its own.
    let ex = read(
        "The rebels had earlier announced that nine soldiers were killed in the attack on \
         Garissa, but the army said it was false.",
    );
    assert_eq!(sources(&ex), [Some("rebels".to_string())]);
}
