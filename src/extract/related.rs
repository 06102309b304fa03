//! Stage 1, ingest/extract: the list of other stories that a copied web page runs into its
//! article ("Related News", "Read also", "More stories"). Their headlines name other events'
//! places and numbers; from such a label to the end of its paragraph nothing is read.

use super::lexicon::{Lexicon, Sec};
use super::text::{Sentence, Token};

/// The sentences with everything from a capitalised `related_labels` phrase to the end of
/// its paragraph left out (the sentence that holds the label ends before it). A label at
/// the very start of the text is a heading, not a list, and is kept.
pub fn cut_related_stories(lex: &Lexicon, toks: &[Token], sents: Vec<Sentence>) -> Vec<Sentence> {
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let labels = lex.patterns(Sec::RelatedLabels);
    let mut out = Vec::with_capacity(sents.len());
    let mut cut_paragraph = None;
    for (si, s) in sents.into_iter().enumerate() {
        if cut_paragraph == Some(s.paragraph) {
            continue;
        }
        let label = (s.start..s.end).find(|&i| {
            si > 0
                && toks[i].cap
                && labels
                    .match_at(&words, i, s.end)
                    .is_some_and(|m| m.weight == m.end - m.start)
        });
        match label {
            Some(i) => {
                cut_paragraph = Some(s.paragraph);
                if i > s.start {
                    out.push(Sentence {
                        end: i,
                        byte_end: toks[i - 1].end,
                        ..s
                    });
                }
            }
            None => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::{sentences, tokenize};

    fn kept(text: &str) -> Vec<String> {
        let lex = Lexicon::get("en").expect("the English lexicon");
        let toks = tokenize(text, 0);
        cut_related_stories(lex, &toks, sentences(&toks))
            .iter()
            .map(|s| text[s.byte_start..s.byte_end].to_string())
            .collect()
    }

    #[test]
    fn the_list_of_other_stories_is_left_out_to_the_paragraph_end() {
        let got = kept(
            "A bomb killed four people in Mombasa. Police blamed militants Related Stories \
             Floods kill 30 in Kisumu. Five die in Nakuru crash.\n\nA second paragraph.",
        );
        assert_eq!(
            got,
            [
                "A bomb killed four people in Mombasa.",
                "Police blamed militants",
                "A second paragraph."
            ]
        );
    }

    #[test]
    fn the_words_in_lower_case_are_no_label() {
        let text = "A bomb killed four people in Mombasa. Police said it was related news.";
        assert_eq!(kept(text).len(), 2);
    }
}
