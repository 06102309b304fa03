//! Stage 3, export: incidents → GeoParquet 1.1 (one file), for Arrow, pandas/geopandas,
//! DuckDB and Spark. One row per incident with the CSV export's columns (typed), a WKB point
//! `geometry` in OGC:CRS84 and its `bbox` covering column; zstd-compressed row groups of
//! [`ROW_GROUP_ROWS`] rows, each written as soon as it is full, so memory stays flat however
//! long the input is. The file is written like the others ([`Sink`]: a temporary sibling
//! renamed into place only when complete). [`partition`] writes one such file per year or
//! country.

pub mod partition;
mod rows;
pub mod schema;

use std::path::Path;

use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use super::Sink;
use crate::error::{Error, Result};
use crate::model::{Incident, Measure};
use rows::Rows;

/// Rows per row group: large enough for scans to skip whole groups by their statistics and
/// bbox, small enough to keep the writer's memory low.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// A row group is also written when its text reaches this many bytes (long notes).
pub const ROW_GROUP_BYTES: usize = 64 << 20;

/// The zstd level (the library's default; higher levels cost time for few bytes).
const ZSTD_LEVEL: i32 = 3;

/// A GeoParquet file being written.
pub struct GeoParquetWriter {
    writer: ArrowWriter<Sink>,
    rows: Rows,
    target: std::path::PathBuf,
    written: u64,
}

fn parquet_error(path: &Path, error: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source: std::io::Error::other(error),
    }
}

impl GeoParquetWriter {
    /// Opens `path` (atomically, as every export) for incidents with these figure measures.
    pub fn create(path: &Path, measures: &[Measure]) -> Result<GeoParquetWriter> {
        GeoParquetWriter::create_without(path, measures, None)
    }

    /// As [`GeoParquetWriter::create`], without the column `left_out` (a partition's file:
    /// Hive-style readers take that column from the folder name and refuse it twice).
    pub fn create_without(
        path: &Path,
        measures: &[Measure],
        left_out: Option<&str>,
    ) -> Result<GeoParquetWriter> {
        let all = schema::property_columns(measures);
        let kinds: Vec<Option<schema::Kind>> = all
            .iter()
            .map(|(name, kind)| (Some(name.as_str()) != left_out).then_some(*kind))
            .collect();
        let columns: Vec<(String, schema::Kind)> = all
            .into_iter()
            .filter(|(name, _)| Some(name.as_str()) != left_out)
            .collect();
        let arrow_schema = schema::arrow_schema(&columns);
        let sink = Sink::with_buffer(path, 64 << 10)?;
        let writer = ArrowWriter::try_new(sink, arrow_schema.clone(), Some(properties(path)?))
            .map_err(|e| parquet_error(path, e))?;
        Ok(GeoParquetWriter {
            writer,
            rows: Rows::new(arrow_schema, measures, &kinds),
            target: path.to_path_buf(),
            written: 0,
        })
    }

    /// Adds one incident; writes the row group when it is full.
    pub fn push(&mut self, incident: &Incident) -> Result<()> {
        self.rows.push(incident);
        if self.rows.len() >= ROW_GROUP_ROWS || self.rows.bytes() >= ROW_GROUP_BYTES {
            self.write_row_group()?;
        }
        Ok(())
    }

    /// Rows collected and not yet written.
    pub fn pending_rows(&self) -> usize {
        self.rows.len()
    }

    /// Rows written or collected so far.
    pub fn rows(&self) -> u64 {
        self.written + self.rows.len() as u64
    }

    /// Writes the collected rows as one row group (nothing when there are none).
    pub fn write_row_group(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let target = &self.target;
        self.written += self.rows.len() as u64;
        let batch = self
            .rows
            .take_batch()
            .map_err(|e| parquet_error(target, e))?;
        self.writer
            .write(&batch)
            .map_err(|e| parquet_error(target, e))?;
        self.writer.flush().map_err(|e| parquet_error(target, e))
    }

    /// Writes the last row group and the footer, then renames the file into place.
    pub fn commit(mut self) -> Result<u64> {
        self.write_row_group()?;
        let target = self.target.clone();
        let sink = self
            .writer
            .into_inner()
            .map_err(|e| parquet_error(&target, e))?;
        sink.commit()?;
        Ok(self.written)
    }
}

/// zstd, row groups of [`ROW_GROUP_ROWS`], and the `geo` metadata and credits in the footer
/// (the Arrow schema carries them too: readers differ on which they look at).
fn properties(path: &Path) -> Result<WriterProperties> {
    let level = ZstdLevel::try_new(ZSTD_LEVEL).map_err(|e| parquet_error(path, e))?;
    let metadata = vec![
        KeyValue::new(schema::GEO_KEY.to_string(), schema::geo_metadata()),
        KeyValue::new(
            schema::CREDITS_KEY.to_string(),
            crate::DATA_CREDITS.to_string(),
        ),
    ];
    Ok(WriterProperties::builder()
        .set_compression(Compression::ZSTD(level))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_key_value_metadata(Some(metadata))
        .build())
}
