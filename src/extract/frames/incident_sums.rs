//! Stage 1, ingest/extract: totals that are no incident's own count. A count that adds up
//! the incidents of the article ("three killed in A, four more in B", then "seven of our
//! soldiers have been killed in the fighting") is their total, not a second count of the
//! incident in focus; an incident that only a total over a period made is none.

use super::super::figures::PartOf;
use super::super::incidents::Group;
use super::cues::PERIOD_TOTAL;
use super::State;
use crate::model::Measure;

impl State<'_> {
    /// Moves to the regional figures every count told in a sentence that names no place of
    /// its incident and that equals the sum of the counts of the same measure told at two or
    /// more incidents, each at its own place ("the total of the incidents at A and B").
    pub(super) fn incident_sums(&mut self) {
        if self.out.groups.len() < 2 {
            return;
        }
        for measure in [Measure::Killed, Measure::Injured] {
            let counts: Vec<Option<u64>> = self
                .out
                .groups
                .iter()
                .map(|g| self.count_at_place(g, &measure))
                .collect();
            let told: Vec<usize> = (0..counts.len()).filter(|&g| counts[g].is_some()).collect();
            if told.len() < 2 {
                continue;
            }
            let sum: u64 = counts.iter().flatten().sum();
            let names: Vec<String> = told.iter().map(|&g| self.group_name(g)).collect();
            let why = format!("the total of the incidents at {}", listed(&names));
            for gi in 0..self.out.groups.len() {
                let g = &self.out.groups[gi];
                let (sums, kept): (Vec<_>, Vec<_>) = g.figures.iter().partition(|&&(si, fi)| {
                    let f = &self.readings[si].figures[fi];
                    f.measure.as_ref() == Some(&measure)
                        && f.part_of == PartOf::None
                        && f.claim.value == sum
                        && !self.names_group_place(g, si)
                });
                if sums.is_empty() {
                    continue;
                }
                self.out.groups[gi].figures = kept;
                for (si, fi) in sums {
                    self.out.regional.push((si, fi, why.clone(), None));
                }
            }
        }
    }

    /// Drops the incidents that only a total over a period made: no figure of their own, and
    /// in each of their sentences nothing tells an event but such a total or a verb of
    /// violence without its kind ("in A, 30,000 have been killed since the war began": A is
    /// no incident).
    pub(super) fn drop_regional_only(&mut self) {
        let totals: Vec<usize> = self
            .out
            .regional
            .iter()
            .filter(|r| r.2.starts_with(PERIOD_TOTAL))
            .map(|r| r.0)
            .collect();
        let made_by_total = |si: usize| {
            let events = &self.readings[si].events;
            totals.contains(&si) && events.iter().all(|e| e.fallback)
        };
        self.out
            .groups
            .retain(|g| !g.figures.is_empty() || !g.sentences.iter().all(|&si| made_by_total(si)));
    }

    /// The largest count of `measure` (parts aside) that group `g` was given in a sentence
    /// naming its place.
    fn count_at_place(&self, g: &Group, measure: &Measure) -> Option<u64> {
        g.figures
            .iter()
            .filter(|&&(si, _)| self.names_group_place(g, si))
            .map(|&(si, fi)| &self.readings[si].figures[fi])
            .filter(|f| f.measure.as_ref() == Some(measure) && f.part_of == PartOf::None)
            .map(|f| f.claim.value)
            .filter(|&v| v > 0)
            .max()
    }

    /// True when sentence `si` names the place of group `g`.
    fn names_group_place(&self, g: &Group, si: usize) -> bool {
        let id = &g.place.found.entry.id;
        self.readings[si]
            .places
            .iter()
            .any(|p| &p.found.entry.id == id)
    }

    /// The place of group `g` as the text writes it.
    fn group_name(&self, g: usize) -> String {
        let found = &self.out.groups[g].place.found;
        self.text[found.byte_start..found.byte_end].to_string()
    }
}

/// Names as a list: "A", "A and B", "A, B and C".
fn listed(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} and {last}", head.join(", ")),
    }
}
