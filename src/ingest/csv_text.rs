//! Stage 1, ingest: CSV plumbing every table dialect shares — header keys and positions,
//! cells, the delimiter and byte-order mark, byte records as text.

use std::io::BufRead;

use csv::StringRecord;

use crate::error::RecordError;

use super::options::ReadOptions;

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

/// A row's title when it has none: what happened (`what`) at the place, or `what` alone
/// for a place without a name.
pub(crate) fn title_at(what: &str, place: &crate::model::Place) -> String {
    if place.name.is_empty() {
        what.to_string()
    } else {
        format!("{what} at {}", place.name)
    }
}

/// What happened, in a title: the sub-event type, else the event type, else `otherwise`.
pub(crate) fn type_word(
    event: Option<crate::model::EventType>,
    sub: Option<crate::model::SubEventType>,
    otherwise: &'static str,
) -> &'static str {
    sub.map(crate::model::SubEventType::as_str)
        .or(event.map(crate::model::EventType::as_str))
        .unwrap_or(otherwise)
}

/// A list cell (`actors`, ACLED's `assoc_actor_1`, `source`, `tags`): `;`-separated, each
/// item trimmed, empty ones left out.
pub(crate) fn split_list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The non-empty cells of the [`extra_columns`] of a row, by header, as text.
pub(crate) fn extra_cells(
    record: &StringRecord,
    extra: &[(usize, String)],
) -> std::collections::BTreeMap<String, serde_json::Value> {
    extra
        .iter()
        .filter_map(|(index, name)| {
            let value = cell(record, Some(*index));
            (!value.is_empty()).then(|| (name.clone(), serde_json::Value::String(value.into())))
        })
        .collect()
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
