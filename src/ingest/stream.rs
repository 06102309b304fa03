//! Stage 1, ingest, streamed: input files → chunks of raw rows, read in order without holding
//! a table in memory. Decoding a row into an incident ([`Chunk::decode`]) is separate so that
//! it can run on other threads (see `src/pipeline.rs`).
//!
//! CSV tables (any layout, `detect.rs`) and JSON Lines are streamed row by row; JSON and
//! GeoJSON documents are parsed whole (they are one value) and handed on as ready incidents.
//! Every file that cannot be read, and every row that cannot be parsed, becomes a
//! [`Rejected`] in its place in the stream, with the raw record when there is one.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use csv::StringRecord;

use crate::error::RecordError;
use crate::model::Incident;

use super::crlf::CrlfToLf;
use super::date_order::settle_order;
use super::detect::TableSchema;
pub use super::inputs::{expand_inputs, header_measures};
use super::options::ReadOptions;
use super::{geojson, Format};

/// A record that could not become an incident: why, and the record as it was read.
#[derive(Debug, Clone)]
pub struct Rejected {
    pub error: RecordError,
    /// The raw row (a CSV line, a JSON line), when the record got that far.
    pub record: Option<String>,
}

impl From<RecordError> for Rejected {
    fn from(error: RecordError) -> Rejected {
        Rejected {
            error,
            record: None,
        }
    }
}

/// One unit of input, not yet decoded.
#[derive(Debug)]
pub enum Raw {
    Row(StringRecord),
    Line(u64, String),
    Ready(Box<Incident>),
    Rejected(Rejected),
    /// Something about the input worth saying that loses no record (a table without a figure
    /// column, a column given twice, the order a table's numeric dates were read in).
    Warning(RecordError),
}

/// How the rows of a chunk become incidents (one per file, so its size does not matter).
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Decoder {
    /// A table: its layout, its delimiter, the number of fields its header has, and its own
    /// reading options when a look at the whole table settled something (the order of its
    /// numeric dates).
    Table {
        schema: TableSchema,
        delimiter: u8,
        fields: usize,
        own: Option<ReadOptions>,
    },
    JsonLines,
    Ready,
}

/// Up to a few thousand raw rows of one file.
#[derive(Debug)]
pub struct Chunk {
    pub label: Arc<str>,
    pub decoder: Arc<Decoder>,
    pub rows: Vec<Raw>,
}

impl Chunk {
    /// Decodes one raw row of this chunk: an incident, nothing (a warning, added to
    /// `warnings` like those of the rows kept), or the row rejected.
    pub fn decode(
        &self,
        raw: Raw,
        options: &ReadOptions,
        warnings: &mut Vec<RecordError>,
    ) -> Result<Option<Incident>, Rejected> {
        match raw {
            Raw::Ready(incident) => Ok(Some(*incident)),
            Raw::Rejected(rejected) => Err(rejected),
            Raw::Warning(warning) => {
                warnings.push(warning);
                Ok(None)
            }
            raw => self.decode_row(&raw, options, warnings),
        }
    }

    /// Decodes a table row or a JSON line, leaving it in place for [`Chunk::record_text`]
    /// (otherwise as [`Chunk::decode`]).
    pub fn decode_row(
        &self,
        raw: &Raw,
        options: &ReadOptions,
        warnings: &mut Vec<RecordError>,
    ) -> Result<Option<Incident>, Rejected> {
        let label = &*self.label;
        match (raw, &*self.decoder) {
            (
                Raw::Row(record),
                Decoder::Table {
                    schema,
                    fields,
                    own,
                    ..
                },
            ) => {
                let line = record.position().map(|p| p.line());
                let reject = |error| Rejected {
                    error,
                    record: self.record_text(raw),
                };
                if record.len() != *fields {
                    let message = format!(
                        "expected {fields} fields, as in the header, got {}",
                        record.len()
                    );
                    return Err(reject(RecordError::new(label, line, message)));
                }
                let options = own.as_ref().unwrap_or(options);
                schema
                    .row(record, label, line, options, warnings)
                    .map(Some)
                    .map_err(reject)
            }
            (Raw::Line(line, text), _) => {
                let (mut incidents, errors) = super::read_jsonl(text, label);
                match (incidents.pop(), errors.into_iter().next()) {
                    (Some(incident), None) => Ok(Some(incident)),
                    (_, error) => {
                        let mut error = error.unwrap_or_else(|| {
                            RecordError::new(label, None, "expected one incident object")
                        });
                        error.line = Some(*line);
                        Err(Rejected {
                            error,
                            record: Some(text.clone()),
                        })
                    }
                }
            }
            (Raw::Ready(incident), _) => Ok(Some((**incident).clone())),
            (Raw::Rejected(rejected), _) => Err(rejected.clone()),
            (Raw::Warning(warning), _) => {
                warnings.push(warning.clone());
                Ok(None)
            }
            (Raw::Row(_), _) => Err(Rejected {
                error: RecordError::new(label, None, "a table row outside a table"),
                record: self.record_text(raw),
            }),
        }
    }

    /// The record as it was read: a table row as one CSV line, a JSON line as it was; `None`
    /// for incidents that came from a whole document.
    pub fn record_text(&self, raw: &Raw) -> Option<String> {
        match (raw, &*self.decoder) {
            (Raw::Row(record), Decoder::Table { delimiter, .. }) => {
                Some(join_record(record, *delimiter))
            }
            (Raw::Row(record), _) => Some(join_record(record, b',')),
            (Raw::Line(_, text), _) => Some(text.clone()),
            (Raw::Rejected(rejected), _) => rejected.record.clone(),
            (Raw::Ready(_) | Raw::Warning(_), _) => None,
        }
    }
}

/// The cells of a record as one CSV line (for the `--errors` file).
pub(crate) fn join_record(record: &StringRecord, delimiter: u8) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = writer.write_record(record);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).trim_end().to_string()
}

/// Reads one file in chunks of `size` rows, calling `emit` for each; stops early when `emit`
/// returns false. `progress` counts the bytes read. `-` is standard input (its format told
/// from its content, its records named `<stdin>`).
pub fn read_file_chunks(
    path: &Path,
    options: &ReadOptions,
    size: usize,
    progress: &AtomicU64,
    emit: &mut dyn FnMut(Chunk) -> bool,
) {
    if super::stdin::is_stdin(path) {
        let label: Arc<str> = super::stdin::STDIN_LABEL.into();
        match super::stdin::spooled() {
            Ok(spooled) => {
                let open = || -> std::io::Result<Box<dyn Read + '_>> { Ok(spooled.open()) };
                read_opened_chunks(&open, label, spooled.format, options, size, progress, emit);
            }
            Err(message) => {
                emit(failed_chunk(label, format!("cannot read: {message}")));
            }
        }
        return;
    }
    let label: Arc<str> = super::file_label(path).into();
    let Some(format) = Format::from_path(path) else {
        emit(failed_chunk(
            label,
            "unsupported input: expected a .csv, .tsv, .jsonl, .json, .geojson, .txt or .md file"
                .into(),
        ));
        return;
    };
    let open = || -> std::io::Result<Box<dyn Read + '_>> { Ok(Box::new(File::open(path)?)) };
    read_opened_chunks(&open, label, format, options, size, progress, emit);
}

/// Reads bytes held in memory (named `label` in messages) in chunks of `size` rows, as
/// [`read_file_chunks`] reads a file; `format` is told from the content when `None`.
pub fn read_bytes_chunks(
    bytes: &[u8],
    label: &str,
    format: Option<Format>,
    options: &ReadOptions,
    size: usize,
    emit: &mut dyn FnMut(Chunk) -> bool,
) {
    let format = format.unwrap_or_else(|| {
        super::sniff::sniff(&bytes[..bytes.len().min(super::sniff::SNIFF_BYTES)])
    });
    let open = || -> std::io::Result<Box<dyn Read + '_>> { Ok(Box::new(bytes)) };
    let progress = AtomicU64::new(0);
    read_opened_chunks(&open, label.into(), format, options, size, &progress, emit);
}

/// A chunk that only says why an input could not be read.
fn failed_chunk(label: Arc<str>, message: String) -> Chunk {
    Chunk {
        label: label.clone(),
        decoder: Arc::new(Decoder::Ready),
        rows: vec![Raw::Rejected(
            RecordError::new(&*label, None, message).into(),
        )],
    }
}

/// Reads an input that `open` opens from its start (as often as needed), in `format`.
fn read_opened_chunks(
    open: &OpenInput<'_>,
    label: Arc<str>,
    format: Format,
    options: &ReadOptions,
    size: usize,
    progress: &AtomicU64,
    emit: &mut dyn FnMut(Chunk) -> bool,
) {
    let open_counted = || -> std::io::Result<Box<dyn Read + '_>> {
        let inner = open()?;
        Ok(Box::new(Counting { inner, progress }))
    };
    if format == Format::Csv {
        // The order of the table's numeric dates, settled by a look at the whole table first
        // (not counted as progress: the bytes are counted when the rows are read).
        let settled = open().ok().and_then(|input| {
            let input = BufReader::with_capacity(256 * 1024, CrlfToLf::new(input));
            settle_order(input, &label, options)
        });
        let (own, note) = settled.unzip();
        if let Some(note) = note {
            let chunk = Chunk {
                label: label.clone(),
                decoder: Arc::new(Decoder::Ready),
                rows: vec![Raw::Warning(note)],
            };
            if !emit(chunk) {
                return;
            }
        }
        super::table_rows::read_table_chunks(&open_counted, label, options, own, size, emit);
        return;
    }
    let input = match open_counted() {
        Ok(input) => input,
        Err(err) => {
            emit(failed_chunk(label, format!("cannot read: {err}")));
            return;
        }
    };
    let input = BufReader::with_capacity(256 * 1024, CrlfToLf::new(input));
    match format {
        Format::JsonLines => read_line_chunks(input, label, size, emit),
        _ => read_document(input, label, format, options, emit),
    }
}

/// Opens an input from its start.
type OpenInput<'a> = dyn Fn() -> std::io::Result<Box<dyn Read + 'a>> + 'a;

fn read_line_chunks<R: BufRead>(
    input: R,
    label: Arc<str>,
    size: usize,
    emit: &mut dyn FnMut(Chunk) -> bool,
) {
    let decoder = Arc::new(Decoder::JsonLines);
    let mut rows = Vec::with_capacity(size);
    for (index, line) in input.split(b'\n').enumerate() {
        let number = index as u64 + 1;
        match line {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
                    if !text.trim().is_empty() {
                        rows.push(Raw::Line(number, text.trim_end_matches('\r').to_string()));
                    }
                }
                Err(err) => {
                    let message = format!(
                        "invalid UTF-8 at byte {} of the line (save the file as UTF-8); \
                         the line is rejected",
                        err.utf8_error().valid_up_to() + 1
                    );
                    let record = String::from_utf8_lossy(err.as_bytes());
                    rows.push(Raw::Rejected(Rejected {
                        error: RecordError::new(&*label, Some(number), message),
                        record: Some(record.trim_end_matches('\r').to_string()),
                    }));
                }
            },
            Err(err) => {
                let error = RecordError::new(&*label, Some(number), format!("cannot read: {err}"));
                rows.push(Raw::Rejected(error.into()));
                break;
            }
        }
        if !emit_full(&mut rows, size, &label, &decoder, emit) {
            return;
        }
    }
    if !rows.is_empty() {
        emit(Chunk {
            label,
            decoder,
            rows,
        });
    }
}

/// Hands `rows` on as a chunk once it holds `size` rows; `false` when the receiver stopped.
fn emit_full(
    rows: &mut Vec<Raw>,
    size: usize,
    label: &Arc<str>,
    decoder: &Arc<Decoder>,
    emit: &mut dyn FnMut(Chunk) -> bool,
) -> bool {
    if rows.len() < size {
        return true;
    }
    let full = std::mem::replace(rows, Vec::with_capacity(size));
    emit(Chunk {
        label: label.clone(),
        decoder: decoder.clone(),
        rows: full,
    })
}

/// JSON and GeoJSON: one document, parsed whole.
fn read_document<R: Read>(
    mut input: R,
    label: Arc<str>,
    format: Format,
    options: &ReadOptions,
    emit: &mut dyn FnMut(Chunk) -> bool,
) {
    let mut bytes = Vec::new();
    let mut rows = Vec::new();
    if let Err(err) = input.read_to_end(&mut bytes) {
        let error = RecordError::new(&*label, None, format!("cannot read: {err}"));
        rows.push(Raw::Rejected(error.into()));
    } else {
        let (text, warnings) = crate::reference::decode_utf8(&bytes, &label);
        drop(bytes);
        rows.extend(warnings.into_iter().map(|w| Raw::Rejected(w.into())));
        let mut warnings = Vec::new();
        let (incidents, errors) = match format {
            Format::Article => {
                let index = options
                    .places
                    .as_ref()
                    .unwrap_or_else(|| crate::extract::PlaceIndex::builtin());
                let context = crate::extract::Options {
                    language: None,
                    country: options.country.clone(),
                };
                crate::extract::read_article_with(&text, &label, index, &context, &mut warnings)
            }
            Format::GeoJson => geojson::read_geojson(&text, &label, options, &mut warnings),
            _ if geojson::looks_like_geojson(&text) => {
                geojson::read_geojson(&text, &label, options, &mut warnings)
            }
            _ => super::read_json(&text, &label),
        };
        rows.extend(errors.into_iter().map(|e| Raw::Rejected(e.into())));
        rows.extend(warnings.into_iter().map(Raw::Warning));
        rows.extend(incidents.into_iter().map(|i| Raw::Ready(Box::new(i))));
    }
    emit(Chunk {
        label,
        decoder: Arc::new(Decoder::Ready),
        rows,
    });
}

/// Counts the bytes read (for the progress bar).
struct Counting<'a, R> {
    inner: R,
    progress: &'a AtomicU64,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Reads one file whole (the non-streaming path): incidents, every rejected record, and the
/// warnings about what was kept.
pub fn read_file(
    path: &Path,
    options: &ReadOptions,
) -> (Vec<Incident>, Vec<Rejected>, Vec<RecordError>) {
    let progress = AtomicU64::new(0);
    let mut incidents = Vec::new();
    let mut rejected = Vec::new();
    let mut warnings = Vec::new();
    read_file_chunks(path, options, 4096, &progress, &mut |chunk: Chunk| {
        decode_chunk(chunk, options, &mut incidents, &mut rejected, &mut warnings);
        true
    });
    (incidents, rejected, warnings)
}

/// Decodes every row of a chunk on this thread.
pub(crate) fn decode_chunk(
    chunk: Chunk,
    options: &ReadOptions,
    incidents: &mut Vec<Incident>,
    rejected: &mut Vec<Rejected>,
    warnings: &mut Vec<RecordError>,
) {
    let Chunk {
        label,
        decoder,
        rows,
    } = chunk;
    let shell = Chunk {
        label,
        decoder,
        rows: Vec::new(),
    };
    for raw in rows {
        match shell.decode(raw, options, warnings) {
            Ok(incident) => incidents.extend(incident),
            Err(r) => rejected.push(r),
        }
    }
}
