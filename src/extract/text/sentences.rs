//! Stage 1, ingest/extract: tokens → sentences and paragraphs (full stops that end no
//! sentence, line ends, blank lines, headings), and the photo credits that end a caption.

use super::super::lexicon::Sec;
use super::{Kind, Sentence, Token};

/// Tokens after which a sentence without an end is cut (see [`sentences`]).
pub const MAX_SENTENCE_TOKENS: usize = 160;

/// A token that may end a sentence.
/// The longest line without final punctuation read as a heading, in tokens: wire headlines
/// run to a dozen words and more ("Country: Gunmen kill 7 villagers, injure 7 in A state –
/// Police" is 15 tokens).
const HEADING_TOKENS: usize = 20;

fn terminal(tok: &Token) -> bool {
    matches!(tok.lower.as_str(), "." | "!" | "?" | "…")
}

/// Splits tokens into sentences: after `.`, `!` or `?` (closing quotes included) before a
/// capital, digit, quote or opening square bracket, at line ends that end a sentence, and at
/// blank lines (which also start a new paragraph). A short line without final punctuation is
/// a heading, unless it ends the text; so is the text's first line when it is short, has no
/// final punctuation and the next line starts like a sentence.
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
            && (Sec::SentenceAbbreviations.in_any_language(&tokens[i - 1].lower)
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
        // The text's first line, short and without final punctuation, before a line that
        // starts like a sentence: a title run into the text ("Gunmen kill 10 in A\nThe
        // attack ..."), a heading as if a blank line followed.
        let title = out.is_empty()
            && line_break
            && !ends_sentence
            && next_starts
            && i + 1 - start <= HEADING_TOKENS;
        let split = para_break
            || overlong
            || title
            || (ends_sentence && !quote_follows && ((!abbreviation && next_starts) || line_break));
        if split {
            // A short line heads what follows it; at the very end it heads nothing ("...
            // by armed men. 2 fatalities").
            let heading = title
                || !ends_sentence
                    && para_break
                    && next.is_some()
                    && i + 1 - start <= HEADING_TOKENS;
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
    use super::super::tokenize;
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
    fn a_short_line_at_the_end_heads_nothing() {
        let text = "Gunmen shot a driver in the market. Three dead";
        let s = sentences(&tokenize(text, 0));
        assert_eq!(s.len(), 2);
        assert!(!s[1].heading);
        let s = sentences(&tokenize("Three dead\n\nGunmen shot a driver.", 0));
        assert!(s[0].heading);
    }

    #[test]
    fn a_wire_headline_of_a_dozen_words_and_more_is_a_heading() {
        let headline = "Country: Gunmen kill 7 villagers, injure 5 in raid on farms - police";
        let s = sentences(&tokenize(&format!("{headline}\n\nGunmen raided farms."), 0));
        assert!(s[0].heading, "{s:?}");
        // A paragraph longer than any headline is a sentence that lost its full stop.
        let long = "Gunmen raided farms at dawn and killed seven villagers and wounded five \
                    more before they fled on motorbikes into the forest near the river";
        let s = sentences(&tokenize(&format!("{long}\n\nPolice came."), 0));
        assert!(!s[0].heading, "{s:?}");
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
