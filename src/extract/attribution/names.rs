//! Names a source phrase stands for: a capitalised name's words, an earlier source a short
//! phrase refers back to ("the observatory", "de organisatie").

use super::super::lexicon::{Lexicon, Sec};
use super::super::text::{Kind, Token};
use super::SourceMention;

/// The longest name in tokens `from..to`: capitalised words and the connectors between
/// them, two words or more ("Syrian Observatory for Human Rights").
pub(super) fn longest_name(
    lex: &Lexicon,
    toks: &[Token],
    from: usize,
    to: usize,
) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut k = from;
    while k < to {
        if !name_part(&toks[k]) {
            k += 1;
            continue;
        }
        let end = name_end(lex, toks, k + 1, to);
        if end - k >= 2 && best.is_none_or(|(a, b)| end - k > b - a) {
            best = Some((k, end));
        }
        k = end;
    }
    best
}

/// True when `word` is a word of a source named before (in the article or this sentence).
pub(super) fn repeats_earlier(word: &str, earlier: &[String], here: &[SourceMention]) -> bool {
    earlier
        .iter()
        .chain(here.iter().map(|s| &s.name))
        .any(|prev| {
            prev.split_whitespace().count() >= 2
                && prev
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(word))
        })
}

/// A capitalised word: a word of a name.
fn name_part(tok: &Token) -> bool {
    tok.kind == Kind::Word && tok.cap
}

/// Where a name that goes on at token `from` ends (before `to`): capitalised words and the
/// connectors between them ("Syrian Observatory for Human Rights").
fn name_end(lex: &Lexicon, toks: &[Token], mut from: usize, to: usize) -> usize {
    loop {
        if from < to && name_part(&toks[from]) {
            from += 1;
        } else if from + 1 < to
            && lex.has(Sec::Connectors, &toks[from].lower)
            && name_part(&toks[from + 1])
        {
            from += 2;
        } else {
            return from;
        }
    }
}

/// How far back (in tokens) a capitalised name is looked for.
const NAME_LOOKBACK_TOKENS: usize = 3000;

/// "The Kenya Human Rights Commission condemned ... The commission said": the last
/// capitalised name before token `upto` that holds `word`, as a token span (capitalised
/// words and the connectors between them).
pub(super) fn capitalised_before(
    lex: &Lexicon,
    toks: &[Token],
    upto: usize,
    word: &str,
) -> Option<(usize, usize)> {
    let lo = upto.saturating_sub(NAME_LOOKBACK_TOKENS);
    let at = (lo..upto)
        .rev()
        .find(|&k| toks[k].cap && toks[k].lower == word)?;
    let mut a = at;
    while a > lo && name_part(&toks[a - 1]) {
        a -= 1;
    }
    // "The Kenya ...", "In Kenya ...": a capital opening the sentence is not the name's.
    while a < at && (lex.has(Sec::Articles, &toks[a].lower) || lex.has(Sec::Stop, &toks[a].lower)) {
        a += 1;
    }
    let b = name_end(lex, toks, at + 1, upto);
    // A name of two words or more; a capital opening a sentence alone is no name.
    (b - a >= 2).then_some((a, b))
}

/// "Abdel Rahman" after "observatory head Rami Abdel Rahman": a name of several words that
/// ends an earlier, longer source is that source, told again by the last words of its name.
fn longer_earlier(name: &str, earlier: &[String], here: &[SourceMention]) -> Option<String> {
    let lower = name.to_lowercase();
    if !name
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase))
    {
        return None;
    }
    let tail = format!(" {lower}");
    earlier
        .iter()
        .rev()
        .chain(here.iter().rev().map(|s| &s.name))
        .find(|prev| prev.to_lowercase().ends_with(&tail))
        .cloned()
}

/// A one-word source that repeats part of an earlier one ("het Observatorium") or a generic
/// back-reference ("de organisatie") becomes the earlier full name.
pub(super) fn resolve(
    lex: &Lexicon,
    name: &str,
    words: usize,
    earlier: &[String],
    here: &[SourceMention],
) -> String {
    let name = name.trim().to_string();
    if words != 1 {
        return longer_earlier(&name, earlier, here).unwrap_or(name);
    }
    let lower = name.to_lowercase();
    let previous = earlier
        .iter()
        .rev()
        .chain(here.iter().rev().map(|s| &s.name));
    let mut fallback = None;
    for prev in previous {
        let prev_lower = prev.to_lowercase();
        if prev_lower != lower && prev_lower.split_whitespace().any(|w| w == lower) {
            return prev.clone();
        }
        if fallback.is_none() && prev.split_whitespace().count() >= 2 {
            fallback = Some(prev.clone());
        }
    }
    if lex.has(Sec::SourceAnaphors, &lower) {
        if let Some(f) = fallback {
            return f;
        }
    }
    name
}
