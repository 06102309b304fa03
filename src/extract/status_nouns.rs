//! Stage 1, extract: a count named by a word that is itself a measure ("prisoners",
//! "gunmen", "hostages") and followed by a verb of its fate. "Twelve prisoners were killed"
//! counts twelve killed prisoners, not twelve detained; "two gunmen died" two dead gunmen,
//! not two attackers. The verb must take no object of its own: in "two gunmen killed a
//! guard" the gunmen are who killed.

use super::lexicon::{Lexicon, Sec};
use super::patterns::Match;
use super::text::{Kind, Token};
use crate::model::Measure;

/// How many words (auxiliaries, adverbs: "were reportedly") may stand between the head noun
/// and the verb of its fate.
const WORDS_BEFORE_VERB: usize = 3;

/// The casualty verb that says what happened to the people a count's head noun names, when
/// `head` (the measure matched right after the count) is a word for people with a measure of
/// its own other than a casualty, and a casualty measure follows within
/// [`WORDS_BEFORE_VERB`] words of the same clause (`clause`: its measures) and before
/// `limit` (the next number), in the passive ("were killed") or taking no object ("died",
/// "killed in the clash").
pub(super) fn fate_of_head<'m, 'a>(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    head: &'m Match<'a>,
    clause: &[&'m Match<'a>],
    limit: usize,
) -> Option<&'m Match<'a>> {
    let head_names_people = words[head.start..head.end].iter().any(|w| lex.is_people(w));
    if !head_names_people || casualty(head) {
        return None;
    }
    let verb = clause
        .iter()
        .copied()
        .filter(|m| m.start >= head.end && m.start < limit && casualty(m))
        .filter(|m| m.start - head.end <= WORDS_BEFORE_VERB)
        .min_by_key(|m| m.start)?;
    let between = head.end..verb.start;
    let plain_words = between.clone().all(|j| {
        toks[j].kind == Kind::Word
            && !lex.has(Sec::Coordinators, words[j])
            && !lex.has(Sec::RelativePronouns, words[j])
    });
    let passive = between
        .clone()
        .any(|j| lex.has(Sec::PassiveAuxiliaries, words[j]));
    (plain_words && (passive || !takes_object(lex, toks, words, verb.end))).then_some(verb)
}

fn casualty(m: &Match<'_>) -> bool {
    matches!(Measure::parse(m.value), Measure::Killed | Measure::Injured)
}

/// True when the word at `at` opens an object: a number, an article or determiner, a word
/// for people or a pronoun for one person ("killed 5 people", "killed a guard", "killed him").
fn takes_object(lex: &Lexicon, toks: &[Token], words: &[&str], at: usize) -> bool {
    let Some(w) = words.get(at) else {
        return false;
    };
    toks.get(at).is_some_and(|t| t.kind == Kind::Number)
        || lex.value(Sec::Numbers, w).is_some()
        || lex.has(Sec::Indefinite, w)
        || lex.has(Sec::Articles, w)
        || lex.has(Sec::SingularDeterminers, w)
        || lex.has(Sec::OnePersonPronouns, w)
        || lex.is_people(w)
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract_text, Options, PlaceIndex};
    use crate::model::Measure;

    fn measures(body: &str) -> Vec<(Measure, u64)> {
        let text = format!("date 2024-03-06\n\n{body}\n");
        let ex = extract_text(&text, "t.txt", PlaceIndex::builtin(), &Options::default());
        ex.incidents
            .iter()
            .flat_map(|i| i.figures.iter())
            .map(|f| (f.measure.clone(), f.best.unwrap_or(0)))
            .collect()
    }

    #[test]
    fn a_status_word_followed_by_its_fate_counts_the_fate() {
        assert_eq!(
            measures("On Monday eleven inmates were killed in a riot at the prison in Kumasi."),
            [(Measure::Killed, 11)]
        );
        assert_eq!(
            measures("On Monday four gunmen died in a shootout with police in Kumasi."),
            [(Measure::Killed, 4)]
        );
    }

    #[test]
    fn a_verb_with_an_object_is_what_the_counted_people_did() {
        let ex = measures("On Monday four gunmen killed two guards in Kumasi.");
        assert!(ex.contains(&(Measure::Attackers, 4)), "{ex:?}");
        assert!(ex.contains(&(Measure::Killed, 2)), "{ex:?}");
    }
}
