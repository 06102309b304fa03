//! GeoParquet partitioned Hive-style: `DIR/year=2020/part-0.parquet`, one file per year (or
//! `DIR/country_code=SY/part-0.parquet` per country), which Arrow, DuckDB and Spark read as
//! one dataset and prune by the folder name. As Spark writes them, the files leave out the
//! partition column: the readers take it from the folder name (and pyarrow refuses a
//! dataset that has it in both). Every file is written as the single-file
//! export is (row groups as they fill, each file renamed into place); the rows of all
//! partitions waiting for their row group are bounded together ([`PENDING_ROWS`]), so memory
//! stays flat however long the input and however many partitions. Files are committed in
//! partition order once all are complete; partition folders of an earlier run that this
//! run has no rows for are removed, so that the folder holds this run's data only.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;

use super::{GeoParquetWriter, ROW_GROUP_ROWS};
use crate::error::{Error, Result};
use crate::model::Incident;

/// Rows waiting in all partitions together before the fullest one is written out.
pub const PENDING_ROWS: usize = 2 * ROW_GROUP_ROWS;

/// The value null partition keys get (the Hive convention, which Arrow and Spark read
/// as null).
pub const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// The file name in every partition folder.
pub const PART_FILE: &str = "part-0.parquet";

/// What the output is partitioned by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartitionKey {
    /// The start year of the event date (column `year`).
    Year,
    /// The ISO 3166-1 code of the country (column `country_code`).
    Country,
}

impl PartitionKey {
    /// The column (and folder name prefix) the key is.
    pub fn column(self) -> &'static str {
        match self {
            PartitionKey::Year => "year",
            PartitionKey::Country => "country_code",
        }
    }

    /// The incident's partition value, as written in the folder name.
    pub fn value(self, incident: &Incident) -> String {
        match self {
            PartitionKey::Year => incident.date.start.year.to_string(),
            PartitionKey::Country => match incident.place.country_code.as_deref() {
                Some(code)
                    if !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric()) =>
                {
                    code.to_string()
                }
                _ => NULL_PARTITION.to_string(),
            },
        }
    }
}

/// A partitioned GeoParquet dataset being written into a folder.
pub struct PartitionedWriter {
    dir: PathBuf,
    key: PartitionKey,
    schema: SchemaRef,
    parts: BTreeMap<String, GeoParquetWriter>,
    pending: usize,
    pending_limit: usize,
}

impl PartitionedWriter {
    /// Checks that `dir` is a folder or does not exist yet (it is made when the first row
    /// is written). `schema`: the [`super::Encoder`]'s, without the partition column.
    pub fn create(dir: &Path, key: PartitionKey, schema: SchemaRef) -> Result<Self> {
        if dir.exists() && !dir.is_dir() {
            return Err(Error::PartitionFolderIsFile {
                path: dir.to_path_buf(),
            });
        }
        Ok(PartitionedWriter {
            dir: dir.to_path_buf(),
            key,
            schema,
            parts: BTreeMap::new(),
            pending: 0,
            pending_limit: PENDING_ROWS,
        })
    }

    /// Rows of one partition value (in input order).
    pub fn write(&mut self, value: &str, batch: &RecordBatch) -> Result<()> {
        if !self.parts.contains_key(value) {
            let path = part_path(&self.dir, self.key, value);
            let writer = GeoParquetWriter::create(&path, SchemaRef::clone(&self.schema))?;
            self.parts.insert(value.to_string(), writer);
        }
        if let Some(writer) = self.parts.get_mut(value) {
            let before = writer.pending_rows();
            writer.write(batch)?;
            // When those rows filled a row group, the group was written: its rows wait no
            // more.
            self.pending = self.pending - before + writer.pending_rows();
        }
        while self.pending >= self.pending_limit {
            self.write_fullest()?;
        }
        Ok(())
    }

    /// Writes the row group of the partition with the most waiting rows (the first such in
    /// partition order, so that the files are the same on every run).
    fn write_fullest(&mut self) -> Result<()> {
        let mut fullest: Option<(&String, usize)> = None;
        for (value, writer) in &self.parts {
            if fullest.is_none_or(|(_, rows)| writer.pending_rows() > rows) {
                fullest = Some((value, writer.pending_rows()));
            }
        }
        let Some((value, rows)) = fullest.map(|(v, r)| (v.clone(), r)) else {
            return Ok(());
        };
        match self.parts.get_mut(&value) {
            Some(writer) if rows > 0 => {
                writer.write_row_group()?;
                self.pending -= rows;
            }
            // Nothing waits (the count cannot disagree, but never loop on it).
            _ => self.pending = 0,
        }
        Ok(())
    }

    /// Completes every file (in partition order), renames each into place, and removes the
    /// partition files of an earlier run that got no rows now. Returns the files written and
    /// how many rows.
    pub fn commit(self) -> Result<(Vec<PathBuf>, u64)> {
        let mut written = Vec::new();
        let mut rows = 0;
        for (value, writer) in self.parts {
            let path = part_path(&self.dir, self.key, &value);
            rows += writer.commit()?;
            written.push(path);
        }
        remove_stale_parts(&self.dir, self.key, &written)?;
        Ok((written, rows))
    }
}

/// `DIR/KEY=VALUE/part-0.parquet`.
fn part_path(dir: &Path, key: PartitionKey, value: &str) -> PathBuf {
    dir.join(format!("{}={value}", key.column()))
        .join(PART_FILE)
}

/// Removes `KEY=VALUE/part-N.parquet` files in `dir` that are not among `written`, and
/// their folders when that leaves them empty. Nothing else in `dir` is touched.
fn remove_stale_parts(dir: &Path, key: PartitionKey, written: &[PathBuf]) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let prefix = format!("{}=", key.column());
    let mut folders: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect();
    folders.sort();
    for folder in folders {
        let Ok(files) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut stale: Vec<PathBuf> = files
            .flatten()
            .map(|e| e.path())
            .filter(|p| is_part_file(p) && !written.contains(p))
            .collect();
        stale.sort();
        for path in stale {
            std::fs::remove_file(&path).map_err(|source| Error::Write { path, source })?;
        }
        // Only succeeds when empty: a folder with other files in it stays.
        let _ = std::fs::remove_dir(&folder);
    }
    Ok(())
}

/// `part-N.parquet` with N a number.
fn is_part_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_prefix("part-"))
        .and_then(|n| n.strip_suffix(".parquet"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::geoparquet::Encoder;
    use crate::ingest::example_incidents;

    fn row_groups(path: &Path) -> Vec<i64> {
        let file = std::fs::File::open(path).unwrap();
        let reader =
            parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        let groups = reader.metadata().row_groups();
        groups.iter().map(|g| g.num_rows()).collect()
    }

    #[test]
    fn waiting_rows_are_bounded_across_partitions_by_writing_the_fullest() {
        let incidents = example_incidents().incidents;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("parts");
        let encoder = Encoder::new(&out, &[], Some(PartitionKey::Country));
        let mut writer =
            PartitionedWriter::create(&out, PartitionKey::Country, encoder.schema()).unwrap();
        writer.pending_limit = 3;
        let mut total = 0;
        for round in 0..4 {
            for (value, batch) in encoder.encode(&incidents).unwrap().parts {
                writer.write(&value, &batch).unwrap();
                assert!(writer.pending < 3, "round {round}: {} wait", writer.pending);
            }
            total += incidents.len() as u64;
        }
        let (files, rows) = writer.commit().unwrap();
        assert_eq!(rows, total);
        let in_files: i64 = files.iter().flat_map(|f| row_groups(f)).sum();
        assert_eq!(in_files as u64, total);
        // Small budgets make several row groups per file, never an empty one.
        assert!(files.iter().any(|f| row_groups(f).len() > 1));
        assert!(files.iter().all(|f| row_groups(f).iter().all(|&n| n > 0)));
    }

    #[test]
    fn stale_parts_of_the_same_key_go_and_everything_else_stays() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("year=1999");
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join("part-0.parquet"), b"old").unwrap();
        std::fs::write(old.join("part-1.parquet"), b"old").unwrap();
        let mixed = dir.path().join("year=1998");
        std::fs::create_dir_all(&mixed).unwrap();
        std::fs::write(mixed.join("part-0.parquet"), b"old").unwrap();
        std::fs::write(mixed.join("notes.txt"), b"mine").unwrap();
        std::fs::write(dir.path().join("README"), b"mine").unwrap();
        let other_key = dir.path().join("country_code=SY");
        std::fs::create_dir_all(&other_key).unwrap();
        std::fs::write(other_key.join("part-0.parquet"), b"other").unwrap();
        remove_stale_parts(dir.path(), PartitionKey::Year, &[]).unwrap();
        assert!(!old.exists());
        assert!(!mixed.join("part-0.parquet").exists() && mixed.join("notes.txt").exists());
        assert!(dir.path().join("README").exists());
        assert!(other_key.join("part-0.parquet").exists());
    }
}
