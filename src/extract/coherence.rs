//! Stage 1, ingest/extract: spatial coherence over the names of an article as resolved. A
//! small town alone in its country, in an article that names two or more places in one other
//! country, is a namesake: it is read in that country when it has a namesake there, and
//! dropped otherwise (CLIFF and Mordecai use the article's country focus the same way).
//! A name followed by its division or country ("X, Y", "X (Y)") is read inside it, and a
//! reading outside it is a namesake of a place the gazetteer lacks.

mod relative;
mod seats;

pub(super) use relative::cohere_relative;
pub(super) use seats::seat_as_province;

use super::hash::{FastMap, FastSet};
use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::place_index::Toponym;
use super::resolve::Scored;
use super::text::{Kind, Token};
use super::toponyms::{PlaceMatch, RawMatch};
use crate::gazetteer::{fold, EntryKind};
use crate::reference::distance_km;
use crate::reference::fold::fold_literal;

/// Places below this size named in a sentence framed in another province are namesakes
/// ([`cohere_province`]).
const FRAMED_MAX: u64 = 100_000;

/// Towns from this size on stay where they are when they are the only place of their
/// country in an article about another ([`cohere`]).
const LONE_MIN: u64 = 1_000_000;

/// A place abroad below this size, written only by one of its other names ("Eboracum" for
/// York), is a namesake in an article about another country ([`cohere`]).
const ALIAS_ABROAD_MAX: u64 = 200_000;

/// True when the name as written is neither the entry's name nor a shortening of it: it
/// matched one of the entry's other names only.
fn alias_only(written: &str, name: &str) -> bool {
    super::resolve::other_name(&fold(written), &fold(name))
}

/// How many times more places the article's own country must have than another for that
/// other country's few small towns to count as stray namesakes ([`cohere`]).
const LONE_SHARE: usize = 4;

/// Spatial coherence over the names as resolved: a small town alone in its country (or one
/// of a few there, in an article naming at least [`LONE_SHARE`] times as many places in
/// another country), in an article that names two or more places in another country, is
/// read in that country when it has a namesake there, and dropped otherwise.
pub(super) fn cohere(
    text: &str,
    out: &mut Vec<PlaceMatch>,
    chosen: &mut Vec<usize>,
    lists: &[Scored],
) {
    // Distinct places per country: a name written five times is still one place.
    let mut ids: FastMap<&str, FastSet<&str>> = FastMap::default();
    // A world region has no country: it says nothing about the article's country.
    for m in out.iter().filter(|m| !m.entry.country_code.is_empty()) {
        ids.entry(m.entry.country_code.as_str())
            .or_default()
            .insert(m.entry.id.as_str());
    }
    let counts: FastMap<&str, usize> = ids.iter().map(|(c, set)| (*c, set.len())).collect();
    // On a tie, the country the article names as a country is its own.
    let named: FastSet<&str> = out
        .iter()
        .filter(|m| m.entry.kind == EntryKind::Country)
        .map(|m| m.entry.country_code.as_str())
        .collect();
    let Some((home, &home_count)) = counts
        .iter()
        .filter(|(_, n)| **n >= 2)
        .max_by_key(|(c, n)| (**n, named.contains(**c), std::cmp::Reverse(**c)))
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
                && (counts
                    .get(m.entry.country_code.as_str())
                    .is_some_and(|&n| n == 1 || n * LONE_SHARE <= home_count)
                    || (m.entry.population < ALIAS_ABROAD_MAX
                        && alias_only(&text[m.byte_start..m.byte_end], &m.entry.name)))
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
/// "X (Y)", also with a word for X's kind before the comma: "X municipality, Y") frames its sentence in Y. Another small place of the same country named in that
/// sentence but lying in another province, and not framed itself, is a namesake ("in Celaya,
/// Guanajuato, ... in the Camargo community" is no Camargo 800 km away): it is read in Y when
/// it has a namesake there, and dropped otherwise (then it is a name the gazetteer lacks).
/// `initial` marks the first token of every sentence.
pub(super) fn cohere_province(
    lex: &Lexicon,
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
        // ("X municipality, Y": a word for X's kind may stand before the comma.)
        let sep = after_kind_word(lex, toks, x.end);
        let joined = y.start == sep + 1
            && toks
                .get(sep)
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

/// Populated places from this size on are not dropped for lying outside the division named
/// after them ([`namesake_outside`]): "A, B" may be two well-known places.
const OUTSIDE_MAX: u64 = 50_000;

/// ... unless every division or country named after them is in another country: "A, B" with
/// a town A abroad and a province B is an address of a place the gazetteer lacks, not two
/// places side by side, for all towns but the largest cities ("Mosul, Aleppo").
const ABROAD_OUTSIDE_MAX: u64 = 1_000_000;

/// True when `t` lies in the division or country `container`. A second-level division
/// holds what lies in its own province (the gazetteer names no district of a town); so does
/// a town that stands for its province ("in Idleb province", see [`within`]).
pub(super) fn inside(t: &Toponym, container: &Toponym) -> bool {
    t.country_code == container.country_code
        && match container.kind {
            EntryKind::Populated => t.admin1.is_some() && t.admin1 == container.admin1,
            EntryKind::Country => true,
            EntryKind::Admin1 => t
                .admin1
                .as_deref()
                .is_some_and(|a| fold(a) == fold(&container.name)),
            EntryKind::Admin2 => {
                t.id == container.id || t.admin1.is_some() && t.admin1 == container.admin1
            }
            _ => false,
        }
}

/// The divisions and countries that the names right after name `k` place it in: "X, Y",
/// "X (Y)", "X, Z, Y", "X (Z, Y)", also with a word for X's kind between ("X town (Y)",
/// "X district, Y"). Up to two following names count, joined by a comma (or an opening
/// parenthesis right after X); of each, every candidate that is a first-level
/// division or a country is a reading, not only its best: a division often shares its name
/// with its largest city, and one name may be a division in several countries. Empty when
/// the names form a list ("X, Y and Z").
fn containers<'a>(
    lex: &Lexicon,
    k: usize,
    raw: &[RawMatch],
    toks: &[Token],
    lists: &'a [Scored],
) -> Vec<&'a Toponym> {
    let mut out = Vec::new();
    let Some(&(_, x_end, _, _)) = raw.get(k) else {
        return out;
    };
    let mut end = after_kind_word(lex, toks, x_end);
    // One name the gazetteer lacks may stand between ("X (Z, Y)" with Z unknown).
    let mut skipped = false;
    for j in k + 1..raw.len().min(k + 1 + HOLDER_NAMES) {
        let sep = toks.get(end).map(|t| t.lower.as_str());
        let opens = match sep {
            Some(",") => true,
            Some("(") => j == k + 1,
            _ => false,
        };
        if opens && !skipped && raw[j].0 > end + 1 {
            if let Some(comma) = unknown_name(toks, end + 1, raw[j].0) {
                end = comma;
                skipped = true;
            }
        }
        if !(opens && raw[j].0 == end + 1) {
            break;
        }
        if in_list(lex, j, raw, toks) {
            return Vec::new();
        }
        // A district holds the name before it when the name reads first as a district or is
        // that district's own name as written ("X (Ernakulam, Kerala)"); a district that
        // matched another spelling is a namesake elsewhere.
        let written = written_name(toks, raw[j]);
        let list = lists.get(j).map_or(&[][..], |l| &l[..]);
        let first = list.first().map(|(t, _)| t.id.as_str());
        let higher = names_a_division(list);
        // ... and only in a country where the name before it has a reading too.
        let own: &[(Toponym, f64)] = lists.get(k).map_or(&[], |l| &l[..]);
        let shared = |t: &Toponym| own.iter().any(|(c, _)| c.country_code == t.country_code);
        out.extend(readings(lists, k, j, |t| match t.kind {
            EntryKind::Admin1 | EntryKind::Country => true,
            EntryKind::Admin2 => {
                !higher
                    && shared(t)
                    && (first == Some(t.id.as_str()) || fold_literal(&t.name) == written)
            }
            _ => false,
        }));
        end = raw[j].1;
    }
    out
}

/// Longest run of capitalised words taken for one name the gazetteer lacks.
const UNKNOWN_NAME_WORDS: usize = 3;

/// The comma that ends a name the gazetteer lacks in an address, when the tokens from
/// `from` to `next` (the next recognised name) are one to [`UNKNOWN_NAME_WORDS`] capitalised
/// words, or hyphenated parts of one, and a comma right before `next`.
fn unknown_name(toks: &[Token], from: usize, next: usize) -> Option<usize> {
    let comma = next.checked_sub(1)?;
    let name = toks.get(from..comma)?;
    let words = name.iter().filter(|t| t.kind == Kind::Word).count();
    let shaped = name.first().is_some_and(|t| t.cap)
        && (1..=UNKNOWN_NAME_WORDS).contains(&words)
        && name
            .iter()
            .all(|t| (t.kind == Kind::Word && (t.cap || t.lower.len() <= 3)) || t.lower == "-");
    (shaped && toks.get(comma)?.lower == ",").then_some(comma)
}

/// True when some reading of a name is a province or a country: in an address that is what
/// the name means ("X, Tocantins"), not a district of the same name.
pub(super) fn names_a_division(list: &[(Toponym, f64)]) -> bool {
    list.iter()
        .any(|(t, _)| matches!(t.kind, EntryKind::Admin1 | EntryKind::Country))
}

/// A recognised name as written, folded letter for letter.
fn written_name(toks: &[Token], (start, end, _, _): RawMatch) -> String {
    let words: Vec<&str> = toks
        .get(start..end)
        .unwrap_or(&[])
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    fold_literal(&words.join(" "))
}

/// The divisions a name is placed in, and whether the text says so firmly.
#[derive(Debug, Clone, Default)]
pub(super) struct Holders<'a> {
    /// Readings of the division or country names (see [`containers`], [`within`]).
    pub readings: Vec<&'a Toponym>,
    /// "X, Y", "X (Y)", "X in Y": a reading of X outside them all is a namesake. After "from"
    /// ("from X in Y") the text only ranks X's readings inside Y higher: Y may be where
    /// someone from X is now.
    pub firm: bool,
    /// Every country in which a name holding this one has a reading of any kind (a town, a
    /// district): "Banfora, Comoe" may name a district of the town's country even when the
    /// holders are only a province abroad.
    pub countries: Vec<&'a str>,
}

/// How many names after a name may hold it ("X, Z, Y", "X (Z, Y)"; "X in Y": the next).
const HOLDER_NAMES: usize = 2;

/// The countries of every reading of the names whose readings `readings` are, among the
/// [`HOLDER_NAMES`] names after name `k`.
fn holder_countries<'a>(k: usize, lists: &'a [Scored], readings: &[&'a Toponym]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for list in lists.iter().skip(k + 1).take(HOLDER_NAMES) {
        if readings
            .iter()
            .any(|r| list.iter().any(|(t, _)| std::ptr::eq(t, *r)))
        {
            for (t, _) in list.iter() {
                if !out.contains(&t.country_code.as_str()) {
                    out.push(t.country_code.as_str());
                }
            }
        }
    }
    out
}

/// The divisions of every name: [`containers`], else [`within`]. A name written again
/// without its division ("near X, Y. ... near X.") keeps the divisions of its first
/// occurrence that had them, so that one name is read alike throughout.
pub(super) fn holders_by_name<'a>(
    lex: &Lexicon,
    raw: &[RawMatch],
    toks: &[Token],
    lists: &'a [Scored],
) -> Vec<Holders<'a>> {
    let mut all: Vec<Holders> = (0..raw.len())
        .map(|k| {
            let firm = containers(lex, k, raw, toks, lists);
            if firm.is_empty() {
                let said = division_word_after(lex, k + 1, raw, toks);
                let readings = within(lex, k, raw, toks, lists, said);
                Holders {
                    firm: !readings.is_empty() && !origin_before(lex, k, raw, toks),
                    countries: holder_countries(k, lists, &readings),
                    readings,
                }
            } else {
                Holders {
                    countries: holder_countries(k, lists, &firm),
                    readings: firm,
                    firm: true,
                }
            }
        })
        .collect();
    let mut first: FastMap<*const (Toponym, f64), usize> = FastMap::default();
    for (k, h) in all.iter().enumerate() {
        if !h.readings.is_empty() {
            if let Some(list) = lists.get(k) {
                let j = first.entry(list.as_ptr()).or_insert(k);
                // A firm statement wins over a soft one.
                if h.firm && !all[*j].firm {
                    *j = k;
                }
            }
        }
    }
    for k in 0..all.len() {
        if all[k].readings.is_empty() {
            let from = lists.get(k).and_then(|l| first.get(&l.as_ptr()));
            if let Some(&j) = from {
                all[k] = all[j].clone();
            }
        }
    }
    all
}

/// The first-level divisions that "X in Y", "X in the Y ..." places name `k` in: every
/// candidate of Y that is a first-level division. When the text says Y is a division
/// (`division_said`: "in Y province") and Y is written only as its capital is ("Idleb"),
/// the capital's best reading stands for its province (see [`inside`]).
fn within<'a>(
    lex: &Lexicon,
    k: usize,
    raw: &[RawMatch],
    toks: &[Token],
    lists: &'a [Scored],
    division_said: bool,
) -> Vec<&'a Toponym> {
    if !follows_in(lex, k + 1, raw, toks) {
        return Vec::new();
    }
    let divisions = readings(lists, k, k + 1, |t| t.kind == EntryKind::Admin1);
    if !divisions.is_empty() || !division_said {
        return divisions;
    }
    let capital = lists
        .get(k + 1)
        .and_then(|l| l.first())
        .map(|(t, _)| t)
        .filter(|t| t.kind == EntryKind::Populated && t.admin1.is_some());
    capital.into_iter().collect()
}

/// The readings of name `j` of the kinds `holds` accepts that may hold name `k`: the best of
/// them, and any other in a country where `k` has a reading too (a division of the same
/// name elsewhere in the world is not what the text means).
fn readings<'a>(
    lists: &'a [Scored],
    k: usize,
    j: usize,
    holds: impl Fn(&Toponym) -> bool,
) -> Vec<&'a Toponym> {
    let x: &[(Toponym, f64)] = lists.get(k).map_or(&[], |l| &l[..]);
    let y: &'a [(Toponym, f64)] = lists.get(j).map_or(&[], |l| &l[..]);
    let shared = |t: &Toponym| x.iter().any(|(c, _)| c.country_code == t.country_code);
    y.iter()
        .map(|(t, _)| t)
        .filter(|t| holds(t))
        .enumerate()
        .filter(|(i, t)| *i == 0 || shared(t))
        .map(|(_, t)| t)
        .collect()
}

/// True when name `k` is followed by a word for a first-level division ("Y province",
/// "Y governorate", "Y countryside").
fn division_word_after(lex: &Lexicon, k: usize, raw: &[RawMatch], toks: &[Token]) -> bool {
    raw.get(k)
        .and_then(|&(_, end, _, _)| toks.get(end))
        .is_some_and(|t| lex.value(Sec::KindAdmin, &t.lower) == Some("admin1"))
}

/// True when name `k` is where someone or something comes from ("fled from X in Y"): X
/// need not lie in Y, which may be where they are now.
fn origin_before(lex: &Lexicon, k: usize, raw: &[RawMatch], toks: &[Token]) -> bool {
    raw.get(k)
        .and_then(|&(start, _, _, _)| start.checked_sub(1))
        .and_then(|i| toks.get(i))
        .is_some_and(|t| lex.has(Sec::OriginPrepositions, &t.lower))
}

/// True when name `k` comes right after "in" that follows name `k - 1` ("X in Y", "X town in
/// the Y countryside", "X in the southern countryside of Y"): Y may be the division holding
/// X.
pub(super) fn follows_in(lex: &Lexicon, k: usize, raw: &[RawMatch], toks: &[Token]) -> bool {
    let (Some(k1), Some(&(start, _, _, _))) = (k.checked_sub(1), raw.get(k)) else {
        return false;
    };
    let end = after_kind_word(lex, toks, raw[k1].1);
    let word = |i: usize| toks.get(i).map_or("", |t| t.lower.as_str());
    word(end) == "in"
        && (start == end + 1
            || (start == end + 2 && lex.has(Sec::Articles, word(end + 1)))
            || division_of(lex, toks, end + 1, start))
}

/// Most words that may stand between "in" and "of" in "X in the western countryside of Y".
const DIVISION_OF_WORDS: usize = 4;

/// True when the tokens from `from` up to `y_start` read "the [compass words] <division
/// word> of" ("in the western countryside of Y", "in the province of Y"): Y holds the
/// place before "in".
fn division_of(lex: &Lexicon, toks: &[Token], from: usize, y_start: usize) -> bool {
    let Some(words) = toks.get(from..y_start) else {
        return false;
    };
    let [lead @ .., kind, of] = words else {
        return false;
    };
    lead.len() <= DIVISION_OF_WORDS
        && lex.has(Sec::CompassOf, &of.lower)
        && lex.value(Sec::KindAdmin, &kind.lower) == Some("admin1")
        && lead.iter().enumerate().all(|(i, t)| {
            (i == 0 && lex.has(Sec::Articles, &t.lower)) || lex.has(Sec::Directional, &t.lower)
        })
}

/// Where the words after a name that ends at token `end` go on past one word for its kind
/// ("X town", "X district", "X dorp", "X area", "X desert"), which may stand between a name
/// and its division.
fn after_kind_word(lex: &Lexicon, toks: &[Token], end: usize) -> usize {
    let kind_word = toks.get(end).is_some_and(|t| {
        lex.has(Sec::KindTown, &t.lower)
            || lex.value(Sec::KindAdmin, &t.lower).is_some()
            || matches!(lex.value(Sec::PlaceParts, &t.lower), Some("place" | "area"))
    });
    if kind_word {
        end + 1
    } else {
        end
    }
}

/// True when name `j` is in a list of places: it, or a name joined to it by commas, is
/// followed by a list word (a lexicon's `coordinators`) and another name. A name in such a
/// list ("A, B and C") is one of several places, not the division that holds the name
/// before it.
fn in_list(lex: &Lexicon, j: usize, raw: &[RawMatch], toks: &[Token]) -> bool {
    let mut i = j;
    while let (Some(&(_, end, _, _)), Some(next)) = (raw.get(i), raw.get(i + 1)) {
        let Some(tok) = toks.get(end) else {
            return false;
        };
        if next.0 != end + 1 {
            return false;
        }
        if lex.has(Sec::Coordinators, &tok.lower) {
            return true;
        }
        if tok.lower != "," {
            return false;
        }
        i += 1;
    }
    false
}

/// True when the reading `entry` of a name contradicts the divisions or countries named
/// firmly after it (`holders`, see [`containers`]): a town of less than [`OUTSIDE_MAX`]
/// people ([`ABROAD_OUTSIDE_MAX`] when no name after it has any reading in the town's
/// country; of any size when the name as written matched only after folding, approximately or
/// as a machine romanisation: "Marabo" is no Malabo, see [`Toponym::literal`]), or a
/// second-level division, that lies in none of them, unless written as its own full name (no
/// shortening: "Reyes" is not "Reyes Acozac") and near one of them in its country ([`across_the_border`]; not when the text also names a district
/// the gazetteer knows, which pins the place down). Such a reading is a
/// namesake of a place the gazetteer lacks (most often a village); the division, resolved on
/// its own, then says where it is. Countries, first-level divisions and larger towns are
/// never dropped this way: "A, B" may also be two places side by side.
pub(super) fn namesake_outside(entry: &Toponym, holders: &Holders<'_>, written: &str) -> bool {
    let abroad = !holders.countries.contains(&entry.country_code.as_str());
    let holders = &holders.readings;
    let size_max = if abroad {
        ABROAD_OUTSIDE_MAX
    } else {
        OUTSIDE_MAX
    };
    matches!(entry.kind, EntryKind::Populated | EntryKind::Admin2)
        && (entry.population < size_max || !entry.literal)
        && !holders.is_empty()
        && !holders.iter().any(|c| inside(entry, c))
        && (entry.admin1.is_some() || !holders.iter().any(|c| c.country_code == entry.country_code))
        && !(entry.literal
            && fold(written) == fold(&entry.name)
            && holders.iter().all(|c| c.kind != EntryKind::Admin2)
            && holders.iter().any(|c| across_the_border(entry, c)))
}

/// How far from the point of a division of its own country a town spelt as written may lie
/// and still be the place meant when the gazetteer files it under the neighbouring division:
/// near a boundary the text and the gazetteer may disagree on which side a town lies.
const BORDER_KM: f64 = 150.0;

/// True when `entry` lies in `container`'s country within [`BORDER_KM`] of its point.
fn across_the_border(entry: &Toponym, container: &Toponym) -> bool {
    entry.country_code == container.country_code
        && distance_km(entry.lon, entry.lat, container.lon, container.lat) <= BORDER_KM
}
