//! Stage 1, ingest/extract: places the gazetteer holds under another spelling. Arabic,
//! Pashto or Amharic names reach English and Dutch text in many romanisations ("Seraqeb" for
//! Saraqib); the scan in [`super::toponyms`] only finds names as the gazetteer writes them.
//! A name the scan missed is looked up approximately (a letter or two apart, or equal after
//! transliteration folding) only where the text itself says it is a place, and only where
//! the text says the place lies:
//!
//! - the slot: a place noun names it ("the village of X", "X village", "het dorp X"), or
//!   it is listed after one so named ("the villages of X, Y and Z");
//! - the area: a division or town named right after it ("X in Y province", "X (Y)"), or a
//!   division named after the whole list a locative governs ("in X, Z and W in Y
//!   province"), holds the reading; without one, the reading lies in the country the
//!   article is about, within [`NEAR_KM`] of a town of that country the article names or
//!   inside a province of it the article names.
//!
//! A spelling that fits several places of that area, or none, stays unknown: the figures
//! then go where [`super::frames`] puts a name the gazetteer lacks.

mod consonants;
mod lists;

use super::coherence::inside;
use super::hash::FastMap;
use super::lexicon::{Lexicon, Sec};
use super::place_index::{PlaceIndex, Toponym};
use super::text::{Kind, Token};
use super::toponyms::{article_then_capital, cased, PlaceMatch};
use crate::gazetteer::{Context, EntryKind};
use crate::reference::distance_km;
pub(super) use consonants::{consonants, same_consonants};
use lists::{list_tail, Lists};

/// Most words of a name looked up approximately.
const NAME_WORDS: usize = 3;
/// Most tokens between the name and the division or town that holds it ("X in Y", "X, in
/// the Y province", "X (Y)").
const HOLDER_GAP: usize = 4;
/// How far (km) a reading may lie from a town of the article's country when no division
/// is named with it.
pub(super) const NEAR_KM: f64 = 60.0;
/// Two readings this far apart (km) are two places: the spelling is ambiguous.
const SAME_PLACE_KM: f64 = 10.0;
/// Candidates looked at per name.
const CANDIDATES: usize = 12;

/// Adds to `matches` (kept in text order) the names in a place slot that the gazetteer
/// holds under another spelling in the area the text gives.
pub(super) fn add_respelled(
    index: &PlaceIndex,
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    country: Option<&str>,
    matches: &mut Vec<PlaceMatch>,
) {
    let focus = country
        .map(str::to_ascii_uppercase)
        .or_else(|| focus_country(matches));
    let mut covered = vec![false; toks.len()];
    for m in matches.iter() {
        covered[m.start..m.end.min(toks.len())].fill(true);
    }
    let mut found: Vec<PlaceMatch> = Vec::new();
    let mut lists = Lists::default();
    let mut i = 0;
    while i < toks.len() {
        let Some(end) = name_run(lex, text, toks, &covered, i) else {
            match matches.iter().find(|m| m.start == i) {
                Some(m) => {
                    lists.found(lex, toks, i, m.end);
                    i = m.end;
                }
                None => i += 1,
            }
            continue;
        };
        let name = &text[toks[i].start..toks[end - 1].end];
        let (slot, governed) = lists.missed(lex, toks, i, end);
        // "in A, B and C in the Y province": the division after the whole list holds each.
        let tail = list_tail(lex, text, toks, &covered, matches, end);
        let list_holder = (governed && tail > end)
            .then(|| holder(lex, toks, matches, tail))
            .flatten()
            .filter(|h| division(h));
        let holder = holder(lex, toks, matches, end);
        let reading = if let Some(h) = holder.filter(|h| {
            slot || located_in(lex, toks, i, end) && (division(h) || bracketed(toks, end))
        }) {
            reading_inside(index, name, h)
        } else if let Some(h) = list_holder {
            reading_inside(index, name, h)
        } else if !slot {
            None
        } else {
            focus
                .as_deref()
                .and_then(|cc| reading_near(index, name, cc, matches))
        };
        if let Some(entry) = reading {
            found.push(PlaceMatch {
                start: i,
                end,
                byte_start: toks[i].start,
                byte_end: toks[end - 1].end,
                entry,
                candidates: 1,
            });
        }
        i = end;
    }
    // The name read once in a slot is that place wherever the article writes it again.
    let again = written_again(text, toks, &covered, &found, |k| {
        name_run(lex, text, toks, &covered, k)
    });
    if !found.is_empty() {
        matches.extend(found);
        matches.extend(again);
        matches.sort_by_key(|m| m.start);
    }
}

/// The other places the article writes a name of `found` as one whole name.
fn written_again(
    text: &str,
    toks: &[Token],
    covered: &[bool],
    found: &[PlaceMatch],
    run: impl Fn(usize) -> Option<usize>,
) -> Vec<PlaceMatch> {
    let mut out = Vec::new();
    if found.is_empty() {
        return out;
    }
    let surface = |a: usize, b: usize| text[toks[a].start..toks[b - 1].end].to_lowercase();
    let names: Vec<(String, &PlaceMatch)> =
        found.iter().map(|m| (surface(m.start, m.end), m)).collect();
    let mut k = 0;
    while k < toks.len() {
        let taken = covered[k] || found.iter().any(|m| (m.start..m.end).contains(&k));
        let Some(end) = (!taken).then(|| run(k)).flatten() else {
            k += 1;
            continue;
        };
        let here = surface(k, end);
        if let Some((_, m)) = names.iter().find(|(n, _)| *n == here) {
            out.push(PlaceMatch {
                start: k,
                end,
                byte_start: toks[k].start,
                byte_end: toks[end - 1].end,
                ..(*m).clone()
            });
        }
        k = end;
    }
    out
}

/// The country most of the article's places lie in, when it has at least two and more
/// than any other.
fn focus_country(matches: &[PlaceMatch]) -> Option<String> {
    let mut counts: FastMap<&str, usize> = FastMap::default();
    for m in matches.iter().filter(|m| town_or_division(&m.entry)) {
        *counts.entry(m.entry.country_code.as_str()).or_default() += 1;
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match ranked.as_slice() {
        [(cc, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => {
            Some(cc.to_string())
        }
        _ => None,
    }
}

fn town_or_division(t: &Toponym) -> bool {
    matches!(
        t.kind,
        EntryKind::Populated | EntryKind::Admin1 | EntryKind::Admin2
    ) && !t.country_code.is_empty()
}

/// A word of a name: capitalised, or an article compound with a capital after the hyphen
/// ("al-Hrak").
fn name_word(lex: &Lexicon, text: &str, t: &Token) -> bool {
    t.kind == Kind::Word && (cased(t, text) || article_then_capital(lex, t, text))
}

/// A place noun that names its place ("village", "town"; not a part of a town).
fn place_noun(lex: &Lexicon, lower: &str) -> bool {
    lex.value(Sec::PlaceParts, lower) == Some("place") || lex.has(Sec::KindTown, lower)
}

/// The end of the name that starts at token `i`: up to [`NAME_WORDS`] name words (an Arabic
/// article written apart inside: "Bosra al Sham") that the scan did not find, with no name
/// word running on after it nor one joined to it before.
pub(super) fn name_run(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    covered: &[bool],
    i: usize,
) -> Option<usize> {
    if covered[i] || !name_word(lex, text, &toks[i]) || lex.has(Sec::Stop, &toks[i].lower) {
        return None;
    }
    // "Valle de Etla": the name began before its joining word.
    let carried = i >= 2
        && toks[i].breaks == 0
        && toks[i - 1].breaks == 0
        && lex.has(Sec::NameParticles, &toks[i - 1].lower)
        && !lex.has(Sec::Coordinators, &toks[i - 1].lower)
        && name_word(lex, text, &toks[i - 2]);
    if carried {
        return None;
    }
    let joined = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.breaks == 0 && !covered[k] && name_word(lex, text, t))
    };
    let mut end = i + 1;
    let mut words = 1;
    while words < NAME_WORDS && end < toks.len() {
        if joined(end) {
            end += 1;
            words += 1;
        } else if toks[end].breaks == 0
            && lex.has(Sec::NameArticles, &toks[end].lower)
            && joined(end + 1)
        {
            end += 1;
        } else {
            break;
        }
    }
    // ("La Presa del Foo": a joining word and a capital carry the name on; its first words
    // are no name of their own.)
    let particle = toks.get(end).is_some_and(|t| {
        t.breaks == 0
            && lex.has(Sec::NameParticles, &t.lower)
            && !lex.has(Sec::Coordinators, &t.lower)
            && toks.get(end + 1).is_some_and(|n| n.breaks == 0 && n.cap)
    });
    let runs_on = toks
        .get(end)
        .is_some_and(|t| t.breaks == 0 && name_word(lex, text, t));
    (!runs_on && !particle).then_some(end)
}

/// True when a place noun names the name at tokens `i..end`: "the village of X", "het dorp
/// X" (the noun right before), "X village" (right after).
fn in_slot(lex: &Lexicon, toks: &[Token], i: usize, end: usize) -> bool {
    let word = |k: usize| toks.get(k).map(|t| t.lower.as_str());
    let before = i
        .checked_sub(1)
        .and_then(word)
        .is_some_and(|w| place_noun(lex, w));
    let before_of = i >= 2
        && word(i - 1).is_some_and(|w| lex.has(Sec::NameLinks, w))
        && word(i - 2).is_some_and(|w| place_noun(lex, w));
    let after = word(end).is_some_and(|w| place_noun(lex, w));
    before || before_of || after
}

/// True when a locative governs the name at tokens `i..end` and a bracket or comma follows
/// it: "in X (Y)", "near X, Y province" read as an address.
fn located_in(lex: &Lexicon, toks: &[Token], i: usize, end: usize) -> bool {
    let governed = i
        .checked_sub(1)
        .is_some_and(|k| lex.has(Sec::AtPlace, &toks[k].lower));
    governed
        && toks
            .get(end)
            .is_some_and(|t| matches!(t.lower.as_str(), "(" | ","))
}

/// True when a bracket opens right after the name ending at token `end`: "in X (Y)".
fn bracketed(toks: &[Token], end: usize) -> bool {
    toks.get(end).is_some_and(|t| t.lower == "(")
}

/// A first- or second-level division (or a country): what an address names after a place.
fn division(t: &Toponym) -> bool {
    matches!(t.kind, EntryKind::Admin1 | EntryKind::Admin2)
}

/// The division or town named right after the name ending at token `end` ("X in Y", "X,
/// Y", "X (Y)", "X village in the Y province", "X in the countryside of Y"): the first
/// recognised place within [`HOLDER_GAP`] tokens, when only punctuation, articles, place and
/// division nouns, "of" and locatives stand between.
fn holder<'m>(
    lex: &Lexicon,
    toks: &[Token],
    matches: &'m [PlaceMatch],
    end: usize,
) -> Option<&'m Toponym> {
    let next = matches.iter().find(|m| m.start >= end)?;
    if next.start - end > HOLDER_GAP || !town_or_division(&next.entry) {
        return None;
    }
    let linking = |t: &Token| {
        matches!(t.lower.as_str(), "," | "(")
            || lex.has(Sec::Articles, &t.lower)
            || lex.has(Sec::AtPlace, &t.lower)
            || place_noun(lex, &t.lower)
            || lex.has(Sec::KindAdmin, &t.lower)
            // ("in the countryside of Y", "in the province of Y".)
            || lex.has(Sec::GenitiveOf, &t.lower)
    };
    toks[end..next.start]
        .iter()
        .all(|t| t.breaks == 0 && linking(t))
        .then_some(&next.entry)
}

/// The readings of `name` in a country, best first: towns and districts of the gazetteer
/// whose consonants are those of the name as written ([`same_consonants`]).
fn readings(index: &PlaceIndex, name: &str, country: &str) -> Vec<Toponym> {
    let context = Context::country(Some(country));
    let written = consonants(name);
    index
        .candidates(name, &context, CANDIDATES)
        .into_iter()
        .filter(|t| {
            t.country_code == country
                && matches!(t.kind, EntryKind::Populated | EntryKind::Admin2)
                && same_consonants(&written, &consonants(&t.name))
        })
        .collect()
}

/// The one reading of `name` inside the division or town `holder` (for a town: in its
/// province).
fn reading_inside(index: &PlaceIndex, name: &str, holder: &Toponym) -> Option<Toponym> {
    let found: Vec<Toponym> = readings(index, name, &holder.country_code)
        .into_iter()
        .filter(|t| inside(t, holder) || t.id == holder.id)
        .collect();
    (!found.iter().any(|t| t.id == holder.id))
        .then(|| single(found))
        .flatten()
}

/// The one reading of `name` in country `cc` near a town of that country the article names,
/// or inside a province of it the article names ("... in Aleppo province. In the province's
/// west, warplanes struck the village of X").
fn reading_near(
    index: &PlaceIndex,
    name: &str,
    cc: &str,
    matches: &[PlaceMatch],
) -> Option<Toponym> {
    let named = |kind: EntryKind| {
        (matches.iter().map(|m| &m.entry)).filter(move |t| t.country_code == cc && t.kind == kind)
    };
    let towns: Vec<&Toponym> = named(EntryKind::Populated).collect();
    let provinces: Vec<&Toponym> = named(EntryKind::Admin1).collect();
    let found: Vec<Toponym> = readings(index, name, cc)
        .into_iter()
        .filter(|t| {
            towns
                .iter()
                .any(|w| w.id != t.id && distance_km(t.lon, t.lat, w.lon, w.lat) <= NEAR_KM)
                || provinces.iter().any(|p| inside(t, p))
        })
        .collect();
    single(found)
}

/// The first reading when every other lies at the same spot.
fn single(found: Vec<Toponym>) -> Option<Toponym> {
    let first = found.first()?;
    found
        .iter()
        .all(|t| distance_km(t.lon, t.lat, first.lon, first.lat) <= SAME_PLACE_KM)
        .then(|| first.clone())
}
