//! Stage 1, extract: what an article as a whole says about where its names are — the
//! countries its names point to, the places with a single reading — and the size and name
//! points a candidate takes on its own. [`super::resolve`] ranks each name's candidates with
//! them.

use super::hash::FastMap;
use super::lexicon::{Lexicon, Sec};
use super::place_index::Toponym;
use super::realms::same_realm;
use super::resolve::Scored;
use super::text::Token;
use super::toponyms::RawMatch;
use crate::gazetteer::EntryKind;
use crate::reference::distance_km;

/// Points for a candidate in the article's leading country (others: in proportion).
const COUNTRY: f64 = 0.8;
/// Points for the country that the article's ambiguous names most often have a candidate in
/// (others: in proportion); small, it mostly breaks ties ("Florida": US, PR or UY).
const SOFT: f64 = 0.05;
/// Populated places smaller than this take half the country evidence.
const SMALL_PLACE: u64 = 10_000;
/// Points per factor ten of population over the next largest namesake (see [`dominance`]).
const DOMINANT: f64 = 0.25;
const DOMINANT_MAX: f64 = 0.75;
/// Cities from this size on take the dominance points.
const DOMINANT_MIN: u64 = 100_000;

/// How much a word for a country's people ("Afghan", "Kenyaanse") says about where the text
/// is, once per country however often it comes: more than a lone place, less than the
/// country's name, since foreign parties to a conflict are named this way too ("Russian
/// jets"). It ranks candidates in that country and supports them, but makes no place
/// elsewhere a namesake ([`Evidence::more_elsewhere`]).
const NATIONAL: f64 = 0.6;

/// Readings of one name this close together are one place in effect (a town and the
/// division named after it), not namesakes.
const ONE_PLACE_KM: f64 = 50.0;

/// How much a name says about the article's country: a country's name most, a name with one
/// reading, or readings that are one place in effect ("Aleppo", the city and its province),
/// some; a name with namesakes apart nothing.
pub(super) fn sign_weight(list: &[(Toponym, f64)]) -> f64 {
    let Some((top, _)) = list.first() else {
        return 0.0;
    };
    let one_place = list.iter().all(|(t, _)| {
        t.country_code == top.country_code
            && distance_km(t.lon, t.lat, top.lon, top.lat) <= ONE_PLACE_KM
    });
    match top.kind {
        EntryKind::Country => 1.0,
        EntryKind::Region => 0.0,
        EntryKind::Admin1 if one_place => 0.7,
        _ if one_place => 0.5,
        _ => 0.0,
    }
}

/// What the article as a whole says about where it is.
pub(super) struct Evidence {
    /// Weight per country code.
    pub(super) countries: FastMap<String, f64>,
    max_weight: f64,
    /// Per country code, [`NATIONAL`] when a word for its people occurs.
    nationals: FastMap<String, f64>,
    /// Per country code, in how many names' candidate lists it appears.
    soft: FastMap<String, f64>,
    max_soft: f64,
    /// Points of the places with a single candidate (not countries).
    near: Vec<(f64, f64)>,
}

impl Evidence {
    pub(super) fn collect(lists: &[Scored], country: Option<&str>) -> Evidence {
        let mut countries: FastMap<String, f64> = FastMap::default();
        let mut near = Vec::new();
        let mut soft: FastMap<String, f64> = FastMap::default();
        let mut counted: FastMap<*const (Toponym, f64), ()> = FastMap::default();
        for list in lists {
            // Each distinct name once (the lists of repeated names are shared).
            if counted.insert(list.as_ptr(), ()).is_none() {
                let mut codes: Vec<&str> =
                    list.iter().map(|(t, _)| t.country_code.as_str()).collect();
                codes.sort_unstable();
                codes.dedup();
                for code in codes {
                    match soft.get_mut(code) {
                        Some(w) => *w += 1.0,
                        None => {
                            soft.insert(code.to_string(), 1.0);
                        }
                    }
                }
            }
            let Some((top, _)) = list.first() else {
                continue;
            };
            let weight = sign_weight(list);
            if weight > 0.0 {
                *countries.entry(top.country_code.clone()).or_default() += weight;
            }
            let wide = matches!(top.kind, EntryKind::Country | EntryKind::Region);
            if list.len() == 1 && !wide && near.len() < 30 {
                near.push((top.lon, top.lat));
            }
        }
        if let Some(c) = country {
            *countries.entry(c.to_ascii_uppercase()).or_default() += 3.0;
        }
        let max_weight = countries.values().copied().fold(0.0, f64::max);
        let max_soft = soft.values().copied().fold(0.0, f64::max);
        Evidence {
            countries,
            max_weight,
            nationals: FastMap::default(),
            soft,
            max_soft,
            near,
        }
    }

    /// Notes the words for a country's people in the text (`words`: the tokens lower-cased),
    /// capitalised as such words are, unless read as a name already (`names`: token spans;
    /// "Somali" is also a name of Somalia and counts as such).
    pub(super) fn add_nationals(
        &mut self,
        lex: &Lexicon,
        toks: &[Token],
        words: &[&str],
        names: &[RawMatch],
    ) {
        let found = lex
            .patterns(Sec::Nationalities)
            .find_all(words, 0, words.len());
        for m in found {
            let named = names.iter().any(|&(s, e, _, _)| s < m.end && m.start < e);
            if m.value.len() != 2 || !toks[m.start].cap || named {
                continue;
            }
            if self
                .nationals
                .insert(m.value.to_string(), NATIONAL)
                .is_none()
            {
                *self.countries.entry(m.value.to_string()).or_default() += NATIONAL;
            }
        }
        self.max_weight = self.countries.values().copied().fold(0.0, f64::max);
    }

    /// All signs of a country: its places and names, and a word for its people (those of
    /// the state it belongs to, or of its territories, included).
    pub(super) fn signs(&self, code: &str) -> f64 {
        self.countries
            .iter()
            .filter(|(c, _)| same_realm(c, code))
            .map(|(_, w)| w)
            .sum()
    }

    /// True when the places and names of some country other than `code` weigh more than
    /// `than`. Words for a people do not count: a text names foreign parties and victims
    /// that way ("Turkish forces", "a Japanese man"), so they make no place a namesake.
    pub(super) fn more_elsewhere(&self, code: &str, than: f64) -> bool {
        self.countries.iter().any(|(c, w)| {
            let places = w - self.nationals.get(c).copied().unwrap_or(0.0);
            !same_realm(c, code) && places > than
        })
    }

    pub(super) fn country_points(&self, code: &str) -> f64 {
        match self.countries.get(code) {
            Some(w) if self.max_weight > 0.0 => COUNTRY * w / self.max_weight,
            _ => 0.0,
        }
    }

    pub(super) fn soft_points(&self, code: &str) -> f64 {
        match self.soft.get(code) {
            Some(w) if self.max_soft > 0.0 => SOFT * w / self.max_soft,
            _ => 0.0,
        }
    }

    pub(super) fn near_points(&self, t: &Toponym) -> f64 {
        match self.nearest_km(t).unwrap_or(f64::INFINITY) {
            k if k <= 25.0 => 0.8,
            k if k <= 100.0 => 0.5,
            k if k <= 300.0 => 0.25,
            _ => 0.0,
        }
    }

    /// How far the nearest other place the article names unambiguously lies from `t`, in
    /// km; none when it names no other.
    pub(super) fn nearest_km(&self, t: &Toponym) -> Option<f64> {
        self.near
            .iter()
            .filter(|&&(lon, lat)| (lon, lat) != (t.lon, t.lat))
            .map(|&(lon, lat)| distance_km(t.lon, t.lat, lon, lat))
            .min_by(f64::total_cmp)
    }
}

/// How much of the country evidence a candidate takes: a village does not become the
/// reading of a name just because the article is about its country.
pub(super) fn size_share(t: &Toponym) -> f64 {
    match t.kind {
        EntryKind::Populated if t.population < SMALL_PLACE => 0.5,
        _ => 1.0,
    }
}

/// True when an alias shares no word with the entry's name: a former or other-language name
/// ("Salisbury" for Harare), not a spelling variant ("St. Petersburg").
pub(super) fn renamed(name: &str, key: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(str::to_string)
            .collect()
    };
    let theirs = words(name);
    !words(key)
        .iter()
        .any(|w| theirs.iter().any(|t| t == w || spelling_variant(w, t)))
}

/// Two spellings of one word ("lugansk" and "luhansk", "kharkov" and "kharkiv"): the same
/// first letter and at most one edit in three letters. A new name ("bombay", "mumbai")
/// starts differently or differs more.
fn spelling_variant(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.first() != b.first() {
        return false;
    }
    let limit = (a.len().max(b.len()) / 3).max(1);
    // One row of the edit-distance table at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()] <= limit
}

/// Points for a large city over much smaller namesakes: `DOMINANT` per factor ten of
/// population over the next largest populated candidate, up to `DOMINANT_MAX`.
pub(super) fn dominance(t: &Toponym, list: &[(Toponym, f64)]) -> f64 {
    if t.population < DOMINANT_MIN {
        return 0.0;
    }
    let next = list
        .iter()
        .filter(|(o, _)| o.kind == EntryKind::Populated && o.id != t.id)
        .map(|(o, _)| o.population)
        .max()
        .unwrap_or(0);
    if next >= t.population {
        return 0.0;
    }
    let ratio = t.population as f64 / (next.max(1) as f64);
    (DOMINANT * ratio.log10()).min(DOMINANT_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;

    /// The countries whose people the text names, in code order.
    fn nationals(code: &str, text: &str) -> Vec<String> {
        let lex = Lexicon::get(code).unwrap_or_else(|| panic!("no lexicon {code}"));
        let toks = tokenize(text, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        let mut evidence = Evidence::collect(&[], None);
        evidence.add_nationals(lex, &toks, &words, &[]);
        let mut codes: Vec<String> = evidence.nationals.keys().cloned().collect();
        codes.sort();
        codes
    }

    #[test]
    fn words_for_a_people_name_their_country_once() {
        assert_eq!(nationals("en", "Ugandan police and Ugandan troops"), ["UG"]);
        assert_eq!(
            nationals("en", "South Sudanese and Sudanese officials"),
            ["SD", "SS"]
        );
        assert_eq!(
            nationals("nl", "de Oegandese politie en Keniaanse agenten"),
            ["KE", "UG"]
        );
    }

    #[test]
    fn regions_hyphenated_forms_and_lower_case_are_no_people() {
        assert!(nationals("en", "Latin American traders on the Indian Ocean").is_empty());
        assert!(nationals("en", "Russian-backed fighters").is_empty());
        assert!(nationals("en", "they polish their boots").is_empty());
        assert!(nationals("nl", "Latijns-Amerikaanse handelaars").is_empty());
    }

    #[test]
    fn a_people_counts_as_a_sign_but_makes_nothing_foreign() {
        let lex = Lexicon::get("en").unwrap_or_else(|| panic!("no lexicon en"));
        let toks = tokenize("Ugandan police", 0);
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        let mut evidence = Evidence::collect(&[], None);
        evidence.add_nationals(lex, &toks, &words, &[]);
        assert!(evidence.signs("UG") > 0.0);
        assert!(evidence.country_points("UG") > 0.0);
        assert!(!evidence.more_elsewhere("KE", 0.0));
    }

    #[test]
    fn every_people_names_a_known_country() {
        for lex in Lexicon::all() {
            let Some(section) = lex.section(Sec::Nationalities) else {
                panic!("{}: no [nationalities]", lex.code);
            };
            for (word, code) in &section.values {
                let known = crate::reference::countries::name_from_code(code).is_some();
                assert!(code == "none" || known, "{}: {word} = {code}", lex.code);
            }
        }
    }
}
