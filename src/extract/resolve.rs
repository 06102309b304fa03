//! Stage 1, ingest/extract: toponym resolution. Each recognised name gets its gazetteer
//! candidates with their scores out of context (match, kind, population); the article then
//! adds its own evidence, all from the names it contains:
//!
//! - the countries it points to (country names, unambiguous places, divisions), weighted by
//!   how often they come up;
//! - co-location with the places that have a single candidate;
//! - "X, Y", "X (Y)", "X (Z, Y)" where Y can be read as a division or country ("Parkland,
//!   Florida"): X lies in Y, and a small town of X's name outside Y is a namesake of a place
//!   the gazetteer lacks, dropped; so is one outside Y in "X in Y" ("from X in Y" only
//!   ranks; see `coherence`);
//! - a division word next to the name ("provincie Hasakeh") asks for the division;
//! - a candidate whose own name differs from the name as written (an alias) ranks lower.
//!
//! Names that start a sentence, acronyms and very short names are kept only when they
//! resolve to a large place.

use super::lexicon::Sec;
use std::rc::Rc;

use super::coherence::{
    add_held_readings, follows_in, holders_by_name, inside, names_a_division, namesake_outside,
    Holders,
};
use super::evidence::{dominance, renamed, size_share, Evidence};
use super::hash::FastMap;
use super::lexicon::Lexicon;
use super::names::{abbreviation, dateline, NameEvidence};
use super::place_index::{PlaceIndex, Toponym};
use super::text::{Kind, Token};
use super::toponyms::{PlaceMatch, RawMatch};
use crate::gazetteer::OWN_CITY_MIN;
use crate::gazetteer::{fold, EntryKind};
use crate::reference::distance_km;

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
    let surfaces = surfaces(lex, text, toks, raw);
    let mut lists = candidate_lists(index, &surfaces);
    add_held_readings(index, lex, raw, toks, &surfaces, &mut lists);
    let evidence = Evidence::collect(&lists, country);
    let all_holders = holders_by_name(lex, raw, toks, &lists);
    let doc = Doc {
        index,
        lex,
        text,
        toks,
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
        if !doc.keep(k, &name, &entry, holders) {
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
    super::coherence::cohere_province(lex, &mut out, &mut chosen_lists, &lists, toks, initial);
    // (The words of the text, lower-cased once for the passes that read what governs a name.)
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    super::coherence::cohere_relative(lex, &mut out, &mut chosen_lists, &lists, &words);
    super::coherence::cohere_cueless(lex, &mut out, &mut chosen_lists, &lists, &words);
    super::coherence::seat_as_province(index, &mut out, toks);
    out
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
    /// "X, Y", "X (Y)": the name right after another, in it.
    contained: bool,
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
}

impl<'a> Doc<'a> {
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
        Name {
            surface,
            prefer_admin: wants_admin(lex, toks, start, end)
                || abbreviation(lex, toks, start).is_some()
                || after_unknown_name(lex, toks, self.initial, raw, start),
            prefer_town: wants_town(lex, toks, start, end),
            contained: k > 0
                && raw[k - 1].1 + 1 == start
                && matches!(toks[start - 1].lower.as_str(), "," | "("),
            exact: list.iter().any(|(t, _)| fold(&t.name) == key),
            written: list.iter().any(|(t, _)| t.literal),
            written_own,
            own_city,
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
                if !(alias && (renamed(&own, key) || name.own_city))
                    && (t.literal || !name.written) =>
            {
                if t.population >= 1_000_000 {
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

    /// The best reading of name `k`, turned into the division or the town the words ask
    /// for; none when the text puts it in a division that a reading elsewhere lies outside.
    fn choose(
        &self,
        k: usize,
        name: &Name<'_>,
        holders: &Holders<'_>,
        previous: Option<&Toponym>,
    ) -> Option<Toponym> {
        let (lex, toks, raw, list) = (self.lex, self.toks, self.raw, &self.lists[k]);
        let start = raw[k].0;
        // "the province of A", "A province": a division reading, when the name has one, is
        // what the text says, however large the city of the same name.
        let division_said =
            name.prefer_admin && list.iter().any(|(t, _)| t.kind == EntryKind::Admin1);
        // "El Foo, Bar state": when a reading spelt as written lies in the division named
        // after it, that is the place, however large a namesake elsewhere.
        let held = |t: &Toponym| holders.readings.iter().any(|c| inside(t, c));
        let held_reading = holders.firm
            && list.iter().any(|(t, _)| {
                t.literal && matches!(t.kind, EntryKind::Populated | EntryKind::Admin2) && held(t)
            });
        let mut entry = list
            .iter()
            .filter(|(t, _)| !division_said || t.kind == EntryKind::Admin1)
            .filter(|(t, _)| {
                !held_reading || held(t) || matches!(t.kind, EntryKind::Admin1 | EntryKind::Country)
            })
            .map(|c| (c, self.score(k, name, holders, previous, c)))
            .fold(None::<(&Toponym, f64)>, |best, (c, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((&c.0, s)),
            })
            .map(|(t, _)| t.clone())?;
        // "X, Y" with Y a division or country: an X elsewhere is a namesake of a place the
        // gazetteer lacks (most often a village); Y, resolved on its own, says where it is.
        if holders.firm && namesake_outside(&entry, holders, name.surface) {
            return None;
        }
        // "protested in Mogilev", "shells hit Mogilev": a province named after its capital,
        // written without a word for a province after a locative or as what a strike hit,
        // is the city (the region only says so with "province", "region", "oblast", ...).
        let bare_locative = !name.prefer_admin
            && start > 0
            && (lex.has(Sec::AtPlace, &toks[start - 1].lower)
                || lex.has(Sec::StrikeVerbs, &toks[start - 1].lower))
            && !name.contained
            // "near Sitno in Lublin": after a place in it, the province holds that place.
            && !follows_in(lex, k, raw, toks);
        // "Foo province" written with a spelling only the town of Foo has: the province the
        // town gives its name to.
        if division_said_of_town(&entry, name.prefer_admin, list) {
            if let Some(division) = division_named_after(self.index, &entry) {
                entry = division;
            }
        }
        if (name.prefer_town || bare_locative) && entry.kind == EntryKind::Admin1 {
            if let Some(seat) = seat_of(self.index, &entry, name.surface) {
                // The town a province abroad is named after is no more the place than the
                // province was ("the Karak area in Dar'a").
                if holders.firm && namesake_outside(&seat, holders, name.surface) {
                    return None;
                }
                entry = seat;
            }
        }
        // "Foo village" with only a province or a country called Foo: a village the
        // gazetteer lacks. (Not "Foo city": a province is often named after its capital,
        // and the reading stays the province's when the gazetteer lacks the city's
        // spelling; not a district, often the town's own area.)
        let settlement_noun = self
            .toks
            .get(self.raw[k].1)
            .is_some_and(|t| self.lex.value(Sec::PlaceParts, &t.lower) == Some("place"));
        let division = matches!(entry.kind, EntryKind::Admin1 | EntryKind::Country);
        if name.prefer_town && settlement_noun && division {
            return None;
        }
        Some(entry)
    }

    /// False when the reading is dropped: a sentence's first word that is no large place, a
    /// speaker, a namesake abroad, an acronym or a name too short.
    fn keep(&self, k: usize, name: &Name<'_>, entry: &Toponym, holders: &Holders<'_>) -> bool {
        let (lex, toks) = (self.lex, self.toks);
        let (start, end, _, _) = self.raw[k];
        let division = matches!(
            entry.kind,
            EntryKind::Country | EntryKind::Region | EntryKind::Admin1
        );
        // A capitalised word that starts a sentence is kept only as a known large place.
        let big = division || entry.population >= 20_000;
        if end - start == 1 && self.initial[start] && !big && !dateline(toks, start, end) {
            return false;
        }
        // "Wang said": a person. A capital that speaks is its government ("Damascus said"),
        // still a place when named elsewhere in the text; the frames read which is which.
        if end - start == 1 && !division && !entry.capital && self.names.speaker(toks, start) {
            return false;
        }
        if self.foreign(k, entry, holders) {
            return false;
        }
        let letters = name.surface.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = end - start == 1
            && toks[start].upper
            && !dateline(toks, start, end)
            && abbreviation(lex, toks, start).is_none();
        let short = letters < 3 && abbreviation(lex, toks, start).is_none();
        !((short || acronym) && entry.kind != EntryKind::Country)
    }

    /// Spatial coherence: a town or division in a country the article gives no other sign
    /// of is a namesake ("Jun" in a date, a village abroad), unless a large city.
    /// A town that matched only after folding or approximately ("Quriyeh" for Korla) is no
    /// large place of its own there either.
    fn foreign(&self, k: usize, entry: &Toponym, holders: &Holders<'_>) -> bool {
        let (evidence, list) = (self.evidence, &self.lists[k]);
        // What this name itself added (a country's name is never foreign).
        let own = super::evidence::sign_weight(list);
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
        elsewhere
            && others <= 0.0
            && !matches!(entry.kind, EntryKind::Country | EntryKind::Region)
            && (entry.population < FOREIGN_MIN || !entry.literal)
            && !holders.readings.iter().any(|c| inside(entry, c))
    }
}

/// The town that bears a division's name and lies at its point (its seat), looked up by the
/// division's name and by the name as written ("Foo" for "Foo County").
fn seat_of(index: &PlaceIndex, division: &Toponym, written: &str) -> Option<Toponym> {
    let by_name = index.scored(&division.name, CANDIDATES);
    let as_written = index.scored(written, CANDIDATES);
    by_name
        .into_iter()
        .chain(as_written)
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
    // "Foo Governorate" as the gazetteer writes the division's own name.
    let own = end > start + 1 && lex.value(Sec::KindAdmin, &toks[end - 1].lower) == Some("admin1");
    before || after || own || in_listed_divisions(lex, toks, start, end)
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
