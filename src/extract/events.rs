//! Stage 1, ingest/extract: what happened, who did it, and when. ACLED sub-event types from
//! verbs and nouns ("gevechten" → armed clash, "luchtaanvallen" → air/drone strike), tags
//! ("ontsnapt" → escape), actors named in the sentence, and day references ("donderdag",
//! "today") that refine the date only when the publication day is known.

use super::lexicon::Lexicon;
use super::text::Token;
use crate::model::{Date, DatePrecision, DateSpan, SubEventType};

/// An event cue: its token and the sub-event type it signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventCue {
    pub token: usize,
    pub sub_type: SubEventType,
    /// From the `fallback_events` section ("gedood", "killed"): says that violence happened
    /// but not how; any cue of the `events` section in the incident goes first.
    pub fallback: bool,
}

/// Event cues in tokens `from..to`: those of the `events` section, else the fallbacks.
pub fn event_cues(lex: &Lexicon, words: &[&str], from: usize, to: usize) -> Vec<EventCue> {
    let cues = |section: &str, fallback: bool| -> Vec<EventCue> {
        lex.patterns(section)
            .find_all(words, from, to)
            .into_iter()
            .filter_map(|m| {
                Some(EventCue {
                    token: m.start,
                    sub_type: m.value.parse().ok()?,
                    // "attack", "raid": violence without its kind; a weapon or a clash named
                    // in the same incident says more.
                    fallback: fallback || lex.has("generic_events", words[m.start]),
                })
            })
            .collect()
    };
    let found = cues("events", false);
    if found.is_empty() {
        cues("fallback_events", true)
    } else {
        found
    }
}

/// Tags in tokens `from..to` ("escape", "camp", "prison").
pub fn tags(lex: &Lexicon, words: &[&str], from: usize, to: usize) -> Vec<String> {
    lex.patterns("tags")
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
    let set = lex.patterns("actors");
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

/// A day the sentence refers to, relative to the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRef {
    Today,
    Yesterday,
    /// 0 = Monday … 6 = Sunday.
    Weekday(u8),
}

/// Day references in tokens `from..to`. A day that dates the report rather than the event
/// ("the agency reported today", "zei maandag") is left out: see [`report_day_refs`].
pub fn day_refs(lex: &Lexicon, words: &[&str], from: usize, to: usize) -> Vec<DayRef> {
    days_in(lex, words, from, to, false)
}

/// The days that date a report ("a source told on Wednesday that ..."): what was told then
/// happened by then, so they date an incident that no other day dates, closer than the day
/// the article appeared.
pub fn report_day_refs(lex: &Lexicon, words: &[&str], from: usize, to: usize) -> Vec<DayRef> {
    days_in(lex, words, from, to, true)
}

fn days_in(lex: &Lexicon, words: &[&str], from: usize, to: usize, reported: bool) -> Vec<DayRef> {
    let reporting = |i: usize| {
        let before = |k: usize| i.checked_sub(k).filter(|&j| j >= from).map(|j| words[j]);
        before(1).is_some_and(|w| lex.has("report_verbs", w))
            || before(1).is_some_and(|w| matches!(w, "on" | "op"))
                && before(2).is_some_and(|w| lex.has("report_verbs", w))
    };
    (from..to)
        .filter(|&i| reporting(i) == reported)
        .map(|i| words[i])
        .filter_map(|w| {
            if lex.has("today", w) {
                Some(DayRef::Today)
            } else if lex.has("yesterday", w) {
                Some(DayRef::Yesterday)
            } else {
                lex.value("weekdays", w)
                    .and_then(|d| d.parse().ok())
                    .map(DayRef::Weekday)
            }
        })
        .collect()
}

/// The day a reference points to, when the publication day is known: the same weekday on or
/// before the publication day.
pub fn resolve_day(published: &DateSpan, day: DayRef) -> Option<Date> {
    if published.precision != DatePrecision::Day {
        return None;
    }
    let pub_day = published.start;
    Some(match day {
        DayRef::Today => pub_day,
        DayRef::Yesterday => pub_day.add_days(-1),
        DayRef::Weekday(w) => {
            let back = (i64::from(pub_day.weekday_from_monday()) - i64::from(w)).rem_euclid(7);
            pub_day.add_days(-back)
        }
    })
}

/// The incident date: from the earliest day referred to up to the latest (or the publication
/// day), when the publication day is known; else the publication span (precision month for
/// "2019-10"); else undated (precision unknown).
pub fn incident_date(published: Option<&DateSpan>, refs: &[DayRef]) -> DateSpan {
    let Some(published) = published else {
        return DateSpan::unknown();
    };
    let days: Vec<Date> = refs
        .iter()
        .filter_map(|r| resolve_day(published, *r))
        .collect();
    match (days.iter().min(), days.iter().max()) {
        (Some(&first), Some(&last)) => {
            DateSpan::between(first, last, DatePrecision::Day).unwrap_or(*published)
        }
        _ => *published,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_refine_only_a_known_day() {
        let day = DateSpan::parse("2022-01-23").unwrap(); // a Sunday
        let span = incident_date(Some(&day), &[DayRef::Weekday(3), DayRef::Today]);
        assert_eq!(span.label(), "2022-01-20/2022-01-23");
        assert_eq!(span.precision, DatePrecision::Week);
        let month = DateSpan::parse("2022-01").unwrap();
        let span = incident_date(Some(&month), &[DayRef::Weekday(3)]);
        assert_eq!(
            (span.label().as_str(), span.precision),
            ("2022-01", DatePrecision::Month)
        );
        assert_eq!(incident_date(None, &[]).precision, DatePrecision::Unknown);
    }
}
