//! Stage 1, ingest/extract: spatial coherence over the names of an article as resolved. A
//! small town alone in its country, in an article that names two or more places in one other
//! country, is a namesake: it is read in that country when it has a namesake there, and
//! dropped otherwise (CLIFF and Mordecai use the article's country focus the same way).

use super::hash::FastMap;
use super::resolve::Scored;
use super::toponyms::PlaceMatch;
use crate::gazetteer::EntryKind;

/// Towns from this size on stay where they are when they are the only place of their
/// country in an article about another ([`cohere`]).
const LONE_MIN: u64 = 1_000_000;

/// Spatial coherence over the names as resolved: a small town alone in its country, in an
/// article that names two or more places in another country, is read in that country when
/// it has a namesake there, and dropped otherwise.
pub(super) fn cohere(out: &mut Vec<PlaceMatch>, chosen: &[usize], lists: &[Scored]) {
    let mut counts: FastMap<&str, usize> = FastMap::default();
    for m in out.iter() {
        *counts.entry(m.entry.country_code.as_str()).or_default() += 1;
    }
    let Some((home, _)) = counts
        .iter()
        .filter(|(_, n)| **n >= 2)
        .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
    else {
        return;
    };
    let home = home.to_string();
    let lone: Vec<bool> = out
        .iter()
        .map(|m| {
            m.entry.country_code != home
                && m.entry.kind == EntryKind::Populated
                && m.entry.population < LONE_MIN
                && counts.get(m.entry.country_code.as_str()) == Some(&1)
        })
        .collect();
    let mut keep = Vec::with_capacity(out.len());
    for (i, mut m) in out.drain(..).enumerate() {
        if lone[i] {
            let local = lists[chosen[i]]
                .iter()
                .find(|(t, _)| t.country_code == home && t.kind != EntryKind::Country);
            match local {
                Some((t, _)) => m.entry = t.clone(),
                None => continue,
            }
        }
        keep.push(m);
    }
    *out = keep;
}
