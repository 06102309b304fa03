//! Stages 1–3 streamed: read → decode → geocode → filter → export, on every core, without
//! holding the table in memory. In: [`Inputs`] (files, directories, how to read, filter and
//! merge them) and [`Settings`]; out: a [`PassResult`] (what was read, rejected, not located,
//! filtered out) and, for [`export()`], the written file.
//!
//! One thread reads the inputs in order and cuts them into chunks of raw rows
//! (`ingest::stream`); worker threads decode, geocode, filter and serialize each chunk into
//! bytes (`work.rs`); the calling thread puts the chunks back in input order and writes them
//! (`ordered.rs`). Channels
//! are bounded, so memory stays flat however long the input is: at most a few chunks are in
//! flight. [`run_pass`] writes through a format ([`Output::Write`]), hands the incidents back
//! in input order ([`Output::Collect`], for a map; [`Output::Each`] one at a time, for a
//! map aggregated as it reads: [`map_streamed`]), or only gathers the [`Summary`]
//! ([`Output::Nothing`], the first pass of the formats whose header needs it). A whole export
//! (one or two passes, or every incident held to merge or sort; the `errors` file
//! ([`Inputs::errors`]) written beside) is
//! [`export()`]:
//!
//! ```
//! use incimap::export::ExportFormat;
//! use incimap::pipeline::{export, ExportOptions, Inputs, Settings};
//! use incimap::Gazetteer;
//!
//! let dir = std::env::temp_dir().join(format!("incimap-doc-{}", std::process::id()));
//! let options = ExportOptions {
//!     input: Inputs::new(Vec::new()), // no inputs: the embedded example
//!     output: dir.join("incidents.csv"),
//!     format: ExportFormat::Csv,
//!     flat: false,
//!     pretty: false,
//!     sorted: true,
//!     partition_by: None,
//! };
//! let settings = Settings::new(&options.input, Gazetteer::builtin(), false);
//! let (result, _merged) = export(&options, &settings, &mut |_passes| {})?;
//! assert_eq!(result.kept, result.read);
//! let csv = std::fs::read_to_string(dir.join("incidents.csv"))?;
//! assert_eq!(csv.lines().count() as u64, 1 + result.kept);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use crate::error::{RecordError, Result};
use crate::export::{Encoded, Encoder, RecordFormat, Sink, Summary};
use crate::geocode::Unresolved;
use crate::ingest::stream::{read_file_chunks, Chunk, Decoder, Raw};
use crate::ingest::{example_incidents, BytesInput, Rejected};
use crate::model::{Incident, Reported};

mod export;
mod geoparquet;
mod map;
mod options;
mod ordered;
mod origin;
mod work;
pub use export::{must_merge, rejected_csv};
pub use map::{map_streamed, map_streamed_with, InMemoryReason, MapExtras, MapRun};
pub use options::{BytesRead, ExportOptions, Inputs, Settings};
use ordered::Ordered;

/// Fails before any output is opened when a named input does not exist (a typo must not
/// overwrite yesterday's output with an empty file). `-` is standard input.
pub fn check_inputs(inputs: &[std::path::PathBuf]) -> Result<()> {
    for path in inputs.iter().filter(|p| !crate::ingest::stdin::is_stdin(p)) {
        if let Err(err) = std::fs::metadata(path) {
            let file = path.display().to_string();
            let error = crate::error::RecordError::new(file, None, format!("cannot read: {err}"));
            return Err(error.into());
        }
    }
    Ok(())
}

/// An export: streams (a summary pass first when the format needs one, then
/// the writing pass), or, to sort (`sorted`) or merge, holds everything. Writes the rejected
/// records to `errors` when asked. `on_start` is told how many times the inputs will be read
/// before the first record is (a progress bar's total). The result's errors are those of one
/// pass; the explanation says what was merged.
pub fn export(
    config: &ExportOptions,
    settings: &Settings<'_>,
    on_start: &mut dyn FnMut(u64),
) -> Result<(PassResult, crate::model::MergeExplanation)> {
    match config.format {
        crate::export::ExportFormat::GeoParquet => geoparquet::export(config, settings, on_start),
        _ => export::export_records(config, settings, on_start),
    }
}

/// Rows per chunk: large enough to amortize the hand-offs, small enough to keep memory low.
pub const CHUNK_ROWS: usize = 2048;

/// What one pass did.
#[derive(Debug, Default)]
pub struct PassResult {
    pub files: usize,
    /// Records that became incidents.
    pub read: u64,
    /// Incidents located and kept by the filter (= written).
    pub kept: u64,
    pub filtered_out: u64,
    pub rejected: Vec<Rejected>,
    /// Incidents not located, each reduced to its id, title, dates and place (its whole
    /// record is in `unlocated`).
    pub unresolved: Vec<Unresolved>,
    /// The records of `unresolved` as rejected records (raw record, reason), for the `errors`
    /// file ([`Inputs::errors`]).
    pub unlocated: Vec<Rejected>,
    /// Notes about the input that lose no record (a column's date order, a range widened, a
    /// table without a figure column).
    pub warnings: Vec<RecordError>,
    pub summary: Summary,
}

struct Done {
    seq: u64,
    bytes: Vec<u8>,
    /// The kept incidents as record batches, when the pass encodes them.
    encoded: Option<Result<Encoded>>,
    /// The located, kept incidents themselves (with where each was read), when the pass
    /// collects them.
    kept: Vec<Reported>,
    result: PassResult,
}

/// Where a pass puts what it keeps.
pub enum Output<'o> {
    /// Nothing: the pass only gathers the [`Summary`].
    Nothing,
    /// Serialized through the format into the sink.
    Write(&'o dyn RecordFormat, &'o mut Sink),
    /// The incidents themselves, in input order.
    Collect(&'o mut Vec<Incident>),
    /// The incidents with where each was read, in input order (for the merge stage).
    Reports(&'o mut Vec<Reported>),
    /// Each incident handed over in input order, none held (a map aggregated as it reads).
    Each(&'o mut dyn FnMut(Incident)),
    /// Each chunk encoded as record batches by the workers, handed to the writer in input
    /// order (the GeoParquet export). The pass stops at the first error.
    Encode(&'o Encoder, &'o mut dyn FnMut(Encoded) -> Result<()>),
}

/// Runs one pass over `inputs` (none: the embedded example). The records kept go to
/// `output` in input order: written through a format (header and footer included), or
/// collected.
pub fn run_pass(
    inputs: &Inputs,
    settings: &Settings<'_>,
    output: Output<'_>,
) -> Result<PassResult> {
    run_pass_over(&|emit| read_all(inputs, settings, emit), settings, output)
}

/// [`run_pass`] over bytes a library caller holds (one input, its format told from its
/// content: [`BytesInput`]), e.g. the Python package's `read_bytes`.
///
/// ```
/// use incimap::ingest::BytesInput;
/// use incimap::pipeline::{run_pass_on_bytes, Inputs, Output, Settings};
///
/// let input = BytesInput::new(b"date,place,country\n2020-05-09,Suluk,SY\n", "pasted");
/// let settings = Settings::new(&Inputs::default(), incimap::Gazetteer::builtin(), false);
/// let mut incidents = Vec::new();
/// let result = run_pass_on_bytes(&input, &settings, Output::Collect(&mut incidents))?;
/// assert_eq!((result.files, incidents.len()), (1, 1));
/// # Ok::<(), incimap::Error>(())
/// ```
pub fn run_pass_on_bytes(
    input: &BytesInput<'_>,
    settings: &Settings<'_>,
    output: Output<'_>,
) -> Result<PassResult> {
    let read =
        |emit: &mut dyn FnMut(Chunk) -> bool| input.read_chunks(&settings.read, CHUNK_ROWS, emit);
    run_pass_over(&read, settings, output)
}

/// Hands the chunks of an input on (stopping when the receiver returns false); returns how
/// many files it read.
type ReadChunks<'r> = dyn Fn(&mut dyn FnMut(Chunk) -> bool) -> usize + Sync + 'r;

/// A pass over the chunks `read` hands on: read on one thread, decoded and located on
/// `settings.threads` workers, handed to `output` in input order.
fn run_pass_over(
    read: &ReadChunks<'_>,
    settings: &Settings<'_>,
    output: Output<'_>,
) -> Result<PassResult> {
    let mut ordered = Ordered::of(output);
    let work_output = ordered.work_output();
    let threads = settings.threads.max(1);
    let (job_tx, job_rx) = sync_channel::<(u64, Chunk)>(threads * 2);
    let (done_tx, done_rx) = sync_channel::<Done>(threads * 2);
    let job_rx = Arc::new(Mutex::new(job_rx));
    // Written byte buffers go back to the workers: no large allocation per chunk, and the
    // memory of a buffer stays with whoever reuses it.
    let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    let stop = AtomicBool::new(false);
    let mut total = PassResult::default();

    std::thread::scope(|scope| -> Result<()> {
        let reader = scope.spawn(|| {
            let mut seq = 0u64;
            let mut emit = |chunk: Chunk| {
                let sent = !stop.load(Ordering::Relaxed) && job_tx.send((seq, chunk)).is_ok();
                seq += 1;
                sent
            };
            let files = read(&mut emit);
            drop(job_tx);
            files
        });
        for _ in 0..threads {
            let (job_rx, done_tx, spare) = (Arc::clone(&job_rx), done_tx.clone(), &spare);
            scope.spawn(move || work::work(&job_rx, &done_tx, spare, settings, work_output));
        }
        drop(done_tx);
        let outcome = ordered.take(&done_rx, &spare, threads * 2, &mut total);
        if outcome.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        drop(done_rx);
        outcome?;
        total.files = reader.join().unwrap_or_default();
        Ok(())
    })?;
    Ok(total)
}

/// Adds what one chunk did to the pass's totals.
fn absorb(total: &mut PassResult, part: PassResult) {
    total.read += part.read;
    total.kept += part.kept;
    total.filtered_out += part.filtered_out;
    total.rejected.extend(part.rejected);
    total.unresolved.extend(part.unresolved);
    total.unlocated.extend(part.unlocated);
    total.warnings.extend(part.warnings);
    total.summary.merge(part.summary);
}

/// The reader: every input in order (a directory's files one by one), cut into chunks.
/// Returns how many files it read (1 for the embedded example).
fn read_all(
    inputs: &Inputs,
    settings: &Settings<'_>,
    emit: &mut dyn FnMut(Chunk) -> bool,
) -> usize {
    if inputs.inputs.is_empty() {
        let loaded = example_incidents();
        let rows = loaded
            .incidents
            .into_iter()
            .map(|i| Raw::Ready(Box::new(i)))
            .collect();
        emit(Chunk {
            label: "<embedded example>".into(),
            decoder: Arc::new(Decoder::Ready),
            rows,
        });
        return 1;
    }
    let mut files = 0;
    for input in inputs.files() {
        files += 1;
        match input {
            Ok(path) => read_file_chunks(
                path,
                &settings.read,
                CHUNK_ROWS,
                settings.progress.counter(),
                emit,
            ),
            Err(error) => {
                let chunk = Chunk {
                    label: error.file.clone().into(),
                    decoder: Arc::new(Decoder::Ready),
                    rows: vec![Raw::Rejected(error.clone().into())],
                };
                if !emit(chunk) {
                    return files;
                }
            }
        }
    }
    files
}
