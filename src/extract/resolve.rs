//! Stage 1, ingest/extract: toponym resolution. Each recognised name gets its gazetteer
//! candidates with their scores out of context (match, kind, population); the article then
//! adds its own evidence, all from the names it contains:
//!
//! - the countries it points to (country names, unambiguous places, divisions), weighted by
//!   how often they come up;
//! - co-location with the places that have a single candidate;
//! - "X, Y", "X (Y)", "X (Z, Y)" where Y can be read as a division or country ("Parkland,
//!   Florida"): X lies in Y, and a small town of X's name outside Y is a namesake of a place
//!   the gazetteer lacks, dropped ("X in Y" only ranks; see `coherence`);
//! - a division word next to the name ("provincie Hasakeh") asks for the division;
//! - a candidate whose own name differs from the name as written (an alias) ranks lower.
//!
//! Names that start a sentence, acronyms and very short names are kept only when they
//! resolve to a large place.

use super::lexicon::Sec;
use std::rc::Rc;

use super::coherence::{follows_in, holders_by_name, inside, namesake_outside};
use super::hash::FastMap;
use super::lexicon::Lexicon;
use super::names::{abbreviation, dateline, NameEvidence};
use super::place_index::{PlaceIndex, Toponym};
use super::text::{Kind, Token};
use super::toponyms::{PlaceMatch, RawMatch};
use crate::gazetteer::{fold, EntryKind};

/// How many candidates of a name are ranked in context.
const CANDIDATES: usize = 40;
/// Points for a candidate in the article's leading country (others: in proportion).
const COUNTRY: f64 = 0.8;
/// Points when the name is followed by its division or country ("Parkland, Florida").
const CONTAINER: f64 = 2.0;
/// Points for a candidate in the country the user named (`--country`).
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
/// Points per factor ten of population over the next largest namesake (see [`dominance`]).
const DOMINANT: f64 = 0.25;
const DOMINANT_MAX: f64 = 0.75;
/// Cities from this size on take the dominance points.
const DOMINANT_MIN: u64 = 100_000;
/// Points for the country that the article's ambiguous names most often have a candidate in
/// (others: in proportion); small, it mostly breaks ties ("Florida": US, PR or UY).
const SOFT: f64 = 0.05;
/// Populated places smaller than this take half the country evidence.
const SMALL_PLACE: u64 = 10_000;
/// Towns from this size on stand on their own in a country the article gives no other sign
/// of; smaller ones there are taken for namesakes and dropped.
const FOREIGN_MIN: u64 = 50_000;
/// How much more country evidence another country needs than a place's own for the place
/// to be a namesake abroad: more than one lone place's weight.
const FOREIGN_MARGIN: f64 = 0.5;
/// Points taken from a candidate that matched only through an alias.
const ALIAS: f64 = -0.3;

pub(super) type Scored = Rc<[(Toponym, f64)]>;

/// What the article as a whole says about where it is.
struct Evidence {
    /// Weight per country code.
    countries: FastMap<String, f64>,
    max_weight: f64,
    /// Per country code, in how many names' candidate lists it appears.
    soft: FastMap<String, f64>,
    max_soft: f64,
    /// Points of the places with a single candidate (not countries).
    near: Vec<(f64, f64)>,
}

impl Evidence {
    fn collect(lists: &[Scored], country: Option<&str>) -> Evidence {
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
            let weight = match top.kind {
                EntryKind::Country => 1.0,
                EntryKind::Region => 0.0,
                EntryKind::Admin1 if list.len() == 1 => 0.7,
                _ if list.len() == 1 => 0.5,
                _ => 0.0,
            };
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
            soft,
            max_soft,
            near,
        }
    }

    fn country_points(&self, code: &str) -> f64 {
        match self.countries.get(code) {
            Some(w) if self.max_weight > 0.0 => COUNTRY * w / self.max_weight,
            _ => 0.0,
        }
    }

    fn soft_points(&self, code: &str) -> f64 {
        match self.soft.get(code) {
            Some(w) if self.max_soft > 0.0 => SOFT * w / self.max_soft,
            _ => 0.0,
        }
    }

    fn near_points(&self, t: &Toponym) -> f64 {
        let km = self
            .near
            .iter()
            .filter(|&&(lon, lat)| (lon, lat) != (t.lon, t.lat))
            .map(|&(lon, lat)| distance_km(t.lon, t.lat, lon, lat))
            .fold(f64::INFINITY, f64::min);
        match km {
            k if k <= 25.0 => 0.8,
            k if k <= 100.0 => 0.5,
            k if k <= 300.0 => 0.25,
            _ => 0.0,
        }
    }
}

/// How much of the country evidence a candidate takes: a village does not become the
/// reading of a name just because the article is about its country.
fn size_share(t: &Toponym) -> f64 {
    match t.kind {
        EntryKind::Populated if t.population < SMALL_PLACE => 0.5,
        _ => 1.0,
    }
}

/// True when an alias shares no word with the entry's name: a former or other-language name
/// ("Salisbury" for Harare), not a spelling variant ("St. Petersburg").
fn renamed(name: &str, key: &str) -> bool {
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
fn dominance(t: &Toponym, list: &[(Toponym, f64)]) -> f64 {
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

/// Great-circle distance in km.
fn distance_km(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dl = (lon2 - lon1).to_radians();
    let a = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

#[allow(clippy::too_many_arguments)]
/// Resolves the names found by the scan; drops those that resolve to nothing or to a place
/// too small for the way they were written.
pub fn resolve(
    index: &PlaceIndex,
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    initial: &[bool],
    country: Option<&str>,
    raw: &[RawMatch],
    names: &NameEvidence<'_>,
) -> Vec<PlaceMatch> {
    let mut seen: FastMap<&str, Scored> = FastMap::default();
    let lists: Vec<Scored> = raw
        .iter()
        .map(|&(start, _, byte_end, _)| {
            let surface =
                abbreviation(lex, toks, start).unwrap_or(&text[toks[start].start..byte_end]);
            seen.entry(surface)
                .or_insert_with(|| index.scored(surface, CANDIDATES).into())
                .clone()
        })
        .collect();
    let evidence = Evidence::collect(&lists, country);
    let all_holders = holders_by_name(lex, raw, toks, &lists);
    let mut out = Vec::new();
    let mut chosen_lists = Vec::new();
    for (k, &(start, end, byte_end, n)) in raw.iter().enumerate() {
        let list = &lists[k];
        let surface = abbreviation(lex, toks, start).unwrap_or(&text[toks[start].start..byte_end]);
        let key = fold(surface);
        let prefer_admin = wants_admin(lex, toks, start, end)
            || abbreviation(lex, toks, start).is_some()
            || after_unknown_name(lex, toks, initial, raw, start);
        let prefer_town = wants_town(lex, toks, start, end);
        // "X, Y", "X (Y)", "X (Z, Y)": a division or country named right after X holds it.
        let holders = &all_holders[k];
        let contained = k > 0
            && raw[k - 1].1 + 1 == start
            && matches!(toks[start - 1].lower.as_str(), "," | "(");
        // "X in Y": Y's readings that hold X as read are the division, not a town.
        let holds_previous = |t: &Toponym| {
            t.kind == EntryKind::Admin1
                && follows_in(lex, k, raw, toks)
                && out
                    .last()
                    .is_some_and(|m: &PlaceMatch| m.start == raw[k - 1].0 && inside(&m.entry, t))
        };
        // Some candidate bears the name exactly as written: aliases and shorter names
        // (the name less a type word) count for less.
        let exact = list.iter().any(|(t, _)| fold(&t.name) == key);
        // Some candidate bears the name as written letter for letter: one that matched only
        // after transliteration folding is another spelling, ranked as another name; one
        // that matched an alias as written is not, unless another bears it as its own name.
        let written = list.iter().any(|(t, _)| t.literal);
        let written_own = list
            .iter()
            .any(|(t, _)| t.literal && !other_name(&key, &fold(&t.name)));
        let rank = |(t, base): &(Toponym, f64)| -> f64 {
            let mut score = *base + evidence.country_points(&t.country_code) * size_share(t);
            if list.len() > 1 {
                score += evidence.near_points(t);
            }
            let name = fold(&t.name);
            let alias = other_name(&key, &name);
            match t.kind {
                EntryKind::Admin1 => score += DIVISION,
                EntryKind::Country | EntryKind::Region => score += NATION,
                // A city's size speaks for it only under its own name ("Salisbury" is not
                // Harare's name any more).
                EntryKind::Populated if !(alias && renamed(&name, &key)) => {
                    if t.population >= 1_000_000 {
                        score += MAJOR_CITY;
                    }
                    if name == key {
                        score += dominance(t, list);
                    }
                }
                _ => {}
            }
            score += evidence.soft_points(&t.country_code);
            // The user's --country: the reading in that country, whatever its size.
            if country.is_some_and(|c| c.eq_ignore_ascii_case(&t.country_code)) {
                score += USER_COUNTRY;
            }
            if contained && matches!(t.kind, EntryKind::Admin1 | EntryKind::Country) {
                score += DIVISION;
                // "Ciudad Juarez, Chihuahua": the division that holds the place before the
                // comma, not the city of the same name.
                if lists[k - 1].iter().take(3).any(|(p, _)| inside(p, t)) {
                    score += CONTAINER;
                }
            }
            if holds_previous(t) {
                score += PREFER;
            }
            if prefer_admin && t.kind == EntryKind::Admin1 {
                score += PREFER;
            }
            if prefer_town && t.kind == EntryKind::Populated {
                score += PREFER;
            }
            if holders.readings.iter().any(|c| inside(t, c)) {
                score += CONTAINER;
            }
            if alias && (written_own || !t.literal) {
                score += ALIAS;
                if exact && renamed(&name, &key) {
                    score += ALIAS;
                }
            }
            if written && !t.literal {
                score += ALIAS;
            }
            // "Kansas City" is the city of that name, not a "Kansas" that is a city.
            if exact && name != key && key.starts_with(name.as_str()) {
                score -= PREFER;
            }
            score
        };
        // "the province of A", "A province": a division reading, when the name has one, is
        // what the text says, however large the city of the same name.
        let division_said = prefer_admin && list.iter().any(|(t, _)| t.kind == EntryKind::Admin1);
        let entry = list
            .iter()
            .filter(|(t, _)| !division_said || t.kind == EntryKind::Admin1)
            .map(|c| (c, rank(c)))
            .fold(None::<(&Toponym, f64)>, |best, (c, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((&c.0, s)),
            })
            .map(|(t, _)| t.clone());
        let Some(mut entry) = entry else { continue };
        // "X, Y" with Y a division or country: an X elsewhere is a namesake of a place the
        // gazetteer lacks (most often a village); Y, resolved on its own, says where it is.
        if holders.firm && namesake_outside(&entry, holders) {
            continue;
        }
        // "protested in Mogilev": a province named after its capital, written without a
        // word for a province after a locative, is the city (the region only says so with
        // "province", "region", "oblast", ...).
        let bare_locative = !prefer_admin
            && start > 0
            && matches!(
                toks[start - 1].lower.as_str(),
                "in" | "at" | "near" | "nabij" | "bij"
            )
            && !contained
            // "near Sitno in Lublin": after a place in it, the province holds that place.
            && !follows_in(lex, k, raw, toks);
        // "Foo province" written with a spelling only the town of Foo has: the province the
        // town gives its name to.
        if division_said_of_town(&entry, prefer_admin, list) {
            if let Some(division) = division_named_after(index, &entry) {
                entry = division;
            }
        }
        if (prefer_town || bare_locative) && entry.kind == EntryKind::Admin1 {
            if let Some(seat) = seat_of(index, &entry) {
                entry = seat;
            }
        }
        // A capitalised word that starts a sentence is kept only as a known large place.
        let big = matches!(
            entry.kind,
            EntryKind::Country | EntryKind::Region | EntryKind::Admin1
        ) || entry.population >= 20_000;
        if end - start == 1 && initial[start] && !big {
            continue;
        }
        let division = matches!(
            entry.kind,
            EntryKind::Country | EntryKind::Region | EntryKind::Admin1
        );
        // "Wang said": a person. A capital that speaks is its government ("Damascus said"),
        // still a place when named elsewhere in the text; the frames read which is which.
        if end - start == 1 && !division && !entry.capital && names.speaker(toks, start) {
            continue;
        }
        // Spatial coherence: a town or division in a country the article gives no other
        // sign of is a namesake ("Jun" in a date, a village abroad), unless a large city.
        let own = match entry.kind {
            EntryKind::Admin1 if list.len() == 1 => 0.7,
            _ if list.len() == 1 => 0.5,
            _ => 0.0,
        };
        let others = evidence
            .countries
            .get(&entry.country_code)
            .copied()
            .unwrap_or(0.0)
            - own;
        // Clearly more signs for another country than for this one (by more than one lone
        // place): two lone places of two countries do not make each other foreign.
        let here = others + own;
        let elsewhere = evidence
            .countries
            .iter()
            .any(|(code, w)| *code != entry.country_code && *w > here + FOREIGN_MARGIN);
        // A place the text itself puts in its division ("X, Y") is not one of those.
        let foreign = elsewhere
            && others <= 0.0
            && !matches!(entry.kind, EntryKind::Country | EntryKind::Region)
            && entry.population < FOREIGN_MIN
            && !holders.readings.iter().any(|c| inside(&entry, c));
        if foreign {
            continue;
        }
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = end - start == 1
            && toks[start].upper
            && !dateline(toks, start, end)
            && abbreviation(lex, toks, start).is_none();
        if (letters < 3 || acronym) && entry.kind != EntryKind::Country {
            continue;
        }
        out.push(PlaceMatch {
            start,
            end,
            byte_start: toks[start].start,
            byte_end,
            entry,
            candidates: n,
        });
        chosen_lists.push(k);
    }
    super::coherence::cohere(text, &mut out, &mut chosen_lists, &lists);
    super::coherence::cohere_province(&mut out, &mut chosen_lists, &lists, toks, initial);
    out
}

/// The town that bears a division's name and lies at its point (its seat).
fn seat_of(index: &PlaceIndex, division: &Toponym) -> Option<Toponym> {
    index
        .scored(&division.name, CANDIDATES)
        .into_iter()
        .map(|(t, _)| t)
        .filter(|t| t.kind == EntryKind::Populated && t.country_code == division.country_code)
        .find(|t| distance_km(t.lon, t.lat, division.lon, division.lat) < 30.0)
}

/// True when a division word asks for a division ("Foo province") and the name as written
/// reads only as a town.
fn division_said_of_town(entry: &Toponym, prefer_admin: bool, list: &[(Toponym, f64)]) -> bool {
    prefer_admin
        && entry.kind == EntryKind::Populated
        && !list.iter().any(|(t, _)| t.kind == EntryKind::Admin1)
}

/// The first-level division of the town's country that bears the town's own name (the
/// province a provincial capital gives its name to).
fn division_named_after(index: &PlaceIndex, town: &Toponym) -> Option<Toponym> {
    let name = fold(&town.name);
    index
        .scored(&town.name, CANDIDATES)
        .into_iter()
        .map(|(t, _)| t)
        .find(|t| {
            t.kind == EntryKind::Admin1
                && t.country_code == town.country_code
                && fold(&t.name) == name
        })
}

/// True when the folded name as written (`key`) is neither the folded entry name nor a
/// shortening or lengthening of it: the entry was found under one of its other names.
pub(super) fn other_name(key: &str, name: &str) -> bool {
    !name.starts_with(key) && !key.starts_with(name)
}

/// "Deir ez-Zor city", "the city of Idlib": the town, not the province of the same name.
fn wants_town(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> bool {
    let after = toks
        .get(end)
        .is_some_and(|t| lex.has(Sec::KindTown, &t.lower));
    let before = start >= 2
        && lex.has(Sec::KindTown, &toks[start - 2].lower)
        && matches!(toks[start - 1].lower.as_str(), "of" | "van");
    after || before
}

fn wants_admin(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> bool {
    // "provincie Hasakeh", "the province of X"; not "Oaxaca State, Mexico".
    let before = (start.saturating_sub(2)..start).any(|j| {
        lex.value(Sec::KindAdmin, &toks[j].lower) == Some("admin1")
            && toks[j + 1..start].iter().all(|t| t.kind == Kind::Word)
    });
    let after = toks
        .get(end)
        .is_some_and(|t| lex.value(Sec::KindAdmin, &t.lower) == Some("admin1"));
    before || after || in_listed_divisions(lex, toks, start, end)
}

/// "near Foo, Y" where Foo is a name the gazetteer lacks: Y says where Foo lies, so Y is
/// read as the division when it is one (a village named with its province), not as the
/// province's capital. Foo is a capitalised word inside the sentence that no gazetteer name
/// covers and that is no day or month name.
fn after_unknown_name(
    lex: &Lexicon,
    toks: &[Token],
    initial: &[bool],
    raw: &[RawMatch],
    start: usize,
) -> bool {
    if start < 2 || toks[start - 1].lower != "," {
        return false;
    }
    let before = start - 2;
    let t = &toks[before];
    t.cap
        && t.kind == Kind::Word
        && !initial.get(before).copied().unwrap_or(true)
        && !raw.iter().any(|r| (r.0..r.1).contains(&before))
        && lex.value(Sec::Weekdays, &t.lower).is_none()
        && lex.value(Sec::Months, &t.lower).is_none()
}

/// A name in a list that a plural division word governs: "the provinces of A, B and C",
/// "A and B provinces" (a lexicon's `admin_plurals`). Between the list's names only
/// capitalised words, commas, "and" and short directional asides ("in the east") may stand.
fn in_listed_divisions(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> bool {
    let joins = |t: &Token| t.lower == "," || lex.has(Sec::Coordinators, &t.lower);
    let plural = |t: &Token| lex.has(Sec::AdminPlurals, &t.lower);
    let inside = |t: &Token| {
        t.cap
            || joins(t)
            || lex.has(Sec::Articles, &t.lower)
            || lex.has(Sec::Directional, &t.lower)
            || lex.has(Sec::Locative, &t.lower)
    };
    // Backwards: "provinces of A (in the east) and [name]".
    let joined_before = start > 0 && joins(&toks[start - 1]);
    let before = joined_before
        && (start.saturating_sub(12)..start - 1).rev().any(|j| {
            toks[j + 1..start].iter().all(inside)
                && (plural(&toks[j])
                    || (j > 0
                        && plural(&toks[j - 1])
                        && matches!(toks[j].lower.as_str(), "of" | "van")))
        });
    // Forwards: "[name] and B provinces".
    let joined_after = toks.get(end).is_some_and(joins);
    let after = joined_after
        && (end + 1..toks.len().min(end + 8))
            .find(|&j| !(toks[j].cap || joins(&toks[j])))
            .is_some_and(|j| plural(&toks[j]));
    before || after
}
