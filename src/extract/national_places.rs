//! Stage 1, ingest/extract: a word for a country's people before a noun for what the country
//! holds or runs as a whole ("the Turkish market", "the British parliament", "Canadian
//! jurisdictions", "de Turkse markt") names the country as a place. Before a word for people
//! ("Turkish soldiers") or anything else ("Turkish airstrikes") it names who, not where, and
//! stays no place (it still counts as a sign of the country, see `evidence.rs`). After "the"
//! and before a word for a capital ("the Syrian capital", "de Syrische hoofdstad") it names
//! the country's capital city, as does the country's name in the possessive ("in Somalia's
//! capital").

use super::lexicon::{Lexicon, Sec};
use super::names::possessive_word;
use super::place_index::PlaceIndex;
use super::text::Token;
use super::toponyms::PlaceMatch;
use crate::gazetteer::EntryKind;

/// Most words between the word for a people and the noun ("the Turkish feed industry").
const BETWEEN_WORDS: usize = 2;

/// True when a noun of `national_place_nouns` follows token `at` on the same line, after at
/// most [`BETWEEN_WORDS`] words in lower case that are no stop words.
fn noun_follows(lex: &Lexicon, toks: &[Token], at: usize) -> bool {
    let plain = |t: &Token| t.breaks == 0 && !t.cap && t.lower.chars().all(char::is_alphabetic);
    for (k, t) in toks.iter().skip(at).take(BETWEEN_WORDS + 1).enumerate() {
        if !plain(t) {
            return false;
        }
        if lex.has(Sec::NationalPlaceNouns, &t.lower) {
            return true;
        }
        if k == BETWEEN_WORDS || lex.has(Sec::Stop, &t.lower) {
            return false;
        }
    }
    false
}

/// True when a word of `capital_nouns` follows the word for a people at `start..end` right
/// after an article that "in" or "at" governs, or "of" after a word for a part of a town:
/// "in the Syrian capital", "a neighbourhood of the Kenyan capital", "in de Syrische
/// hoofdstad". Not "near" or "east of the capital": the land around it, not the city.
fn capital_follows(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> bool {
    let article = start
        .checked_sub(1)
        .is_some_and(|k| lex.has(Sec::Articles, &toks[k].lower));
    article && governed_inside(lex, toks, start - 1) && capital_noun_at(lex, toks, end)
}

/// True when "in" or "at" (not "near") governs the phrase that starts at token `start`, or
/// "of" after a word for a part of a town or its centre ("the centre of ...").
fn governed_inside(lex: &Lexicon, toks: &[Token], start: usize) -> bool {
    let word = |k: Option<usize>| k.and_then(|k| toks.get(k)).map(|t| t.lower.as_str());
    let governor = word(start.checked_sub(1));
    let part_of = governor.is_some_and(|w| Sec::OfLinks.in_any_language(w))
        && word(start.checked_sub(2)).is_some_and(|w| {
            lex.value(Sec::PlaceParts, w) == Some("part") || lex.has(Sec::KindSeat, w)
        });
    // (A word of a longer `near_links` phrase, "in de buurt van", is no "near" alone.)
    let near = |w: &str| !(lex.patterns(Sec::NearLinks).find_all(&[w], 0, 1)).is_empty();
    let at = governor.is_some_and(|w| lex.has(Sec::AtPlace, w) && !near(w));
    at || part_of
}

/// True when token `at` is a word for a capital, in lower case on the same line.
fn capital_noun_at(lex: &Lexicon, toks: &[Token], at: usize) -> bool {
    toks.get(at)
        .is_some_and(|t| t.breaks == 0 && !t.cap && lex.has(Sec::CapitalNouns, &t.lower))
}

/// "In Somalia's capital", "the centre of Kenya's capital": a country named in the
/// possessive before a word for a capital, governed as in [`capital_follows`], is its
/// capital city; the match then spans both words.
pub(super) fn possessive_capitals(
    index: &PlaceIndex,
    lex: &Lexicon,
    toks: &[Token],
    matches: &mut [PlaceMatch],
) {
    for m in matches.iter_mut() {
        let country = m.entry.kind == EntryKind::Country && m.end == m.start + 1;
        if !(country && possessive_word(&toks[m.start].lower)) {
            continue;
        }
        if !(governed_inside(lex, toks, m.start) && capital_noun_at(lex, toks, m.end)) {
            continue;
        }
        if let Some(capital) = index.capital(&m.entry.country_code) {
            m.entry = capital;
            m.end += 1;
            m.byte_end = toks[m.end - 1].end;
        }
    }
}

/// Adds to `matches` (sorted by token) the country each word for its people names as a
/// place: the lexicon's `nationalities` phrase, capitalised as such words are, before a noun
/// of `national_place_nouns` ([`noun_follows`]), and not part of a name already read.
pub(super) fn add_national_places(
    index: &PlaceIndex,
    lex: &Lexicon,
    toks: &[Token],
    matches: &mut Vec<PlaceMatch>,
) {
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let found = lex
        .patterns(Sec::Nationalities)
        .find_all(&words, 0, words.len());
    let mut added = Vec::new();
    for m in found {
        // (A value of two letters is a country's code; "none" names no country.)
        if m.value.len() != 2 || !toks[m.start].cap {
            continue;
        }
        // "the Syrian capital": the capital city, named by both words.
        let capital = capital_follows(lex, toks, m.start, m.end);
        if !capital && !noun_follows(lex, toks, m.end) {
            continue;
        }
        let end = m.end + usize::from(capital);
        if matches.iter().any(|p| p.start < end && m.start < p.end) {
            continue;
        }
        let entry = match capital {
            true => index.capital(m.value),
            false => index.country(m.value),
        };
        let Some(entry) = entry else {
            continue;
        };
        // ("the Somali capital Mogadishu", "the Syrian capital, Damascus": the city's own
        // name, read right after, names it.)
        let named_after = matches.iter().any(|p| {
            (p.start == end || p.start == end + 1 && toks[end].lower == ",")
                && p.entry.id == entry.id
        });
        if capital && named_after {
            continue;
        }
        added.push(PlaceMatch {
            start: m.start,
            end,
            byte_start: toks[m.start].start,
            byte_end: toks[end - 1].end,
            entry,
            candidates: 1,
        });
    }
    if added.is_empty() {
        return;
    }
    matches.extend(added);
    matches.sort_by_key(|p| p.start);
}
