//! Stage merge: reports of one event from several sources → one incident.
//!
//! ```text
//! reports (incident + where it was read)
//!   → candidate pairs (blocking: place cells × date windows)      blocking.rs
//!   → same event? (place, date, type; figures, actors)            rules.rs
//!   → clusters, best-supported pairs first, every pair compatible
//!   → one incident per cluster, the union of the claims           union.rs
//!   → the explanation (merged, kept apart)                        explain.rs
//! ```
//!
//! A cluster only grows when every report in it is compatible with every other (complete
//! linkage): a month-dated report cannot chain two attacks a week apart into one. Reports of
//! one document never merge (the extractor or the data set's coders kept them apart).
//! Everything is decided in a canonical order (by id, file, line), so the same inputs in any
//! order give the same incidents and ids; the output keeps input order otherwise.

mod blocking;
mod explain;
mod rules;
mod union;

use std::collections::{HashMap, HashSet};

use crate::model::{Incident, KeptApart, MergeExplanation, MergeNote, Reported};

pub use blocking::candidate_pairs;
pub use explain::{explanation_text, report_ref};
pub use rules::{distance_km, judge, Judgement};
pub use union::merge_members;

/// Which reports may merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MergeMode {
    /// Articles only (the default): each data set's rows are already de-duplicated.
    #[default]
    Articles,
    /// Every report, table rows included (`--merge`).
    All,
    /// None (`--no-merge`).
    None,
}

/// What merging gave: the incidents, and what was merged and kept apart.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    pub incidents: Vec<Incident>,
    pub explanation: MergeExplanation,
}

/// Clusters being built: each report's cluster, and each cluster's members.
struct Clusters {
    of: Vec<usize>,
    members: Vec<Vec<usize>>,
    reasons: Vec<Vec<String>>,
}

impl Clusters {
    fn new(n: usize) -> Clusters {
        Clusters {
            of: (0..n).collect(),
            members: (0..n).map(|i| vec![i]).collect(),
            reasons: vec![Vec::new(); n],
        }
    }

    /// Joins the clusters of `i` and `j` when every cross pair is compatible.
    fn join(&mut self, i: usize, j: usize, compatible: &HashSet<(usize, usize)>, why: &[String]) {
        let (ci, cj) = (self.of[i], self.of[j]);
        if ci == cj {
            return;
        }
        let all = self.members[ci].iter().all(|&x| {
            self.members[cj]
                .iter()
                .all(|&y| compatible.contains(&(x.min(y), x.max(y))))
        });
        if !all {
            return;
        }
        let (keep, gone) = (ci.min(cj), ci.max(cj));
        let moved = std::mem::take(&mut self.members[gone]);
        for &m in &moved {
            self.of[m] = keep;
        }
        self.members[keep].extend(moved);
        self.members[keep].sort_unstable();
        let moved = std::mem::take(&mut self.reasons[gone]);
        for r in moved.iter().chain(why) {
            if !self.reasons[keep].contains(r) {
                self.reasons[keep].push(r.clone());
            }
        }
    }
}

/// Canonical order: by incident id, then file and line.
fn canonical(reports: &[Reported]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&reports[a], &reports[b]);
        (&x.incident.id, &x.origin)
            .cmp(&(&y.incident.id, &y.origin))
            .then(a.cmp(&b))
    });
    order
}

/// Merges the reports that describe one event. `reports` in input order; the result keeps
/// that order (a merged incident stands where its first report stood).
pub fn merge(reports: Vec<Reported>, mode: MergeMode) -> Merged {
    let order = canonical(&reports);
    let input_index: Vec<usize> = order.clone();
    let mut slots: Vec<Option<Reported>> = reports.into_iter().map(Some).collect();
    let sorted: Vec<Reported> = order.iter().filter_map(|&i| slots[i].take()).collect();
    let judged: Vec<((usize, usize), Judgement)> = candidate_pairs(&sorted, mode)
        .into_iter()
        .map(|(i, j)| ((i, j), judge(&sorted[i], &sorted[j], mode)))
        .collect();
    let compatible: HashSet<(usize, usize)> = judged
        .iter()
        .filter(|(_, j)| j.same_event())
        .map(|(p, _)| *p)
        .collect();
    let mut ranked: Vec<&((usize, usize), Judgement)> =
        judged.iter().filter(|(_, j)| j.same_event()).collect();
    ranked.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
    let mut clusters = Clusters::new(sorted.len());
    for ((i, j), judgement) in ranked {
        clusters.join(*i, *j, &compatible, &judgement.alike);
    }
    let mut explanation = MergeExplanation {
        reports: sorted.len(),
        ..MergeExplanation::default()
    };
    for ((i, j), judgement) in &judged {
        if judgement.near_miss() && clusters.of[*i] != clusters.of[*j] {
            explanation.kept_apart.push(KeptApart {
                a: report_ref(&sorted[*i]),
                b: report_ref(&sorted[*j]),
                alike: judgement.alike.clone(),
                why: judgement.apart.clone(),
            });
        }
    }
    // Each cluster is written where its first report stood in the input.
    let mut placed: Vec<(usize, Incident)> = Vec::new();
    let mut notes: HashMap<usize, MergeNote> = HashMap::new();
    for (c, members) in clusters.members.iter().enumerate() {
        let Some(&first) = members.first() else {
            continue;
        };
        let at = members.iter().map(|&m| input_index[m]).min().unwrap_or(0);
        if members.len() == 1 {
            placed.push((at, sorted[first].incident.clone()));
            continue;
        }
        let group: Vec<&Reported> = members.iter().map(|&m| &sorted[m]).collect();
        let incident = merge_members(&group);
        notes.insert(
            at,
            MergeNote {
                incident: incident.id.clone(),
                title: incident.title.clone(),
                reports: group.iter().map(|r| report_ref(r)).collect(),
                reasons: clusters.reasons[c].clone(),
            },
        );
        placed.push((at, incident));
    }
    placed.sort_by_key(|(at, _)| *at);
    for (at, _) in &placed {
        if let Some(note) = notes.remove(at) {
            explanation.merged.push(note);
        }
    }
    explanation.incidents = placed.len();
    Merged {
        incidents: placed.into_iter().map(|(_, i)| i).collect(),
        explanation,
    }
}

#[cfg(test)]
mod tests;
