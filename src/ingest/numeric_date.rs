//! Stage 1, ingest: the numbers of a date. In: the text of a numeric date (`13/10/2019`,
//! `10-13-19`, `13.10.2019`) and, where known, which of its first two numbers is the day
//! ([`NumericOrder`], from a date format or settled for a whole column by `date_order.rs`);
//! out: its day, month and year, or its numbers for a column's evidence. Shared by the date
//! reader (`dates.rs`) and the look at a whole column (`date_order.rs`).

use crate::model::Date;

/// Which of the first two numbers of a numeric date is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    DayFirst,
    MonthFirst,
}

impl NumericOrder {
    pub(super) fn describe(self) -> &'static str {
        match self {
            NumericOrder::DayFirst => "day-first (day/month/year)",
            NumericOrder::MonthFirst => "month-first (month/day/year)",
        }
    }
}

/// `a/b/y`, `a-b-y`, `a.b.y` with one- or two-digit `a`, `b` and a two- or four-digit year
/// last: the two leading numbers and the year.
pub(super) fn split_numeric(text: &str) -> Option<(u32, u32, i32)> {
    let sep = text.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = text.split(sep).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let year = match y.len() {
        4 => number(y, 4)? as i32,
        2 => two_digit_year(number(y, 2)?),
        _ => return None,
    };
    Some((number(a, 2)?, number(b, 2)?, year))
}

/// A numeric date read in `order`.
pub(super) fn parse_numeric(text: &str, order: NumericOrder) -> Option<Date> {
    let (a, b, year) = split_numeric(text)?;
    let (day, month) = match order {
        NumericOrder::DayFirst => (a, b),
        NumericOrder::MonthFirst => (b, a),
    };
    Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// The number a field of one to `max_len` ASCII digits holds.
pub(super) fn number(text: &str, max_len: usize) -> Option<u32> {
    if text.is_empty() || text.len() > max_len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A two-digit year: `00`–`69` are 2000–2069, `70`–`99` are 1970–1999.
pub(super) fn two_digit_year(yy: u32) -> i32 {
    let yy = yy as i32;
    if yy < 70 {
        2000 + yy
    } else {
        1900 + yy
    }
}
