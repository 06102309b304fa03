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
    out.push_str(&fixed(value, decimals));
}

/// A number rounded to `decimals` places (at most 9), without trailing zeros: "36.5", "12",
/// "0" for -0 and for what is not finite. Integer arithmetic: a million coordinates format in
/// milliseconds, and the same number always gives the same text.
pub fn fixed(value: f64, decimals: usize) -> String {
    let decimals = decimals.min(9);
    let scale = 10f64.powi(decimals as i32);
    let scaled = (value * scale).round();
    if !scaled.is_finite() || scaled.abs() >= 9.0e18 {
        return if value.is_finite() {
            format!("{value}")
        } else {
            "0".into()
        };
    }
    let scaled = scaled as i64;
    if scaled == 0 {
        return "0".into();
    }
    let digits = scaled.unsigned_abs().to_string();
    let sign = if scaled < 0 { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{digits}");
    }
    let digits = format!("{digits:0>width$}", width = decimals + 1);
    let (whole, fraction) = digits.split_at(digits.len() - decimals);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
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
    fn fixed_rounds_like_decimal_formatting() {
        for (value, decimals) in [
            (40.747_719_9, 5),
            (-0.5, 0),
            (-0.000_04, 4),
            (12.0, 2),
            (0.1, 5),
            (-36.05, 1),
            (1234.5678, 2),
        ] {
            let expected: f64 = format!("{value:.decimals$}").parse().unwrap();
            let got: f64 = fixed(value, decimals).parse().unwrap();
            assert!(
                (got - value).abs() <= 0.5 / 10f64.powi(decimals as i32) + 1e-12
                    && (got - expected).abs() <= 1.0 / 10f64.powi(decimals as i32) + 1e-12,
                "{value} {decimals}"
            );
        }
        assert_eq!(fixed(-0.000_001, 5), "0");
        assert_eq!(fixed(36.50237, 5), "36.50237");
        assert_eq!(fixed(-7.0, 3), "-7");
        assert_eq!(fixed(f64::NAN, 2), "0");
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
