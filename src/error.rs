//! Errors of the library (every stage). The binary wraps them with `anyhow` context.

use std::fmt;
use std::path::PathBuf;

/// A value that did not parse; the message says what was expected and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    expected: String,
}

impl ParseError {
    /// `expected` reads after "expected " ("a date as YYYY-MM-DD, got \"x\"").
    pub fn new(expected: impl Into<String>) -> ParseError {
        ParseError {
            expected: expected.into(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}", self.expected)
    }
}

impl std::error::Error for ParseError {}

/// Characters of input text a message quotes before it is cut short.
pub const ECHO_MAX_CHARS: usize = 80;

/// Input text as a message quotes it: in double quotes, control characters escaped (no
/// terminal escape sequence gets through), cut after [`ECHO_MAX_CHARS`] characters with the
/// number left out, so that a binary file read as a table cannot flood the terminal.
pub fn echo(text: &str) -> String {
    let total = text.chars().count();
    let shown: String = text.chars().take(ECHO_MAX_CHARS).collect();
    let quoted = format!("{shown:?}");
    if total > ECHO_MAX_CHARS {
        format!("{quoted}… ({} more characters)", total - ECHO_MAX_CHARS)
    } else {
        quoted
    }
}

/// A problem with one record of an input file: where it is and what was wrong.
/// Displays as `file:line: column 'killed': expected a whole number, got "many"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    pub file: String,
    /// 1-based line number, when the format has lines.
    pub line: Option<u64>,
    /// Column name (tables) or JSON column (character position).
    pub column: Option<String>,
    pub message: String,
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
        }
    }

    pub fn in_column(mut self, column: impl Into<String>) -> RecordError {
        self.column = Some(column.into());
        self
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": ")?;
        if let Some(column) = &self.column {
            write!(f, "column '{column}': ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for RecordError {}

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: unsupported input (expected .jsonl, .json or .csv)")]
    UnsupportedInput { path: PathBuf },
    #[error("{0}")]
    Record(#[from] RecordError),
    #[error("no incidents to map: {0}")]
    NoIncidents(String),
    #[error("incident {id}: {message}")]
    InvalidIncident { id: String, message: String },
    #[error("rendering failed: {0}")]
    Render(String),
    /// An output path that is one of the inputs (by what it is on disk, not by its name).
    #[error("refusing to write {output}: it is the input {input}; choose another output path")]
    OutputIsInput { output: PathBuf, input: PathBuf },
    /// One file given as two outputs.
    #[error(
        "refusing to write {first} twice (also given as {second}): give each output its own path"
    )]
    OutputTwice { first: PathBuf, second: PathBuf },
    /// A partitioned GeoParquet export asked to write its folder where a file is.
    #[error("--partition-by: -o {path} is a file; give a folder for the partitions")]
    PartitionFolderIsFile { path: PathBuf },
    /// GeoParquet asked for record by record (it is written by columns).
    #[error("GeoParquet is written by columns, not record by record")]
    NotARecordFormat,
    /// A choice the caller made that cannot be honoured (a map field that no incident has,
    /// facets that do not fit the page); the message says what was expected.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// True for the errors that are the caller's choice rather than the data's or the
    /// system's (the binary exits with its usage code for these).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::Usage(_)
                | Error::OutputIsInput { .. }
                | Error::OutputTwice { .. }
                | Error::PartitionFolderIsFile { .. }
        )
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

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
}
