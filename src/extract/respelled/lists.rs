//! Lists of names after a locative ("in A, B and C in the Y province"): where such a list
//! ends, so that the division after it can hold each of its names.

use super::super::lexicon::{Lexicon, Sec};
use super::super::text::Token;
use super::super::toponyms::PlaceMatch;
use super::name_run;

/// True when a locative that puts something at a place stands right before token `i`.
pub(super) fn at_place(lex: &Lexicon, toks: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|k| lex.has(Sec::AtPlace, &toks[k].lower))
}

/// The end of the last item of the list that the name ending at token `end` opens or
/// carries on: names (found by the scan or not) joined by commas and coordinators ("A, B
/// and C"); `end` itself when none follows.
pub(super) fn list_tail(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    covered: &[bool],
    matches: &[PlaceMatch],
    end: usize,
) -> usize {
    let joiner = |t: &Token| t.lower == "," || lex.has(Sec::Coordinators, &t.lower);
    let mut last = end;
    loop {
        let mut next = last;
        // (", and C": a comma and a coordinator together.)
        while next < toks.len() && next - last < 2 && joiner(&toks[next]) {
            next += 1;
        }
        if next == last || next >= toks.len() {
            return last;
        }
        let item = match matches.iter().find(|m| m.start == next) {
            Some(m) => Some(m.end),
            None => name_run(lex, text, toks, covered, next),
        };
        match item {
            Some(item_end) => last = item_end,
            None => return last,
        }
    }
}
