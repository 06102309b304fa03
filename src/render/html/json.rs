//! Stage 3, render (HTML): the page's data written as JSON text that is safe inside
//! `<script type="application/json">` — no `<`, `>` or `&` appears raw (each is written as a
//! `\u` escape, still valid JSON), nor U+2028/U+2029 — and deterministic (fixed number
//! formats, fields in a fixed order), with repeated strings written once in a table.

use std::collections::HashMap;
use std::fmt::Write as _;

/// Appends `text` as a JSON string literal safe to embed in an HTML `<script>` element.
pub fn push_str(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Markup characters and the two line separators JavaScript once treated as line
            // ends: escaped, so that no string can close the script element or open a comment.
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends a number rounded to `decimals` places, without trailing zeros ("36.5", "12").
pub fn push_num(out: &mut String, value: f64, decimals: usize) {
    if !value.is_finite() {
        out.push('0');
        return;
    }
    let mut text = format!("{value:.decimals$}");
    if text.contains('.') {
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    if text == "-0" {
        text = "0".into();
    }
    out.push_str(&text);
}

/// Appends `[a,b,c]` of numbers.
pub fn push_nums(out: &mut String, values: impl IntoIterator<Item = f64>, decimals: usize) {
    out.push('[');
    for (k, v) in values.into_iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_num(out, v, decimals);
    }
    out.push(']');
}

/// Strings written once: each gets an index into the table, in first-use order (so the same
/// input always gives the same table). Each string is held once (a million incidents' titles
/// and ids are a lot of text).
#[derive(Debug, Default)]
pub struct Strings {
    index: HashMap<String, usize>,
}

impl Strings {
    /// The index of `text` (added on first use).
    pub fn id(&mut self, text: &str) -> usize {
        if let Some(&k) = self.index.get(text) {
            return k;
        }
        let k = self.index.len();
        self.index.insert(text.to_string(), k);
        k
    }

    /// The index of `text`, or -1 for none (or an empty string).
    pub fn opt(&mut self, text: Option<&str>) -> i64 {
        match text.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => self.id(t) as i64,
            None => -1,
        }
    }

    /// Appends the table as a JSON array, in index order.
    pub fn push_table(&self, out: &mut String) {
        let mut table: Vec<(&usize, &String)> = self.index.iter().map(|(s, k)| (k, s)).collect();
        table.sort_unstable_by_key(|(k, _)| **k);
        out.push('[');
        for (k, (_, s)) in table.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            push_str(out, s);
        }
        out.push(']');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_cannot_close_the_script_element() {
        let mut out = String::new();
        push_str(&mut out, "</script><!-- & \"x\" \u{2028}");
        assert!(
            !out.contains('<') && !out.contains('>') && !out.contains('&'),
            "{out}"
        );
        assert!(!out.contains('\u{2028}'));
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "</script><!-- & \"x\" \u{2028}");
    }

    #[test]
    fn right_to_left_and_control_characters_survive() {
        let text = "عين عيسى\u{202e}\u{1}";
        let mut out = String::new();
        push_str(&mut out, text);
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), text);
    }

    #[test]
    fn numbers_are_short_and_fixed() {
        let mut out = String::new();
        push_nums(&mut out, [36.5, 12.0, -0.000001, 40.747_719_9], 5);
        assert_eq!(out, "[36.5,12,0,40.74772]");
    }

    #[test]
    fn strings_are_written_once_in_first_use_order() {
        let mut s = Strings::default();
        assert_eq!(s.id("b"), 0);
        assert_eq!(s.id("a"), 1);
        assert_eq!(s.id("b"), 0);
        assert_eq!(s.opt(Some("  ")), -1);
        let mut out = String::new();
        s.push_table(&mut out);
        assert_eq!(out, "[\"b\",\"a\"]");
    }
}
