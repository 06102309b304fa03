//! What a command did: one report type per command, each with only its own fields, gathered
//! in an [`Outcome`] that [`super::summary`] prints and `main` maps to an exit code.

use std::path::PathBuf;

use incimap::geocode::Unresolved;
use incimap::model::MergeExplanation;
use incimap::render::Unlabelled;
use incimap::RecordError;

/// What a command did.
#[derive(Debug)]
pub enum Outcome {
    /// `incimap map`.
    Map(Box<MapReport>),
    /// `incimap export`.
    Export(Box<ExportReport>),
    /// `incimap extract`.
    Extract(Box<ExtractReport>),
    /// `incimap geocode` (its look-ups are printed on standard output): how many names were
    /// not found; the user's place rows skipped.
    Geocode {
        not_found: usize,
        skipped: Vec<RecordError>,
    },
    /// `incimap gazetteer build`: the dump rows skipped (each listed on standard output);
    /// the user's place rows skipped.
    GazetteerBuild {
        rows_skipped: u64,
        skipped: Vec<RecordError>,
    },
}

impl Outcome {
    /// True when something did not make it (exit code 2).
    pub fn is_partial(&self) -> bool {
        match self {
            Outcome::Map(report) => report.pass.is_partial(),
            Outcome::Export(report) => report.pass.is_partial(),
            Outcome::Extract(report) => !report.read.skipped.is_empty(),
            Outcome::Geocode { not_found, skipped } => *not_found > 0 || !skipped.is_empty(),
            Outcome::GazetteerBuild {
                rows_skipped,
                skipped,
            } => *rows_skipped > 0 || !skipped.is_empty(),
        }
    }

    /// The records or files skipped.
    pub fn skipped_mut(&mut self) -> &mut Vec<RecordError> {
        match self {
            Outcome::Map(report) => &mut report.pass.read.skipped,
            Outcome::Export(report) => &mut report.pass.read.skipped,
            Outcome::Extract(report) => &mut report.read.skipped,
            Outcome::Geocode { skipped, .. } | Outcome::GazetteerBuild { skipped, .. } => skipped,
        }
    }
}

/// What a command that reads incidents read (`map`, `export`, `extract`).
#[derive(Debug, Default)]
pub struct Read {
    pub files_read: usize,
    pub incidents_read: usize,
    /// Records or files skipped (each with file and line).
    pub skipped: Vec<RecordError>,
    /// Notes about the input that lose no record (they do not make a run partial): a column's
    /// date order, a range widened, a table without a figure column.
    pub warnings: Vec<RecordError>,
}

/// What a pass over the inputs did (`map`, `export`): what it read, what it could not locate
/// and what the filters left out.
#[derive(Debug, Default)]
pub struct Pass {
    pub read: Read,
    pub unresolved: Vec<Unresolved>,
    /// Incidents the filters left out.
    pub filtered_out: u64,
}

impl Pass {
    /// What a library pass did, as the command reports it.
    pub fn of(result: incimap::pipeline::PassResult) -> Pass {
        Pass {
            read: Read {
                files_read: result.files,
                incidents_read: result.read as usize,
                skipped: result.rejected.into_iter().map(|r| r.error).collect(),
                warnings: result.warnings,
            },
            unresolved: result.unresolved,
            filtered_out: result.filtered_out,
        }
    }

    /// True when something was skipped or not located (exit code 2).
    pub fn is_partial(&self) -> bool {
        !self.read.skipped.is_empty() || !self.unresolved.is_empty()
    }
}

/// What `incimap map` did.
#[derive(Debug, Default)]
pub struct MapReport {
    pub pass: Pass,
    /// What the merge stage did: reports merged into one incident, near-misses kept apart.
    pub merge: MergeExplanation,
    /// Incidents whose label found no room on the map, largest first.
    pub unlabelled: Vec<Unlabelled>,
    /// How the map was made (printed with -v): aggregated while reading, or drawn in memory
    /// and why.
    pub notes: Vec<String>,
    pub written: Vec<PathBuf>,
}

/// What `incimap export` did.
#[derive(Debug, Default)]
pub struct ExportReport {
    pub pass: Pass,
    /// What the merge stage did: reports merged into one incident, near-misses kept apart.
    pub merge: MergeExplanation,
    pub written: Vec<PathBuf>,
}

/// What `incimap extract` did.
#[derive(Debug, Default)]
pub struct ExtractReport {
    pub read: Read,
    /// What the merge stage did: reports merged into one incident, near-misses kept apart.
    pub merge: MergeExplanation,
    /// The output file, unless the output went to standard output.
    pub written: Vec<PathBuf>,
}
