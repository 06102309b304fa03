//! Stage 1, ingest: an input's format told from its first bytes, for inputs without a file
//! name to go by (standard input, bytes handed over by a library caller).
//!
//! - `[` starts incimap's JSON (an array of incidents).
//! - `{` starts a JSON document or JSON Lines: a first line that is a whole JSON object is
//!   JSON Lines, unless it is a GeoJSON object (then GeoJSON); a first line that is not a
//!   whole value is the start of a document written over several lines (JSON, or GeoJSON,
//!   which the JSON reader recognizes from its content).
//! - A `date …` first line is an article's header.
//! - A first line with a comma, semicolon or tab is a table's header (its layout is told
//!   from the header as for any CSV file); any other text is an article without a header.

use super::Format;

/// How many bytes [`sniff`] needs at most (a longer first line is judged on its start).
pub const SNIFF_BYTES: usize = 64 * 1024;

/// The format of an input that starts with `head` (up to [`SNIFF_BYTES`] of it).
pub fn sniff(head: &[u8]) -> Format {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let text = &head[start..];
    let first_line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    match text.first() {
        // Nothing at all: read as a table, whose reader says the input is empty.
        None => Format::Csv,
        Some(b'[') => Format::Json,
        Some(b'{') => json_kind(first_line),
        _ if is_date_header(first_line) => Format::Article,
        _ if first_line.iter().any(|b| matches!(b, b',' | b';' | b'\t')) => Format::Csv,
        _ => Format::Article,
    }
}

/// `{…}` on the first line: JSON Lines (GeoJSON for a GeoJSON object); otherwise a JSON
/// document over several lines.
fn json_kind(first_line: &[u8]) -> Format {
    match serde_json::from_slice::<serde_json::Value>(first_line) {
        Ok(value) if super::geojson::is_geojson(&value) => Format::GeoJson,
        Ok(value) if value.is_object() => Format::JsonLines,
        _ => Format::Json,
    }
}

/// The header the article reader takes as the publication date (`date 2024-05-01`,
/// `Date: …`).
fn is_date_header(line: &[u8]) -> bool {
    let lower = line.to_ascii_lowercase();
    lower.starts_with(b"date:") || lower.starts_with(b"date ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_told_by_a_delimiter_in_the_first_line() {
        assert_eq!(sniff(b"a,b,c\n1,2,3\n"), Format::Csv);
        assert_eq!(sniff(b"\xEF\xBB\xBFa;b\n"), Format::Csv);
        assert_eq!(sniff(b"a\tb\n"), Format::Csv);
    }

    #[test]
    fn json_lines_documents_and_geojson_differ_by_their_first_line() {
        assert_eq!(
            sniff(b"{\"id\":\"x\"}\n{\"id\":\"y\"}\n"),
            Format::JsonLines
        );
        assert_eq!(sniff(b"{\n  \"id\": \"x\"\n}\n"), Format::Json);
        assert_eq!(sniff(b"  [{\"id\":\"x\"}]"), Format::Json);
        let one_line = b"{\"type\":\"FeatureCollection\",\"features\":[]}\n";
        assert_eq!(sniff(one_line), Format::GeoJson);
        // A GeoJSON document over several lines is read by the JSON reader, which tells it
        // from its content.
        assert_eq!(sniff(b"{\n\"type\": \"FeatureCollection\"}"), Format::Json);
    }

    #[test]
    fn articles_have_a_date_header_or_no_delimiter_in_their_first_line() {
        assert_eq!(
            sniff(b"date 2021-03-04\nText, with a comma."),
            Format::Article
        );
        assert_eq!(sniff(b"Date: 2021-03\n\nBody."), Format::Article);
        assert_eq!(
            sniff(b"A headline without commas\n\nBody."),
            Format::Article
        );
        assert_eq!(sniff(b"   \n"), Format::Csv);
    }
}
