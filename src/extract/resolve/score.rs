//! Stage 1, extract: a candidate's score in the article's context: its score out of context,
//! the country evidence, its kind and size, and the points the words around the name give it
//! (its container, a division or town word, another name it bears).

use super::super::coherence::{bare_name, inside, names_a_division, Holders};
use super::super::evidence::{dominance, renamed, size_share};
use super::super::place_index::Toponym;
use super::address::address_division;
use super::{other_name, Doc, Name};
use crate::gazetteer::{fold, EntryKind};
use crate::reference::distance_km;

/// Points when the name is followed by its division or country ("Parkland, Florida").
const CONTAINER: f64 = 2.0;
/// Points for a candidate in the context country the caller named
/// ([`Options::country`](crate::extract::Options::country)).
const USER_COUNTRY: f64 = 2.0;
/// Points for a division asked for by a division word ("provincie Hasakeh").
const PREFER: f64 = 1.5;
/// Points for divisions over towns of the same name: news names the former (the gazetteer
/// has no population for divisions, so this stands in for it).
const DIVISION: f64 = 0.6;
/// Points for countries: over divisions and towns of the same name.
const NATION: f64 = 0.8;
/// Points for a city of a million or more: what a bare name most often means.
const MAJOR_CITY: f64 = 0.8;
/// Points taken from a candidate that matched only through an alias.
const ALIAS: f64 = -0.3;
/// How far (km) from a division's point a town of its name may lie to have given it the name.
const NAMED_AFTER_KM: f64 = 50.0;

impl Doc<'_> {
    /// A candidate's score in the article's context.
    pub(super) fn score(
        &self,
        k: usize,
        name: &Name<'_>,
        holders: &Holders<'_>,
        previous: Option<&Toponym>,
        (t, base): &(Toponym, f64),
    ) -> f64 {
        let (evidence, list, key) = (self.evidence, &self.lists[k], &name.key);
        let mut score = *base + evidence.country_points(&t.country_code) * size_share(t);
        if list.len() > 1 {
            score += evidence.near_points(t);
        }
        // ("Province du A" is A's own name: the words for its kind are no other name, unless
        // a town of the name lies in the division, which is then named after it: "Caza de
        // A" around the town of A.)
        let own = match t.kind {
            EntryKind::Admin1 | EntryKind::Admin2 if !named_after_a_town(t, list) => {
                fold(&bare_name(self.lex, &t.name))
            }
            _ => fold(&t.name),
        };
        let alias = other_name(key, &own);
        match t.kind {
            EntryKind::Admin1 => score += DIVISION,
            EntryKind::Country | EntryKind::Region => score += NATION,
            // A city's size speaks for it only under its own name ("Salisbury" is not
            // Harare's name any more), and only as written when some place bears the name
            // exactly so ("Samarra" is Sāmarrā’, not a larger Samara).
            EntryKind::Populated
                if !(alias && (renamed(&own, key) || name.own_city || name.own_division))
                    && (t.literal || !name.written) =>
            {
                // ("Samar" is the Philippine province of that name, not Samara: a city's size
                // does not speak for it under a name cut inside a word, when a place bears
                // the name as written. "New York" stays New York City.)
                let shortened = name.exact
                    && own
                        .strip_prefix(key.as_str())
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(char::is_alphanumeric);
                if t.population >= 1_000_000 && !shortened {
                    score += MAJOR_CITY;
                }
                if own == *key {
                    score += dominance(t, list);
                }
            }
            _ => {}
        }
        score += evidence.soft_points(&t.country_code);
        // The context country: the reading in that country, whatever its size.
        if self
            .country
            .is_some_and(|c| c.eq_ignore_ascii_case(&t.country_code))
        {
            score += USER_COUNTRY;
        }
        self.context_points(score, k, name, holders, previous, t, &own, alias)
    }

    /// `score` with the points the words around the name give a candidate: its container,
    /// a division or town word, another name it bears.
    #[allow(clippy::too_many_arguments)]
    fn context_points(
        &self,
        mut score: f64,
        k: usize,
        name: &Name<'_>,
        holders: &Holders<'_>,
        previous: Option<&Toponym>,
        t: &Toponym,
        own: &str,
        alias: bool,
    ) -> f64 {
        let key = &name.key;
        if name.contained && matches!(t.kind, EntryKind::Admin1 | EntryKind::Country) {
            score += DIVISION;
            // "Ciudad Juarez, Chihuahua": the division that holds the place before the
            // comma, not the city of the same name.
            if self.lists[k - 1].iter().take(3).any(|(p, _)| inside(p, t)) {
                score += CONTAINER;
            }
        }
        // "Kalyani (Nadia)": a district in the country of the place before it is what the
        // name means there, not a town of that name elsewhere; the more so when it holds it.
        if name.contained && t.kind == EntryKind::Admin2 && !names_a_division(&self.lists[k]) {
            let before = &self.lists[k - 1];
            if before.iter().take(3).any(|(p, _)| inside(p, t)) {
                score += DIVISION + CONTAINER;
            } else if name.written_own
                && !other_name(key, own)
                && before.iter().any(|(p, _)| p.country_code == t.country_code)
            {
                score += DIVISION;
            }
        }
        if name.ends_address && address_division(&self.lists[k], key, t) {
            score += DIVISION + PREFER;
        }
        // "X in Y": Y's readings that hold X as read are the division, not a town.
        if t.kind == EntryKind::Admin1 && previous.is_some_and(|p| inside(p, t)) {
            score += PREFER;
        }
        if name.prefer_admin && t.kind == EntryKind::Admin1 {
            score += PREFER;
        }
        if name.prefer_town && t.kind == EntryKind::Populated {
            score += PREFER;
        }
        if holders.readings.iter().any(|c| inside(t, c)) {
            score += CONTAINER;
        }
        if alias && (name.written_own || !t.literal) {
            score += ALIAS;
            if name.exact && (renamed(own, key) || name.own_city) {
                score += ALIAS;
            }
        }
        if name.written && !t.literal {
            score += ALIAS;
        }
        // "Kansas City" is the city of that name, not a "Kansas" that is a city.
        if name.exact && own != key && key.starts_with(own) {
            score -= PREFER;
        }
        score
    }
}

/// True when a town among the readings `list` lies in division `t`, within
/// [`NAMED_AFTER_KM`] of its point: the division is most likely named after that town.
fn named_after_a_town(t: &Toponym, list: &[(Toponym, f64)]) -> bool {
    list.iter().any(|(p, _)| {
        p.kind == EntryKind::Populated
            && p.country_code == t.country_code
            && p.admin1 == t.admin1
            && distance_km(p.lon, p.lat, t.lon, t.lat) <= NAMED_AFTER_KM
    })
}
