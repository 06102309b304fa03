//! A chunk of incidents → Arrow record batches, on the pipeline's worker threads (the cells,
//! their parsing into typed columns and the WKB are most of the work; the thread that puts
//! the chunks in order then only encodes and compresses the columns). With a partition key,
//! one batch per partition value in the chunk, each in input order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;

use super::partition::PartitionKey;
use super::rows::Rows;
use super::schema::{self, Kind};
use crate::error::{Error, Result};
use crate::model::{Incident, Measure};

/// How incidents become record batches of one schema.
pub struct Encoder {
    target: PathBuf,
    schema: SchemaRef,
    measures: Vec<Measure>,
    /// For each CSV cell, its column's type; `None` for the partition column (the folder
    /// names hold it: Hive-style readers take it from there and refuse it twice).
    kinds: Vec<Option<Kind>>,
    key: Option<PartitionKey>,
}

/// A chunk's rows: `(partition value, batch)` in partition order; one batch with an empty
/// value when the output is not partitioned.
pub struct Encoded {
    pub parts: Vec<(String, RecordBatch)>,
}

impl Encoder {
    /// `target`: the output the batches are for (named in error messages).
    pub fn new(target: &Path, measures: &[Measure], key: Option<PartitionKey>) -> Encoder {
        let left_out = key.map(PartitionKey::column);
        let all = schema::property_columns(measures);
        let kinds = all
            .iter()
            .map(|(name, kind)| (Some(name.as_str()) != left_out).then_some(*kind))
            .collect();
        let columns: Vec<(String, Kind)> = all
            .into_iter()
            .filter(|(name, _)| Some(name.as_str()) != left_out)
            .collect();
        Encoder {
            target: target.to_path_buf(),
            schema: schema::arrow_schema(&columns),
            measures: measures.to_vec(),
            kinds,
            key,
        }
    }

    pub fn schema(&self) -> SchemaRef {
        SchemaRef::clone(&self.schema)
    }

    pub fn partition_key(&self) -> Option<PartitionKey> {
        self.key
    }

    /// The incidents as record batches (none for no incidents).
    pub fn encode(&self, incidents: &[Incident]) -> Result<Encoded> {
        let mut groups: BTreeMap<String, Rows> = BTreeMap::new();
        // Room for every row up front when they all go into one batch; a partition's batch
        // grows as it needs.
        let room = if self.key.is_none() {
            incidents.len()
        } else {
            0
        };
        for incident in incidents {
            let value = self.key.map(|k| k.value(incident)).unwrap_or_default();
            groups
                .entry(value)
                .or_insert_with(|| Rows::new(self.schema(), &self.measures, &self.kinds, room))
                .push(incident);
        }
        let mut parts = Vec::with_capacity(groups.len());
        for (value, mut rows) in groups {
            let batch = rows.take_batch().map_err(|e| Error::Write {
                path: self.target.clone(),
                source: std::io::Error::other(e),
            })?;
            parts.push((value, batch));
        }
        Ok(Encoded { parts })
    }
}
