//! Stage 3 of a pass, on the calling thread: the chunks the workers made
//! ([`super::work`]) put back in input order and handed to where the pass puts what it keeps
//! — a format's document in a sink (header first, footer last), the incidents collected or
//! handed over one at a time, record batches written — with the totals of what was read.

use std::collections::BTreeMap;
use std::sync::mpsc::Receiver;
use std::sync::Mutex;

use crate::error::Result;
use crate::export::{Encoded, Encoder, RecordFormat, RecordWriter, Sink};
use crate::model::{Incident, Reported};

use super::work::WorkOutput;
use super::{absorb, Done, Output, PassResult};

/// Where a pass puts the chunks, in input order (an [`Output`] taken apart).
pub(super) struct Ordered<'o> {
    write: Option<(&'o dyn RecordFormat, &'o mut Sink)>,
    collected: Option<&'o mut Vec<Incident>>,
    reports: Option<&'o mut Vec<Reported>>,
    each: Option<&'o mut dyn FnMut(Incident)>,
    encoder: Option<&'o Encoder>,
    encoded: Option<&'o mut dyn FnMut(Encoded) -> Result<()>>,
}

impl<'o> Ordered<'o> {
    pub fn of(output: Output<'o>) -> Ordered<'o> {
        let mut ordered = Ordered {
            write: None,
            collected: None,
            reports: None,
            each: None,
            encoder: None,
            encoded: None,
        };
        match output {
            Output::Nothing => {}
            Output::Write(format, sink) => ordered.write = Some((format, sink)),
            Output::Collect(into) => ordered.collected = Some(into),
            Output::Reports(into) => ordered.reports = Some(into),
            Output::Each(each) => ordered.each = Some(each),
            Output::Encode(encoder, write) => {
                ordered.encoder = Some(encoder);
                ordered.encoded = Some(write);
            }
        }
        ordered
    }

    /// What the workers make of the kept incidents for this output.
    pub fn work_output(&self) -> WorkOutput<'o> {
        WorkOutput {
            format: self.write.as_ref().map(|(format, _)| *format),
            encoder: self.encoder,
            collect: self.collected.is_some() || self.reports.is_some() || self.each.is_some(),
        }
    }

    /// Takes the chunks from `done` until the workers stop, puts them in input order and
    /// hands them on; the written byte buffers go back to `spare` (up to `keep_spare`).
    /// Stops at the first error.
    pub fn take(
        &mut self,
        done: &Receiver<Done>,
        spare: &Mutex<Vec<Vec<u8>>>,
        keep_spare: usize,
        total: &mut PassResult,
    ) -> Result<()> {
        let mut writer = match self.write.as_mut() {
            Some((format, sink)) => {
                let mut header = Vec::new();
                let writer = RecordWriter::start(*format, &mut header);
                sink.write_all(&header)?;
                Some(writer)
            }
            None => None,
        };
        let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
        let mut next = 0u64;
        for chunk in done.iter() {
            pending.insert(chunk.seq, chunk);
            while let Some(chunk) = pending.remove(&next) {
                next += 1;
                if let (Some(writer), Some((_, sink))) = (writer.as_mut(), self.write.as_mut()) {
                    sink.write_all(writer.records(&chunk.bytes))?;
                }
                let bytes = self.hand_on(chunk, total)?;
                if let Ok(mut spare) = spare.lock() {
                    if spare.len() < keep_spare {
                        spare.push(bytes);
                    }
                }
            }
        }
        if let (Some(writer), Some((_, sink))) = (writer, self.write.as_mut()) {
            let mut footer = Vec::new();
            writer.finish(&total.summary, &mut footer);
            sink.write_all(&footer)?;
        }
        Ok(())
    }

    /// Hands one chunk's incidents or record batches on, and adds what it read to `total`;
    /// returns its byte buffer, to be reused.
    fn hand_on(&mut self, chunk: Done, total: &mut PassResult) -> Result<Vec<u8>> {
        if let Some(into) = self.collected.as_mut() {
            into.extend(chunk.kept.into_iter().map(|r| r.incident));
        } else if let Some(into) = self.reports.as_mut() {
            into.extend(chunk.kept);
        } else if let Some(each) = self.each.as_mut() {
            chunk.kept.into_iter().for_each(|r| each(r.incident));
        }
        if let (Some(write), Some(encoded)) = (self.encoded.as_mut(), chunk.encoded) {
            write(encoded?)?;
        }
        absorb(total, chunk.result);
        Ok(chunk.bytes)
    }
}
