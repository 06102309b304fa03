//! Stage 1, ingest/extract: an article's text → date header, words with byte offsets,
//! sentences and paragraphs.
//!
//! Offsets are byte offsets into the decoded article text (the whole file, header included),
//! so a claim's [`crate::model::TextSpan`] points straight into the file.

mod sentences;

use crate::model::DateSpan;

pub use sentences::{cut_after_credits, sentences};

/// What kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// Digits, possibly with thousands separators or a decimal mark ("5.000", "2,5").
    Number,
    Punct,
}

/// One token with its byte span.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Lower case, curly apostrophes straightened.
    pub lower: String,
    pub kind: Kind,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Two or more letters, all upper case ("IS", "SDF").
    pub upper: bool,
    /// Newlines in the whitespace before the token (capped at 2).
    pub breaks: u8,
}

/// A sentence: tokens `start..end`, its paragraph, and whether it is a heading line.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub heading: bool,
    /// Byte span of the sentence.
    pub byte_start: usize,
    pub byte_end: usize,
}

/// The `date YYYY-MM[-DD]` header line.
#[derive(Debug, Clone, Default)]
pub struct Header {
    pub published: Option<DateSpan>,
    /// Byte offset where the article body starts (after the header line).
    pub body_start: usize,
    /// Why the date is missing, when it is.
    pub warning: Option<String>,
}

/// Reads the header: the text starts with `date VALUE` (or `date: VALUE`); the article body
/// follows VALUE, on the same line or the next.
pub fn parse_header(text: &str) -> Header {
    let skipped = text.len() - text.trim_start().len();
    let rest = &text[skipped..];
    let after_key = ["date:", "date ", "Date:", "Date ", "DATE "]
        .iter()
        .find_map(|k| rest.strip_prefix(k));
    let Some(after_key) = after_key else {
        return Header {
            published: None,
            body_start: 0,
            warning: Some("no `date YYYY-MM[-DD]` header: the article is undated".into()),
        };
    };
    let value_at =
        skipped + (rest.len() - after_key.len()) + (after_key.len() - after_key.trim_start().len());
    let value_len = text[value_at..]
        .find(char::is_whitespace)
        .unwrap_or(text.len() - value_at);
    let value = &text[value_at..value_at + value_len];
    let body_start = value_at + value_len;
    match DateSpan::parse(value) {
        Ok(span) => Header {
            published: Some(span),
            body_start,
            warning: None,
        },
        Err(err) => Header {
            published: None,
            body_start,
            warning: Some(format!(
                "date header {value:?} does not parse ({err}): the article is undated, \
                 precision unknown"
            )),
        },
    }
}

/// A straight or curly apostrophe.
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// `word` without its possessive ("'s", "’s"), when it has one.
pub(super) fn without_possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
}

/// True when a word starts with a capital, or with one lower-case letter before its capital
/// ("eThekwini", "uMgungundlovu": a name with a lower-case prefix of its language).
fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(a), _, _) if a.is_uppercase() => true,
        (Some(a), Some(b), Some(c)) => a.is_lowercase() && b.is_uppercase() && c.is_lowercase(),
        _ => false,
    }
}

/// Splits `text[from..]` into tokens.
pub fn tokenize(text: &str, from: usize) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len().saturating_sub(from) / 5);
    let bytes = text.as_bytes();
    let mut i = from.min(text.len());
    let mut breaks = 0u8;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let clen = c.len_utf8();
        if c.is_whitespace() || c.is_control() {
            if c == '\n' {
                breaks = breaks.saturating_add(1).min(2);
            }
            i += clen;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            kind = Kind::Number;
            i += 1;
            while i < text.len() {
                let b = bytes[i];
                let sep_digit =
                    (b == b'.' || b == b',') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if b.is_ascii_digit() || sep_digit {
                    i += 1;
                } else {
                    break;
                }
            }
        } else if c.is_alphanumeric() {
            kind = Kind::Word;
            i += clen;
            while let Some(c) = text[i..].chars().next() {
                if c.is_alphanumeric() {
                    i += c.len_utf8();
                } else if c == '-' || is_apostrophe(c) {
                    // Joins only when a letter or digit follows ("IS-strijders", "zo'n").
                    let next = text[i + c.len_utf8()..].chars().next();
                    if next.is_some_and(char::is_alphanumeric) {
                        i += c.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        } else {
            kind = Kind::Punct;
            i += clen;
        }
        let raw = &text[start..i];
        let lower = if raw.contains('\u{2019}') {
            raw.replace('\u{2019}', "'").to_lowercase()
        } else {
            raw.to_lowercase()
        };
        let cap = capitalised(raw);
        // ("SDF's": capitals with a possessive are still capitals.)
        let stem = without_possessive(raw).unwrap_or(raw);
        let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
        let upper = letters >= 2 && !stem.chars().any(char::is_lowercase);
        tokens.push(Token {
            start,
            end: i,
            lower,
            kind,
            cap,
            upper,
            breaks,
        });
        breaks = 0;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_gives_the_publication_date_or_a_warning() {
        let h = parse_header("date 2019-10\nText.");
        assert_eq!(h.published.unwrap().label(), "2019-10");
        assert_eq!(h.body_start, 12);
        let h = parse_header(" date 2022-01 In het noorden.");
        assert_eq!(h.published.unwrap().label(), "2022-01");
        assert_eq!(h.body_start, 13);
        let h = parse_header("date 2019-13\nText.");
        assert!(h.published.is_none() && h.warning.unwrap().contains("does not parse"));
        let h = parse_header("Just text.");
        assert!(h.published.is_none() && h.body_start == 0);
    }

    #[test]
    fn tokens_keep_numbers_compounds_and_offsets() {
        let text = "Zo'n 5.000 IS-strijders, Turkije’s leger.";
        let toks = tokenize(text, 0);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "Zo'n",
                "5.000",
                "IS-strijders",
                ",",
                "Turkije’s",
                "leger",
                "."
            ]
        );
        assert_eq!(toks[4].lower, "turkije's");
        assert!(toks[2].cap && !toks[2].upper && toks[1].kind == Kind::Number);
    }

    #[test]
    fn a_name_with_a_lower_case_prefix_is_capitalised() {
        let toks = tokenize("in eThekwini and uMhlathuze, not mRNA or e", 0);
        let caps: Vec<bool> = toks.iter().map(|t| t.cap).collect();
        assert_eq!(
            caps,
            [false, true, false, true, false, false, false, false, false]
        );
    }

    #[test]
    fn capitals_with_a_possessive_are_still_capitals() {
        let toks = tokenize("the SDF's fighters and Syria's army", 0);
        assert!(toks[1].upper, "SDF's");
        assert!(!toks[4].upper, "Syria's");
    }
}
