//! Stage 1, ingest/extract: one reading per article for a state the text has named by its
//! abbreviation. "CAMP MURRAY, Wash." says which Washington the article is about; a later
//! bare "Washington" is that state, not the capital city a bare name reads as alone. (Not
//! after a division word: "Idlib province ... in Idlib" names the province, then the city.)

use super::super::names::abbreviation;
use super::super::place_index::Toponym;
use super::super::toponyms::PlaceMatch;
use super::{Doc, Name};
use crate::gazetteer::{fold, EntryKind};

impl Doc<'_> {
    /// The first-level division an earlier name of the text reads as (in `chosen`), when the
    /// text wrote it there as an abbreviation ("Wash."), it bears name `k` as its own name,
    /// and it is one of the readings of name `k`.
    pub(super) fn division_named_before(
        &self,
        k: usize,
        name: &Name<'_>,
        chosen: &[PlaceMatch],
    ) -> Option<Toponym> {
        let (lex, toks) = (self.lex, self.toks);
        // (Called for every name: the cheap tests first, the name folded last.)
        if !self.lists[k]
            .iter()
            .any(|(t, _)| t.kind == EntryKind::Admin1)
        {
            return None;
        }
        chosen
            .iter()
            .filter(|m| m.entry.kind == EntryKind::Admin1)
            .filter(|m| abbreviation(lex, toks, m.start).is_some())
            .filter(|m| fold(&m.entry.name) == name.key)
            .find_map(|m| {
                self.lists[k]
                    .iter()
                    .find(|(t, _)| t.id == m.entry.id)
                    .map(|(t, _)| t.clone())
            })
    }
}
