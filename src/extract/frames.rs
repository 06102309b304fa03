//! Stage 1, ingest/extract: figures → event frames → incidents. Each counted figure is tied
//! to the place its own clause names ("two were killed in A, three in B" gives A two and B
//! three), a neighbourhood not in the gazetteer to the town it lies in ("al-Foo neighbourhood
//! in Aleppo"), and a sentence that names no place at all to the place of the sentence just
//! before it. Figures whose words make them a total over several places, a period or a whole
//! province or country are *regional*: kept apart from every town. A figure the text does not
//! tie to a place is *unattached*, with the reason. Precision first: nothing is guessed.

use super::incidents::{Group, Reading};
use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::places::town_like;
use super::text::{Kind, Token};
use crate::model::Measure;

/// How many sentences back a sentence without any place may still speak of the same event.
const FOCUS_SENTENCES: usize = 2;
/// Why a figure has no place when its sentence and the one before name none.
const NO_PLACE: &str = "no place named in the sentence or just before it";
/// Why a figure at a place named without a name ("a northern village") has no place.
const UNNAMED: &str = "the text names no place, only";
/// The reason for a figure at an unnamed settlement or area ("in a northern village"): it may
/// not wait for the lead's incident, which is at a facility.
const UNNAMED_PLACE: &str = "the text names no town, only";
/// Why a figure named at a place the gazetteer lacks has no place (after the quoted name).
const NOT_IN_GAZETTEER: &str = "is not in the gazetteer (add it with --gazetteer FILE)";
/// Why a figure named only with a province is regional.
const PROVINCE_ONLY: &str = "placed only in a province, not at a town";
/// How far (in words) after a figure its clause may name the place.
const FORWARD_WORDS: usize = 30;

/// Where a figure (or a cluster of figures sharing a clause) belongs.
#[derive(Debug, Clone)]
enum Target {
    /// An incident at a gazetteer place, optionally at a named part of it (a neighbourhood).
    Local {
        /// (sentence, index into its places) of the gazetteer place.
        place: (usize, usize),
        subplace: Option<String>,
        /// The named part is a village near the place, not a part of it.
        near: bool,
    },
    /// The incident the sentence before spoke of.
    Focus(usize),
    /// A figure for a wider area or a period: kept apart from every town.
    Regional { area: Option<String>, why: String },
    /// Not tied to any place.
    Nowhere { why: String },
}

/// A place-like phrase in a sentence: a recognised place (index into `Reading::places`) or a
/// name the gazetteer does not hold ("Salah Eddin neighbourhood", "the village of X").
#[derive(Debug, Clone)]
struct Candidate {
    token: usize,
    end: usize,
    known: Option<usize>,
    name: String,
    /// A part of a town (neighbourhood, district, street): placed at its town.
    part_of_town: bool,
    /// Governed by "from": where fire came from or people fled from, not the event.
    origin: bool,
}

/// The outcome of reading an article's frames.
pub(super) struct Frames {
    pub groups: Vec<Group>,
    /// (sentence, figure, reason).
    pub unattached: Vec<(usize, usize, String)>,
    /// (sentence, figure, reason, area).
    pub regional: Vec<(usize, usize, String, Option<String>)>,
}

/// Reads every sentence's figures into frames and the frames into incident groups.
pub(super) fn assign(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    words: &[&str],
    readings: &[Reading],
    published: Option<&crate::model::DateSpan>,
) -> Frames {
    let mut state = State {
        lex,
        text,
        toks,
        words,
        readings,
        published: published.copied(),
        out: Frames {
            groups: Vec::new(),
            unattached: Vec::new(),
            regional: Vec::new(),
        },
        focus: None,
        town: None,
        pending: Vec::new(),
        pending_sites: Vec::new(),
        place_focus: None,
        seen: Vec::new(),
        home: home_country(readings),
        last_total: None,
        breakdown: None,
        moved_away: None,
    };
    let body_pairs = body_pairs(readings);
    for (si, reading) in readings.iter().enumerate() {
        if reading.sentence.heading {
            state.heading(si, &body_pairs);
        } else {
            state.sentence(si);
        }
    }
    state.single_place();
    state.town_totals();
    state.shadowed_towns();
    state.restated_totals();
    let left: Vec<_> = state.pending.drain(..).collect();
    state.out.unattached.extend(left);
    state.drop_regional_only();
    state.attach_mentions();
    state.out
}

/// The country with the most distinct towns among the article's places (ties: none).
fn home_country(readings: &[Reading]) -> Option<String> {
    let mut towns: Vec<(&str, &str)> = readings
        .iter()
        .flat_map(|r| r.places.iter())
        .filter(|p| town_like(p))
        .map(|p| {
            (
                p.found.entry.country_code.as_str(),
                p.found.entry.id.as_str(),
            )
        })
        .collect();
    towns.sort_unstable();
    towns.dedup();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (code, _) in towns {
        match counts.last_mut() {
            Some((c, n)) if *c == code => *n += 1,
            _ => counts.push((code, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(code, n), (_, m), ..] if n > m => Some(code.to_string()),
        [(code, _)] => Some(code.to_string()),
        _ => None,
    }
}

/// (measure, value) of every body figure: a headline figure repeats one of them.
fn body_pairs(readings: &[Reading]) -> Vec<(String, u64)> {
    readings
        .iter()
        .filter(|r| !r.sentence.heading)
        .flat_map(|r| r.figures.iter())
        .filter_map(|f| Some((f.measure.as_ref()?.to_string(), f.claim.value)))
        .collect()
}

struct State<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    toks: &'a [Token],
    words: &'a [&'a str],
    readings: &'a [Reading],
    /// The article's publication date: resolves the days its sentences name.
    published: Option<crate::model::DateSpan>,
    out: Frames,
    /// The group the last located figure went to, and its sentence.
    focus: Option<(usize, usize)>,
    /// The last town named as an event place: where unnamed-in-gazetteer neighbourhoods lie.
    town: Option<(usize, usize)>,
    /// Figures of the lead before any place is named (sentence, figure, reason), and the
    /// facilities it speaks of ("a prison"): they join the first incident at such a facility.
    pending: Vec<(usize, usize, String)>,
    pending_sites: Vec<String>,
    /// The one event place of a recent sentence without figures, and that sentence.
    place_focus: Option<((usize, usize), usize)>,
    /// Every town named as an event place (sentence, place).
    seen: Vec<(usize, usize)>,
    /// The country most of the article's towns lie in: towns elsewhere ("Washington said",
    /// a summit in a far capital) are not where its unnamed neighbourhoods lie.
    home: Option<String>,
    /// Where the last sentence with counts put its last total, and that sentence.
    last_total: Option<(usize, Target)>,
    /// The last sentence that broke down a regional total told before it.
    breakdown: Option<usize>,
    /// The last sentence whose counts went to a place of their own that is no incident (a
    /// place the gazetteer lacks, a province): the story moved away there.
    moved_away: Option<usize>,
}

impl State<'_> {
    fn heading(&mut self, si: usize, body: &[(String, u64)]) {
        for (fi, f) in self.readings[si].figures.iter().enumerate() {
            let repeated = f
                .measure
                .as_ref()
                .is_some_and(|m| body.contains(&(m.to_string(), f.claim.value)));
            if !repeated {
                let why = "in the headline: a summary, not tied to one place".to_string();
                self.out.unattached.push((si, fi, why));
            }
        }
    }

    fn sentence(&mut self, si: usize) {
        let r = &self.readings[si];
        if self.out.groups.is_empty() {
            let sites = (r.sentence.start..r.sentence.end).filter_map(|i| {
                self.lex
                    .value(Sec::Sites, self.words[i])
                    .map(str::to_string)
            });
            self.pending_sites.extend(sites);
        }
        let cands = self.candidates(r);
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
        let mut placed: Vec<(usize, Target)> = Vec::new();
        let breakdown = self.regional_breakdown(si);
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
                // A period at one facility ("over the past days 800 escaped from the
                // prison") is still one event there.
                let cumulative = if self.at_site(&target) {
                    None
                } else {
                    self.cumulative(r, f.token)
                };
                // (A cause told of a province or of no place is already kept apart.)
                let local = matches!(target, Target::Local { .. } | Target::Focus(_));
                let cause = self
                    .protest_cause(r, f)
                    .or_else(|| local.then(|| self.event_cause(r, f, &cands)).flatten());
                let target = match cause {
                    Some(why) => Target::Nowhere { why },
                    None => target.clone(),
                };
                let target = match cumulative.or_else(|| too_large(f)) {
                    Some(why) => Target::Regional { area: None, why },
                    None if f.population && !self.at_site(&target) => Target::Regional {
                        area: None,
                        why: "a population, not a count of the event".into(),
                    },
                    None => target.clone(),
                };
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
        self.figureless(si, &cands, located);
        let last_local = placed.iter().rev().find_map(|(_, t)| match t {
            Target::Focus(g) => Some(*g),
            _ => None,
        });
        // "Three were killed near Foo (a village the gazetteer lacks). The blast also
        // wounded two": counts told at a place of their own, unknown or only a province, move
        // the story away from the incident in focus.
        let moved_away = placed.iter().any(|(_, t)| match t {
            Target::Nowhere { why } => why.ends_with(NOT_IN_GAZETTEER),
            Target::Regional { why, .. } => why == PROVINCE_ONLY,
            _ => false,
        });
        if let Some(g) = last_local {
            self.focus = Some((g, si));
        } else {
            if moved_away {
                self.focus = None;
                self.moved_away = Some(si);
            }
            self.place_focus(si, &cands);
        }
    }

    /// Puts a figure where its target says; returns the outcome (a local target becomes the
    /// `Focus` of its group).
    fn place_figure(&mut self, si: usize, fi: usize, target: Target) -> Target {
        match target {
            Target::Local {
                place,
                subplace,
                near,
            } => {
                let g = self.group_for(si, place, subplace, near);
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
                self.out.regional.push((si, fi, why.clone(), area.clone()));
                Target::Regional { area, why }
            }
            Target::Nowhere { why } => {
                // Only a figure with no place at all, or at an unnamed facility ("a camp"),
                // may wait for the lead's incident.
                let wait = why.starts_with(NO_PLACE) || why.starts_with(UNNAMED);
                self.left_over(si, fi, why.clone(), wait);
                Target::Nowhere { why }
            }
        }
    }

    /// Breakdown figures ("including five children") go where the figure they break down
    /// went (the last one before them in the sentence), else to the incident in focus.
    fn parts(&mut self, si: usize, placed: &[(usize, Target)]) {
        let r = &self.readings[si];
        for (fi, f) in r.figures.iter().enumerate() {
            if f.part_of == super::figures::PartOf::None || f.measure.is_none() {
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
            .filter(|&fi| r.figures[fi].part_of == super::figures::PartOf::None)
            .collect();
        order.sort_by_key(|&fi| r.figures[fi].token);
        // "..., days after a bombing killed 120": a figure after an `earlier_event` cue is
        // another event's, apart from the figures before the cue.
        let cues = self.lex.patterns(Sec::EarlierEvent).find_all(
            self.words,
            r.sentence.start,
            r.sentence.end,
        );
        for fi in order {
            let t = r.figures[fi].token;
            let apart = |c: &Cluster| {
                cands.iter().any(|p| p.token > c.last && p.token < t)
                    || cues.iter().any(|m| m.start > c.last && m.end <= t)
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

/// Why a figure is too large for one event, if it is.
fn too_large(f: &super::figures::FigureMention) -> Option<String> {
    let casualty = matches!(f.measure, Some(Measure::Killed | Measure::Injured));
    let large = f.claim.value >= COUNT_MAX || casualty && f.claim.value >= CASUALTIES_MAX;
    large.then(|| "larger than any one event's toll: a national or cumulative total".to_string())
}

fn push_unique(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
        v.sort_unstable();
    }
}

fn is_word(t: &Token) -> bool {
    t.kind == Kind::Word
}

mod breaks;
mod candidates;
mod cues;
mod discourse;
mod groups;
mod holds;
mod opening;
mod place;
mod restated;
mod target;
#[cfg(test)]
mod tests;
