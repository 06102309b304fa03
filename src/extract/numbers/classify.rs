//! What a number in the text is, judged from the words around it: a count, or a year, a
//! date, a unit, an ordinal, a run of counters or part of a name.

use super::NumberKind;
use crate::extract::lexicon::{Lexicon, Sec};
use crate::extract::text::{Kind, Token};

/// The oldest age a number set apart after a person may give.
const MAX_AGE: u64 = 120;

/// True for a digit group written against a separator and more digits: a numeric date or a
/// time ("06-06-2016", "12/3", "6:30").
fn numeric_date(toks: &[Token], i: usize) -> bool {
    let joined = |a: usize, b: usize| toks[a].end == toks[b].start;
    let sep = |t: &Token| matches!(t.lower.as_str(), "-" | "/" | ":");
    let after = i + 2 < toks.len()
        && sep(&toks[i + 1])
        && toks[i + 2].kind == Kind::Number
        && joined(i, i + 1)
        && joined(i + 1, i + 2);
    let before = i >= 2
        && sep(&toks[i - 1])
        && toks[i - 2].kind == Kind::Number
        && joined(i - 1, i)
        && joined(i - 2, i - 1);
    after || before
}

/// True when the text at byte `at` is a `clock` word ("a.m.", "pm", "GMT") that ends
/// there: the number before it is a time of day ("at 630 a.m."), not a count.
fn clock_time(lex: &Lexicon, text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let Some(section) = lex.section(Sec::Clock) else {
        return false;
    };
    section.words.iter().any(|w| {
        rest.get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w))
            && !rest[w.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// A number read at tokens `start..end` (before `to`) and the words right around it.
struct Spot<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    toks: &'a [Token],
    words: &'a [&'a str],
    start: usize,
    end: usize,
    to: usize,
    value: u64,
    /// Written in digits.
    digits: bool,
    /// The word after it ("an 11-year-old": the unit after a hyphen).
    next: Option<&'a str>,
    /// The word before it.
    prev: Option<&'a str>,
}

/// What the number at tokens `start..end` (value `value`) is: a date or a time, a unit, an
/// ordinal, a year, a run of counters, part of a name, or else a count.
#[allow(clippy::too_many_arguments)]
pub(super) fn classify(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    words: &[&str],
    start: usize,
    end: usize,
    to: usize,
    value: u64,
) -> NumberKind {
    let digits = toks[start].kind == Kind::Number;
    if digits && end == start + 1 && numeric_date(toks, start) {
        return NumberKind::Date;
    }
    // "an 11-year-old": the unit after a hyphen.
    let hyphen = end + 1 < to && words[end] == "-" && toks[end].start == toks[end - 1].end;
    let next = if hyphen {
        words.get(end + 1).map(|w| w.split('-').next().unwrap_or(w))
    } else if end < to {
        words.get(end).copied()
    } else {
        None
    };
    let prev = start.checked_sub(1).and_then(|p| words.get(p).copied());
    let spot = Spot {
        lex,
        text,
        toks,
        words,
        start,
        end,
        to,
        value,
        digits,
        next,
        prev,
    };
    spot.measured()
        .or_else(|| spot.calendar())
        .unwrap_or_else(|| spot.by_neighbours())
}

/// "a man, 35, was killed", "Jane Doe (42)": true when the comma or bracket at token `open`
/// sets apart a number in digits (an age: at most [`MAX_AGE`]) right after a word for one
/// person or a person's names (a first name and a surname: "in Eldoret, 35, and ..." counts).
pub(in crate::extract) fn age_aside(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    open: usize,
) -> bool {
    let closes = match words.get(open) {
        Some(&",") => ",",
        Some(&"(") => ")",
        _ => return false,
    };
    let age = toks.get(open + 1).is_some_and(|t| {
        t.kind == Kind::Number
            && t.lower
                .parse::<u64>()
                .is_ok_and(|v| (1..=MAX_AGE).contains(&v))
    });
    let person = open >= 1 && lex.has(Sec::OnePerson, words[open - 1])
        || open >= 2 && toks[open - 1].cap && toks[open - 2].cap;
    age && words.get(open + 2) == Some(&closes) && person
}

/// The letters that make a number written in digits an ordinal ("13th", "de 3e").
/// (The lexicon's `ordinal_suffixes`, in any language; no common words: "St" may be a name.)
pub(in crate::extract) fn is_ordinal_suffix(letters: &str) -> bool {
    Sec::OrdinalSuffixes.in_any_language(letters)
}

/// True when the number in digits at token `j` is an ordinal ("a 1st lieutenant"): its
/// suffix follows without a space.
pub(in crate::extract) fn is_ordinal(toks: &[Token], j: usize) -> bool {
    toks[j].kind == Kind::Number
        && toks
            .get(j + 1)
            .is_some_and(|t| t.start == toks[j].end && is_ordinal_suffix(&t.lower))
}

impl Spot<'_> {
    /// A number that measures or ranks rather than counts: an age ("aged 70"), a time of day
    /// ("at 630 a.m."), an ordinal ("13th", "de 3e"), a quantity with a unit ("four days"),
    /// "one of" something other than people or "the same one".
    fn measured(&self) -> Option<NumberKind> {
        let (lex, toks, start, end, next) = (self.lex, self.toks, self.start, self.end, self.next);
        // ("aged 70"; "under the age of 18".)
        let of_age = start >= 2
            && lex.has(Sec::GenitiveOf, self.words[start - 1])
            && lex.has(Sec::AgeWords, self.words[start - 2]);
        if self.prev.is_some_and(|p| lex.has(Sec::AgeWords, p)) || of_age {
            return Some(NumberKind::Unit);
        }
        if self.start > 0 && age_aside(self.lex, toks, self.words, self.start - 1) {
            return Some(NumberKind::Age);
        }
        if self.digits && end < self.to && clock_time(lex, self.text, toks[end].start) {
            return Some(NumberKind::Unit);
        }
        if self.digits && end < toks.len() && toks[end].start == toks[start + (end - start - 1)].end
        {
            if let Some(n) = next {
                if is_ordinal_suffix(n) {
                    return Some(NumberKind::Ordinal);
                }
            }
        }
        // "the same one": a thing named before.
        if self.value == 1 && !self.digits && self.prev.is_some_and(|p| lex.has(Sec::SameWords, p))
        {
            return Some(NumberKind::Unit);
        }
        // "one of the largest towns" is no count; "one of them", "one of the guards" is.
        if next.is_some_and(|n| lex.has(Sec::Units, n))
            || (self.value == 1
                && next.is_some_and(|n| Sec::GenitiveOf.in_any_language(n))
                && !one_of_people(lex, self.words, end + 1, self.to))
        {
            return Some(NumberKind::Unit);
        }
        None
    }

    /// A day or a year. "3 June", "June 3"; "on 1 June three civilians": a number written in
    /// words after a month is a count, not the day. A plain four-digit year ("in 2019"),
    /// unless people follow ("2000 protesters"); "August 21 2013 Activists say ...": a year
    /// after a month and a day, whatever follows.
    fn calendar(&self) -> Option<NumberKind> {
        let (lex, words, start, value, next) =
            (self.lex, self.words, self.start, self.value, self.next);
        if next.is_some_and(|n| lex.value(Sec::Months, n).is_some())
            || self.digits
                && self
                    .prev
                    .is_some_and(|p| lex.value(Sec::Months, p).is_some())
        {
            if value <= 31 {
                return Some(NumberKind::Date);
            }
            if (1800..=2100).contains(&value) {
                return Some(NumberKind::Year);
            }
        }
        let raw = &self.text[self.toks[start].start..self.toks[start].end];
        let plain_year = self.digits
            && self.end == start + 1
            && raw.len() == 4
            && (1800..=2100).contains(&value);
        let dated = start >= 2
            && lex.value(Sec::Months, words[start - 2]).is_some()
            && words[start - 1]
                .parse::<u64>()
                .is_ok_and(|d| (1..=31).contains(&d));
        if plain_year && dated {
            return Some(NumberKind::Year);
        }
        if plain_year && !next.is_some_and(|n| lex.is_people(n)) {
            return Some(NumberKind::Year);
        }
        None
    }

    /// Digits judged by their neighbours: a run of counters when digits stand right next to
    /// them, part of a name after a capitalised word, else a count. A neighbour that is a
    /// year or a day after a month ("March 3 2015 40 ...") dates the number, it does not
    /// make a run of counters.
    fn by_neighbours(&self) -> NumberKind {
        let (lex, toks, words, start, end) =
            (self.lex, self.toks, self.words, self.start, self.end);
        let number = |k: usize| {
            let dating = words[k].len() == 4
                && words[k]
                    .parse::<u64>()
                    .is_ok_and(|y| (1800..=2100).contains(&y))
                || k > 0 && lex.value(Sec::Months, words[k - 1]).is_some();
            toks.get(k).is_some_and(|t| t.kind == Kind::Number) && !dating
        };
        if self.digits && (end < self.to && number(end) || start.checked_sub(1).is_some_and(number))
        {
            return NumberKind::Run;
        }
        if self.digits
            && end == start + 1
            && (in_a_name(lex, self.text, toks, start, self.next)
                || (self.value <= 31 && dated_name_after(lex, toks, end)))
        {
            return NumberKind::Name;
        }
        if end == start + 1 && hyphen_named(self.text, toks, start) {
            return NumberKind::Name;
        }
        NumberKind::Count
    }
}

/// True when the number at token `k` is joined by a hyphen, with no space, to a capitalised
/// word after it, or to digits or a capitalised word before it: a name ("7-Eleven", both its
/// numbers), not a count ("an 11-year-old", "a 25-strong group" are lower case).
fn hyphen_named(text: &str, toks: &[Token], k: usize) -> bool {
    let capital = |t: &Token| {
        t.kind == Kind::Word
            && text[t.start..t.end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    let joined = |a: usize, b: usize| toks[a].end == toks[b].start;
    let after = k + 2 < toks.len()
        && toks[k + 1].lower == "-"
        && joined(k, k + 1)
        && joined(k + 1, k + 2)
        && capital(&toks[k + 2])
        && toks[k].kind == Kind::Number;
    let before = k >= 2
        && toks[k - 1].lower == "-"
        && joined(k - 2, k - 1)
        && joined(k - 1, k)
        && (capital(&toks[k - 2]) || toks[k - 2].kind == Kind::Number);
    after || before
}

/// True when token `at` is a capitalised word that runs a month's full name on into a longer
/// word: the day before it names a street or square after a date ("het 24 Oktoberplein", "de
/// 18 Septemberstraat"), it counts nothing.
fn dated_name_after(lex: &Lexicon, toks: &[Token], at: usize) -> bool {
    let Some(tok) = toks
        .get(at)
        .filter(|t| t.kind == Kind::Word && t.breaks == 0)
    else {
        return false;
    };
    let Some(section) = lex.section(Sec::Months) else {
        return false;
    };
    tok.cap
        && section.values.keys().any(|month| {
            month.len() >= 5
                && tok.lower.len() > month.len() + 2
                && tok.lower.starts_with(month.as_str())
        })
}

/// How many words after "one of the" may come before the word for people ("one of the
/// five wounded policemen").
const ONE_OF_WORDS: usize = 3;

/// True when the words from `at` (right after "one of") name people: a pronoun for a group
/// named before ("one of them") or a word for people after an article or determiner and a
/// few describing words ("one of the guards", "one of his bodyguards"); not "one of the
/// largest towns".
fn one_of_people(lex: &Lexicon, words: &[&str], at: usize, to: usize) -> bool {
    let Some(first) = words.get(at).filter(|_| at < to) else {
        return false;
    };
    if lex.has(Sec::PartitivePronouns, first) {
        return true;
    }
    if !(lex.has(Sec::Articles, first) || lex.has(Sec::SingularDeterminers, first)) {
        return false;
    }
    words[at + 1..to.min(at + 1 + ONE_OF_WORDS)]
        .iter()
        .take_while(|w| w.chars().any(char::is_alphabetic))
        .any(|w| lex.is_people(w))
}

/// True when the digits at `start` name a place with the capitalised word before them: a
/// numbered road or sector ("Street 50", "Route 66"), a name before a place noun ("the
/// Foo 86 neighbourhood"), a name in a list of names ("Foo 86 and Bar"), or a model after a
/// short acronym ("an AK 47").
fn in_a_name(lex: &Lexicon, text: &str, toks: &[Token], start: usize, next: Option<&str>) -> bool {
    let Some(prev) = start.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    let cased = prev.kind == Kind::Word
        && text[prev.start..prev.end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && prev.end < toks[start].start;
    let numbered = lex.has(Sec::NumberedPlaces, &prev.lower);
    let before_place_noun = next.is_some_and(|n| lex.value(Sec::PlaceParts, n).is_some());
    // "the districts of Foo 86 and Bar": a number between a name and the next name of a list.
    let in_a_list = next.is_some_and(|n| lex.has(Sec::Coordinators, n))
        && toks.get(start + 2).is_some_and(|t| {
            t.kind == Kind::Word
                && text[t.start..t.end]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        });
    // "an AK 47", "an RPG 7": digits after a short acronym name a model, unless people follow.
    let model =
        prev.upper && prev.lower.chars().count() <= 3 && !next.is_some_and(|n| lex.is_people(n));
    cased
        && lex.value(Sec::Months, &prev.lower).is_none()
        && (numbered || before_place_noun || in_a_list || model)
}
