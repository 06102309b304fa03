//! Stage 1, ingest/extract: the divisions and countries the words right after a name place
//! it in ("X, Y", "X (Y)", "X in Y province"), and the readings of the name those holders
//! contradict (a namesake of a place the gazetteer lacks). The words that join a name to
//! its holder are read in [`super::phrasing`].

mod containers;

use super::super::hash::FastMap;
use super::super::lexicon::Lexicon;
use super::super::resolve::Scored;
use super::super::text::Token;
use super::super::toponyms::RawMatch;
use super::inside;
use super::phrasing::{division_word_after, follows_in, origin_before};
use crate::extract::place_index::Toponym;
use crate::gazetteer::{fold, EntryKind};
use crate::reference::distance_km;
use containers::containers;
pub(in crate::extract) use containers::{bare_name, unknown_name_before};

/// Populated places from this size on are not dropped for lying outside the division named
/// after them ([`namesake_outside`]): "A, B" may be two well-known places.
const OUTSIDE_MAX: u64 = 50_000;

/// ... unless every division or country named after them is in another country: "A, B" with
/// a town A abroad and a province B is an address of a place the gazetteer lacks, not two
/// places side by side, for all towns but the largest cities ("Mosul, Aleppo").
const ABROAD_OUTSIDE_MAX: u64 = 1_000_000;

/// True when some reading of a name is a province or a country: in an address that is what
/// the name means ("X, Tocantins"), not a district of the same name.
pub(in crate::extract) fn names_a_division(list: &[(Toponym, f64)]) -> bool {
    list.iter()
        .any(|(t, _)| matches!(t.kind, EntryKind::Admin1 | EntryKind::Country))
}

/// The divisions a name is placed in, and whether the text says so firmly.
#[derive(Debug, Clone, Default)]
pub(in crate::extract) struct Holders<'a> {
    /// Readings of the division or country names (see [`containers()`], [`within`]).
    pub readings: Vec<&'a Toponym>,
    /// "X, Y", "X (Y)", "X in Y": a reading of X outside them all is a namesake. After "from"
    /// ("from X in Y") the text only ranks X's readings inside Y higher: Y may be where
    /// someone from X is now.
    pub firm: bool,
    /// Every country in which a name holding this one has a reading of any kind (a town, a
    /// district): "Banfora, Comoe" may name a district of the town's country even when the
    /// holders are only a province abroad.
    pub countries: Vec<&'a str>,
}

/// How many names after a name may hold it ("X, Z, Y", "X (Z, Y)"; "X in Y": the next).
const HOLDER_NAMES: usize = 2;

/// The countries of every reading of the names whose readings `readings` are, among the
/// [`HOLDER_NAMES`] names after name `k`.
fn holder_countries<'a>(k: usize, lists: &'a [Scored], readings: &[&'a Toponym]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for list in lists.iter().skip(k + 1).take(HOLDER_NAMES) {
        if readings
            .iter()
            .any(|r| list.iter().any(|(t, _)| std::ptr::eq(t, *r)))
        {
            for (t, _) in list.iter() {
                if !out.contains(&t.country_code.as_str()) {
                    out.push(t.country_code.as_str());
                }
            }
        }
    }
    out
}

/// The divisions of every name: [`containers()`], else [`within`]. A name written again
/// without its division ("near X, Y. ... near X.") keeps the divisions of its first
/// occurrence that had them, so that one name is read alike throughout.
pub(in crate::extract) fn holders_by_name<'a>(
    lex: &Lexicon,
    raw: &[RawMatch],
    toks: &[Token],
    lists: &'a [Scored],
) -> Vec<Holders<'a>> {
    let mut all: Vec<Holders> = (0..raw.len())
        .map(|k| {
            let firm = containers(lex, k, raw, toks, lists);
            if firm.is_empty() {
                let said = division_word_after(lex, k + 1, raw, toks);
                let readings = within(lex, k, raw, toks, lists, said);
                Holders {
                    firm: !readings.is_empty() && !origin_before(lex, k, raw, toks),
                    countries: holder_countries(k, lists, &readings),
                    readings,
                }
            } else {
                Holders {
                    countries: holder_countries(k, lists, &firm),
                    readings: firm,
                    firm: true,
                }
            }
        })
        .collect();
    let mut first: FastMap<*const (Toponym, f64), usize> = FastMap::default();
    for (k, h) in all.iter().enumerate() {
        if !h.readings.is_empty() {
            if let Some(list) = lists.get(k) {
                let j = first.entry(list.as_ptr()).or_insert(k);
                // A firm statement wins over a soft one.
                if h.firm && !all[*j].firm {
                    *j = k;
                }
            }
        }
    }
    for k in 0..all.len() {
        if all[k].readings.is_empty() {
            let from = lists.get(k).and_then(|l| first.get(&l.as_ptr()));
            if let Some(&j) = from {
                all[k] = all[j].clone();
            }
        }
    }
    all
}

/// The first-level divisions that "X in Y", "X in the Y ..." places name `k` in: every
/// candidate of Y that is a first-level division. When the text says Y is a division
/// (`division_said`: "in Y province") and Y is written only as its capital is ("Idleb"),
/// the capital's best reading stands for its province (see [`inside`]).
fn within<'a>(
    lex: &Lexicon,
    k: usize,
    raw: &[RawMatch],
    toks: &[Token],
    lists: &'a [Scored],
    division_said: bool,
) -> Vec<&'a Toponym> {
    if !follows_in(lex, k + 1, raw, toks) {
        return Vec::new();
    }
    let divisions = readings(lists, k, k + 1, |t| t.kind == EntryKind::Admin1);
    if !divisions.is_empty() || !division_said {
        return divisions;
    }
    let capital = lists
        .get(k + 1)
        .and_then(|l| l.first())
        .map(|(t, _)| t)
        .filter(|t| t.kind == EntryKind::Populated && t.admin1.is_some());
    capital.into_iter().collect()
}

/// The readings of name `j` of the kinds `holds` accepts that may hold name `k`: the best of
/// them, and any other in a country where `k` has a reading too (a division of the same
/// name elsewhere in the world is not what the text means).
fn readings<'a>(
    lists: &'a [Scored],
    k: usize,
    j: usize,
    holds: impl Fn(&Toponym) -> bool,
) -> Vec<&'a Toponym> {
    let x: &[(Toponym, f64)] = lists.get(k).map_or(&[], |l| &l[..]);
    let y: &'a [(Toponym, f64)] = lists.get(j).map_or(&[], |l| &l[..]);
    let shared = |t: &Toponym| x.iter().any(|(c, _)| c.country_code == t.country_code);
    y.iter()
        .map(|(t, _)| t)
        .filter(|t| holds(t))
        .enumerate()
        .filter(|(i, t)| *i == 0 || shared(t))
        .map(|(_, t)| t)
        .collect()
}

/// True when the reading `entry` of a name contradicts the divisions or countries named
/// firmly after it (`holders`, see [`containers()`]): a town of less than [`OUTSIDE_MAX`]
/// people ([`ABROAD_OUTSIDE_MAX`] when no name after it has any reading in the town's
/// country; of any size when the name as written matched only after folding, approximately or
/// as a machine romanisation: "Marabo" is no Malabo, see [`Toponym::literal`], and abroad
/// when it matched under another of its names: "Mambasa" is no Mombasa), or a
/// second-level division, that lies in none of them, unless written as its own full name (no
/// shortening: "Reyes" is not "Reyes Acozac") and near one of them in its country ([`across_the_border`]; not when the text also names a district
/// the gazetteer knows, which pins the place down). Such a reading is a
/// namesake of a place the gazetteer lacks (most often a village); the division, resolved on
/// its own, then says where it is. Countries, first-level divisions and larger towns are
/// never dropped this way: "A, B" may also be two places side by side.
pub(in crate::extract) fn namesake_outside(
    entry: &Toponym,
    holders: &Holders<'_>,
    written: &str,
) -> bool {
    let abroad = !holders.countries.contains(&entry.country_code.as_str());
    // A large city abroad under another of its names ("Mambasa" for Mombasa) is no
    // well-known place standing beside the division: the name is a place the gazetteer lacks.
    let own_name = fold(written) == fold(&entry.name);
    let holders = &holders.readings;
    let size_max = if abroad {
        ABROAD_OUTSIDE_MAX
    } else {
        OUTSIDE_MAX
    };
    matches!(entry.kind, EntryKind::Populated | EntryKind::Admin2)
        && (entry.population < size_max || !entry.literal || (abroad && !own_name))
        && !holders.is_empty()
        && !holders.iter().any(|c| inside(entry, c))
        && (entry.admin1.is_some() || !holders.iter().any(|c| c.country_code == entry.country_code))
        && !(entry.literal
            && fold(written) == fold(&entry.name)
            && holders.iter().all(|c| c.kind != EntryKind::Admin2)
            && holders.iter().any(|c| across_the_border(entry, c)))
}

/// How far from the point of a division of its own country a town spelt as written may lie
/// and still be the place meant when the gazetteer files it under the neighbouring division:
/// near a boundary the text and the gazetteer may disagree on which side a town lies.
const BORDER_KM: f64 = 150.0;

/// True when `entry` lies in `container`'s country within [`BORDER_KM`] of its point.
fn across_the_border(entry: &Toponym, container: &Toponym) -> bool {
    entry.country_code == container.country_code
        && distance_km(entry.lon, entry.lat, container.lon, container.lat) <= BORDER_KM
}
