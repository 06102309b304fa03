//! Stage 1, ingest/extract: spatial coherence over the names of an article as resolved. A
//! small town alone in its country, in an article that names two or more places in one other
//! country, is a namesake: it is read in that country when it has a namesake there, and
//! dropped otherwise (CLIFF and Mordecai use the article's country focus the same way).

use super::hash::FastMap;
use super::resolve::Scored;
use super::text::Token;
use super::toponyms::PlaceMatch;
use crate::gazetteer::EntryKind;

/// Places below this size named in a sentence framed in another province are namesakes
/// ([`cohere_province`]).
const FRAMED_MAX: u64 = 100_000;

/// Towns from this size on stay where they are when they are the only place of their
/// country in an article about another ([`cohere`]).
const LONE_MIN: u64 = 1_000_000;

/// Spatial coherence over the names as resolved: a small town alone in its country, in an
/// article that names two or more places in another country, is read in that country when
/// it has a namesake there, and dropped otherwise.
pub(super) fn cohere(out: &mut Vec<PlaceMatch>, chosen: &mut Vec<usize>, lists: &[Scored]) {
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
    let mut keep_chosen = Vec::with_capacity(chosen.len());
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
        keep_chosen.push(chosen[i]);
    }
    *out = keep;
    *chosen = keep_chosen;
}

/// Province coherence within a sentence: "in X, Y" (a place and the province it lies in, or
/// "X (Y)") frames its sentence in Y. Another small place of the same country named in that
/// sentence but lying in another province, and not framed itself, is a namesake ("in Celaya,
/// Guanajuato, ... in the Camargo community" is no Camargo 800 km away): it is read in Y when
/// it has a namesake there, and dropped otherwise (then it is a name the gazetteer lacks).
/// `initial` marks the first token of every sentence.
pub(super) fn cohere_province(
    out: &mut Vec<PlaceMatch>,
    chosen: &mut Vec<usize>,
    lists: &[Scored],
    toks: &[Token],
    initial: &[bool],
) {
    if out.len() < 2 {
        return;
    }
    let ids: Vec<usize> = initial
        .iter()
        .scan(0usize, |n, &b| {
            *n += usize::from(b);
            Some(*n)
        })
        .collect();
    let sentence_of = |t: usize| ids.get(t).copied().unwrap_or(0);
    // (sentence, country, province) of every framing pair; the places in a pair.
    let mut frames: Vec<(usize, String, String)> = Vec::new();
    let mut paired = vec![false; out.len()];
    for i in 1..out.len() {
        let (x, y) = (&out[i - 1], &out[i]);
        let joined = y.start == x.end + 1
            && toks
                .get(x.end)
                .is_some_and(|t| matches!(t.lower.as_str(), "," | "("));
        let province = province_of(&x.entry);
        let same = province.is_some()
            && province == province_of(&y.entry)
            && x.entry.country_code == y.entry.country_code;
        if let (true, Some(a)) = (joined && same, province) {
            paired[i - 1] = true;
            paired[i] = true;
            frames.push((
                sentence_of(x.start),
                x.entry.country_code.clone(),
                a.to_string(),
            ));
        }
    }
    if frames.is_empty() {
        return;
    }
    let mut keep_out = Vec::with_capacity(out.len());
    let mut keep_chosen = Vec::with_capacity(chosen.len());
    for (i, mut m) in out.drain(..).enumerate() {
        let sentence = sentence_of(m.start);
        let frame = frames
            .iter()
            .find(|(s, c, _)| *s == sentence && *c == m.entry.country_code);
        let stray = frame.filter(|(_, _, a)| {
            !paired[i]
                && m.entry.kind == EntryKind::Populated
                && m.entry.population < FRAMED_MAX
                && province_of(&m.entry) != Some(a.as_str())
        });
        if let Some((_, country, province)) = stray {
            let local = lists[chosen[i]].iter().find(|(t, _)| {
                t.country_code == *country && province_of(t) == Some(province.as_str())
            });
            match local {
                Some((t, _)) => m.entry = t.clone(),
                None => continue,
            }
        }
        keep_out.push(m);
        keep_chosen.push(chosen[i]);
    }
    *out = keep_out;
    *chosen = keep_chosen;
}

/// The province a place lies in; a province is its own.
fn province_of(t: &super::place_index::Toponym) -> Option<&str> {
    match t.kind {
        EntryKind::Admin1 => Some(t.name.as_str()),
        _ => t.admin1.as_deref(),
    }
}
