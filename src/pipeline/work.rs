//! Stage 1–2 of a pass, on the worker threads: each chunk of raw records decoded, located
//! (geocoded), filtered, and made into what the pass puts out — bytes through a format,
//! record batches through an encoder, and/or the incidents themselves with where each was
//! read — sent back with the chunk's number to be put in input order ([`super::ordered`]).

use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::Mutex;

use crate::error::RecordError;
use crate::export::{Encoder, RecordFormat};
use crate::geocode::{geocode_one, Unresolved};
use crate::ingest::stream::{Chunk, Raw};
use crate::ingest::Rejected;
use crate::model::{Incident, Reported};

use super::{origin, Done, PassResult, Settings};

/// Decodes and locates one raw record. A record that cannot be decoded goes to `rejected`;
/// one that cannot be located to `unresolved` and, with its raw record and the reason, to
/// `unlocated` (so the `errors` file holds it too).
fn decode_and_locate(
    chunk: &Chunk,
    raw: Raw,
    settings: &Settings<'_>,
    result: &mut PassResult,
) -> Option<Incident> {
    let decoded = match raw {
        Raw::Warning(warning) => {
            result.warnings.push(warning);
            return None;
        }
        Raw::Row(_) | Raw::Line(..) => chunk
            .decode_row(&raw, &settings.read, &mut result.warnings)
            .map(|incident| (incident, Some(raw))),
        other => chunk
            .decode(other, &settings.read, &mut result.warnings)
            .map(|incident| (incident, None)),
    };
    let (incident, raw) = match decoded {
        Ok((Some(incident), raw)) => (incident, raw),
        Ok((None, _)) => return None,
        Err(rejected) => {
            result.rejected.push(rejected);
            return None;
        }
    };
    result.read += 1;
    match geocode_one(incident, settings.gazetteer, &settings.context) {
        Ok(incident) => Some(incident),
        Err(unresolved) => {
            let line = match &raw {
                Some(Raw::Row(record)) => record.position().map(|p| p.line()),
                Some(Raw::Line(line, _)) => Some(*line),
                _ => None,
            };
            let record = match &raw {
                Some(raw) => chunk.record_text(raw),
                None => serde_json::to_string(&unresolved.incident).ok(),
            };
            let message = format!("not located: {}", unresolved.reason);
            let error = RecordError::new(&*chunk.label, line, message).in_column("place");
            result.unlocated.push(Rejected { error, record });
            let Unresolved { incident, reason } = *unresolved;
            result.unresolved.push(Unresolved {
                incident: named(incident),
                reason,
            });
            None
        }
    }
}

/// An unlocated incident as a pass keeps it: its id, title, dates and place (its whole
/// record is kept in `unlocated`), so that a long input's unlocated incidents take little
/// memory.
fn named(incident: Incident) -> Incident {
    let Incident {
        id,
        title,
        date,
        place,
        ..
    } = incident;
    Incident::new(id, title, date, place)
}

/// What a worker makes of the kept incidents: bytes through a format, record batches
/// through an encoder, and/or the incidents themselves.
#[derive(Clone, Copy)]
pub(super) struct WorkOutput<'a> {
    pub format: Option<&'a dyn RecordFormat>,
    pub encoder: Option<&'a Encoder>,
    pub collect: bool,
}

/// A worker: decode, geocode, filter, serialize, until the chunks run out.
pub(super) fn work(
    jobs: &Mutex<Receiver<(u64, Chunk)>>,
    done: &SyncSender<Done>,
    spare: &Mutex<Vec<Vec<u8>>>,
    settings: &Settings<'_>,
    output: WorkOutput<'_>,
) {
    let WorkOutput {
        format,
        encoder,
        collect,
    } = output;
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, mut chunk)) = job else {
            return;
        };
        let mut result = PassResult::default();
        let mut bytes = spare
            .lock()
            .ok()
            .and_then(|mut s| s.pop())
            .unwrap_or_default();
        bytes.clear();
        let mut kept = Vec::new();
        let mut to_encode = Vec::new();
        for raw in std::mem::take(&mut chunk.rows) {
            let line = origin::line_of(&raw);
            let Some(incident) = decode_and_locate(&chunk, raw, settings, &mut result) else {
                continue;
            };
            if !settings.filter.matches(&incident) {
                result.filtered_out += 1;
                continue;
            }
            result.kept += 1;
            result.summary.add(&incident);
            if let Some(format) = format {
                format.record(&incident, &mut bytes);
            }
            if collect {
                let origin = origin::origin_of(&chunk, line, &incident);
                kept.push(Reported { incident, origin });
            } else if encoder.is_some() {
                to_encode.push(incident);
            }
        }
        let encoded = encoder.map(|e| e.encode(&to_encode));
        let done_chunk = Done {
            seq,
            bytes,
            encoded,
            kept,
            result,
        };
        if done.send(done_chunk).is_err() {
            return;
        }
    }
}
