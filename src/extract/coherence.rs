//! Stage 1, ingest/extract: spatial coherence over the names of an article as resolved. A
//! small town alone in its country, in an article that names two or more places in one other
//! country, is a namesake: it is read in that country when it has a namesake there, and
//! dropped otherwise (CLIFF and Mordecai use the article's country focus the same way).
//! A name followed by its division or country ("X, Y", "X (Y)") is read inside it, and a
//! reading outside it is a namesake of a place the gazetteer lacks.

mod cueless;
mod held;
mod holders;
mod near_town;
mod phrasing;
mod province;
mod relative;
mod seats;

pub(super) use cueless::cohere_cueless;
pub(super) use held::add_held_readings;
pub(super) use holders::{
    bare_name, holders_by_name, names_a_division, namesake_outside, unknown_name_before, Holders,
};
pub(super) use near_town::{far_from_town_after, far_from_what_it_is_near};
pub(super) use phrasing::{
    after_kind_word, division_of, follows_in, in_part_of, is_kind_word, of_then,
};
pub(super) use province::cohere_province;
pub(super) use relative::cohere_relative;
pub(super) use seats::seat_as_province;

use super::hash::{FastMap, FastSet};
use super::place_index::Toponym;
use super::realms::{realm, same_realm};
use super::resolve::Scored;
use super::toponyms::PlaceMatch;
use crate::gazetteer::{fold, EntryKind};

/// Towns from this size on stay where they are when they are the only place of their
/// country in an article about another ([`cohere`]).
const LONE_MIN: u64 = 1_000_000;

/// A place abroad below this size, written only by one of its other names ("Eboracum" for
/// York), is a namesake in an article about another country ([`cohere`]).
const ALIAS_ABROAD_MAX: u64 = 200_000;

/// True when the name as written is neither the entry's name nor a shortening of it: it
/// matched one of the entry's other names only.
fn alias_only(written: &str, name: &str) -> bool {
    super::resolve::other_name(&fold(written), &fold(name))
}

/// How many times more places the article's own country must have than another for that
/// other country's few small towns to count as stray namesakes ([`cohere`]).
const LONE_SHARE: usize = 4;

/// Spatial coherence over the names as resolved: a small town alone in its country (or one
/// of a few there, in an article naming at least [`LONE_SHARE`] times as many places in
/// another country), in an article that names two or more places in another country, is
/// read in that country when it has a namesake there, and dropped otherwise.
pub(super) fn cohere(
    text: &str,
    out: &mut Vec<PlaceMatch>,
    chosen: &mut Vec<usize>,
    lists: &[Scored],
) {
    // Distinct places per country: a name written five times is still one place.
    let mut ids: FastMap<&str, FastSet<&str>> = FastMap::default();
    // A world region has no country: it says nothing about the article's country.
    // (A territory counts with its state: Saipan and Guam in a text about the US.)
    for m in out.iter().filter(|m| !m.entry.country_code.is_empty()) {
        ids.entry(realm(&m.entry.country_code))
            .or_default()
            .insert(m.entry.id.as_str());
    }
    let counts: FastMap<&str, usize> = ids.iter().map(|(c, set)| (*c, set.len())).collect();
    // On a tie, the country the article names as a country is its own.
    let named: FastSet<&str> = out
        .iter()
        .filter(|m| m.entry.kind == EntryKind::Country)
        .map(|m| realm(&m.entry.country_code))
        .collect();
    let Some((home, &home_count)) = counts
        .iter()
        .filter(|(_, n)| **n >= 2)
        .max_by_key(|(c, n)| (**n, named.contains(**c), std::cmp::Reverse(**c)))
    else {
        return;
    };
    let home = home.to_string();
    let lone: Vec<bool> = out
        .iter()
        .map(|m| {
            !same_realm(&m.entry.country_code, &home)
                && m.entry.kind == EntryKind::Populated
                && m.entry.population < LONE_MIN
                && (counts
                    .get(realm(&m.entry.country_code))
                    .is_some_and(|&n| n == 1 || n * LONE_SHARE <= home_count)
                    || (m.entry.population < ALIAS_ABROAD_MAX
                        && alias_only(&text[m.byte_start..m.byte_end], &m.entry.name)))
        })
        .collect();
    let mut keep = Vec::with_capacity(out.len());
    let mut keep_chosen = Vec::with_capacity(chosen.len());
    for (i, mut m) in out.drain(..).enumerate() {
        if lone[i] {
            let local = lists[chosen[i]]
                .iter()
                .find(|(t, _)| same_realm(&t.country_code, &home) && t.kind != EntryKind::Country);
            match local {
                Some((t, _)) => m.entry = t.clone(),
                None => continue,
            }
        }
        keep.push(m);
        keep_chosen.push(chosen[i]);
    }
    *out = keep;
    *chosen = keep_chosen;
}

/// Keeps the names marked in `keep` (one mark per name) and their lists' indices in `chosen`.
fn keep_marked(out: &mut Vec<PlaceMatch>, chosen: &mut Vec<usize>, keep: &[bool]) {
    let mut marks = keep.iter();
    out.retain(|_| marks.next().copied().unwrap_or(true));
    let mut marks = keep.iter();
    chosen.retain(|_| marks.next().copied().unwrap_or(true));
}

/// The province a place lies in; a province is its own.
pub(super) fn province_of(t: &super::place_index::Toponym) -> Option<&str> {
    match t.kind {
        EntryKind::Admin1 => Some(t.name.as_str()),
        _ => t.admin1.as_deref(),
    }
}

/// True when `t` lies in the division or country `container`. A second-level division
/// holds what lies in its own province (the gazetteer names no district of a town); so does
/// a town that stands for its province ("in Idleb province", see `holders::within`).
pub(super) fn inside(t: &Toponym, container: &Toponym) -> bool {
    t.country_code == container.country_code
        && match container.kind {
            EntryKind::Populated => t.admin1.is_some() && t.admin1 == container.admin1,
            EntryKind::Country => true,
            EntryKind::Admin1 => t
                .admin1
                .as_deref()
                .is_some_and(|a| fold(a) == fold(&container.name)),
            EntryKind::Admin2 => {
                t.id == container.id || t.admin1.is_some() && t.admin1 == container.admin1
            }
            _ => false,
        }
}
