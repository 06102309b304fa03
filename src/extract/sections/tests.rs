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
        (Sec::OfLinks, &["of"]),
        (Sec::InWords, &["in"]),
        (Sec::OnPlaces, &["on"]),
        (Sec::DefiniteArticles, &["the"]),
        (Sec::HolderJoiners, &["in", "bij"]),
        (Sec::DayPrepositions, &["on", "op"]),
        (Sec::SinceWords, &["since"]),
        (
            Sec::MonthPartWords,
            &["in", "early", "mid", "late", "begin", "eind", "half"],
        ),
        (Sec::ClauseTurns, &["meanwhile", "and"]),
        (
            Sec::NameWordArticles,
            &["al", "el", "ad", "ar", "as", "ash", "al-", "el-"],
        ),
        (Sec::ParticleArticles, &["al-"]),
        (
            Sec::PlaceFillers,
            &[
                "van",
                "of",
                "city",
                "town",
                "nearby",
                "neighbouring",
                "neighboring",
                "nabijgelegen",
                "naburige",
                "naburig",
            ],
        ),
        (
            Sec::NearWords,
            &["bij", "nabij", "vlakbij", "near", "outside", "buiten"],
        ),
        (
            Sec::LocatedWords,
            &["ligt", "lies", "located", "gelegen", "voormalige", "former"],
        ),
        (Sec::ReportHedges, &["to"]),
        (Sec::RoadJoiners, &["to", "and"]),
        (Sec::NameInnerParticles, &["the", "of", "van", "der"]),
        (Sec::NameAbbreviations, &["st", "ft", "mt"]),
        (Sec::PersonJoiners, &["with", "met"]),
        (Sec::AgeAdjectives, &["old"]),
        (Sec::DatelineLeads, &["press", "by"]),
        (
            Sec::OrdinalSuffixes,
            &["th", "st", "nd", "rd", "e", "ste", "de"],
        ),
        (Sec::PluralEndings, &["s", "en"]),
        (Sec::VerbParticles, &["up"]),
        (Sec::NameLocatives, &["to", "into", "via", "naar", "near"]),
        (Sec::ContractionTails, &["ve", "d", "ll", "re", "m", "t"]),
        (
            Sec::AbbreviatedWords,
            &[
                "col", "gen", "lt", "sgt", "capt", "cpl", "maj", "adm", "rev", "gov", "sen", "rep",
                "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
            ],
        ),
        (
            Sec::SentenceAbbreviations,
            &[
                "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen",
                "rep", "jr", "sr", "no", "vs", "etc", "mt", "ft", "inc", "co", "corp", "dhr",
                "mevr", "bijv", "ca",
            ],
        ),
    ];
    for (sec, old) in literals {
        let mut old = old.to_vec();
        old.sort_unstable();
        assert_eq!(union(*sec), old, "[{}]", sec.name());
    }
    // ("according to" is read as one phrase of two words.)
    assert!(Sec::AccordingTo.phrase_in_any_language(&["according", "to"]));
    assert!(!Sec::AccordingTo.phrase_in_any_language(&["according"]));
    assert!(!Sec::AccordingTo.phrase_in_any_language(&["to"]));
    assert!(Sec::NameWordArticles.before_hyphen_in_any_language("el-arish"));
    assert!(!Sec::NameWordArticles.before_hyphen_in_any_language("ad-dawr"));
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
