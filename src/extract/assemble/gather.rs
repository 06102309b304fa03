//! The figures of one incident, gathered by measure: every claim about the same count side
//! by side (each with its source and span), breakdowns as parts, counts joined by "and" or
//! said to come on top linked to the count they add to.

mod running;
mod same_count;

use super::totals::{breakdown_note, joined_totals};
use crate::extract::figures::{FigureMention, PartOf};
use crate::extract::incidents::{Group, Reading};
use crate::model::{Claim, Figure, Measure};
use running::{running_roles, Running};
use same_count::{gathered_for, joined_to_same_measure, narrower_or_wider, opens_joined};

/// A measure's total claims and its parts (subject → claims), in order of appearance.
#[derive(Default)]
struct Gathered {
    side: Option<String>,
    totals: Vec<Claim>,
    total_subjects: Vec<Option<String>>,
    /// Parts by subject; `None` for a share the text names no one for ("twelve of them").
    parts: Vec<(Option<String>, Vec<Claim>)>,
    /// The gathered count this one is joined to by "and" ("40 soldiers and 8 police").
    joined_to: Option<usize>,
    /// Said to be more than the count it is joined to ("three more", "another two"): added
    /// to it even when it names no one.
    more: bool,
}

impl Gathered {
    /// The lowest total claimed, if any.
    pub(super) fn least_total(&self) -> Option<u64> {
        self.totals.iter().map(|c| c.value).min()
    }

    /// Who the claims about the total come from, in order, each once.
    fn sources(&self) -> Vec<Option<&str>> {
        let mut out: Vec<Option<&str>> = Vec::new();
        for source in self.totals.iter().map(|c| c.source.as_deref()) {
            if !out.contains(&source) {
                out.push(source);
            }
        }
        out
    }

    /// The sum of the parts, each at its lowest claim.
    fn parts_sum(&self) -> u64 {
        self.parts
            .iter()
            .filter_map(|(_, c)| c.iter().map(|c| c.value).min())
            .fold(0, u64::saturating_add)
    }

    /// True when a breakdown is open and `value` more still fits in its total.
    fn breakdown_fits(&self, value: u64) -> bool {
        !self.parts.is_empty()
            && self
                .least_total()
                .is_some_and(|t| self.parts_sum().saturating_add(value) <= t)
    }

    /// Files a claim as a part (by its subject) or as one more claim about the total; `some_of`
    /// when the claim counts some of those this count counts ("one of the men").
    fn file(&mut self, f: &FigureMention, inherited: Option<String>, some_of: bool) {
        // "Ook zouden er zeven burgers zijn omgekomen": a count with a subject that fits in a
        // breakdown already started is one more part.
        let continues_breakdown =
            f.part_of == PartOf::None && f.subject.is_some() && self.breakdown_fits(f.claim.value);
        let is_part = f.part_of != PartOf::None || continues_breakdown || some_of;
        // ("30 were killed. Twelve of them died in the market.": a share of a total already
        // told, with no one named, is part of that total, not a second claim about it.)
        let share = is_part && f.subject.is_none() && !self.totals.is_empty();
        if is_part && (f.subject.is_some() || share) {
            // ("including seven policemen" ... "including seven mobile policemen": the same
            // part told again with a word more, when it counts as many.)
            let same = |(s, claims): &&mut (Option<String>, Vec<Claim>)| {
                *s == f.subject
                    || narrower_or_wider(s.as_deref(), f.subject.as_deref())
                        && claims.iter().any(|c| c.value == f.claim.value)
            };
            match self.parts.iter_mut().find(same) {
                Some((_, claims)) => push_claim(claims, &f.claim),
                None => self.parts.push((f.subject.clone(), vec![f.claim.clone()])),
            }
        } else {
            push_claim(&mut self.totals, &f.claim);
            self.total_subjects.push(f.subject.clone().or(inherited));
        }
    }

    /// The figure of this measure, with the check of its breakdown in `checks`.
    fn into_figure(self, measure: Measure, checks: &mut Vec<String>) -> Figure {
        // One subject, however often the claims name it ("between 40 and 50 villagers").
        let subject = match self.total_subjects.split_first() {
            Some((first, rest)) if rest.iter().all(|s| s == first) => first.clone(),
            _ => None,
        };
        let parts: Vec<Figure> = self
            .parts
            .into_iter()
            .map(|(s, claims)| Figure::from_claims(measure.clone(), s, claims))
            .collect();
        let mut fig = Figure::from_claims(measure, subject, self.totals).with_parts(parts);
        if fig.claims.is_empty() {
            let sum = fig
                .parts
                .iter()
                .filter_map(|p| p.best)
                .fold(0, u64::saturating_add);
            (fig.low, fig.best, fig.high) = (Some(sum), Some(sum), Some(sum));
        }
        checks.extend(breakdown_note(&fig));
        fig
    }
}

fn push_claim(claims: &mut Vec<Claim>, claim: &Claim) {
    let same = claims.iter().any(|c| {
        c.value == claim.value && c.qualifier == claim.qualifier && c.source == claim.source
    });
    if !same {
        claims.push(claim.clone());
    }
}

/// The figures of a group as they are gathered, figure by figure.
struct Gatherer<'r> {
    readings: &'r [Reading],
    by_measure: Vec<(Measure, Gathered)>,
    /// Where each figure went: (sentence, figure) → gathered count.
    went: Vec<((usize, usize), usize)>,
    /// The figures running totals take in, with how each stands to its total.
    running: Vec<((usize, usize), Running)>,
    /// The gathered count of each measure's running total.
    running_at: Vec<(Measure, usize)>,
}

/// Builds the figures of a group; the check of each breakdown goes to `checks`.
pub(super) fn figures(
    readings: &[Reading],
    group: &Group,
    checks: &mut Vec<String>,
) -> Vec<Figure> {
    // Measures the incident counts with a number: "a child was killed" is one of them; not of
    // a number said to come on top ("a chief was shot dead. Three relatives were also killed"),
    // nor of a report of none ("a rebel was killed. The army reported no casualties": the
    // one is not among the none).
    let counted: Vec<&Measure> = group
        .figures
        .iter()
        .map(|&(si, fi)| &readings[si].figures[fi])
        .filter(|f| !f.one_person && !f.additional && f.claim.value > 0)
        .filter_map(|f| f.measure.as_ref())
        .collect();
    let mut gatherer = Gatherer {
        readings,
        by_measure: Vec::new(),
        went: Vec::new(),
        running: running_roles(readings, group),
        running_at: Vec::new(),
    };
    for &(si, fi) in &group.figures {
        let f = &readings[si].figures[fi];
        let Some(measure) = &f.measure else {
            continue;
        };
        // ("two women and a man were killed", "a man and his two sons": one person joined to
        // a count is one more.)
        let joined = f.joined
            || readings[si]
                .figures
                .get(fi + 1)
                .is_some_and(|next| next.joined && next.measure == f.measure);
        // ("Four more bodies were found, bringing the toll to 15": a running total and the
        // counts it adds up go together.)
        if gatherer.add_to_running(si, fi, measure) {
            continue;
        }
        // ("Three men were killed. Another man died in hospital.": one person said to come on
        // top of the count is one more.)
        if f.one_person && !joined && !f.additional && counted.contains(&measure) {
            continue;
        }
        if crate::extract::none_reported::beside_a_count(readings, group, (si, f), measure) {
            continue;
        }
        gatherer.add(si, fi, measure);
    }
    let joined_to = with_other_sides(&gatherer.by_measure);
    let more: Vec<bool> = gatherer.by_measure.iter().map(|(_, g)| g.more).collect();
    let out = gatherer
        .by_measure
        .into_iter()
        .map(|(measure, g)| g.into_figure(measure, checks))
        .collect();
    joined_totals(out, &joined_to, &more)
}

impl Gatherer<'_> {
    /// Adds figure `fi` of sentence `si`, whose measure is `measure`.
    fn add(&mut self, si: usize, fi: usize, measure: &Measure) {
        let f = &self.readings[si].figures[fi];
        let joined = joined_to_same_measure(self.readings, si, fi);
        let added_to = if joined {
            None
        } else {
            self.added_to(f, measure)
        };
        // ("Three men died. One of the men was a trader.": some of a group already counted.)
        let some_of = if f.share && !joined && added_to.is_none() {
            self.share_of(si, f, measure)
        } else {
            None
        };
        let target = if added_to.is_some() {
            // "a further 3 soldiers": more of the same people, a count of its own.
            None
        } else if joined || opens_joined(self.readings, si, fi) {
            // "40 soldiers and 8 police were killed": other people, a figure of their own
            // (or the one already counting the same people).
            self.by_measure.iter().position(|(m, g)| {
                m == measure && f.subject.is_some() && g.total_subjects == [f.subject.clone()]
            })
        } else {
            some_of
                .or_else(|| self.whole_of(si, fi, measure))
                .or_else(|| gathered_for(&self.by_measure, f, measure))
        };
        let pos = target.unwrap_or_else(|| self.open(f, measure));
        self.went.push(((si, fi), pos));
        if joined || added_to.is_some() {
            let before = added_to.or_else(|| {
                self.went
                    .iter()
                    .find(|(k, _)| *k == (si, fi.wrapping_sub(1)))
                    .map(|&(_, p)| p)
            });
            if before != Some(pos) && self.by_measure[pos].1.joined_to.is_none() {
                self.by_measure[pos].1.joined_to = before;
                self.by_measure[pos].1.more = f.more && added_to.is_some();
            }
        }
        // ("Five herders were killed. Three more died.": three more herders.)
        let inherited = added_to.filter(|_| f.subject.is_none()).and_then(|p| {
            self.by_measure[p]
                .1
                .total_subjects
                .first()
                .cloned()
                .flatten()
        });
        // ("... killing seven of them" of seven counted before: those seven told again, one
        // more claim about them, not a part.)
        let all_of = some_of.filter(|&p| self.by_measure[p].1.least_total() == Some(f.claim.value));
        let inherited = inherited.or_else(|| {
            let whom = all_of.map(|p| self.by_measure[p].1.total_subjects.first());
            whom.flatten().cloned().flatten()
        });
        self.by_measure[pos]
            .1
            .file(f, inherited, some_of.is_some() && all_of.is_none());
    }

    /// The gathered count a share ("one of the men", "two of them") in sentence `si` is some
    /// of: one of its measure, told in earlier sentences, whose every total is at least the
    /// share and which counts no other side's dead or wounded; the one counting the people
    /// it names first, else one of just that many. (Not a count in the share's own
    /// sentence: "two armed men fired at the police and one of the men was killed" counts
    /// one dead, not two.)
    fn share_of(&self, si: usize, f: &FigureMention, measure: &Measure) -> Option<usize> {
        let holds = |g: &Gathered| g.least_total().is_some_and(|t| t >= f.claim.value);
        let told_before = |i: usize| {
            self.went
                .iter()
                .filter(|(_, p)| *p == i)
                .all(|&((s, _), _)| s < si)
        };
        // ("19 villagers were killed ... the army killed six of the militants": not some of
        // the people of another side.)
        let other_side = |g: &Gathered| {
            matches!((&g.side, &f.side), (Some(a), Some(b)) if a != b) && measure.is_casualty()
        };
        let candidates = || {
            self.by_measure
                .iter()
                .enumerate()
                .filter(|(i, (m, g))| m == measure && holds(g) && told_before(*i) && !other_side(g))
        };
        let named = |g: &Gathered| f.subject.is_some() && g.total_subjects.contains(&f.subject);
        // ("12 villagers and seven policemen ... killing seven of them": the seven.)
        let all_of = |g: &Gathered| g.least_total() == Some(f.claim.value);
        candidates()
            .find(|(_, (_, g))| named(g))
            .or_else(|| candidates().find(|(_, (_, g))| all_of(g)))
            .or_else(|| candidates().next())
            .map(|(i, _)| i)
    }

    /// The gathered count a figure said to come on top adds to: "5 soldiers were killed. 4
    /// militants were also killed.": more people, like a count joined by "and", wherever the
    /// count they add to stands in the incident. (Not a part of a breakdown already open:
    /// "onder de doden ... ook zeven burgers".)
    fn added_to(&self, f: &FigureMention, measure: &Measure) -> Option<usize> {
        let open_parts = self
            .by_measure
            .iter()
            .any(|(m, g)| m == measure && !g.parts.is_empty());
        let adds = !open_parts
            && f.additional
            && f.part_of == PartOf::None
            && (f.subject.is_some() || f.more || f.one_person);
        if !adds {
            return None;
        }
        self.went
            .iter()
            .rev()
            .find(|((s, k), _)| self.readings[*s].figures[*k].measure.as_ref() == Some(measure))
            .map(|&(_, p)| p)
    }

    /// Where the whole went that figure `fi` of sentence `si` is a part of ("14 people
    /// including three children": the count that took the 14), when it is a part of the
    /// figure before it and that whole was gathered with the same measure.
    fn whole_of(&self, si: usize, fi: usize, measure: &Measure) -> Option<usize> {
        let figures = &self.readings[si].figures;
        if figures[fi].part_of != PartOf::Previous {
            return None;
        }
        let whole = (0..fi)
            .rev()
            .find(|&k| figures[k].part_of == PartOf::None && figures[k].measure.is_some())?;
        let &(_, pos) = self.went.iter().find(|(key, _)| *key == (si, whole))?;
        (self.by_measure[pos].0 == *measure).then_some(pos)
    }

    /// Opens a new gathered count for a figure; deaths and injuries keep the side counted.
    fn open(&mut self, f: &FigureMention, measure: &Measure) -> usize {
        let side = if matches!(measure, Measure::Killed | Measure::Injured) {
            f.side.clone()
        } else {
            None
        };
        let gathered = Gathered {
            side,
            ..Gathered::default()
        };
        self.by_measure.push((measure.clone(), gathered));
        self.by_measure.len() - 1
    }
}

/// What each gathered count is joined to: by "and" or an adverb that adds, and a count of
/// the dead or wounded on one side to the count of another side before it ("Two soldiers
/// were killed. The army killed three militants.": other people; together the toll).
/// Not a toll one side claims of the other's losses (other sources: "3 militants were killed;
/// the militants claimed 15 soldiers died"), nor a count naming no one ("15 people died"): it
/// may hold the others.
fn with_other_sides(by_measure: &[(Measure, Gathered)]) -> Vec<Option<usize>> {
    let named = |g: &Gathered| g.total_subjects.iter().all(Option::is_some);
    by_measure
        .iter()
        .enumerate()
        .map(|(i, (measure, g))| {
            let side = g.side.as_ref().filter(|_| measure.is_casualty());
            g.joined_to.or_else(|| {
                let side = side?;
                (0..i).rev().find(|&j| {
                    let (m, other) = &by_measure[j];
                    m == measure
                        && other.side.as_ref().is_some_and(|s| s != side)
                        && other.sources() == g.sources()
                        && named(other)
                        && named(g)
                })
            })
        })
        .collect()
}
