//! Stage 3, export: the default GeoJSON layout — one feature per line, without spaces, as
//! ogr2ogr lays features out — written straight into bytes.
//!
//! The serde writer (`geojson_stream.rs`, which the pretty layout uses) escapes every property
//! name of every feature and formats dates through `Display`; here the names are constant
//! byte strings, dates and counts are formatted by hand, and only the values go through the
//! JSON string escaper. The nested `figures`, `sources` and `mentions` still go through
//! serde_json. Both writers give the same JSON value for the same incident, and the same
//! bytes as serde_json's compact layout; tests check both.

use super::geojson_stream::GeoJsonFormat;
use crate::export::geojson::figures_text;
use crate::model::{list_text, Date, Incident};

/// Writes one feature (no separator, no newline).
pub(super) fn write_feature(
    format: &GeoJsonFormat,
    incident: &Incident,
    coordinates: [f64; 2],
    out: &mut Vec<u8>,
) {
    let place = &incident.place;
    out.extend_from_slice(b"{\"type\":\"Feature\",\"id\":");
    string(out, &incident.id);
    out.extend_from_slice(b",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
    serde_value(out, &coordinates[0]);
    out.push(b',');
    serde_value(out, &coordinates[1]);
    out.extend_from_slice(b"]},\"properties\":{\"id\":");
    string(out, &incident.id);
    out.extend_from_slice(b",\"title\":");
    string(out, &incident.title);
    out.extend_from_slice(b",\"date_start\":");
    date(out, incident.date.start);
    out.extend_from_slice(b",\"date_end\":");
    date(out, incident.date.end);
    out.extend_from_slice(b",\"date_precision\":");
    string(out, incident.date.precision.as_str());
    out.extend_from_slice(b",\"place\":");
    string(out, &place.name);
    out.extend_from_slice(b",\"place_id\":");
    opt_string(out, place.gazetteer_id.as_deref());
    out.extend_from_slice(b",\"place_canonical\":");
    opt_string(out, place.canonical_name.as_deref());
    out.extend_from_slice(b",\"country\":");
    opt_string(out, place.country_code.as_deref());
    out.extend_from_slice(b",\"admin1\":");
    opt_string(out, place.admin1.as_deref());
    out.extend_from_slice(b",\"admin2\":");
    opt_string(out, place.admin2.as_deref());
    out.extend_from_slice(b",\"admin3\":");
    opt_string(out, place.admin3.as_deref());
    out.extend_from_slice(b",\"geo_precision\":");
    string(out, place.precision.as_str());
    out.extend_from_slice(b",\"site\":");
    opt_string(out, place.site.as_deref());
    out.extend_from_slice(b",\"event_type\":");
    opt_string(out, incident.event_type.map(|e| e.as_str()));
    out.extend_from_slice(b",\"sub_event_type\":");
    opt_string(out, incident.sub_event_type.map(|e| e.as_str()));
    out.extend_from_slice(b",\"actors\":");
    string(out, &list_text(&incident.actors));
    out.extend_from_slice(b",\"tags\":");
    string(out, &list_text(&incident.tags));
    for (measure, keys) in format.measures.iter().zip(format.keys()) {
        let fig = incident.figure(measure);
        for (key, value) in keys.iter().zip([
            fig.and_then(|f| f.best),
            fig.and_then(|f| f.low),
            fig.and_then(|f| f.high),
        ]) {
            out.push(b',');
            string(out, key);
            out.push(b':');
            match value {
                Some(n) => count(out, n),
                None => out.extend_from_slice(b"null"),
            }
        }
    }
    out.extend_from_slice(b",\"figures_text\":");
    string(out, &figures_text(incident, &format.measures));
    out.extend_from_slice(b",\"claim_sources\":");
    let claimants = incident.claim_sources();
    joined(out, &claimants);
    out.extend_from_slice(b",\"description\":");
    string(out, &incident.description);
    if !format.flat {
        out.extend_from_slice(b",\"figures\":");
        serde_value(out, &incident.figures);
        out.extend_from_slice(b",\"sources\":");
        serde_value(out, &incident.sources);
        out.extend_from_slice(b",\"mentions\":");
        serde_value(out, &incident.mentions);
    }
    for (key, value) in &incident.extra {
        out.push(b',');
        string(out, &format.extra_key(key));
        out.push(b':');
        serde_value(out, value);
    }
    out.extend_from_slice(b"}}");
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
