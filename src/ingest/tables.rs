//! Stage 1, ingest: a whole table of any layout read into memory (the non-streaming path),
//! through the same chunked decoding as the streamed passes.

use std::io::Read;

use crate::error::RecordError;
use crate::model::Incident;

use super::options::ReadOptions;

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

/// Reads a table (incimap's CSV form, or an ACLED / UCDP / incimap export, detected from the
/// header) with the default options; each bad row is one error with its line, column and
/// what was expected.
pub fn read_csv(bytes: &[u8], label: &str) -> (Vec<Incident>, Vec<RecordError>) {
    read_table(bytes, label, &ReadOptions::default())
}
