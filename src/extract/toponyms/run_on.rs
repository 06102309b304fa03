//! Lists that lost their commas. Copy pasted from the web often drops the commas between the
//! items of a list of places: "shelled the towns of Kitale Eldoret and Nakuru", "died in
//! Zaria Kaduna State". Read word by word, such a run is one long unknown name, and each
//! place inside it is the tail or the head of a longer name, so none is found. A run that a
//! locative, a plural place noun and "of" ("the towns of"), or a list before it governs,
//! that the gazetteer does not know as a whole, is split into the longest names it does
//! know; they are read as places when the list goes on after the run ("and C") or a
//! division's kind word closes one of them.

use super::super::lexicon::Sec;
use super::super::names;
use super::super::text::Token;
use super::joined::article_then_capital;
use super::scan::Scan;
use super::{cased, Counts, RawMatch};

/// Most words of a run read as a list.
const RUN_WORDS: usize = 8;

impl<'a> Scan<'a> {
    /// The places of a comma-less list that starts at token `i`, and the token after the
    /// run; `None` when the run is no such list. `after_place`: a place the scan found ends
    /// right before the word before `i`.
    pub(super) fn run_on_list(
        &self,
        counts: &mut Counts<'_, 'a>,
        i: usize,
        after_place: bool,
    ) -> Option<(usize, Vec<RawMatch>)> {
        if !self.governs_list(i, after_place) {
            return None;
        }
        let run_end = self.run_end(i);
        // ("in Colonia Foo Bar", "Vila Kennedy": a word for a part of a town opens one name.)
        let part_of_town = self.lex.has(Sec::TownPartPrefixes, &self.toks[i].lower);
        if run_end - i < 2 || part_of_town || self.known_end(counts, i, run_end) == Some(run_end) {
            return None;
        }
        let mut pieces: Vec<RawMatch> = Vec::new();
        let mut suffixed = false;
        let mut k = i;
        while k < run_end {
            match self.known_end(counts, k, run_end) {
                Some(end) => {
                    let byte_end = self.toks[end - 1].end;
                    pieces.push((
                        k,
                        end,
                        byte_end,
                        counts.get(&self.text[self.toks[k].start..byte_end]),
                    ));
                    k = end;
                    // "Kericho District": a division's kind word closes the name before it
                    // (or ends the name the gazetteer holds: "Borno State").
                    suffixed |= self.lex.has(Sec::KindAdmin, &self.toks[end - 1].lower);
                    if k < run_end && self.lex.has(Sec::KindAdmin, &self.toks[k].lower) {
                        suffixed = true;
                        k += 1;
                    }
                }
                None => k += 1,
            }
        }
        // A list shows itself by a coordinator and another name after the run ("A B and C")
        // or by a division's kind word closing a name in it ("Zaria Kaduna State"). Without
        // either the run is one longer name, however many names of the gazetteer it holds:
        // "Old Town Foo", "Kafr Batna Hospital", "Fraccionamiento Hacienda Santa Fe".
        let list = suffixed || pieces.len() >= 2 && self.list_goes_on(run_end);
        if !list || !pieces.iter().all(|p| self.piece_is_place(p, run_end)) {
            return None;
        }
        Some((run_end, pieces))
    }

    /// True when a locative ("in", "near") or a plural place noun and "of" ("the towns of")
    /// stands right before token `i`, or a comma or coordinator after a place.
    fn governs_list(&self, i: usize, after_place: bool) -> bool {
        let (lex, toks) = (self.lex, self.toks);
        let Some(prev) = i.checked_sub(1).map(|k| &toks[k]) else {
            return false;
        };
        let place_noun = |t: &Token| {
            lex.value(Sec::PlaceParts, &t.lower).is_some()
                || lex.has(Sec::KindTown, &t.lower)
                || lex.has(Sec::AdminPlurals, &t.lower)
        };
        let noun_of = i >= 2 && lex.has(Sec::GenitiveOf, &prev.lower) && place_noun(&toks[i - 2]);
        // "Cyprus, Greece Italy or Spain": an item of a list the commas still show.
        let listed = after_place && (prev.lower == "," || lex.has(Sec::Coordinators, &prev.lower));
        toks[i].breaks == 0 && (lex.has(Sec::Locative, &prev.lower) || noun_of || listed)
    }

    /// The end of the run of name words on one line from token `i`; a possessive ends it
    /// ("Jerusalem's Bet Shemesh" is a part of the city, not a list).
    fn run_end(&self, i: usize) -> usize {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        let mut k = i;
        while k < toks.len()
            && k - i < RUN_WORDS
            && (k == i || toks[k].breaks == 0 && !names::possessive_word(&toks[k - 1].lower))
            && (cased(&toks[k], text) || article_then_capital(lex, &toks[k], text))
            && !lex.has(Sec::Stop, &toks[k].lower)
            && !self.in_actor[k]
        {
            k += 1;
        }
        k
    }

    /// The end of the longest known name from token `k` that ends by `limit`.
    fn known_end(&self, counts: &mut Counts<'_, 'a>, k: usize, limit: usize) -> Option<usize> {
        let toks = self.toks;
        (k + 1..=limit)
            .rev()
            .find(|&end| counts.get(&self.text[toks[k].start..toks[end - 1].end]) > 0)
    }

    /// True when a coordinator and another name word follow the run: "in A B and C". (A
    /// comma after a run opens its address as often: "in San Carlos Nuevo Foo, Sonora".)
    fn list_goes_on(&self, run_end: usize) -> bool {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        let joiner = toks
            .get(run_end)
            .is_some_and(|t| lex.has(Sec::Coordinators, &t.lower));
        joiner
            && toks.get(run_end + 1).is_some_and(|t| {
                t.breaks == 0 && (cased(t, text) || article_then_capital(lex, t, text))
            })
    }

    /// True when a piece of the list reads as a place: spelled as one, no person's name of
    /// the article, no people. (The run's last word is among the persons' names because the
    /// run itself reads as one; that is no evidence.)
    fn piece_is_place(&self, &(start, end, _, _): &RawMatch, run_end: usize) -> bool {
        let toks = self.toks;
        let person = (start..end)
            .any(|k| k + 1 != run_end && self.names.contains(names::bare(&toks[k].lower)));
        // ("The Colony Theatre": a name that opens with an article is the head of a longer
        // one.)
        let article = self.lex.has(Sec::Articles, &toks[start].lower);
        let word = end - start == 1 && self.evidence.not_place(self.lex, toks, start);
        !person
            && !article
            && !word
            && self.spelled_as_place(start, end)
            && !self.names_people(start, end)
    }
}
