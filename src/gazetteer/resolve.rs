//! Gazetteer (used by geocode and extract): looking a name up in the layers and ranking the
//! candidates with the score documented in `rank`.

use std::fmt::Write as _;

use fst::{IntoStreamer, Streamer};

use super::fuzzy::{max_edits, within_edits};
use super::index::{Index, Meta, Posting};
use super::rank::{self, points, Match};
use super::{Candidate, Context, EntryKind, Gazetteer, Resolution};
use crate::reference::{fold, fold_literal};

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
    let mut hits = exact_hits(g, &key, false);
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
    if hits.is_empty() {
        if let Some(core) = rank::without_direction(&key) {
            hits = exact_hits(g, &core, false);
            query.literal = fold_literal(&core);
        }
    }
    if hits.is_empty() {
        hits = fuzzy_hits(g, &key, max_edits(&key));
    }
    query.own_city = hits.iter().any(|&hit| {
        let meta = g.layers[hit.layer].index.meta(hit.posting.record);
        meta.kind == EntryKind::Populated
            && meta.population >= rank::OWN_CITY_MIN
            && own_name(g, hit, &query)
    });
    // ("New Jersey": the state, not a town elsewhere with the state's name among its others.)
    query.own_divisions = hits
        .iter()
        .filter(|&&hit| own_name(g, hit, &query))
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
    let mut scored = rank_hits(g, &hits, &query, only);
    if scored.is_empty() {
        return Resolution::NotFound {
            suggestions: suggestions(g, &key, &query),
        };
    }
    scored.truncate(limit);
    let next = scored
        .get(1)
        .filter(|_| explain)
        .map(|s| (describe(g, s.hit), s.score));
    let mut candidates: Vec<Candidate<'g>> = scored
        .iter()
        .map(|s| {
            let mut reason = String::new();
            let score = if explain {
                score(g, s.hit, &query, Some(&mut reason))
            } else {
                s.score
            };
            Candidate {
                entry: g.layers[s.hit.layer].index.entry(s.hit.posting.record),
                score,
                reason,
                literal: literal_match(g, s.hit, &query),
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

/// True when the hit's name is the name as written, case, accents and punctuation aside
/// (the name less its type word when a type word led to it), and a name people write: a
/// machine romanisation that happens to be spelt like the query (`marabo` for Malabo) is
/// not.
fn literal_match(g: &Gazetteer, hit: Hit, query: &Query<'_>) -> bool {
    let index = &g.layers[hit.layer].index;
    let name = index.name(hit.posting.record, hit.posting.name);
    literal_name(name, hit, query) && !(hit.posting.name > 0 && rank::is_romanisation(name))
}

/// True when the hit's entry bears the name as written as its own (its main name), not
/// only among its other names.
fn own_name(g: &Gazetteer, hit: Hit, query: &Query<'_>) -> bool {
    let index = &g.layers[hit.layer].index;
    literal_name(index.name(hit.posting.record, 0), hit, query)
}

fn literal_name(matched_name: &str, hit: Hit, query: &Query<'_>) -> bool {
    match &query.hint {
        Some(h) if hit.hinted => fold_literal(&h.core) == fold_literal(matched_name),
        _ => query.literal == fold_literal(matched_name),
    }
}

/// The score of a hit; with `explain`, each part that applies is written into it.
fn score(g: &Gazetteer, hit: Hit, query: &Query<'_>, explain: Option<&mut String>) -> f64 {
    let layer = &g.layers[hit.layer];
    let mut parts = Parts {
        total: 0.0,
        explain,
    };
    let meta = layer.index.meta(hit.posting.record);
    name_parts(&mut parts, &layer.index, hit, query);
    if meta.kind == EntryKind::Populated && !own_name(g, hit, query) {
        if query.own_city {
            parts.add(
                points::OTHER_CITY_OWN,
                format_args!("another city bears the name as its own"),
            );
        } else if outside_owning_division(&layer.index, hit, &meta, query) {
            parts.add(
                points::OTHER_CITY_OWN,
                format_args!("a country or division elsewhere bears the name as its own"),
            );
        }
    }
    place_parts(&mut parts, &meta);
    context_parts(&mut parts, &layer.index, hit, &meta, query);
    if layer.precedence != 0.0 {
        parts.add(
            layer.precedence,
            format_args!("from {} (takes precedence)", layer.source),
        );
    }
    parts.total
}

/// True when a country or first-level division bears the query as its own name and the
/// town of hit lies outside it with a main name that is no spelling of the query ("New
/// Jersey" for a town in Michigan that has it among its other names; not "Daraa" for the
/// city in the province of that name, nor "Mykolaiv" for a town named Mykolayiv).
fn outside_owning_division(index: &Index, hit: Hit, meta: &Meta, query: &Query<'_>) -> bool {
    if query.own_divisions.is_empty() {
        return false;
    }
    let main = fold_literal(index.name(hit.posting.record, 0));
    if within_edits(&query.literal, &main, 2) {
        return false;
    }
    let country = String::from_utf8_lossy(&meta.country);
    let admin1 = index.admin1_code(hit.posting.record);
    query
        .own_divisions
        .iter()
        .any(|(c, a)| *c != country || a.as_deref().is_some_and(|code| Some(code) != admin1))
}

/// A score being added up, each part written into the explanation when there is one.
struct Parts<'e> {
    total: f64,
    explain: Option<&'e mut String>,
}

impl Parts<'_> {
    fn add(&mut self, points: f64, what: std::fmt::Arguments<'_>) {
        if let Some(out) = self.explain.as_deref_mut() {
            if !out.is_empty() {
                out.push_str("; ");
            }
            let _ = write!(out, "{what} {points:+.2}");
        }
        self.total += points;
    }
}

/// How the name matched (exactly as written, after folding, approximately), less when only
/// a machine romanisation matched.
fn name_parts(parts: &mut Parts<'_>, index: &Index, hit: Hit, query: &Query<'_>) {
    let matched_name = index.name(hit.posting.record, hit.posting.name);
    let literal = literal_name(matched_name, hit, query);
    let m = match hit.matched {
        Match::Folded if literal => Match::Literal,
        other => other,
    };
    match m {
        Match::Literal => parts.add(m.points(), format_args!("exact match on {matched_name:?}")),
        Match::Folded => parts.add(
            m.points(),
            format_args!("matches {matched_name:?} after transliteration folding"),
        ),
        Match::Fuzzy(d) => parts.add(
            m.points(),
            format_args!("approximate match on {matched_name:?} ({d} edit(s))"),
        ),
    }
    if hit.posting.name > 0 && rank::is_romanisation(matched_name) {
        parts.add(
            points::ROMANISATION,
            format_args!("only a machine romanisation matched"),
        );
    }
}

/// What the place is: its kind and its population.
fn place_parts(parts: &mut Parts<'_>, meta: &Meta) {
    let (kind_points, kind_text) = rank::kind_points(meta.kind, meta.feature);
    if kind_points != 0.0 {
        parts.add(kind_points, format_args!("{kind_text}"));
    }
    if meta.population > 0 {
        parts.add(
            rank::population_points(meta.population),
            format_args!("population {}", meta.population),
        );
    }
}

/// How the place fits the context: the kind asked for, the country, the admin1, and the
/// places already resolved nearby.
fn context_parts(parts: &mut Parts<'_>, index: &Index, hit: Hit, meta: &Meta, query: &Query<'_>) {
    let record = hit.posting.record;
    let ctx = query.context;
    let asked = match (&query.hint, ctx.prefer) {
        (_, Some(kind)) => Some((kind, "the caller asks for")),
        (Some(h), None) if hit.hinted => Some((h.kind, "the name's type word asks for")),
        _ => None,
    };
    if let Some((kind, why)) = asked.filter(|(kind, _)| *kind == meta.kind) {
        parts.add(points::PREFER, format_args!("{why} {}", kind.as_str()));
    }
    let country = std::str::from_utf8(&meta.country).unwrap_or("");
    if ctx
        .country_code
        .as_deref()
        .is_some_and(|c| !country.is_empty() && c.eq_ignore_ascii_case(country))
    {
        parts.add(
            points::COUNTRY,
            format_args!("in the context country {country}"),
        );
    }
    if let Some(admin1) = ctx.admin1.as_deref().filter(|a| !a.trim().is_empty()) {
        let code = index.admin1_code(record).unwrap_or("");
        let wanted = fold(admin1);
        let same = code.eq_ignore_ascii_case(admin1.trim())
            || index
                .admin1_names(record)
                .split('|')
                .any(|n| !n.is_empty() && fold(n) == wanted);
        if same {
            parts.add(
                points::ADMIN1,
                format_args!("in the context admin1 {admin1}"),
            );
        }
    }
    if let Some((p, km)) = rank::near_points(meta.lon, meta.lat, &ctx.near) {
        parts.add(
            p,
            format_args!("{km:.0} km from a place already resolved in the document"),
        );
    }
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

pub(crate) fn count_exact(g: &Gazetteer, name: &str) -> usize {
    let key = fold(name);
    let mut postings = Vec::new();
    for l in &g.layers {
        l.index.exact(&key, &mut postings);
    }
    postings.len()
}

pub(crate) fn count_fuzzy(g: &Gazetteer, name: &str) -> usize {
    let key = fold(name);
    fuzzy_hits(g, &key, max_edits(&key)).len()
}

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
