//! The scan for gazetteer names: at each word, the longest name the gazetteer knows, filtered
//! by the words around it.

use super::super::hash::FastSet;
use super::super::lexicon::{Lexicon, Sec};
use super::super::name_ends::{
    facility_named_after, possessive, possessive_stem, Bounds, FACILITY_TOWN_MIN,
};
use super::super::names::{self, NameEvidence};
use super::super::place_index::PlaceIndex;
use super::super::text::{without_possessive, Kind, Token};
use super::joined::{
    after_name_article, article_opens_name, article_then_capital, joined_name_end, joined_on,
    separate_article,
};
use super::{cased, Counts, RawMatch, MAX_WORDS};
use crate::gazetteer::EntryKind;

/// What the scan reads the article with.
pub(super) struct Scan<'a> {
    pub index: &'a PlaceIndex,
    pub lex: &'a Lexicon,
    /// Words of every lexicon that are never a place on their own.
    pub common: &'a FastSet<String>,
    pub text: &'a str,
    pub toks: &'a [Token],
    /// `initial[i]`: token `i` starts a sentence.
    pub initial: &'a [bool],
    /// Words the article uses as persons' names.
    pub names: &'a FastSet<&'a str>,
    pub evidence: &'a NameEvidence<'a>,
    /// `in_actor[i]`: token `i` is inside the name of an armed group.
    pub in_actor: &'a [bool],
}

/// A name the gazetteer holds: its end token, byte end and how many entries share it.
type Found = (usize, usize, usize);

impl<'a> Scan<'a> {
    /// Every gazetteer name in the article, longest match first.
    pub(super) fn all(&self, counts: &mut Counts<'_, 'a>) -> Vec<RawMatch> {
        let mut raw: Vec<RawMatch> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            i = self.at(counts, i, &mut raw);
        }
        raw
    }

    /// Reads the name that starts at token `i`, if any, into `raw`; returns the token the scan
    /// goes on from.
    fn at(&self, counts: &mut Counts<'_, 'a>, i: usize, raw: &mut Vec<RawMatch>) -> usize {
        let (index, lex, text, toks) = (self.index, self.lex, self.text, self.toks);
        // "Fresno, Calif.": a state's abbreviation (a common word too: "Ill.", "Miss.").
        if let Some((end, full)) = names::abbreviation_end(lex, toks, i) {
            let n = index.count(full);
            if n > 0 && !self.in_actor[i] {
                raw.push((i, end, toks[end - 1].end, n));
                return end;
            }
        }
        if self.opens_no_name(i) {
            return i + 1;
        }
        // "U.S.", "U.A.E.": initials joined by full stops, looked up with and without them.
        if let Some((end, surface)) = dotted_initials(text, toks, i) {
            let bare: String = surface.chars().filter(|c| *c != '.').collect();
            let n = counts.get(surface).max(index.count(&bare));
            if n > 0 {
                raw.push((i, end, toks[end - 1].end, n));
                return end;
            }
        }
        // "in A B and C": a list that lost its commas.
        let after_place = raw.last().is_some_and(|r| r.1 + 1 == i);
        if let Some((run_end, pieces)) = self.run_on_list(counts, i, after_place) {
            raw.extend(pieces);
            return run_end;
        }
        let mut found = self.longest_known(counts, i);
        // "San Andres de Tuxtla": a joining word of another language and a capital carry the
        // name on into one the gazetteer lacks; none of its parts is a place of its own.
        if let Some(whole) = found.and_then(|(end, _, _)| joined_name_end(lex, text, toks, end)) {
            return whole;
        }
        if found.is_none() {
            found = self.city_of_district(i);
        }
        if found.is_some_and(|(end, _, _)| self.carried_on(end)) {
            found = None;
        }
        match found {
            Some((end, byte_end, n)) => {
                if self.keeps(counts, i, end, byte_end) {
                    raw.push((i, end, byte_end, n));
                }
                end
            }
            None => i + 1,
        }
    }

    /// True when token `i` cannot start a place name: inside a group's name, not capitalised
    /// (nor an article compound that opens a name), no name, an abbreviation, the tail of a
    /// longer name, or a common word that no capital follows.
    fn opens_no_name(&self, i: usize) -> bool {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        self.in_actor[i]
            || !(cased(&toks[i], text) || article_opens_name(lex, text, toks, i))
            || names::not_a_name(&toks[i], text)
            || names::abbreviated_word(toks, i)
            || joined_on(lex, text, toks, i)
            || after_name_article(lex, text, toks, i)
            || self.common.contains(toks[i].lower.as_str())
                && !toks[i].upper
                && toks.get(i + 1).is_none_or(|n| !cased(n, text))
                && !self.particle_then_capital(i + 1)
    }

    /// True when token `j` is a word of another language joining a place name's parts,
    /// right before a capitalised word: "Mar del Plata", where a common word (a month's
    /// abbreviation) opens a longer name. (Not "of", "and": "May and June".)
    fn particle_then_capital(&self, j: usize) -> bool {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        toks.get(j)
            .is_some_and(|p| p.breaks == 0 && lex.has(Sec::NameJoiners, &p.lower))
            && toks
                .get(j + 1)
                .is_some_and(|n| n.breaks == 0 && cased(n, text))
    }

    /// The token ends of the names that may start at token `i`: name words (and particles
    /// between them) on one line, at most [`MAX_WORDS`].
    fn name_ends(&self, i: usize) -> Vec<usize> {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        let mut ends = Vec::new();
        let mut last = i;
        let mut foreign = 0;
        while last < toks.len() && last < i + MAX_WORDS {
            let t = &toks[last];
            // "St. Louis", "Ft. Worth": the abbreviation's full stop is part of the name.
            let saint = last > i
                && t.lower == "."
                && t.start == toks[last - 1].end
                && Sec::NameAbbreviations.in_any_language(&toks[last - 1].lower)
                && toks.get(last + 1).is_some_and(|n| cased(n, text));
            if saint {
                last += 1;
                continue;
            }
            let name_word = cased(t, text) || article_then_capital(lex, t, text);
            let particle = lex.has(Sec::NameParticles, &t.lower);
            // "Poienile de sub Munte", "Kut e Abdollah": one short word of another language
            // inside a name the gazetteer holds whole (only the whole name is looked up).
            let short_word = !name_word && !particle && is_short_word(&t.lower);
            if short_word {
                foreign += 1;
            }
            let ok = t.kind == Kind::Word
                && (last == i || t.breaks == 0)
                && (last == i || name_word || particle || short_word && foreign == 1);
            if !ok {
                break;
            }
            if name_word {
                ends.push(last + 1);
            }
            last += 1;
        }
        ends
    }

    /// The longest name from token `i` on that the gazetteer holds, as written, hyphens
    /// read as nothing or a space, or without a possessive.
    fn longest_known(&self, counts: &mut Counts<'_, 'a>, i: usize) -> Option<Found> {
        let (index, text, toks) = (self.index, self.text, self.toks);
        for &end in self.name_ends(i).iter().rev() {
            let surface = &text[toks[i].start..toks[end - 1].end];
            let mut byte_end = toks[end - 1].end;
            // "UK's": capitals with a possessive are the capitals' name ("uks" is another);
            // so is one word whose stem is a name ("America's" is not "the Americas").
            let stem = without_possessive(surface);
            let stem_known = end == i + 1 && stem.is_some_and(|s| counts.get(s) > 0);
            let mut n = if stem.is_some() && (toks[end - 1].upper || stem_known) {
                0
            } else {
                counts.get(surface)
            };
            // "Foo-Ville" for a gazetteer's "Fooville" or "Foo Ville".
            if n == 0 && surface.contains('-') {
                n = index
                    .count(&surface.replace('-', ""))
                    .max(index.count(&surface.replace('-', " ")));
            }
            // "Noord-Kivu", "Noord-Syrië": a direction word joined to a name.
            if n == 0 && end == i + 1 && surface.contains('-') {
                n = self.directed(surface);
            }
            if n == 0 {
                if let Some(s) = possessive_stem(counts, surface) {
                    n = counts.get(s);
                    byte_end -= surface.len() - s.len();
                }
            }
            if n > 0 {
                return Some((end, byte_end, n));
            }
        }
        None
    }

    /// How many entries bear a word that opens with a direction word joined by a hyphen:
    /// the name with the direction in English ("Noord-Kivu": North Kivu), else a part of the
    /// country or province named after it ("Noord-Syrië"; not a part of the world,
    /// "Zuid-Amerika"); 0 for none.
    fn directed(&self, surface: &str) -> usize {
        let Some((n, part)) = self.index.count_directed(surface) else {
            return 0;
        };
        let rest = surface.rsplit('-').next().unwrap_or(surface);
        if !part {
            return n;
        }
        let area = self
            .index
            .scored(rest, 1)
            .first()
            .is_some_and(|(t, _)| matches!(t.kind, EntryKind::Country | EntryKind::Admin1));
        if area {
            n
        } else {
            0
        }
    }

    /// "Mogadishu-Hodan", "Lima-La Victoria": a city and a district of it, joined by a
    /// hyphen (the way event data sets name city districts): the city.
    fn city_of_district(&self, i: usize) -> Option<Found> {
        let (text, toks) = (self.text, self.toks);
        city_before_hyphen(self.index, text, &toks[i]).map(|(byte_end, n)| {
            // The district's further words ("Lima-La Victoria") are no name of their own.
            let mut end = i + 1;
            while toks
                .get(end)
                .is_some_and(|t| t.kind == Kind::Word && t.breaks == 0 && cased(t, text))
            {
                end += 1;
            }
            (end, byte_end, n)
        })
    }

    /// "Wadi al Washka": an Arabic article and a capital after the name carry it on into
    /// a longer name the gazetteer lacks; its first word alone is no place.
    fn carried_on(&self, end: usize) -> bool {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        toks.get(end)
            .is_some_and(|t| t.breaks == 0 && separate_article(lex, &t.lower))
            && toks
                .get(end + 1)
                .is_some_and(|t| t.kind == Kind::Word && t.breaks == 0 && cased(t, text))
    }

    /// True when the name at tokens `i..end` (bytes up to `byte_end`) is kept as a place: a
    /// single word is no person's name nor a word the article uses otherwise, and
    /// [`Scan::accept`] reads the words around it.
    fn keeps(&self, counts: &mut Counts<'_, 'a>, i: usize, end: usize, byte_end: usize) -> bool {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        let single = end - i == 1;
        // ("DeSmog Canada" names no place, "in Canada" does.)
        let name_part = single
            && self.names.contains(names::bare(&toks[i].lower))
            && !names::after_locative(lex, toks, i);
        let word = single && self.evidence.not_place(lex, toks, i);
        // ("the Pacific Ocean", "the Caspian Sea": a word for water after a name ends the
        // water's name, whatever place bears the word alone.)
        let water = single
            && lex.has(Sec::WaterBodies, &toks[i].lower)
            && i > 0
            && toks[i].breaks == 0
            && cased(&toks[i - 1], text);
        // "in A Syria said ...": a country's name right after the place (its comma
        // lost) does not make the two one longer name.
        let mut before_country = || {
            toks.get(end)
                .filter(|n| n.breaks == 0 && cased(n, text))
                .is_some_and(|n| counts.is_country(&text[n.start..n.end]))
        };
        let bounds = Bounds {
            before_country: before_country(),
            possessive_end: possessive(counts, text, &toks[end - 1]),
            after_possessive: i > 0
                && (possessive(counts, text, &toks[i - 1])
                    || acronym_possessive(&text[toks[i - 1].start..toks[i - 1].end])),
            before_facility: facility_named_after(lex, text, toks, end).is_some()
                && counts.largest(&text[toks[i].start..byte_end]) >= FACILITY_TOWN_MIN,
        };
        !name_part && !word && !water && self.accept(i, end, &bounds)
    }
}

/// True for an acronym's possessive ("GM's", "NATO\u{2019}s"): it ends the organisation's
/// name, and a capitalised word after it starts another ("GM's Bowling Green plant").
fn acronym_possessive(word: &str) -> bool {
    without_possessive(word).is_some_and(|stem| {
        stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())
    })
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
pub(super) fn actor_names(lex: &Lexicon, toks: &[Token]) -> Vec<bool> {
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let mut mask = vec![false; toks.len()];
    for m in lex.patterns(Sec::Actors).find_all(&words, 0, words.len()) {
        if m.end - m.start >= 2 {
            mask[m.start..m.end].iter_mut().for_each(|x| *x = true);
        }
    }
    mask
}

/// Longest word of another language taken inside a longer name ([`Scan::name_ends`]).
const SHORT_WORD_CHARS: usize = 4;

/// A lower-case word of letters, at most [`SHORT_WORD_CHARS`] long.
fn is_short_word(lower: &str) -> bool {
    let mut n = 0;
    for c in lower.chars() {
        if !c.is_alphabetic() {
            return false;
        }
        n += 1;
    }
    (1..=SHORT_WORD_CHARS).contains(&n)
}
