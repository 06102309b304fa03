//! Gazetteer: the score of one hit, part by part (how the name matched, what the place is,
//! how it fits the context), each part written into the explanation when one is asked for.
//! The points are documented in `rank`.

use std::fmt::Write as _;

use super::super::fuzzy::within_edits;
use super::super::index::{Index, Meta};
use super::super::rank::{self, points, Match};
use super::super::{EntryKind, Gazetteer};
use super::{Hit, Query};
use crate::reference::{fold, fold_literal};

/// True when the hit's name is the name as written, case, accents and punctuation aside
/// (the name less its type word when a type word led to it), and a name people write: a
/// machine romanisation that happens to be spelt like the query (`marabo` for Malabo) is
/// not.
pub(super) fn literal_match(g: &Gazetteer, hit: Hit, query: &Query<'_>) -> bool {
    let index = &g.layers[hit.layer].index;
    let name = index.name(hit.posting.record, hit.posting.name);
    literal_name(name, hit, query) && !(hit.posting.name > 0 && rank::is_romanisation(name))
}

/// True when the hit's entry bears the name as written as its own (its main name), not
/// only among its other names.
pub(super) fn own_name(g: &Gazetteer, hit: Hit, query: &Query<'_>) -> bool {
    let index = &g.layers[hit.layer].index;
    literal_name(index.name(hit.posting.record, 0), hit, query)
}

/// True when `matched_name` is the name as written (or, when its type word led to the hit,
/// the name less that word), case and accents aside.
fn literal_name(matched_name: &str, hit: Hit, query: &Query<'_>) -> bool {
    match &query.hint {
        Some(h) if hit.hinted => fold_literal(&h.core) == fold_literal(matched_name),
        _ => query.literal == fold_literal(matched_name),
    }
}

/// The score of a hit; with `explain`, each part that applies is written into it.
pub(super) fn score(
    g: &Gazetteer,
    hit: Hit,
    query: &Query<'_>,
    explain: Option<&mut String>,
) -> f64 {
    let layer = &g.layers[hit.layer];
    let mut parts = Parts {
        total: 0.0,
        explain,
    };
    let meta = layer.index.meta(hit.posting.record);
    let matched = name_parts(&mut parts, &layer.index, hit, query);
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
    place_parts(&mut parts, &meta, matched);
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
/// a machine romanisation matched; returns how it matched.
fn name_parts(parts: &mut Parts<'_>, index: &Index, hit: Hit, query: &Query<'_>) -> Match {
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
    m
}

/// What the place is: its kind and its population. A country or world region gets its kind
/// points only when its name matched as written: "Salvador" is a Brazilian city's own name
/// and El Salvador's only after folding, "Uman" a Ukrainian city's and Oman's only as
/// "Umman".
fn place_parts(parts: &mut Parts<'_>, meta: &Meta, matched: Match) {
    let (kind_points, kind_text) = rank::kind_points(meta.kind, meta.feature);
    let wide = matches!(meta.kind, EntryKind::Country | EntryKind::Region);
    if kind_points != 0.0 && (!wide || matched == Match::Literal) {
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
