//! Stage 1, ingest/extract: what happened, who did it, and when. ACLED sub-event types from
//! verbs and nouns ("gevechten" → armed clash, "luchtaanvallen" → air/drone strike), tags
//! ("ontsnapt" → escape), actors named in the sentence, and day references ("donderdag",
//! "today") that refine the date only when the publication day is known.

mod days;

use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::text::Token;
use crate::model::SubEventType;

pub use days::{
    day_refs, incident_date, report_day_refs, resolve_day, resolve_told, DayRef, RecentPeriod,
};
pub(super) use days::{month, year};

/// An event cue: its token and the sub-event type it signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventCue {
    pub token: usize,
    /// The token after the cue's words ("opened fire": after "fire").
    pub end: usize,
    pub sub_type: SubEventType,
    /// From the `fallback_events` section ("gedood", "killed"): says that violence happened
    /// but not how; any cue of the `events` section in the incident goes first.
    pub fallback: bool,
    /// A capture of ground the text does not name ("captured three villages"): any other
    /// kind of event the incident tells decides before it.
    pub unnamed_ground: bool,
    /// The token where the place a capture took is named ("captured the town of A": A's
    /// first token); `None` for every other cue.
    pub ground_at: Option<usize>,
}

/// Event cues in tokens `from..to`: those of the `events` section as `ground` judges them (a
/// verb of capture that takes no place is none, see [`super::captures`]), else the
/// fallbacks.
pub fn event_cues(
    lex: &Lexicon,
    words: &[&str],
    from: usize,
    to: usize,
    ground: impl Fn(EventCue) -> Option<EventCue>,
) -> Vec<EventCue> {
    let cues = |section: Sec, fallback: bool| -> Vec<EventCue> {
        lex.patterns(section)
            .find_all(words, from, to)
            .into_iter()
            .filter_map(|m| {
                Some(EventCue {
                    token: m.start,
                    end: m.end,
                    sub_type: m.value.parse().ok()?,
                    // "attack", "raid": violence without its kind; a weapon or a clash named
                    // in the same incident says more.
                    fallback: fallback || lex.has(Sec::GenericEvents, words[m.start]),
                    unnamed_ground: false,
                    ground_at: None,
                })
            })
            .collect()
    };
    let mut found: Vec<EventCue> = cues(Sec::Events, false)
        .into_iter()
        .filter_map(ground)
        .collect();
    found.extend(super::aircraft::aircraft_striking(lex, words, from, to));
    let found = if found.is_empty() {
        cues(Sec::FallbackEvents, true)
    } else {
        found
    };
    found
        .into_iter()
        .filter(|c| !negated(lex, words, from, c.token))
        .collect()
}

/// The most words between a negation and the event cue it denies ("had not carried out
/// air strikes").
const NEGATION_REACH: usize = 3;

/// True when a negation stands a few words before the cue at token `cue`, with no number
/// and no clause break between them: the text says it did not happen.
fn negated(lex: &Lexicon, words: &[&str], from: usize, cue: usize) -> bool {
    let start = cue.saturating_sub(NEGATION_REACH + 1).max(from);
    words[start..cue]
        .iter()
        .rposition(|w| lex.has(Sec::Negations, w))
        .is_some_and(|k| {
            words[start + k + 1..cue].iter().all(|w| {
                *w != ","
                    && !lex.has(Sec::ClauseBreaks, w)
                    && !w.chars().any(|c| c.is_ascii_digit())
            })
        })
}

/// Tags in tokens `from..to` ("escape", "camp", "prison").
pub fn tags(lex: &Lexicon, words: &[&str], from: usize, to: usize) -> Vec<String> {
    lex.patterns(Sec::Tags)
        .find_all(words, from, to)
        .into_iter()
        .map(|m| m.value.to_string())
        .collect()
}

/// Actors named in tokens `from..to`, by their canonical name. Short names ("IS", "SDF") must
/// be written in capitals; a compound's first part counts ("IS-strijders" → IS).
pub fn actors(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    words: &[&str],
    from: usize,
    to: usize,
) -> Vec<String> {
    let set = lex.patterns(Sec::Actors);
    let mut out: Vec<String> = Vec::new();
    let mut push = |name: &str| {
        if !out.iter().any(|a| a == name) {
            out.push(name.to_string());
        }
    };
    let mut i = from;
    while i < to {
        if let Some(m) = set.match_at(words, i, to) {
            let short = m.end - m.start == 1 && words[i].chars().count() <= 4;
            if !short || toks[i].upper {
                push(m.value);
                i = m.end;
                continue;
            }
        }
        if let Some((head, _)) = text[toks[i].start..toks[i].end].split_once('-') {
            let lower = head.to_lowercase();
            if let Some(m) = set.match_at(&[lower.as_str()], 0, 1) {
                if head.chars().count() > 4 || head.chars().all(|c| !c.is_lowercase()) {
                    push(m.value);
                }
            }
        }
        i += 1;
    }
    out
}
