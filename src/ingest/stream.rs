//! Stage 1, ingest, streamed: input files (or bytes in memory) → chunks of raw records, read
//! in order without holding a table in memory. In: a path or bytes, and [`ReadOptions`]; out:
//! [`Chunk`]s handed to a callback, each decoded into incidents later ([`Chunk::decode`], see
//! `chunk.rs`) so that decoding can run on other threads (see `src/pipeline`).
//!
//! CSV tables (any layout, `detect.rs`; cut into rows by `table_rows.rs`) and JSON Lines are
//! streamed record by record; JSON and GeoJSON documents and articles are read whole (they
//! are one value) and handed on as ready incidents. Every file that cannot be read, and every
//! record that cannot be parsed, becomes a [`Rejected`] in its place in the stream, with the
//! raw record when there is one.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::error::RecordError;

use super::chunk::Batch;
// The chunk types, where the pipeline has always taken them from.
pub use super::chunk::{Chunk, Decoder, Raw, Rejected};
use super::crlf::CrlfToLf;
use super::date_order::settle_order;
pub use super::inputs::{expand_inputs, header_measures};
use super::options::ReadOptions;
use super::table_rows::{read_table_chunks, OpenInput};
use super::{geojson, Format, Records};

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
                emit(Chunk::failed(
                    &label,
                    None,
                    format!("cannot read: {message}"),
                ));
            }
        }
        return;
    }
    let label: Arc<str> = super::file_label(path).into();
    let Some(format) = Format::from_path(path) else {
        let message =
            "unsupported input: expected a .csv, .tsv, .jsonl, .json, .geojson, .txt or .md file";
        emit(Chunk::failed(&label, None, message.into()));
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
            if !emit(Chunk::ready(label.clone(), vec![Raw::Warning(note)])) {
                return;
            }
        }
        read_table_chunks(&open_counted, label, options, own, size, emit);
        return;
    }
    let input = match open_counted() {
        Ok(input) => input,
        Err(err) => {
            emit(Chunk::failed(&label, None, format!("cannot read: {err}")));
            return;
        }
    };
    let input = BufReader::with_capacity(256 * 1024, CrlfToLf::new(input));
    match format {
        Format::JsonLines => read_line_chunks(input, label, size, emit),
        _ => read_document(input, label, format, options, emit),
    }
}

/// JSON Lines: one record a line (blank lines are none), cut into chunks of `size`.
fn read_line_chunks<R: BufRead>(
    input: R,
    label: Arc<str>,
    size: usize,
    emit: &mut dyn FnMut(Chunk) -> bool,
) {
    let mut batch = Batch::new(label.clone(), Arc::new(Decoder::JsonLines), size);
    for (index, line) in input.split(b'\n').enumerate() {
        let number = index as u64 + 1;
        match line {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
                    if !text.trim().is_empty() {
                        batch.push(Raw::Line(number, text.trim_end_matches('\r').to_string()));
                    }
                }
                Err(err) => {
                    let message = format!(
                        "invalid UTF-8 at byte {} of the line (save the file as UTF-8); \
                         the line is rejected",
                        err.utf8_error().valid_up_to() + 1
                    );
                    let record = String::from_utf8_lossy(err.as_bytes());
                    batch.push(Raw::Rejected(Rejected {
                        error: RecordError::new(&*label, Some(number), message),
                        record: Some(record.trim_end_matches('\r').to_string()),
                    }));
                }
            },
            Err(err) => {
                let error = RecordError::new(&*label, Some(number), format!("cannot read: {err}"));
                batch.push(Raw::Rejected(error.into()));
                break;
            }
        }
        if !batch.emit_full(emit) {
            return;
        }
    }
    batch.finish(emit);
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
        let read = match format {
            Format::Article => {
                let index = options
                    .places
                    .as_ref()
                    .unwrap_or_else(|| crate::extract::PlaceIndex::builtin());
                let context = crate::extract::Options {
                    language: None,
                    country: options.country.clone(),
                };
                let read = crate::extract::read_article_with(&text, &label, index, &context);
                Records {
                    incidents: read.incidents,
                    rejected: read.errors.into_iter().map(Rejected::from).collect(),
                    warnings: read.notes,
                }
            }
            Format::GeoJson => geojson::read_geojson(&text, &label, options),
            _ if geojson::looks_like_geojson(&text) => {
                geojson::read_geojson(&text, &label, options)
            }
            _ => super::read_json(&text, &label),
        };
        rows.extend(read.rejected.into_iter().map(Raw::Rejected));
        rows.extend(read.warnings.into_iter().map(Raw::Warning));
        rows.extend(read.incidents.into_iter().map(|i| Raw::Ready(Box::new(i))));
    }
    emit(Chunk::ready(label, rows));
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
pub fn read_file(path: &Path, options: &ReadOptions) -> Records {
    let progress = AtomicU64::new(0);
    let mut read = Records::default();
    read_file_chunks(path, options, 4096, &progress, &mut |chunk: Chunk| {
        read.decode(chunk, options);
        true
    });
    read
}
