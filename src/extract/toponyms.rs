//! Stage 1, ingest/extract: toponym recognition. The gazetteer is the recognizer (as in
//! CLIFF-CLAVIN): every gazetteer name in the text, longest match first, filtered so that
//! common words, parts of longer proper names and titled persons do not become places. The
//! names found are then resolved in [`super::resolve`].

use super::lexicon::Sec;
use std::sync::OnceLock;

use super::hash::{FastMap, FastSet};
use super::lexicon::Lexicon;
use super::name_ends::{
    facility_named_after, possessive, possessive_stem, Bounds, FACILITY_TOWN_MIN,
};
use super::place_index::{PlaceIndex, Toponym};
use super::text::{Kind, Token};
use crate::gazetteer::{fold_literal, EntryKind};

/// The most words a place name is matched over.
pub(super) const MAX_WORDS: usize = 6;

/// A name found by the scan: tokens `start..end`, the byte end of the name as written (a
/// possessive "'s" left out) and how many gazetteer entries share it.
pub type RawMatch = (usize, usize, usize, usize);

/// Sections whose words are parts of names, not common words: "Valley" or "Abu" may be a
/// place on its own; a verb only ever written in lower case may also be a town ("shells hit
/// Hit").
const NOT_COMMON: [Sec; 8] = [
    Sec::Actors,
    Sec::DivisionNameLinks,
    Sec::FacilityQualifiers,
    Sec::NameArticles,
    Sec::NameParticles,
    Sec::NameSuffixes,
    Sec::PersonParticles,
    Sec::StrikeVerbs,
];

/// Words of every lexicon that must never be read as a place on their own.
fn common_words() -> &'static FastSet<String> {
    static WORDS: OnceLock<FastSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut set = FastSet::default();
        for lex in Lexicon::all() {
            for (_, section) in lex
                .sections
                .iter()
                .filter(|(n, _)| !NOT_COMMON.iter().any(|sec| sec.name() == *n))
            {
                set.extend(section.words.iter().map(|w| fold_literal(w)));
                let keys = section.values.keys().filter(|k| !k.contains(' '));
                set.extend(keys.map(|k| fold_literal(k)));
            }
        }
        set
    })
}

/// A recognised place name.
#[derive(Debug, Clone)]
pub struct PlaceMatch {
    /// Tokens `start..end`.
    pub start: usize,
    pub end: usize,
    /// Byte span of the name as written (a possessive "'s" left out).
    pub byte_start: usize,
    pub byte_end: usize,
    /// Best entry, and how many entries share the name.
    pub entry: Toponym,
    pub candidates: usize,
}

/// [`PlaceIndex::count`] remembered per document: names recur within an article.
pub(super) struct Counts<'i, 't> {
    index: &'i PlaceIndex,
    seen: FastMap<&'t str, usize>,
}

impl<'i, 't> Counts<'i, 't> {
    fn new(index: &'i PlaceIndex) -> Self {
        Counts {
            index,
            seen: FastMap::default(),
        }
    }

    pub(super) fn get(&mut self, name: &'t str) -> usize {
        let index = self.index;
        *self.seen.entry(name).or_insert_with(|| index.count(name))
    }

    /// The largest population of an entry bearing `name`.
    pub(super) fn largest(&mut self, name: &'t str) -> u64 {
        if self.get(name) == 0 {
            return 0;
        }
        let scored = self.index.scored(name, 8);
        scored.iter().map(|(t, _)| t.population).max().unwrap_or(0)
    }

    /// True when the gazetteer lists `name` as a country.
    pub(super) fn is_country(&mut self, name: &'t str) -> bool {
        self.get(name) > 0
            && self
                .index
                .scored(name, 8)
                .iter()
                .any(|(t, _)| t.kind == EntryKind::Country)
    }
}

pub(super) fn cased(tok: &Token, text: &str) -> bool {
    tok.kind == Kind::Word
        && (tok.cap
            || text[tok.start..tok.end]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()))
}

/// Initials joined by full stops with no space ("U.S.", "U.A.E."): the token after the last
/// stop and the surface, stops included.
fn dotted_initials<'t>(text: &'t str, toks: &[Token], i: usize) -> Option<(usize, &'t str)> {
    let initial = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == Kind::Word && t.cap && t.end - t.start == t.lower.len() && t.lower.len() == 1
        })
    };
    let stop = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.lower == "." && t.start == toks[k - 1].end)
    };
    let mut k = i;
    while initial(k) && stop(k + 1) && (k == i || toks[k].start == toks[k - 1].end) {
        k += 2;
    }
    (k - i >= 4).then(|| (k, &text[toks[i].start..toks[k - 1].end]))
}

/// Finds every place name in `toks`; `initial[i]` says token `i` starts a sentence. `country`
/// is the context country from `--country`, if any.
pub fn recognise(
    index: &PlaceIndex,
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    initial: &[bool],
    country: Option<&str>,
) -> Vec<PlaceMatch> {
    let common = common_words();
    let mut counts = Counts::new(index);
    let names = super::names::person_names(&mut counts, lex, common, text, toks);
    let evidence = super::names::NameEvidence::collect(lex, text, toks);
    let in_actor = actor_names(lex, toks);
    // 1. Longest gazetteer names, filtered by the words around them.
    let mut raw: Vec<RawMatch> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // "Fresno, Calif.": a state's abbreviation (a common word too: "Ill.", "Miss.").
        if let Some((end, full)) = super::names::abbreviation_end(lex, toks, i) {
            let n = index.count(full);
            if n > 0 && !in_actor[i] {
                raw.push((i, end, toks[end - 1].end, n));
                i = end;
                continue;
            }
        }
        if in_actor[i]
            || !(cased(&toks[i], text) || article_opens_name(lex, text, toks, i))
            || super::names::not_a_name(&toks[i], text)
            || super::names::abbreviated_word(toks, i)
            || joined_on(lex, text, toks, i)
            || after_name_article(lex, text, toks, i)
            || common.contains(toks[i].lower.as_str())
                && !toks[i].upper
                && toks.get(i + 1).is_none_or(|n| !cased(n, text))
        {
            i += 1;
            continue;
        }
        // "U.S.", "U.A.E.": initials joined by full stops, looked up with and without them.
        if let Some((end, surface)) = dotted_initials(text, toks, i) {
            let bare: String = surface.chars().filter(|c| *c != '.').collect();
            let n = counts.get(surface).max(index.count(&bare));
            if n > 0 {
                raw.push((i, end, toks[end - 1].end, n));
                i = end;
                continue;
            }
        }
        let mut ends = Vec::new();
        let mut last = i;
        while last < toks.len() && last < i + MAX_WORDS {
            let t = &toks[last];
            // "St. Louis", "Ft. Worth": the abbreviation's full stop is part of the name.
            let saint = last > i
                && t.lower == "."
                && t.start == toks[last - 1].end
                && matches!(toks[last - 1].lower.as_str(), "st" | "ft" | "mt")
                && toks.get(last + 1).is_some_and(|n| cased(n, text));
            if saint {
                last += 1;
                continue;
            }
            let name_word = cased(t, text) || article_then_capital(lex, t, text);
            let ok = t.kind == Kind::Word
                && (last == i || t.breaks == 0)
                && (last == i || name_word || lex.has(Sec::NameParticles, &t.lower));
            if !ok {
                break;
            }
            if name_word {
                ends.push(last + 1);
            }
            last += 1;
        }
        let mut found = None;
        for &end in ends.iter().rev() {
            let surface = &text[toks[i].start..toks[end - 1].end];
            let mut byte_end = toks[end - 1].end;
            let mut n = counts.get(surface);
            // "Foo-Ville" for a gazetteer's "Fooville" or "Foo Ville".
            if n == 0 && surface.contains('-') {
                n = index
                    .count(&surface.replace('-', ""))
                    .max(index.count(&surface.replace('-', " ")));
            }
            if n == 0 {
                if let Some(s) = possessive_stem(&mut counts, surface) {
                    n = counts.get(s);
                    byte_end -= surface.len() - s.len();
                }
            }
            if n > 0 {
                found = Some((end, byte_end, n));
                break;
            }
        }
        // "San Andres de Tuxtla": a joining word of another language and a capital carry the
        // name on into one the gazetteer lacks; none of its parts is a place of its own.
        if let Some(whole) = found.and_then(|(end, _, _)| joined_name_end(lex, text, toks, end)) {
            i = whole;
            continue;
        }
        // "Mogadishu-Hodan", "Lima-La Victoria": a city and a district of it, joined by a
        // hyphen (the way event data sets name city districts): the city.
        if found.is_none() {
            found = city_before_hyphen(index, text, &toks[i]).map(|(byte_end, n)| {
                // The district's further words ("Lima-La Victoria") are no name of their own.
                let mut end = i + 1;
                while toks
                    .get(end)
                    .is_some_and(|t| t.kind == Kind::Word && t.breaks == 0 && cased(t, text))
                {
                    end += 1;
                }
                (end, byte_end, n)
            });
        }
        // "Wadi al Washka": an Arabic article and a capital after the name carry it on into
        // a longer name the gazetteer lacks; its first word alone is no place.
        let carried_on = |end: usize| {
            toks.get(end)
                .is_some_and(|t| t.breaks == 0 && separate_article(lex, &t.lower))
                && toks
                    .get(end + 1)
                    .is_some_and(|t| t.kind == Kind::Word && t.breaks == 0 && cased(t, text))
        };
        if found.is_some_and(|(end, _, _)| carried_on(end)) {
            found = None;
        }
        match found {
            Some((end, byte_end, n)) => {
                let single = end - i == 1;
                // ("DeSmog Canada" names no place, "in Canada" does.)
                let name_part = single
                    && names.contains(super::names::bare(&toks[i].lower))
                    && !super::names::after_locative(lex, toks, i);
                let word = single && evidence.not_place(lex, toks, i);
                // "in A Syria said ...": a country's name right after the place (its comma
                // lost) does not make the two one longer name.
                let mut before_country = || {
                    toks.get(end)
                        .filter(|n| n.breaks == 0 && cased(n, text))
                        .is_some_and(|n| counts.is_country(&text[n.start..n.end]))
                };
                let bounds = Bounds {
                    before_country: before_country(),
                    possessive_end: possessive(&mut counts, text, &toks[end - 1]),
                    after_possessive: i > 0 && possessive(&mut counts, text, &toks[i - 1]),
                    before_facility: facility_named_after(lex, text, toks, end).is_some()
                        && counts.largest(&text[toks[i].start..byte_end]) >= FACILITY_TOWN_MIN,
                };
                if !name_part && !word && accept(lex, common, text, toks, initial, i, end, bounds) {
                    raw.push((i, end, byte_end, n));
                }
                i = end;
            }
            None => i += 1,
        }
    }
    let mut matches =
        super::resolve::resolve(index, lex, text, toks, initial, country, &raw, &evidence);
    super::respelled::add_respelled(index, lex, text, toks, country, &mut matches);
    matches
}

/// Most lower-case words joining two parts of one name ("de los" in "Leon de los Aldama").
const JOINER_WORDS: usize = 3;

/// The end of the particles from token `from` on when they join two parts of one name: up
/// to [`JOINER_WORDS`] name particles, one of them a joining word of another language (the
/// lexicon's `name_joiners`), then a capitalised word, all without a break.
fn joiner_run(lex: &Lexicon, text: &str, toks: &[Token], from: usize) -> Option<usize> {
    let mut end = from;
    let mut joins = false;
    while end < from + JOINER_WORDS {
        let t = toks.get(end)?;
        if t.breaks > 0 || !name_particle(lex, text, t) {
            break;
        }
        joins |= lex.has(Sec::NameJoiners, &t.lower);
        end += 1;
    }
    let name_next = toks
        .get(end)
        .is_some_and(|t| t.breaks == 0 && cased(t, text));
    (joins && end > from && name_next).then_some(end)
}

/// A lower-case word that may stand inside a place name (the lexicon's `name_particles`).
fn name_particle(lex: &Lexicon, text: &str, t: &Token) -> bool {
    t.kind == Kind::Word && !cased(t, text) && lex.has(Sec::NameParticles, &t.lower)
}

/// When the name ending at token `end` is carried on by joining words into a longer one
/// ("San Andres de Tuxtla", "Vila Nova do Sul"), the end of that longer name.
fn joined_name_end(lex: &Lexicon, text: &str, toks: &[Token], end: usize) -> Option<usize> {
    let mut end = joiner_run(lex, text, toks, end)?;
    loop {
        while toks
            .get(end)
            .is_some_and(|t| t.breaks == 0 && cased(t, text))
        {
            end += 1;
        }
        match joiner_run(lex, text, toks, end) {
            Some(next) => end = next,
            None => return Some(end),
        }
    }
}

/// True when capitalised token `i` carries on a name through joining words before it
/// ("Rio" in "Vistas del Rio"): the tail of a longer name is no place of its own.
fn joined_on(lex: &Lexicon, text: &str, toks: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k < JOINER_WORDS {
        let t = &toks[k - 1];
        if !name_particle(lex, text, t) {
            break;
        }
        k -= 1;
    }
    k < i
        && k > 0
        && toks[k..=i].iter().all(|t| t.breaks == 0)
        && cased(&toks[k - 1], text)
        && joiner_run(lex, text, toks, k) == Some(i)
}

/// True when capitalised token `i` carries on a name through a separate Arabic article
/// ("Hilweh" in "Ein el Hilweh"): the tail of a longer name is no place of its own. Articles
/// that are also words of the language ("as", "at", "an") do not count.
fn after_name_article(lex: &Lexicon, text: &str, toks: &[Token], i: usize) -> bool {
    if i < 2 {
        return false;
    }
    let (article, before) = (&toks[i - 1], &toks[i - 2]);
    article.kind == Kind::Word
        && !cased(article, text)
        && [article, &toks[i]].iter().all(|t| t.breaks == 0)
        && separate_article(lex, &article.lower)
        && !lex.has(Sec::Locative, &article.lower)
        && cased(before, text)
        && before.kind == Kind::Word
}

/// An Arabic article written as a word of its own ("Wadi al Washka"), that is no word of the
/// language too ("Brazil as Venezuelan", "a market at Foo").
fn separate_article(lex: &Lexicon, lower: &str) -> bool {
    lex.has(Sec::NameArticles, lower)
        && !lex.has(Sec::Coordinators, lower)
        && !lex.has(Sec::Stop, lower)
        && !lex.has(Sec::Articles, lower)
}

/// Cities from this size on are what a hyphenated name the gazetteer lacks starts with when
/// it names one of their districts ("Mogadishu-Hodan"); smaller first parts are more often
/// half of a village's own double name ("Kalynove-Borshchuvate").
const CITY_DISTRICT_MIN: u64 = 100_000;

/// The byte end of the city that a hyphenated word the gazetteer lacks starts with
/// ("Mogadishu" in "Mogadishu-Hodan") and the number of gazetteer entries of that name,
/// when its best reading is a city of [`CITY_DISTRICT_MIN`] people or more.
fn city_before_hyphen(index: &PlaceIndex, text: &str, tok: &Token) -> Option<(usize, usize)> {
    let word = &text[tok.start..tok.end];
    let (city, rest) = word.split_once('-')?;
    let district = rest.chars().next().is_some_and(char::is_uppercase);
    let n = index.count(city);
    if !district || city.chars().count() < 3 || n == 0 {
        return None;
    }
    let best = index.scored(city, 1).into_iter().next()?.0;
    (best.kind == EntryKind::Populated && best.population >= CITY_DISTRICT_MIN)
        .then_some((tok.start + city.len(), n))
}

/// Marks the tokens of multi-word names of armed groups and forces (a lexicon's `actors`):
/// the places inside them ("the Islamic State of A and B") are part of a name, not places.
fn actor_names(lex: &Lexicon, toks: &[Token]) -> Vec<bool> {
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let mut mask = vec![false; toks.len()];
    for m in lex.patterns(Sec::Actors).find_all(&words, 0, words.len()) {
        if m.end - m.start >= 2 {
            mask[m.start..m.end].iter_mut().for_each(|x| *x = true);
        }
    }
    mask
}

/// "in A Saturday", "of A March 3": a day or month name after a name that a locative (or
/// "of") governs ends the place name. Without the locative, "Wed May 18" stays no place.
fn date_after_governed_name(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> bool {
    let governed = start > 0
        && (lex.has(Sec::Locative, &toks[start - 1].lower)
            || lex.has(Sec::Within, &toks[start - 1].lower));
    let date = toks.get(end).is_some_and(|n| {
        lex.value(Sec::Weekdays, &n.lower).is_some() || lex.value(Sec::Months, &n.lower).is_some()
    });
    governed && date
}

/// A word that starts with an article joined by a hyphen ("al-Faraj", "ez-Zor"; the
/// lexicon's `name_articles`).
pub(super) fn article_compound(lex: &Lexicon, lower: &str) -> bool {
    lower
        .split_once('-')
        .is_some_and(|(article, rest)| !rest.is_empty() && lex.has(Sec::NameArticles, article))
}

/// "in al-Bab": an article compound with a capital after the hyphen opens a name when no
/// capitalised word runs into it ("Ahrar al-Sham" is one name, its second half none).
fn article_opens_name(lex: &Lexicon, text: &str, toks: &[Token], i: usize) -> bool {
    article_then_capital(lex, &toks[i], text)
        && (i == 0 || toks[i].breaks > 0 || !cased(&toks[i - 1], text))
}

/// An article compound whose name starts with a capital after the hyphen ("ez-Zor",
/// "ash-Shughur"): a word of a place name although it starts in lower case.
pub(super) fn article_then_capital(lex: &Lexicon, tok: &Token, text: &str) -> bool {
    let raw = &text[tok.start..tok.end];
    tok.kind == Kind::Word
        && article_compound(lex, &tok.lower)
        && raw
            .split_once('-')
            .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_uppercase))
}

/// Largest count that makes the name after it a group of people (a year may stand right
/// before a place: "in 2019 Aleppo fell").
const COUNTED_MAX: u64 = 999;

/// True when `prev`, right before a name, counts it ("3 Balanda were killed", "two
/// Hazara"): a counted name is people, not a place.
fn counted(lex: &Lexicon, prev: &Token) -> bool {
    let value = match prev.kind {
        Kind::Number => prev.lower.parse::<u64>().ok(),
        Kind::Word if !lex.has(Sec::Articles, &prev.lower) => lex
            .value(Sec::Numbers, &prev.lower)
            .and_then(|v| v.parse::<u64>().ok()),
        _ => None,
    };
    prev.breaks == 0 && value.is_some_and(|v| (1..=COUNTED_MAX).contains(&v))
}

#[allow(clippy::too_many_arguments)]
fn accept(
    lex: &Lexicon,
    common: &FastSet<String>,
    text: &str,
    toks: &[Token],
    initial: &[bool],
    start: usize,
    end: usize,
    bounds: Bounds,
) -> bool {
    // Literal folding only (case, accents): the gazetteer's looser folding makes "UK" and
    // the Dutch "ook" one key.
    let key = fold_literal(&text[toks[start].start..toks[end - 1].end]);
    let single = end - start == 1;
    let bare = toks[start].lower.trim_end_matches("'s");
    if common.contains(&key) || (single && common.contains(bare)) {
        return false;
    }
    if !single && super::names::not_place_phrase(toks, start, end) {
        return false;
    }
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 && !(single && toks[start].upper) {
        return false;
    }
    // Part of a longer proper name ("Washington Post", "Rami Abdulrahman", "Save the Children",
    // "the Lions of the Valley").
    let particle = |j: usize| {
        toks.get(j).is_some_and(|p| {
            matches!(p.lower.as_str(), "the" | "of" | "van" | "der") && p.breaks == 0
        })
    };
    let name_at = |j: usize| toks.get(j).is_some_and(|n| cased(n, text) && n.breaks == 0);
    // "LONDON The Latest": a name in capitals ends where the capitals do.
    let capitals_end =
        toks[start..end].iter().all(|t| t.upper) && toks.get(end).is_some_and(|n| !n.upper);
    let particle_then_name = !capitals_end
        && particle(end)
        && (name_at(end + 1)
            || (toks[end].lower == "of"
                && toks.get(end + 1).is_some_and(|t| t.lower == "the")
                && name_at(end + 2)));
    if particle_then_name {
        return false;
    }
    // "Bab al-Faraj": a name followed by an Arabic article compound is part of a longer name.
    if toks.get(end).is_some_and(|n| {
        n.breaks == 0
            && n.kind == Kind::Word
            && article_compound(lex, &n.lower)
            && n.lower.len() > 4
    }) {
        return false;
    }
    if let Some(next) = toks.get(end) {
        if next.breaks == 0
            && !capitals_end
            && cased(next, text)
            && !bounds.before_country
            && !bounds.possessive_end
            && !lex.has(Sec::NameSuffixes, &next.lower)
            && !lex.has(Sec::KindAdmin, &next.lower)
            && !date_after_governed_name(lex, toks, start, end)
            && !bounds.before_facility
        {
            return false;
        }
    }
    // "the Badr organisation", "Saad sub-clans": a name before a word for a group of people
    // names the group.
    if toks
        .get(end)
        .is_some_and(|n| n.breaks == 0 && !cased(n, text) && lex.has(Sec::GroupNouns, &n.lower))
    {
        return false;
    }
    if start > 0 && counted(lex, &toks[start - 1]) {
        return false;
    }
    // "a sub-clan of the Hawiye": a people that a group belongs to.
    if let Some([group, of, the]) = start.checked_sub(3).and_then(|i| toks.get(i..start)) {
        if lex.has(Sec::GroupNouns, &group.lower)
            && lex.has(Sec::CompassOf, &of.lower)
            && lex.has(Sec::Articles, &the.lower)
        {
            return false;
        }
    }
    if start > 0 && !initial[start] {
        let prev = &toks[start - 1];
        let prev_is_name = cased(prev, text) && prev.breaks == 0;
        let directional = lex.has(Sec::Directional, &prev.lower) || common.contains(&prev.lower);
        if prev_is_name && !directional && !bounds.after_possessive {
            return false;
        }
    }
    if start > 0
        && Lexicon::all()
            .iter()
            .any(|l| l.has(Sec::Titles, &toks[start - 1].lower))
    {
        return false;
    }
    true
}
