//! Stage 1, ingest/extract: the incident groups of an article — one per place (and named
//! part of a place), made on first use; figureless incidents; the places named beside each.

use super::super::incidents::Group;
use super::super::places::{PlaceUse, Role, METONYMY_MIN};
use super::{push_unique, town_like, Candidate, State};
use crate::gazetteer::EntryKind;

/// How far after a figureless sentence's start a period cue makes it a summary, not an event.
const FIGURELESS_CUE_TOKENS: usize = 15;

impl State<'_> {
    /// The group already made for the place `k` of sentence `si`, if any.
    pub(super) fn existing_group(&self, si: usize, k: usize) -> Option<usize> {
        let id = &self.readings[si].places[k].found.entry.id;
        self.out
            .groups
            .iter()
            .position(|g| &g.place.found.entry.id == id && g.subplace.is_none())
    }

    /// The group of a place (and part of it), created on first use.
    pub(super) fn group_for(
        &mut self,
        si: usize,
        place: (usize, usize),
        subplace: Option<String>,
        near: bool,
    ) -> usize {
        self.group_of_event(si, place, subplace, near, false)
    }

    /// [`Self::group_for`]; when `apart` (the sentence puts the figure in another event than
    /// the one it is about: "days after another attack on A killed 44"), never the group of
    /// the place that earlier sentences already tell of.
    pub(super) fn group_of_event(
        &mut self,
        si: usize,
        place: (usize, usize),
        subplace: Option<String>,
        near: bool,
        apart: bool,
    ) -> usize {
        let p: &PlaceUse = &self.readings[place.0].places[place.1];
        let named_in = place.0;
        let id = p.found.entry.id.as_str();
        let sub = subplace.as_ref().map(|s| s.to_lowercase());
        // The latest group of the place, unless this sentence dates another event there
        // ("the last attack on the shrine, on 25 April, killed seven"); a sentence that names
        // no date of its own goes back to the news rather than to an earlier event told there
        // ("captured in May. ... The town was hit again").
        let same_place = |g: &Group| {
            g.place.found.entry.id == id && g.subplace.as_ref().map(|s| s.to_lowercase()) == sub
        };
        let groups = &self.out.groups;
        let current = (!self.has_calendar_day(si))
            .then(|| {
                (0..groups.len())
                    .rev()
                    .find(|&g| same_place(&groups[g]) && !self.dated_before_news(g))
            })
            .flatten();
        let found = current
            .or_else(|| groups.iter().rposition(same_place))
            .filter(|&g| !self.dated_apart(g, si))
            .filter(|&g| !(apart && self.told_before(g, si)));
        // ("The blast was in B, east of the capital": the incident in focus, more precisely.)
        let found = found.or_else(|| (!apart).then(|| self.finer_place(si, place)).flatten());
        let g = match found {
            Some(g) => {
                // The town named again with its facility ("the prison in A").
                if self.out.groups[g].place.site.is_none() && p.site.is_some() {
                    self.out.groups[g].place = p.clone();
                }
                g
            }
            None => {
                let mut place = p.clone();
                // A village the gazetteer lacks, placed at the town it is said to be near.
                if near && place.found.entry.kind == EntryKind::Populated {
                    place.precision = crate::model::GeoPrecision::NearTown;
                }
                self.out.groups.push(Group {
                    place,
                    subplace,
                    sentences: Vec::new(),
                    figures: Vec::new(),
                    mentions: Vec::new(),
                    kind: None,
                });
                let g = self.out.groups.len() - 1;
                if g == 0 {
                    self.first_group(g, named_in);
                }
                g
            }
        };
        // The sentence that names the place tells of the incident too (not when it tells of
        // an event dated apart: "The town was captured in May. It lies in A province.").
        if place.0 < si && !self.dated_apart(g, place.0) {
            push_unique(&mut self.out.groups[g].sentences, place.0);
        }
        push_unique(&mut self.out.groups[g].sentences, si);
        g
    }

    /// The province (a place of sentence `si`, an event place) that situates the name the
    /// gazetteer lacks right before it, with that name.
    fn unknown_in_province(
        &self,
        si: usize,
        cands: &[Candidate],
    ) -> Option<(usize, Option<String>)> {
        let r = &self.readings[si];
        (1..cands.len()).find_map(|i| {
            let k = cands[i].known?;
            let province = r.places[k].role == Role::Event && self.holds_unknown_places(r, k);
            (province && self.unknown_held_by(r, &cands[i - 1], &cands[i]))
                .then(|| (k, Some(cands[i - 1].name.clone())))
        })
    }

    /// An event place in a sentence with an event and no figure placed is an incident too
    /// ("an air strike hit A", "protesters gathered in B"); not when the sentence's counts
    /// were all told at a settlement it does not name (`at_unnamed`) that several towns
    /// situate ("one was killed in a village bordering A and B"): neither is the place.
    pub(super) fn figureless(
        &mut self,
        si: usize,
        cands: &[Candidate],
        located: bool,
        at_unnamed: bool,
    ) {
        let r = &self.readings[si];
        if r.events.is_empty() || located {
            return;
        }
        // Without a figure, only a period cue near the sentence's start makes it a summary ("in
        // March" only dates the event: "A was captured in March"); a capture in a clause the
        // period word opens is an event, at the places named after that word ("raids have
        // grown since rebels took A").
        let since = self.capture_since(r);
        if since.is_none()
            && self
                .period_cue(r, r.sentence.start, FIGURELESS_CUE_TOKENS, false)
                .is_some()
        {
            return;
        }
        let known = self.figureless_towns(si, cands, since.map(|(t, _)| t));
        if at_unnamed && known.len() > 1 {
            return;
        }
        let plan = self.figureless_plan(si, cands, &known);
        // "regime forces shelled Foo in the countryside of Province": with no town, a name
        // the gazetteer lacks that a province situates is the place, in that province.
        let in_province = known.is_empty();
        let plan = if in_province {
            self.unknown_in_province(si, cands).into_iter().collect()
        } else {
            plan
        };
        for (k, sub) in plan {
            let near = sub.is_some();
            let g = self.group_for(si, (si, k), sub, near);
            // ("shelled A since rebels took B": at B, the capture.)
            if let Some((_, kind)) = since {
                if self.out.groups[g].sentences == [si] {
                    self.out.groups[g].kind = Some(kind);
                }
            }
            // "Another shelling hit Foo in Province. A man was killed.": the story moves to
            // that incident (a known town moves it in `place_focus`), as it does to a spot
            // measured from a town ("25 km south of A"), which moves no focus there.
            let measured = self.readings[si].places[k].offset.is_some();
            if in_province || measured {
                self.focus = Some((g, si));
            }
        }
    }

    /// The event towns of a figureless sentence (after the capture at token `since`, if
    /// any), as (candidate, place) pairs: not a division that only holds or situates the
    /// name before it, nor a capital or big city that stands for its government or people.
    fn figureless_towns(
        &self,
        si: usize,
        cands: &[Candidate],
        since: Option<usize>,
    ) -> Vec<(usize, usize)> {
        let r = &self.readings[si];
        // A capital or a city of millions named without "in", "at" or "near" is mostly its
        // government or its people ("Washington said", "Moscow has sent").
        let from = r.sentence.start;
        // "in A, B District": the district only holds A; "in A (B)" B only situates A.
        let held = |i: usize| {
            i > 0
                && (self.holds(r, &cands[i - 1], &cands[i])
                    || self.bracketed(r, &cands[i - 1], &cands[i]))
        };
        // A city given with the division that holds it ("A (A District, Province)") is an
        // address, not its government.
        let addressed = |i: usize| i + 1 < cands.len() && self.holds(r, &cands[i], &cands[i + 1]);
        cands
            .iter()
            .enumerate()
            .filter(|&(i, c)| !c.origin && !held(i) && since.is_none_or(|t| c.token > t))
            .filter_map(|(i, c)| Some((i, c.known?)))
            .filter(|&(_, k)| town_like(&r.places[k]) && r.places[k].role == Role::Event)
            .filter(|&(_, k)| !self.speaker_s_town(si, k))
            .filter(|&(i, k)| {
                let p = &r.places[k];
                // ("rebels captured A": the city taken, not its government; "25 km south of
                // A": a spot measured from the city.)
                let taken = r.events.iter().any(|e| e.ground_at == Some(cands[i].token));
                (p.found.entry.population < METONYMY_MIN && !p.found.entry.capital)
                    || p.offset.is_some()
                    || self.governed(p.found.start, from)
                    || addressed(i)
                    || taken
            })
            .collect()
    }

    /// "shelled Foo in A", "protested in Foo (A, Province)": at Foo, a place the gazetteer
    /// lacks, in or near A; A named again in the sentence ("Foo settlement in A town (A,
    /// Province)") is that place, not another. One (place, part) per incident to make.
    fn figureless_plan(
        &self,
        si: usize,
        cands: &[Candidate],
        known: &[(usize, usize)],
    ) -> Vec<(usize, Option<String>)> {
        let r = &self.readings[si];
        let plan: Vec<(usize, Option<String>)> = known
            .iter()
            .map(|&(i, k)| {
                let at_unknown = i > 0 && self.unknown_before(r, &cands[i - 1], &cands[i]);
                (k, at_unknown.then(|| cands[i - 1].name.clone()))
            })
            .collect();
        let id = |k: usize| r.places[k].found.entry.id.clone();
        let with_part: Vec<String> = plan
            .iter()
            .filter(|(_, sub)| sub.is_some())
            .map(|&(k, _)| id(k))
            .collect();
        plan.into_iter()
            .filter(|(k, sub)| sub.is_some() || !with_part.contains(&id(*k)))
            .collect()
    }

    /// Places that only situate or are named beside each incident's sentences.
    pub(super) fn attach_mentions(&mut self) {
        for g in &mut self.out.groups {
            for &si in &g.sentences {
                for p in self.readings[si]
                    .places
                    .iter()
                    .filter(|p| matches!(p.role, Role::Reference | Role::Mention))
                {
                    let k = key(p);
                    if k != key(&g.place) && !g.mentions.iter().any(|m| key(m) == k) {
                        g.mentions.push(p.clone());
                    }
                }
            }
        }
    }
}

/// The gazetteer id of a place use (its site entry when one matched).
fn key(p: &PlaceUse) -> &str {
    p.site_entry
        .as_ref()
        .map_or(p.found.entry.id.as_str(), |s| s.id.as_str())
}
