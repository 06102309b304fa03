//! A toll brought to a new total ("Four more bodies were found, bringing the death toll to
//! 15"): the smaller counts of its measure told before it in the incident are the counts it
//! adds up, its parts; a count as large told before is the same total told earlier.

use super::{push_claim, Gatherer};
use crate::extract::figures::PartOf;
use crate::extract::incidents::{Group, Reading};
use crate::model::Measure;

/// How a figure stands to a running total at or after it in its incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Running {
    /// The running total itself, or an earlier count at least as large: a claim about it.
    Total,
    /// An earlier, smaller count: one of the counts the total adds up.
    Part,
}

/// Every figure of `group` that a running total of the group takes in (keyed by sentence and
/// figure), with how it stands to it. Counts that are parts of another count ("10 people
/// including 3 children") stay with their own total.
pub(super) fn running_roles(readings: &[Reading], group: &Group) -> Vec<((usize, usize), Running)> {
    let figure = |&(si, fi): &(usize, usize)| &readings[si].figures[fi];
    let mut out: Vec<((usize, usize), Running)> = Vec::new();
    for (k, key) in group.figures.iter().enumerate() {
        let total = figure(key);
        let Some(measure) = total.measure.as_ref().filter(|_| total.running) else {
            continue;
        };
        if !out.iter().any(|(taken, _)| taken == key) {
            out.push((*key, Running::Total));
        }
        for earlier in &group.figures[..k] {
            let f = figure(earlier);
            if f.measure.as_ref() != Some(measure)
                || f.part_of != PartOf::None
                || out.iter().any(|(taken, _)| taken == earlier)
            {
                continue;
            }
            let role = if f.claim.value >= total.claim.value {
                Running::Total
            } else {
                Running::Part
            };
            out.push((*earlier, role));
        }
    }
    out
}

impl Gatherer<'_> {
    /// Files figure `fi` of sentence `si` with its measure's running total when one takes it
    /// in ("Four more bodies were found, bringing the toll to 15": the four are a part of the
    /// 15); false when none does.
    pub(super) fn add_to_running(&mut self, si: usize, fi: usize, measure: &Measure) -> bool {
        let Some(&(_, role)) = self.running.iter().find(|(key, _)| *key == (si, fi)) else {
            return false;
        };
        let f = &self.readings[si].figures[fi];
        let pos = match self.running_at.iter().find(|(m, _)| m == measure) {
            Some(&(_, pos)) => pos,
            None => {
                let pos = self.open(f, measure);
                self.running_at.push((measure.clone(), pos));
                pos
            }
        };
        self.went.push(((si, fi), pos));
        let gathered = &mut self.by_measure[pos].1;
        match role {
            Running::Total => {
                push_claim(&mut gathered.totals, &f.claim);
                gathered.total_subjects.push(f.subject.clone());
            }
            // (Each earlier count is one part: "Five people were killed ... Three more bodies
            // were found" are five and three, not two claims about one count.)
            Running::Part => {
                let told = gathered.parts.iter().any(|(subject, claims)| {
                    *subject == f.subject && claims.iter().any(|c| c.value == f.claim.value)
                });
                if !told {
                    gathered
                        .parts
                        .push((f.subject.clone(), vec![f.claim.clone()]));
                }
            }
        }
        true
    }
}
