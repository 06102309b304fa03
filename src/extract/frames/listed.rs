//! Stage 1, extract: a name the gazetteer lacks listed after a known place ("shelling of the
//! cities of A and Foo", "clashes in A, B and Foo"). It is a place of its own beside A: a
//! count told for the list is a total over several places, not A's.

use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::{Candidate, State};

/// The most words of such a name (particles included).
const NAME_WORDS: usize = 3;

impl State<'_> {
    /// Candidates for the names described above in the sentence of `r`, among `out` (the
    /// places found so far, in any order).
    pub(super) fn listed_after_known(&self, r: &Reading, out: &mut Vec<Candidate>) {
        let to = r.sentence.end;
        // (A name the gazetteer knows is no unknown place, whatever its role: "the road
        // between A and B".)
        let taken = |i: usize, out: &[Candidate]| {
            out.iter().any(|c| (c.token..c.end).contains(&i))
                || r.places
                    .iter()
                    .any(|p| (p.found.start..p.found.end).contains(&i))
        };
        let mut found = Vec::new();
        for c in out.iter().filter(|c| c.known.is_some() && !c.origin) {
            // "A and Foo", "A, B and Foo" (B known: the list goes on from B).
            let and = c.end;
            if and + 1 >= to || !self.lex.has(Sec::Coordinators, self.words[and]) {
                continue;
            }
            let i = and + 1;
            if !self.starts_name(i) || taken(i, out) {
                continue;
            }
            let mut end = i + 1;
            while end < to && end - i < NAME_WORDS && self.name_word(end) && !taken(end, out) {
                end += 1;
            }
            // ("A and Foo province": a division the gazetteer lacks is no place of the list's
            // kind; "A and Foo's forces", "A and Foo Bar said": no place.)
            let next = self.words.get(end).copied().unwrap_or("");
            let possessive = next == "'s" || self.words[end - 1].ends_with("'s");
            let kind_word = self.lex.value(Sec::KindAdmin, next).is_some();
            if possessive || kind_word || self.no_place_name(i, end, to) {
                continue;
            }
            found.push(self.unknown_candidate(i, end, false));
        }
        out.extend(found);
    }
}
