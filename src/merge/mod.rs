//! Stage merge: reports of one event from several sources → one incident.
//!
//! Between ingest (or geocode) and export: in, [`Reported`] incidents (each with the file and
//! line it was read from) and a [`MergeMode`]; out, [`Merged`]: the incidents, each event
//! once with the union of its reports' claims, and the explanation of what was merged and
//! what was kept apart. The entry point is [`merge()`].
//!
//! ```text
//! reports (incident + where it was read)
//!   → candidate pairs (blocking: place cells × date windows)      blocking.rs
//!   → same event? (place, date, type)                             rules.rs
//!     (place: same entry, province, reach)                       place_rule.rs, admin.rs
//!     (figures and actors: support and veto)                     support.rs
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

mod admin;
mod blocking;
mod explain;
mod place_rule;
mod rules;
mod support;
mod union;

use std::collections::{HashMap, HashSet};

use crate::model::{Incident, KeptApart, MergeExplanation, MergeNote, Reported};

pub use blocking::candidate_pairs;
pub use explain::{explanation_text, report_ref};
pub use rules::judge;
pub use union::merge_members;

/// Which reports may merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MergeMode {
    /// Articles only (the default): each data set's rows are already de-duplicated.
    #[default]
    Articles,
    /// Every report, table rows included.
    All,
    /// None: every report stays apart.
    None,
}

/// The verdict on a pair of reports.
#[derive(Debug, Clone, Default)]
pub struct Judgement {
    /// Higher is more alike (orders the merges: the best-supported pairs go first).
    pub score: i64,
    pub alike: Vec<String>,
    pub apart: Vec<String>,
    /// False when the pair may not merge at all (same document, `MergeMode::None`, a table
    /// row under `MergeMode::Articles`): such pairs are no near-misses.
    pub eligible: bool,
    /// True when the places agree (a kept-apart pair is named only then).
    pub same_place: bool,
    /// True when one report names only a province and the other a place in it.
    pub province: bool,
    /// Set when the only thing keeping the pair apart is that one names a district of the
    /// town and the other only the town, with no figure in common: the district (as
    /// `place_rule.rs` reads it). Another report of the cluster that names that district and
    /// is one event with the town's report settles which event of the town it was.
    pub bridge: Option<String>,
}

impl Judgement {
    pub fn same_event(&self) -> bool {
        self.apart.is_empty()
    }

    /// Kept apart although the place and one of date, type and figures agree: worth
    /// explaining.
    pub fn near_miss(&self) -> bool {
        self.eligible && !self.same_event() && self.same_place && self.alike.len() >= 2
    }
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

/// What the clusters are joined on: the compatible pairs, the pairs a district report of the
/// cluster may bridge (see [`Judgement::bridge`]), and each report's district.
struct Links {
    compatible: HashSet<(usize, usize)>,
    bridges: HashMap<(usize, usize), String>,
    districts: Vec<Option<String>>,
}

impl Links {
    fn compatible(&self, x: usize, y: usize) -> bool {
        self.compatible.contains(&(x.min(y), x.max(y)))
    }

    /// Whether the pair may stand in one cluster of `members`: compatible, or only a town's
    /// report and a district's whose district another member names while being one event
    /// with the town's report (bridged).
    fn allowed(&self, x: usize, y: usize, members: &[usize]) -> Option<Link<'_>> {
        if self.compatible(x, y) {
            return Some(Link::Compatible);
        }
        let district = self.bridges.get(&(x.min(y), x.max(y)))?;
        let town = if self.districts[x].is_none() { x } else { y };
        members
            .iter()
            .find(|&&z| {
                z != x
                    && z != y
                    && self.districts[z].as_ref() == Some(district)
                    && self.compatible(z, town)
            })
            .map(|_| Link::Bridged(district))
    }
}

/// How a pair may stand in one cluster.
enum Link<'a> {
    Compatible,
    /// Through another report naming this district (see [`Judgement::bridge`]).
    Bridged(&'a str),
}

impl Clusters {
    fn new(n: usize) -> Clusters {
        Clusters {
            of: (0..n).collect(),
            members: (0..n).map(|i| vec![i]).collect(),
            reasons: vec![Vec::new(); n],
        }
    }

    /// Joins the clusters of `i` and `j` when every cross pair is compatible (or bridged,
    /// see [`Links::allowed`]).
    fn join(&mut self, i: usize, j: usize, links: &Links, why: &[String]) {
        let (ci, cj) = (self.of[i], self.of[j]);
        if ci == cj {
            return;
        }
        let union: Vec<usize> = self.members[ci]
            .iter()
            .chain(&self.members[cj])
            .copied()
            .collect();
        let mut bridged: Vec<String> = Vec::new();
        for &x in &self.members[ci] {
            for &y in &self.members[cj] {
                match links.allowed(x, y, &union) {
                    None => return,
                    Some(Link::Bridged(district)) => {
                        let note = format!(
                            "another report names the district ({district}) and is one event with the town's report"
                        );
                        if !bridged.contains(&note) {
                            bridged.push(note);
                        }
                    }
                    Some(Link::Compatible) => {}
                }
            }
        }
        let (keep, gone) = (ci.min(cj), ci.max(cj));
        let moved = std::mem::take(&mut self.members[gone]);
        for &m in &moved {
            self.of[m] = keep;
        }
        self.members[keep].extend(moved);
        self.members[keep].sort_unstable();
        let moved = std::mem::take(&mut self.reasons[gone]);
        for r in moved.iter().chain(why).chain(&bridged) {
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

/// Judges every candidate pair, on every core; the verdicts in the order of `pairs`.
fn judge_all(
    reports: &[Reported],
    pairs: &[(usize, usize)],
    mode: MergeMode,
) -> Vec<((usize, usize), Judgement)> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = pairs.len().div_ceil(threads).max(4096);
    std::thread::scope(|scope| {
        let handles: Vec<_> = pairs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|&(i, j)| ((i, j), judge(&reports[i], &reports[j], mode)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Merges the reports that describe one event. `reports` in input order; the result keeps
/// that order (a merged incident stands where its first report stood).
///
/// ```
/// use incimap::ingest::{read_table, ReadOptions};
/// use incimap::merge::{merge, MergeMode};
/// use incimap::model::{Origin, Reported};
///
/// // One attack reported by two outlets with close tolls: one incident with both claims.
/// let header = "id,date,place,country,event_type,sub_event_type,lon,lat,killed,source\n";
/// let rows = [
///     ("a.csv", "sohr-1,2022-01-20,Hasakah,SY,Battles,Armed clash,40.75,36.50,136,SOHR\n"),
///     ("b.csv", "afp-7,2022-01-20,Hasakah,SY,Battles,Armed clash,40.75,36.50,140,AFP\n"),
/// ];
/// let mut reports = Vec::new();
/// for (file, row) in rows {
///     let table = format!("{header}{row}");
///     for incident in read_table(table.as_bytes(), file, &ReadOptions::default()).incidents {
///         let origin = Origin::table(file, Some(2), None);
///         reports.push(Reported { incident, origin });
///     }
/// }
/// let merged = merge(reports, MergeMode::All);
/// assert_eq!(merged.incidents.len(), 1);
/// let killed = merged.incidents[0].figure(&incimap::Measure::Killed).unwrap();
/// assert_eq!((killed.low, killed.high), (Some(136), Some(140)));
/// assert_eq!(killed.claims.len(), 2);
/// ```
pub fn merge(reports: Vec<Reported>, mode: MergeMode) -> Merged {
    let order = canonical(&reports);
    let input_index: Vec<usize> = order.clone();
    let mut slots: Vec<Option<Reported>> = reports.into_iter().map(Some).collect();
    let sorted: Vec<Reported> = order.iter().filter_map(|&i| slots[i].take()).collect();
    let judged = judge_all(&sorted, &candidate_pairs(&sorted, mode), mode);
    let links = Links {
        compatible: judged
            .iter()
            .filter(|(_, j)| j.same_event())
            .map(|(p, _)| *p)
            .collect(),
        bridges: judged
            .iter()
            .filter_map(|(p, j)| j.bridge.clone().map(|d| (*p, d)))
            .collect(),
        districts: sorted
            .iter()
            .map(|r| place_rule::district(&r.incident.place))
            .collect(),
    };
    let mut ranked: Vec<&((usize, usize), Judgement)> =
        judged.iter().filter(|(_, j)| j.same_event()).collect();
    ranked.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
    let mut clusters = Clusters::new(sorted.len());
    for ((i, j), judgement) in ranked {
        clusters.join(*i, *j, &links, &judgement.alike);
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
    let (incidents, merged) = assemble(sorted, &clusters, &input_index);
    explanation.merged = merged;
    explanation.incidents = incidents.len();
    Merged {
        incidents,
        explanation,
    }
}

/// One incident per cluster, each where its first report stood in the input, and a note per
/// merged cluster (in the same order). Reports that merged with none are moved, not copied.
fn assemble(
    sorted: Vec<Reported>,
    clusters: &Clusters,
    input_index: &[usize],
) -> (Vec<Incident>, Vec<MergeNote>) {
    let mut placed: Vec<(usize, Incident, Option<MergeNote>)> = Vec::new();
    let mut alone = Vec::new();
    for (c, members) in clusters.members.iter().enumerate() {
        let Some(&first) = members.first() else {
            continue;
        };
        let at = members.iter().map(|&m| input_index[m]).min().unwrap_or(0);
        if members.len() == 1 {
            alone.push((at, first));
            continue;
        }
        let group: Vec<&Reported> = members.iter().map(|&m| &sorted[m]).collect();
        let incident = merge_members(&group);
        let note = MergeNote {
            incident: incident.id.clone(),
            title: incident.title.clone(),
            reports: group.iter().map(|r| report_ref(r)).collect(),
            reasons: clusters.reasons[c].clone(),
        };
        placed.push((at, incident, Some(note)));
    }
    let mut slots: Vec<Option<Reported>> = sorted.into_iter().map(Some).collect();
    for (at, index) in alone {
        if let Some(report) = slots[index].take() {
            placed.push((at, report.incident, None));
        }
    }
    placed.sort_by_key(|(at, _, _)| *at);
    let notes = placed.iter_mut().filter_map(|(_, _, n)| n.take()).collect();
    (placed.into_iter().map(|(_, i, _)| i).collect(), notes)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_precision;
#[cfg(test)]
mod tests_support;
