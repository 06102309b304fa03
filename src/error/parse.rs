//! Errors of one value: a [`ParseError`] (what was expected, what was found, and the
//! [`DateHint`] of a date a reading option would have read), and [`echo`], which quotes input
//! text safely in a message.

use std::fmt;

/// A value that did not parse; the message says what was expected and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    expected: String,
    hint: Option<DateHint>,
}

impl ParseError {
    /// `expected` reads after "expected " ("a date as YYYY-MM-DD, got \"x\"").
    pub fn new(expected: impl Into<String>) -> ParseError {
        ParseError {
            expected: expected.into(),
            hint: None,
        }
    }

    /// A parse error whose `expected` holds the words of `hint` ([`DateHint`]'s `Display`).
    pub fn with_hint(expected: impl Into<String>, hint: DateHint) -> ParseError {
        ParseError {
            expected: expected.into(),
            hint: Some(hint),
        }
    }

    /// Which reading option would have parsed the value, when one would.
    pub fn hint(&self) -> Option<DateHint> {
        self.hint
    }
}

/// Which date reading option ([`crate::ingest::DateReader::with_format`]) would have read a
/// date a reader refused, or read it otherwise. A message that carries one holds its words
/// (this type's `Display`, in the library's terms); a caller that names the option its own
/// way (the binary: its flag) rewords them with [`RecordError::worded`](super::RecordError::worded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateHint {
    /// The date is in none of the standard forms nor in the reader's numeric date format
    /// (which the message quotes right after the hint's words).
    NotInFormat,
    /// A numeric date whose order (day-first or month-first) nothing settled; a date format
    /// such as `%d{separator}%m{separator}%Y` reads it.
    GiveFormat { separator: char },
    /// A column's numeric dates were read in the order their values allow; a date format
    /// reads them otherwise.
    OrderSettled,
}

/// The date format a [`DateHint::GiveFormat`] gives as an example: `%d/%m/%Y` for `/`.
pub fn example_format(separator: char) -> String {
    format!("%d{separator}%m{separator}%Y")
}

impl fmt::Display for DateHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateHint::NotInFormat => f.write_str(" or in the date format"),
            DateHint::GiveFormat { separator } => write!(
                f,
                " (for day-first or month-first dates give a date format, e.g. {:?})",
                example_format(*separator)
            ),
            DateHint::OrderSettled => f.write_str("; give a date format to read them otherwise"),
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
