//! Stage 1, ingest/extract: where a clause ends between two tokens (a clause break that is
//! not inside a bracketed aside, a quote mark, or a hyphen glued into a word).

use super::super::lexicon::Sec;
use super::State;

/// How long (in words) a bracketed aside may be.
const ASIDE_WORDS: usize = 12;

impl State<'_> {
    /// True when a clause surely ends between tokens `a` and `b`.
    /// A bracketed aside closed before `b` ("3 civilians (beheaded) in A") is no break.
    pub(super) fn breaks(&self, a: usize, b: usize) -> bool {
        self.breaks_between(a, b, true)
    }

    /// [`Self::breaks`], where quote marks break only when `quotes_break`.
    pub(super) fn breaks_between(&self, a: usize, b: usize, quotes_break: bool) -> bool {
        let mut i = a + 1;
        while i < b {
            if self.words[i] == "(" {
                if let Some(close) = (i + 1..b).find(|&j| self.words[j] == ")") {
                    i = close + 1;
                    continue;
                }
            }
            // The end of an aside the figure stands in ("five (two of them children) in A").
            let closes_aside = self.words[i] == ")"
                && (a.saturating_sub(ASIDE_WORDS)..=a)
                    .rev()
                    .take_while(|&j| self.words[j] != ")")
                    .any(|j| self.words[j] == "(");
            let quote = !quotes_break && is_quote(self.words[i]);
            if self.lex.has(Sec::ClauseBreaks, self.words[i])
                && !closes_aside
                && !quote
                && !self.glued_hyphen(i)
            {
                return true;
            }
            i += 1;
        }
        false
    }

    /// True when token `i` is a hyphen written between two words without spaces, as in a
    /// number joined to its noun ("a 30-minute firefight"): part of a word, no dash between
    /// clauses.
    fn glued_hyphen(&self, i: usize) -> bool {
        let (Some(prev), Some(hyphen), Some(next)) = (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
            self.toks.get(i + 1),
        ) else {
            return false;
        };
        hyphen.lower == "-" && prev.end == hyphen.start && hyphen.end == next.start
    }
}

fn is_quote(word: &str) -> bool {
    matches!(word, "\"" | "\u{201C}" | "\u{201D}" | "'")
}
