//! Stage 1, ingest: dates as tables write them — ISO (`2019-10-13`, `2019-10`, `2019`),
//! ACLED's older `13 October 2019`, `October 13, 2019`, `13-Oct-2019`, and any numeric layout
//! the user names with `--date-format` (`%d/%m/%Y`, `%m/%d/%y`, `%d.%m.%Y`, …).
//!
//! A numeric date such as `13/10/2019` is never guessed: day-first and month-first readings
//! differ, so without `--date-format` it is refused with a message that says which option to
//! give.

use crate::error::ParseError;
use crate::model::{Date, DateSpan};

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

/// One piece of a `--date-format`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Day,
    Month,
    MonthName,
    Year4,
    Year2,
    Literal(char),
}

/// How to read the dates of a table: ISO and named-month forms always, plus an optional
/// user-given numeric format.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateReader {
    format: Option<Vec<Token>>,
    pattern: Option<String>,
}

impl DateReader {
    /// A reader for `--date-format` patterns: `%d` day, `%m` month number, `%b`/`%B` month
    /// name, `%Y` four-digit year, `%y` two-digit year (1970–2069); anything else is literal.
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
                Some('%') => Token::Literal('%'),
                other => {
                    return Err(ParseError::new(format!(
                        "a date format made of %d, %m, %b, %Y, %y and literal characters, got {pattern:?} (unknown {:?})",
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
        })
    }

    /// Reads a date cell: the user's format first (when given), then ISO, then named months.
    pub fn parse(&self, text: &str) -> Result<DateSpan, ParseError> {
        let text = text.trim();
        if let Some(tokens) = &self.format {
            if let Some(date) = parse_with(tokens, text) {
                return Ok(DateSpan::day(date));
            }
        }
        match DateSpan::parse(text) {
            Ok(span) => return Ok(span),
            // 2019-02-30: the form is right, the day does not exist; no format would help.
            Err(err) if err.to_string().contains("does not exist") => return Err(err),
            Err(_) => {}
        }
        if let Some(date) = parse_named_month(text) {
            return Ok(DateSpan::day(date));
        }
        let numeric = text.contains(['/', '.']) || text.matches('-').count() == 2;
        let hint = match &self.pattern {
            Some(p) => format!(" or in the --date-format {p:?}"),
            None if numeric => {
                let sep = text.chars().find(|c| !c.is_ascii_digit()).unwrap_or('/');
                format!(
                    " (for day-first or month-first dates give --date-format, e.g. \"%d{sep}%m{sep}%Y\")"
                )
            }
            None => String::new(),
        };
        Err(ParseError::new(format!(
            "a date as YYYY-MM-DD, YYYY-MM, YYYY or \"13 October 2019\"{hint}, got {text:?}"
        )))
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

fn number(text: &str, max_len: usize) -> Option<u32> {
    if text.is_empty() || text.len() > max_len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `13 October 2019`, `13 Oct 2019`, `13-Oct-2019`, `October 13, 2019`, `Oct 13 2019`.
fn parse_named_month(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text
        .split([' ', '-', ',', '/'])
        .filter(|p| !p.is_empty())
        .collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (day, month) = match (number(a, 2), month_from_name(a)) {
        (Some(day), _) => (day, month_from_name(b)?),
        (None, Some(month)) => (number(b, 2)?, month),
        _ => return None,
    };
    let year = number(c, 4).filter(|_| c.len() == 4)?;
    Date::new(year as i32, month, u8::try_from(day).ok()?)
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
                let yy = number(&rest[..n], 2).filter(|_| n == 2)? as i32;
                year = Some(if yy < 70 { 2000 + yy } else { 1900 + yy });
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
    }

    #[test]
    fn numeric_dates_need_a_format_and_say_so() {
        let r = DateReader::default();
        let err = r.parse("13/10/2019").unwrap_err().to_string();
        assert!(err.contains("--date-format"), "{err}");
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
