//! Stage 1, ingest/extract: toponym resolution. Each recognised name gets its gazetteer
//! candidates with their scores out of context (match, kind, population); the article then
//! adds its own evidence, all from the names it contains:
//!
//! - the countries it points to (country names, unambiguous places, divisions), weighted by
//!   how often they come up, and words for their people ("Ugandan police"), once each: these
//!   rank and support readings in their country but make no place elsewhere a namesake, and
//!   are no places themselves ("Somali militants"; "Somali region" is one);
//! - co-location with the places that have a single candidate;
//! - "X, Y", "X (Y)", "X (Z, Y)" where Y can be read as a division or country ("Parkland,
//!   Florida"): X lies in Y, and a small town of X's name outside Y is a namesake of a place
//!   the gazetteer lacks, dropped; so is one outside Y in "X in Y" ("from X in Y" only
//!   ranks; see `coherence`);
//! - a division word next to the name ("provincie Hasakeh") asks for the division;
//! - a candidate whose own name differs from the name as written (an alias) ranks lower;
//! - a small town that only an alias or a word for people ("an Abala herder") leads to, in a
//!   country the text gives no other sign of, is no reading at all (`unsupported`).
//!
//! Names that start a sentence, acronyms and very short names are kept only when they
//! resolve to a large place.

mod address;
mod choose;
mod named_division;
mod namesakes;
mod unsupported;
mod words;

use std::rc::Rc;

use super::coherence::{
    add_held_readings, far_from_town_after, far_from_what_it_is_near, follows_in, holders_by_name,
    inside, names_a_division, Holders,
};
use super::evidence::{dominance, renamed, size_share, Evidence};
use super::hash::FastMap;
use super::lexicon::{Lexicon, Sec};
use super::names::{abbreviation, NameEvidence};
use super::place_index::{PlaceIndex, Toponym};
use super::text::Token;
use super::toponyms::{PlaceMatch, RawMatch};
use crate::gazetteer::OWN_CITY_MIN;
use crate::gazetteer::{fold, EntryKind};
use address::{address_division, ends_address};
use namesakes::Namesakes;
use words::{after_unknown_name, wants_admin, wants_district, wants_town};

/// How many candidates of a name are ranked in context.
pub(in crate::extract) const CANDIDATES: usize = 40;
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
/// Towns from this size on stand on their own in a country the article gives no other sign
/// of; smaller ones there are taken for namesakes and dropped.
const FOREIGN_MIN: u64 = 50_000;
/// How much more country evidence another country needs than a place's own for the place
/// to be a namesake abroad: more than one lone place's weight.
const FOREIGN_MARGIN: f64 = 0.5;
/// Points taken from a candidate that matched only through an alias.
const ALIAS: f64 = -0.3;

pub(in crate::extract) type Scored = Rc<[(Toponym, f64)]>;

/// A name read nowhere although the gazetteer has it: where it stands and why.
#[derive(Debug, Clone)]
pub(in crate::extract) struct UnreadName {
    /// The name's first token.
    pub start: usize,
    /// The name as written.
    pub name: String,
    pub why: Unread,
}

/// Why a name the gazetteer has is read nowhere.
#[derive(Debug, Clone)]
pub(in crate::extract) enum Unread {
    /// It matched only another name of a small town abroad ([`Doc::alias_unsupported`]):
    /// the town's own name and country code.
    Alias { town: String, country_code: String },
    /// Small places far apart bear it alike and the text says not which
    /// ([`Doc::namesakes`]): each as "country code, division".
    Namesakes { places: Vec<String> },
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
    elsewhere: &mut Vec<UnreadName>,
) -> Vec<PlaceMatch> {
    let surfaces = surfaces(lex, text, toks, raw);
    let mut lists = candidate_lists(index, &surfaces);
    drop_peoples(lex, toks, raw, &mut lists);
    add_held_readings(index, lex, raw, toks, &surfaces, &mut lists);
    // (The words of the text, lower-cased once for the rules that read what governs a name.)
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    // ("richer than Greece or Portugal": what a place is compared with says nothing about
    // where the text is.)
    let compared = words::compared(lex, toks, raw);
    let signs: Vec<Scored> = (lists.iter().zip(&compared))
        .map(|(list, &c)| {
            if c {
                Rc::from(Vec::new())
            } else {
                list.clone()
            }
        })
        .collect();
    let mut evidence = Evidence::collect(&signs, country);
    let read: Vec<RawMatch> = (raw.iter().zip(&lists))
        .filter(|(_, list)| !list.is_empty())
        .map(|(r, _)| *r)
        .collect();
    evidence.add_nationals(lex, toks, &words, &read);
    let all_holders = holders_by_name(lex, raw, toks, &lists);
    let doc = Doc {
        index,
        lex,
        text,
        toks,
        words: &words,
        initial,
        country,
        raw,
        names,
        lists: &lists,
        evidence: &evidence,
    };
    let mut out: Vec<PlaceMatch> = Vec::new();
    let mut chosen_lists = Vec::new();
    for (k, &(start, end, byte_end, n)) in raw.iter().enumerate() {
        let holders = &all_holders[k];
        // "X in Y": the reading of X just before, which Y's division readings may hold.
        let previous = out
            .last()
            .filter(|m| follows_in(lex, k, raw, toks) && m.start == raw[k - 1].0)
            .map(|m| &m.entry);
        let name = doc.name(k);
        let Some(entry) = doc.choose(k, &name, holders, previous) else {
            continue;
        };
        // (Not a name the text writes with its division: "Washington, D.C." is the city.)
        let with_division = raw
            .get(k + 1)
            .is_some_and(|next| next.0 == end + 1 && matches!(toks[end].lower.as_str(), "," | "("));
        let entry = match with_division {
            false => doc.division_named_before(k, &name, &out).unwrap_or(entry),
            true => entry,
        };
        if doc.alias_unsupported(k, &name, &entry, holders) {
            let (town, country_code) = (entry.name.clone(), entry.country_code.clone());
            let why = Unread::Alias { town, country_code };
            elsewhere.push(UnreadName {
                start,
                name: text[toks[start].start..byte_end].to_string(),
                why,
            });
            continue;
        }
        // (A reading dropped on its own grounds, a namesake abroad among them, is no tie.)
        let dropped = |t: &Toponym| {
            !doc.keep(k, &name, t, holders)
                || doc.far_town_part(k, t, &out)
                || far_from_town_after(lex, k, raw, toks, &lists, t)
                || far_from_what_it_is_near(lex, &words, k, raw, toks, &lists, t)
        };
        if dropped(&entry) {
            continue;
        }
        let entry = match doc.namesakes(k, &name, holders, previous, &entry) {
            Namesakes::Stand => entry,
            Namesakes::Choose(other) if !dropped(&other) => other,
            Namesakes::Choose(_) => continue,
            Namesakes::Tied(tied) => {
                let places = std::iter::once(&entry).chain(&tied).map(where_is);
                let why = Unread::Namesakes {
                    places: counted(places),
                };
                elsewhere.push(UnreadName {
                    start,
                    name: text[toks[start].start..byte_end].to_string(),
                    why,
                });
                continue;
            }
        };
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
    super::coherence::cohere_province(lex, &mut out, &mut chosen_lists, &lists, toks, initial);
    super::coherence::cohere_relative(lex, &mut out, &mut chosen_lists, &lists, &words);
    super::coherence::cohere_cueless(lex, &mut out, &mut chosen_lists, &lists, &words);
    super::coherence::seat_as_province(index, &mut out, toks);
    out
}

/// "UA, Crimea": a place's country code and division, to tell namesakes apart.
fn where_is(t: &Toponym) -> String {
    match &t.admin1 {
        Some(a) => format!("{}, {a}", t.country_code),
        None => t.country_code.clone(),
    }
}

/// The places in order of first mention, each once, with how many there are when more than
/// one ("ID, East Java (5)").
fn counted(places: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for p in places {
        match seen.iter_mut().find(|(q, _)| *q == p) {
            Some((_, n)) => *n += 1,
            None => seen.push((p, 1)),
        }
    }
    (seen.into_iter())
        .map(|(p, n)| if n > 1 { format!("{p} ({n})") } else { p })
        .collect()
}

/// Every name found as it is looked up: as written, or what its abbreviation stands for.
fn surfaces<'t>(lex: &'t Lexicon, text: &'t str, toks: &[Token], raw: &[RawMatch]) -> Vec<&'t str> {
    raw.iter()
        .map(|&(start, _, byte_end, _)| {
            abbreviation(lex, toks, start).unwrap_or(&text[toks[start].start..byte_end])
        })
        .collect()
}

/// The scored candidates of every name found, looked up once per distinct surface.
/// A word for a country's people ("Somali", "Kazakh") is no place, although the gazetteer
/// may list it among the names of the country or of a town: it counts as a sign of the
/// country ([`Evidence::add_nationals`]). Followed by a word for a division ("Somali
/// region") it names the division.
fn drop_peoples(lex: &Lexicon, toks: &[Token], raw: &[RawMatch], lists: &mut [Scored]) {
    for (k, &(start, end, _, _)) in raw.iter().enumerate() {
        let people = end == start + 1 && lex.people_country(&toks[start].lower).is_some();
        let division = toks
            .get(end)
            .is_some_and(|t| lex.has(Sec::KindAdmin, &t.lower));
        if people && !division {
            lists[k] = Rc::from(Vec::new());
        }
    }
}

fn candidate_lists(index: &PlaceIndex, surfaces: &[&str]) -> Vec<Scored> {
    let mut seen: FastMap<&str, Scored> = FastMap::default();
    surfaces
        .iter()
        .map(|&surface| {
            seen.entry(surface)
                .or_insert_with(|| index.scored(surface, CANDIDATES).into())
                .clone()
        })
        .collect()
}

/// An article's text with what it says about its names as a whole.
struct Doc<'a> {
    index: &'a PlaceIndex,
    lex: &'a Lexicon,
    text: &'a str,
    toks: &'a [Token],
    /// `toks` lower-cased.
    words: &'a [&'a str],
    initial: &'a [bool],
    country: Option<&'a str>,
    raw: &'a [RawMatch],
    names: &'a NameEvidence<'a>,
    lists: &'a [Scored],
    evidence: &'a Evidence,
}

/// What the words around one name ask of its reading.
struct Name<'a> {
    surface: &'a str,
    key: String,
    prefer_admin: bool,
    prefer_town: bool,
    /// "Foo LGA", "Foo District": the countries with a second-level division of the name,
    /// where that division (or its seat) is what the text means.
    district_countries: Vec<&'a str>,
    /// "X, Y", "X (Y)": the name right after another, in it.
    contained: bool,
    /// "Foo (Bar, Y)", "Foo, Y.": the name that closes an address after a name the
    /// gazetteer lacks.
    ends_address: bool,
    /// Some candidate bears the name exactly as written: aliases and shorter names (the
    /// name less a type word) count for less.
    exact: bool,
    /// Some candidate bears the name as written letter for letter: one that matched only
    /// after transliteration folding is another spelling, ranked as another name; one that
    /// matched an alias as written is not, unless another bears it as its own name.
    written: bool,
    written_own: bool,
    /// A city of [`OWN_CITY_MIN`] people or more (as the gazetteer ranks) bears the name as written as its own: a
    /// larger city that matched it only as another spelling ("Cancun" for Changchun) does
    /// not win by its size.
    own_city: bool,
    /// A country or first-level division bears the name as written as its own: a larger
    /// city that matched it only as another spelling ("Puno" among Pune's names, with a
    /// Peruvian region and its capital named Puno) does not win by its size.
    own_division: bool,
}

impl<'a> Doc<'a> {
    /// The countries with a second-level division among the readings `list`: the one
    /// country, or, when several have one, those the text gives other signs of.
    fn district_countries(&self, list: &'a [(Toponym, f64)]) -> Vec<&'a str> {
        let mut codes: Vec<&str> = list
            .iter()
            .filter(|(t, _)| t.kind == EntryKind::Admin2)
            .map(|(t, _)| t.country_code.as_str())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        if codes.len() > 1 {
            codes.retain(|cc| self.evidence.signs(cc) > 0.0);
        }
        codes
    }

    fn name(&self, k: usize) -> Name<'a> {
        let (lex, toks, raw) = (self.lex, self.toks, self.raw);
        let (start, end, byte_end, _) = raw[k];
        let surface =
            abbreviation(lex, toks, start).unwrap_or(&self.text[toks[start].start..byte_end]);
        let key = fold(surface);
        let list = &self.lists[k];
        let bears_own = |t: &Toponym| t.literal && !other_name(&key, &fold(&t.name));
        let written_own = list.iter().any(|(t, _)| bears_own(t));
        let own_city = list.iter().any(|(t, _)| {
            bears_own(t) && t.kind == EntryKind::Populated && t.population >= OWN_CITY_MIN
        });
        let own_division = list
            .iter()
            .any(|(t, _)| bears_own(t) && matches!(t.kind, EntryKind::Admin1 | EntryKind::Country));
        Name {
            surface,
            prefer_admin: wants_admin(lex, toks, start, end)
                || abbreviation(lex, toks, start).is_some()
                || after_unknown_name(lex, toks, self.initial, raw, start),
            prefer_town: wants_town(lex, toks, start, end),
            district_countries: if wants_district(lex, toks, end) {
                self.district_countries(list)
            } else {
                Vec::new()
            },
            contained: k > 0
                && raw[k - 1].1 + 1 == start
                && matches!(toks[start - 1].lower.as_str(), "," | "("),
            ends_address: ends_address(toks, raw, k),
            exact: list.iter().any(|(t, _)| fold(&t.name) == key),
            written: list.iter().any(|(t, _)| t.literal),
            written_own,
            own_city,
            own_division,
            key,
        }
    }

    /// A candidate's score in the article's context.
    fn score(
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
        let own = fold(&t.name);
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
        // The user's --country: the reading in that country, whatever its size.
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

/// True when the folded name as written (`key`) is neither the folded entry name nor a
/// shortening or lengthening of it: the entry was found under one of its other names.
pub(super) fn other_name(key: &str, name: &str) -> bool {
    !name.starts_with(key) && !key.starts_with(name)
}
