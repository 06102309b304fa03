//! Lists of names: the names listed after one a place noun introduced ("the villages of A,
//! B and C") are in its slot too, and where a list after a locative ends ("in A, B and C in
//! the Y province"), the division after it holds each of its names.

use super::super::lexicon::{Lexicon, Sec};
use super::super::text::Token;
use super::super::toponyms::PlaceMatch;
use super::{in_slot, name_run};

/// The lists the scan is in, as it reads the names of a text in order.
#[derive(Default)]
pub(super) struct Lists {
    /// The end of the last name a place noun introduced, for the names listed after it
    /// ("the villages of A, B and C").
    slot_end: Option<usize>,
    /// The end of the last name of a list a locative governs ("in A, B and C in Y").
    governed_end: Option<usize>,
}

impl Lists {
    /// A name the scan found, at tokens `i..end`, opens or carries on a list.
    pub(super) fn found(&mut self, lex: &Lexicon, toks: &[Token], i: usize, end: usize) {
        if at_place(lex, toks, i) || listed(lex, toks, i, self.governed_end) {
            self.governed_end = Some(end);
        }
        if listed(lex, toks, i, self.slot_end) || in_slot(lex, toks, i, end) {
            self.slot_end = Some(end);
        }
    }

    /// A name the scan missed, at tokens `i..end`: whether it is in a place slot and whether
    /// a locative governs it (each carrying its list on).
    pub(super) fn missed(
        &mut self,
        lex: &Lexicon,
        toks: &[Token],
        i: usize,
        end: usize,
    ) -> (bool, bool) {
        let slot = in_slot(lex, toks, i, end) || listed(lex, toks, i, self.slot_end);
        if slot {
            self.slot_end = Some(end);
        }
        let governed = at_place(lex, toks, i) || listed(lex, toks, i, self.governed_end);
        if governed {
            self.governed_end = Some(end);
        }
        (slot, governed)
    }
}

/// True when token `i` follows the list item that ended at `list_end` after a comma or a
/// coordinator.
fn listed(lex: &Lexicon, toks: &[Token], i: usize, list_end: Option<usize>) -> bool {
    list_end.is_some_and(|e| {
        e + 1 == i && (toks[e].lower == "," || lex.has(Sec::Coordinators, &toks[e].lower))
    })
}

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
