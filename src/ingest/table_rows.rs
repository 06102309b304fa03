//! Stage 1, ingest: a CSV table (any layout) cut into chunks of raw rows, streamed. The header
//! gives the layout and the number of fields every row must have (checked when a row is
//! decoded). A quote that never closes is reported with the line where it opened, and the
//! table is read again from the next line on ([`QuoteWatch`]), so the rows after it still
//! load; the swallowed text is not taken as one huge field.

use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;

use csv::{ByteRecord, StringRecord};

use super::chunk::{join_record, Batch, Chunk, Decoder, Raw, Rejected};
use super::csv_text::{take_bom_and_delimiter, to_string_record};
use super::detect::{header_warnings, TableSchema};
use super::options::ReadOptions;
use super::quotes::QuoteWatch;
use crate::error::RecordError;
use crate::ingest::crlf::CrlfToLf;

/// Opens an input from its start (again, for a table read on after an unterminated quote).
pub(crate) type OpenInput<'a> = dyn Fn() -> std::io::Result<Box<dyn Read + 'a>> + 'a;

type Lines<'a> = BufReader<CrlfToLf<Box<dyn Read + 'a>>>;
type TableReader<'a> = csv::Reader<QuoteWatch<Lines<'a>>>;

fn csv_over<'a>(lines: Lines<'a>, delimiter: u8, first_line: u64) -> TableReader<'a> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(first_line == 1)
        .from_reader(QuoteWatch::new(lines, delimiter, first_line))
}

/// Reads the table in chunks of `size` rows, calling `emit` for each; stops early when
/// `emit` returns false. `own`: the table's own reading options, when a look at the whole
/// table settled something (the order of its numeric dates).
pub(crate) fn read_table_chunks(
    open: &OpenInput<'_>,
    label: Arc<str>,
    options: &ReadOptions,
    own: Option<ReadOptions>,
    size: usize,
    emit: &mut dyn FnMut(Chunk) -> bool,
) {
    let Some((mut reader, decoder)) = start_table(open, &label, options, own, emit) else {
        return;
    };
    let delimiter = decoder.delimiter();
    let mut batch = Batch::new(label.clone(), decoder, size);
    let mut offset = 0;
    loop {
        match read_rows(&mut batch, &mut reader, offset, emit) {
            End::Stopped => return,
            End::Done => break,
            End::Unterminated(line) => match reopen_after(open, line, delimiter) {
                Ok(again) => {
                    reader = again;
                    offset = line;
                }
                Err(err) => {
                    let error = RecordError::new(&*label, Some(line + 1), err.to_string());
                    batch.push(Raw::Rejected(error.into()));
                    break;
                }
            },
        }
    }
    batch.finish(emit);
}

/// Opens the table and reads its header: the reader positioned on the first row and the
/// decoder of the rows, or `None` (the reason emitted) when there are no rows to read.
fn start_table<'a>(
    open: &OpenInput<'a>,
    label: &Arc<str>,
    options: &ReadOptions,
    own: Option<ReadOptions>,
    emit: &mut dyn FnMut(Chunk) -> bool,
) -> Option<(TableReader<'a>, Arc<Decoder>)> {
    let mut lines = match open() {
        Ok(input) => BufReader::with_capacity(256 * 1024, CrlfToLf::new(input)),
        Err(err) => {
            emit(Chunk::failed(label, None, format!("cannot read: {err}")));
            return None;
        }
    };
    let delimiter = take_bom_and_delimiter(&mut lines, options);
    let mut reader = csv_over(lines, delimiter, 1);
    let headers = match reader.byte_headers() {
        Ok(h) => to_string_record(h, label).0,
        Err(err) => {
            let message = format!("cannot read the header: {err}");
            emit(Chunk::failed(label, Some(1), message));
            return None;
        }
    };
    if reader.get_ref().unterminated() == Some(1) {
        let message = "the header has a quote that never closes".to_string();
        emit(Chunk::failed(label, Some(1), message));
        return None;
    }
    let schema = match TableSchema::from_headers(&headers, label) {
        Ok(schema) => schema,
        Err(error) => {
            emit(Chunk::ready(
                label.clone(),
                vec![Raw::Rejected(error.into())],
            ));
            return None;
        }
    };
    let warnings = header_warnings(&schema, &headers, label);
    if !warnings.is_empty() {
        let rows = warnings.into_iter().map(Raw::Warning).collect();
        if !emit(Chunk::ready(label.clone(), rows)) {
            return None;
        }
    }
    let decoder = Decoder::Table {
        schema,
        delimiter,
        fields: headers.len(),
        own,
    };
    Some((reader, Arc::new(decoder)))
}

/// The table read again from the line after `line` (rows without a header).
fn reopen_after<'a>(
    open: &OpenInput<'a>,
    line: u64,
    delimiter: u8,
) -> std::io::Result<TableReader<'a>> {
    let mut lines = BufReader::with_capacity(256 * 1024, CrlfToLf::new(open()?));
    let mut skipped = Vec::new();
    for _ in 0..line {
        skipped.clear();
        lines.read_until(b'\n', &mut skipped)?;
    }
    Ok(csv_over(lines, delimiter, line + 1))
}

/// How reading a stretch of rows ended.
enum End {
    Done,
    /// The receiver stopped.
    Stopped,
    /// A quote opened on this line never closed: read on from the next line.
    Unterminated(u64),
}

/// Reads rows into `batch` until the end, an unterminated quote, or the receiver stops.
/// `offset`: the number of file lines before the reader's first line.
fn read_rows(
    batch: &mut Batch,
    reader: &mut TableReader<'_>,
    offset: u64,
    emit: &mut dyn FnMut(Chunk) -> bool,
) -> End {
    let label = batch.label().clone();
    let mut capacity = (256, 16);
    loop {
        // A fresh record per row, sized like the last one, handed on without a copy.
        let mut record = ByteRecord::with_capacity(capacity.0, capacity.1);
        match reader.read_byte_record(&mut record) {
            Ok(false) => return End::Done,
            Ok(true) => {
                capacity = (record.as_slice().len() + 16, record.len());
                let start = record.position().map_or(0, |p| p.line()) + offset;
                let newlines = record.as_slice().iter().filter(|&&b| b == b'\n').count();
                let end = start + newlines as u64;
                if let Some(open) = reader.get_ref().unterminated() {
                    if (start..=end).contains(&open) {
                        let message = format!(
                            "a quote opened on line {open} never closes; \
                                 the lines after it are read as rows"
                        );
                        let error = RecordError::new(&*label, Some(open), message);
                        batch.push(Raw::Rejected(error.into()));
                        return End::Unterminated(open);
                    }
                }
                push_record(batch, record, offset);
            }
            Err(err) => {
                let line = err.position().map(|p| p.line() + offset);
                let fatal = matches!(err.kind(), csv::ErrorKind::Io(_));
                let error = RecordError::new(&*label, line, format!("unreadable row: {err}"));
                batch.push(Raw::Rejected(error.into()));
                if fatal {
                    return End::Done;
                }
            }
        }
        if !batch.emit_full(emit) {
            return End::Stopped;
        }
    }
}

/// A row as text with its line in the file (a blank row is no record).
fn push_record(batch: &mut Batch, mut record: ByteRecord, offset: u64) {
    if offset > 0 {
        if let Some(mut position) = record.position().cloned() {
            position.set_line(position.line() + offset);
            record.set_position(Some(position));
        }
    }
    match StringRecord::from_byte_record(record) {
        Ok(row) if row.iter().all(|cell| cell.trim().is_empty()) => {}
        Ok(row) => batch.push(Raw::Row(row)),
        Err(err) => {
            // Invalid UTF-8: the row is rejected whole, shown with U+FFFD for the bad bytes.
            let (row, error) = to_string_record(&err.into_byte_record(), batch.label());
            let record = Some(join_record(&row, batch.decoder().delimiter()));
            if let Some(mut error) = error {
                error.message =
                    "invalid UTF-8 (save the file as UTF-8); the row is rejected".into();
                batch.push(Raw::Rejected(Rejected { error, record }));
            }
        }
    }
}
