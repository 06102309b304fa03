//! Stage 1, extract: a sentence that opens in a town. "In A, B, police found a body in a
//! field": the opening phrase ("in A," or "in A, B," with its province, right at the start
//! of the sentence or after an opening date) places the whole sentence in A, so an unnamed
//! stretch of land or part of a town named later ("a field", "a wooded area", "a street")
//! lies in A. An unnamed settlement ("a village") is a place of its own and stays unplaced.
//! With the province named ("In A, B,"), a place the gazetteer lacks named later in the
//! sentence ("in the Foo community") lies in A's area too.

use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::{town_like, Candidate, State};

/// How many tokens an opening date ("On 30 April 2020,", "Around 3 May 2020 (as
/// reported),") may take before the opening "in".
const OPENING_DATE_TOKENS: usize = 12;

impl State<'_> {
    /// The town (an index into `r.places`) that the sentence of `r` opens in, when `c` is an
    /// unnamed part of a town or stretch of land named after that opening phrase.
    pub(super) fn opening_town(&self, r: &Reading, c: &Candidate) -> Option<usize> {
        let noun = self.words[c.end.checked_sub(1)?];
        let part = matches!(self.lex.value(Sec::PlaceParts, noun), Some("part" | "area"));
        part.then(|| self.opening(r, c)).flatten().map(|(k, _)| k)
    }

    /// The town the sentence of `r` opens in with its province ("On Monday, in A, B, ..."),
    /// when `c` is named after that phrase: a place the gazetteer lacks named there ("in
    /// the Foo community", "in Colonia Foo") is a part or a village of the town's area.
    pub(super) fn opening_town_and_province(&self, r: &Reading, c: &Candidate) -> Option<usize> {
        self.opening(r, c)
            .filter(|&(_, with_province)| with_province)
            .map(|(k, _)| k)
    }

    /// The sentence's opening town (an index into `r.places`) and whether its province is
    /// named with it, when `c` comes after the opening phrase.
    fn opening(&self, r: &Reading, c: &Candidate) -> Option<(usize, bool)> {
        let start = r.sentence.start;
        let (k, town) = r
            .places
            .iter()
            .enumerate()
            .min_by_key(|(_, p)| p.found.start)?;
        if !town_like(town) || town.found.end > c.token {
            return None;
        }
        let at = town.found.start;
        let within = at > start && self.lex.has(Sec::Within, self.words[at - 1]);
        // "In A," opens the sentence, or follows its opening date's comma.
        let opens = within
            && (at - 1 == start
                || (at - 1 - start <= OPENING_DATE_TOKENS && self.words[at - 2] == ","));
        if !opens {
            return None;
        }
        // The phrase ends with a comma after the town, or after the province named with it.
        let mut end = town.found.end;
        let mut with_province = false;
        if self.words.get(end) == Some(&",") {
            if let Some(province) = r.places.iter().find(|p| p.found.start == end + 1) {
                if self.words.get(province.found.end) == Some(&",") {
                    end = province.found.end;
                    with_province = !town_like(province);
                }
            }
        }
        (self.words.get(end) == Some(&",") && end < c.token).then_some((k, with_province))
    }
}
