//! Gazetteer (used by geocode and extract): looking a name up in the layers and ranking the
//! candidates with the score documented in `rank`.

use std::fmt::Write as _;

use fst::{IntoStreamer, Streamer};

mod score;

use super::fuzzy::max_edits;
use super::index::Posting;
use super::rank::{self, Match};
use super::{Candidate, Context, EntryKind, Gazetteer, Resolution};
use crate::reference::{fold, fold_literal};
use score::{literal_match, own_name, score};

/// Candidates returned by default (best + alternatives).
pub(crate) const DEFAULT_LIMIT: usize = 10;
/// Names longer than this (characters) are no place names: not found, no search.
const MAX_NAME_CHARS: usize = 200;
/// Keys an approximate search visits at most.
const FUZZY_CAP: usize = 400;

/// A matching record before ranking.
#[derive(Debug, Clone, Copy)]
struct Hit {
    layer: usize,
    posting: Posting,
    matched: Match,
    /// Matched after splitting off a type word ("governorate").
    hinted: bool,
}

/// A hit with its score.
#[derive(Debug, Clone, Copy)]
struct Scored {
    hit: Hit,
    score: f64,
}

/// The query as the ranking sees it.
struct Query<'a> {
    literal: String,
    hint: Option<rank::Hint>,
    context: &'a Context,
    /// A city of [`rank::OWN_CITY_MIN`] people or more bears the name as its own: towns
    /// that have it only among their other names rank lower.
    own_city: bool,
    /// (country, admin1 code) of the countries (no code) and first-level divisions that
    /// bear the name as their own: towns outside them that have it only among their other
    /// names rank lower.
    own_divisions: Vec<(String, Option<String>)>,
}

/// Looks `name` up and ranks what it finds: the best candidate and up to `limit - 1`
/// alternatives, or suggestions when nothing matches.
pub(crate) fn resolve<'g>(
    g: &'g Gazetteer,
    name: &str,
    context: &Context,
    only: Option<EntryKind>,
    limit: usize,
    explain: bool,
) -> Resolution<'g> {
    if name.chars().nth(MAX_NAME_CHARS).is_some() {
        return Resolution::NotFound {
            suggestions: Vec::new(),
        };
    }
    let key = fold(name);
    if key.is_empty() {
        return Resolution::NotFound {
            suggestions: Vec::new(),
        };
    }
    let mut query = Query {
        literal: fold_literal(name),
        hint: rank::kind_hint(&key),
        context,
        own_city: false,
        own_divisions: Vec::new(),
    };
    let hits = lookup(g, &key, &mut query);
    own_names(g, &hits, &mut query);
    let mut scored = rank_hits(g, &hits, &query, only);
    if scored.is_empty() {
        return Resolution::NotFound {
            suggestions: suggestions(g, &key, &query),
        };
    }
    scored.truncate(limit);
    found(g, &scored, &query, explain)
}

/// The records bearing the name: exactly (with the name less its type word when no record
/// of the asked kind bears it whole), else with its direction in English, else the name less
/// a direction, else approximately.
fn lookup(g: &Gazetteer, key: &str, query: &mut Query<'_>) -> Vec<Hit> {
    let mut hits = exact_hits(g, key, false);
    if let Some(hint) = &query.hint {
        // "Yuba City", "Mexico City": a place of the asked kind named so in full is what
        // the name means; places named only "Yuba" or "Mexico" are other places.
        let whole_named = hits
            .iter()
            .any(|&hit| g.layers[hit.layer].index.meta(hit.posting.record).kind == hint.kind);
        if !whole_named {
            hits.extend(exact_hits(g, &hint.core, true));
        }
    }
    // ("Noord-Kivu": the gazetteer's "North Kivu".)
    if hits.is_empty() {
        if let Some(english) = rank::direction_in_english(key) {
            hits = exact_hits(g, &english, false);
            query.literal = fold_literal(&english);
        }
    }
    if hits.is_empty() {
        if let Some(core) = rank::without_direction(key) {
            hits = exact_hits(g, &core, false);
            query.literal = fold_literal(&core);
        }
    }
    if hits.is_empty() {
        hits = fuzzy_hits(g, key, max_edits(key));
    }
    hits
}

/// Notes which places bear the name as their own: a large city, countries and first-level
/// divisions (towns that have it only among their other names rank lower).
fn own_names(g: &Gazetteer, hits: &[Hit], query: &mut Query<'_>) {
    query.own_city = hits.iter().any(|&hit| {
        let meta = g.layers[hit.layer].index.meta(hit.posting.record);
        meta.kind == EntryKind::Populated
            && meta.population >= rank::OWN_CITY_MIN
            && own_name(g, hit, query)
    });
    // ("New Jersey": the state, not a town elsewhere with the state's name among its others.)
    query.own_divisions = hits
        .iter()
        .filter(|&&hit| own_name(g, hit, query))
        .filter_map(|&hit| {
            let index = &g.layers[hit.layer].index;
            let meta = index.meta(hit.posting.record);
            let country = String::from_utf8_lossy(&meta.country).into_owned();
            match meta.kind {
                EntryKind::Country => Some((country, None)),
                EntryKind::Admin1 => Some((
                    country,
                    index.admin1_code(hit.posting.record).map(str::to_string),
                )),
                _ => None,
            }
        })
        .collect();
}

/// The ranked hits as candidates: the best (with, when explaining, its lead over the next)
/// and the alternatives.
fn found<'g>(
    g: &'g Gazetteer,
    scored: &[Scored],
    query: &Query<'_>,
    explain: bool,
) -> Resolution<'g> {
    let next = scored
        .get(1)
        .filter(|_| explain)
        .map(|s| (describe(g, s.hit), s.score));
    let mut candidates: Vec<Candidate<'g>> = scored
        .iter()
        .map(|s| {
            let mut reason = String::new();
            let score = if explain {
                score(g, s.hit, query, Some(&mut reason))
            } else {
                s.score
            };
            Candidate {
                entry: g.layers[s.hit.layer].index.entry(s.hit.posting.record),
                score,
                reason,
                literal: literal_match(g, s.hit, query),
            }
        })
        .collect();
    let mut best = candidates.remove(0);
    if let Some((name, next_score)) = next {
        let _ = write!(
            best.reason,
            "; ahead of {name} ({next_score:.2}) by {:.2}",
            best.score - next_score
        );
    }
    Resolution::Found {
        best,
        alternatives: candidates,
    }
}

/// Every record of every layer whose folded name is `key` (`hinted`: the key is the name
/// less its type word).
fn exact_hits(g: &Gazetteer, key: &str, hinted: bool) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut postings = Vec::new();
    for (layer, l) in g.layers.iter().enumerate() {
        postings.clear();
        l.index.exact(key, &mut postings);
        hits.extend(postings.iter().map(|&posting| Hit {
            layer,
            posting,
            matched: Match::Folded,
            hinted,
        }));
    }
    hits
}

/// Every record of every layer whose folded name lies within `edits` edits of `key`
/// (none for 0 edits), at most [`FUZZY_CAP`] keys per layer.
fn fuzzy_hits(g: &Gazetteer, key: &str, edits: u8) -> Vec<Hit> {
    let mut hits = Vec::new();
    if edits == 0 {
        return hits;
    }
    let mut found = Vec::new();
    for (layer, l) in g.layers.iter().enumerate() {
        found.clear();
        l.index.fuzzy(key, edits, FUZZY_CAP, &mut found);
        hits.extend(found.iter().map(|&(posting, d)| Hit {
            layer,
            posting,
            matched: if d == 0 {
                Match::Folded
            } else {
                Match::Fuzzy(d)
            },
            hinted: false,
        }));
    }
    hits
}

/// Scores hits, keeps the best per entry (and per GeoNames id across layers), sorts them.
fn rank_hits(
    g: &Gazetteer,
    hits: &[Hit],
    query: &Query<'_>,
    only: Option<EntryKind>,
) -> Vec<Scored> {
    let mut scored: Vec<Scored> = hits
        .iter()
        .filter(|h| only.is_none_or(|k| g.layers[h.layer].index.meta(h.posting.record).kind == k))
        .map(|&hit| Scored {
            hit,
            score: score(g, hit, query, None),
        })
        .collect();
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.hit.layer.cmp(&b.hit.layer))
            .then(a.hit.posting.record.cmp(&b.hit.posting.record))
    });
    let mut seen: Vec<(usize, u32)> = Vec::new();
    let mut seen_ids: Vec<u32> = Vec::new();
    scored.retain(|s| {
        let index = &g.layers[s.hit.layer].index;
        let key = (s.hit.layer, s.hit.posting.record);
        let id = index.meta(s.hit.posting.record).id_number;
        if seen.contains(&key) || id.is_some_and(|id| seen_ids.contains(&id)) {
            return false;
        }
        seen.push(key);
        seen_ids.extend(id);
        true
    });
    scored
}

/// "Al Ḩasakah (SY, geonames:173811)".
fn describe(g: &Gazetteer, hit: Hit) -> String {
    let e = g.layers[hit.layer].index.entry(hit.posting.record);
    format!("{} ({}, {})", e.name, e.country_code, e.id)
}

/// Up to 5 names close to an unknown one, best first.
fn suggestions(g: &Gazetteer, key: &str, query: &Query<'_>) -> Vec<String> {
    if key.chars().count() < 3 || key.len() > 255 {
        return Vec::new();
    }
    let hits = fuzzy_hits(g, key, (max_edits(key) + 1).min(2));
    let mut out: Vec<String> = Vec::new();
    for s in rank_hits(g, &hits, query, None) {
        let e = g.layers[s.hit.layer].index.entry(s.hit.posting.record);
        let text = format!("{} ({})", e.name, e.country_code);
        if !out.contains(&text) {
            out.push(text);
        }
        if out.len() == 5 {
            break;
        }
    }
    out
}

/// How many records of all layers bear the name exactly (after folding).
pub(crate) fn count_exact(g: &Gazetteer, name: &str) -> usize {
    count_key(g, &fold(name))
}

/// How many records of all layers bear the folded `key` exactly.
fn count_key(g: &Gazetteer, key: &str) -> usize {
    let mut postings = Vec::new();
    for l in &g.layers {
        l.index.exact(key, &mut postings);
    }
    postings.len()
}

/// How many records bear the name once its opening direction word is read: with the word in
/// English ("Noord-Kivu": "North Kivu"; `false`), else without it ("Noord-Syrië": a part of
/// "Syrië"; `true`). `None` when the name opens with no direction word or neither is known.
pub(crate) fn count_directed(g: &Gazetteer, name: &str) -> Option<(usize, bool)> {
    let key = fold(name);
    let english = rank::direction_in_english(&key).map(|k| count_key(g, &k));
    if let Some(n) = english.filter(|&n| n > 0) {
        return Some((n, false));
    }
    let core = rank::without_direction(&key)?;
    Some((count_key(g, &core), true)).filter(|&(n, _)| n > 0)
}

/// How many records of all layers bear the name approximately.
pub(crate) fn count_fuzzy(g: &Gazetteer, name: &str) -> usize {
    let key = fold(name);
    fuzzy_hits(g, &key, max_edits(&key)).len()
}

/// Every folded name of the last layer, in key order.
pub(crate) fn folded_names(g: &Gazetteer) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(l) = g.layers.last() {
        let mut stream = l.index.map().keys().into_stream();
        while let Some(k) = stream.next() {
            out.push(String::from_utf8_lossy(k).into_owned());
        }
    }
    out
}
