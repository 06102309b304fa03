//! Stage 1, ingest: dates as tables write them — ISO (`2019-10-13`, `2019-10`, `2019`, also
//! with a time part: `2009-02-20 00:00:00.000`, `2009-02-20T00:00:00Z`, which is dropped),
//! ACLED's older `13 October 2019`, `October 13, 2019`, `13-Oct-2019`, the spreadsheet form
//! `9-May-20` (two-digit years are 1970–2069), and any numeric layout the user names with
//! a date format ([`DateReader::with_format`]: `%d/%m/%Y`, `%m/%d/%y`, `%d.%m.%Y`, …).
//!
//! A numeric date such as `13/10/2019` is never guessed value by value: day-first and
//! month-first readings differ. A whole column may settle it (`date_order.rs`): the reader is
//! then given that order ([`DateReader::with_order`]). Otherwise it is refused with a message
//! that says which option to give ([`DateHint`]).

use crate::error::{DateHint, ParseError};
use crate::model::{Date, DateSpan};

pub use super::numeric_date::NumericOrder;
use super::numeric_date::{number, parse_numeric, split_numeric, two_digit_year};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// One piece of a date format ([`DateReader::with_format`]).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Day,
    Month,
    MonthName,
    Year4,
    Year2,
    /// `%H`, `%M`, `%S` (and `%f`): digits of a time of day, read and dropped.
    TimeDigits,
    Literal(char),
}

/// How to read the dates of a table: ISO and named-month forms always, plus an optional
/// user-given numeric format.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateReader {
    format: Option<Vec<Token>>,
    pattern: Option<String>,
    /// The order of numeric dates, when a whole column settled it.
    order: Option<NumericOrder>,
}

impl DateReader {
    /// A reader for numeric date format patterns: `%d` day, `%m` month number, `%b`/`%B` month
    /// name, `%Y` four-digit year, `%y` two-digit year (1970–2069), `%H`, `%M`, `%S`, `%f`
    /// a time of day (dropped); anything else is literal.
    pub fn with_format(pattern: &str) -> Result<DateReader, ParseError> {
        let mut tokens = Vec::new();
        let mut chars = pattern.chars();
        while let Some(ch) = chars.next() {
            if ch != '%' {
                tokens.push(Token::Literal(ch));
                continue;
            }
            tokens.push(match chars.next() {
                Some('d') | Some('e') => Token::Day,
                Some('m') => Token::Month,
                Some('b') | Some('B') => Token::MonthName,
                Some('Y') => Token::Year4,
                Some('y') => Token::Year2,
                Some('H') | Some('M') | Some('S') | Some('f') => Token::TimeDigits,
                Some('%') => Token::Literal('%'),
                other => {
                    return Err(ParseError::new(format!(
                        "a date format made of %d, %m, %b, %Y, %y, %H, %M, %S and literal characters, got {pattern:?} (unknown {:?})",
                        other.map(|c| format!("%{c}")).unwrap_or_else(|| "%".into())
                    )))
                }
            });
        }
        let has = |t: &Token| tokens.contains(t);
        if !(has(&Token::Day) && (has(&Token::Month) || has(&Token::MonthName))) {
            return Err(ParseError::new(format!(
                "a date format with a day (%d) and a month (%m or %b), got {pattern:?}"
            )));
        }
        if !(has(&Token::Year4) || has(&Token::Year2)) {
            return Err(ParseError::new(format!(
                "a date format with a year (%Y or %y), got {pattern:?}"
            )));
        }
        Ok(DateReader {
            format: Some(tokens),
            pattern: Some(pattern.to_string()),
            order: None,
        })
    }

    /// True when the reader has a date format ([`DateReader::with_format`]; no column is
    /// then inspected).
    pub fn has_format(&self) -> bool {
        self.format.is_some()
    }

    /// This reader, reading numeric dates (`31-12-19`, `12/31/2019`) in `order`.
    pub fn with_order(&self, order: NumericOrder) -> DateReader {
        DateReader {
            order: Some(order),
            ..self.clone()
        }
    }

    /// Reads a date cell: the user's format first (when given), then ISO (a time part
    /// dropped), then named months, then numeric dates in the column's order (when known).
    pub fn parse(&self, text: &str) -> Result<DateSpan, ParseError> {
        let text = text.trim();
        if let Some(tokens) = &self.format {
            if let Some(date) = parse_with(tokens, text) {
                return Ok(DateSpan::day(date));
            }
        }
        let day_part = strip_time(text);
        match DateSpan::parse(day_part) {
            Ok(span) => return Ok(span),
            // 2019-02-30: the form is right, the day does not exist; no format would help.
            Err(err) if err.to_string().contains("does not exist") => return Err(err),
            Err(_) => {}
        }
        if let Some(date) = parse_named_month(day_part) {
            return Ok(DateSpan::day(date));
        }
        if let Some(date) = self.order.and_then(|order| parse_numeric(day_part, order)) {
            return Ok(DateSpan::day(date));
        }
        if let Some(date) = parse_year_first(day_part) {
            return Ok(DateSpan::day(date));
        }
        let numeric = split_numeric(day_part).is_some();
        let (hint, format) = match &self.pattern {
            Some(pattern) => (Some(DateHint::NotInFormat), format!(" {pattern:?}")),
            None if numeric => {
                let separator = text.chars().find(|c| !c.is_ascii_digit()).unwrap_or('/');
                (Some(DateHint::GiveFormat { separator }), String::new())
            }
            None => (None, String::new()),
        };
        let expected = format!(
            "a date as YYYY-MM-DD, YYYY-MM, YYYY or \"13 October 2019\"{}{format}, got {}",
            hint.as_ref().map(DateHint::to_string).unwrap_or_default(),
            crate::error::echo(text)
        );
        Err(match hint {
            Some(hint) => ParseError::with_hint(expected, hint),
            None => ParseError::new(expected),
        })
    }
}

fn month_from_name(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| m.starts_with(&word))?;
    Some(index as u8 + 1)
}

/// The day part of a date with a time of day (`2009-02-20 00:00:00.000`,
/// `2009-02-20T00:00:00Z`, `9-May-20 14:30`); the text itself when it has none.
pub(super) fn strip_time(text: &str) -> &str {
    let Some(cut) = text.rfind([' ', 'T']) else {
        return text;
    };
    let (day, time) = (text[..cut].trim_end(), &text[cut + 1..]);
    let zone_at = time[1.min(time.len())..]
        .find(['Z', '+', '-'])
        .map_or(time.len(), |i| i + 1);
    let (clock, zone) = time.split_at(zone_at);
    let clock_ok = clock.contains(':')
        && clock.starts_with(|c: char| c.is_ascii_digit())
        && clock
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b':' || b == b'.');
    let zone_ok = zone.is_empty()
        || zone == "Z"
        || zone[1..].bytes().all(|b| b.is_ascii_digit() || b == b':');
    if clock_ok && zone_ok && !day.is_empty() {
        day
    } else {
        text
    }
}

/// `2019/10/13` and `2019.10.13`: a four-digit year first is never ambiguous.
fn parse_year_first(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.split(['/', '.']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 {
        return None;
    }
    let year = number(y, 4)? as i32;
    Date::new(
        year,
        u8::try_from(number(m, 2)?).ok()?,
        u8::try_from(number(d, 2)?).ok()?,
    )
}

/// `13 October 2019`, `13 Oct 2019`, `13-Oct-2019`, `October 13, 2019`, `Oct 13 2019`, and the
/// spreadsheet form `9-May-20` (a day, a month name, a two-digit year).
fn parse_named_month(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text
        .split([' ', '-', ',', '/'])
        .filter(|p| !p.is_empty())
        .collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (day, month, day_first) = match (number(a, 2), month_from_name(a)) {
        (Some(day), _) => (day, month_from_name(b)?, true),
        (None, Some(month)) => (number(b, 2)?, month, false),
        _ => return None,
    };
    let year = match c.len() {
        4 => number(c, 4)? as i32,
        2 if day_first => two_digit_year(number(c, 2)?),
        _ => return None,
    };
    Date::new(year, month, u8::try_from(day).ok()?)
}

fn parse_with(tokens: &[Token], text: &str) -> Option<Date> {
    let (mut day, mut month, mut year) = (None, None, None);
    let mut rest = text;
    for token in tokens {
        let digits = |s: &str, max: usize| -> usize {
            s.bytes().take(max).take_while(u8::is_ascii_digit).count()
        };
        match token {
            Token::Literal(ch) => rest = rest.strip_prefix(*ch)?,
            Token::Day | Token::Month => {
                let n = digits(rest, 2);
                let value = number(&rest[..n], 2)?;
                rest = &rest[n..];
                if *token == Token::Day {
                    day = Some(value);
                } else {
                    month = Some(value);
                }
            }
            Token::Year4 => {
                let n = digits(rest, 4);
                year = Some(number(&rest[..n], 4).filter(|_| n == 4)? as i32);
                rest = &rest[n..];
            }
            Token::Year2 => {
                let n = digits(rest, 2);
                year = Some(two_digit_year(number(&rest[..n], 2).filter(|_| n == 2)?));
                rest = &rest[n..];
            }
            Token::TimeDigits => {
                let n = digits(rest, 9);
                number(&rest[..n], 9)?;
                rest = &rest[n..];
            }
            Token::MonthName => {
                let end = rest
                    .find(|c: char| !c.is_alphabetic() && c != '.')
                    .unwrap_or(rest.len());
                month = Some(u32::from(month_from_name(&rest[..end])?));
                rest = &rest[end..];
            }
        }
    }
    if !rest.is_empty() {
        return None;
    }
    Date::new(year?, u8::try_from(month?).ok()?, u8::try_from(day?).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(reader: &DateReader, text: &str) -> String {
        reader.parse(text).unwrap().label()
    }

    #[test]
    fn iso_and_named_months_need_no_format() {
        let r = DateReader::default();
        assert_eq!(day(&r, "2019-10-13"), "2019-10-13");
        assert_eq!(day(&r, "13 October 2019"), "2019-10-13");
        assert_eq!(day(&r, "13-Oct-2019"), "2019-10-13");
        assert_eq!(day(&r, "October 13, 2019"), "2019-10-13");
        assert_eq!(day(&r, "2019-10"), "2019-10");
        assert!(r.parse("31 February 2019").is_err());
        assert_eq!(day(&r, "9-May-20"), "2020-05-09");
        assert_eq!(day(&r, "28 December 2022"), "2022-12-28");
        assert_eq!(day(&r, "2019/10/13"), "2019-10-13");
    }

    #[test]
    fn a_time_of_day_is_dropped() {
        let r = DateReader::default();
        assert_eq!(day(&r, "2009-02-20 00:00:00.000"), "2009-02-20");
        assert_eq!(day(&r, "2009-02-20T00:00:00"), "2009-02-20");
        assert_eq!(day(&r, "2019-10-13T08:30:00Z"), "2019-10-13");
        assert_eq!(day(&r, "2019-10-13T08:30:00+02:00"), "2019-10-13");
        assert_eq!(day(&r, "9-May-20 14:30"), "2020-05-09");
        assert!(r.parse("2019-10-13 later").is_err());
        let f = DateReader::with_format("%d/%m/%Y %H:%M").unwrap();
        assert_eq!(day(&f, "13/10/2019 08:30"), "2019-10-13");
    }

    #[test]
    fn a_column_order_reads_numeric_dates() {
        let r = DateReader::default();
        assert!(r.parse("31-12-19").is_err());
        let dmy = r.with_order(NumericOrder::DayFirst);
        assert_eq!(day(&dmy, "31-12-19"), "2019-12-31");
        assert_eq!(day(&dmy, "5/8/2024"), "2024-08-05");
        let mdy = r.with_order(NumericOrder::MonthFirst);
        assert_eq!(day(&mdy, "12/31/2019"), "2019-12-31");
        assert!(mdy.parse("31/12/2019").is_err());
    }

    #[test]
    fn numeric_dates_need_a_format_and_say_so() {
        let r = DateReader::default();
        let err = r.parse("13/10/2019").unwrap_err();
        assert_eq!(err.hint(), Some(DateHint::GiveFormat { separator: '/' }));
        assert!(err.to_string().contains("give a date format"), "{err}");
        let err = DateReader::with_format("%d.%m.%Y")
            .unwrap()
            .parse("x")
            .unwrap_err();
        assert_eq!(err.hint(), Some(DateHint::NotInFormat));
        assert!(
            err.to_string().contains("date format \"%d.%m.%Y\", got"),
            "{err}"
        );
        assert!(r.parse("October").unwrap_err().hint().is_none());
        let dmy = DateReader::with_format("%d/%m/%Y").unwrap();
        assert_eq!(day(&dmy, "13/10/2019"), "2019-10-13");
        assert_eq!(day(&dmy, "2019-10-13"), "2019-10-13");
        let mdy = DateReader::with_format("%m/%d/%y").unwrap();
        assert_eq!(day(&mdy, "10/13/19"), "2019-10-13");
        let dots = DateReader::with_format("%d.%m.%Y").unwrap();
        assert_eq!(day(&dots, "13.10.2019"), "2019-10-13");
        let named = DateReader::with_format("%d-%b-%Y").unwrap();
        assert_eq!(day(&named, "13-Oct-2019"), "2019-10-13");
        assert!(dmy.parse("32/10/2019").is_err());
        assert!(DateReader::with_format("%Y").is_err());
        assert!(DateReader::with_format("%d/%m/%Q").is_err());
    }
}
