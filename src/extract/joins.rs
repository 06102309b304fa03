//! Stage 1, ingest/extract: words the text writes as several tokens that the extractor reads
//! as one, joined once the language is known and before the text is cut into sentences.
//!
//! - An abbreviated month with its full stop before a number ("Jan. 27", "Sept. 3, 2021"):
//!   the stop ends no sentence, and the month dates the number after it. An abbreviation is
//!   a key of the lexicon's `months` shorter than another key for the same month ("jan" for
//!   "january"; "may" is none).
//! - A division's kind written in several words ("Local Government Area", "rural
//!   municipality"): a multi-word key of `kind_admin`, read like "district" after a name.
//!
//! The joined token spans the words (and the stop); its lower-case form is the month without
//! its stop, or the kind's words separated by single spaces. Words joined across a line end
//! stay apart.

use super::lexicon::{Lexicon, Sec};
use super::text::{Kind, Token};

/// `toks` with abbreviated months and their stops, and multi-word division kinds, joined.
/// Returns `toks` unchanged (not copied) when nothing is joined.
pub(super) fn join_words(lex: &Lexicon, toks: Vec<Token>) -> Vec<Token> {
    let phrases = kind_phrases(lex);
    // Each join: its first token, the token after it, and its lower-case form.
    let mut joins: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match month_stop(lex, &toks, i).or_else(|| kind_phrase(&phrases, &toks, i)) {
            Some((end, lower)) => {
                joins.push((i, end, lower));
                i = end;
            }
            None => i += 1,
        }
    }
    if joins.is_empty() {
        return toks;
    }
    let mut out = Vec::with_capacity(toks.len());
    let mut next = 0;
    for (start, end, lower) in joins {
        out.extend_from_slice(&toks[next..start]);
        let first = &toks[start];
        out.push(Token {
            start: first.start,
            end: toks[end - 1].end,
            lower,
            kind: Kind::Word,
            cap: first.cap,
            upper: false,
            breaks: first.breaks,
        });
        next = end;
    }
    out.extend_from_slice(&toks[next..]);
    out
}

/// "Jan." before a number: the end of the month's stop and the month without it.
fn month_stop(lex: &Lexicon, toks: &[Token], i: usize) -> Option<(usize, String)> {
    let word = &toks[i];
    let stop = toks.get(i + 1)?;
    let number = toks.get(i + 2)?;
    let stopped = stop.lower == "." && stop.start == word.end;
    (stopped
        && number.kind == Kind::Number
        && number.breaks == 0
        && abbreviated_month(lex, &word.lower))
    .then(|| (i + 2, word.lower.clone()))
}

/// True when `word` is a month's key shorter than another key for the same month.
fn abbreviated_month(lex: &Lexicon, word: &str) -> bool {
    let Some(section) = lex.section(Sec::Months) else {
        return false;
    };
    let Some(month) = section.values.get(word) else {
        return false;
    };
    section.values.iter().any(|(key, value)| {
        value == month && key.len() > word.len() && key.chars().next() == word.chars().next()
    })
}

/// The multi-word keys of `kind_admin`, each as its words.
fn kind_phrases(lex: &Lexicon) -> Vec<Vec<&str>> {
    let Some(section) = lex.section(Sec::KindAdmin) else {
        return Vec::new();
    };
    let mut phrases: Vec<Vec<&str>> = section
        .values
        .keys()
        .filter(|k| k.contains(' '))
        .map(|k| k.split_whitespace().collect())
        .collect();
    // The longest first: "local government area" before "local government".
    phrases.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    phrases
}

/// The end of the multi-word division kind that starts at token `i`, and its words.
fn kind_phrase(phrases: &[Vec<&str>], toks: &[Token], i: usize) -> Option<(usize, String)> {
    phrases.iter().find_map(|words| {
        let end = i + words.len();
        let toks = toks.get(i..end)?;
        let same = toks.iter().zip(words).all(|(t, w)| t.lower == *w);
        let one_line = toks.iter().skip(1).all(|t| t.breaks == 0);
        (same && one_line).then(|| (end, words.join(" ")))
    })
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    fn joined(text: &str) -> Vec<String> {
        let lex = Lexicon::get("en").expect("the English lexicon");
        join_words(lex, tokenize(text, 0))
            .into_iter()
            .map(|t| text[t.start..t.end].to_string())
            .collect()
    }

    #[test]
    fn an_abbreviated_month_keeps_its_stop_before_a_day() {
        assert_eq!(joined("KANO, Feb. 9 (AP)")[2], "Feb.");
        assert_eq!(joined("on Sept. 30, 2019")[1], "Sept.");
        // A full month name, or an abbreviation before no number, stays as written.
        assert_eq!(joined("in May. 3 died")[1], "May");
        assert_eq!(joined("since Oct. Then")[1], "Oct");
    }

    #[test]
    fn a_division_kind_in_several_words_is_one_word() {
        let words = joined("in Jos North Local Government Area of the state");
        assert_eq!(words[3], "Local Government Area");
        assert_eq!(
            joined("near Hardi rural municipality, Bara")[2],
            "rural municipality"
        );
        // Across a line end the words stay apart.
        assert_eq!(joined("in Ikeja Local\nGovernment Area")[2], "Local");
    }
}
