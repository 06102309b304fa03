//! Stage 1, ingest/extract: the dateline that opens wire copy ("BEIRUT (Reuters) -",
//! "RALEIGH, N.C.", "Kabul, Afghanistan:"): where the report was filed, no event place of
//! its own.

use super::super::lexicon::Sec;
use super::super::text::{Kind, Token};

/// True when the name at tokens `start..end` opens a dateline: in capitals at the start of
/// the text or of a line (or after "By"), followed by a comma, a parenthesis or a dash
/// ("WASHINGTON (AP) -", "RALEIGH, N.C."), or at a line's start by a sentence ("LONDON The
/// Latest"); in any case at the start of a line, followed by a colon or by an agency in
/// brackets and a dash ("Lagos: ...", "Beirut (AFP) - ..."), or by a dash and the sentence
/// ("Lagos - Gunmen ..."), or by its country and a colon
/// or a dash ("Kabul, Afghanistan: ..."), also with the day and the agency between
/// ("Kabul \[Afghanistan\], May 4 (Xinhua): ...").
pub fn dateline(toks: &[Token], start: usize, end: usize) -> bool {
    // ("Nairobi/Garissa: ...": a second place after a slash, the first opening the line.)
    let after_slash =
        start >= 2 && toks[start - 1].lower == "/" && (start == 2 || toks[start - 2].breaks > 0);
    let line_start = start == 0 || toks[start].breaks > 0 || after_slash;
    let lead = |t: &Token| t.lower == "." || Sec::DatelineLeads.in_any_language(&t.lower);
    let opens = line_start || lead(&toks[start - 1]);
    let all_upper = toks[start..end].iter().all(|t| t.upper);
    let word = |k: usize| toks.get(k).map(|t| t.lower.as_str());
    let dash = |w: Option<&str>| matches!(w, Some("\u{2014}" | "\u{2013}" | "-" | "--"));
    // ("LONDON The Latest on ...": wire copy that lost its dash; the sentence starts after it.)
    let sentence_after = line_start && toks.get(end).is_some_and(|t| t.cap && !t.upper);
    let closes = matches!(word(end), Some("," | "(")) || dash(word(end)) || sentence_after;
    // "Lagos: ...", "Beirut (AFP) - ...": written in any case at the start of a line.
    let agency = word(end) == Some("(") && word(end + 2) == Some(")") && dash(word(end + 3));
    // "Lagos - Gunmen killed ...": a dash, then the sentence's capitalised first word.
    let dash_then_sentence = dash(word(end)) && toks.get(end + 1).is_some_and(|t| t.cap);
    let any_case = line_start
        && (word(end) == Some(":")
            || agency
            || dash_then_sentence
            || country_then_colon(toks, end));
    opens && all_upper && closes || any_case
}

/// True when a comma or a bracket at token `at` opens a run of up to 14 tokens of
/// capitalised words, numbers and brackets that ends at a colon or a dash: the country,
/// the day and the agency of a dateline ("Kabul, Afghanistan: ...", "Eldoret, Kenya - ...",
/// "Kisumu \[Kenya\], May 4 (ANI/Xinhua): ..."); a slash joins two places filed from
/// ("Nairobi/Garissa: ..."). A lower-case word means the sentence has
/// started: no dateline.
fn country_then_colon(toks: &[Token], at: usize) -> bool {
    if toks
        .get(at)
        .is_none_or(|t| !matches!(t.lower.as_str(), "," | "[" | "/"))
    {
        return false;
    }
    let header_token = |t: &Token| match t.kind {
        Kind::Word => t.cap,
        Kind::Number => true,
        Kind::Punct => matches!(t.lower.as_str(), "," | "[" | "]" | "(" | ")" | "/" | "."),
    };
    let run = toks[at + 1..]
        .iter()
        .take(14)
        .take_while(|t| t.breaks == 0 && header_token(t))
        .count();
    let words = toks[at + 1..at + 1 + run]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .count();
    let after = toks.get(at + 1 + run).map(|t| t.lower.as_str());
    words > 0 && matches!(after, Some(":" | "\u{2014}" | "\u{2013}" | "-" | "--"))
}
