//! Stage 1, ingest/extract: amounts in running text → values with their qualifier.
//!
//! Digits in either convention ("5000", "5.000", "5,000", "12 000", "2,5 miljoen"), number
//! words ("twaalfduizend", "tweeëntwintig", "eighty-four", "a hundred", "two hundred and
//! fifty"), vague amounts at their conservative reading ("honderden" = 100, "dozens" = 12)
//! and the qualifiers before them ("meer dan", "ruim", "at least", "some").

use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::one_person::one_person;
use super::text::{Kind, Token};
use crate::model::Qualifier;

/// What a number in the text is, judged from the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// A count of something (a candidate figure).
    Count,
    /// A calendar year ("in 2019").
    Year,
    /// A day of a month ("13 oktober", "October 13").
    Date,
    /// A quantity with a unit that is not a count of people ("vier dagen", "20 km", "5%").
    Unit,
    /// An ordinal ("13th", "de 3e").
    Ordinal,
    /// "a man", "an officer", "een vrouw": one person, counted only when the clause says
    /// what happened to them ("a man was shot dead").
    Indefinite,
    /// Digits standing next to other digits with no word between ("0 0 0", the share
    /// counters of a web page; "12 34"): no count of anything the text says.
    Run,
    /// Digits that are part of a place's name ("Street 50", "Route 66", "the Foo 86
    /// neighbourhood").
    Name,
}

/// A number expression: tokens `start..end` (qualifier included), the number itself from
/// `number_start`.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberExpr {
    pub start: usize,
    pub end: usize,
    pub number_start: usize,
    pub value: u64,
    pub qualifier: Qualifier,
    pub kind: NumberKind,
    /// The low end of a range ("between 40 and 50 people"): where the high end ends, so
    /// that the subject after it counts for both.
    pub high_end: Option<usize>,
}

fn qualifier_from(name: &str) -> Option<Qualifier> {
    Some(match name {
        "more_than" => Qualifier::MoreThan,
        "at_least" => Qualifier::AtLeast,
        "at_most" => Qualifier::AtMost,
        "about" => Qualifier::About,
        "exact" => Qualifier::Exact,
        _ => return None,
    })
}

/// Parses a digit token: thousands separators ('.' or ',' before exactly three digits) are
/// dropped; another separator is a decimal mark. Returns the value as a float.
fn parse_digits(raw: &str) -> Option<f64> {
    let groups: Vec<&str> = raw.split(['.', ',']).collect();
    if groups.len() == 1 {
        return raw.parse().ok();
    }
    let thousands = groups[1..].iter().all(|g| g.len() == 3) && groups[0].len() <= 3;
    if thousands {
        return groups.concat().parse().ok();
    }
    if groups.len() == 2 {
        return format!("{}.{}", groups[0], groups[1]).parse().ok();
    }
    None
}

/// The value of a number word or a Dutch compound ("twaalfduizend" → [12, 1000]).
fn word_values(lex: &Lexicon, word: &str, out: &mut Vec<u64>) -> bool {
    let Some(numbers) = lex.section(Sec::Numbers) else {
        return false;
    };
    let start = out.len();
    let mut rest = word;
    let mut connector_last = false;
    while !rest.is_empty() {
        let mut found = None;
        for (k, _) in rest
            .char_indices()
            .skip(1)
            .chain(std::iter::once((rest.len(), ' ')))
        {
            let head = &rest[..k];
            if !lex.number_prefixes.contains(head) {
                break;
            }
            // "een" counts only inside a compound ("eenentwintig"), never on its own.
            let inside = rest.len() > head.len();
            let value = numbers.value(head).or_else(|| {
                inside
                    .then(|| lex.value(Sec::CompoundNumbers, head))
                    .flatten()
            });
            if let Some(v) = value {
                found = Some((k, v));
            }
        }
        let Some((k, v)) = found else {
            out.truncate(start);
            return false;
        };
        connector_last = v == "+";
        if let Ok(n) = v.parse::<u64>() {
            out.push(n);
        }
        rest = &rest[k..];
    }
    if connector_last {
        out.truncate(start);
        return false;
    }
    out.len() > start
}

fn combine(values: &[u64]) -> u64 {
    let (mut total, mut current) = (0u64, 0u64);
    for &v in values {
        if v == 100 {
            current = current.max(1).saturating_mul(100);
        } else if v >= 1000 {
            total = total.saturating_add(current.max(1).saturating_mul(v));
            current = 0;
        } else {
            current = current.saturating_add(v);
        }
    }
    total.saturating_add(current)
}

fn is_multiplier(lex: &Lexicon, word: &str) -> Option<u64> {
    lex.value(Sec::Numbers, word)
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|&v| v >= 100)
}

/// The factor of a word that multiplies the number before it and is below a hundred
/// ("dozen"): "3 dozen" is 36.
fn small_multiplier(lex: &Lexicon, word: &str) -> Option<u64> {
    lex.value(Sec::SmallMultipliers, word)?.parse().ok()
}

/// Reads the number starting at token `i`: `(end, value, vague)`.
fn number_at(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    words: &[&str],
    i: usize,
    to: usize,
) -> Option<(usize, u64, bool)> {
    if let Some(m) = lex.patterns(Sec::Vague).match_at(words, i, to) {
        let value = m.value.parse().ok()?;
        return Some((m.end, value, true));
    }
    let tok = toks.get(i)?;
    if tok.kind == Kind::Number {
        let raw = &text[tok.start..tok.end];
        let mut value = parse_digits(raw)?;
        let mut j = i + 1;
        // "12 000": a group of three digits after a single space.
        while j < to
            && toks[j].kind == Kind::Number
            && toks[j].end - toks[j].start == 3
            && value.fract() == 0.0
        {
            let gap = &text[toks[j - 1].end..toks[j].start];
            if !matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}") {
                break;
            }
            value = value * 1000.0 + parse_digits(&text[toks[j].start..toks[j].end])?;
            j += 1;
        }
        if let Some(m) = words.get(j).and_then(|w| is_multiplier(lex, w)) {
            value *= m as f64;
            j += 1;
        }
        if let Some(m) = words.get(j).and_then(|w| small_multiplier(lex, w)) {
            value *= m as f64;
            j += 1;
        }
        if value.fract() != 0.0 || !(0.0..=1e15).contains(&value) {
            return None;
        }
        return Some((j, value as u64, false));
    }
    // Number words: "a hundred", "eighty-four", "twee honderd en vijftig", "twaalfduizend".
    let mut values = Vec::new();
    let mut j = i;
    let mut last_good = None;
    while j < to {
        let w = words[j];
        // ("a hundred": the indefinite article, which the lexicon reads as one.)
        let article = lex.value(Sec::Numbers, w) == Some("1") && lex.has(Sec::Indefinite, w);
        if article {
            match words.get(j + 1).and_then(|n| is_multiplier(lex, n)) {
                Some(_) if values.is_empty() => values.push(1),
                _ => break,
            }
        } else if lex.value(Sec::Numbers, w) == Some("+") {
            // "two hundred and fifty"; "forty and fifty" are two numbers.
            if values.last().is_none_or(|&v| v < 100) {
                break;
            }
        } else if w.contains('-') && w.split('-').all(|p| lex.value(Sec::Numbers, p).is_some()) {
            for part in w.split('-') {
                word_values(lex, part, &mut values);
            }
            last_good = Some(j + 1);
        } else if word_values(lex, w, &mut values) {
            last_good = Some(j + 1);
        } else {
            break;
        }
        j += 1;
    }
    let mut end = last_good?;
    let mut value = combine(&values);
    // "three dozen": the number times the word after it.
    if let Some(m) = words.get(end).and_then(|w| small_multiplier(lex, w)) {
        value = value.saturating_mul(m);
        end += 1;
    }
    (value > 0).then_some((end, value, false))
}

/// Every number expression in tokens `from..to`.
pub fn find_numbers(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    words: &[&str],
    from: usize,
    to: usize,
) -> Vec<NumberExpr> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        let mut qualifier = None;
        let mut j = i;
        while let Some(m) = lex.patterns(Sec::Qualifiers).match_at(words, j, to) {
            qualifier = qualifier.or_else(|| qualifier_from(m.value));
            j = m.end;
        }
        if let Some((end, value)) = one_person(lex, toks, words, j, to) {
            out.push(NumberExpr {
                start: i,
                end,
                number_start: j,
                value,
                qualifier: Qualifier::Exact,
                kind: NumberKind::Indefinite,
                high_end: None,
            });
            i = end;
            continue;
        }
        match number_at(lex, text, toks, words, j, to) {
            Some((end, value, vague)) => {
                let qualifier = match (vague, qualifier) {
                    (true, _) => Qualifier::Vague,
                    (false, Some(q)) => q,
                    (false, None) => Qualifier::Exact,
                };
                let kind = classify(lex, text, toks, words, j, end, to, value);
                out.push(NumberExpr {
                    start: i,
                    end,
                    number_start: j,
                    value,
                    qualifier,
                    kind,
                    high_end: None,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    super::ranges::mark_ranges(lex, words, &mut out);
    out
}

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

#[allow(clippy::too_many_arguments)]
fn classify(
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
    if prev.is_some_and(|p| lex.has(Sec::AgeWords, p)) {
        return NumberKind::Unit;
    }
    if digits && end < to && clock_time(lex, text, toks[end].start) {
        return NumberKind::Unit;
    }
    if digits && end < toks.len() && toks[end].start == toks[start + (end - start - 1)].end {
        if let Some(n) = next {
            // (Letters, not words, kept out of the lexicons: every lexicon word is a common
            // word, never read as a place, and "St" may be one.)
            if matches!(n, "th" | "st" | "nd" | "rd" | "e" | "ste" | "de") {
                return NumberKind::Ordinal;
            }
        }
    }
    // "one of the largest towns" is no count; "one of them", "one of the guards" is.
    if next.is_some_and(|n| lex.has(Sec::Units, n))
        || (value == 1
            && next.is_some_and(|n| Sec::GenitiveOf.in_any_language(n))
            && !one_of_people(lex, words, end + 1, to))
    {
        return NumberKind::Unit;
    }
    // "3 June", "June 3"; "on 1 June three civilians": a number written in words after a
    // month is a count, not the day.
    if next.is_some_and(|n| lex.value(Sec::Months, n).is_some())
        || digits && prev.is_some_and(|p| lex.value(Sec::Months, p).is_some())
    {
        if value <= 31 {
            return NumberKind::Date;
        }
        if (1800..=2100).contains(&value) {
            return NumberKind::Year;
        }
    }
    let raw = &text[toks[start].start..toks[start].end];
    let plain_year = digits && end == start + 1 && raw.len() == 4 && (1800..=2100).contains(&value);
    // "August 21 2013 Activists say ...": a year after a month and a day, whatever follows.
    let dated = start >= 2
        && lex.value(Sec::Months, words[start - 2]).is_some()
        && words[start - 1]
            .parse::<u64>()
            .is_ok_and(|d| (1..=31).contains(&d));
    if plain_year && dated {
        return NumberKind::Year;
    }
    if plain_year && !next.is_some_and(|n| lex.is_people(n)) {
        return NumberKind::Year;
    }
    // A neighbour that is a year or a day after a month ("March 3 2015 40 ...") dates the
    // number, it does not make a run of counters.
    let number = |k: usize| {
        let dating = words[k].len() == 4
            && words[k]
                .parse::<u64>()
                .is_ok_and(|y| (1800..=2100).contains(&y))
            || k > 0 && lex.value(Sec::Months, words[k - 1]).is_some();
        toks.get(k).is_some_and(|t| t.kind == Kind::Number) && !dating
    };
    if digits && (end < to && number(end) || start.checked_sub(1).is_some_and(number)) {
        return NumberKind::Run;
    }
    if digits && end == start + 1 && in_a_name(lex, text, toks, start, next) {
        return NumberKind::Name;
    }
    NumberKind::Count
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;

    fn read(code: &str, text: &str) -> Vec<(u64, Qualifier, NumberKind, String)> {
        let lex = Lexicon::get(code).unwrap();
        let toks = tokenize(text, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        find_numbers(lex, text, &toks, &words, 0, toks.len())
            .into_iter()
            .map(|n| {
                (
                    n.value,
                    n.qualifier,
                    n.kind,
                    text[toks[n.start].start..toks[n.end - 1].end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_year_after_a_month_and_day_is_a_year_whatever_follows() {
        let kinds: Vec<(u64, NumberKind)> =
            read("en", "On March 3 2015 civilians said 40 people died.")
                .into_iter()
                .map(|(v, _, k, _)| (v, k))
                .collect();
        assert_eq!(
            kinds,
            [
                (3, NumberKind::Date),
                (2015, NumberKind::Year),
                (40, NumberKind::Count)
            ]
        );
    }

    #[test]
    fn a_time_of_day_is_no_count() {
        let kinds: Vec<(u64, NumberKind)> = read(
            "en",
            "At 630 a.m. jets struck the town and at 9 pm 40 people died; by 11 GMT two more.",
        )
        .into_iter()
        .map(|(v, _, k, _)| (v, k))
        .collect();
        assert_eq!(
            kinds,
            [
                (630, NumberKind::Unit),
                (9, NumberKind::Unit),
                (40, NumberKind::Count),
                (11, NumberKind::Unit),
                (2, NumberKind::Count)
            ]
        );
    }

    #[test]
    fn a_qualifier_at_the_very_end_reads_no_number() {
        let lex = Lexicon::get("en").expect("the English lexicon");
        let text = "They said at least";
        let toks = tokenize(text, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert!(find_numbers(lex, text, &toks, &words, 0, toks.len()).is_empty());
    }

    #[test]
    fn dutch_numbers_and_qualifiers() {
        let got = read(
            "nl",
            "meer dan 700, zo'n twaalfduizend, ruim honderd, 5.000, 12 000 en tweeëntwintig, \
             honderden, naar schatting zo'n 5000, 2,5 miljoen",
        );
        let values: Vec<u64> = got.iter().map(|g| g.0).collect();
        assert_eq!(
            values,
            [700, 12000, 100, 5000, 12000, 22, 100, 5000, 2_500_000]
        );
        assert_eq!(got[0].1, Qualifier::MoreThan);
        assert_eq!(got[0].3, "meer dan 700");
        assert_eq!(got[1].1, Qualifier::About);
        assert_eq!(got[6].1, Qualifier::Vague);
        assert_eq!(got[7].1, Qualifier::About);
    }

    #[test]
    fn english_numbers_and_kinds() {
        let got = read(
            "en",
            "at least eighty-four, a hundred people, two hundred and fifty, 5,000, dozens, \
             in 2019, four days, 13th, October 12",
        );
        let values: Vec<(u64, NumberKind)> = got.iter().map(|g| (g.0, g.2)).collect();
        assert_eq!(
            values,
            [
                (84, NumberKind::Count),
                (100, NumberKind::Count),
                (250, NumberKind::Count),
                (5000, NumberKind::Count),
                (12, NumberKind::Count),
                (2019, NumberKind::Year),
                (4, NumberKind::Unit),
                (13, NumberKind::Ordinal),
                (12, NumberKind::Date),
            ]
        );
        assert_eq!(got[0].1, Qualifier::AtLeast);
        assert!(read("en", "a man and an army").is_empty());
        // Dates, times and ages are not counts.
        let kinds: Vec<NumberKind> = read("en", "on 21-11-2016 at 6:30 a 12-year-old aged 70")
            .iter()
            .map(|g| g.2)
            .collect();
        assert!(kinds.iter().all(|k| *k != NumberKind::Count), "{kinds:?}");
    }

    #[test]
    fn digits_in_a_place_name_are_no_count() {
        let kinds = |lang: &str, text: &str| -> Vec<(u64, NumberKind)> {
            read(lang, text).iter().map(|g| (g.0, g.2)).collect()
        };
        assert_eq!(
            kinds(
                "en",
                "Shells fell on Route 9 and the Qasr 40 quarter, killing 3 people"
            ),
            [
                (9, NumberKind::Name),
                (40, NumberKind::Name),
                (3, NumberKind::Count)
            ]
        );
        assert_eq!(
            kinds("nl", "Granaten troffen Straat 12 en doodden 4 mensen"),
            [(12, NumberKind::Name), (4, NumberKind::Count)]
        );
        // A count after a capitalised word that names nothing numbered stays a count.
        assert_eq!(
            kinds("en", "In Homs 12 people died"),
            [(12, NumberKind::Count)]
        );
        // Between a name and the next name of a list: part of the first name.
        assert_eq!(
            kinds(
                "en",
                "Shells hit the districts of Kasarani 44 and Roysambu, wounding 5"
            ),
            [(44, NumberKind::Name), (5, NumberKind::Count)]
        );
        // A model after a short acronym; a count when people follow.
        assert_eq!(
            kinds("en", "They seized an AK 47 and killed 2 guards"),
            [(47, NumberKind::Name), (2, NumberKind::Count)]
        );
        assert_eq!(
            kinds("en", "The SDF said IS 40 fighters fled"),
            [(40, NumberKind::Count)]
        );
    }

    #[test]
    fn digits_next_to_digits_are_no_count() {
        // A page's share counters run into the text: no word says what they count.
        let kinds: Vec<(u64, NumberKind)> = read("en", "Share 0 0 2 The blast killed 14 people")
            .iter()
            .map(|g| (g.0, g.2))
            .collect();
        assert_eq!(
            kinds,
            [
                (0, NumberKind::Run),
                (0, NumberKind::Run),
                (2, NumberKind::Run),
                (14, NumberKind::Count)
            ]
        );
        // A year or a date next to a count does not make it a run.
        let dated: Vec<(u64, NumberKind)> = read("en", "on March 3 2015 40 people died")
            .iter()
            .map(|g| (g.0, g.2))
            .collect();
        assert_eq!(dated[2], (40, NumberKind::Count));
        // Thousands written with a separator stay one number.
        let one: Vec<u64> = read("en", "12,500 people fled")
            .iter()
            .map(|g| g.0)
            .collect();
        assert_eq!(one, [12500]);
    }

    #[test]
    fn a_dozen_after_a_number_multiplies_it() {
        let values = |code: &str, text: &str| -> Vec<(u64, String)> {
            read(code, text).into_iter().map(|g| (g.0, g.3)).collect()
        };
        assert_eq!(
            values("en", "some 4 dozen villagers fled"),
            [(48, "some 4 dozen".to_string())]
        );
        assert_eq!(
            values("en", "two dozen guards were hurt"),
            [(24, "two dozen".to_string())]
        );
        assert_eq!(
            values("nl", "drie dozijn dorpelingen vluchtten"),
            [(36, "drie dozijn".to_string())]
        );
        // "a dozen" and "dozens" stay vague words of their own.
        assert_eq!(values("en", "dozens of guards")[0].0, 12);
    }
}
