//! Stage 1, extract: the verb after a relative clause. In "a guard who had worked at the mine
//! for years was shot dead" the relative clause ("who ... years") describes the guard, and
//! the passive verb after it ("was shot dead") says what happened to him. A measure inside
//! the relative clause is read by [`super::figures`] itself.

use super::lexicon::{Lexicon, Sec};
use super::patterns::Match;
use super::text::{Kind, Token};

/// How many words a relative clause may run before the verb of the person it describes.
const RELATIVE_CLAUSE_WORDS: usize = 16;

/// The measure of the main clause after a relative clause that opens at `relative` (a
/// relative pronoun right after the count and its subject): the first measure within
/// [`RELATIVE_CLAUSE_WORDS`] words, before `limit` (the next number), that a passive
/// auxiliary (with at most one word between: "was reportedly killed") introduces. `None`
/// when a number, a clause-ending mark (";", ":", a bracket) or a second relative pronoun
/// comes first: the words then belong to something else.
pub(super) fn verb_after_relative<'m, 'a>(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    relative: usize,
    measures: &[&'m Match<'a>],
    limit: usize,
) -> Option<&'m Match<'a>> {
    if !words
        .get(relative)
        .is_some_and(|w| lex.has(Sec::RelativePronouns, w))
    {
        return None;
    }
    let end = limit
        .min(relative + 1 + RELATIVE_CLAUSE_WORDS)
        .min(words.len());
    let blocked = (relative + 1..end).find(|&j| {
        toks[j].kind == Kind::Number
            || (lex.value(Sec::Numbers, words[j]).is_some()
                && !lex.has(Sec::Indefinite, words[j])
                && !lex.has(Sec::Articles, words[j]))
            || matches!(words[j], ";" | ":" | "(" | ")" | "\"")
            || lex.has(Sec::RelativePronouns, words[j])
    });
    let end = blocked.unwrap_or(end);
    let introduced = |m: &Match<'_>| {
        let aux = |j: usize| lex.has(Sec::PassiveAuxiliaries, words[j]);
        (m.start >= relative + 2 && aux(m.start - 1))
            || (m.start >= relative + 3
                && aux(m.start - 2)
                && toks[m.start - 1].kind == Kind::Word
                && !lex.has(Sec::Stop, words[m.start - 1]))
    };
    measures
        .iter()
        .copied()
        .filter(|m| m.start > relative + 1 && m.start < end)
        .filter(|m| introduced(m))
        .min_by_key(|m| m.start)
}
