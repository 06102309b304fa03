//! Stage 1, ingest/extract: whether a sentence tells of the same time as an incident: a
//! calendar date days away, a weekday other than the one the incident is dated to, or days
//! before the news; such a sentence tells of another event.

use super::State;

/// Days between a sentence's calendar date and an incident's days that still make one event.
const DATE_SLACK_DAYS: i64 = 2;

impl State<'_> {
    /// True when sentence `si`, which names no place of its own that the gazetteer holds,
    /// tells another event than group `g` in focus: dated apart from it, or telling an event
    /// of its own kind ("a double bombing ... on Monday") on a weekday outside the day the
    /// group is dated to.
    pub(super) fn focus_apart(&self, g: usize, si: usize) -> bool {
        let others: Vec<usize> = self.out.groups[g]
            .sentences
            .iter()
            .copied()
            .filter(|&s| s != si)
            .collect();
        self.dated_apart(g, si) || self.told_on_another_weekday(&others, si)
    }

    /// True when sentence `si` names a calendar date more than two days away from the days
    /// group `g` speaks of (or from the publication day when it names none).
    pub(super) fn dated_apart(&self, g: usize, si: usize) -> bool {
        use super::super::events::{incident_date, resolve_told, DayRef};
        let Some(published) = self.published.as_ref() else {
            return false;
        };
        // ("... flared up Wednesday, shattering a cease-fire reached in September": a whole
        // month that holds none of the days told dates something else.)
        let calendar: Vec<(crate::model::Date, crate::model::Date)> =
            resolve_told(published, &self.readings[si].days)
                .into_iter()
                .filter(|(d, _)| matches!(d, DayRef::Calendar { .. }))
                .map(|(_, s)| s)
                .collect();

        let (Some(first), Some(last)) = (
            calendar.iter().map(|c| c.0).min(),
            calendar.iter().map(|c| c.1).max(),
        ) else {
            return false;
        };
        let days = self.group_days(g);
        let span = incident_date(Some(published), &days);
        let gap = |a: crate::model::Date, b: crate::model::Date| {
            b.days_since_epoch() - a.days_since_epoch()
        };
        gap(last, span.start) > DATE_SLACK_DAYS || gap(span.end, first) > DATE_SLACK_DAYS
    }

    /// The days group `g`'s sentences name.
    fn group_days(&self, g: usize) -> Vec<super::super::events::DayRef> {
        self.out.groups[g]
            .sentences
            .iter()
            .flat_map(|&s| self.readings[s].days.iter().copied())
            .collect()
    }

    /// True when sentence `si` names a calendar date.
    pub(super) fn has_calendar_day(&self, si: usize) -> bool {
        self.readings[si]
            .days
            .iter()
            .any(|d| matches!(d, super::super::events::DayRef::Calendar { .. }))
    }

    /// True when the days group `g`'s sentences name end more than two days before the
    /// publication window: an earlier event told for background.
    pub(super) fn dated_before_news(&self, g: usize) -> bool {
        use super::super::events::incident_date;
        let Some(published) = self.published.as_ref() else {
            return false;
        };
        let days = self.group_days(g);
        if days.is_empty() {
            return false;
        }
        let span = incident_date(Some(published), &days);
        let news = incident_date(Some(published), &[]);
        news.start.days_since_epoch() - span.end.days_since_epoch() > DATE_SLACK_DAYS
    }

    /// True when sentence `si`, telling an event of its own kind, names weekdays only, none
    /// of them the one day sentences `others` date an event to: "... killed Monday. ... near
    /// the town of A. On Sunday, two police officers were killed in a bombing" tells of
    /// another event than the lead's, though A is the place in focus.
    pub(super) fn told_on_another_weekday(&self, others: &[usize], si: usize) -> bool {
        let own_event = self.readings[si].events.iter().any(|e| !e.fallback);
        own_event
            && !self.has_calendar_day(si)
            && self
                .published
                .as_ref()
                .is_some_and(|p| self.weekday_apart_from(others, si, p))
    }

    /// True when sentence `si` names weekdays only, none of them the one day sentences
    /// `others` date an event to.
    fn weekday_apart_from(
        &self,
        others: &[usize],
        si: usize,
        published: &crate::model::DateSpan,
    ) -> bool {
        use super::super::events::{incident_date, resolve_day, DayRef};
        let weekdays: Vec<crate::model::Date> = self.readings[si]
            .days
            .iter()
            .filter(|d| matches!(d, DayRef::Weekday(_)))
            .filter_map(|d| resolve_day(published, *d))
            .map(|(day, _)| day)
            .collect();
        if weekdays.is_empty() {
            return false;
        }
        let days: Vec<DayRef> = others
            .iter()
            .flat_map(|&s| self.readings[s].days.iter().copied())
            .collect();
        if days.is_empty() {
            return false;
        }
        let span = incident_date(Some(published), &days);
        span.precision == crate::model::DatePrecision::Day
            && weekdays.iter().all(|d| *d != span.start)
    }
}
