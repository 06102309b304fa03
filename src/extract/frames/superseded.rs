//! Stage 1, ingest/extract: a count the text has since updated ("rose to 13 on Friday, up
//! from an earlier toll of 10", "het dodental is opgelopen tot 13, eerder werd nog van 10
//! doden gesproken"): no rival claim that would make the incident's best estimate the old,
//! lower count, but a figure left out with the reason.

use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::State;

/// How many words ("an", "of") may stand between the cue and the count.
const CUE_WORDS: usize = 3;

/// Why an updated count is no figure of the incident.
const SUPERSEDED: &str = "an earlier toll the text has since updated";

impl State<'_> {
    /// The reason the figure at `token` is an earlier toll: a `superseded` cue ends at most
    /// [`CUE_WORDS`] before it in its clause.
    pub(super) fn superseded(&self, r: &Reading, token: usize) -> Option<String> {
        let found = self
            .lex
            .patterns(Sec::Superseded)
            .find_all(self.words, r.sentence.start, token)
            .into_iter()
            .any(|m| {
                m.end <= token
                    && token - m.end <= CUE_WORDS
                    && !(m.end..token).any(|i| {
                        self.words[i] == "," || self.lex.has(Sec::ClauseBreaks, self.words[i])
                    })
            });
        found.then(|| SUPERSEDED.to_string())
    }
}
