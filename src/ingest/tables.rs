//! Stage 1, ingest: a whole table of any layout read into memory (the non-streaming path),
//! through the same chunked decoding as the streamed passes.

use std::io::Read;

use crate::error::RecordError;
use crate::model::Incident;

use super::options::ReadOptions;

/// Reads a whole table of any layout into memory (the non-streaming path): good rows become
/// incidents, every rejected row one error with its line (warnings are left out: see
/// `read_table_noting`).
///
/// ```
/// use incimap::ingest::{read_table, ReadOptions};
///
/// let table = "date,place,lat,lon,killed\n\
///              2019-10-13,Suluk,36.59,39.13,3\n\
///              2019-10-14,Tell Abyad,north,38.9,1\n";
/// let (incidents, errors) = read_table(table.as_bytes(), "t.csv", &ReadOptions::default());
/// assert_eq!(incidents.len(), 1);
/// assert_eq!(incidents[0].place.lon_lat(), Some((39.13, 36.59)));
/// assert_eq!(errors[0].line, Some(3)); // the bad row, named by file and line
/// assert_eq!(errors[0].file, "t.csv");
/// ```
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
        super::chunk::decode_chunk(chunk, options, &mut incidents, &mut rejected, warnings);
        true
    });
    (incidents, rejected.into_iter().map(|r| r.error).collect())
}

/// Reads a table (incimap's CSV form, or an ACLED / UCDP / incimap export, detected from the
/// header) with the default options; each bad row is one error with its line, column and
/// what was expected.
pub fn read_csv(bytes: &[u8], label: &str) -> (Vec<Incident>, Vec<RecordError>) {
    read_table(bytes, label, &ReadOptions::default())
}

/// The incidents of a table made of `header` and `rows` (the lines after it), asserting that
/// every row was read (for the unit tests of the table layouts).
#[cfg(test)]
pub(crate) fn read_rows(header: &str, rows: &str, label: &str) -> Vec<Incident> {
    let text = format!("{header}\n{rows}");
    let (incidents, errors) = read_csv(text.as_bytes(), label);
    assert!(errors.is_empty(), "{errors:?}");
    incidents
}
