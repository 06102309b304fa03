//! Stage 1, ingest/extract: an unnamed part of a town told with the town that holds it ("a
//! street in A", "an area of A", "in the city of A"), also when it lies by something of the
//! town the text does not name ("a busy area close to the regional headquarters in A").

use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::super::places::PlaceUse;
use super::super::text::Kind;
use super::{Candidate, State};
use crate::gazetteer::EntryKind;

/// Most words between "near" and "in A" that say what an unnamed area lies by ("close to the
/// regional administration headquarters in A").
const NEAR_SOMETHING_WORDS: usize = 7;

impl State<'_> {
    /// True when the unnamed place `c` ("a rebel-held area", "a street") is a part of town or
    /// an area, and a `within` word puts it in the town `town` right after it ("... of A",
    /// "... in the city of A").
    pub(super) fn unnamed_part_inside(&self, r: &Reading, c: &Candidate, town: &PlaceUse) -> bool {
        let noun = self.words[c.end - 1];
        let part = matches!(self.lex.value(Sec::PlaceParts, noun), Some("part" | "area"));
        // A country's possessive and the town's adjectives before its kind say which town
        // ("of Syria's central city of A").
        let country = |i: usize| {
            r.places
                .iter()
                .any(|p| p.found.start == i && p.found.entry.kind == EntryKind::Country)
        };
        let before_kind = |i: usize| {
            !self.toks[i].cap
                && (i + 1..town.found.start)
                    .take_while(|&j| !self.lex.has(Sec::Within, self.words[j]))
                    .any(|j| self.lex.has(Sec::KindTown, self.words[j]))
        };
        let between: Vec<&str> = (c.end..town.found.start)
            .filter(|&i| {
                let w = self.words[i];
                !self.lex.has(Sec::Articles, w)
                    && !self.lex.has(Sec::KindTown, w)
                    && !country(i)
                    && (self.lex.has(Sec::Within, w) || !before_kind(i))
            })
            .map(|i| self.words[i])
            .collect();
        let within = match between.as_slice() {
            [w] => self.lex.has(Sec::Within, w),
            // "in the city of A"
            [w, of] => self.lex.has(Sec::Within, w) && self.lex.has(Sec::Within, of),
            _ => false,
        };
        part && (within || self.near_something_in(c.end, town.found.start))
    }

    /// True when the words from `end` to the town at `town_start` put an unnamed area by
    /// something of that town the text does not name: "(a busy area) close to the regional
    /// headquarters in A", "(a street) near the main market of A". Near what lies in A is in A.
    fn near_something_in(&self, end: usize, town_start: usize) -> bool {
        let Some(link) = self
            .lex
            .patterns(Sec::NearLinks)
            .match_at(self.words, end, town_start)
        else {
            return false;
        };
        let (from, to) = (link.end, town_start);
        let last = to.checked_sub(1).filter(|&j| j > from);
        last.is_some_and(|j| self.lex.has(Sec::Within, self.words[j]))
            && to - from <= NEAR_SOMETHING_WORDS
            && (from..to).all(|j| !self.toks[j].cap && self.toks[j].kind == Kind::Word)
    }
}
