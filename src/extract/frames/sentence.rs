//! Stage 1, ingest/extract: one sentence's figures into frames: headline figures, clusters
//! of figures sharing a clause, the target of each figure, its breakdown parts, and where the
//! focus goes next.

use super::super::figures::{FigureMention, PartOf};
use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::super::places::town_like;
use super::{
    push_unique, Candidate, State, Target, ALIAS_ELSEWHERE, NOT_IN_GAZETTEER, NO_PLACE,
    PROVINCE_ONLY, UNNAMED, UNNAMED_TOWN,
};
use crate::model::Measure;

impl State<'_> {
    /// Headline figures: kept apart unless the body gives the same count.
    pub(super) fn heading(&mut self, si: usize, body: &[(String, u64)]) {
        for (fi, f) in self.readings[si].figures.iter().enumerate() {
            let repeated = f
                .measure
                .as_ref()
                .is_some_and(|m| body.contains(&(m.to_string(), f.claim.value)));
            if !repeated {
                let why = super::headline::HEADLINE_SUMMARY.to_string();
                self.out.unattached.push((si, fi, why));
            }
        }
    }

    /// Reads the figures of a body sentence into frames: notes its places, puts each
    /// cluster of figures at its target, then moves the focus.
    pub(super) fn sentence(&mut self, si: usize) {
        let r = &self.readings[si];
        self.note_lead_sites(r);
        let cands = self.candidates(r);
        self.note_towns(si, r, &cands);
        let breakdown = self.regional_breakdown(si);
        let mut placed: Vec<(usize, Target)> = Vec::new();
        for cluster in &self.clusters(r, &cands) {
            let target = match &breakdown {
                Some(regional) => regional.clone(),
                None => self.target(si, r, &cands, cluster.first, cluster.last),
            };
            for &fi in &cluster.figures {
                let f = &r.figures[fi];
                if f.measure.is_none() {
                    let why = f.reason.clone().unwrap_or_else(|| "no measure".into());
                    self.out.unattached.push((si, fi, why));
                    continue;
                }
                let target = self.figure_target(r, f, &cands, &target);
                let done = self.place_figure(si, fi, target);
                placed.push((f.token, done));
            }
        }
        self.parts(si, &placed);
        if let Some((_, last)) = placed.last() {
            self.last_total = Some((si, last.clone()));
        }
        if breakdown.is_some() {
            self.breakdown = Some(si);
        }
        let located = placed.iter().any(|(_, t)| matches!(t, Target::Focus(_)));
        let unnamed =
            |t: &Target| matches!(t, Target::Nowhere { why } if why.starts_with(UNNAMED_TOWN));
        let at_unnamed = !placed.is_empty() && placed.iter().all(|(_, t)| unnamed(t));
        self.figureless(si, &cands, located, at_unnamed);
        self.move_focus(si, &cands, &placed);
    }

    /// Before any incident, the facilities the lead speaks of ("a prison"): the lead's
    /// figures join the first incident at such a facility.
    fn note_lead_sites(&mut self, r: &Reading) {
        if self.out.groups.is_empty() {
            let sites = (r.sentence.start..r.sentence.end).filter_map(|i| {
                self.lex
                    .value(Sec::Sites, self.words[i])
                    .map(str::to_string)
            });
            self.pending_sites.extend(sites);
        }
    }

    /// Notes the last town of the home country the sentence names as an event place (where
    /// unnamed neighbourhoods lie), and every town it names so.
    fn note_towns(&mut self, si: usize, r: &Reading, cands: &[Candidate]) {
        let at_home = |k: usize| {
            self.home
                .as_deref()
                .is_none_or(|h| r.places[k].found.entry.country_code == h)
        };
        if let Some(c) = cands.iter().rev().find(|c| {
            c.known
                .is_some_and(|k| town_like(&r.places[k]) && at_home(k))
                && !c.origin
                && !c.part_of_town
        }) {
            self.town = c.known.map(|k| (si, k));
        }
        for c in cands.iter().filter(|c| !c.origin) {
            if let Some(k) = c.known.filter(|&k| town_like(&r.places[k])) {
                self.seen.push((si, k));
            }
        }
    }

    /// The target of one figure of a cluster whose clause points at `target`: kept apart
    /// when the sentence tells a cause or a period, or the figure is too large or a
    /// population.
    fn figure_target(
        &self,
        r: &Reading,
        f: &FigureMention,
        cands: &[Candidate],
        target: &Target,
    ) -> Target {
        // A period at one facility ("over the past days 800 escaped from the
        // prison") is still one event there, when the sentence speaks of the facility.
        let cumulative = if self.at_site(target) && self.site_told(r, target) {
            None
        } else {
            self.cumulative(r, f.token)
        };
        // (A cause told of a province or of no place is already kept apart.)
        let local = matches!(target, Target::Local { .. } | Target::Focus(_));
        // ("up from an earlier toll of 10": the old count, no rival claim.)
        let cause = self
            .superseded(r, f.token)
            .or_else(|| self.protest_cause(r, f))
            .or_else(|| local.then(|| self.event_cause(r, f, cands)).flatten());
        let target = match cause {
            Some(why) => Target::Nowhere { why },
            None => target.clone(),
        };
        let background = matches!(target, Target::Focus(_))
            .then(|| vague_thousands(f))
            .flatten();
        let years_before = self.years_before(r, f.token);
        match cumulative
            .or(years_before)
            .or_else(|| too_large(f))
            .or(background)
        {
            Some(why) => Target::Regional { area: None, why },
            None if f.population && !self.at_site(&target) => Target::Regional {
                area: None,
                why: "a population, not a count of the event".into(),
            },
            None => target.clone(),
        }
    }

    /// True when sentence `r` speaks of the facility of `target` itself: a local target
    /// names it; a noun for a focus target's kind of facility is among the sentence's words
    /// ("... escaped from the prison", "uit de gevangenis"), not only in an earlier one.
    fn site_told(&self, r: &Reading, target: &Target) -> bool {
        let Target::Focus(g) = target else {
            return true;
        };
        let Some(site) = self.out.groups[*g].place.site.as_deref() else {
            return false;
        };
        self.words[r.sentence.start..r.sentence.end]
            .iter()
            .any(|w| {
                self.lex
                    .value(Sec::Sites, w)
                    .is_some_and(|v| v.eq_ignore_ascii_case(site))
            })
    }

    /// After a sentence: the incident its last local figure went to is in focus; counts told
    /// at a place of their own that is no incident move the story away.
    fn move_focus(&mut self, si: usize, cands: &[Candidate], placed: &[(usize, Target)]) {
        let last_local = placed.iter().rev().find_map(|(_, t)| match t {
            Target::Focus(g) => Some(*g),
            _ => None,
        });
        // "Three were killed near Foo (a village the gazetteer lacks). The blast also
        // wounded two": counts told at a place of their own, unknown or only a province, move
        // the story away from the incident in focus.
        let moved_away = placed.iter().any(|(_, t)| match t {
            Target::Nowhere { why } => {
                why.ends_with(NOT_IN_GAZETTEER)
                    || why.ends_with(ALIAS_ELSEWHERE)
                    || why == super::other_part::OTHER_PART
            }
            Target::Regional { why, .. } => why.starts_with(PROVINCE_ONLY),
            _ => false,
        });
        // ("109 soldiers have been killed since the insurgency began a year ago": a sentence
        // that names no town and whose every count is a total over a period is background;
        // it neither dates nor joins the incident in focus.)
        let background = !placed.is_empty()
            && placed.iter().all(|(_, t)| {
                matches!(t, Target::Regional { why, .. } if why.starts_with(super::cues::PERIOD_TOTAL))
            })
            && self.focus_towns(si, cands).is_empty();
        if let Some(g) = last_local {
            self.focus = Some((g, si));
        } else if !background {
            if moved_away {
                self.focus = None;
                self.moved_away = Some(si);
            }
            self.place_focus(si, cands);
        }
    }

    /// Puts a figure where its target says; returns the outcome (a local target becomes the
    /// `Focus` of its group).
    fn place_figure(&mut self, si: usize, fi: usize, target: Target) -> Target {
        match target {
            // The first incident, at a town an earlier sentence named, while the lead's counts
            // wait: a count told on another weekday than the lead's is of another event.
            Target::Local { place, .. } if self.another_day_than_the_lead(si, place.0) => {
                let why = "dated apart from the incident named before it".to_string();
                self.left_over(si, fi, why.clone(), false);
                Target::Nowhere { why }
            }
            Target::Local {
                place,
                subplace,
                near,
            } => {
                let token = self.readings[si].figures[fi].token;
                let apart = self.after_earlier_cue(&self.readings[si], token);
                let g = self.group_of_event(si, place, subplace, near, apart);
                self.out.groups[g].figures.push((si, fi));
                Target::Focus(g)
            }
            // A sentence dated days away from the incident in focus ("in August of an
            // earlier year") tells of another event: its figure is no figure of this one.
            Target::Focus(g) if self.focus_apart(g, si) => {
                let why = "dated apart from the incident named before it".to_string();
                self.left_over(si, fi, why.clone(), false);
                Target::Nowhere { why }
            }
            Target::Focus(g) => {
                self.out.groups[g].figures.push((si, fi));
                push_unique(&mut self.out.groups[g].sentences, si);
                Target::Focus(g)
            }
            Target::Regional { area, why } => {
                if why.ends_with(super::unnamed_settlement::UNNAMED_SETTLEMENT) {
                    self.settlement_count(si, fi, why.clone(), area.clone());
                } else if let Some(key) = self.lead_province(si, &why, area.as_deref()) {
                    self.province_count(si, fi, why.clone(), area.clone(), key);
                } else {
                    self.out.regional.push((si, fi, why.clone(), area.clone()));
                }
                Target::Regional { area, why }
            }
            Target::Nowhere { why } => {
                // Only a figure with no place at all, or at an unnamed facility ("a camp"),
                // may wait for the lead's incident.
                let wait = why.starts_with(NO_PLACE)
                    || why.starts_with(UNNAMED)
                    || why.starts_with(UNNAMED_TOWN);
                self.left_over(si, fi, why.clone(), wait);
                Target::Nowhere { why }
            }
        }
    }

    /// True when a count of sentence `si`, put at a town sentence `at` named before, comes
    /// while no incident exists and the lead's counts wait, and `si` tells its event on
    /// another weekday than they and that sentence do.
    fn another_day_than_the_lead(&self, si: usize, at: usize) -> bool {
        if at >= si || !self.out.groups.is_empty() || self.pending.is_empty() {
            return false;
        }
        let mut others: Vec<usize> = self.pending.iter().map(|&(ps, _, _)| ps).collect();
        others.push(at);
        others.retain(|&s| s != si);
        self.told_on_another_weekday(&others, si)
    }

    /// Breakdown figures ("including five children") go where the figure they break down
    /// went (the last one before them in the sentence), else to the incident in focus.
    fn parts(&mut self, si: usize, placed: &[(usize, Target)]) {
        let r = &self.readings[si];
        for (fi, f) in r.figures.iter().enumerate() {
            if f.part_of == PartOf::None || f.measure.is_none() {
                continue;
            }
            let total = placed.iter().rev().find(|(t, _)| *t < f.token);
            let target = match total {
                Some((_, Target::Regional { area, why })) => Target::Regional {
                    area: area.clone(),
                    why: format!("part of a regional total: {why}"),
                },
                Some((_, Target::Nowhere { why })) => Target::Nowhere {
                    why: format!("part of a total not tied to a place: {why}"),
                },
                Some((_, t)) => t.clone(),
                None => match self.focus_group(si) {
                    Some(g) => Target::Focus(g),
                    None => Target::Nowhere {
                        why: format!("{NO_PLACE} (a part of a total)"),
                    },
                },
            };
            self.place_figure(si, fi, target);
        }
    }

    /// Groups the sentence's top-level figures into clusters: figures with no place phrase
    /// between them share a clause's place.
    fn clusters(&self, r: &Reading, cands: &[Candidate]) -> Vec<Cluster> {
        let mut out: Vec<Cluster> = Vec::new();
        let mut order: Vec<usize> = (0..r.figures.len())
            .filter(|&fi| r.figures[fi].part_of == PartOf::None)
            .collect();
        order.sort_by_key(|&fi| r.figures[fi].token);
        // "..., days after a bombing killed 120": a figure after an `earlier_event` cue is
        // another event's, apart from the figures before the cue.
        let cues = self.earlier_cues(r.sentence.start, r.sentence.end);
        for fi in order {
            let t = r.figures[fi].token;
            // "19 were killed, hours after an attack left dozens dead": a count of the same
            // measure in a clause about what came before is another event's too.
            let measure = &r.figures[fi].measure;
            let cause_between = |c: &Cluster| {
                measure.is_some()
                    && c.figures.iter().any(|&g| &r.figures[g].measure == measure)
                    && (c.last + 1..t).any(|i| self.lex.has(Sec::CauseClauses, self.words[i]))
            };
            let apart = |c: &Cluster| {
                cands.iter().any(|p| p.token > c.last && p.token < t)
                    || cues.iter().any(|m| m.start > c.last && m.end <= t)
                    || cause_between(c)
            };
            match out.last_mut() {
                Some(c) if !apart(c) => {
                    c.figures.push(fi);
                    c.last = t;
                }
                _ => out.push(Cluster {
                    first: t,
                    last: t,
                    figures: vec![fi],
                }),
            }
        }
        out
    }
}

struct Cluster {
    first: usize,
    last: usize,
    figures: Vec<usize>,
}

/// Deaths or injuries from this many on (and any count from a million on) are a national or
/// cumulative total, not one event's.
const CASUALTIES_MAX: u64 = 10_000;
const COUNT_MAX: u64 = 1_000_000;

/// A vague count of deaths or injuries from this many on ("thousands have died") told
/// with no place of its own is no count of the incident in focus.
const VAGUE_BACKGROUND_MIN: u64 = 1_000;

/// Why a vague count of thousands of dead or wounded, told where the sentence names no
/// place, is a background total, if it is one ("Thousands have died and millions have been
/// displaced").
fn vague_thousands(f: &FigureMention) -> Option<String> {
    let casualty = matches!(f.measure, Some(Measure::Killed | Measure::Injured));
    let vague = f.claim.qualifier == crate::model::Qualifier::Vague;
    (casualty && vague && f.claim.value >= VAGUE_BACKGROUND_MIN)
        .then(|| "a vague count of thousands with no place: a background total".to_string())
}

/// Why a figure is too large for one event, if it is.
fn too_large(f: &FigureMention) -> Option<String> {
    let casualty = matches!(f.measure, Some(Measure::Killed | Measure::Injured));
    let large = f.claim.value >= COUNT_MAX || casualty && f.claim.value >= CASUALTIES_MAX;
    large.then(|| "larger than any one event's toll: a national or cumulative total".to_string())
}
