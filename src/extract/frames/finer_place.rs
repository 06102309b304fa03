//! Stage 1, ingest/extract: a sentence that tells the incident in focus again at a town
//! inside the city it was placed at ("An explosion struck a market in A. The blast was in
//! a market in B, east of the capital.") says more precisely where it happened: the
//! incident moves to that town, instead of a second incident counting the same people.

use super::super::incidents::Group;
use super::{town_like, State};
use crate::gazetteer::EntryKind;
use crate::model::GeoPrecision;

/// The farthest a town may lie from the city the incident was placed at to be a more
/// precise place of it (a district or suburb of the city).
const WITHIN_CITY_KM: f64 = 25.0;

/// The fewest people of a city whose districts and suburbs are told apart from it: two
/// villages close together are two places, whatever sentence names them.
const CITY_MIN_PEOPLE: u64 = 100_000;

impl State<'_> {
    /// The incident in focus that place `place` (sentence, index), named in a sentence that
    /// tells an event again with the definite article, places more precisely: the incident
    /// is at a city of at least [`CITY_MIN_PEOPLE`] holding more people, within
    /// [`WITHIN_CITY_KM`], on days not apart from sentence `si`. The incident moves there.
    pub(super) fn finer_place(&mut self, si: usize, place: (usize, usize)) -> Option<usize> {
        let (g, _) = self.focus?;
        let p = &self.readings[place.0].places[place.1];
        let group: &Group = &self.out.groups[g];
        let (a, b) = (&group.place.found.entry, &p.found.entry);
        let towns = a.kind == EntryKind::Populated && b.kind == EntryKind::Populated;
        let km = crate::reference::distance_km(a.lon, a.lat, b.lon, b.lat);
        let inside = towns
            && a.id != b.id
            && a.country_code == b.country_code
            && a.population >= CITY_MIN_PEOPLE
            && a.population > b.population
            && km <= WITHIN_CITY_KM;
        let fits = inside
            && group.subplace.is_none()
            && town_like(p)
            && p.precision == GeoPrecision::Town
            && self.tells_the_event_again(place.0)
            && !self.dated_apart(g, si)
            && !self.dated_apart(g, place.0);
        if !fits {
            return None;
        }
        let site = group.place.site.clone();
        let mut moved = p.clone();
        if moved.site.is_none() {
            moved.site = site;
        }
        self.out.groups[g].place = moved;
        Some(g)
    }
}
