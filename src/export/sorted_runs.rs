//! Stage 3, export: records sorted by (date, id) in flat memory — an external merge sort.
//!
//! Records (bytes, each behind its key) are held until they reach a budget, then sorted
//! stably (records with equal keys keep the order they came in) and spilled as a run to a
//! temporary file beside the output ([`TempFile`]: named `.NAME.runK.PID.tmp`, removed when
//! dropped — on success, on an error, and by the signal handler). A run is a sequence of
//! blocks of about 32 KiB, each compressed on its own with zstd (level 1), so that reading a
//! run back holds one block of it. [`SortedRuns::for_each`] merges the runs with a heap of each
//! run's next record; on equal keys the earlier run goes first, so the merge is as stable as
//! one sort in memory. While there are more than [`MAX_FAN_IN`] runs, just enough of the
//! oldest are first merged into one (each merged once at most): memory holds at most that
//! many blocks however many records there are.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use super::temp::TempFile;
use crate::model::Date;

/// Runs merged at once; more are first merged into one, oldest first.
pub const MAX_FAN_IN: usize = 512;
/// Bytes of a run's block before it is compressed.
const BLOCK_BYTES: usize = 32 << 10;

/// A record's key, in the order of the in-memory sort: the date, then the id's bytes.
type Key = (Date, Vec<u8>);

/// A record held in memory: its date, and where its id and its bytes lie in the buffer.
type Held = (Date, (usize, usize), (usize, usize));

/// Records being sorted (see the module documentation).
pub struct SortedRuns {
    target: PathBuf,
    run_bytes: usize,
    /// The records not yet spilled: their bytes, and (date, id, record) ranges into them.
    bytes: Vec<u8>,
    entries: Vec<Held>,
    runs: Vec<TempFile>,
    made: usize,
}

impl SortedRuns {
    /// Records for the output `target` (runs are made in its folder), spilled every
    /// `run_bytes` bytes of records.
    pub fn new(target: &Path, run_bytes: usize) -> SortedRuns {
        SortedRuns {
            target: target.to_path_buf(),
            run_bytes: run_bytes.max(1),
            bytes: Vec::new(),
            entries: Vec::new(),
            runs: Vec::new(),
            made: 0,
        }
    }

    /// Adds a record with key (`date`, `id`), written by `fill` (which may write nothing: no
    /// record then).
    pub fn push_with(
        &mut self,
        date: Date,
        id: &str,
        fill: impl FnOnce(&mut Vec<u8>),
    ) -> std::io::Result<()> {
        if self.bytes.capacity() == 0 {
            // The whole budget at once: a buffer that doubles as it fills would take twice.
            self.bytes
                .reserve_exact(self.run_bytes.min(1 << 30) + (1 << 20));
        }
        let id_start = self.bytes.len();
        self.bytes.extend_from_slice(id.as_bytes());
        let start = self.bytes.len();
        fill(&mut self.bytes);
        if self.bytes.len() == start {
            self.bytes.truncate(id_start);
            return Ok(());
        }
        let ranges = ((id_start, start), (start, self.bytes.len()));
        self.entries.push((date, ranges.0, ranges.1));
        if self.bytes.len() >= self.run_bytes {
            self.spill()?;
        }
        Ok(())
    }

    /// Spills the records held as a run when some runs are on disk already (records that
    /// never filled a run stay in memory); for a caller about to need its memory elsewhere.
    pub fn spill_held(&mut self) -> std::io::Result<()> {
        if self.runs.is_empty() {
            return Ok(());
        }
        if !self.entries.is_empty() {
            self.spill()?;
        }
        // The run buffer goes too (it is made again if more records come).
        self.bytes = Vec::new();
        Ok(())
    }

    /// How many runs were spilled to disk so far.
    pub fn runs(&self) -> usize {
        self.made
    }

    /// Hands every record to `visit` in key order (equal keys in the order they came in).
    pub fn for_each(
        mut self,
        visit: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        if self.runs.is_empty() {
            self.sort_held();
            for (_, _, (start, end)) in &self.entries {
                visit(&self.bytes[*start..*end])?;
            }
            return Ok(());
        }
        if !self.entries.is_empty() {
            self.spill()?;
        }
        (self.bytes, self.entries) = (Vec::new(), Vec::new());
        // Just enough of the oldest runs not merged yet are merged into one, in place, for the
        // rest to be merged at once.
        let mut at = 0;
        while self.runs.len() > MAX_FAN_IN {
            let count = (self.runs.len() - MAX_FAN_IN + 1)
                .min(MAX_FAN_IN)
                .min(self.runs.len() - at);
            let oldest: Vec<TempFile> = self.runs.drain(at..at + count).collect();
            let (temp, file) = self.new_run()?;
            let mut out = RunWriter::new(file)?;
            merge(&oldest, &mut |key, record| out.push(&key.0, &key.1, record))?;
            out.finish()?;
            drop(oldest);
            self.runs.insert(at, temp);
            at += 1;
        }
        merge(&self.runs, &mut |_, record| visit(record))
    }

    /// Sorts the records held, stably, by key.
    fn sort_held(&mut self) {
        let bytes = &self.bytes;
        self.entries
            .sort_by(|a, b| (a.0, &bytes[a.1 .0..a.1 .1]).cmp(&(b.0, &bytes[b.1 .0..b.1 .1])));
    }

    /// Writes the records held as a run, in key order, and lets them go.
    fn spill(&mut self) -> std::io::Result<()> {
        self.sort_held();
        let (temp, file) = self.new_run()?;
        let mut out = RunWriter::new(file)?;
        for (date, (id0, id1), (start, end)) in &self.entries {
            out.push(date, &self.bytes[*id0..*id1], &self.bytes[*start..*end])?;
        }
        out.finish()?;
        self.runs.push(temp);
        self.bytes.clear();
        self.entries.clear();
        Ok(())
    }

    fn new_run(&mut self) -> std::io::Result<(TempFile, File)> {
        let name = self
            .target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.made += 1;
        let path = self
            .target
            .with_file_name(format!("{name}.run{}", self.made));
        // The output's folder is made when the first run is (the output is staged there later).
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        TempFile::create(&path)
    }
}

/// Merges `runs` (each in key order) into one key order, the earlier run first on a tie.
fn merge(
    runs: &[TempFile],
    visit: &mut dyn FnMut(&Key, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut readers = runs
        .iter()
        .map(|run| RunReader::open(run.path()))
        .collect::<std::io::Result<Vec<RunReader>>>()?;
    let mut decompressor = zstd::bulk::Decompressor::new()?;
    let mut heap: BinaryHeap<Reverse<(Key, usize)>> = BinaryHeap::new();
    for (k, reader) in readers.iter_mut().enumerate() {
        if let Some(key) = reader.next(&mut decompressor, Vec::new())? {
            heap.push(Reverse((key, k)));
        }
    }
    while let Some(Reverse((key, k))) = heap.pop() {
        let reader = &mut readers[k];
        visit(&key, reader.record())?;
        if let Some(next) = reader.next(&mut decompressor, key.1)? {
            heap.push(Reverse((next, k)));
        }
    }
    Ok(())
}

/// A run being written: records laid out as `year (i32) month day id-length id
/// record-length record` (lengths as u32, all little-endian) into blocks, each written as
/// `compressed-length raw-length bytes`.
struct RunWriter {
    out: BufWriter<File>,
    block: Vec<u8>,
    compressor: zstd::bulk::Compressor<'static>,
}

impl RunWriter {
    fn new(file: File) -> std::io::Result<RunWriter> {
        Ok(RunWriter {
            out: BufWriter::with_capacity(1 << 16, file),
            block: Vec::with_capacity(2 * BLOCK_BYTES),
            compressor: zstd::bulk::Compressor::new(1)?,
        })
    }

    fn push(&mut self, date: &Date, id: &[u8], record: &[u8]) -> std::io::Result<()> {
        let block = &mut self.block;
        block.extend_from_slice(&date.year.to_le_bytes());
        block.extend_from_slice(&[date.month, date.day]);
        block.extend_from_slice(&length(id.len())?.to_le_bytes());
        block.extend_from_slice(id);
        block.extend_from_slice(&length(record.len())?.to_le_bytes());
        block.extend_from_slice(record);
        if block.len() >= BLOCK_BYTES {
            self.write_block()?;
        }
        Ok(())
    }

    fn write_block(&mut self) -> std::io::Result<()> {
        if self.block.is_empty() {
            return Ok(());
        }
        let compressed = self.compressor.compress(&self.block)?;
        self.out
            .write_all(&length(compressed.len())?.to_le_bytes())?;
        self.out
            .write_all(&length(self.block.len())?.to_le_bytes())?;
        self.out.write_all(&compressed)?;
        self.block.clear();
        Ok(())
    }

    fn finish(mut self) -> std::io::Result<()> {
        self.write_block()?;
        self.out.flush()
    }
}

fn length(n: usize) -> std::io::Result<u32> {
    u32::try_from(n).map_err(|_| std::io::Error::other("a record of more than 4 GiB"))
}

/// A run read back one block at a time.
struct RunReader {
    file: BufReader<File>,
    compressed: Vec<u8>,
    block: Vec<u8>,
    /// Where the next record starts in `block`, and the current record's bytes.
    at: usize,
    record: (usize, usize),
}

impl RunReader {
    fn open(path: &Path) -> std::io::Result<RunReader> {
        Ok(RunReader {
            file: BufReader::with_capacity(1 << 13, File::open(path)?),
            compressed: Vec::new(),
            block: Vec::new(),
            at: 0,
            record: (0, 0),
        })
    }

    /// The current record's bytes.
    fn record(&self) -> &[u8] {
        &self.block[self.record.0..self.record.1]
    }

    /// Moves to the next record and returns its key (in `id`'s allocation), `None` at the end.
    fn next(
        &mut self,
        decompressor: &mut zstd::bulk::Decompressor<'static>,
        mut id: Vec<u8>,
    ) -> std::io::Result<Option<Key>> {
        if self.at >= self.block.len() && !self.read_block(decompressor)? {
            return Ok(None);
        }
        let mut cursor = Cursor {
            bytes: &self.block,
            at: self.at,
        };
        let year = i32::from_le_bytes(cursor.array()?);
        let [month, day] = cursor.array()?;
        let id_len = u32::from_le_bytes(cursor.array()?) as usize;
        id.clear();
        id.extend_from_slice(cursor.take(id_len)?);
        let len = u32::from_le_bytes(cursor.array()?) as usize;
        let start = cursor.at;
        cursor.take(len)?;
        self.record = (start, cursor.at);
        self.at = cursor.at;
        Ok(Some((Date { year, month, day }, id)))
    }

    /// Reads and decompresses the next block; false at the end of the run.
    fn read_block(
        &mut self,
        decompressor: &mut zstd::bulk::Decompressor<'static>,
    ) -> std::io::Result<bool> {
        let mut lengths = [0u8; 8];
        match self.file.read_exact(&mut lengths) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(false),
            Err(e) => return Err(e),
        }
        let (compressed, raw) = lengths.split_at(4);
        let compressed = u32::from_le_bytes(compressed.try_into().unwrap_or_default()) as usize;
        let raw = u32::from_le_bytes(raw.try_into().unwrap_or_default()) as usize;
        self.compressed.resize(compressed, 0);
        self.file.read_exact(&mut self.compressed)?;
        self.block.clear();
        self.block.reserve(raw);
        decompressor.decompress_to_buffer(&self.compressed, &mut self.block)?;
        self.at = 0;
        Ok(true)
    }
}

/// Reads a block's fields; a short block is an error (a damaged run file).
struct Cursor<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Cursor<'b> {
    fn take(&mut self, n: usize) -> std::io::Result<&'b [u8]> {
        let bytes = self.bytes.get(self.at..self.at + n).ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::InvalidData, "a sorted run ends early")
        })?;
        self.at += n;
        Ok(bytes)
    }

    fn array<const N: usize>(&mut self) -> std::io::Result<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }
}
