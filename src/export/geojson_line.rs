//! Stage 3, export: the default GeoJSON layout — one feature per line, without spaces, as
//! ogr2ogr lays features out — written straight into bytes.
//!
//! The properties are the one list of `geojson_properties.rs`; this is its byte encoder. The
//! serde encoder (`geojson_stream.rs`, which the pretty layout uses) formats dates through
//! `Display` and goes through serde's map machinery; here dates and counts are formatted by
//! hand and strings go through a JSON string escaper that copies plain runs at once. The
//! nested `figures`, `sources` and `mentions` still go through serde_json. Both encoders give
//! the same JSON value for the same incident, and the same bytes as serde_json's compact
//! layout; tests check both.

use super::geojson_properties::{write_properties, FeatureSchema, PropertyWriter};
use crate::model::{Date, Incident};

/// Writes one feature (no separator, no newline).
pub(super) fn write_feature(
    schema: &FeatureSchema,
    incident: &Incident,
    coordinates: [f64; 2],
    out: &mut Vec<u8>,
) {
    out.extend_from_slice(b"{\"type\":\"Feature\",\"id\":");
    string(out, &incident.id);
    out.extend_from_slice(b",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
    serde_value(out, &coordinates[0]);
    out.push(b',');
    serde_value(out, &coordinates[1]);
    out.extend_from_slice(b"]},\"properties\":{");
    let mut properties = Bytes { out, first: true };
    write_properties(schema, incident, &mut properties);
    out.extend_from_slice(b"}}");
}

/// The byte encoder of the properties: `"key":value` pairs separated by commas.
struct Bytes<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl Bytes<'_> {
    /// A property name that may need escaping (a figure column, an extra property).
    #[inline]
    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        string(self.out, key);
        self.out.push(b':');
    }

    /// One of the writer's own property names: plain ASCII, copied as it is.
    #[inline]
    fn own_key(&mut self, key: &'static str) {
        let comma = if self.first { 0 } else { 1 };
        self.first = false;
        self.out.reserve(key.len() + 4);
        self.out.extend_from_slice(&b","[..comma]);
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }
}

impl PropertyWriter for Bytes<'_> {
    #[inline]
    fn text(&mut self, key: &'static str, value: &str) {
        self.own_key(key);
        string(self.out, value);
    }
    #[inline]
    fn opt_text(&mut self, key: &'static str, value: Option<&str>) {
        self.own_key(key);
        opt_string(self.out, value);
    }
    #[inline]
    fn date(&mut self, key: &'static str, value: Date) {
        self.own_key(key);
        date(self.out, value);
    }
    #[inline]
    fn joined(&mut self, key: &'static str, items: &[&str]) {
        self.own_key(key);
        joined(self.out, items);
    }
    #[inline]
    fn nested<T: serde::Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.own_key(key);
        serde_value(self.out, value);
    }
    #[inline]
    fn count(&mut self, key: &str, value: Option<u64>) {
        self.key(key);
        match value {
            Some(n) => count(self.out, n),
            None => self.out.extend_from_slice(b"null"),
        }
    }
    #[inline]
    fn json<T: serde::Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        serde_value(self.out, value);
    }
}

/// Any serde value in serde_json's compact form (serializing into memory cannot fail for
/// the model's types: strings, numbers, booleans, null, lists and maps with string keys).
fn serde_value<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    let _ = serde_json::to_writer(&mut *out, value);
}

fn opt_string(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// The items joined with "; " as one JSON string.
fn joined<S: AsRef<str>>(out: &mut Vec<u8>, items: &[S]) {
    out.push(b'"');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b"; ");
        }
        escaped(out, item.as_ref());
    }
    out.push(b'"');
}

/// A JSON string.
pub(super) fn string(out: &mut Vec<u8>, value: &str) {
    out.push(b'"');
    escaped(out, value);
    out.push(b'"');
}

/// The contents of a JSON string, escaped as serde_json escapes them: `"` and `\`, the
/// short forms `\b \t \n \f \r`, and `\u00xx` for the other control characters. Runs of
/// plain bytes are copied at once; eight bytes at a time are checked for anything to escape.
fn escaped(out: &mut Vec<u8>, value: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = value.as_bytes();
    let clean = plain_prefix(bytes);
    if clean == bytes.len() {
        out.extend_from_slice(bytes);
        return;
    }
    let mut plain = 0;
    for (i, &b) in bytes.iter().enumerate().skip(clean) {
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0c => b'f',
            b'\r' => b'r',
            0x00..=0x1f => b'u',
            _ => continue,
        };
        out.extend_from_slice(&bytes[plain..i]);
        plain = i + 1;
        out.push(b'\\');
        out.push(short);
        if short == b'u' {
            let digits = [
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 15)],
            ];
            out.extend_from_slice(&digits);
        }
    }
    out.extend_from_slice(&bytes[plain..]);
}

/// How many leading bytes need no escaping, found eight at a time (a word has a byte below
/// 0x20, a `"` or a `\\` when one of the classic "has a zero byte" tests fires); the word
/// with such a byte, and the tail, are left to the byte loop.
fn plain_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut at = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(word);
        // Bytes below 0x20: (x - 0x20..) borrows into the high bit of a byte < 0x20 that had
        // it clear (bytes >= 0x80 are UTF-8 and never need escaping).
        let control = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        let quote = zero_byte(x ^ (ONES * u64::from(b'"')));
        let backslash = zero_byte(x ^ (ONES * u64::from(b'\\')));
        if control | quote | backslash != 0 {
            break;
        }
        at += 8;
    }
    at
}

/// `"YYYY-MM-DD"` (years outside 0..=9999 as `Display` writes them).
fn date(out: &mut Vec<u8>, date: Date) {
    if !(0..=9999).contains(&date.year) {
        string(out, &date.to_string());
        return;
    }
    let y = date.year as u32;
    let digit = |n: u32| b'0' + (n % 10) as u8;
    out.extend_from_slice(&[
        b'"',
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(u32::from(date.month) / 10),
        digit(u32::from(date.month)),
        b'-',
        digit(u32::from(date.day) / 10),
        digit(u32::from(date.day)),
        b'"',
    ]);
}

/// A count in decimal.
fn count(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: impl Fn(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_exactly_as_serde_json_escapes_them() {
        let samples = [
            "",
            "plain",
            "quote \" and backslash \\",
            "line\nbreak\ttab\r\u{8}\u{c}",
            "\u{0}\u{1}\u{1f}\u{7f}",
            "عين عيسى / Ḩasakah \u{2028}",
            "\"",
        ];
        for s in samples {
            assert_eq!(
                text(|o| string(o, s)),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
        // Every special byte at every position of a string longer than a few words, also
        // after multi-byte characters and bytes just above and below the boundaries.
        for special in [
            '"', '\\', '\n', '\u{1f}', '\u{0}', ' ', '!', '#', '[', ']', 'é', '\u{7f}',
        ] {
            for at in 0..26 {
                let mut s: String = "abcdefghijklmnopqrstuvwxyz".into();
                s.insert(at, special);
                s.insert(at / 2, 'ẞ');
                assert_eq!(
                    text(|o| string(o, &s)),
                    serde_json::to_string(&s).unwrap(),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn dates_and_counts_match_their_display() {
        for d in [
            Date::new(2019, 10, 13).unwrap(),
            Date::new(7, 1, 2).unwrap(),
            Date::new(12345, 12, 31).unwrap(),
        ] {
            assert_eq!(text(|o| date(o, d)), format!("\"{d}\""));
        }
        for n in [0, 7, 10, 136, 999_999, u64::MAX] {
            assert_eq!(text(|o| count(o, n)), n.to_string());
        }
    }
}
