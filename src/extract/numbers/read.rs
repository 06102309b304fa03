//! The value of a number as written: digits in either convention ("5.000", "5,000", "12 000",
//! "2,5 miljoen"), number words and Dutch compounds ("eighty-four", "twee honderd en
//! vijftig", "twaalfduizend") and vague amounts at their conservative reading ("dozens").

use crate::extract::lexicon::{Lexicon, Sec};
use crate::extract::text::{Kind, Token};

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

/// True when a digit token has a decimal mark: a separator that is no thousands separator
/// (see [`parse_digits`]): "13.00", "2,5"; not "5.000", "12,000".
fn has_decimal_mark(raw: &str) -> bool {
    let groups: Vec<&str> = raw.split(['.', ',']).collect();
    groups.len() > 1 && !(groups[1..].iter().all(|g| g.len() == 3) && groups[0].len() <= 3)
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

/// Reads the number starting at token `i`: `(end, value, vague)`. A vague amount first
/// ("dozens", "honderden"), then digits, then number words.
pub(super) fn number_at(
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
    let (end, value) = if tok.kind == Kind::Number {
        digits_at(lex, text, toks, words, i, to)?
    } else {
        words_at(lex, words, i, to)?
    };
    Some((end, value, false))
}

/// Reads a count told as about a number by a suffix on its word, with or without an
/// indefinite article before it ("een vijftigtal", "twintigtal"): `(end, value)`.
pub(super) fn about_count(
    lex: &Lexicon,
    words: &[&str],
    i: usize,
    to: usize,
) -> Option<(usize, u64)> {
    let article = words
        .get(i)
        .is_some_and(|w| lex.has(Sec::Indefinite, w) && i + 1 < to);
    let at = if article { i + 1 } else { i };
    let word = *words.get(at).filter(|_| at < to)?;
    let section = lex.section(Sec::AboutSuffixes)?;
    section.words.iter().find_map(|suffix| {
        let stem = word.strip_suffix(suffix).filter(|s| !s.is_empty())?;
        let (end, value) = words_at(lex, &[stem], 0, 1)?;
        (end == 1).then_some((at + 1, value))
    })
}

/// Reads the digits at token `i` (a number token): `(end, value)`. "12 000": a group of three
/// digits after a single space goes on the number; a multiplier word after it multiplies it
/// ("2,5 miljoen", "3 dozen"). `None` for a fraction or an implausibly large value.
fn digits_at(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    words: &[&str],
    i: usize,
    to: usize,
) -> Option<(usize, u64)> {
    let tok = &toks[i];
    let raw = &text[tok.start..tok.end];
    let mut value = parse_digits(raw)?;
    // ("at 13.00", "2,50"): a decimal mark makes a time, a price or a measure; people are
    // counted in whole numbers, or in a decimal of a multiplier ("1.5 million").
    let decimal = has_decimal_mark(raw);
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
    let mut multiplied = false;
    if let Some(m) = words.get(j).and_then(|w| is_multiplier(lex, w)) {
        value *= m as f64;
        j += 1;
        multiplied = true;
    }
    if let Some(m) = words.get(j).and_then(|w| small_multiplier(lex, w)) {
        value *= m as f64;
        j += 1;
        multiplied = true;
    }
    if decimal && !multiplied {
        return None;
    }
    if value.fract() != 0.0 || !(0.0..=1e15).contains(&value) {
        return None;
    }
    Some((j, value as u64))
}

/// Reads number words from token `i`: `(end, value)`. "a hundred", "eighty-four", "twee
/// honderd en vijftig", "twaalfduizend"; "three dozen": the number times the word after it.
fn words_at(lex: &Lexicon, words: &[&str], i: usize, to: usize) -> Option<(usize, u64)> {
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
    (value > 0).then_some((end, value))
}
