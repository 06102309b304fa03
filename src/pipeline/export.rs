//! An export over the streamed passes: how many passes a format needs, the sorted
//! (in-memory) variant, and the rejected records as CSV for the `errors` file
//! ([`super::Inputs::errors`]).

use super::{run_pass, Output, PassResult, Settings};
use crate::error::{DateHint, RecordError, Result};
use crate::export::{Sink, Summary};
use crate::ingest::Rejected;
use crate::merge::MergeMode;
use crate::model::MergeExplanation;

/// True when the export must hold every incident to merge them: [`MergeMode::All`], or articles among
/// the inputs (which merge by default). Tables alone stream. Such an export filters after
/// merging (a merged incident is kept or left out whole, with every claim).
pub fn must_merge(input: &super::Inputs) -> bool {
    match input.merge {
        MergeMode::None => false,
        MergeMode::All => true,
        MergeMode::Articles => input
            .files()
            .iter()
            .flatten()
            .any(|p| crate::ingest::Format::of_input(p) == Some(crate::ingest::Format::Article)),
    }
}

/// The rejected records as CSV (`file,line,column,reason,record`) for the `errors` file
/// ([`super::Inputs::errors`]); a reason's date hint worded by `hint_words` (the library's
/// words: [`DateHint`]'s `Display`).
pub fn rejected_csv<'r>(
    rejected: impl IntoIterator<Item = &'r Rejected>,
    hint_words: fn(DateHint) -> String,
) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = writer.write_record(["file", "line", "column", "reason", "record"]);
    for r in rejected {
        let RecordError {
            file, line, column, ..
        } = &r.error;
        let line = line.map(|l| l.to_string()).unwrap_or_default();
        let _ = writer.write_record([
            file.as_str(),
            line.as_str(),
            column.as_deref().unwrap_or(""),
            r.error.message_worded(hint_words).as_str(),
            r.record.as_deref().unwrap_or(""),
        ]);
    }
    writer.into_inner().unwrap_or_default()
}

/// A date hint in the library's words ([`DateHint`]'s `Display`).
fn library_words(hint: DateHint) -> String {
    hint.to_string()
}

/// The summary known before reading any record: none needed for JSON Lines; the figure
/// columns from the table headers for the others when every input has them (`None`: a
/// first pass must find them).
pub(super) fn known_summary(
    config: &super::ExportOptions,
    settings: &Settings<'_>,
) -> Option<Summary> {
    use crate::export::ExportFormat;
    if config.format == ExportFormat::JsonLines {
        return Some(Summary::default());
    }
    if config.input.inputs.is_empty() {
        return None;
    }
    let measures = crate::ingest::stream::header_measures(config.input.files(), &settings.read)?;
    let mut summary = Summary::default();
    summary.measures.extend(measures);
    Some(summary)
}

/// [`super::export()`] in a format written record by record (all but GeoParquet).
pub(super) fn export_records(
    config: &super::ExportOptions,
    settings: &Settings<'_>,
    on_start: &mut dyn FnMut(u64),
) -> Result<(PassResult, MergeExplanation)> {
    let plan = Plan::new(config, settings)?;
    let mut sink = Sink::create(&config.output)?;
    on_start(plan.passes());
    let mut explanation = MergeExplanation::default();
    let result = if let Some(mode) = plan.held {
        let (result, merged) = export_held(config, settings, &mut sink, mode)?;
        explanation = merged;
        result
    } else {
        let (summary, first) = plan.first_pass(config, settings)?;
        let format = config
            .format
            .record_format(config.flat, !config.pretty, &summary)?;
        let output = Output::Write(&*format, &mut sink);
        let second = run_pass(&config.input, settings, output)?;
        streamed_result(summary, first, second)
    };
    sink.commit()?;
    plan.finish(&result)?;
    Ok((result, explanation))
}

/// How an export runs, decided before any record is read (the CSV, KML, GeoJSON, JSON Lines
/// and GeoParquet exports alike).
pub(super) struct Plan {
    /// The figure columns, when the table headers give them (`None`: a first pass must find
    /// them).
    known: Option<Summary>,
    /// How the held incidents merge, when every incident is held (to sort or to merge);
    /// `None` when the export streams.
    pub(super) held: Option<MergeMode>,
    /// The `errors` file, opened before anything is read: an unwritable path fails at once.
    errors: Option<Sink>,
    /// How its reasons word a date hint ([`super::Inputs::hint_words`]).
    hint_words: fn(DateHint) -> String,
}

impl Plan {
    pub(super) fn new(config: &super::ExportOptions, settings: &Settings<'_>) -> Result<Plan> {
        // One pass when the header of the format can be written before the records: JSON
        // Lines always; CSV, KML and GeoJSON when the table headers give the figure columns
        // (the GeoJSON bbox follows the features). Otherwise a summary pass goes first.
        let known = known_summary(config, settings);
        let merging = must_merge(&config.input);
        let held = (config.sorted || merging).then_some(match merging {
            true => config.input.merge,
            false => MergeMode::None,
        });
        let errors = config
            .input
            .errors
            .as_deref()
            .map(Sink::create)
            .transpose()?;
        Ok(Plan {
            known,
            held,
            errors,
            hint_words: config.input.hint_words.unwrap_or(library_words),
        })
    }

    /// How many times the inputs are read.
    pub(super) fn passes(&self) -> u64 {
        match self.held.is_some() || self.known.is_some() {
            true => 1,
            false => 2,
        }
    }

    /// The summary the writing pass starts from: the known one, or a first pass's (returned
    /// too, as its errors are the export's).
    pub(super) fn first_pass(
        &self,
        config: &super::ExportOptions,
        settings: &Settings<'_>,
    ) -> Result<(Summary, Option<PassResult>)> {
        match &self.known {
            Some(known) => Ok((known.clone(), None)),
            None => {
                let first = run_pass(&config.input, settings, Output::Nothing)?;
                Ok((first.summary.clone(), Some(first)))
            }
        }
    }

    /// Writes the rejected and unlocated records to the `errors` file, when asked.
    pub(super) fn finish(self, result: &PassResult) -> Result<()> {
        if let Some(mut errors) = self.errors {
            errors.write_all(&rejected_csv(
                result.rejected.iter().chain(&result.unlocated),
                self.hint_words,
            ))?;
            errors.commit()?;
        }
        Ok(())
    }
}

/// A streamed export's result: the first pass's errors (each record once) with the summary,
/// or the writing pass's when there was no first pass.
pub(super) fn streamed_result(
    summary: Summary,
    first: Option<PassResult>,
    second: PassResult,
) -> PassResult {
    match first {
        Some(first) => PassResult { summary, ..first },
        None => second,
    }
}

/// The export that holds every incident: merged (unless `mode` is none), then sorted by date
/// and id when asked.
fn export_held(
    config: &super::ExportOptions,
    settings: &Settings<'_>,
    sink: &mut Sink,
    mode: MergeMode,
) -> Result<(PassResult, MergeExplanation)> {
    let (result, kept, explanation) = held_incidents(config, settings, mode)?;
    let format = config
        .format
        .record_format(config.flat, !config.pretty, &result.summary)?;
    crate::export::write_document(&*format, &kept, &result.summary, sink).map_err(|source| {
        crate::error::Error::Write {
            path: sink.target().to_path_buf(),
            source,
        }
    })?;
    Ok((result, explanation))
}

/// Every incident, merged (unless `mode` is none), filtered, and sorted when asked; the
/// pass's result with the summary of what is kept.
pub fn held_incidents(
    config: &super::ExportOptions,
    settings: &Settings<'_>,
    mode: MergeMode,
) -> Result<(PassResult, Vec<crate::model::Incident>, MergeExplanation)> {
    let mut reports = Vec::new();
    let mut result = run_pass(&config.input, settings, Output::Reports(&mut reports))?;
    let merged = crate::merge::merge(reports, mode);
    let mut kept = merged.incidents;
    let before = kept.len();
    kept.retain(|i| config.input.filter.matches(i));
    result.filtered_out += (before - kept.len()) as u64;
    if merged.explanation.reports != kept.len() {
        result.summary = Summary::default();
        kept.iter().for_each(|i| result.summary.add(i));
    }
    if config.sorted {
        kept.sort_by(|a, b| {
            a.date
                .start
                .cmp(&b.date.start)
                .then_with(|| a.id.cmp(&b.id))
        });
    }
    result.kept = kept.len() as u64;
    Ok((result, kept, merged.explanation))
}
