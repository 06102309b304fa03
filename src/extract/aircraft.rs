//! Stage 1, ingest/extract: air strikes told by their aircraft. Reports often name no strike,
//! only the aircraft and what they did ("warplanes struck A", "A was struck by jets",
//! "bestookten straaljagers A"): a word of the lexicon's `aircraft` section with a
//! `strike_verbs` verb a few words from it in the same clause is an air strike.

use super::events::EventCue;
use super::lexicon::{Lexicon, Sec};
use crate::model::SubEventType;

/// The most words between an aircraft and the strike verb it does ("jets on Sunday
/// struck").
const AIRCRAFT_REACH: usize = 4;

/// Air strikes told by their aircraft: a word of the `aircraft` section with a
/// `strike_verbs` verb a few words from it in the same clause ("warplanes struck A", "A was
/// struck by jets", Dutch "bestookten straaljagers A").
pub(super) fn aircraft_striking(
    lex: &Lexicon,
    words: &[&str],
    from: usize,
    to: usize,
) -> Vec<EventCue> {
    lex.patterns(Sec::Aircraft)
        .find_all(words, from, to)
        .into_iter()
        .filter(|m| {
            let clause = |w: &&&str| **w != "," && !lex.has(Sec::ClauseBreaks, w);
            let after = words[m.end..to.min(m.end + AIRCRAFT_REACH + 1)]
                .iter()
                .take_while(clause)
                .any(|w| lex.has(Sec::StrikeVerbs, w));
            let before = words[m.start.saturating_sub(AIRCRAFT_REACH + 1).max(from)..m.start]
                .iter()
                .rev()
                .take_while(clause)
                .any(|w| lex.has(Sec::StrikeVerbs, w));
            after || before
        })
        .map(|m| EventCue {
            token: m.start,
            end: m.end,
            sub_type: SubEventType::AirDroneStrike,
            fallback: false,
            unnamed_ground: false,
            ground_at: None,
        })
        .collect()
}
