//! Stage 1, ingest/extract: a span of time counted out after a figure or before it ("2,000
//! killed in six years", "meer dan 2.000 doden in zes jaar tijd", "over two months"): the
//! figure is a total over that span, not one event's count. Not a period that ranks an event
//! among others ("the deadliest attack in three years", "the worst violence since March",
//! "de tweede aanslag in een week"): that event is still one.

use super::super::lexicon::Sec;
use super::super::text::Kind;
use super::State;

/// How many words before a period cue an ordinal or superlative ranks the event.
const RANK_WORDS: usize = 4;

impl State<'_> {
    /// The counted spans of time between tokens `from` and `to`: a `span_leads` word, a
    /// number (in figures or words, "a" too) and a `span_units` word ("in six years", "over
    /// two months"), as token spans.
    pub(super) fn counted_spans(&self, from: usize, to: usize) -> Vec<(usize, usize)> {
        let words = self.words;
        let number = |i: usize| {
            self.toks[i].kind == Kind::Number || self.lex.value(Sec::Numbers, words[i]).is_some()
        };
        (from..to.saturating_sub(2))
            .filter(|&i| self.lex.has(Sec::SpanLeads, words[i]))
            .filter(|&i| number(i + 1) && self.lex.has(Sec::SpanUnits, words[i + 2]))
            .map(|i| (i, i + 3))
            .collect()
    }

    /// True when a `span_ordinals` word at most [`RANK_WORDS`] before the period cue that
    /// starts at token `cue` (after `from`) ranks the event among those of the period ("the
    /// deadliest attack since 2015", "the third such attack this year", "de tweede aanslag
    /// in een week"): the period is no span the figure's total runs over.
    /// (Not an ordinal of a time, "now in its second year, the war has killed 8,500", nor
    /// one beyond a comma.)
    pub(super) fn ranked_in_period(&self, from: usize, cue: usize) -> bool {
        let words = self.words;
        (cue.saturating_sub(RANK_WORDS).max(from)..cue).any(|j| {
            self.lex.has(Sec::SpanOrdinals, words[j])
                && !words
                    .get(j + 1)
                    .is_some_and(|w| self.lex.has(Sec::Units, w))
                && !words[j..cue]
                    .iter()
                    .any(|w| *w == "," || self.lex.has(Sec::ClauseBreaks, w))
        })
    }
}
