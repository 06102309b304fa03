//! Stage 1, ingest/extract: toponym resolution. Each recognised name is ranked first on its
//! own, then in the context of the countries the article names most and of the places that
//! have a single candidate (co-location); the words around it ("provincie Hasakeh") ask for
//! the division. Names that start a sentence, acronyms and very short names are kept only
//! when they resolve to a large place.

use std::rc::Rc;

use super::hash::FastMap;
use super::lexicon::Lexicon;
use super::place_index::{PlaceIndex, Toponym};
use super::text::Token;
use super::toponyms::{PlaceMatch, RawMatch};
use crate::gazetteer::{Context, EntryKind};

/// Resolves the names found by the scan; drops those that resolve to nothing or to a place
/// too small for the way they were written.
pub fn resolve(
    index: &PlaceIndex,
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    initial: &[bool],
    country: Option<&str>,
    raw: &[RawMatch],
) -> Vec<PlaceMatch> {
    // 2. Resolve: first on their own, then with the article's country and co-location.
    let base = Context::country(country);
    let mut firsts: Vec<(usize, Rc<[Toponym]>)> = Vec::new();
    let mut countries: Vec<(String, usize)> = Vec::new();
    let mut seen: FastMap<&str, Rc<[Toponym]>> = FastMap::default();
    for (k, &(start, _, byte_end, _)) in raw.iter().enumerate() {
        let surface = &text[toks[start].start..byte_end];
        let cands = seen
            .entry(surface)
            .or_insert_with(|| index.candidates(surface, &base, 6).into())
            .clone();
        if let Some(best) = cands.first() {
            if best.kind == EntryKind::Country {
                match countries.iter_mut().find(|(c, _)| *c == best.country_code) {
                    Some((_, n)) => *n += 1,
                    None => countries.push((best.country_code.clone(), 1)),
                }
            }
        }
        firsts.push((k, cands));
    }
    countries.sort_by_key(|c| std::cmp::Reverse(c.1));
    let mut context_countries: Vec<String> = country.map(str::to_string).into_iter().collect();
    for (c, _) in countries {
        if context_countries.len() < 3 && !context_countries.contains(&c) {
            context_countries.push(c);
        }
    }
    let near: Vec<(f64, f64)> = firsts
        .iter()
        .filter(|(_, c)| c.len() == 1 && c[0].kind != EntryKind::Country)
        .map(|(_, c)| (c[0].lon, c[0].lat))
        .take(20)
        .collect();
    let mut out = Vec::new();
    let mut resolved: FastMap<(&str, bool), Option<Toponym>> = FastMap::default();
    for (k, cands) in firsts {
        let (start, end, byte_end, n) = raw[k];
        let wants_admin = wants_admin(lex, toks, start, end);
        let surface = &text[toks[start].start..byte_end];
        let cached = resolved.get(&(surface, wants_admin)).cloned();
        let entry = if let Some(c) = cached {
            c
        } else if cands.len() > 1 {
            // Ranked in the context of each country the article names; the best score wins.
            // (A name with one candidate needs no ranking.)
            let contexts: Vec<Option<String>> = if context_countries.is_empty() {
                vec![None]
            } else {
                context_countries.iter().cloned().map(Some).collect()
            };
            let mut best: Option<(Toponym, f64)> = None;
            for c in contexts {
                let context = Context {
                    country_code: c,
                    near: near.clone(),
                    prefer: wants_admin.then_some(EntryKind::Admin1),
                    ..Context::default()
                };
                if let Some((t, score)) = index.best(surface, &context) {
                    if best.as_ref().is_none_or(|(_, b)| score > *b) {
                        best = Some((t, score));
                    }
                }
            }
            best.map(|(t, _)| t)
        } else {
            cands.first().cloned()
        };
        resolved.insert((surface, wants_admin), entry.clone());
        let Some(entry) = entry else { continue };
        // A capitalised word that starts a sentence is kept only as a known large place.
        let big = matches!(entry.kind, EntryKind::Country | EntryKind::Admin1)
            || entry.population >= 20_000;
        if end - start == 1 && initial[start] && !big {
            continue;
        }
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = end - start == 1 && toks[start].upper;
        if (letters < 3 || acronym) && entry.kind != EntryKind::Country {
            continue;
        }
        // A small town that shares its name with a division or country ("California",
        // "Florida") gives way to the division unless the context asked for it.
        let entry = match cands
            .iter()
            .find(|c| matches!(c.kind, EntryKind::Admin1 | EntryKind::Country))
        {
            Some(division) if entry.kind == EntryKind::Populated && entry.population < 50_000 => {
                division.clone()
            }
            _ => entry,
        };
        out.push(PlaceMatch {
            start,
            end,
            byte_start: toks[start].start,
            byte_end,
            entry,
            candidates: n,
        });
    }
    out
}

fn wants_admin(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> bool {
    let before = (start.saturating_sub(2)..start)
        .any(|j| lex.value("kind_admin", &toks[j].lower) == Some("admin1"));
    let after = toks
        .get(end)
        .is_some_and(|t| lex.value("kind_admin", &t.lower) == Some("admin1"));
    before || after
}
