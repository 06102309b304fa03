//! Stage 1, ingest/extract: one event a period cue is overridden by. A past month that dates
//! an event the count's own clause tells with the indefinite article ("In April, four were
//! killed in a car bomb attack") is that event's month; "in total" before one event told
//! with the definite article ("in total, five died in the attack") sums that event. A past
//! month or year in a sentence that dates its event to a recent day ("killed 13 on Wednesday,
//! breaking a truce agreed in September") dates something else. Either way the count is the
//! event's, not a total over a period.

use super::super::events::{day_refs, DayRef};
use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::State;
use crate::model::SubEventType;

impl State<'_> {
    /// True when the clause of the figure at `token` goes on to tell one event with the
    /// indefinite article ("... were killed in a car bomb attack", "... in an air strike").
    pub(super) fn in_one_event(&self, token: usize, to: usize) -> bool {
        let events = self.lex.patterns(Sec::Events);
        (token + 1..to.saturating_sub(1))
            .take_while(|&i| !self.lex.has(Sec::ClauseBreaks, self.words[i]))
            .filter(|&i| self.lex.has(Sec::Indefinite, self.words[i]))
            .any(|i| (i + 1..(i + 4).min(to)).any(|j| events.match_at(self.words, j, to).is_some()))
    }

    /// True when the cue at tokens `a..b` is a `sum_cues` phrase.
    pub(super) fn sums_only(&self, a: usize, b: usize) -> bool {
        self.lex
            .patterns(Sec::SumCues)
            .match_at(self.words, a, b)
            .is_some_and(|m| m.end == b)
    }

    /// True when the sentence of reading `r` names one event with the definite article, in
    /// the singular and of a kind that happens once ("the attack", "de aanslag"; not "the
    /// attacks", nor "the fighting", an armed clash that goes on).
    pub(super) fn one_event_told(&self, r: &Reading) -> bool {
        let definite = |i: usize| {
            i.checked_sub(1)
                .is_some_and(|a| self.lex.is_definite(self.words[a]))
        };
        let singular = |i: usize| !Sec::PluralEndings.ends_in_any_language(self.words[i]);
        let cue = r.events.iter().any(|e| {
            definite(e.token) && e.sub_type != SubEventType::ArmedClash && singular(e.end - 1)
        });
        // ("the attack": a word of any violence, told once.)
        let generic = (r.sentence.start..r.sentence.end)
            .any(|i| self.lex.has(Sec::GenericEvents, self.words[i]) && definite(i) && singular(i));
        cue || generic
    }

    /// True when the clause of the figure at `token` (in the sentence at tokens `from..to`)
    /// dates its event to a recent day ("on Wednesday", "yesterday", "today"): no past month
    /// or year there is a period the count runs over.
    pub(super) fn told_on_a_recent_day(&self, token: usize, from: usize, to: usize) -> bool {
        let breaks = |i: &usize| self.lex.has(Sec::ClauseBreaks, self.words[*i]);
        let start = (from..token).rev().find(breaks).map_or(from, |i| i + 1);
        let end = (token..to).find(breaks).unwrap_or(to);
        day_refs(self.lex, self.words, start, end)
            .iter()
            .any(|d| matches!(d, DayRef::Weekday(_) | DayRef::Today | DayRef::Yesterday))
    }
}
