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

use super::{GeoParquetWriter, ROW_GROUP_ROWS};
use crate::error::{Error, Result};
use crate::model::{Incident, Measure};

/// Rows waiting in all partitions together before the fullest one is written out.
pub const PENDING_ROWS: usize = 4 * ROW_GROUP_ROWS;

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
    measures: Vec<Measure>,
    parts: BTreeMap<String, GeoParquetWriter>,
    pending: usize,
}

impl PartitionedWriter {
    /// Checks that `dir` is a folder or does not exist yet (it is made when the first row
    /// is written).
    pub fn create(dir: &Path, key: PartitionKey, measures: &[Measure]) -> Result<Self> {
        if dir.exists() && !dir.is_dir() {
            return Err(Error::Usage(format!(
                "--partition-by: -o {} is a file; give a folder for the partitions",
                dir.display()
            )));
        }
        Ok(PartitionedWriter {
            dir: dir.to_path_buf(),
            key,
            measures: measures.to_vec(),
            parts: BTreeMap::new(),
            pending: 0,
        })
    }

    /// The file of one partition value.
    pub fn part_path(&self, value: &str) -> PathBuf {
        part_path(&self.dir, self.key, value)
    }

    pub fn push(&mut self, incident: &Incident) -> Result<()> {
        let value = self.key.value(incident);
        if !self.parts.contains_key(&value) {
            let path = self.part_path(&value);
            let writer =
                GeoParquetWriter::create_without(&path, &self.measures, Some(self.key.column()))?;
            self.parts.insert(value.clone(), writer);
        }
        if let Some(writer) = self.parts.get_mut(&value) {
            let before = writer.pending_rows();
            writer.push(incident)?;
            // When that row filled a row group, the group was written: its rows wait no more.
            self.pending = self.pending - before + writer.pending_rows();
        }
        if self.pending >= PENDING_ROWS {
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
        if let Some(writer) = self.parts.get_mut(&value) {
            writer.write_row_group()?;
            self.pending -= rows;
        }
        Ok(())
    }

    /// Completes every file (in partition order), renames each into place, and removes the
    /// partition folders of an earlier run that got no rows now. Returns the files written
    /// and how many rows.
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
