//! Stage 1, ingest: a whole table of any layout read into memory (the non-streaming path),
//! through the same chunked decoding as the streamed passes.

use std::io::Read;

use super::options::ReadOptions;
use super::Records;

/// Reads a whole table of any layout into memory (the non-streaming path): good rows become
/// incidents, every rejected row one error with its line and the row as read; the warnings
/// are about the table and the rows it kept.
///
/// ```
/// use incimap::ingest::{read_table, ReadOptions};
///
/// let table = "date,place,lat,lon,killed\n\
///              2019-10-13,Suluk,36.59,39.13,3\n\
///              2019-10-14,Tell Abyad,north,38.9,1\n";
/// let read = read_table(table.as_bytes(), "t.csv", &ReadOptions::default());
/// assert_eq!(read.incidents.len(), 1);
/// assert_eq!(read.incidents[0].place.lon_lat(), Some((39.13, 36.59)));
/// let error = &read.rejected[0].error;
/// assert_eq!(error.line, Some(3)); // the bad row, named by file and line
/// assert_eq!(error.file, "t.csv");
/// ```
pub fn read_table(bytes: &[u8], label: &str, options: &ReadOptions) -> Records {
    let open = || -> std::io::Result<Box<dyn Read + '_>> { Ok(Box::new(bytes)) };
    let mut read = Records::default();
    super::table_rows::read_table_chunks(&open, label.into(), options, None, 4096, &mut |chunk| {
        read.decode(chunk, options);
        true
    });
    read
}

/// Reads a table (incimap's CSV form, or an ACLED / UCDP / incimap export, detected from the
/// header) with the default options; each bad row is one error with its line, column and
/// what was expected.
pub fn read_csv(bytes: &[u8], label: &str) -> Records {
    read_table(bytes, label, &ReadOptions::default())
}

/// The incidents of a table made of `header` and `rows` (the lines after it), asserting that
/// every row was read (for the unit tests of the table layouts).
#[cfg(test)]
pub(crate) fn read_rows(header: &str, rows: &str, label: &str) -> Vec<crate::model::Incident> {
    let text = format!("{header}\n{rows}");
    let read = read_csv(text.as_bytes(), label);
    assert!(read.rejected.is_empty(), "{:?}", read.rejected);
    read.incidents
}
