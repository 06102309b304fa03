//! The one place that lays records out in a document: the format's header, each record's
//! leading separator (dropped for the first record), and the footer with what was written.
//! The streamed passes (chunks serialized by worker threads), the held exports and the map's
//! GeoJSON all go through it, so a document's framing is written once.

use std::io::Write;

use super::stream::{RecordFormat, Summary};
use crate::model::Incident;

/// A document being laid out, as a small state machine (as georust's `FeatureWriter`): the
/// header first, then records, each after its separator but the first, then the footer.
pub struct RecordWriter<'f> {
    format: &'f dyn RecordFormat,
    any: bool,
}

impl<'f> RecordWriter<'f> {
    /// Starts a document: its header goes into `out`.
    pub fn start(format: &'f dyn RecordFormat, out: &mut Vec<u8>) -> RecordWriter<'f> {
        format.header(out);
        RecordWriter { format, any: false }
    }

    /// Records already serialized by [`RecordFormat::record`] (each after its separator, as
    /// the workers make them): the part to write, without the first record's separator.
    pub fn records<'b>(&mut self, bytes: &'b [u8]) -> &'b [u8] {
        if bytes.is_empty() {
            return bytes;
        }
        let skip = if self.any {
            0
        } else {
            self.format.separator().len()
        };
        self.any = true;
        bytes.get(skip..).unwrap_or_default()
    }

    /// One record into `out` (nothing for an incident the format leaves out, such as one
    /// without coordinates in GeoJSON).
    pub fn record(&mut self, incident: &Incident, out: &mut Vec<u8>) {
        let start = out.len();
        self.format.record(incident, out);
        if !self.any && out.len() > start {
            let end = (start + self.format.separator().len()).min(out.len());
            out.drain(start..end);
            self.any = true;
        }
    }

    /// Ends the document: the footer (which may sum up `written`) into `out`.
    pub fn finish(self, written: &Summary, out: &mut Vec<u8>) {
        self.format.footer(self.any, written, out);
    }
}

/// Writes a whole document of `incidents` through `format` into `out`, about 64 KiB at a
/// time: a document of 100,000 incidents is never held in memory whole.
pub fn write_document<'i>(
    format: &dyn RecordFormat,
    incidents: impl IntoIterator<Item = &'i Incident>,
    written: &Summary,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    /// Bytes gathered before they are handed to `out`.
    const PIECE_BYTES: usize = 1 << 16;
    let mut piece = Vec::with_capacity(2 * PIECE_BYTES);
    let mut writer = RecordWriter::start(format, &mut piece);
    for incident in incidents {
        writer.record(incident, &mut piece);
        if piece.len() >= PIECE_BYTES {
            out.write_all(&piece)?;
            piece.clear();
        }
    }
    writer.finish(written, &mut piece);
    out.write_all(&piece)
}
