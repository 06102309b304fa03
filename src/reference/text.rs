//! Bytes as text: UTF-8 decoded for every reader (tables, JSON, articles), with a warning
//! where bytes were not UTF-8 rather than a lost file.

use crate::error::RecordError;

/// Decodes UTF-8 (dropping a byte-order mark); invalid bytes become U+FFFD with a warning
/// that gives the byte offset of the first one.
pub fn decode_utf8(bytes: &[u8], label: &str) -> (String, Vec<RecordError>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Vec::new()),
        Err(err) => {
            let offset = err.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u64;
            let warning = RecordError::new(
                label,
                Some(line),
                format!("invalid UTF-8 at byte {offset}; invalid bytes were replaced with U+FFFD"),
            );
            (String::from_utf8_lossy(bytes).into_owned(), vec![warning])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_its_offset() {
        let (text, warnings) = decode_utf8(b"ok\nbad \xff here", "f.csv");
        assert!(text.contains('\u{FFFD}'));
        assert_eq!(
            warnings[0].to_string(),
            "f.csv:2: invalid UTF-8 at byte 7; invalid bytes were replaced with U+FFFD"
        );
    }
}
