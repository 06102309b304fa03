//! Stage 3, export: located incidents → files other tools read (GeoJSON, CSV, KML, JSON Lines,
//! GeoParquet).
//!
//! In: located incidents (and a [`Summary`] of them: figure columns, bbox); out: bytes in a
//! file, standard output or a special file. Each format is a [`RecordFormat`] (header, one
//! record at a time, footer), framed by the one [`RecordWriter`]; the GeoJSON properties are
//! listed once (`geojson_properties.rs`) for the pretty and the line layouts; the CSV
//! columns are the contract of [`crate::model::columns`]. GeoParquet is written by columns
//! ([`Encoder`], [`GeoParquetWriter`]).
//!
//! The map's GeoJSON, sorted by date and id, is written of incidents that stream by through
//! sorted runs on disk ([`SortedGeoJson`]), byte for byte the in-memory writer's.
//!
//! Files are written atomically: to a temporary file in the same folder, synced, then renamed
//! over the target ([`Sink`], [`Batch`], [`write_atomically`]), so that a reader never sees a
//! half-written file.

mod batch;
mod csv;
mod geojson;
mod geojson_line;
mod geojson_properties;
mod geojson_sorted;
mod geojson_stream;
mod geoparquet;
mod kml;
mod pretty;
mod records;
mod sorted_runs;
mod stream;
mod target;
mod temp;

use std::path::Path;

pub use batch::Batch;
#[cfg(test)]
pub(crate) use geojson::geojson_bytes;
pub use geojson::{write_geojson, GeoJsonLayout, GeoJsonOptions};
pub use geojson_sorted::{SortedGeoJson, RUN_BYTES as GEOJSON_RUN_BYTES};
pub(crate) use geojson_stream::GeoJsonFormat;
pub use geoparquet::partition::{PartitionKey, PartitionedWriter};
pub use geoparquet::{Encoded, Encoder, GeoParquetWriter};
pub use kml::KmlFormat;
pub use records::{write_document, RecordWriter};
pub use stream::{json_line, write_jsonl, CsvFormat, JsonLinesFormat, RecordFormat, Sink, Summary};
pub use target::Destination;
pub use temp::remove_registered;

use crate::error::Result;

/// The file formats an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    GeoJson,
    JsonLines,
    Csv,
    Kml,
    GeoParquet,
}

impl ExportFormat {
    /// The format a name or file extension stands for (`geojson`/`json`, `jsonl`/`ndjson`,
    /// `csv`, `kml`, `geoparquet`/`parquet`; any case).
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        match name.to_ascii_lowercase().as_str() {
            "geojson" | "json" => Some(ExportFormat::GeoJson),
            "jsonl" | "ndjson" => Some(ExportFormat::JsonLines),
            "csv" => Some(ExportFormat::Csv),
            "kml" => Some(ExportFormat::Kml),
            "geoparquet" | "parquet" => Some(ExportFormat::GeoParquet),
            _ => None,
        }
    }

    /// The [`RecordFormat`] that writes this format, made once the [`Summary`] of what it
    /// writes is known (the CSV's figure columns, the GeoJSON's bbox): GeoJSON (`flat`: no
    /// nested figures, sources and mentions; `compact`: one feature a line), CSV, KML or
    /// JSON Lines. GeoParquet is written by columns ([`Encoder`]): an error.
    pub fn record_format(
        self,
        flat: bool,
        compact: bool,
        summary: &Summary,
    ) -> Result<Box<dyn RecordFormat>> {
        Ok(match self {
            ExportFormat::GeoJson => Box::new(GeoJsonFormat::new(summary, flat, compact)),
            ExportFormat::Csv => Box::new(CsvFormat {
                measures: summary.measure_columns(),
            }),
            ExportFormat::Kml => Box::new(KmlFormat::new(summary)),
            ExportFormat::JsonLines => Box::new(JsonLinesFormat),
            ExportFormat::GeoParquet => return Err(crate::error::Error::NotARecordFormat),
        })
    }
}

/// Writes `bytes` to `path`: atomically (temporary sibling, flush, sync, rename) for a
/// regular file, straight into a special file such as `/dev/null`, `-` to stdout
/// ([`target::Destination`]). Every write error is reported.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut batch = Batch::new();
    batch.stage(path, bytes)?;
    batch.commit().map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_writes_replace_the_file_and_leave_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/out.txt");
        write_atomically(&target, b"first").unwrap();
        write_atomically(&target, b"second").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(target.parent().unwrap())
            .unwrap()
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_write_into_a_file_path_fails_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, b"x").unwrap();
        let err = write_atomically(&blocker.join("out.txt"), b"y").unwrap_err();
        assert!(err.to_string().contains("out.txt"), "{err}");
    }
}
