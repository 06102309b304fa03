//! Who said it, told apart from what was said: a name that ends the sentence after the cue
//! is the speaker; a clause after the cue is the report, and its speaker stands before.
//! Sentences written for these tests.

use super::tests::sources;

#[test]
fn a_speaker_after_the_cue_at_the_end_of_the_sentence_is_the_source_when_a_count_stands_before() {
    // The comma before "said" left out: the counted civilians do not speak.
    assert_eq!(
        sources(
            "en",
            "Militants killed 4 civilians in Garissa said county commissioner John Mwangi.",
            &[]
        ),
        ["county commissioner John Mwangi"]
    );
    // Words before the cue that name nobody: the speaker is the one after it.
    assert_eq!(
        sources(
            "en",
            "The raids go on whatever the courts decide on the matter said elder Amina Hassan.",
            &[]
        ),
        ["elder Amina Hassan"]
    );
    // A number that counts the speakers leaves them the speakers.
    assert_eq!(
        sources(
            "en",
            "Two officials said 5 people were killed in Garissa.",
            &[]
        ),
        ["Two officials"]
    );
}

#[test]
fn a_named_body_after_the_cue_that_ends_the_sentence_is_the_speaker_not_the_place_before() {
    // AFP-style inversion without a comma: the village struck does not speak.
    assert_eq!(
        sources(
            "en",
            "Two herders died when a bomb hit the village of Kapsoit said the Kenya Red Cross.",
            &[]
        ),
        ["Kenya Red Cross"]
    );
    // A day after the cue is no speaker: the subject before it speaks.
    assert_eq!(
        sources("en", "The county commissioner said Monday.", &[]),
        ["county commissioner"]
    );
    // A clause after the cue tells what was said; its subject does not speak.
    assert_eq!(
        sources(
            "en",
            "The governor of Kericho said the Red Cross had counted five bodies.",
            &[]
        ),
        ["governor of Kericho"]
    );
}

#[test]
fn a_clause_after_the_cue_is_what_was_said_not_who_said_it() {
    // The words after "said" have a verb of their own: the speaker stands before the cue.
    for text in [
        "He said attackers killed 15 soldiers.",
        "The spokesman said gunmen wounded 15 soldiers.",
    ] {
        let found = sources("en", text, &["Abu Musab"]);
        assert!(
            found
                .iter()
                .all(|s| !s.contains("attackers") && !s.contains("gunmen")),
            "{text}: {found:?}"
        );
    }
    // "said the group was behind the attack": the group is what the speaker spoke of.
    assert_eq!(
        sources(
            "en",
            "Ali Noor, the rebels' military spokesman, said the group was behind the attack \
             and said 14 soldiers had been killed.",
            &[]
        ),
        ["Ali Noor (rebels' military spokesman)"]
    );
    // A speaker after the cue still ends the sentence ("..., said the governor").
    assert_eq!(
        sources(
            "en",
            "Fifteen soldiers were killed, said the governor.",
            &[]
        ),
        ["governor"]
    );
}
