//! Stage 1, ingest: the reading options a caller can give ([`ReadOptions`]: the delimiter, a
//! date format, the country context and gazetteer of articles), shared by every reader.

use crate::error::ParseError;

use super::dates::DateReader;

/// How to read tables (the binary fills it from its command line; a binding directly).
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The field delimiter; `None` detects comma, semicolon or tab from the header.
    pub delimiter: Option<u8>,
    /// How dates are read: the standard forms, and a numeric date format when given
    /// ([`DateReader::with_format`]).
    pub dates: DateReader,
    /// The gazetteer articles among the inputs are read with (the run's, with the user's
    /// places); `None` for the built-in one.
    pub places: Option<crate::extract::PlaceIndex>,
    /// The country context (ISO 3166-1 alpha-2) for the place names of articles.
    pub country: Option<String>,
}

impl ReadOptions {
    /// Parses a delimiter for [`ReadOptions::delimiter`]: one ASCII character, or `tab`, `comma`, `semicolon`.
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
