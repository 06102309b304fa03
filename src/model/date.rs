//! Model (shared by every stage): calendar dates and date spans with a precision.
//!
//! A reported date is rarely a single day: an article published "2019-10" covers the whole
//! month. [`DateSpan`] keeps `start..=end` and says how precise the report was, with the same
//! semantics as ACLED's `time_precision` and UCDP's `date_prec`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::ParseError;

/// A proleptic Gregorian calendar date (no time zone; incident reports are day-granular).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A validated date; `None` when the day does not exist (2019-02-30).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before), Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (ISO 8601 order).
    pub fn weekday_from_monday(self) -> u8 {
        // 1970-01-01 was a Thursday (index 3).
        (self.days_since_epoch() + 3).rem_euclid(7) as u8
    }

    /// The date `days` later (or earlier, when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }
}

/// The error for a day that does not exist in a real month (2019-02-30, 2021-04-31).
pub fn nonexistent_day(year: i32, month: u8, day: u8) -> Option<ParseError> {
    if !(1..=12).contains(&month) || day == 0 || day <= days_in_month(year, month) {
        return None;
    }
    Some(ParseError::new(format!(
        "a date that exists, got {year:04}-{month:02}-{day:02}: that day does not exist (the month has {} days)",
        days_in_month(year, month)
    )))
}

/// Number of days in a month of a year (leap years included).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = ParseError;

    /// Parses an ISO `YYYY-MM-DD` day.
    fn from_str(s: &str) -> Result<Date, ParseError> {
        let span = DateSpan::parse(s)?;
        if span.precision != DatePrecision::Day {
            return Err(ParseError::new(format!(
                "a full date YYYY-MM-DD, got {s:?}"
            )));
        }
        Ok(span.start)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// How precisely a report dates an event.
///
/// | incimap | ACLED `time_precision` | UCDP `date_prec` |
/// |---------|------------------------|------------------|
/// | `day`   | 1                      | 1                |
/// | `week`  | 2                      | 2, 3             |
/// | `month` | 3                      | 4                |
/// | `year`  | –                      | 5                |
/// | `unknown` | –                    | –                |
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
    Unknown,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Unknown => "unknown",
        }
    }

    /// ACLED's `time_precision` code (1 day, 2 week, 3 month or coarser).
    pub fn acled_code(self) -> u8 {
        match self {
            DatePrecision::Day => 1,
            DatePrecision::Week => 2,
            _ => 3,
        }
    }
}

impl FromStr for DatePrecision {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" | "1" => Ok(DatePrecision::Day),
            "week" | "2" => Ok(DatePrecision::Week),
            "month" | "3" => Ok(DatePrecision::Month),
            "year" => Ok(DatePrecision::Year),
            "unknown" | "" => Ok(DatePrecision::Unknown),
            other => Err(ParseError::new(format!(
                "a date precision (day, week, month, year, unknown), got {other:?}"
            ))),
        }
    }
}

/// An inclusive span of days with the precision it was reported at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateSpan {
    pub start: Date,
    pub end: Date,
    pub precision: DatePrecision,
}

impl DateSpan {
    /// The date of an event a report published on `published` gives no day for: the day it
    /// appeared or the day before (what "reported on Tuesday" most often means); a report
    /// dated to a month only says that month. Extraction dates such events so, and the
    /// merge knows them by it.
    pub fn of_undated_report(published: &DateSpan) -> DateSpan {
        if published.precision != DatePrecision::Day {
            return *published;
        }
        let day = published.start;
        DateSpan::between(day.add_days(-1), day, DatePrecision::Day).unwrap_or(*published)
    }

    /// The span of a record without a usable date: every day from year 1 to 9999,
    /// precision unknown (filters on dates keep it; maps say "undated").
    pub fn unknown() -> DateSpan {
        DateSpan {
            start: Date {
                year: 1,
                month: 1,
                day: 1,
            },
            end: Date {
                year: 9999,
                month: 12,
                day: 31,
            },
            precision: DatePrecision::Unknown,
        }
    }

    /// A single day.
    pub fn day(date: Date) -> DateSpan {
        DateSpan {
            start: date,
            end: date,
            precision: DatePrecision::Day,
        }
    }

    /// The whole month, precision month.
    pub fn month(year: i32, month: u8) -> Option<DateSpan> {
        Some(DateSpan {
            start: Date::new(year, month, 1)?,
            end: Date::new(year, month, days_in_month(year, month))?,
            precision: DatePrecision::Month,
        })
    }

    /// The whole year, precision year.
    pub fn year(year: i32) -> DateSpan {
        DateSpan {
            start: Date {
                year,
                month: 1,
                day: 1,
            },
            end: Date {
                year,
                month: 12,
                day: 31,
            },
            precision: DatePrecision::Year,
        }
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a range `A/B` (ISO 8601 interval of two of
    /// those; precision is the coarser of the two, or week when the range is 2–7 days).
    pub fn parse(text: &str) -> Result<DateSpan, ParseError> {
        let text = text.trim();
        if let Some((a, b)) = text.split_once('/') {
            let a = DateSpan::parse(a)?;
            let b = DateSpan::parse(b)?;
            return DateSpan::between(a.start, b.end, a.precision.max(b.precision));
        }
        let expected = || {
            ParseError::new(format!(
                "a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text:?}"
            ))
        };
        let mut parts = text.split('-');
        let year_text = parts.next().ok_or_else(expected)?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(expected());
        }
        let year: i32 = year_text.parse().map_err(|_| expected())?;
        let number = |part: Option<&str>| -> Result<Option<u8>, ParseError> {
            match part {
                None => Ok(None),
                Some(p) if (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| expected())
                }
                Some(_) => Err(expected()),
            }
        };
        let month = number(parts.next())?;
        let day = number(parts.next())?;
        if parts.next().is_some() {
            return Err(expected());
        }
        match (month, day) {
            (None, _) => Ok(DateSpan::year(year)),
            (Some(m), None) => DateSpan::month(year, m).ok_or_else(expected),
            (Some(m), Some(d)) => Date::new(year, m, d)
                .map(DateSpan::day)
                .ok_or_else(|| nonexistent_day(year, m, d).unwrap_or_else(expected)),
        }
    }

    /// A span from `start` to `end`; the precision is widened to week for spans of 2–7 days
    /// reported at day precision, and an inverted span is an error.
    pub fn between(
        start: Date,
        end: Date,
        precision: DatePrecision,
    ) -> Result<DateSpan, ParseError> {
        if end < start {
            return Err(ParseError::new(format!(
                "a date range whose end ({end}) is not before its start ({start})"
            )));
        }
        let days = end.days_since_epoch() - start.days_since_epoch() + 1;
        let precision = match precision {
            DatePrecision::Day if days > 1 && days <= 7 => DatePrecision::Week,
            DatePrecision::Day if days > 7 => DatePrecision::Month,
            p => p,
        };
        Ok(DateSpan {
            start,
            end,
            precision,
        })
    }

    /// The shortest text that says what the span is: `2019-10-13`, `2019-10`, `2019`, or
    /// `2022-01-20/2022-01-23`.
    pub fn label(&self) -> String {
        let whole_month = self.start.day == 1
            && self.start.year == self.end.year
            && self.start.month == self.end.month
            && self.end.day == days_in_month(self.end.year, self.end.month);
        let whole_year = self.start.year == self.end.year
            && (self.start.month, self.start.day) == (1, 1)
            && (self.end.month, self.end.day) == (12, 31);
        if self.start == self.end {
            self.start.to_string()
        } else if whole_year {
            format!("{:04}", self.start.year)
        } else if whole_month {
            format!("{:04}-{:02}", self.start.year, self.start.month)
        } else {
            format!("{}/{}", self.start, self.end)
        }
    }

    /// The smallest span covering both.
    pub fn union(&self, other: &DateSpan) -> DateSpan {
        DateSpan {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
            precision: self.precision.max(other.precision),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_is_the_whole_month() {
        let span = DateSpan::parse("2019-10").unwrap();
        assert_eq!(span.start.to_string(), "2019-10-01");
        assert_eq!(span.end.to_string(), "2019-10-31");
        assert_eq!(span.precision, DatePrecision::Month);
        assert_eq!(span.label(), "2019-10");
        let feb = DateSpan::parse("2024-02").unwrap();
        assert_eq!(feb.end.day, 29);
    }

    #[test]
    fn epoch_days_round_trip_and_weekdays() {
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        // 2019-10-13 was a Sunday, 2022-01-20 a Thursday.
        assert_eq!(Date::new(2019, 10, 13).unwrap().weekday_from_monday(), 6);
        assert_eq!(Date::new(2022, 1, 20).unwrap().weekday_from_monday(), 3);
    }

    #[test]
    fn bad_dates_are_rejected_with_what_was_expected() {
        for bad in [
            "2019-13",
            "2019-02-30",
            "19-10",
            "2019/10/13x",
            "",
            "2019-10-1-1",
        ] {
            let err = DateSpan::parse(bad).unwrap_err().to_string();
            assert!(err.contains("date"), "{bad}: {err}");
        }
    }

    #[test]
    fn ranges_get_a_precision_from_their_length() {
        let span = DateSpan::parse("2022-01-20/2022-01-23").unwrap();
        assert_eq!(span.precision, DatePrecision::Week);
        assert_eq!(span.label(), "2022-01-20/2022-01-23");
        assert!(DateSpan::parse("2022-01-23/2022-01-20").is_err());
    }
}
