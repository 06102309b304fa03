//! Stage 1, ingest: what the inputs are before they are read — the files an input names (a
//! directory's supported files, sorted), and the figure measures their table headers
//! promise (so that an export can write its header in one pass).

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use crate::error::RecordError;
use crate::model::Measure;

use super::crlf::CrlfToLf;
use super::csv_text::{csv_reader, to_string_record};
use super::detect::TableSchema;
use super::options::ReadOptions;
use super::Format;

pub use super::walk::expand_inputs;

/// The figure measures of every input file ([`expand_inputs`]), from the table headers
/// alone; `None` when an input is not a table (or a table whose header does not say), so that
/// a first pass is needed.
pub fn header_measures(
    files: &[Result<PathBuf, RecordError>],
    options: &ReadOptions,
) -> Option<Vec<Measure>> {
    let mut measures = Vec::new();
    for path in files {
        let Ok(path) = path else { continue };
        if Format::from_path(path) != Some(Format::Csv) {
            return None;
        }
        let Ok(file) = File::open(path) else {
            continue;
        };
        let mut reader = csv_reader(BufReader::new(CrlfToLf::new(file)), options);
        let Ok(headers) = reader.byte_headers() else {
            continue;
        };
        let headers = to_string_record(headers, "").0;
        let Ok(schema) = TableSchema::from_headers(&headers, "") else {
            continue;
        };
        measures.extend(schema.measures()?);
    }
    Some(measures)
}
