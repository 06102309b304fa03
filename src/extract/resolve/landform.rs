//! Stage 1, ingest/extract: a town's name followed by a word for a landform ("the Foo
//! valley", "the Foo hills") names the land around, not the town.
//!
//! A valley or a range of hills named after a town spreads over a whole district. The
//! division of that name stands for the area when the gazetteer has one ("the Swat valley"
//! is the Swat district); otherwise the name is read nowhere, and the figures told there are
//! left unattached. Land close by ("the Foo desert", "the Foo hills") is near the town.

use super::super::lexicon::{Lexicon, Sec};
use super::super::place_index::Toponym;
use super::{Doc, Unread};
use crate::gazetteer::EntryKind;

/// The value of a landform word for land close by the town it is named after.
const NEAR: &str = "near";

/// True when `word` names land close by the town it follows ("desert" in "the Foo desert"):
/// the place is near the town.
pub(in crate::extract) fn near_landform(lex: &Lexicon, word: &str) -> bool {
    lex.value(Sec::Landforms, word) == Some(NEAR)
}

impl Doc<'_> {
    /// The landform word right after name `k` ("valley" in "the Foo valley"), when there
    /// is one and no comma or stop between.
    pub(super) fn landform_after(&self, k: usize) -> Option<&str> {
        let end = self.raw[k].1;
        self.toks
            .get(end)
            .filter(|t| t.breaks == 0 && self.lex.has(Sec::Landforms, &t.lower))
            .map(|t| t.lower.as_str())
    }

    /// What name `k`, read as `entry` and followed by a landform word, stands for: a
    /// division is kept; a town gives way to a division of the same name in its country, or
    /// is read nowhere.
    pub(super) fn under_landform(&self, k: usize, entry: Toponym) -> Result<Toponym, Unread> {
        let Some(landform) = self.landform_after(k) else {
            return Ok(entry);
        };
        // ("the Foo desert": land close by, read near the town by the place's governor.)
        if near_landform(self.lex, landform) || entry.kind != EntryKind::Populated {
            return Ok(entry);
        }
        let division = self.lists[k].iter().map(|(t, _)| t).find(|t| {
            t.literal
                && matches!(t.kind, EntryKind::Admin1 | EntryKind::Admin2)
                && t.country_code == entry.country_code
        });
        match division {
            Some(division) => Ok(division.clone()),
            None => Err(Unread::Landform {
                place: entry.name,
                landform: landform.to_string(),
            }),
        }
    }
}
