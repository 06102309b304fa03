//! Stage 1, ingest/extract: amounts in running text → values with their qualifier.
//!
//! Digits in either convention ("5000", "5.000", "5,000", "12 000", "2,5 miljoen"), number
//! words ("twaalfduizend", "tweeëntwintig", "eighty-four", "a hundred", "two hundred and
//! fifty"), vague amounts at their conservative reading ("honderden" = 100, "dozens" = 12)
//! and the qualifiers before them ("meer dan", "ruim", "at least", "some").
//!
//! The files: [`read`] reads the value of digits and number words, [`classify`](mod@classify)
//! tells a count from a year, a date, a unit, an ordinal, a run of counters or part of a name.

mod classify;
mod read;
#[cfg(test)]
mod tests;

use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::one_person::one_person;
use super::text::Token;
use crate::model::Qualifier;
use classify::classify;
pub(super) use classify::{age_aside, is_ordinal};
use read::{about_count, number_at};

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
    /// An age set apart right after the person it describes ("a man, 35, was killed",
    /// "een vrouw (42)"): part of that person's words, no count of its own.
    Age,
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
        // ("een vijftigtal": about fifty, by its suffix.)
        let read = match about_count(lex, words, j, to) {
            Some((end, value)) => Some((end, value, qualifier.unwrap_or(Qualifier::About))),
            None => number_at(lex, text, toks, words, j, to).map(|(end, value, vague)| {
                let qualifier = match (vague, qualifier) {
                    (true, _) => Qualifier::Vague,
                    (false, Some(q)) => q,
                    (false, None) => Qualifier::Exact,
                };
                (end, value, qualifier)
            }),
        };
        match read {
            Some((end, value, qualifier)) => {
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

/// True when token `j` writes a count itself: digits, or a number word with a value of its
/// own ("four"; not the article "a", nor "and", which only joins number words).
pub(super) fn is_count_token(lex: &Lexicon, toks: &[Token], words: &[&str], j: usize) -> bool {
    toks[j].kind == super::text::Kind::Number
        || lex
            .value(Sec::Numbers, words[j])
            .is_some_and(|v| v.parse::<u64>().is_ok())
            && !lex.has(Sec::Indefinite, words[j])
}
