use super::*;
use crate::extract::lexicon::Lexicon;

/// What `Sec::in_any_language` reads: the words of English and Dutch together, sorted,
/// each once.
fn union(sec: Sec) -> Vec<&'static str> {
    let mut words: Vec<&str> = Lexicon::all()
        .iter()
        .filter_map(|l| l.section(sec))
        .flat_map(|s| s.words.iter().map(String::as_str))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

#[test]
fn the_small_words_read_in_every_language_are_those_of_both_files() {
    assert_eq!(union(Sec::GenitiveOf), ["of", "van"]);
    assert_eq!(
        union(Sec::CountCopulas),
        ["are", "waren", "was", "were", "zijn"]
    );
    assert_eq!(union(Sec::Complementizers), ["dat", "that"]);
    assert_eq!(union(Sec::AmongPrepositions), ["among", "onder"]);
    assert_eq!(union(Sec::AgentMarkers), ["by", "door"]);
    assert!(Sec::GenitiveOf.in_any_language("van") && Sec::GenitiveOf.in_any_language("of"));
    assert!(!Sec::GenitiveOf.in_any_language("from"));
}

#[test]
fn the_words_rules_read_in_every_language_are_those_they_read_as_literals() {
    // Each section against the list the code compared words with before it moved to the
    // lexicons (in any order), English and Dutch words together.
    let literals: &[(Sec, &[&str])] = &[
        (Sec::DayPrepositions, &["on", "op"]),
        (Sec::SinceWords, &["since"]),
        (
            Sec::MonthPartWords,
            &["in", "early", "mid", "late", "begin", "eind", "half"],
        ),
        (Sec::PersonJoiners, &["with", "met"]),
        (Sec::AgeAdjectives, &["old"]),
        (
            Sec::OrdinalSuffixes,
            &["th", "st", "nd", "rd", "e", "ste", "de"],
        ),
        (Sec::PluralEndings, &["s", "en"]),
        (Sec::VerbParticles, &["up"]),
    ];
    for (sec, old) in literals {
        let mut old = old.to_vec();
        old.sort_unstable();
        assert_eq!(union(*sec), old, "[{}]", sec.name());
    }
    assert!(Sec::PluralEndings.ends_in_any_language("venezolanen"));
    assert!(Sec::AgeAdjectives.ends_in_any_language("40-year-old"));
}

#[test]
fn every_section_of_every_lexicon_file_is_known_and_every_known_section_is_in_a_file() {
    for lex in Lexicon::all() {
        for name in lex.sections.keys() {
            assert!(
                Sec::from_name(name).is_some(),
                "{}: unknown [{name}]",
                lex.code
            );
        }
    }
    for sec in Sec::ALL {
        let anywhere = Lexicon::all().iter().any(|l| l.section(*sec).is_some());
        assert!(anywhere, "[{}] is in no lexicon file", sec.name());
    }
}
