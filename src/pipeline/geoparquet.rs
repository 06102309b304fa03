//! A GeoParquet export ([`crate::export::ExportFormat::GeoParquet`]): the streamed passes (or the held, merged or sorted
//! incidents) encoded chunk by chunk into record batches and handed in input order to the
//! GeoParquet writer, one file or a folder of partitions (`crate::export::geoparquet`).

use std::path::{Path, PathBuf};

use super::export::{held_incidents, streamed_result, Plan};
use super::{run_pass, Output, PassResult, Settings, CHUNK_ROWS};
use crate::error::Result;
use crate::export::{Encoded, Encoder, GeoParquetWriter, PartitionedWriter};
use crate::model::MergeExplanation;

/// One file, or one per partition.
enum Table {
    One(Box<GeoParquetWriter>),
    Parts(PartitionedWriter),
}

impl Table {
    fn create(path: &Path, encoder: &Encoder) -> Result<Self> {
        Ok(match encoder.partition_key() {
            None => Table::One(Box::new(GeoParquetWriter::create(path, encoder.schema())?)),
            Some(key) => Table::Parts(PartitionedWriter::create(path, key, encoder.schema())?),
        })
    }

    fn write(&mut self, encoded: Encoded) -> Result<()> {
        for (value, batch) in &encoded.parts {
            match self {
                Table::One(writer) => writer.write(batch)?,
                Table::Parts(writer) => writer.write(value, batch)?,
            }
        }
        Ok(())
    }

    /// The files written.
    fn commit(self, path: &Path) -> Result<Vec<PathBuf>> {
        match self {
            Table::One(writer) => writer.commit().map(|_| vec![path.to_path_buf()]),
            Table::Parts(writer) => writer.commit().map(|(files, _)| files),
        }
    }
}

/// Writes the export as GeoParquet. The figure columns come from the table headers or, when
/// some input has none, from a first pass (as for CSV).
pub(super) fn export(
    config: &super::ExportOptions,
    settings: &Settings<'_>,
    on_start: &mut dyn FnMut(u64),
) -> Result<(PassResult, MergeExplanation)> {
    let plan = Plan::new(config, settings)?;
    on_start(plan.passes());
    let mut explanation = MergeExplanation::default();
    let (result, table) = if let Some(mode) = plan.held {
        let (result, kept, merged) = held_incidents(config, settings, mode)?;
        explanation = merged;
        let measures = result.summary.measure_columns();
        let encoder = Encoder::new(&config.output, &measures, config.partition_by);
        let mut table = Table::create(&config.output, &encoder)?;
        for chunk in kept.chunks(CHUNK_ROWS) {
            table.write(encoder.encode(chunk)?)?;
        }
        (result, table)
    } else {
        let (summary, first) = plan.first_pass(config, settings)?;
        let measures = summary.measure_columns();
        let encoder = Encoder::new(&config.output, &measures, config.partition_by);
        let mut table = Table::create(&config.output, &encoder)?;
        let mut write = |encoded: Encoded| table.write(encoded);
        let output = Output::Encode(&encoder, &mut write);
        let second = run_pass(&config.input, settings, output)?;
        (streamed_result(summary, first, second), table)
    };
    table.commit(&config.output)?;
    plan.finish(&result)?;
    Ok((result, explanation))
}
