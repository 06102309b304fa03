//! Stage 1, extract: "X, Y" where Y is a town: X lies at or near Y (a neighbourhood, a
//! village of its district), so a small town called X far from every town called Y is a
//! namesake of a place the gazetteer lacks. "Ermita, Manila" is no Ermita 400 km away.

use super::super::lexicon::{Lexicon, Sec};
use super::super::resolve::Scored;
use super::super::text::Token;
use super::super::toponyms::RawMatch;
use super::phrasing::{after_kind_word, in_list};
use crate::extract::place_index::Toponym;
use crate::gazetteer::EntryKind;
use crate::reference::distance_km;

/// How far from the town named after it a place may lie and still be near it.
const NEAR_TOWN_KM: f64 = 75.0;

/// Towns from this size on stay: "A, B" may be two known towns side by side.
const FAR_MAX: u64 = 50_000;

/// True when reading `entry` of name `k` is a small town, the name is followed by a comma
/// and a name that reads only as towns (not one of a list "X, Y and Z"), some in `entry`'s
/// country, and `entry` lies farther than [`NEAR_TOWN_KM`] from every one of them.
pub(in crate::extract) fn far_from_town_after(
    lex: &Lexicon,
    k: usize,
    raw: &[RawMatch],
    toks: &[Token],
    lists: &[Scored],
    entry: &Toponym,
) -> bool {
    if entry.kind != EntryKind::Populated || entry.population >= FAR_MAX {
        return false;
    }
    let (Some(&(_, x_end, _, _)), Some(&(y_start, _, _, _))) = (raw.get(k), raw.get(k + 1)) else {
        return false;
    };
    let end = after_kind_word(lex, toks, x_end);
    let comma = toks.get(end).is_some_and(|t| t.lower == ",") && y_start == end + 1;
    // ("A, B and C", "A, B or C": places side by side.)
    let listed = in_list(lex, k + 1, raw, toks)
        || toks
            .get(raw[k + 1].1)
            .is_some_and(|t| lex.has(Sec::Coordinators, &t.lower));
    if !comma || listed {
        return false;
    }
    let Some(list) = lists.get(k + 1) else {
        return false;
    };
    // (A name that is also a division or a country, "X, Donetsk", "X, Bam", holds X as a
    // division: see `namesake_outside`.)
    let division = list.iter().any(|(t, _)| t.kind != EntryKind::Populated);
    // Only towns of X's country say where X is.
    let mut towns = list
        .iter()
        .filter(|(t, _)| t.country_code == entry.country_code)
        .peekable();
    !division
        && towns.peek().is_some()
        && towns
            .map(|(t, _)| distance_km(entry.lon, entry.lat, t.lon, t.lat))
            .all(|km| km > NEAR_TOWN_KM)
}

/// How far from the point of a province named after "near" a place may lie.
const NEAR_PROVINCE_KM: f64 = 300.0;

/// True when reading `entry` of name `k` is a small town and the words after the name say
/// it lies by the next name ("X near Y", "X village, close to the town of Y"; a lexicon's
/// `near_links`), and `entry` lies farther than [`NEAR_TOWN_KM`] from every town or
/// district called Y ([`NEAR_PROVINCE_KM`] from a province). Such a reading is a namesake of
/// a place the gazetteer lacks, which the text places near Y. Not after a country ("near
/// the border with Y" says nothing of how far).
pub(in crate::extract) fn far_from_what_it_is_near(
    lex: &Lexicon,
    words: &[&str],
    k: usize,
    raw: &[RawMatch],
    toks: &[Token],
    lists: &[Scored],
    entry: &Toponym,
) -> bool {
    // (A larger town stays, unless the name as written only matched it after folding.)
    if entry.kind != EntryKind::Populated || entry.population >= FAR_MAX && entry.literal {
        return false;
    }
    let (Some(&(_, x_end, _, _)), Some(&(y_start, _, _, _))) = (raw.get(k), raw.get(k + 1)) else {
        return false;
    };
    let mut from = after_kind_word(lex, toks, x_end);
    if words.get(from) == Some(&",") {
        from += 1;
    }
    let Some(link) = lex.patterns(Sec::NearLinks).match_at(words, from, y_start) else {
        return false;
    };
    // ("near the town of Y": an article, a word for Y's kind and "of" may stand between.)
    let mut at = link.end;
    if words.get(at).is_some_and(|w| lex.has(Sec::Articles, w)) {
        at += 1;
    }
    let kind = |w: &&str| lex.has(Sec::KindTown, w) || lex.value(Sec::KindAdmin, w).is_some();
    let of = |w: &&str| lex.has(Sec::GenitiveOf, w);
    if words.get(at).is_some_and(kind) && words.get(at + 1).is_some_and(of) {
        at += 2;
    }
    let Some(list) = lists.get(k + 1).filter(|_| at == y_start) else {
        return false;
    };
    let near = |t: &Toponym| {
        let km = distance_km(entry.lon, entry.lat, t.lon, t.lat);
        match t.kind {
            EntryKind::Country | EntryKind::Region => true,
            EntryKind::Admin1 => km <= NEAR_PROVINCE_KM,
            _ => km <= NEAR_TOWN_KM,
        }
    };
    !list.is_empty() && !list.iter().any(|(t, _)| near(t))
}
