//! Stage 1, extract: the headline's count that the body never tells. "Cattle raiders kill 42
//! police officers in Kenya" over a body that places the one incident ("The ambush happened
//! on Saturday in A") and counts no dead of its own: the 42 are that incident's. A headline
//! count the body tells again, or one over an article of several incidents, stays a summary.

use super::super::places::Role;
use super::{push_unique, town_like, State};

/// The reason the headline's figures are left unattached (see `sentence::heading`).
pub(super) const HEADLINE_SUMMARY: &str = "in the headline: a summary, not tied to one place";

impl State<'_> {
    /// Gives the one incident of the article the headline's counts of a measure the body
    /// never counts, when the headline names no other town.
    pub(super) fn headline_counts(&mut self) {
        let [group] = self.out.groups.as_slice() else {
            return;
        };
        let id = group.place.found.entry.id.clone();
        let readings = self.readings;
        let other_town = readings
            .iter()
            .filter(|r| r.sentence.heading)
            .flat_map(|r| r.places.iter())
            .any(|p| p.role == Role::Event && town_like(p) && p.found.entry.id != id);
        if other_town {
            return;
        }
        let body_counts = |measure| {
            readings
                .iter()
                .filter(|r| !r.sentence.heading)
                .flat_map(|r| r.figures.iter())
                .any(|f| f.measure.as_ref() == Some(measure))
        };
        let (taken, left): (Vec<_>, Vec<_>) =
            self.out.unattached.drain(..).partition(|(si, fi, why)| {
                let f = &readings[*si].figures[*fi];
                why == HEADLINE_SUMMARY && f.measure.as_ref().is_some_and(|m| !body_counts(m))
            });
        self.out.unattached = left;
        for (si, fi, _) in taken {
            self.out.groups[0].figures.push((si, fi));
            push_unique(&mut self.out.groups[0].sentences, si);
        }
        self.out.groups[0].sentences.sort_unstable();
    }
}
