//! Stage 1, ingest: the order of a table's numeric dates (`31-12-19`, `12/31/2019`), decided
//! once for a whole column, never value by value.
//!
//! Without a date format ([`super::DateReader::with_format`]), the date columns of a CSV table (`event_date`, `date`,
//! `date_start`, `date_end`, `start_date`, `end_date`) are looked at before the table is read:
//! when the first 1,000 dates hold no numeric one, nothing more is read. Otherwise every
//! numeric date of those columns counts: when some first number is above 12 and no second
//! one is, the column is day-first; the other way round, month-first; the file's other rows
//! are then read in that order, and one line on stderr says so. When no value settles it
//! (every number 12 or below) or the values contradict each other, nothing is guessed and the
//! rows are refused with a hint to give one ([`DateHint`]).

use std::io::BufRead;

use csv::StringRecord;

use crate::error::{DateHint, RecordError};

use super::csv_text::{csv_reader, header_key, to_string_record};
use super::dates::strip_time;
use super::numeric_date::{split_numeric, NumericOrder};
use super::options::ReadOptions;

/// Dates looked at before giving up on finding a numeric one.
const NUMERIC_SEARCH_DATES: usize = 1000;

/// The columns whose dates are inspected.
const DATE_COLUMNS: [&str; 6] = [
    "event_date",
    "date",
    "date_start",
    "date_end",
    "start_date",
    "end_date",
];

/// What the numeric dates of a column allow.
#[derive(Debug, Default)]
struct Evidence {
    numeric: usize,
    /// A value whose first number is above 12, and one whose second is.
    first_above_12: Option<String>,
    second_above_12: Option<String>,
}

impl Evidence {
    fn add(&mut self, text: &str) {
        let Some((a, b, _)) = split_numeric(strip_time(text)) else {
            return;
        };
        self.numeric += 1;
        if a > 12 && self.first_above_12.is_none() {
            self.first_above_12 = Some(text.to_string());
        }
        if b > 12 && self.second_above_12.is_none() {
            self.second_above_12 = Some(text.to_string());
        }
    }

    fn order(&self) -> Option<(NumericOrder, &str)> {
        match (&self.first_above_12, &self.second_above_12) {
            (Some(example), None) => Some((NumericOrder::DayFirst, example)),
            (None, Some(example)) => Some((NumericOrder::MonthFirst, example)),
            _ => None,
        }
    }
}

/// The reading options for one table: `options` with the order its date columns allow, and
/// the note that says so (`None` when nothing was inferred).
pub fn settle_order<R: BufRead>(
    input: R,
    label: &str,
    options: &ReadOptions,
) -> Option<(ReadOptions, RecordError)> {
    if options.dates.has_format() {
        return None;
    }
    let mut reader = csv_reader(input, options);
    let headers = to_string_record(reader.byte_headers().ok()?, label).0;
    let columns: Vec<(usize, String)> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| DATE_COLUMNS.contains(&header_key(h).as_str()))
        .map(|(i, h)| (i, h.trim().to_string()))
        .collect();
    if columns.is_empty() {
        return None;
    }
    let mut evidence = Evidence::default();
    let mut seen = 0usize;
    let mut record = StringRecord::new();
    while reader.read_record(&mut record).unwrap_or(false) {
        for (index, _) in &columns {
            let text = record.get(*index).map_or("", str::trim);
            if text.is_empty() || options.dates.parse(text).is_ok() {
                seen += 1;
                continue;
            }
            evidence.add(text);
        }
        if evidence.numeric == 0 && seen >= NUMERIC_SEARCH_DATES {
            return None;
        }
    }
    let (order, example) = evidence.order()?;
    let names: Vec<&str> = columns.iter().map(|(_, h)| h.as_str()).collect();
    let note = RecordError::new(
        label,
        None,
        format!(
            "numeric dates of column '{}' read {}: {example:?} can only be read that way and no date contradicts it ({} numeric dates){}",
            names.join("', '"),
            order.describe(),
            evidence.numeric,
            DateHint::OrderSettled
        ),
    )
    .with_hint(Some(DateHint::OrderSettled));
    let mut settled = options.clone();
    settled.dates = options.dates.with_order(order);
    Some((settled, note))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settle(table: &str) -> Option<(ReadOptions, RecordError)> {
        settle_order(table.as_bytes(), "t.csv", &ReadOptions::default())
    }

    #[test]
    fn a_day_above_12_settles_a_column_day_first() {
        let (options, note) = settle("event_date,x\n1-2-19,a\n31-12-19,b\n").unwrap();
        assert!(note.message.contains("day-first"), "{}", note.message);
        assert!(note.message.contains("31-12-19"), "{}", note.message);
        assert_eq!(note.hint, Some(DateHint::OrderSettled));
        let worded = note.worded(|_| "; the other order with -X".into());
        assert!(
            worded.ends_with("numeric dates); the other order with -X"),
            "{worded}"
        );
        assert_eq!(options.dates.parse("1-2-19").unwrap().label(), "2019-02-01");
    }

    #[test]
    fn month_first_and_ambiguous_columns() {
        let (options, note) = settle("date\n12/31/2019\n1/2/2019\n").unwrap();
        assert!(note.message.contains("month-first"));
        assert_eq!(
            options.dates.parse("1/2/2019").unwrap().label(),
            "2019-01-02"
        );
        assert!(settle("date\n1/2/2019\n3/4/2019\n").is_none());
        assert!(settle("date\n13/2/2019\n3/14/2019\n").is_none());
        assert!(settle("date\n2019-10-13\n").is_none());
        let (options, _) = settle("date\n31/12/2019 08:00\n1/2/2020 09:30\n").unwrap();
        assert_eq!(
            options.dates.parse("1/2/2020 09:30").unwrap().label(),
            "2020-02-01"
        );
    }
}
