//! Stage 1, ingest/extract: counts of an earlier event the sentence recalls (an
//! `earlier_event` cue before them: "two days after another attack on A killed 44"): another
//! incident than the one the sentence is about, even at its place; years away ("eight years
//! after a fire in A killed 52"), background, neither an incident nor a count of today's.

use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::super::patterns::Match;
use super::State;

/// The value of `earlier_event` cues years away.
const YEARS: &str = "years";

/// Why a count after a cue years away is background.
const YEARS_BEFORE: &str = "another event, years before the one reported";

/// The value of `earlier_event` cues that name an earlier event with an adjective ("the
/// earlier bout of violence", "de vorige aanslag"): one only when no `earlier_not_events`
/// word follows ("the earlier toll", "the previous day").
const ADJECTIVE: &str = "event";

impl State<'_> {
    /// The `earlier_event` cues of the sentence at tokens `from..to` (an adjective's only
    /// before a word for an event, not before a toll or a day).
    pub(super) fn earlier_cues(&self, from: usize, to: usize) -> Vec<Match<'_>> {
        let mut cues = self
            .lex
            .patterns(Sec::EarlierEvent)
            .find_all(self.words, from, to);
        cues.retain(|m| {
            m.value != ADJECTIVE
                || self
                    .words
                    .get(m.end)
                    .is_some_and(|w| !self.lex.has(Sec::EarlierNotEvents, w))
        });
        cues
    }

    /// True when an `earlier_event` cue stands anywhere before the figure at `token` in its
    /// sentence ("The attack came two days after another raid on A, where 44 were killed"):
    /// the figure is another event's than the one the sentence is about, even at its place.
    pub(super) fn after_earlier_cue(&self, r: &Reading, token: usize) -> bool {
        self.earlier_cues(r.sentence.start, r.sentence.end)
            .into_iter()
            .any(|m| m.end <= token)
    }

    /// Why the figure (or place) at `token` is background: an `earlier_event` cue years
    /// away opens the clause it stands in ("eight years to the day after a fire in A killed
    /// 52"; not "Two years after the war began, rebels attacked A": a comma closes the
    /// cue's clause).
    pub(super) fn years_before(&self, r: &Reading, token: usize) -> Option<String> {
        let closed = |a: usize| {
            (a..token)
                .any(|k| self.words[k] == "," || self.lex.has(Sec::ClauseBreaks, self.words[k]))
        };
        let m = self
            .earlier_cues(r.sentence.start, r.sentence.end)
            .into_iter()
            .find(|m| m.end <= token && m.value == YEARS && !closed(m.end))?;
        Some(format!(
            "{YEARS_BEFORE} ({:?})",
            self.words[m.start..m.end].join(" ")
        ))
    }

    /// True when group `g` holds a figure of a sentence before `si` that is the news of its
    /// sentence (no `earlier_event` cue before it: two sentences that each recall the same
    /// earlier event at A tell one event).
    pub(super) fn told_before(&self, g: usize, si: usize) -> bool {
        self.out.groups[g].figures.iter().any(|&(sj, fj)| {
            let r = &self.readings[sj];
            sj < si && !self.after_earlier_cue(r, r.figures[fj].token)
        })
    }
}
