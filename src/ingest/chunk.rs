//! Stage 1, ingest: the unit the reading threads hand on. In: the raw records of one input as
//! its reader cut them (table rows, JSON lines, incidents of a whole document, records that
//! could not be read, warnings); out: incidents, or each record [`Rejected`] with the reason
//! and the record as it was read. A [`Chunk`] holds up to a few thousand such [`Raw`] records
//! of one file with the [`Decoder`] that turns them into incidents, so that decoding can run
//! on other threads (see `src/pipeline`); [`Batch`] gathers the records into chunks.

use std::sync::Arc;

use csv::StringRecord;

use crate::error::RecordError;
use crate::model::Incident;

use super::detect::TableSchema;
use super::options::ReadOptions;

/// A record that could not become an incident: why, and the record as it was read.
#[derive(Debug, Clone)]
pub struct Rejected {
    pub error: RecordError,
    /// The raw row (a CSV line, a JSON line), when the record got that far.
    pub record: Option<String>,
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
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

impl Decoder {
    /// The delimiter a table's records are written back with (a comma outside a table).
    pub fn delimiter(&self) -> u8 {
        match self {
            Decoder::Table { delimiter, .. } => *delimiter,
            _ => b',',
        }
    }
}

/// Up to a few thousand raw rows of one file.
#[derive(Debug)]
pub struct Chunk {
    pub label: Arc<str>,
    pub decoder: Arc<Decoder>,
    pub rows: Vec<Raw>,
}

impl Chunk {
    /// A chunk of records that need no decoding (incidents of a whole document, rejected
    /// records, warnings).
    pub fn ready(label: Arc<str>, rows: Vec<Raw>) -> Chunk {
        Chunk {
            label,
            decoder: Arc::new(Decoder::Ready),
            rows,
        }
    }

    /// A chunk that only says why an input (or its line `line`) could not be read.
    pub fn failed(label: &Arc<str>, line: Option<u64>, message: String) -> Chunk {
        let error = RecordError::new(&**label, line, message);
        Chunk::ready(label.clone(), vec![Raw::Rejected(error.into())])
    }

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
                let mut read = super::read_jsonl(text, label);
                let first_error = read.rejected.into_iter().next().map(|r| r.error);
                match (read.incidents.pop(), first_error) {
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
        match raw {
            Raw::Row(record) => Some(join_record(record, self.decoder.delimiter())),
            Raw::Line(_, text) => Some(text.clone()),
            Raw::Rejected(rejected) => rejected.record.clone(),
            Raw::Ready(_) | Raw::Warning(_) => None,
        }
    }
}

/// The cells of a record as one CSV line (for the `errors` file of a pass).
pub(crate) fn join_record(record: &StringRecord, delimiter: u8) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = writer.write_record(record);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).trim_end().to_string()
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

/// Records of one input gathered into chunks of `size`, all with one decoder.
pub(crate) struct Batch {
    label: Arc<str>,
    decoder: Arc<Decoder>,
    size: usize,
    rows: Vec<Raw>,
}

impl Batch {
    pub fn new(label: Arc<str>, decoder: Arc<Decoder>, size: usize) -> Batch {
        Batch {
            label,
            decoder,
            size,
            rows: Vec::with_capacity(size),
        }
    }

    /// The input's name in messages.
    pub fn label(&self) -> &Arc<str> {
        &self.label
    }

    /// How the records become incidents.
    pub fn decoder(&self) -> &Decoder {
        &self.decoder
    }

    pub fn push(&mut self, raw: Raw) {
        self.rows.push(raw);
    }

    /// Hands the records on as a chunk once there are `size` of them; `false` when the
    /// receiver stopped.
    pub fn emit_full(&mut self, emit: &mut dyn FnMut(Chunk) -> bool) -> bool {
        if self.rows.len() < self.size {
            return true;
        }
        let full = std::mem::replace(&mut self.rows, Vec::with_capacity(self.size));
        emit(Chunk {
            label: self.label.clone(),
            decoder: self.decoder.clone(),
            rows: full,
        })
    }

    /// Hands on the records left, if any.
    pub fn finish(self, emit: &mut dyn FnMut(Chunk) -> bool) {
        if !self.rows.is_empty() {
            emit(Chunk {
                label: self.label,
                decoder: self.decoder,
                rows: self.rows,
            });
        }
    }
}
