//! Names that run on past a gazetteer name: joining words of another language ("San Andres
//! de Tuxtla"), separate Arabic articles ("Wadi al Washka") and article compounds ("al-Bab",
//! "Deir ez-Zor").

use super::super::lexicon::{Lexicon, Sec};
use super::super::text::{Kind, Token};
use super::cased;

/// Most lower-case words joining two parts of one name ("de los" in "Leon de los Aldama").
const JOINER_WORDS: usize = 3;

/// The end of the particles from token `from` on when they join two parts of one name: up
/// to [`JOINER_WORDS`] name particles, one of them a joining word of another language (the
/// lexicon's `name_joiners`), then a capitalised word, all without a break.
fn joiner_run(lex: &Lexicon, text: &str, toks: &[Token], from: usize) -> Option<usize> {
    let mut end = from;
    let mut joins = false;
    while end < from + JOINER_WORDS {
        let t = toks.get(end)?;
        if t.breaks > 0 || !name_particle(lex, text, t) {
            break;
        }
        joins |= lex.has(Sec::NameJoiners, &t.lower);
        end += 1;
    }
    let name_next = toks
        .get(end)
        .is_some_and(|t| t.breaks == 0 && cased(t, text));
    (joins && end > from && name_next).then_some(end)
}

/// A lower-case word that may stand inside a place name (the lexicon's `name_particles`).
fn name_particle(lex: &Lexicon, text: &str, t: &Token) -> bool {
    t.kind == Kind::Word && !cased(t, text) && lex.has(Sec::NameParticles, &t.lower)
}

/// When the name ending at token `end` is carried on by joining words into a longer one
/// ("San Andres de Tuxtla", "Vila Nova do Sul"), the end of that longer name.
pub(super) fn joined_name_end(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    end: usize,
) -> Option<usize> {
    let mut end = joiner_run(lex, text, toks, end)?;
    loop {
        while toks
            .get(end)
            .is_some_and(|t| t.breaks == 0 && cased(t, text))
        {
            end += 1;
        }
        match joiner_run(lex, text, toks, end) {
            Some(next) => end = next,
            None => return Some(end),
        }
    }
}

/// True when capitalised token `i` carries on a name through joining words before it
/// ("Rio" in "Vistas del Rio"): the tail of a longer name is no place of its own.
pub(super) fn joined_on(lex: &Lexicon, text: &str, toks: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k < JOINER_WORDS {
        let t = &toks[k - 1];
        if !name_particle(lex, text, t) {
            break;
        }
        k -= 1;
    }
    k < i
        && k > 0
        && toks[k..=i].iter().all(|t| t.breaks == 0)
        && cased(&toks[k - 1], text)
        && joiner_run(lex, text, toks, k) == Some(i)
}

/// True when capitalised token `i` carries on a name through a separate Arabic article
/// ("Hilweh" in "Ein el Hilweh"): the tail of a longer name is no place of its own. Articles
/// that are also words of the language ("as", "at", "an") do not count.
pub(super) fn after_name_article(lex: &Lexicon, text: &str, toks: &[Token], i: usize) -> bool {
    if i < 2 {
        return false;
    }
    let (article, before) = (&toks[i - 1], &toks[i - 2]);
    article.kind == Kind::Word
        && !cased(article, text)
        && [article, &toks[i]].iter().all(|t| t.breaks == 0)
        && separate_article(lex, &article.lower)
        && !lex.has(Sec::Locative, &article.lower)
        && cased(before, text)
        && before.kind == Kind::Word
}

/// An Arabic article written as a word of its own ("Wadi al Washka"), that is no word of the
/// language too ("Brazil as Venezuelan", "a market at Foo").
pub(super) fn separate_article(lex: &Lexicon, lower: &str) -> bool {
    lex.has(Sec::NameArticles, lower)
        && !lex.has(Sec::Coordinators, lower)
        && !lex.has(Sec::Stop, lower)
        && !lex.has(Sec::Articles, lower)
}

/// A word that starts with an article joined by a hyphen ("al-Faraj", "ez-Zor"; the
/// lexicon's `name_articles`).
pub(super) fn article_compound(lex: &Lexicon, lower: &str) -> bool {
    lower
        .split_once('-')
        .is_some_and(|(article, rest)| !rest.is_empty() && lex.has(Sec::NameArticles, article))
}

/// "in al-Bab": an article compound with a capital after the hyphen opens a name when no
/// capitalised word runs into it ("Ahrar al-Sham" is one name, its second half none).
pub(super) fn article_opens_name(lex: &Lexicon, text: &str, toks: &[Token], i: usize) -> bool {
    article_then_capital(lex, &toks[i], text)
        && (i == 0 || toks[i].breaks > 0 || !cased(&toks[i - 1], text))
}

/// An article compound whose name starts with a capital after the hyphen ("ez-Zor",
/// "ash-Shughur"): a word of a place name although it starts in lower case.
pub(in crate::extract) fn article_then_capital(lex: &Lexicon, tok: &Token, text: &str) -> bool {
    let raw = &text[tok.start..tok.end];
    tok.kind == Kind::Word
        && article_compound(lex, &tok.lower)
        && raw
            .split_once('-')
            .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_uppercase))
}
