//! Counts of persons by what their clause says they did or underwent: one person as a
//! count ("a man was shot dead", "killing a civilian", "the victim died"), counted only when
//! the measure governs or follows it close by (not "an official said ..."; "the detainee
//! was responsible for the killing" counts no one); and a count that is who did it ("shot
//! dead by four armed men").

use super::measure::{Candidates, SUBJECT_BEFORE_MEASURE};
use super::sentence::Sentence;
use super::subject::Count;
use crate::extract::attribution::is_boundary;
use crate::extract::lexicon::{Match, Sec};
use crate::extract::numbers::NumberKind;
use crate::extract::one_person::named_by_noun_before;
use crate::model::Measure;

/// How many words an "of" phrase may add between a definite person and its passive measure
/// ("the leader of the local farmers' union was killed").
const OF_PHRASE_WORDS: usize = 5;

impl<'a> Sentence<'a> {
    /// The following measure that speaks of the count's own words. "the victim died",
    /// "killing him": a definite person only with the measure right around it ("the detainee
    /// was responsible for the killing" counts no one). ("the leader of a local militia was
    /// shot dead": a phrase with "of" and a passive verb right before the measure still make
    /// the person its subject.)
    pub fn own_following<'s>(
        &self,
        c: &Count,
        following: Option<&'s Match<'a>>,
    ) -> Option<&'s Match<'a>> {
        let (lex, words, n) = (self.lex, self.words, c.n);
        let definite = !lex.has(Sec::Indefinite, words[n.number_start]);
        let of_phrase_subject = |m: &Match<'_>| {
            let end = n.end;
            // ("the leader of the Foo Movement (FM) was killed": a bracketed short form is
            // an aside, no clause of its own.)
            let aside = short_form_aside(words, end, m.start);
            end < m.start
                && words[end..m.start]
                    .iter()
                    .any(|w| Sec::GenitiveOf.in_any_language(w))
                && lex.has(Sec::PassiveAuxiliaries, words[m.start - 1])
                && m.start - end - aside.len() <= SUBJECT_BEFORE_MEASURE + OF_PHRASE_WORDS
                && !(end..m.start).any(|j| !aside.contains(&j) && is_boundary(lex, &self.toks[j]))
        };
        following.filter(|m| {
            !definite
                || m.start.saturating_sub(c.words_end()) <= SUBJECT_BEFORE_MEASURE
                || of_phrase_subject(m)
        })
    }

    /// True when one person ("a man") is counted: the measure is a death or an injury, and
    /// one of the count's own measures (adjacent, governing, following, after its relative
    /// clause or around it) speaks of that person. ("a photographer saw wounded children": a
    /// measure right before a word for people describes those people, not the one person;
    /// "over the death of a student killed by police": only a measure right by the noun that
    /// names the victim counts them; "died of her injuries": the person inside the measure's
    /// own words.) `found.following` is the count's own following measure.
    pub fn one_person_counted(
        &self,
        c: &Count,
        found: &Candidates,
        measure: &Option<Measure>,
    ) -> bool {
        let (lex, words, n) = (self.lex, self.words, c.n);
        let casualty = matches!(measure, Some(Measure::Killed | Measure::Injured));
        let enclosing = found
            .clause
            .iter()
            .find(|m| m.start < n.number_start && n.end <= m.end)
            .copied();
        let own_verbs = if named_by_noun_before(lex, words, n.number_start) {
            [found.adjacent, None, None, None, None]
        } else {
            [
                found.adjacent,
                found.governing,
                found.following,
                found.after_relative,
                enclosing,
            ]
        };
        let of_that_person = own_verbs
            .into_iter()
            .flatten()
            .any(|m| !words.get(m.end).is_some_and(|w| lex.is_people(w)));
        casualty && of_that_person
    }

    /// True when the count after one person joins it and its own measure, right after its
    /// words, is a death or an injury: "a man and his two sons were killed" counts the man
    /// too ("an official and two residents said ..." counts no one).
    /// A list of more counts ("a woman, two men and three children were killed") hands the
    /// measure back along the list: the man counts when the list he opens does.
    pub fn joined_to_next_casualty(&self, c: &Count) -> bool {
        let mut end = c.words_end();
        let mut next_number = c.next_number;
        for _ in 0..LISTED_COUNTS {
            let Some(next) = self.numbers.iter().find(|o| {
                o.start == next_number
                    && matches!(o.kind, NumberKind::Count | NumberKind::Indefinite)
            }) else {
                return false;
            };
            if !super::parts::joins_counts(self.lex, self.words, end, next.start) {
                return false;
            }
            let next_count = self.count(next);
            let found = self.candidates(&next_count);
            let casualty = self
                .own_following(&next_count, found.following)
                .is_some_and(|m| {
                    matches!(Measure::parse(m.value), Measure::Killed | Measure::Injured)
                });
            if casualty {
                return true;
            }
            (end, next_number) = (next_count.words_end(), next_count.next_number);
        }
        false
    }

    /// The count is who did it: "shot dead by four armed men" (after "by", not "followed by");
    /// "a mob of 36 men killed a trader": the count's verb, active, with one person as its
    /// object ("a trader", "the guard", "him"; not a bare number, as in a headline's "12
    /// killed 3 wounded", nor "wounded the day before") says what they did.
    pub fn by_attackers(
        &self,
        c: &Count,
        following: Option<&Match<'_>>,
        measure: Option<Measure>,
    ) -> Option<Measure> {
        let n = c.n;
        // ("followed by two others": what came next, no agent.)
        let sequence =
            n.start > self.from + 1 && Sec::SequenceVerbs.in_any_language(self.words[n.start - 2]);
        let by_agent = n.start > self.from
            && Sec::AgentMarkers.in_any_language(self.words[n.start - 1])
            && !sequence;
        let does_to_person = following.is_some_and(|m| {
            // ("shot dead", "shot and killed": an active verb of several words too; not a
            // passive one, "were killed".)
            m.start == c.words_end()
                && (m.start..m.end).all(|j| !self.lex.has(Sec::PassiveAuxiliaries, self.words[j]))
                && matches!(Measure::parse(m.value), Measure::Killed | Measure::Injured)
                && self
                    .numbers
                    .iter()
                    .any(|o| o.start == m.end && o.kind == NumberKind::Indefinite)
        });
        if (by_agent || does_to_person) && (c.subject.people || c.bare()) {
            Some(Measure::Attackers)
        } else {
            measure
        }
    }
}

/// Most counts after one person that a list of counts may hold.
const LISTED_COUNTS: usize = 6;

/// Most tokens inside the brackets of a short form ("(FM)", "(CPI-Maoist)").
const SHORT_FORM_TOKENS: usize = 3;

/// The tokens of the first bracketed short form in `from..to` (brackets included): a few
/// tokens, no comma, no clause inside. Empty when there is none.
fn short_form_aside(words: &[&str], from: usize, to: usize) -> std::ops::Range<usize> {
    let Some(open) = (from..to).find(|&j| words[j] == "(") else {
        return 0..0;
    };
    let close = (open + 1..to.min(open + SHORT_FORM_TOKENS + 2)).find(|&j| words[j] == ")");
    match close {
        Some(c) if c > open + 1 && !words[open + 1..c].contains(&",") => open..c + 1,
        _ => 0..0,
    }
}
