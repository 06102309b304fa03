//! `incimap export --to geoparquet`: the streamed passes (or the held, merged or sorted
//! incidents) encoded chunk by chunk into record batches and handed in input order to the
//! GeoParquet writer, one file or a folder of partitions ([`crate::export::geoparquet`]).

use std::path::{Path, PathBuf};

use super::export::{held_incidents, known_summary, must_merge, rejected_csv};
use super::{run_pass, Output, PassResult, Settings, CHUNK_ROWS};
use crate::error::Result;
use crate::export::{Encoded, Encoder, GeoParquetWriter, PartitionedWriter, Sink};
use crate::merge::MergeMode;
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
pub fn export(
    config: &super::ExportOptions,
    settings: &Settings<'_>,
    on_start: &mut dyn FnMut(u64),
) -> Result<(PassResult, MergeExplanation)> {
    let known = known_summary(config, settings);
    let merging = must_merge(&config.input);
    let held = config.sorted || merging;
    let passes = if held || known.is_some() { 1 } else { 2 };
    // The errors file is opened before anything is read: an unwritable path fails at once.
    let errors_sink = config
        .input
        .errors
        .as_deref()
        .map(Sink::create)
        .transpose()?;
    on_start(passes);
    let mut explanation = MergeExplanation::default();
    let (result, table) = if held {
        let mode = if merging {
            config.input.merge
        } else {
            MergeMode::None
        };
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
        let first = match &known {
            Some(_) => None,
            None => Some(run_pass(&config.input.inputs, settings, Output::Nothing)?),
        };
        let summary = match &first {
            Some(first) => first.summary.clone(),
            None => known.unwrap_or_default(),
        };
        let measures = summary.measure_columns();
        let encoder = Encoder::new(&config.output, &measures, config.partition_by);
        let mut table = Table::create(&config.output, &encoder)?;
        let mut write = |encoded: Encoded| table.write(encoded);
        let output = Output::Encode(&encoder, &mut write);
        let second = run_pass(&config.input.inputs, settings, output)?;
        let result = match first {
            Some(first) => PassResult { summary, ..first },
            None => second,
        };
        (result, table)
    };
    table.commit(&config.output)?;
    if let Some(mut errors) = errors_sink {
        errors.write_all(&rejected_csv(
            result.rejected.iter().chain(&result.unlocated),
        ))?;
        errors.commit()?;
    }
    Ok((result, explanation))
}
