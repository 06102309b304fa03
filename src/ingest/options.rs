//! Stage 1, ingest: the reading options a user can give (`--delimiter`, `--date-format`, the
//! country context and gazetteer of articles), shared by every reader.

use crate::error::ParseError;

use super::dates::DateReader;

/// How to read tables, from the command line.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The field delimiter; `None` detects comma, semicolon or tab from the header.
    pub delimiter: Option<u8>,
    pub dates: DateReader,
    /// The gazetteer articles among the inputs are read with (the run's, with the user's
    /// places); `None` for the built-in one.
    pub places: Option<crate::extract::PlaceIndex>,
    /// The country context (`--country`) for the place names of articles.
    pub country: Option<String>,
}

impl ReadOptions {
    /// Parses `--delimiter`: one ASCII character, or `tab`, `comma`, `semicolon`.
    pub fn parse_delimiter(text: &str) -> Result<u8, ParseError> {
        match text {
            "tab" | "\\t" | "\t" => Ok(b'\t'),
            "comma" => Ok(b','),
            "semicolon" => Ok(b';'),
            "pipe" => Ok(b'|'),
            t if t.len() == 1 && t.is_ascii() && t != "\"" => Ok(t.as_bytes()[0]),
            other => Err(ParseError::new(format!(
                "one character (',' ';' '|') or 'tab', got {other:?}"
            ))),
        }
    }
}
