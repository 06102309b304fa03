//! Stage 3, export: incidents → GeoParquet 1.1 (one file), for Arrow, pandas/geopandas,
//! DuckDB and Spark. One row per incident with the CSV export's columns (typed), a WKB point
//! `geometry` in OGC:CRS84 and its `bbox` covering column; zstd-compressed row groups of
//! [`ROW_GROUP_ROWS`] rows, each written as soon as it is full, so memory stays flat however
//! long the input is. The pipeline's workers turn chunks of incidents into record batches
//! ([`Encoder`]); the writer takes them in input order. The file is written like the others
//! ([`Sink`]: a temporary sibling renamed into place only when complete). [`partition`]
//! writes one such file per year or country.

mod encoder;
pub mod partition;
mod rows;
pub mod schema;

use std::path::Path;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::schema::types::ColumnPath;

use super::Sink;
use crate::error::{Error, Result};

pub use encoder::{Encoded, Encoder};

/// Rows per row group: large enough for scans to skip whole groups by their statistics and
/// bbox, small enough to keep the writer's memory low.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// A row group is also closed when its encoded columns reach about this many bytes (tables
/// with long notes).
pub const ROW_GROUP_BYTES: usize = 128 << 20;

/// The zstd level (the library's default; higher levels cost time for few bytes).
const ZSTD_LEVEL: i32 = 3;

/// A GeoParquet file being written.
pub struct GeoParquetWriter {
    writer: ArrowWriter<Sink>,
    target: std::path::PathBuf,
    rows: u64,
}

fn parquet_error(path: &Path, error: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source: std::io::Error::other(error),
    }
}

impl GeoParquetWriter {
    /// Opens `path` (atomically, as every export) for batches of `schema` (an [`Encoder`]'s).
    pub fn create(path: &Path, schema: SchemaRef) -> Result<GeoParquetWriter> {
        let sink = Sink::with_buffer(path, 64 << 10)?;
        let properties = properties(path, &schema)?;
        let writer = ArrowWriter::try_new(sink, schema, Some(properties))
            .map_err(|e| parquet_error(path, e))?;
        Ok(GeoParquetWriter {
            writer,
            target: path.to_path_buf(),
            rows: 0,
        })
    }

    /// Adds rows; a row group is written whenever 65,536 rows (`ROW_GROUP_ROWS`) are buffered.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        self.rows += batch.num_rows() as u64;
        self.writer
            .write(batch)
            .map_err(|e| parquet_error(&self.target, e))
    }

    /// Rows buffered for the row group in progress.
    pub fn pending_rows(&self) -> usize {
        self.writer.in_progress_rows()
    }

    /// Writes the buffered rows as a row group now (nothing when there are none).
    pub fn write_row_group(&mut self) -> Result<()> {
        self.writer
            .flush()
            .map_err(|e| parquet_error(&self.target, e))
    }

    /// Writes the last row group and the footer, then renames the file into place. Returns
    /// how many rows the file holds.
    pub fn commit(self) -> Result<u64> {
        let target = self.target;
        let sink = self
            .writer
            .into_inner()
            .map_err(|e| parquet_error(&target, e))?;
        sink.commit()?;
        Ok(self.rows)
    }
}

/// Columns that are (nearly) unique per row: no dictionary (it would only cost time and
/// fall back to plain encoding). Those that are also long text, and the geometry, get no
/// min/max statistics either (no scan filters on them; the bbox columns are for that).
const UNIQUE_COLUMNS: [(&str, bool); 11] = [
    ("event_id_cnty", false),
    ("title", false),
    ("notes", false),
    ("figures_text", false),
    ("figures_json", false),
    ("sources_json", false),
    ("mentions_json", false),
    ("extra_json", false),
    ("latitude", true),
    ("longitude", true),
    (schema::GEOMETRY, false),
];

/// zstd, row groups of [`ROW_GROUP_ROWS`], and the `geo` metadata and credits in the footer
/// (the Arrow schema carries them too: readers differ on which they look at).
fn properties(path: &Path, arrow_schema: &SchemaRef) -> Result<WriterProperties> {
    let level = ZstdLevel::try_new(ZSTD_LEVEL).map_err(|e| parquet_error(path, e))?;
    let metadata = vec![
        KeyValue::new(schema::GEO_KEY.to_string(), schema::geo_metadata()),
        KeyValue::new(
            schema::CREDITS_KEY.to_string(),
            crate::DATA_CREDITS.to_string(),
        ),
    ];
    let mut builder = WriterProperties::builder()
        .set_compression(Compression::ZSTD(level))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
        .set_key_value_metadata(Some(metadata));
    for (name, statistics) in UNIQUE_COLUMNS {
        if arrow_schema.field_with_name(name).is_err() {
            continue;
        }
        let column = ColumnPath::from(name);
        builder = builder.set_column_dictionary_enabled(column.clone(), false);
        if !statistics {
            builder = builder.set_column_statistics_enabled(column, EnabledStatistics::None);
        }
    }
    for corner in ["xmin", "ymin", "xmax", "ymax"] {
        let column = ColumnPath::new(vec![schema::BBOX.to_string(), corner.to_string()]);
        builder = builder.set_column_dictionary_enabled(column, false);
    }
    Ok(builder.build())
}
