//! Stage 1, ingest/extract: the discourse of an article — which incident a sentence without
//! a place of its own continues (the last sentence or two, the one place of the article, the
//! facility the lead spoke of), and the totals that only the whole article shows to be
//! regional (a town-wide total beside incidents in its neighbourhoods).

use super::super::figures::PartOf;
use super::super::incidents::Group;
use super::super::lexicon::Sec;
use super::super::places::Role;
use super::{push_unique, town_like, State, Target, FOCUS_SENTENCES};

impl State<'_> {
    /// An article that names one event place only is about an event at that place: its
    /// figures that named no place are that incident's. A body that names no event place at
    /// all is about the one town of its headline.
    pub(super) fn single_place(&mut self) {
        // ("Three dead in A tram attack" over a body that names no place: A.)
        let headline = || self.headline_town().filter(|_| !self.pending.is_empty());
        let Some((si, k)) = self.seen.first().copied().or_else(headline) else {
            return;
        };
        if self.pending.is_empty() && !self.out.groups.is_empty() {
            return;
        }
        let id = &self.readings[si].places[k].found.entry.id;
        if self
            .seen
            .iter()
            .any(|&(s, j)| &self.readings[s].places[j].found.entry.id != id)
        {
            return;
        }
        // "Ottawa has condemned ...": a capital or a city of millions never named with "in"
        // is its government or its people, not an event place.
        let entry = &self.readings[si].places[k].found.entry;
        let metonym = entry.capital || entry.population >= super::super::places::METONYMY_MIN;
        // Every time it is named it is the subject of a verb ("Ottawa has", "Moscow said").
        let acts = self.seen.iter().all(|&(s, j)| {
            let end = self.readings[s].places[j].found.end;
            self.words.get(end).is_some_and(|w| {
                self.lex.has(Sec::ReportVerbs, w) || self.lex.has(Sec::Auxiliaries, w)
            })
        });
        if self.pending.is_empty() && metonym && acts {
            return;
        }
        let existing = self
            .out
            .groups
            .iter()
            .position(|g| &g.place.found.entry.id == id);
        // (At the headline's town, the lead's counts are taken before the incident is made:
        // the first incident otherwise judges them by the sentence after the lead.)
        let at_headline = self.readings[si].sentence.heading;
        let mut pending: Vec<_> = Vec::new();
        if at_headline {
            pending.append(&mut self.pending);
        }
        let g = match existing {
            Some(g) => g,
            None => self.group_for(si, (si, k), None, false),
        };
        pending.append(&mut self.pending);
        for (ps, fi, _) in pending {
            self.out.groups[g].figures.push((ps, fi));
            push_unique(&mut self.out.groups[g].sentences, ps);
        }
    }

    /// The one town the headline names, as an event place (sentence, place); none when it
    /// names several.
    fn headline_town(&self) -> Option<(usize, usize)> {
        let mut towns = self.readings.iter().enumerate().flat_map(|(si, r)| {
            r.places
                .iter()
                .enumerate()
                .filter(move |(_, p)| r.sentence.heading && town_like(p))
                .map(move |(k, p)| ((si, k), p))
        });
        let (first, place) = towns.next()?;
        let id = &place.found.entry.id;
        (place.role == Role::Event && towns.all(|(_, other)| &other.found.entry.id == id))
            .then_some(first)
    }

    /// A figure for a whole town whose neighbourhoods have incidents of their own in the
    /// article is their total: regional, with the town as its area ("40 killed in Aleppo on
    /// Saturday" beside "5 in al-Foo, 3 in al-Bar").
    pub(super) fn town_totals(&mut self) {
        let parts_of = |groups: &[Group], id: &str| {
            groups
                .iter()
                .filter(|g| g.subplace.is_some() && g.place.found.entry.id == id)
                .count()
        };
        let mut emptied = Vec::new();
        for gi in 0..self.out.groups.len() {
            let g = &self.out.groups[gi];
            if g.subplace.is_some() || parts_of(&self.out.groups, &g.place.found.entry.id) < 2 {
                continue;
            }
            let area = self.text[g.place.found.byte_start..g.place.found.byte_end].to_string();
            let figures: Vec<(usize, usize)> = self.out.groups[gi].figures.drain(..).collect();
            for (si, fi) in figures {
                let why = "a town-wide total over the incidents of its neighbourhoods".to_string();
                self.out.regional.push((si, fi, why, Some(area.clone())));
            }
            emptied.push(gi);
        }
        for gi in emptied.into_iter().rev() {
            let g = &self.out.groups[gi];
            // Still an incident when the text says what happened there without a figure.
            let events = g
                .sentences
                .iter()
                .any(|&si| !self.readings[si].events.is_empty());
            if !events {
                self.out.groups.remove(gi);
            }
        }
    }

    /// A count at an incident that the article also gives as a total over a period ("304
    /// killed near A", later "over the past two days, 304 killed") is that total told again:
    /// regional too. Only counts from [`RESTATED_MIN`] up are compared (small numbers repeat
    /// by chance).
    pub(super) fn restated_totals(&mut self) {
        let figure = |si: usize, fi: usize| &self.readings[si].figures[fi];
        let totals: Vec<(usize, usize)> = self
            .out
            .regional
            .iter()
            .map(|&(si, fi, _, _)| (si, fi))
            .filter(|&(si, fi)| figure(si, fi).claim.value >= RESTATED_MIN)
            .filter(|&(si, fi)| {
                self.cumulative(&self.readings[si], figure(si, fi).token)
                    .is_some()
            })
            .collect();
        if totals.is_empty() {
            return;
        }
        let same = |(si, fi): (usize, usize), (sj, fj): (usize, usize)| {
            let (a, b) = (figure(si, fi), figure(sj, fj));
            si != sj
                && a.measure == b.measure
                && a.claim.value == b.claim.value
                && a.claim.qualifier == b.claim.qualifier
        };
        let mut moved = Vec::new();
        let mut emptied = Vec::new();
        for (gi, g) in self.out.groups.iter_mut().enumerate() {
            let before = g.figures.len();
            g.figures.retain(|&f| {
                let told = totals.iter().any(|&t| same(f, t));
                if told {
                    moved.push(f);
                }
                !told
            });
            if before > 0 && g.figures.is_empty() {
                emptied.push(gi);
            }
        }
        for (si, fi) in moved {
            let why = "the same count as a total over a period the article gives".to_string();
            self.out.regional.push((si, fi, why, None));
        }
        // An incident left without figures stays when the text says what happened there.
        for gi in emptied.into_iter().rev() {
            let g = &self.out.groups[gi];
            if g.sentences
                .iter()
                .all(|&si| self.readings[si].events.is_empty())
            {
                self.out.groups.remove(gi);
            }
        }
    }

    /// A town named without a figure where the article has an incident with figures at that
    /// town (or a part of it) on the same days is that incident told again, or its
    /// background ("fighting in A" beside "5 killed in the Foo neighbourhood of A"): not an
    /// incident of its own. Sites keep theirs.
    pub(super) fn shadowed_towns(&mut self) {
        let groups = &self.out.groups;
        let shadowed: Vec<usize> = (0..groups.len())
            .filter(|&gi| {
                let g = &groups[gi];
                g.figures.is_empty()
                    && g.subplace.is_none()
                    && g.place.site.is_none()
                    && (0..groups.len()).any(|hi| {
                        let h = &groups[hi];
                        hi != gi
                            && !h.figures.is_empty()
                            && h.place.found.entry.id == g.place.found.entry.id
                            && !g.sentences.iter().any(|&si| self.dated_apart(hi, si))
                    })
            })
            .collect();
        for gi in shadowed.into_iter().rev() {
            self.out.groups.remove(gi);
        }
    }

    /// A figure with no place: held while no incident has been found yet (the lead of an
    /// article that names its place later), else unattached.
    pub(super) fn left_over(&mut self, si: usize, fi: usize, why: String, wait: bool) {
        if wait && self.out.groups.is_empty() {
            self.pending.push((si, fi, why));
        } else {
            self.out.unattached.push((si, fi, why));
        }
    }

    /// True when the target is an incident at a facility (a prison, a camp, a hospital).
    pub(super) fn at_site(&self, target: &Target) -> bool {
        match target {
            Target::Local { place, .. } => self.readings[place.0].places[place.1].site.is_some(),
            Target::Focus(g) => self.out.groups[*g].place.site.is_some(),
            _ => false,
        }
    }

    /// The incident in focus: the one of the last sentence or two, or the only one of an
    /// article that has spoken of no other place.
    pub(super) fn focus_group(&self, si: usize) -> Option<usize> {
        let only = self.out.groups.len() == 1
            && self.place_focus.is_none_or(|((ps, k), _)| {
                self.readings[ps].places[k].found.entry.id
                    == self.out.groups[0].place.found.entry.id
            });
        self.focus
            .filter(|&(_, fs)| si - fs <= FOCUS_SENTENCES || only)
            .map(|(g, _)| g)
    }

    /// Sentence `si` breaks down the regional total of the sentence just before it ("... 230
    /// killed since May. The dead include 40 children.") or adds one more part to such a
    /// breakdown ("Another 12 died in ..."): its counts are parts of a regional total, and
    /// regional too, whatever place they name.
    pub(super) fn regional_breakdown(&self, si: usize) -> Option<Target> {
        let r = &self.readings[si];
        let (ts, Target::Regional { area, why }) = self.last_total.as_ref()? else {
            return None;
        };
        let first = r
            .figures
            .iter()
            .filter(|f| f.measure.is_some() && f.part_of == PartOf::None)
            .map(|f| f.token)
            .min()?;
        let words = self.words;
        let opener = self.lex.patterns(Sec::BreakdownOpeners);
        let opens = *ts + 1 == si
            && (r.sentence.start..(r.sentence.start + OPENER_AT_MOST).min(first))
                .any(|i| opener.match_at(words, i, first).is_some());
        let more = self.lex.patterns(Sec::Continuation);
        let continues = self.breakdown.is_some_and(|b| b + 1 == si)
            && ((r.sentence.start..first).any(|i| {
                more.match_at(words, i, first)
                    .is_some_and(|m| m.end == first)
            }) || more.match_at(words, first + 1, first + 2).is_some());
        let why = match why.starts_with(BREAKDOWN) {
            true => why.clone(),
            false => format!("{BREAKDOWN}: {why}"),
        };
        (opens || continues).then(|| Target::Regional {
            area: area.clone(),
            why,
        })
    }
}

/// Why a count that breaks down a regional total told before it is regional.
const BREAKDOWN: &str = "part of the regional total told just before it";

/// How many words into its sentence a breakdown opener may start ("But among the dead").
const OPENER_AT_MOST: usize = 3;

/// From this value on, the same count told twice in one article is the same count.
const RESTATED_MIN: u64 = 10;
