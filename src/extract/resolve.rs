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
mod landform;
mod named_division;
mod namesakes;
mod score;
mod unsupported;
mod words;

use std::rc::Rc;

use super::coherence::{add_held_readings, holders_by_name};
use super::evidence::Evidence;
use super::hash::{FastMap, FastSet};
use super::lexicon::{Lexicon, Sec};
use super::names::{abbreviation, NameEvidence};
use super::place_index::{PlaceIndex, Toponym};
use super::text::Token;
use super::toponyms::{PlaceMatch, RawMatch};
use crate::gazetteer::OWN_CITY_MIN;
use crate::gazetteer::{fold, EntryKind};
use address::ends_address;
use choose::Reading;
pub(in crate::extract) use landform::near_landform;
use words::{after_unknown_name, said_village, wants_admin, wants_district, wants_town};
pub(in crate::extract) use words::{capital_after_possessive, names_a_settlement_of_it};

/// How many candidates of a name are ranked in context.
pub(in crate::extract) const CANDIDATES: usize = 40;
/// Towns from this size on stand on their own in a country the article gives no other sign
/// of; smaller ones there are taken for namesakes and dropped.
const FOREIGN_MIN: u64 = 50_000;
/// How much more country evidence another country needs than a place's own for the place
/// to be a namesake abroad: more than one lone place's weight.
const FOREIGN_MARGIN: f64 = 0.5;

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
    /// It is followed by a word for a landform ("the Foo valley") and read as a town with
    /// no division of its name ([`Doc::under_landform`]): the town's name and the word.
    Landform { place: String, landform: String },
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
    let evidence = country_evidence(lex, toks, &words, raw, &lists, country);
    let all_holders = holders_by_name(lex, raw, toks, &lists);
    // ("Otawa village", then "eight in Otawa": a name called a village anywhere is one.)
    let villages: FastSet<String> = raw
        .iter()
        .zip(&surfaces)
        .filter(|((start, end, _, _), _)| said_village(lex, toks, *start, *end))
        .map(|(_, surface)| fold(surface))
        .collect();
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
        villages: &villages,
    };
    let mut out: Vec<PlaceMatch> = Vec::new();
    let mut chosen_lists = Vec::new();
    for (k, holders) in all_holders.iter().enumerate() {
        match doc.reading(k, holders, &out) {
            Reading::Place(place) => {
                out.push(place);
                chosen_lists.push(k);
            }
            Reading::Unread(unread) => elsewhere.push(unread),
            Reading::Dropped => {}
        }
    }
    super::coherence::cohere(text, &mut out, &mut chosen_lists, &lists);
    super::coherence::cohere_province(lex, &mut out, &mut chosen_lists, &lists, toks, initial);
    super::coherence::cohere_relative(lex, &mut out, &mut chosen_lists, &lists, &words);
    super::coherence::cohere_cueless(lex, &mut out, &mut chosen_lists, &lists, &words);
    super::coherence::seat_as_province(index, &mut out, toks);
    out
}

/// What the names of the article say about the countries it is about, and the words for
/// their peoples. ("richer than Greece or Portugal": what a place is compared with says
/// nothing about where the text is.)
fn country_evidence(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    raw: &[RawMatch],
    lists: &[Scored],
    country: Option<&str>,
) -> Evidence {
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
    let read: Vec<RawMatch> = (raw.iter().zip(lists))
        .filter(|(_, list)| !list.is_empty())
        .map(|(r, _)| *r)
        .collect();
    evidence.add_nationals(lex, toks, words, &read);
    evidence
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
    /// The folded names the text calls a village somewhere.
    villages: &'a FastSet<String>,
}

/// What the words around one name ask of its reading.
struct Name<'a> {
    surface: &'a str,
    key: String,
    prefer_admin: bool,
    prefer_town: bool,
    /// The text calls it a village somewhere ("Foo village", "the village of Foo").
    village: bool,
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
            village: self.villages.contains(&key),
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
}

/// True when the folded name as written (`key`) is neither the folded entry name nor a
/// shortening or lengthening of it: the entry was found under one of its other names.
pub(super) fn other_name(key: &str, name: &str) -> bool {
    !name.starts_with(key) && !key.starts_with(name)
}
