//! Stage 1, extract: one person named without a number. "a man", "an Afghan soldier", "the
//! victim", "his wife" and "killing him" count one when their clause says what happened to
//! them ([`super::figures`] decides that); "a family", "the civilian deaths" and "a man and
//! his wife" do not.

use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::text::{Kind, Token};

/// How many words may stand between an article and the word for one person ("a former
/// military police officer").
const ONE_PERSON_WORDS: usize = 4;

/// "a man", "an Afghan soldier", "een jonge vrouw", "the victim", "his wife": an indefinite
/// article or a singular determiner and, at most [`ONE_PERSON_WORDS`] words later, one person
/// (a singular word for people, not a group such as "a family"); or an object pronoun for one
/// person ("killing him"). Returns the end of the article or pronoun.
pub(super) fn one_person(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    i: usize,
    to: usize,
) -> Option<usize> {
    if i >= to {
        return None;
    }
    if object_pronoun(lex, toks, words, i, to) {
        return Some(i + 1);
    }
    // "two women and a man": one of several counted together.
    let counted = |w: &str| lex.is_people(w) || lex.value(Sec::Numbers, w).is_some();
    let joins = |w: &str| matches!(w, "and" | "or" | "," | "en" | "of" | "with" | "met");
    let listed = i > 0
        && joins(words[i - 1])
        && words[i.saturating_sub(3)..i - 1].iter().any(|w| counted(w));
    let article = lex.has(Sec::Indefinite, words[i]) || lex.has(Sec::SingularDeterminers, words[i]);
    if !article || listed {
        return None;
    }
    let noun =
        (i + 1..to.min(i + 2 + ONE_PERSON_WORDS)).find(|&j| lex.has(Sec::OnePerson, words[j]))?;
    let between_ok = (i + 1..noun).all(|j| {
        toks[j].kind == Kind::Word
            && !lex.has(Sec::Stop, words[j])
            && !lex.has(Sec::Collective, words[j])
            && !lex.has(Sec::Connectors, words[j])
            && lex.value(Sec::Numbers, words[j]).is_none()
            && lex.patterns(Sec::Measures).match_at(words, j, to).is_none()
    });
    // "the latest civilian deaths", "a soldier's ...": the word names what the noun after it
    // is, not a person.
    // "a baby girl", "a civilian man": the last of such words is the person.
    let mut noun = noun;
    while noun + 1 < to && lex.has(Sec::OnePerson, words[noun + 1]) {
        noun += 1;
    }
    // "the civilian deaths come as ...": a noun for people after it is the head; "leaving the
    // driver dead." ends the phrase with a predicate.
    let head_after = words.get(noun + 1).is_some_and(|w| lex.is_people(w))
        && toks.get(noun + 2).is_some_and(|t| {
            t.kind == Kind::Word
                && !lex.has(Sec::Stop, &t.lower)
                && !lex.has(Sec::Coordinators, &t.lower)
        });
    if head_after {
        return None;
    }
    // "a man and his wife", "a woman with her children": more than one person.
    let more = words.get(noun + 1).is_some_and(|w| joins(w))
        && words.get(noun + 2).is_some_and(|w| {
            counted(w)
                || lex.has(Sec::Indefinite, w)
                || matches!(*w, "his" | "her" | "their" | "zijn" | "haar" | "hun")
        });
    (between_ok && !more).then_some(i + 1)
}

/// True when `words[i]` is an object pronoun for one person ("killing him", "shot her dead"):
/// "her" before a word that is no stop word, coordinator or measure is a determiner ("her
/// son"), which [`one_person`] reads with the word after it.
fn object_pronoun(lex: &Lexicon, toks: &[Token], words: &[&str], i: usize, to: usize) -> bool {
    if !lex.has(Sec::OnePersonPronouns, words[i]) {
        return false;
    }
    let determiner = lex.has(Sec::SingularDeterminers, words[i]);
    let next_is_noun = i + 1 < to
        && toks[i + 1].kind == Kind::Word
        && !lex.has(Sec::Stop, words[i + 1])
        && !lex.has(Sec::Coordinators, words[i + 1])
        && lex
            .patterns(Sec::Measures)
            .match_at(words, i + 1, to)
            .is_none();
    !(determiner && next_is_noun)
}
