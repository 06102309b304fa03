//! Stage 1, ingest/extract: a count at a settlement the text does not name yet, in a province
//! ("gunmen attacked a village in northern A state, killing seven"). The lead of a report
//! often says so and names the village in the next sentence ("The gunmen stormed the Foo
//! village in the Bar district at dawn"): such counts wait for the first incident, as the
//! lead's counts without a place do; when no sentence right after names the village they
//! stay regional, in the province.

use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::{Candidate, State, Target, PROVINCE_ONLY};
use crate::gazetteer::EntryKind;

/// Why a count at an unnamed settlement of a province waits for the incident the lead goes
/// on to name (after the province-only reason, which it is when none follows).
pub(super) const UNNAMED_SETTLEMENT: &str = "(at a settlement it does not name)";

impl State<'_> {
    /// The target of counts whose clause names the province `usable[chosen]` right after an
    /// unnamed settlement it holds ("a village in A", "a town in northern Country's A"): the
    /// province, with a reason that lets them wait for the village's name.
    pub(super) fn unnamed_settlement_in(
        &self,
        r: &Reading,
        usable: &[&Candidate],
        chosen: usize,
    ) -> Option<Target> {
        let province = usable[chosen];
        let k = province.known?;
        if r.places[k].found.entry.kind != EntryKind::Admin1 {
            return None;
        }
        // ("a village in northern Country's A": through compass words and the country.)
        let country = |j: usize| {
            r.places.iter().any(|p| {
                p.found.entry.kind == EntryKind::Country
                    && (p.found.start..p.found.end).contains(&j)
            })
        };
        let situating = |j: &usize| {
            let w = self.words[*j];
            self.lex.has(Sec::Articles, w) || self.lex.has(Sec::Directional, w) || country(*j)
        };
        let in_at = (r.sentence.start..province.token)
            .rev()
            .find(|j| !situating(j))?;
        let kind_at = in_at.checked_sub(1)?;
        // ("a village", "a remote village": an indefinite article, at most one word between.)
        let indefinite = (kind_at.saturating_sub(2)..kind_at)
            .rev()
            .find(|&j| self.lex.has(Sec::Indefinite, self.words[j]))
            .is_some_and(|j| j >= r.sentence.start);
        let settlement = self.words[in_at] == "in"
            && self.lex.has(Sec::KindTown, self.words[kind_at])
            && indefinite;
        settlement.then(|| Target::Regional {
            area: Some(province.name.clone()),
            why: format!("{PROVINCE_ONLY} {UNNAMED_SETTLEMENT}"),
        })
    }

    /// Puts a count at an unnamed settlement of a province (`why`, the reason
    /// [`State::unnamed_settlement_in`] gave): while the article has no incident yet it waits
    /// for the lead's, else it is regional.
    pub(super) fn settlement_count(
        &mut self,
        si: usize,
        fi: usize,
        why: String,
        area: Option<String>,
    ) {
        if self.out.groups.is_empty() {
            self.pending.push((si, fi, why));
            self.pending_areas.push(((si, fi), area));
        } else {
            self.out.regional.push((si, fi, why, area));
        }
    }

    /// Counts that waited for the lead's incident in vain: those at an unnamed settlement of
    /// a province are regional there, the others unattached.
    pub(super) fn release(&mut self, pending: Vec<(usize, usize, String)>) {
        for (si, fi, why) in pending {
            let area = self
                .pending_areas
                .iter()
                .find(|(at, _)| *at == (si, fi))
                .map(|(_, area)| area.clone());
            match area {
                Some(area) => self.out.regional.push((si, fi, why, area)),
                None => self.out.unattached.push((si, fi, why)),
            }
        }
    }
}
