//! Stage 1, ingest/extract: the discourse of an article — which incident a sentence without
//! a place of its own continues (the last sentence or two, the one place of the article, the
//! facility the lead spoke of), and the totals that only the whole article shows to be
//! regional (a town-wide total beside incidents in its neighbourhoods).

use super::super::figures::PartOf;
use super::super::incidents::Group;
use super::super::lexicon::Sec;
use super::super::places::Role;
use super::{push_unique, town_like, State, Target, FOCUS_SENTENCES, NO_PLACE, UNNAMED};

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

    /// The first incident found (its place named in sentence `at`) takes the lead's figures
    /// when it is at a facility the lead spoke of, or when the sentence right after the lead
    /// (or after at most [`LEAD_RUN`] sentences that name no place) names its one place and
    /// counts nothing of its own ("Gunmen killed 24 villagers in the north. The gunmen came
    /// to the village of A in B district on Saturday ...").
    pub(super) fn first_group(&mut self, g: usize, at: usize) {
        let site = self.out.groups[g].place.site.clone();
        let pending: Vec<_> = self.pending.drain(..).collect();
        let r = &self.readings[at];
        // (Only figures the lead tied to no place: one it tied to a place the gazetteer lacks
        // stays there.)
        // (A count the lead placed only in a province waits for a town of that province.)
        let provinces: Vec<Option<bool>> = pending
            .iter()
            .map(|&(ps, fi, _)| self.in_lead_province((ps, fi), &self.out.groups[g].place))
            .collect();
        let unplaced = |k: usize, why: &str| {
            provinces[k].unwrap_or_else(|| {
                why.starts_with(NO_PLACE) || why.starts_with(UNNAMED) || in_settlement(why)
            })
        };
        // (The lead's counts may come over a few sentences that name no place: "... killed
        // nine policemen in the south of the country. Sixteen others were wounded. The attack
        // took place in A district.")
        let earliest = pending.iter().map(|&(ps, _, _)| ps).min().unwrap_or(at);
        let placeless = |s: usize| {
            self.readings[s]
                .places
                .iter()
                .all(|p| p.role != Role::Event)
        };
        let run = earliest < at && at - earliest <= LEAD_RUN && (earliest + 1..at).all(placeless);
        // (After the lead, only counts that name no place at all: "troops executed 48 people
        // in a northern village" tells of another place.)
        let follows_lead = !pending.is_empty()
            && run
            && pending.iter().enumerate().all(|(k, (ps, _, why))| {
                *ps < at && unplaced(k, why) && (*ps == earliest || why.starts_with(NO_PLACE))
            });
        // Counts of its own are no bar when the sentence tells the lead's event again ("...
        // were also wounded in the attack") and counts nothing the lead counted.
        let lead_measures: Vec<_> = pending
            .iter()
            .filter_map(|&(ps, fi, _)| self.readings[ps].figures[fi].measure.as_ref())
            .collect();
        let told_again = self.tells_the_event_again(at);
        let own_counts = r.figures.iter().any(|f| {
            f.measure
                .as_ref()
                .is_some_and(|m| !told_again || lead_measures.contains(&m))
        });
        let towns = r
            .places
            .iter()
            .filter(|p| p.role == Role::Event && town_like(p))
            // ("in A district in B province": B names the province, whatever it was read as.)
            .filter(|p| {
                let kind = self
                    .words
                    .get(p.found.end)
                    .and_then(|w| self.lex.value(Sec::KindAdmin, w));
                kind != Some("admin1")
            })
            .count();
        // (A sentence dated by the calendar, such as a photo caption, tells its own story.)
        let dated = r
            .days
            .iter()
            .any(|d| matches!(d, super::super::events::DayRef::Calendar { .. }));
        let places_the_lead = follows_lead && !own_counts && !dated && towns == 1;
        let at_lead_site = site.is_some_and(|s| self.pending_sites.contains(&s));
        // (At the lead's facility: not the counts the lead put in a village or province.)
        let (taken, left): (Vec<_>, Vec<_>) =
            pending
                .into_iter()
                .zip(provinces)
                .partition(|((_, _, why), province)| {
                    places_the_lead || at_lead_site && !in_settlement(why) && province.is_none()
                });
        let (taken, left): (Vec<_>, Vec<_>) = (
            taken.into_iter().map(|(p, _)| p).collect(),
            left.into_iter().map(|(p, _)| p).collect(),
        );
        for (si, fi, _) in taken {
            self.out.groups[g].figures.push((si, fi));
            push_unique(&mut self.out.groups[g].sentences, si);
        }
        self.release(left);
    }

    /// True when sentence `si` names an event with the definite article ("in the attack",
    /// "the blast"): it tells again an event told before.
    pub(super) fn tells_the_event_again(&self, si: usize) -> bool {
        let (from, to) = (
            self.readings[si].sentence.start,
            self.readings[si].sentence.end,
        );
        let event = |i: usize| {
            self.lex.has(Sec::GenericEvents, self.words[i])
                || self
                    .lex
                    .patterns(Sec::Events)
                    .match_at(self.words, i, i + 1)
                    .is_some()
        };
        (from + 1..to).any(|i| {
            let article = self.words[i - 1];
            self.lex.has(Sec::Articles, article)
                && !self.lex.has(Sec::Indefinite, article)
                && event(i)
        })
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
/// How many sentences the lead's counts may run over before the sentence that names the
/// lead's place (see [`State::first_group`]).
const LEAD_RUN: usize = 3;

const BREAKDOWN: &str = "part of the regional total told just before it";

/// How many words into its sentence a breakdown opener may start ("But among the dead").
const OPENER_AT_MOST: usize = 3;

/// From this value on, the same count told twice in one article is the same count.
const RESTATED_MIN: u64 = 10;

/// True when a waiting count's reason puts it in a settlement the lead does not name ("in a
/// village", "a village in A province").
fn in_settlement(why: &str) -> bool {
    why.starts_with(super::UNNAMED_TOWN)
        || why.ends_with(super::unnamed_settlement::UNNAMED_SETTLEMENT)
}
