//! Errors of the library (every stage), one variant per failure with the values a caller
//! needs; the binary wraps them with `anyhow` context and maps them to its exit codes.
//!
//! - [`Error`]: what a call fails with: files ([`Error::Read`], [`Error::Write`]), a record
//!   ([`RecordError`]), nothing to draw ([`NoIncidents`]), a map that cannot be made
//!   ([`RenderError`]), a map option that cannot be honoured ([`MapOptionError`]), outputs
//!   that clash with inputs. [`Error::is_usage`] tells the caller's choices from the data's
//!   and the system's failures.
//! - [`RecordError`]: one bad record (file, line, column, what was expected); readers return
//!   it beside what they read instead of stopping.
//! - [`ParseError`]: a value that did not parse; [`echo`] quotes input text safely in a
//!   message.
//!
//! ```
//! use incimap::error::{Error, MapOptionError};
//! use incimap::render::{check_fields, MapOptions, SizeBy};
//!
//! // A misspelt measure is refused with what the incidents do have.
//! let incidents = incimap::ingest::example_incidents().incidents;
//! let options = MapOptions { size_by: SizeBy::parse("kiled"), ..MapOptions::default() };
//! let error = check_fields(&incidents, &options).unwrap_err();
//! assert!(error.is_usage());
//! match error {
//!     Error::MapOption(MapOptionError::UnknownSizeBy { name, present }) => {
//!         assert_eq!(name, "kiled");
//!         assert!(present.iter().any(|measure| measure == "killed"));
//!     }
//!     other => panic!("{other}"),
//! }
//! ```

use std::fmt;
use std::path::PathBuf;

mod parse;

pub use parse::{echo, example_format, DateHint, ParseError, ECHO_MAX_CHARS};

/// A problem with one record of an input file: where it is and what was wrong.
/// Displays as `file:line: column 'killed': expected a whole number, got "many"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    pub file: String,
    /// 1-based line number, when the format has lines.
    pub line: Option<u64>,
    /// Column name (tables) or JSON column (character position).
    pub column: Option<String>,
    /// What was wrong; holds the words of `hint` when there is one.
    pub message: String,
    /// Which date reading option would have read the record (or read it otherwise).
    pub hint: Option<DateHint>,
}

impl RecordError {
    pub fn new(
        file: impl Into<String>,
        line: Option<u64>,
        message: impl Into<String>,
    ) -> RecordError {
        RecordError {
            file: file.into(),
            line,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    /// This error with the hint its message holds the words of ([`ParseError::hint`]).
    pub fn with_hint(mut self, hint: Option<DateHint>) -> RecordError {
        self.hint = hint;
        self
    }

    /// The message with the hint's words replaced by `words` (the binary names its flag).
    pub fn message_worded(&self, words: impl Fn(DateHint) -> String) -> String {
        match &self.hint {
            Some(hint) => self.message.replacen(&hint.to_string(), &words(*hint), 1),
            None => self.message.clone(),
        }
    }

    /// The error as it displays, with the hint's words replaced by `words`.
    pub fn worded(&self, words: impl Fn(DateHint) -> String) -> String {
        let message = self.message_worded(words);
        let mut text = self.file.clone();
        if let Some(line) = self.line {
            text.push_str(&format!(":{line}"));
        }
        text.push_str(": ");
        if let Some(column) = &self.column {
            text.push_str(&format!("column '{column}': "));
        }
        text + &message
    }

    pub fn in_column(mut self, column: impl Into<String>) -> RecordError {
        self.column = Some(column.into());
        self
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.worded(|hint| hint.to_string()))
    }
}

impl std::error::Error for RecordError {}

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file that could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file that could not be written (or a temporary file of a pass).
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// One record or file that could not be read, with where it is.
    #[error("{0}")]
    Record(#[from] RecordError),
    /// Nothing to draw ([`NoIncidents`] says why).
    #[error("no incidents to map: {0}")]
    NoIncidents(NoIncidents),
    /// An incident to draw without valid coordinates (`lon`, `lat`: what it has).
    #[error(
        "incident {id}: expected lon in -180..180 and lat in -90..90 to draw it, got lon {}, lat {} (geocode it first)",
        shown(*.lon), shown(*.lat)
    )]
    Unlocated {
        id: String,
        lon: Option<f64>,
        lat: Option<f64>,
    },
    /// A map that could not be fitted, rasterized or converted ([`RenderError`] says which).
    #[error("rendering failed: {0}")]
    Render(RenderError),
    /// An output path that is one of the inputs (by what it is on disk, not by its name).
    #[error("refusing to write {output}: it is the input {input}; choose another output path")]
    OutputIsInput { output: PathBuf, input: PathBuf },
    /// One file given as two outputs.
    #[error(
        "refusing to write {first} twice (also given as {second}): give each output its own path"
    )]
    OutputTwice { first: PathBuf, second: PathBuf },
    /// A partitioned GeoParquet export asked to write its folder where a file is.
    #[error("partitioned export: the output {path} is a file; give a folder for the partitions")]
    PartitionFolderIsFile { path: PathBuf },
    /// GeoParquet asked for record by record (it is written by columns).
    #[error("GeoParquet is written by columns, not record by record")]
    NotARecordFormat,
    /// A map option that cannot be honoured for these incidents or this kind of map: the
    /// caller's choice, not the data's ([`MapOptionError`] says which and what would do).
    #[error(transparent)]
    MapOption(#[from] MapOptionError),
}

/// A coordinate as [`Error::Unlocated`] shows it.
fn shown(value: Option<f64>) -> String {
    value.map_or("none".to_string(), |v| v.to_string())
}

impl Error {
    /// True for the errors that are the caller's choice rather than the data's or the
    /// system's (the binary exits with its usage code for these).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::MapOption(_)
                | Error::OutputIsInput { .. }
                | Error::OutputTwice { .. }
                | Error::PartitionFolderIsFile { .. }
        )
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a map has nothing to draw ([`Error::NoIncidents`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NoIncidents {
    /// No incident was given.
    #[error("the incident set is empty")]
    Empty,
    /// The map's fixed extent (`bbox`: lon_min, lat_min, lon_max, lat_max) leaves out every
    /// one of the `total` incidents.
    #[error(
        "none of the {total} incidents lies in the bbox area {},{},{},{}",
        .bbox[0], .bbox[1], .bbox[2], .bbox[3]
    )]
    NoneInBbox { total: usize, bbox: [f64; 4] },
    /// The interactive map has no incident or group left to draw (inside the `bbox`).
    #[error("no incident to draw in the interactive map")]
    NoneInInteractiveMap,
}

impl From<NoIncidents> for Error {
    fn from(why: NoIncidents) -> Error {
        Error::NoIncidents(why)
    }
}

/// Why a map could not be fitted, drawn, rasterized or converted ([`Error::Render`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// No scale the map allows puts the incidents' points inside the map frame.
    #[error("cannot fit the incidents into the map frame")]
    CannotFit,
    /// The inputs changed between the two passes of a map drawn while reading: `first`
    /// incidents to draw the first time through, `second` the second.
    #[error(
        "the inputs changed while the map was drawn: {first} incidents to draw the first time through, {second} the second"
    )]
    InputsChanged { first: u64, second: u64 },
    /// The SVG handed to the PNG or PDF writer does not parse (`reason`: the parser's words).
    #[error("invalid SVG: {reason}")]
    InvalidSvg { reason: String },
    /// The SVG's size, scaled, is an image of no pixels.
    #[error("empty image size")]
    EmptyImage,
    /// An image too large to allocate.
    #[error("cannot allocate a {width}×{height} image")]
    ImageTooLarge { width: u32, height: u32 },
    /// The PNG encoder failed (`reason`: its words).
    #[error("PNG encoding failed: {reason}")]
    PngEncoding { reason: String },
    /// The SVG → PDF converter failed (`reason`: its words).
    #[error("PDF conversion failed: {reason}")]
    PdfConversion { reason: String },
    /// The PDF writer's output lacks a part the canonical object order reads (`what`: the
    /// part, e.g. "no xref table").
    #[error("unexpected PDF layout from the PDF writer: {what}")]
    PdfLayout { what: &'static str },
}

impl From<RenderError> for Error {
    fn from(error: RenderError) -> Error {
        Error::Render(error)
    }
}

/// A map option these incidents or this kind of map cannot honour ([`Error::MapOption`]; a
/// usage error: [`Error::is_usage`]). Each names what was given and what would do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MapOptionError {
    /// `size_by` names a measure or numeric column no incident has; `present`: "largest",
    /// the measures of the incidents' figures and their numeric columns.
    #[error(
        "size_by: no incident has a measure or numeric column {name:?}; present: {}",
        .present.join(", ")
    )]
    UnknownSizeBy { name: String, present: Vec<String> },
    /// `label_field` names a field no incident has; `present`: the fields every incident has
    /// (place, title, id) and the incidents' columns.
    #[error(
        "label_field: no incident has a field {name:?}; present: {}",
        .present.join(", ")
    )]
    UnknownLabel { name: String, present: Vec<String> },
    /// Hexagon sums that combine across parts were asked for without a fixed frame (`bbox`).
    #[error(
        "hexagon sums that combine across parts need a fixed frame: give a bbox (lon_min, lat_min, lon_max, lat_max)"
    )]
    HexSumsWithoutBbox,
    /// Hexagon sums sized by a column (`name`) rather than "largest" or a figure's measure.
    #[error("size_by: expected \"largest\" or a measure (killed, injured, …), got {name:?}")]
    HexSumsSizeByColumn { name: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_input_is_escaped_and_capped() {
        assert_eq!(echo("Suluk"), "\"Suluk\"");
        let hostile = format!("\u{1b}[31m{}", "x".repeat(200));
        let shown = echo(&hostile);
        assert!(!shown.contains('\u{1b}'), "{shown}");
        assert!(shown.ends_with("(125 more characters)"), "{shown}");
    }

    #[test]
    fn structured_errors_say_what_was_given_and_what_would_do() {
        let unlocated = Error::Unlocated {
            id: "a1".into(),
            lon: Some(38.5),
            lat: None,
        };
        assert_eq!(
            unlocated.to_string(),
            "incident a1: expected lon in -180..180 and lat in -90..90 to draw it, got lon 38.5, lat none (geocode it first)"
        );
        let outside = Error::from(NoIncidents::NoneInBbox {
            total: 4,
            bbox: [0.0, 0.0, 1.5, 1.0],
        });
        assert_eq!(
            outside.to_string(),
            "no incidents to map: none of the 4 incidents lies in the bbox area 0,0,1.5,1"
        );
        let label = Error::from(MapOptionError::UnknownLabel {
            name: "titel".into(),
            present: vec!["place".into(), "title".into()],
        });
        assert_eq!(
            label.to_string(),
            "label_field: no incident has a field \"titel\"; present: place, title"
        );
        assert!(label.is_usage());
        let fit = Error::from(RenderError::CannotFit);
        assert_eq!(
            fit.to_string(),
            "rendering failed: cannot fit the incidents into the map frame"
        );
        assert!(!fit.is_usage() && !outside.is_usage());
    }
}
