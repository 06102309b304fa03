//! Stage 1, extract: a time adverbial in running text ("on Tuesday", "at about 2 a.m. local
//! time", "early on Sunday morning", "in the early hours of Friday"). Such words say when,
//! not where: between a place and the words that situate it ("the Foo village on Tuesday in
//! the Bar district") they leave the place where it was.
//!
//! A time adverbial is a run of the lexicon's time words (`time_words`: parts of a day,
//! words that lead to a time, words that end one), of the words that name a day or month
//! (`weekdays`, `months`, `today`, `yesterday`) and of hours (a number and a `clock` word),
//! with other numbers only next to a month ("on 5 May"). It must name a time: "in the"
//! alone names none.

use super::lexicon::{Lexicon, Sec};

/// The most words a time adverbial may have ("in the early hours of last Sunday morning").
const MAX_TIME_WORDS: usize = 12;
/// The most tokens one clock word is split into ("a", ".", "m", ".").
const CLOCK_PIECES: usize = 4;

/// How one word may take part in a time adverbial.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Names a time on its own: a weekday, a month, a part of a day, "today".
    Names,
    /// May stand in the run but names no time ("on", "the", "early").
    Leads,
    /// Ends the run after a word that names a time ("local time").
    Ends,
    /// A number: part of the run as an hour or beside a month only.
    Number,
}

/// The number of words at the start of `words` that form a time adverbial, 0 when they do
/// not open with one. Trailing words that only lead ("on Tuesday in the") are not counted.
pub(super) fn time_phrase_len<'a>(
    lex: &Lexicon,
    words: impl IntoIterator<Item = &'a str>,
) -> usize {
    let words: Vec<&str> = words.into_iter().take(MAX_TIME_WORDS).collect();
    let mut end = 0;
    let mut named = false;
    let mut i = 0;
    while let Some(word) = words.get(i) {
        match role(lex, word) {
            Some(Role::Names) => {
                named = true;
                end = i + 1;
            }
            Some(Role::Ends) if named => end = i + 1,
            // "at 2 a.m.": the clock word may be split into letters and stops.
            Some(Role::Number) => match clock_after(lex, &words, i) {
                0 if next_to_month(lex, &words, i) => end = i + 1,
                0 => break,
                pieces => {
                    named = true;
                    i += pieces;
                    end = i + 1;
                }
            },
            Some(Role::Leads | Role::Ends) => {}
            None => break,
        }
        i += 1;
    }
    if named {
        end
    } else {
        0
    }
}

/// How `word` may take part in a time adverbial, if at all.
fn role(lex: &Lexicon, word: &str) -> Option<Role> {
    let names = [Sec::Weekdays, Sec::Months, Sec::Today, Sec::Yesterday]
        .into_iter()
        .any(|section| lex.has(section, word));
    if names {
        return Some(Role::Names);
    }
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
    {
        return Some(Role::Number);
    }
    match lex.value(Sec::TimeWords, word)? {
        "part" => Some(Role::Names),
        "end" => Some(Role::Ends),
        _ => Some(Role::Leads),
    }
}

/// True when the number at `i` is a day of a month: a month is right before or after it.
fn next_to_month(lex: &Lexicon, words: &[&str], i: usize) -> bool {
    let month = |w: &&str| lex.has(Sec::Months, w);
    words.get(i + 1).is_some_and(month)
        || i.checked_sub(1)
            .and_then(|j| words.get(j))
            .is_some_and(month)
}

/// How many words after the number at `i` spell a clock word ("pm"; "a . m ." is "a.m."
/// split at its stops), 0 when none does.
fn clock_after(lex: &Lexicon, words: &[&str], i: usize) -> usize {
    (1..=CLOCK_PIECES)
        .rev()
        .find(|&n| {
            words
                .get(i + 1..i + 1 + n)
                .is_some_and(|piece| lex.has(Sec::Clock, &piece.concat()))
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len(code: &str, text: &str) -> usize {
        let lex = Lexicon::get(code).expect("a bundled lexicon");
        time_phrase_len(lex, text.split(' '))
    }

    #[test]
    fn a_day_or_an_hour_is_a_time_and_the_words_after_it_are_not() {
        assert_eq!(len("en", "on friday in the"), 2);
        assert_eq!(len("en", "late on monday evening near"), 4);
        assert_eq!(len("en", "at around 3 a.m. local time in"), 6);
        assert_eq!(len("en", "at around 3 a . m . local time in"), 9);
        assert_eq!(len("en", "at 10 pm ,"), 3);
        assert_eq!(len("en", "in the early hours of sunday ,"), 6);
        assert_eq!(len("en", "on 12 march in"), 3);
        assert_eq!(len("nl", "op zaterdag rond 4 uur in"), 5);
        assert_eq!(len("nl", "in de nacht van vrijdag op"), 5);
    }

    #[test]
    fn words_that_name_no_time_are_no_time_adverbial() {
        assert_eq!(len("en", "in the"), 0);
        assert_eq!(len("en", "in the north of"), 0);
        assert_eq!(len("en", "at 40 people"), 0);
        assert_eq!(len("en", "time in the"), 0);
        assert_eq!(len("nl", "op zaterdagavond in"), 0);
    }
}
