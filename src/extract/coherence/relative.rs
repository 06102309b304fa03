//! Stage 1, extract: a place said to lie in a direction from another ("A, north of B", "the
//! A area, 20 km south of B") lies near B, the place the writer expects the reader to know.
//! When the reading chosen for A lies far from B, it is a namesake of a place the gazetteer
//! lacks: A is read as a namesake near B when there is one, and dropped otherwise.

use super::super::lexicon::{Lexicon, Sec};
use super::super::offset::direction_before;
use super::super::place_index::Toponym;
use super::super::resolve::Scored;
use super::super::toponyms::PlaceMatch;
use crate::gazetteer::EntryKind;
use crate::reference::distance_km;

/// How far a place said to lie in a direction from another may lie from it, at least; a
/// distance given in the text allows up to [`STATED_FACTOR`] times that distance.
const NEAR_KM: f64 = 150.0;

/// How many times the distance the text gives a place may lie from the place it is measured
/// from (gazetteer points and rounded distances).
const STATED_FACTOR: f64 = 2.0;

/// Applies the rule of the module docs to every pair of names `A [kind] [,] [distance]
/// direction of B` in `out` (`chosen[i]` is the index in `lists` of the readings of
/// `out[i]`).
pub(in crate::extract) fn cohere_relative(
    lex: &Lexicon,
    out: &mut Vec<PlaceMatch>,
    chosen: &mut Vec<usize>,
    lists: &[Scored],
    words: &[&str],
) {
    let mut drop = vec![false; out.len()];
    for i in 1..out.len() {
        let (x, y) = (&out[i - 1], &out[i]);
        let Some(limit_km) = related_within(lex, words, x.end, y.start) else {
            continue;
        };
        // The place measured from is the one the writer expects the reader to know.
        let (stray, anchor) = (i - 1, i);
        let (s, a) = (&out[stray].entry, &out[anchor].entry);
        if s.kind != EntryKind::Populated || far(s, a) <= limit_km {
            continue;
        }
        let near = lists[chosen[stray]]
            .iter()
            .find(|(t, _)| t.kind == EntryKind::Populated && far(t, a) <= limit_km)
            .map(|(t, _)| t.clone());
        match near {
            Some(t) => out[stray].entry = t,
            None => drop[stray] = true,
        }
    }
    let keep: Vec<bool> = drop.iter().map(|d| !d).collect();
    super::keep_marked(out, chosen, &keep);
}

/// The farthest two places may lie apart when the words from `end` (after the first) to
/// `next` (the second) say the first lies in a direction from the second: kind words ("area",
/// "village") and a comma may stand before the direction ("A area, north of B").
fn related_within(lex: &Lexicon, words: &[&str], end: usize, next: usize) -> Option<f64> {
    let (start, km) = direction_before(lex, words, end, next)?;
    let gap = words.get(end..start)?;
    let filler = |w: &&str| {
        *w == ","
            || lex.has(Sec::KindTown, w)
            || lex.value(Sec::KindAdmin, w).is_some()
            || lex.value(Sec::PlaceParts, w).is_some()
    };
    gap.iter()
        .all(filler)
        .then(|| km.map_or(NEAR_KM, |km| (km * STATED_FACTOR).max(NEAR_KM)))
}

fn far(a: &Toponym, b: &Toponym) -> f64 {
    distance_km(a.lon, a.lat, b.lon, b.lat)
}
