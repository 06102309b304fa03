//! Stage 1, extract: a lead placed only by a direction from a town ("a blast in a market north
//! of A killed 10 people") and the sentence right after it that tells the event again at a
//! town lying that way ("The explosion in B, in the Y region, ...") speak of one incident, at
//! B. "North of A" says little of the distance; the town named for the same event says
//! where it was.

use super::super::lexicon::Sec;
use super::{push_unique, town_like, State};
use crate::model::GeoPrecision;
use crate::reference::{bearing_deg, distance_km};

/// The farthest (km) the town told next may lie from the town the direction was given from.
const DIRECTED_MAX_KM: f64 = 200.0;
/// How far (degrees) the town told next may lie off the direction given.
const DIRECTED_SECTOR_DEG: f64 = 60.0;
/// How many sentences after the lead the event may be told again.
const DIRECTED_SENTENCES: usize = 2;
/// Most words between the compass word and the town ("north of the town of A").
const DIRECTION_WORDS: usize = 5;

impl State<'_> {
    /// Moves the figures and sentences of every incident placed only by a direction from a
    /// town to the incident the next sentences tell again at a town lying that way.
    pub(super) fn directed_leads(&mut self) {
        let mut g = 0;
        while g < self.out.groups.len() {
            match self.told_again_that_way(g) {
                Some(into) => {
                    let from = self.out.groups.remove(g);
                    let into = if into > g { into - 1 } else { into };
                    let target = &mut self.out.groups[into];
                    target.figures.extend(from.figures);
                    for s in from.sentences {
                        push_unique(&mut target.sentences, s);
                    }
                    target.sentences.sort_unstable();
                    target.mentions.extend(from.mentions);
                }
                None => g += 1,
            }
        }
    }

    /// The incident that tells incident `g`'s event again at a town in the direction `g`
    /// was given by, in the sentences right after it.
    fn told_again_that_way(&self, g: usize) -> Option<usize> {
        let lead = &self.out.groups[g];
        let place = &lead.place;
        if place.precision != GeoPrecision::NearTown || place.offset.is_some() {
            return None;
        }
        let direction = self.direction_before(place.found.start)?;
        let first = lead.sentences.iter().min().copied()?;
        let (lon, lat) = (place.found.entry.lon, place.found.entry.lat);
        self.out.groups.iter().position(|other| {
            let p = &other.place;
            let Some(&at) = other.sentences.iter().min() else {
                return false;
            };
            let (to_lon, to_lat) = (p.found.entry.lon, p.found.entry.lat);
            let off = (bearing_deg(lon, lat, to_lon, to_lat) - direction + 540.0) % 360.0 - 180.0;
            at > first
                && at - first <= DIRECTED_SENTENCES
                && town_like(p)
                && p.precision == GeoPrecision::Town
                && p.found.entry.country_code == place.found.entry.country_code
                && p.found.entry.id != place.found.entry.id
                && distance_km(lon, lat, to_lon, to_lat) <= DIRECTED_MAX_KM
                && off.abs() <= DIRECTED_SECTOR_DEG
                && self.tells_the_event_again(at)
        })
    }

    /// The bearing of the compass word that situates the name at token `start` ("north of
    /// A", "north of the town of A"), if one does.
    fn direction_before(&self, start: usize) -> Option<f64> {
        let mut k = start;
        while k > 0 && start - k < DIRECTION_WORDS {
            let w = self.words[k - 1];
            if let Some(bearing) = self.lex.value(Sec::Compass, w) {
                let joined = Sec::CompassOf.in_any_language(self.words[k]);
                return joined.then(|| bearing.parse().ok()).flatten();
            }
            let between = self.lex.has(Sec::Articles, w)
                || self.lex.has(Sec::KindTown, w)
                || Sec::CompassOf.in_any_language(w);
            if !between {
                return None;
            }
            k -= 1;
        }
        None
    }
}
