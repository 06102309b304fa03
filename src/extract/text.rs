//! Stage 1, ingest/extract: an article's text → date header, words with byte offsets,
//! sentences and paragraphs.
//!
//! Offsets are byte offsets into the decoded article text (the whole file, header included),
//! so a claim's [`crate::model::TextSpan`] points straight into the file.

use crate::model::DateSpan;

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

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
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
        let cap = raw.chars().next().is_some_and(char::is_uppercase);
        let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
        let upper = letters >= 2 && !raw.chars().any(char::is_lowercase);
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

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "jr",
    "sr", "no", "vs", "etc", "mt", "ft", "inc", "co", "corp", "dhr", "mevr", "bijv", "ca",
];

/// Tokens after which a sentence without an end is cut (see [`sentences`]).
pub const MAX_SENTENCE_TOKENS: usize = 160;

fn terminal(tok: &Token) -> bool {
    matches!(tok.lower.as_str(), "." | "!" | "?" | "…")
}

/// Splits tokens into sentences: after `.`, `!` or `?` (closing quotes included) before a
/// capital, digit, quote or opening square bracket, at line ends that end a sentence, and at
/// blank lines (which also start a new paragraph). A short line without final punctuation is
/// a heading, unless it ends the text.
pub fn sentences(tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut start = 0;
    for i in 0..tokens.len() {
        let next = tokens.get(i + 1);
        let para_break = next.is_none_or(|n| n.breaks >= 2);
        let line_break = next.is_some_and(|n| n.breaks == 1);
        let tok = &tokens[i];
        let ends_sentence = terminal(tok)
            || (matches!(tok.lower.as_str(), "\"" | "\u{201D}" | "'" | ")")
                && i > 0
                && terminal(&tokens[i - 1])
                && tokens[i - 1].end == tok.start);
        let abbreviation = tok.lower == "."
            && i > 0
            && (ABBREVIATIONS.contains(&tokens[i - 1].lower.as_str())
                || tokens[i - 1].kind == Kind::Word && tokens[i - 1].lower.chars().count() == 1);
        // An opening square bracket after a full stop starts what follows ("... the
        // killing. [size=hundreds]"); a round one may follow an abbreviation ("HELENA,
        // Mont. (AP) -"), and does not.
        let next_starts = next.is_some_and(|n| {
            n.cap
                || n.kind == Kind::Number
                || matches!(n.lower.as_str(), "\"" | "\u{201C}" | "'" | "[")
        });
        // A closing quote right after the full stop ends the sentence, not the stop itself.
        let quote_follows = next.is_some_and(|n| {
            n.start == tok.end && matches!(n.lower.as_str(), "\"" | "\u{201D}" | "'" | ")")
        }) && terminal(tok);
        // A run of words far longer than any sentence (a pasted table, a list of numbers)
        // is cut at its line ends, and at the latest after twice the length: the reading
        // of a sentence may look at all of its words for each figure.
        let overlong = i + 1 - start >= MAX_SENTENCE_TOKENS
            && (line_break || tok.kind == Kind::Punct)
            || i + 1 - start >= 2 * MAX_SENTENCE_TOKENS;
        let split = para_break
            || overlong
            || (ends_sentence && !quote_follows && ((!abbreviation && next_starts) || line_break));
        if split {
            // A short line heads what follows it; at the very end it heads nothing ("...
            // by armed men. 2 fatalities").
            let heading = !ends_sentence && para_break && next.is_some() && i + 1 - start <= 12;
            out.push(Sentence {
                start,
                end: i + 1,
                paragraph,
                heading,
                byte_start: tokens[start].start,
                byte_end: tok.end,
            });
            start = i + 1;
            if para_break || line_break {
                paragraph += 1;
            }
        }
    }
    out
}

/// Cuts a sentence after a photo credit in parentheses that ends a caption run into the
/// text ("... buildings in the city on Monday (Agency photo) Thirteen people were ..."):
/// a parenthesis of at most six words that holds a photo word, or only agency names,
/// followed by a capital or a number. `photo_word` and `agency` say which words are which
/// (a lexicon's `photo_words` and `agencies`).
pub fn cut_after_credits(
    tokens: &[Token],
    sents: Vec<Sentence>,
    photo_word: impl Fn(&str) -> bool,
    agency: impl Fn(&str) -> bool,
) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(sents.len());
    for s in sents {
        let mut start = s.start;
        for close in s.start..s.end.saturating_sub(1) {
            if tokens[close].lower != ")" || close < start + 2 {
                continue;
            }
            let Some(open) = (start..close)
                .rev()
                .take(8)
                .find(|&i| tokens[i].lower == "(")
            else {
                continue;
            };
            let inside: Vec<&str> = tokens[open + 1..close]
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .map(|t| t.lower.as_str())
                .collect();
            let credit = !inside.is_empty()
                && inside.len() <= 6
                && (inside.iter().any(|w| photo_word(w)) || inside.iter().all(|w| agency(w)));
            let next = &tokens[close + 1];
            let starts = next.cap || next.kind == Kind::Number;
            if credit && starts && open > start {
                out.push(Sentence {
                    end: close + 1,
                    heading: false,
                    byte_end: tokens[close].end,
                    start,
                    byte_start: tokens[start].start,
                    ..s
                });
                start = close + 1;
            }
        }
        out.push(Sentence {
            start,
            byte_start: tokens[start].start,
            ..s
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_without_sentence_ends_is_cut_into_bounded_pieces() {
        let text = "1 2 3 ".repeat(400);
        let toks = tokenize(&text, 0);
        let sents = sentences(&toks);
        assert!(sents.len() >= 3, "{}", sents.len());
        assert!(sents
            .iter()
            .all(|s| s.end - s.start <= 2 * MAX_SENTENCE_TOKENS));
        assert_eq!(sents.last().map(|s| s.end), Some(toks.len()));
    }

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
    fn a_short_line_at_the_end_heads_nothing() {
        let text = "Gunmen shot a driver in the market. Three dead";
        let s = sentences(&tokenize(text, 0));
        assert_eq!(s.len(), 2);
        assert!(!s[1].heading);
        let s = sentences(&tokenize("Three dead\n\nGunmen shot a driver.", 0));
        assert!(s[0].heading);
    }

    #[test]
    fn sentences_and_paragraphs() {
        let text = "Heading\n\nMr. Smith came. He left! \"Yes.\" Then U.S. troops left.\nNew line.";
        let toks = tokenize(text, 0);
        let s = sentences(&toks);
        assert_eq!(s.len(), 6, "{s:?}");
        assert!(s[0].heading);
        assert_eq!(s[1].paragraph, 1);
        assert_eq!(s[5].paragraph, 2);
        // A bracket before the full stop is no initial ("in A (B). 2 died.").
        let bracket = sentences(&tokenize("It hit A (B). 2 died. Then J. Doe spoke.", 0));
        assert_eq!(bracket.len(), 3, "{bracket:?}");
        // A square bracket opened after a full stop starts a sentence of its own; a round
        // one, after the abbreviation of a state in a dateline, does not.
        let text = "Two died. [size=dozens] HELENA, Mont. (AP) - He left.";
        let opened = sentences(&tokenize(text, 0));
        let firsts: Vec<&str> = opened
            .iter()
            .map(|s| &text[s.byte_start..s.byte_end])
            .collect();
        assert_eq!(
            firsts,
            ["Two died.", "[size=dozens] HELENA, Mont. (AP) - He left."]
        );
    }
    #[test]
    fn a_photo_credit_ends_the_caption_before_it() {
        let text = "A boy walks past a ruin in a town on Friday (Wire photo) LONDON Six people \
                    died. The council (Town Hall) Said nothing. A wire (Wire) Two more died.";
        let toks = tokenize(text, 0);
        let photo = |w: &str| w == "photo";
        let agency = |w: &str| w == "wire";
        let s = cut_after_credits(&toks, sentences(&toks), photo, agency);
        let firsts: Vec<&str> = s.iter().map(|s| &text[s.byte_start..s.byte_end]).collect();
        assert_eq!(
            firsts,
            [
                "A boy walks past a ruin in a town on Friday (Wire photo)",
                "LONDON Six people died.",
                "The council (Town Hall) Said nothing.",
                "A wire (Wire)",
                "Two more died."
            ]
        );
    }
}
