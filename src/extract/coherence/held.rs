//! Stage 1, ingest/extract: the readings of a name inside the division named after it, when
//! they are not among its best candidates out of context. "San Foo, Bar" may have hundreds
//! of namesakes; the one in Bar can rank far below the first [`CANDIDATES`] by size, and the
//! text still says it is the place. Looked up again with Bar as the context, it joins the
//! name's candidates, so that [`super::holders`] and the resolution see it.

use std::rc::Rc;

use super::super::lexicon::Lexicon;
use super::super::place_index::{PlaceIndex, Toponym};
use super::super::resolve::{Scored, CANDIDATES};
use super::super::text::Token;
use super::super::toponyms::RawMatch;
use super::holders::holders_by_name;
use super::inside;
use crate::gazetteer::{Context, EntryKind};

/// A name whose firm holders hold none of its candidates: (name index, holder country,
/// holder division name when the holder is a first-level division).
type Wanted = (usize, String, Option<String>);

/// The names placed firmly in a division or country ("X, Y", "X (Y)") that none of their
/// candidates lies in.
fn wanted(lex: &Lexicon, raw: &[RawMatch], toks: &[Token], lists: &[Scored]) -> Vec<Wanted> {
    let holders = holders_by_name(lex, raw, toks, lists);
    let mut out = Vec::new();
    for (k, h) in holders.iter().enumerate() {
        let list = lists.get(k).map_or(&[][..], |l| &l[..]);
        let held = list
            .iter()
            .any(|(t, _)| h.readings.iter().any(|c| inside(t, c)));
        if !h.firm || held || list.is_empty() {
            continue;
        }
        for c in &h.readings {
            let admin1 = match c.kind {
                EntryKind::Admin1 => Some(c.name.clone()),
                EntryKind::Country => None,
                _ => continue,
            };
            let want = (k, c.country_code.clone(), admin1);
            if !out.contains(&want) {
                out.push(want);
            }
        }
    }
    out
}

/// Adds to the candidates of every name placed firmly in a division the readings of it,
/// spelt as written, that lie in that division and were not among them (see the module
/// doc). Names with no such reading keep their candidates as they were.
pub(in crate::extract) fn add_held_readings(
    index: &PlaceIndex,
    lex: &Lexicon,
    raw: &[RawMatch],
    toks: &[Token],
    surfaces: &[&str],
    lists: &mut [Scored],
) {
    for (k, country, admin1) in wanted(lex, raw, toks, lists) {
        let Some(surface) = surfaces.get(k) else {
            continue;
        };
        let context = Context {
            country_code: Some(country),
            admin1,
            ..Context::default()
        };
        let holder = |t: &Toponym| {
            let division = context.admin1.as_deref();
            context.country_code.as_deref() == Some(t.country_code.as_str())
                && division.is_none_or(|d| t.admin1.as_deref() == Some(d))
        };
        let extra: Vec<(Toponym, f64)> = index
            .scored_in(surface, &context, CANDIDATES)
            .into_iter()
            .filter(|(t, _)| {
                t.literal && matches!(t.kind, EntryKind::Populated | EntryKind::Admin2)
            })
            .filter(|(t, _)| holder(t))
            .filter(|(t, _)| !lists[k].iter().any(|(o, _)| o.id == t.id))
            .take(1)
            .collect();
        if extra.is_empty() {
            continue;
        }
        let mut grown: Vec<(Toponym, f64)> = lists[k].to_vec();
        grown.extend(extra);
        lists[k] = Rc::from(grown);
    }
}
