//! Stage 1, ingest/extract: the days a sentence refers to ("yesterday", "on Tuesday", "13
//! October", "in recent weeks") and the incident's date they give with the publication date.

use super::super::lexicon::{Lexicon, Sec};
use crate::model::{days_in_month, Date, DatePrecision, DateSpan};

/// A day the sentence refers to, relative to the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRef {
    Today,
    Yesterday,
    /// 0 = Monday … 6 = Sunday.
    Weekday(u8),
    /// A calendar date the text writes ("on April 25", "in February", "3 March 2015"): the
    /// year when written, the day when written.
    Calendar {
        year: Option<i32>,
        month: u8,
        day: Option<u8>,
    },
    /// A recent period the text names by the calendar ("earlier this week", "last month";
    /// the lexicon's `recent_periods`).
    Period(RecentPeriod),
}

/// A calendar period counted back from the publication day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecentPeriod {
    /// From the Monday of the publication week to the publication day.
    ThisWeek,
    /// Monday to Sunday of the week before.
    LastWeek,
    /// From the first of the publication month to the publication day.
    ThisMonth,
    /// The whole month before.
    LastMonth,
    /// So many days back, from the first to the second number ("a fortnight ago": about
    /// two weeks; the lexicon writes `ago 12 16`).
    DaysAgo(u16, u16),
    /// The last Saturday and Sunday up to the publication day ("at the weekend"): the one
    /// under way when the report appears on a Saturday or Sunday.
    Weekend,
}

impl RecentPeriod {
    fn from_value(value: &str) -> Option<RecentPeriod> {
        match value {
            "this_week" => Some(RecentPeriod::ThisWeek),
            "last_week" => Some(RecentPeriod::LastWeek),
            "this_month" => Some(RecentPeriod::ThisMonth),
            "last_month" => Some(RecentPeriod::LastMonth),
            "weekend" => Some(RecentPeriod::Weekend),
            other => {
                let mut parts = other.strip_prefix("ago ")?.split(' ');
                let far: u16 = parts.next()?.parse().ok()?;
                let near: u16 = parts.next()?.parse().ok()?;
                Some(RecentPeriod::DaysAgo(far.max(near), far.min(near)))
            }
        }
    }

    /// The first and last day of the period for a publication day.
    fn days(self, pub_day: Date) -> Option<(Date, Date)> {
        let monday = pub_day.add_days(-i64::from(pub_day.weekday_from_monday()));
        let first_of = |d: Date| Date::new(d.year, d.month, 1);
        match self {
            RecentPeriod::ThisWeek => Some((monday, pub_day)),
            RecentPeriod::LastWeek => Some((monday.add_days(-7), monday.add_days(-1))),
            RecentPeriod::ThisMonth => Some((first_of(pub_day)?, pub_day)),
            RecentPeriod::LastMonth => {
                let last = first_of(pub_day)?.add_days(-1);
                Some((first_of(last)?, last))
            }
            RecentPeriod::DaysAgo(far, near) => Some((
                pub_day.add_days(-i64::from(far)),
                pub_day.add_days(-i64::from(near)),
            )),
            RecentPeriod::Weekend => {
                // Days back to the last Saturday (Monday = 0, Saturday = 5).
                let back = (i64::from(pub_day.weekday_from_monday()) - 5).rem_euclid(7);
                let saturday = pub_day.add_days(-back);
                Some((saturday, saturday.add_days(1).min(pub_day)))
            }
        }
    }
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

/// The days tokens `from..to` refer to: day words (with `reported`, only the days a report
/// was made), else also calendar dates and recent periods.
fn days_in(lex: &Lexicon, words: &[&str], from: usize, to: usize, reported: bool) -> Vec<DayRef> {
    let mut days = weekdays_in(lex, words, from, to, reported);
    if !reported {
        days.extend(calendar_dates(lex, words, from, to));
        days.extend(recent_periods(lex, words, from, to));
    }
    days
}

/// "earlier this week", "last month": recent periods, not after "since" (a period that runs
/// up to now is the span of a running total, see the lexicon's `cumulative`).
fn recent_periods(lex: &Lexicon, words: &[&str], from: usize, to: usize) -> Vec<DayRef> {
    lex.patterns(Sec::RecentPeriods)
        .find_all(words, from, to)
        .iter()
        .filter(|m| m.start == 0 || !Sec::SinceWords.in_any_language(words[m.start - 1]))
        .filter_map(|m| RecentPeriod::from_value(m.value))
        .map(DayRef::Period)
        .collect()
}

/// A word that is a year of the calendar: four digits from 1900 to 2100.
pub(in crate::extract) fn year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// The month the word at `i` names, unless a word of another language joins it to a name
/// after it: "in Mar del Plata" names a city, not March.
pub(in crate::extract) fn month(lex: &Lexicon, words: &[&str], i: usize) -> Option<u8> {
    let joined = words
        .get(i + 1)
        .is_some_and(|w| lex.has(Sec::NameJoiners, w));
    lex.value(Sec::Months, words.get(i)?)
        .and_then(|m| m.parse::<u8>().ok())
        .filter(|_| !joined)
}

/// "on April 25", "25 April 2015", "in February", "in early March": calendar dates. A month
/// without a day counts only after "in", "early", "mid" or "late" ("May" and "March" are also
/// verbs), never after "since" (a period) or as part of an age or a year alone.
pub fn calendar_dates(lex: &Lexicon, words: &[&str], from: usize, to: usize) -> Vec<DayRef> {
    let day_at = |k: usize| {
        words
            .get(k)
            .filter(|_| k >= from && k < to)
            .and_then(|w| w.parse::<u8>().ok())
            .filter(|d| (1..=31).contains(d))
    };
    let year_at = |k: usize| words.get(k).filter(|_| k < to).and_then(|w| year(w));
    let mut out = Vec::new();
    for i in from..to {
        let Some(month) = month(lex, words, i) else {
            continue;
        };
        let before = i.checked_sub(1).filter(|&j| j >= from).map(|j| words[j]);
        let since = before.is_some_and(|w| Sec::SinceWords.in_any_language(w));
        if since || before.is_some_and(|w| lex.has(Sec::ReportVerbs, w)) {
            continue;
        }
        let day = day_at(i + 1).or_else(|| i.checked_sub(1).and_then(day_at));
        let year = year_at(if day_at(i + 1).is_some() {
            i + 2
        } else {
            i + 1
        });
        let framed = before.is_some_and(|w| Sec::MonthPartWords.in_any_language(w));
        if day.is_some() || framed {
            out.push(DayRef::Calendar { year, month, day });
        }
    }
    out
}

/// Day words in tokens `from..to` ("today", "yesterday", weekday names): with `reported`,
/// only those after a report verb ("told on Monday"), else only the others.
/// How many words after a day in the possessive ("Tuesday's deadly bombing") the event it
/// dates may stand.
const POSSESSED_WORDS: usize = 3;

fn weekdays_in(
    lex: &Lexicon,
    words: &[&str],
    from: usize,
    to: usize,
    reported: bool,
) -> Vec<DayRef> {
    let reporting = |i: usize| {
        let before = |k: usize| i.checked_sub(k).filter(|&j| j >= from).map(|j| words[j]);
        before(1).is_some_and(|w| lex.has(Sec::ReportVerbs, w))
            || before(1).is_some_and(|w| Sec::DayPrepositions.in_any_language(w))
                && before(2).is_some_and(|w| lex.has(Sec::ReportVerbs, w))
    };
    // "next Tuesday", "aanstaande zondag": a day ahead dates no event told.
    let ahead = |i: usize| i > from && lex.has(Sec::FutureDayWords, words[i - 1]);
    let event_at = |j: usize| lex.is_event_word(words[j]);
    (from..to)
        .filter(|&i| reporting(i) == reported && !ahead(i))
        // "Tuesday's bombing", "yesterday's attack": the day of what follows; not "Sunday's
        // general election", no event of the news.
        .filter_map(|i| {
            let w = words[i];
            match w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")) {
                Some(day) => (i + 1..(i + 1 + POSSESSED_WORDS).min(to))
                    .any(event_at)
                    .then_some(day),
                None => Some(w),
            }
        })
        .filter_map(|w| {
            if lex.has(Sec::Today, w) {
                Some(DayRef::Today)
            } else if lex.has(Sec::Yesterday, w) {
                Some(DayRef::Yesterday)
            } else {
                lex.value(Sec::Weekdays, w)
                    .and_then(|d| d.parse().ok())
                    .map(DayRef::Weekday)
            }
        })
        .collect()
}

/// The days a reference points to (first, last), when the publication day is known: the same
/// weekday on or before the publication day; a calendar date in its written year, else the
/// last one on or before the publication day (a whole month when no day is written).
pub fn resolve_day(published: &DateSpan, day: DayRef) -> Option<(Date, Date)> {
    if published.precision != DatePrecision::Day {
        return None;
    }
    let pub_day = published.start;
    let one = |d: Date| Some((d, d));
    match day {
        DayRef::Today => one(pub_day),
        DayRef::Yesterday => one(pub_day.add_days(-1)),
        DayRef::Period(period) => period.days(pub_day),
        DayRef::Weekday(w) => {
            let back = (i64::from(pub_day.weekday_from_monday()) - i64::from(w)).rem_euclid(7);
            one(pub_day.add_days(-back))
        }
        DayRef::Calendar { year, month, day } => {
            let span = |y: i32| -> Option<(Date, Date)> {
                match day {
                    Some(d) => Date::new(y, month, d).map(|d| (d, d)),
                    None => Some((
                        Date::new(y, month, 1)?,
                        Date::new(y, month, days_in_month(y, month))?,
                    )),
                }
            };
            match year {
                Some(y) => span(y),
                None => span(pub_day.year)
                    .filter(|(first, _)| *first <= pub_day)
                    .or_else(|| span(pub_day.year - 1)),
            }
        }
    }
}

/// The days `refs` point to (see [`resolve_day`]), each with its reference, less a whole
/// month that holds none of the other days told: "killed 13 on Wednesday, breaking a truce
/// agreed in September" dates something else by September.
pub fn resolve_told(published: &DateSpan, refs: &[DayRef]) -> Vec<(DayRef, (Date, Date))> {
    let month = |r: &DayRef| matches!(r, DayRef::Calendar { day: None, .. });
    let resolved: Vec<(DayRef, (Date, Date))> = refs
        .iter()
        .filter_map(|r| resolve_day(published, *r).map(|s| (*r, s)))
        .collect();
    let days: Vec<(Date, Date)> = resolved
        .iter()
        .filter(|(r, _)| !month(r))
        .map(|(_, s)| *s)
        .collect();
    resolved
        .into_iter()
        .filter(|(r, (a, b))| {
            !month(r) || days.is_empty() || days.iter().any(|(x, y)| x <= b && a <= y)
        })
        .collect()
}

/// The incident date: from the earliest day referred to up to the latest (or the publication
/// day), when the publication day is known (a whole month that holds none of the days told is
/// left out); else the publication span (precision month for
/// "2019-10"); else undated (precision unknown).
pub fn incident_date(published: Option<&DateSpan>, refs: &[DayRef]) -> DateSpan {
    let Some(published) = published else {
        return DateSpan::unknown();
    };
    let spans: Vec<(Date, Date)> = resolve_told(published, refs)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    let first = spans.iter().map(|s| s.0).min();
    let last = spans.iter().map(|s| s.1).max();
    let month_only = refs
        .iter()
        .all(|r| matches!(r, DayRef::Calendar { day: None, .. }));
    let precision = if month_only {
        DatePrecision::Month
    } else {
        DatePrecision::Day
    };
    match (first, last) {
        (Some(first), Some(last)) => {
            DateSpan::between(first, last, precision).unwrap_or(*published)
        }
        _ => DateSpan::of_undated_report(published),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_undated_event_spans_the_publication_day_and_the_day_before() {
        let day = DateSpan::parse("2022-03-01").unwrap();
        assert_eq!(
            incident_date(Some(&day), &[]).label(),
            "2022-02-28/2022-03-01"
        );
        let month = DateSpan::parse("2022-03").unwrap();
        assert_eq!(incident_date(Some(&month), &[]).label(), "2022-03");
        assert_eq!(incident_date(None, &[]), DateSpan::unknown());
    }

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
