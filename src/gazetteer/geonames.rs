//! Gazetteer (used by the `gazetteer build` command): a full-size `.gaz` index from the official
//! GeoNames dumps a user downloads (`allCountries.txt` or a country file such as `SY.txt`, and
//! optionally `alternateNamesV2.txt`). GeoNames data is CC BY 4.0: credit it when you share
//! the result.
//!
//! Kept from the dump: populated places (class P), admin1/admin2 divisions (ADM1, ADM2),
//! countries (PCLI, PCLD, PCLF, PCLS, PCLIX, PCL, TERR) and a few facility codes that matter
//! to incident mapping (refugee camps CMPRF, camps CMP, prisons PRN) as sites. Rows that do not
//! parse are skipped with their line number.

use std::collections::HashMap;
use std::io::BufRead;

use super::format::{self, Record, RecordId};
use crate::error::{Error, RecordError, Result};

/// Language codes of alternateNamesV2 rows that are links or codes, not names.
const NOT_NAMES: &[&str] = &[
    "link", "wkdt", "post", "iata", "icao", "faac", "unlc", "abbr", "tcid", "fr_1793",
];

/// What a build read and wrote.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Rows of the GeoNames file read.
    pub rows: usize,
    /// Records written.
    pub records: usize,
    /// Names indexed (all records).
    pub names: usize,
    /// Alternate names added from alternateNamesV2.
    pub alternate_names: usize,
    /// Rows skipped because they did not parse (at most the first 100, with line numbers).
    pub skipped: Vec<RecordError>,
    /// Number of rows skipped because they did not parse.
    pub skipped_count: usize,
}

impl BuildReport {
    fn skip(&mut self, source: &str, line: usize, message: String) {
        self.skipped_count += 1;
        if self.skipped.len() < 100 {
            self.skipped
                .push(RecordError::new(source, Some(line as u64), message));
        }
    }
}

/// Builds index bytes (the `.gaz` format) from a GeoNames dump and optional alternate names.
pub fn build_from_geonames(
    geonames: impl BufRead,
    alternate_names: Option<impl BufRead>,
) -> Result<(Vec<u8>, BuildReport)> {
    let mut report = BuildReport::default();
    let mut records: Vec<Record> = Vec::new();
    let mut by_id: HashMap<u32, usize> = HashMap::new();
    for_lines(geonames, "geonames", |_, line, report| {
        report.rows += 1;
        if let Some(record) = geonames_record(line)? {
            if let RecordId::Geonames(id) = record.id {
                by_id.insert(id, records.len());
            }
            records.push(record);
        }
        Ok(())
    })?
    .merge_into(&mut report);
    if let Some(alt) = alternate_names {
        for_lines(alt, "alternate names", |_, line, report| {
            if add_alternate_name(line, &mut records, &by_id)? {
                report.alternate_names += 1;
            }
            Ok(())
        })?
        .merge_into(&mut report);
    }
    report.records = records.len();
    report.names = records.iter().map(|r| r.names.len()).sum();
    let bytes = format::write_index(&records)
        .map_err(|e| Error::Record(RecordError::new("gazetteer", None, e)))?;
    Ok((bytes, report))
}

/// One row of the GeoNames dump as a record; `None` for a feature the index does not keep
/// (only populated places, countries, admin1, admin2 and camps or prisons are kept).
fn geonames_record(line: &str) -> std::result::Result<Option<Record>, String> {
    let c: Vec<&str> = line.split('\t').collect();
    if c.len() < 15 {
        return Err(format!(
            "expected 19 tab-separated columns, got {}",
            c.len()
        ));
    }
    let id: u32 = c[0]
        .parse()
        .map_err(|_| format!("bad geonameid {:?}", c[0]))?;
    let (kind, precision, feature) = match (c[6], c[7]) {
        ("P", code) => (
            format::KIND_POPULATED,
            format::PREC_TOWN,
            format::feature_number(code),
        ),
        ("A", "ADM1") => (format::KIND_ADMIN1, format::PREC_ADMIN1, 0),
        ("A", "ADM2") => (format::KIND_ADMIN2, format::PREC_ADMIN2, 0),
        ("A", "PCLI" | "PCLD" | "PCLF" | "PCLS" | "PCLIX" | "PCL" | "TERR") => {
            (format::KIND_COUNTRY, format::PREC_COUNTRY, 0)
        }
        ("S", "CMPRF" | "CMP" | "PRN") => (format::KIND_SITE, format::PREC_SITE, 0),
        _ => return Ok(None),
    };
    let lat: f64 = c[4]
        .parse()
        .map_err(|_| format!("bad latitude {:?}", c[4]))?;
    let lon: f64 = c[5]
        .parse()
        .map_err(|_| format!("bad longitude {:?}", c[5]))?;
    if !(lat.abs() <= 90.0 && lon.abs() <= 180.0) {
        return Err(format!("coordinates out of range: lat {lat}, lon {lon}"));
    }
    let mut names: Vec<String> = Vec::new();
    for n in [c[1], c[2]].into_iter().chain(c[3].split(',')) {
        push_name(&mut names, n);
    }
    if names.is_empty() {
        return Err("no name".into());
    }
    Ok(Some(Record {
        id: RecordId::Geonames(id),
        kind,
        feature,
        precision,
        country: c[8].to_string(),
        admin1: if c[10].is_empty() {
            String::new()
        } else {
            format!("{}.{}", c[8], c[10])
        },
        lat,
        lon,
        population: c[14].parse().unwrap_or(0),
        names,
    }))
}

/// Adds the name of one row of the alternate names to its record (when the record is kept
/// and the name is a name, not a link or a code); true when it was added.
fn add_alternate_name(
    line: &str,
    records: &mut [Record],
    by_id: &HashMap<u32, usize>,
) -> std::result::Result<bool, String> {
    let c: Vec<&str> = line.split('\t').collect();
    if c.len() < 4 {
        return Err(format!(
            "expected 10 tab-separated columns, got {}",
            c.len()
        ));
    }
    if NOT_NAMES.contains(&c[2]) {
        return Ok(false);
    }
    let id: u32 = c[1]
        .parse()
        .map_err(|_| format!("bad geonameid {:?}", c[1]))?;
    Ok(match by_id.get(&id) {
        Some(&at) => push_name(&mut records[at].names, c[3]),
        None => false,
    })
}

/// Adds a name unless it is empty, too long, has `|`, or is already there (ignoring case).
fn push_name(names: &mut Vec<String>, name: &str) -> bool {
    let name = name.trim();
    if name.is_empty() || name.len() > 200 || name.contains('|') {
        return false;
    }
    let lower = name.to_lowercase();
    if names.iter().any(|n| n.to_lowercase() == lower) {
        return false;
    }
    names.push(name.to_string());
    true
}

/// Calls `row` for each line (invalid UTF-8 and row errors are skipped with line numbers).
fn for_lines(
    mut input: impl BufRead,
    source: &str,
    mut row: impl FnMut(usize, &str, &mut BuildReport) -> std::result::Result<(), String>,
) -> Result<BuildReport> {
    let mut report = BuildReport::default();
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        let n = input.read_until(b'\n', &mut buf).map_err(|e| {
            Error::Record(RecordError::new(
                source,
                Some(line_no as u64 + 1),
                e.to_string(),
            ))
        })?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let Ok(line) = std::str::from_utf8(&buf) else {
            report.skip(source, line_no, "invalid UTF-8".into());
            continue;
        };
        let line = line.trim_end_matches(['\n', '\r']);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Err(message) = row(line_no, line, &mut report) {
            report.skip(source, line_no, message);
        }
    }
    Ok(report)
}

impl BuildReport {
    fn merge_into(self, into: &mut BuildReport) {
        into.rows += self.rows;
        into.alternate_names += self.alternate_names;
        into.skipped_count += self.skipped_count;
        into.skipped.extend(self.skipped);
        into.skipped.truncate(100);
    }
}
