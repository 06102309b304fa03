//! Stage 1, ingest/extract: "Foo of Bar" where Bar is a place that holds Foo ("Arnissa of
//! Pella", "Lice of Diyarbakir"): Foo is a place in Bar, not the head of a longer proper name
//! such as "the Bank of Bar" or "the Lions of the Valley". The gazetteer decides: some reading
//! of Foo must lie in some reading of Bar.

use super::super::coherence::inside;
use super::super::lexicon::Sec;
use super::cased;
use super::scan::Scan;
use crate::gazetteer::EntryKind;
use crate::reference::distance_km;

/// The most capitalised words of the holder's name after "of".
const HOLDER_WORDS: usize = 3;

/// How many readings of each name are compared.
const READINGS: usize = 12;

/// The farthest a town may lie from a town it is said to be "of" (the seat of its district).
const OF_TOWN_KM: f64 = 60.0;

impl Scan<'_> {
    /// True when "of" at token `of`, after the name at `start..of`, opens the name of a
    /// division or town that holds a reading of that name.
    pub(super) fn of_its_holder(&self, start: usize, of: usize) -> bool {
        let (text, toks) = (self.text, self.toks);
        if toks
            .get(of)
            .is_none_or(|t| !Sec::OfLinks.in_any_language(&t.lower) || t.breaks > 0)
        {
            return false;
        }
        let mut end = of + 1;
        while end < toks.len()
            && end - of <= HOLDER_WORDS
            && cased(&toks[end], text)
            && toks[end].breaks == 0
        {
            end += 1;
        }
        if end == of + 1 {
            return false;
        }
        let name = &text[toks[start].start..toks[of - 1].end];
        let readings = self.index.scored(name, READINGS);
        // The longest name first: "of Central Equatoria" before "of Central".
        (of + 2..=end).rev().any(|e| {
            let holder = &text[toks[of + 1].start..toks[e - 1].end];
            self.index.scored(holder, READINGS).iter().any(|(h, _)| {
                readings.iter().any(|(t, _)| {
                    t.id != h.id
                        && t.kind == EntryKind::Populated
                        && match h.kind {
                            EntryKind::Admin1 | EntryKind::Admin2 => inside(t, h),
                            EntryKind::Populated => {
                                inside(t, h)
                                    && distance_km(t.lon, t.lat, h.lon, h.lat) <= OF_TOWN_KM
                            }
                            _ => false,
                        }
                })
            })
        })
    }
}
