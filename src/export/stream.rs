//! Stage 3, export, streamed: the record formats (GeoJSON, CSV, KML, JSON Lines) written one
//! incident at a time, the [`Summary`] a first pass gathers for the formats whose header
//! depends on every record (GeoJSON's bbox and figure columns, the CSV and KML figure
//! columns), and an output that is renamed into place only when complete.

use std::collections::BTreeSet;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::temp::TempFile;
use crate::error::{Error, Result};
use crate::model::properties::round6;
use crate::model::{Incident, Measure};

/// What a first pass over the (filtered, located) incidents found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub count: u64,
    /// `[min lon, min lat, max lon, max lat]` of the rounded coordinates.
    pub bbox: Option<[f64; 4]>,
    /// Measures of the top-level figures.
    pub measures: BTreeSet<Measure>,
}

impl Summary {
    pub fn add(&mut self, incident: &Incident) {
        self.count += 1;
        if let Some((lon, lat)) = incident.place.lon_lat() {
            let (lon, lat) = (round6(lon), round6(lat));
            self.bbox = Some(match self.bbox {
                None => [lon, lat, lon, lat],
                Some([a, b, c, d]) => [a.min(lon), b.min(lat), c.max(lon), d.max(lat)],
            });
        }
        for figure in &incident.figures {
            if !self.measures.contains(&figure.measure) {
                self.measures.insert(figure.measure.clone());
            }
        }
    }

    pub fn merge(&mut self, other: Summary) {
        self.count += other.count;
        if let Some([a, b, c, d]) = other.bbox {
            self.bbox = Some(match self.bbox {
                None => [a, b, c, d],
                Some([e, f, g, h]) => [a.min(e), b.min(f), c.max(g), d.max(h)],
            });
        }
        self.measures.extend(other.measures);
    }

    /// The figure columns, as the GeoJSON writer orders them: the known measures in their
    /// fixed order, then the others alphabetically.
    pub fn measure_columns(&self) -> Vec<Measure> {
        let mut out: Vec<Measure> = Measure::KNOWN
            .iter()
            .filter(|m| self.measures.contains(m))
            .cloned()
            .collect();
        out.extend(self.measures.iter().filter(|m| !m.counts_people()).cloned());
        out
    }
}

/// A file format written one record at a time. Records may be serialized on several threads;
/// each is written with its separator in front, and the separator of the very first record
/// is dropped by the writer.
pub trait RecordFormat: Sync {
    fn header(&self, out: &mut Vec<u8>);
    /// The bytes before every record but the first.
    fn separator(&self) -> &'static [u8] {
        b""
    }
    /// Writes the separator and one record.
    fn record(&self, incident: &Incident, out: &mut Vec<u8>);
    /// `any`: whether at least one record was written; `written`: what the records were.
    fn footer(&self, any: bool, written: &Summary, out: &mut Vec<u8>);
}

/// JSON Lines: incimap's own form, one incident per line (round-trips exactly).
pub struct JsonLinesFormat;

impl RecordFormat for JsonLinesFormat {
    fn header(&self, _out: &mut Vec<u8>) {}
    fn record(&self, incident: &Incident, out: &mut Vec<u8>) {
        json_line(incident, out);
    }
    fn footer(&self, _any: bool, _written: &Summary, _out: &mut Vec<u8>) {}
}

/// One JSON Lines line: `value` in compact JSON and a newline (nothing when it cannot be
/// serialized, which the model's types never are: strings, numbers, lists, string maps).
pub fn json_line<T: serde::Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) {
    if serde_json::to_writer(&mut *out, value).is_ok() {
        out.push(b'\n');
    }
}

/// Writes incidents as JSON Lines, one per line, in the given order (the bytes of
/// [`JsonLinesFormat`]).
///
/// ```
/// let incidents = incimap::ingest::example_incidents().incidents;
/// let mut out = Vec::new();
/// incimap::export::write_jsonl(&incidents, &mut out).unwrap();
/// let again = incimap::ingest::read_jsonl(std::str::from_utf8(&out).unwrap(), "-");
/// assert!(again.rejected.is_empty());
/// assert_eq!(again.incidents, incidents);
/// ```
pub fn write_jsonl<W: Write>(incidents: &[Incident], mut out: W) -> std::io::Result<()> {
    let mut line = Vec::new();
    for incident in incidents {
        line.clear();
        json_line(incident, &mut line);
        out.write_all(&line)?;
    }
    out.flush()
}

/// CSV: the columns of `src/export/csv.rs`.
pub struct CsvFormat {
    pub measures: Vec<Measure>,
}

impl RecordFormat for CsvFormat {
    fn header(&self, out: &mut Vec<u8>) {
        super::csv::csv_header(&self.measures, out);
    }
    fn record(&self, incident: &Incident, out: &mut Vec<u8>) {
        super::csv::csv_row(incident, &self.measures, out);
    }
    fn footer(&self, _any: bool, _written: &Summary, _out: &mut Vec<u8>) {}
}

/// Where a streamed export goes ([`super::Destination`]): standard output, a special file written
/// as it is, or a temporary file beside the target that replaces it when [`Sink::commit`] is
/// called (dropped without commit: removed).
pub struct Sink {
    target: PathBuf,
    temp: Option<TempFile>,
    out: BufWriter<Box<dyn Write + Send>>,
}

impl Sink {
    pub fn create(target: &Path) -> Result<Sink> {
        Sink::with_buffer(target, 1 << 20)
    }

    /// A sink with a write buffer of `bytes` (small for writers that write large blocks
    /// themselves and keep many files open, such as the partitioned GeoParquet export).
    pub fn with_buffer(target: &Path, bytes: usize) -> Result<Sink> {
        let opened = super::target::open(target)?;
        Ok(Sink {
            target: target.to_path_buf(),
            temp: opened.temp,
            out: BufWriter::with_capacity(bytes, opened.out),
        })
    }

    pub fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(|source| Error::Write {
            path: self.target.clone(),
            source,
        })
    }

    /// The path this sink writes (what error messages name).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flushes (a full disk or `/dev/full` fails here at the latest), syncs and renames the
    /// temporary file over the target: the same steps as a [`super::Batch`] of one file.
    pub fn commit(mut self) -> Result<()> {
        let wrap = |source| Error::Write {
            path: self.target.clone(),
            source,
        };
        self.out.flush().map_err(wrap)?;
        if let Some(temp) = self.temp.take() {
            // Close the file before the rename.
            drop(std::mem::replace(
                &mut self.out,
                BufWriter::new(Box::new(std::io::sink())),
            ));
            temp.sync().map_err(wrap)?;
            temp.persist().map_err(wrap)?;
        }
        Ok(())
    }
}

/// For writers that take any [`Write`] (the GeoParquet writer): the bytes go through the
/// buffer and, for a regular file, into the temporary file that [`Sink::commit`] renames.
impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.out.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
