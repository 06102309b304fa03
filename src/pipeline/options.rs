//! What a pass or an export is asked to do, as library values (the binary's command line
//! validates its flags into these; a binding builds them directly).

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use crate::error::{DateHint, RecordError};
use crate::export::{ExportFormat, PartitionKey};
use crate::filter::Filter;
use crate::gazetteer::{Context, Gazetteer};
use crate::ingest::ReadOptions;
use crate::merge::MergeMode;

/// The inputs of a run and how to read, filter and merge them.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Files or directories (none: the embedded example set).
    pub inputs: Vec<PathBuf>,
    /// ISO 3166-1 alpha-2 context for place names without a country.
    pub country: Option<String>,
    pub filter: Filter,
    pub read: ReadOptions,
    /// Where the rejected and unlocated records go as CSV, when asked.
    pub errors: Option<PathBuf>,
    /// How that file's reasons word a date hint (the binary: with its flag); `None`: the
    /// library's words ([`DateHint`]'s `Display`).
    pub hint_words: Option<fn(DateHint) -> String>,
    /// Which reports of one event merge (articles only by default).
    pub merge: MergeMode,
    /// The files the inputs name, walked once per run ([`Inputs::files`]).
    files: OnceLock<Vec<Result<PathBuf, RecordError>>>,
}

impl Inputs {
    /// These files or directories, read with the default options, merged as articles are.
    pub fn new(inputs: Vec<PathBuf>) -> Inputs {
        Inputs {
            inputs,
            ..Inputs::default()
        }
    }

    /// Every file the inputs name, in order, each once (a directory's supported files,
    /// sorted), with the problems of the walk in their place
    /// ([`crate::ingest::expand_inputs`]). The directories are walked on the first call
    /// only: every later look (clashes, merging, headers, progress, the passes) sees the
    /// same files.
    pub fn files(&self) -> &[Result<PathBuf, RecordError>] {
        self.files
            .get_or_init(|| crate::ingest::expand_inputs(&self.inputs))
    }
}

/// An export: the inputs, the output file (or folder, partitioned) and its form.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub input: Inputs,
    /// The output file, `-` for standard output, or the folder of a partitioned GeoParquet.
    pub output: PathBuf,
    pub format: ExportFormat,
    /// GeoJSON without the nested figures/sources/mentions properties.
    pub flat: bool,
    /// GeoJSON indented rather than one feature per line.
    pub pretty: bool,
    /// Sorted by date, then id, holding every incident in memory.
    pub sorted: bool,
    /// GeoParquet in Hive-style partitions under the output folder.
    pub partition_by: Option<PartitionKey>,
}

/// How a pass reads, locates and filters.
pub struct Settings<'a> {
    pub read: ReadOptions,
    pub filter: Filter,
    pub context: Context,
    pub gazetteer: &'a Gazetteer,
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Bytes read so far, for a progress bar.
    pub progress: BytesRead,
}

impl<'a> Settings<'a> {
    /// The settings of a pass over `input`: its reading options (articles read with
    /// `gazetteer` and the country context), its filter (none with `filter_later`, for a
    /// caller that filters once reports are merged), on every core.
    pub fn new(input: &Inputs, gazetteer: &'a Gazetteer, filter_later: bool) -> Settings<'a> {
        Settings {
            read: ReadOptions {
                places: Some(crate::extract::PlaceIndex::new(gazetteer)),
                country: input.country.clone(),
                ..input.read.clone()
            },
            filter: match filter_later {
                true => Filter::default(),
                false => input.filter.clone(),
            },
            context: Context::country(input.country.as_deref()),
            gazetteer,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            progress: BytesRead::default(),
        }
    }
}

/// The bytes a pass has read so far, shared with whoever draws a progress bar.
#[derive(Debug, Clone, Default)]
pub struct BytesRead(Arc<AtomicU64>);

impl BytesRead {
    /// Bytes read so far (by every pass that shares this counter).
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    /// The counter the reader adds to.
    pub(super) fn counter(&self) -> &AtomicU64 {
        &self.0
    }
}
