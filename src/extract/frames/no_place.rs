//! Stage 1, ingest/extract: where figures go whose sentence names no place: the facility it
//! speaks of ("the prison"), the one place of a recent sentence, the town it calls "the
//! city" (never a city it calls "the village"), the incident in focus, or in a brief the
//! incident told just before.

use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::{Candidate, State, Target};
use crate::model::GeoPrecision;

/// A report of at most this many sentences (headline, dateline included) is a brief: one event.
const BRIEF_SENTENCES: usize = 4;

/// The most people a town "the village" may stand for: a city is no village.
const VILLAGE_MAX_PEOPLE: u64 = 100_000;

impl State<'_> {
    /// The target of figures in a sentence that names no place: the facility it speaks of
    /// ("the prison"), the one place of a recent sentence, the town it calls "the city", or
    /// the incident in focus.
    pub(super) fn no_place_at_all(&self, si: usize, r: &Reading) -> Target {
        // "Later a convoy was attacked in the north of the country, killing ten": another
        // event than the one in focus, with no town of its own.
        if !self.out.groups.is_empty() && self.new_event_in_another_part(si) {
            return Target::Nowhere {
                why: super::other_part::OTHER_PART.into(),
            };
        }
        // "the prison": the incident at that facility.
        let site = r.definite_sites.iter().find_map(|s| {
            self.out
                .groups
                .iter()
                .position(|g| g.place.site.as_deref() == Some(s.as_str()))
        });
        let place = self
            .place_focus
            .filter(|&(_, fs)| si - fs <= super::FOCUS_SENTENCES)
            .filter(|&(_, fs)| self.focus.is_none_or(|(_, gs)| fs > gs));
        // "the city", "the town": the town last named.
        // ("the village" is no city: "... fighting in the capital A. Fighters stormed the
        // village" speaks of another place.)
        let town = self
            .town
            .filter(|_| self.speaks_of_the(r, Sec::KindTown))
            .filter(|&(ts, tk)| {
                !self.speaks_of_the(r, Sec::VillageNouns)
                    || self.readings[ts].places[tk].found.entry.population < VILLAGE_MAX_PEOPLE
            })
            .map(|place| (place, 0));
        // "raided the Foo village near A. ... shot outside the village": the village in
        // focus, which lies by that town, not the town itself.
        if let (None, None, Some(((ts, tk), _))) = (site, place, town) {
            if let Some(g) = self.focus_group(si).filter(|&g| self.lies_by(g, (ts, tk))) {
                return Target::Focus(g);
            }
        }
        if let (None, Some((place, _))) = (site, place.or(town)) {
            return Target::Local {
                place,
                subplace: None,
                near: false,
            };
        }
        match site
            .or_else(|| self.focus_group(si))
            .or_else(|| self.told_just_before(si))
        {
            Some(g) => Target::Focus(g),
            None => self.continues_the_brief(si).unwrap_or(Target::Nowhere {
                why: super::NO_PLACE.into(),
            }),
        }
    }

    /// True when incident `g` is at a named place the gazetteer lacks that lies by the town
    /// `(sentence, place)` ("the Foo village near A") or in that district ("Foo village, A
    /// Local Government Area"), not at a part of a town.
    fn lies_by(&self, g: usize, (ts, tk): (usize, usize)) -> bool {
        let group = &self.out.groups[g];
        let by_or_in = matches!(
            group.place.precision,
            GeoPrecision::NearTown | GeoPrecision::Admin2 | GeoPrecision::Admin1
        );
        group.subplace.is_some()
            && by_or_in
            && group.place.found.entry.id == self.readings[ts].places[tk].found.entry.id
    }

    /// In a brief report with no incident yet, a sentence naming no place goes on with the
    /// sentence before it ("Forces fired at positions in A. No injuries reported."): its
    /// figures go where they would at the end of that sentence.
    fn continues_the_brief(&self, si: usize) -> Option<Target> {
        if self.readings.len() > BRIEF_SENTENCES || !self.out.groups.is_empty() {
            return None;
        }
        let before = si.checked_sub(1)?;
        let r = &self.readings[before];
        // (A headline sums up; a body that names no place at all is about its town, see
        // `single_place`.)
        if r.sentence.heading {
            return None;
        }
        let cands = self.candidates(r);
        if r.places.is_empty() || cands.iter().all(|c| c.origin) {
            return None;
        }
        let end = r.sentence.end.checked_sub(1)?;
        match self.target(before, r, &cands, end, end) {
            t @ (Target::Local { .. } | Target::Regional { .. }) => Some(t),
            // "... in A, Province, police raided the Foo community. Two died.": the one town
            // of that sentence, when its last place is a name the gazetteer lacks.
            _ => {
                let usable: Vec<&Candidate> = cands.iter().filter(|c| !c.origin).collect();
                let only = self.sole_town(r, &usable)?;
                match self.resolve(before, r, &usable, only) {
                    t @ Target::Local { .. } => Some(t),
                    _ => None,
                }
            }
        }
    }

    /// In a brief report (at most [`BRIEF_SENTENCES`] sentences, one incident so far), that
    /// incident when the sentences since it was last told name no place ("... clashed in A.
    /// The victim died. 1 fatality."): a sentence naming no place goes on with it. Longer
    /// articles move on to other things between incidents: there a figure needs a place.
    fn told_just_before(&self, si: usize) -> Option<usize> {
        if self.readings.len() > BRIEF_SENTENCES || self.out.groups.len() != 1 {
            return None;
        }
        let told = self.out.groups[0]
            .sentences
            .iter()
            .copied()
            .filter(|&s| s < si)
            .max()?;
        let moved = self.moved_away.is_some_and(|m| m > told);
        (!moved && (told + 1..si).all(|s| self.readings[s].places.is_empty())).then_some(0)
    }

    /// True when the sentence speaks of "the town", "the city" (`kind_town`) or "the
    /// village" (`village_nouns`): a word of section `nouns` after a definite article.
    fn speaks_of_the(&self, r: &Reading, nouns: Sec) -> bool {
        (r.sentence.start + 1..r.sentence.end)
            .any(|i| self.lex.has(nouns, self.words[i]) && self.lex.is_definite(self.words[i - 1]))
    }
}
