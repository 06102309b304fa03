//! Stage 1, ingest/extract: the lead's counts that wait for their place. A lead often counts
//! before it says where ("Gunmen killed 24 villagers in the north. The gunmen came to the
//! village of A in B district ..."): the first incident found takes the counts the lead
//! tied to no town, when the sentences between say nothing of another place.

use super::super::lexicon::Sec;
use super::super::places::Role;
use super::{push_unique, town_like, State, NO_PLACE, UNNAMED};

/// How many sentences the lead's counts may run over before the sentence that names the
/// lead's place (see [`State::first_group`]).
const LEAD_RUN: usize = 3;

/// The most words a list of names may take before the plural of their kind ("A and B
/// districts").
const LIST_WORDS: usize = 5;

impl State<'_> {
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
        let follows_lead = self.follows_lead(&pending, &provinces, at);
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
        // ("in A, in the province of B": B only holds A.)
        let cands = self.candidates(r);
        let held = |k: usize| {
            cands
                .iter()
                .position(|c| c.known == Some(k))
                .is_some_and(|i| i > 0 && self.holds(r, &cands[i - 1], &cands[i]))
        };
        let towns = (0..r.places.len())
            .filter(|&k| r.places[k].role == Role::Event && town_like(&r.places[k]))
            // ("in A district in B province": B names the province, whatever it was read as.)
            .filter(|&k| {
                let kind = self
                    .words
                    .get(r.places[k].found.end)
                    .and_then(|w| self.lex.value(Sec::KindAdmin, w));
                kind != Some("admin1") && !held(k)
            })
            .count();
        // (A sentence dated by the calendar, such as a photo caption, tells its own story.)
        let dated = r
            .days
            .iter()
            .any(|d| matches!(d, super::super::events::DayRef::Calendar { .. }));
        // ("... killed more than 50. Insurgents attacked villages in A and B districts": no
        // one town's toll.)
        let several = self
            .several_places(r, r.sentence.start, r.sentence.end)
            .is_some()
            || self.coordinated_divisions(at);
        let places_the_lead = follows_lead && !own_counts && !dated && towns == 1 && !several;
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

    /// True when the waiting counts (`pending`, with whether each lies in the lead's province,
    /// `provinces`) are the lead's, tied to no town, and come right before sentence `at`, or
    /// over a few sentences that name no place when `at` tells the event again ("... killed
    /// nine policemen in the south of the country. Sixteen others were wounded. The attack took
    /// place in A district.").
    fn follows_lead(
        &self,
        pending: &[(usize, usize, String)],
        provinces: &[Option<bool>],
        at: usize,
    ) -> bool {
        let unplaced = |k: usize, why: &str| {
            provinces[k].unwrap_or_else(|| {
                why.starts_with(NO_PLACE) || why.starts_with(UNNAMED) || in_settlement(why)
            })
        };
        let earliest = pending.iter().map(|&(ps, _, _)| ps).min().unwrap_or(at);
        let placeless = |s: usize| {
            self.readings[s]
                .places
                .iter()
                .all(|p| p.role != Role::Event)
        };
        // (Past the next sentence, only a sentence that tells the lead's event again: "The
        // day before, another group was seen in A" tells of something else.)
        let told_again = at == earliest + 1 || self.tells_the_event_again(at);
        // ("... killed 14. Earlier, a militia leader said 19 herders died in a gunfight. The
        // gunfight was near A.": a sentence that opens on another event ends the run.)
        let run = earliest < at
            && at - earliest <= LEAD_RUN
            && (earliest + 1..at).all(placeless)
            && (earliest + 1..=at).all(|s| !self.opens_another_event(s))
            && told_again;
        // (After the lead, only counts that name no place at all: "troops executed 48 people
        // in a northern village" tells of another place.)
        !pending.is_empty()
            && run
            && pending.iter().enumerate().all(|(k, (ps, _, why))| {
                *ps < at && unplaced(k, why) && (*ps == earliest || why.starts_with(NO_PLACE))
            })
    }

    /// True when sentence `si` opens with an `other_event_openers` phrase ("Earlier,",
    /// "Meanwhile,", "In a separate attack"): it tells another event than the one before.
    fn opens_another_event(&self, si: usize) -> bool {
        let from = self.readings[si].sentence.start;
        self.lex
            .patterns(Sec::OtherEventOpeners)
            .match_at(self.words, from, self.readings[si].sentence.end)
            .is_some()
    }

    /// True when sentence `si` names divisions by a plural after a list ("in A and B
    /// districts").
    fn coordinated_divisions(&self, si: usize) -> bool {
        let (from, to) = (
            self.readings[si].sentence.start,
            self.readings[si].sentence.end,
        );
        (from + 2..to).any(|i| {
            self.lex.has(Sec::AdminPlurals, self.words[i])
                && (i.saturating_sub(LIST_WORDS).max(from)..i)
                    .any(|k| self.lex.has(Sec::Coordinators, self.words[k]))
        })
    }

    /// True when sentence `si` names an event with the definite article ("in the attack",
    /// "the blast"): it tells again an event told before.
    pub(super) fn tells_the_event_again(&self, si: usize) -> bool {
        let sentence = &self.readings[si].sentence;
        self.tells_again_in(sentence.start, sentence.end)
    }

    /// [`Self::tells_the_event_again`] for the sentence at tokens `from..to`.
    pub(super) fn tells_again_in(&self, from: usize, to: usize) -> bool {
        let event = |i: usize| self.lex.is_event_word(self.words[i]);
        (from + 1..to).any(|i| {
            let article = self.words[i - 1];
            self.lex.is_definite(article) && event(i)
        })
    }
}

/// True when a waiting count's reason puts it in a settlement the lead does not name ("in a
/// village", "a village in A province").
fn in_settlement(why: &str) -> bool {
    why.starts_with(super::UNNAMED_TOWN)
        || why.ends_with(super::unnamed_settlement::UNNAMED_SETTLEMENT)
}
