//! Stage 1, ingest: which table is this? Delimiter, layout (incimap's CSV form, an ACLED
//! export, a UCDP GED download, or incimap's own wide CSV export) and the reading options a
//! user can give (`--delimiter`, `--date-format`), all decided from the header line.
//!
//! Detection order: a `figures_json` column means incimap's export; `event_id_cnty` with
//! `event_date` means ACLED; `where_prec` with `date_prec` (or `type_of_violence` with `best`)
//! means UCDP GED; anything else is read as incimap's simple CSV form.

use std::io::{BufRead, Read};

use csv::StringRecord;

use crate::error::{ParseError, RecordError};
use crate::model::{Incident, Measure};

use super::acled::AcledColumns;
use super::dates::DateReader;
use super::table::IncimapColumns;
use super::ucdp::UcdpColumns;
use super::wide::WideColumns;

pub use super::crlf::CrlfToLf;

/// How to read tables, from the command line.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The field delimiter; `None` detects comma, semicolon or tab from the header.
    pub delimiter: Option<u8>,
    pub dates: DateReader,
    /// The gazetteer articles among the inputs are read with (the run's, with the user's
    /// places); `None` for the built-in one.
    pub places: Option<crate::extract::PlaceIndex>,
    /// The country context (`--country`) for the place names of articles.
    pub country: Option<String>,
}

impl ReadOptions {
    /// Parses `--delimiter`: one ASCII character, or `tab`, `comma`, `semicolon`.
    pub fn parse_delimiter(text: &str) -> Result<u8, ParseError> {
        match text {
            "tab" | "\\t" | "\t" => Ok(b'\t'),
            "comma" => Ok(b','),
            "semicolon" => Ok(b';'),
            "pipe" => Ok(b'|'),
            t if t.len() == 1 && t.is_ascii() && t != "\"" => Ok(t.as_bytes()[0]),
            other => Err(ParseError::new(format!(
                "one character (',' ';' '|') or 'tab', got {other:?}"
            ))),
        }
    }
}

/// The table layouts incimap reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Incimap,
    Acled,
    Ucdp,
    Wide,
}

impl TableKind {
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Incimap => "incimap CSV",
            TableKind::Acled => "ACLED CSV",
            TableKind::Ucdp => "UCDP GED CSV",
            TableKind::Wide => "incimap CSV export",
        }
    }

    /// Recognizes a layout from its header cells (case-insensitive).
    pub fn detect(headers: &StringRecord) -> TableKind {
        let keys: Vec<String> = headers.iter().map(header_key).collect();
        let has = |name: &str| keys.iter().any(|k| k == name);
        if has("figures_json") {
            TableKind::Wide
        } else if has("event_id_cnty") && has("event_date") {
            TableKind::Acled
        } else if (has("where_prec") && has("date_prec"))
            || (has("type_of_violence") && has("best"))
        {
            TableKind::Ucdp
        } else {
            TableKind::Incimap
        }
    }
}

/// A header cell as a lookup key: trimmed, lower case, spaces and hyphens as underscores.
pub fn header_key(header: &str) -> String {
    header.trim().to_lowercase().replace([' ', '-'], "_")
}

/// The position of each header key, for the layouts with fixed column names.
pub(crate) fn position_of(headers: &StringRecord) -> impl Fn(&str) -> Option<usize> + '_ {
    move |name: &str| headers.iter().position(|h| header_key(h) == name)
}

/// The trimmed cell at a column position ("" when the column or the cell is missing, or the
/// cell only says so: `NA`, `NaN`, `NULL`, `None`, `-`).
pub(crate) fn cell(record: &StringRecord, index: Option<usize>) -> &str {
    let text = index.and_then(|i| record.get(i)).map_or("", str::trim);
    if super::cell::is_missing(text) {
        ""
    } else {
        text
    }
}

/// Every column whose header is not in `known`, as (position, header) for `extra`.
pub(crate) fn extra_columns(headers: &StringRecord, known: &[&str]) -> Vec<(usize, String)> {
    headers
        .iter()
        .enumerate()
        .filter(|(_, h)| !known.contains(&header_key(h).as_str()) && !h.trim().is_empty())
        .map(|(i, h)| (i, h.trim().to_string()))
        .collect()
}

/// A layout with its column positions: turns one row into an incident (one per file, so the
/// size of its variants does not matter).
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)]
pub enum TableSchema {
    Incimap(IncimapColumns),
    Acled(AcledColumns),
    Ucdp(UcdpColumns),
    Wide(WideColumns),
}

impl TableSchema {
    /// Detects the layout; a header that fits none is one error at line 1.
    pub fn from_headers(headers: &StringRecord, label: &str) -> Result<TableSchema, RecordError> {
        Ok(match TableKind::detect(headers) {
            TableKind::Incimap => {
                TableSchema::Incimap(IncimapColumns::from_headers(headers, label)?)
            }
            TableKind::Acled => TableSchema::Acled(AcledColumns::from_headers(headers)),
            TableKind::Ucdp => TableSchema::Ucdp(UcdpColumns::from_headers(headers)),
            TableKind::Wide => TableSchema::Wide(WideColumns::from_headers(headers)),
        })
    }

    pub fn kind(&self) -> TableKind {
        match self {
            TableSchema::Incimap(_) => TableKind::Incimap,
            TableSchema::Acled(_) => TableKind::Acled,
            TableSchema::Ucdp(_) => TableKind::Ucdp,
            TableSchema::Wide(_) => TableKind::Wide,
        }
    }

    /// The measures any row can have a figure for, when the header alone says so (`None`
    /// for incimap's CSV export, whose `figures_json` can hold any measure).
    pub fn measures(&self) -> Option<Vec<Measure>> {
        match self {
            TableSchema::Incimap(c) => Some(c.measures()),
            TableSchema::Acled(c) => Some(c.measures()),
            TableSchema::Ucdp(c) => Some(c.measures()),
            TableSchema::Wide(_) => None,
        }
    }

    /// One row → one incident, or the reason it was rejected (with line and column); what
    /// was read with a caveat (a range widened) adds a warning.
    pub fn row(
        &self,
        record: &StringRecord,
        label: &str,
        line: Option<u64>,
        options: &ReadOptions,
        warnings: &mut Vec<RecordError>,
    ) -> Result<Incident, RecordError> {
        match self {
            TableSchema::Incimap(c) => c.row(record, label, line, options),
            TableSchema::Acled(c) => c.row(record, label, line, options),
            TableSchema::Ucdp(c) => c.row(record, label, line, options, warnings),
            TableSchema::Wide(c) => c.row(record, label, line),
        }
    }
}

/// What a header says that loses no record but is worth a warning: an ACLED table without
/// `fatalities` or a UCDP GED table without `best` (no death toll at all), a column given
/// twice (the first is read), several date columns of incimap's form (`date` is read).
pub fn header_warnings(
    schema: &TableSchema,
    headers: &StringRecord,
    label: &str,
) -> Vec<RecordError> {
    let mut warnings = Vec::new();
    let warn = |message: String| RecordError::new(label, Some(1), message);
    match (schema, schema.measures()) {
        (TableSchema::Acled(_), Some(m)) if m.is_empty() => warnings.push(warn(
            "no figure column: an ACLED table without 'fatalities' gives no death tolls".into(),
        )),
        (TableSchema::Ucdp(_), Some(m)) if m.is_empty() => warnings.push(warn(
            "no figure column: a UCDP GED table without 'best' gives no death tolls".into(),
        )),
        _ => {}
    }
    let keys: Vec<String> = headers.iter().map(header_key).collect();
    for (index, key) in keys.iter().enumerate() {
        let first = keys.iter().position(|k| k == key) == Some(index);
        let count = keys.iter().filter(|k| *k == key).count();
        if first && count > 1 && !key.is_empty() {
            warnings.push(warn(format!(
                "the column '{key}' is given {count} times; the first one is read"
            )));
        }
    }
    let dates: Vec<&str> = headers
        .iter()
        .filter(|h| ["date", "date_start", "start_date"].contains(&header_key(h).as_str()))
        .collect();
    if schema.kind() == TableKind::Incimap
        && dates.len() > 1
        && dates.iter().any(|d| header_key(d) != header_key(dates[0]))
    {
        warnings.push(warn(format!(
            "several date columns ({}); the first one is read",
            dates.join(", ")
        )));
    }
    warnings
}

/// The delimiter of a header line: the most frequent of comma, semicolon and tab (comma on
/// ties), ignoring quoted text.
pub fn detect_delimiter(text: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in text {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [(counts[0], b','), (counts[1], b';'), (counts[2], b'\t')];
    candidates
        .into_iter()
        .max_by_key(|&(n, d)| (n, d == b','))
        .map_or(b',', |(_, d)| d)
}

/// Opens a CSV reader on a buffered input: drops a UTF-8 byte-order mark and picks the
/// delimiter from the header line (unless the options fix it).
pub fn csv_reader<R: BufRead>(input: R, options: &ReadOptions) -> csv::Reader<R> {
    csv_reader_with_delimiter(input, options).0
}

/// [`csv_reader`], and the delimiter it uses.
pub fn csv_reader_with_delimiter<R: BufRead>(
    mut input: R,
    options: &ReadOptions,
) -> (csv::Reader<R>, u8) {
    let delimiter = take_bom_and_delimiter(&mut input, options);
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(input);
    (reader, delimiter)
}

/// Drops a UTF-8 byte-order mark and picks the delimiter from the header line (unless the
/// options fix it).
pub fn take_bom_and_delimiter(input: &mut impl BufRead, options: &ReadOptions) -> u8 {
    match input.fill_buf() {
        Ok(buf) => {
            let bom = buf.starts_with(b"\xEF\xBB\xBF");
            let delimiter = options
                .delimiter
                .unwrap_or_else(|| detect_delimiter(if bom { &buf[3..] } else { buf }));
            if bom {
                input.consume(3);
            }
            delimiter
        }
        Err(_) => options.delimiter.unwrap_or(b','),
    }
}

/// A byte record as text; invalid UTF-8 is replaced (U+FFFD) and reported as a warning.
pub fn to_string_record(
    record: &csv::ByteRecord,
    label: &str,
) -> (StringRecord, Option<RecordError>) {
    match StringRecord::from_byte_record(record.clone()) {
        Ok(text) => (text, None),
        Err(_) => {
            let line = record.position().map(|p| p.line());
            let fields: Vec<String> = record
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            let mut text = StringRecord::from(fields);
            text.set_position(record.position().cloned());
            let warning = RecordError::new(
                label,
                line,
                "invalid UTF-8; invalid bytes were replaced with U+FFFD",
            );
            (text, Some(warning))
        }
    }
}

/// Reads a whole table of any layout into memory (the non-streaming path): good rows become
/// incidents, every rejected row one error with its line (warnings are left out: see
/// [`read_table_noting`]).
pub fn read_table(
    bytes: &[u8],
    label: &str,
    options: &ReadOptions,
) -> (Vec<Incident>, Vec<RecordError>) {
    read_table_noting(bytes, label, options, &mut Vec::new())
}

/// [`read_table`], adding the warnings about the table and the rows it kept to `warnings`.
pub fn read_table_noting(
    bytes: &[u8],
    label: &str,
    options: &ReadOptions,
    warnings: &mut Vec<RecordError>,
) -> (Vec<Incident>, Vec<RecordError>) {
    let open = || -> std::io::Result<Box<dyn Read + '_>> { Ok(Box::new(bytes)) };
    let mut incidents = Vec::new();
    let mut rejected = Vec::new();
    super::table_rows::read_table_chunks(&open, label.into(), options, None, 4096, &mut |chunk| {
        super::stream::decode_chunk(chunk, options, &mut incidents, &mut rejected, warnings);
        true
    });
    (incidents, rejected.into_iter().map(|r| r.error).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str) -> StringRecord {
        StringRecord::from(line.split(',').collect::<Vec<_>>())
    }

    #[test]
    fn layouts_are_recognized_from_the_header() {
        let acled = "event_id_cnty,event_date,year,time_precision,event_type,latitude,longitude";
        assert_eq!(TableKind::detect(&headers(acled)), TableKind::Acled);
        let ucdp = "id,year,type_of_violence,where_prec,date_prec,best,low,high";
        assert_eq!(TableKind::detect(&headers(ucdp)), TableKind::Ucdp);
        assert_eq!(
            TableKind::detect(&headers("date,place,killed")),
            TableKind::Incimap
        );
        let wide = "event_id_cnty,event_date,figures_json";
        assert_eq!(TableKind::detect(&headers(wide)), TableKind::Wide);
    }

    #[test]
    fn delimiters_ignore_quoted_text_and_a_bom_is_dropped() {
        assert_eq!(detect_delimiter(b"\"a,b,c\";x;y\n1,2,3"), b';');
        assert_eq!(detect_delimiter(b"a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter(b"a"), b',');
        let text = "\u{FEFF}Date;Place;Lat;Lon\r\n2019-10-13;Suluk;36,59;39,13\r\n";
        let (incidents, errors) = read_table(text.as_bytes(), "nl.csv", &ReadOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(incidents[0].place.lon_lat(), Some((39.13, 36.59)));
        assert_eq!(ReadOptions::parse_delimiter("tab"), Ok(b'\t'));
        assert!(ReadOptions::parse_delimiter(";;").is_err());
    }
}
