//! Stage 1, ingest/extract: two numbers that give one amount as a range ("between 40 and 50
//! people", "40 to 50 people", "tussen 40 en 50 doden"). The low end is at least its value and
//! the high end at most its value; both count the people the high end names, so they stay
//! one figure (its low and high) and are never read as two counts of different people.

use super::lexicon::{Lexicon, Sec};
use super::numbers::{NumberExpr, NumberKind};
use crate::model::Qualifier;

/// Marks the ranges among the numbers of a text (in text order): the low end takes the kind
/// of the high end ("between 40 and 50 km" is a distance) and points at where the high end
/// ends, so that the subject after it is read for both.
pub(super) fn mark_ranges(lex: &Lexicon, words: &[&str], numbers: &mut [NumberExpr]) {
    for k in 1..numbers.len() {
        let (low, high) = (&numbers[k - 1], &numbers[k]);
        if !is_range(lex, words, low, high) {
            continue;
        }
        let (kind, high_end, about) = (high.kind, high.end, low.qualifier == Qualifier::About);
        let low = &mut numbers[k - 1];
        low.kind = kind;
        low.high_end = Some(high_end);
        if low.qualifier == Qualifier::Exact {
            low.qualifier = Qualifier::AtLeast;
        }
        let high = &mut numbers[k];
        if high.qualifier == Qualifier::Exact {
            high.qualifier = if about {
                Qualifier::About
            } else {
                Qualifier::AtMost
            };
        }
    }
}

/// True when `high` follows `low` as the top of a range: after a `range_joiners` word ("to",
/// "tot"), or after a `count_joiners` word when a `range_openers` word ("between") stands
/// right before the low end. The low end is a bare count below the high end.
fn is_range(lex: &Lexicon, words: &[&str], low: &NumberExpr, high: &NumberExpr) -> bool {
    if low.kind != NumberKind::Count
        || !matches!(high.kind, NumberKind::Count | NumberKind::Unit)
        || high.value <= low.value
        || high.start != low.end + 1
        || high.number_start != high.start
    {
        return false;
    }
    let joiner = words[low.end];
    // "between 40", "tussen de 40": the opener, an article allowed after it.
    let before = |back: usize| low.start.checked_sub(back).map(|j| words[j]);
    let opened = before(1).is_some_and(|w| lex.has(Sec::RangeOpeners, w))
        || before(1).is_some_and(|w| lex.has(Sec::Articles, w))
            && before(2).is_some_and(|w| lex.has(Sec::RangeOpeners, w));
    lex.has(Sec::RangeJoiners, joiner) || opened && lex.has(Sec::CountJoiners, joiner)
}

#[cfg(test)]
mod tests {
    use crate::extract::lexicon::Lexicon;
    use crate::extract::numbers::find_numbers;
    use crate::extract::text::tokenize;
    use crate::model::Qualifier;

    fn read(code: &str, text: &str) -> Vec<(u64, Qualifier, Option<usize>)> {
        let lex = Lexicon::get(code).expect("lexicon");
        let toks = tokenize(text, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        find_numbers(lex, text, &toks, &words, 0, toks.len())
            .into_iter()
            .map(|n| (n.value, n.qualifier, n.high_end))
            .collect()
    }

    #[test]
    fn between_two_numbers_is_one_range() {
        let got = read("en", "between 30 and 45 passengers drowned");
        assert_eq!(got[0].0, 30);
        assert_eq!(got[0].1, Qualifier::AtLeast);
        assert!(got[0].2.is_some());
        assert_eq!((got[1].0, got[1].1), (45, Qualifier::AtMost));
        let got = read("nl", "tussen de 30 en 45 doden");
        assert_eq!(
            (got[0].1, got[1].1),
            (Qualifier::AtLeast, Qualifier::AtMost)
        );
    }

    #[test]
    fn a_number_to_a_larger_one_is_a_range_and_keeps_an_estimate() {
        let got = read("en", "some 200 to 300 families fled");
        assert_eq!((got[0].1, got[1].1), (Qualifier::About, Qualifier::About));
        assert!(got[0].2.is_some());
    }

    #[test]
    fn counts_joined_by_and_without_between_stay_apart() {
        let got = read("en", "12 soldiers and 20 police were hurt");
        assert_eq!(got[0].1, Qualifier::Exact);
        assert_eq!(got[0].2, None);
        // A smaller number after "to" is no range ("from 9 to 4").
        let got = read("en", "the toll fell from 9 to 4");
        assert!(got.iter().all(|n| n.2.is_none()));
    }
}
