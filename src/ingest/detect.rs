//! Stage 1, ingest: which table is this? The layout (incimap's CSV form, an ACLED export, a
//! UCDP GED download, or incimap's own wide CSV export), decided from the header line, and
//! the warnings the header alone gives. The dialects depend on the CSV plumbing
//! (`csv_text.rs`) and the options (`options.rs`), never on this file.
//!
//! Detection order: a `figures_json` column means incimap's export; `event_id_cnty` with
//! `event_date` means ACLED; `where_prec` with `date_prec` (or `type_of_violence` with `best`)
//! means UCDP GED; anything else is read as incimap's simple CSV form.

use csv::StringRecord;

use crate::error::RecordError;
use crate::model::{Incident, Measure};

use super::acled::AcledColumns;
use super::csv_text::header_key;
use super::options::ReadOptions;
use super::table::IncimapColumns;
use super::ucdp::UcdpColumns;
use super::wide::WideColumns;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::csv_text::detect_delimiter;
    use crate::ingest::tables::read_table;
    use crate::ingest::Records;

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
        let Records {
            incidents,
            rejected: errors,
            ..
        } = read_table(text.as_bytes(), "nl.csv", &ReadOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(incidents[0].place.lon_lat(), Some((39.13, 36.59)));
        assert_eq!(ReadOptions::parse_delimiter("tab"), Ok(b'\t'));
        assert!(ReadOptions::parse_delimiter(";;").is_err());
    }
}
