//! Stage 1, ingest: files → incidents. In: paths (directories walked by [`expand_inputs`]),
//! bytes of a table, JSON Lines, JSON or GeoJSON, and [`ReadOptions`]; out: incidents, and
//! the records that could not be read ([`Rejected`], [`RecordError`]). Articles go through
//! [`crate::extract`]. Entry points: [`read_file`] (any format, by extension and content),
//! [`read_table`] (any CSV layout), [`read_jsonl`], [`read_geojson`].
//!
//! Every reader returns [`Records`]: the incidents it could read, one [`Rejected`] record per
//! record it had to skip (so that one bad row never loses the good ones), and warnings about
//! records kept. A file that cannot be read at all is reported the same way and the run goes
//! on with the other files.

mod acled;
mod acled_legacy;
mod cell;
mod chunk;
mod coordinates;
pub(crate) mod crlf;
mod csv_text;
mod date_order;
mod dates;
pub(crate) mod detect;
mod geojson;
mod geojson_doc;
mod geojson_foreign;
mod geojson_table;
mod inputs;
mod jsonl;
mod label;
mod memory;
mod numeric_date;
mod options;
mod quotes;
mod sniff;
pub(crate) mod stdin;
pub(crate) mod stream;
mod table;
mod table_header;
mod table_rows;
mod tables;
mod ucdp;
mod walk;
mod wide;

use std::path::Path;

pub use dates::DateReader;
pub use detect::TableKind;
pub use geojson::read_geojson;
pub use jsonl::{read_json, read_jsonl};
pub use label::file_label;
pub use memory::{read_whole, BytesInput};
pub use options::ReadOptions;
pub use stream::{expand_inputs, read_file, Rejected};
pub use tables::{read_csv, read_table};
pub use ucdp::UCDP_SOURCE;

use crate::error::RecordError;
use crate::model::Incident;
use chunk::Chunk;

/// The example incident set shipped with incimap: the seed events of October 2019 (Ain Issa,
/// Suluk) and January 2022 (Hasakah), written by the project in JSON Lines.
pub const EXAMPLE_JSONL: &str = include_str!("../../data/seed-incidents.jsonl");

/// What a reader read: every record it read is an incident or rejected (records in =
/// `incidents.len()` + `rejected.len()`); the warnings are about records kept and lose
/// nothing.
#[derive(Debug, Default)]
pub struct Records {
    pub incidents: Vec<Incident>,
    /// One per skipped record (or unreadable file), with its file and line, and the raw
    /// record when the reader keeps it.
    pub rejected: Vec<Rejected>,
    /// Notes about records kept: a column's date order, a range widened, a table without a
    /// figure column.
    pub warnings: Vec<RecordError>,
}

impl Records {
    /// Nothing read but one error (a document that cannot be read at all).
    pub(crate) fn unreadable(error: RecordError) -> Records {
        Records {
            rejected: vec![error.into()],
            ..Records::default()
        }
    }

    /// Adds what a chunk of records decodes into.
    pub(crate) fn decode(&mut self, chunk: Chunk, options: &ReadOptions) {
        let (incidents, rejected, warnings) =
            (&mut self.incidents, &mut self.rejected, &mut self.warnings);
        chunk::decode_chunk(chunk, options, incidents, rejected, warnings);
    }
}

/// The embedded example set (what a run without inputs reads).
pub fn example_incidents() -> Records {
    read_jsonl(EXAMPLE_JSONL, "<embedded example>")
}

/// The input formats, chosen from a file's extension (a CSV's layout — incimap, ACLED,
/// UCDP GED — and a `.json` file's kind — incidents or GeoJSON — from its content).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    JsonLines,
    Json,
    Csv,
    GeoJson,
    /// A news article (`.txt`, `.md`), read by the extract stage.
    Article,
}

impl Format {
    /// `None` for files incimap does not read (they are skipped when a directory is walked).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "json" => Some(Format::Json),
            "csv" | "tsv" => Some(Format::Csv),
            "geojson" => Some(Format::GeoJson),
            "txt" | "md" => Some(Format::Article),
            _ => None,
        }
    }

    /// [`Format::from_path`], or for `-` standard input's format (told from its content).
    pub fn of_input(path: &Path) -> Option<Format> {
        match stdin::is_stdin(path) {
            true => stdin::spooled().ok().map(|s| s.format),
            false => Format::from_path(path),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_example_loads_without_errors() {
        let loaded = example_incidents();
        assert!(loaded.rejected.is_empty(), "{:?}", loaded.rejected);
        assert!(loaded.incidents.len() >= 3);
    }

    #[test]
    fn unsupported_and_missing_files_are_reported_not_fatal() {
        let inputs = [
            std::path::PathBuf::from("no/such/file.csv"),
            std::path::PathBuf::from("notes.docx"),
        ];
        let mut errors = Vec::new();
        for input in expand_inputs(&inputs) {
            match input {
                Ok(file) => {
                    let read = read_file(&file, &ReadOptions::default());
                    assert!(read.incidents.is_empty());
                    errors.extend(read.rejected.into_iter().map(|r| r.error));
                }
                Err(error) => errors.push(error),
            }
        }
        assert_eq!(errors.len(), 2);
        assert!(errors[0].message.contains("cannot read"), "{errors:?}");
        assert!(errors[1].message.contains("unsupported"), "{errors:?}");
    }
}
