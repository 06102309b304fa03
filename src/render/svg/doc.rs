//! Stage 3, render: a small SVG writer — escaping, number formatting and element helpers —
//! so that the scene's walker emits clean, deterministic SVG.

use std::fmt::Write;

use crate::render::scene::{Text, TextLine};

/// Escapes text for SVG character data and attribute values: control characters (but tab)
/// are left out, and characters XML 1.0 does not allow at all become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::xml_chars::escape_markup(text, &mut out, "&#39;", |c| {
        let control = c.is_control() && c != '\t' && crate::xml_chars::allowed_in_xml(c);
        (!control).then(|| crate::xml_chars::xml_char(c))
    });
    out
}

/// A coordinate in px with at most two decimals, no trailing zeros (deterministic output).
pub fn num(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    let mut text = format!("{rounded:.2}");
    while text.ends_with('0') {
        text.pop();
    }
    if text.ends_with('.') {
        text.pop();
    }
    text
}

/// An SVG document under construction.
#[derive(Debug, Default)]
pub struct SvgDoc {
    body: String,
}

impl SvgDoc {
    pub fn new() -> SvgDoc {
        SvgDoc::default()
    }

    /// Opens a layer group `<g id="…">`.
    pub fn open_group(&mut self, id: &str, attrs: &str) {
        let _ = writeln!(
            self.body,
            "<g id=\"{}\"{}{}>",
            escape(id),
            if attrs.is_empty() { "" } else { " " },
            attrs
        );
    }

    pub fn close_group(&mut self) {
        self.body.push_str("</g>\n");
    }

    /// Appends raw, already well-formed SVG.
    pub fn raw(&mut self, svg: &str) {
        self.body.push_str(svg);
        if !svg.ends_with('\n') {
            self.body.push('\n');
        }
    }

    pub fn circle(&mut self, x: f64, y: f64, r: f64, attrs: &str) {
        let _ = writeln!(
            self.body,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {attrs}/>",
            num(x),
            num(y),
            num(r)
        );
    }

    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, attrs: &str) {
        let _ = writeln!(
            self.body,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {attrs}/>",
            num(x),
            num(y),
            num(w),
            num(h)
        );
    }

    pub fn line(&mut self, a: (f64, f64), b: (f64, f64), attrs: &str) {
        let _ = writeln!(
            self.body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {attrs}/>",
            num(a.0),
            num(a.1),
            num(b.0),
            num(b.1)
        );
    }

    /// A polyline or polygon path from px points (`close` adds Z).
    pub fn path(&mut self, rings: &[Vec<(f64, f64)>], close: bool, attrs: &str) {
        let mut d = String::new();
        for ring in rings.iter().filter(|r| r.len() >= 2) {
            for (i, (x, y)) in ring.iter().enumerate() {
                let _ = write!(
                    d,
                    "{}{},{}",
                    if i == 0 { "M" } else { "L" },
                    num(*x),
                    num(*y)
                );
            }
            if close {
                d.push('Z');
            }
        }
        if !d.is_empty() {
            let _ = writeln!(self.body, "<path d=\"{d}\" {attrs}/>");
        }
    }

    /// Text with its baseline at `y`; `anchor` is start, middle or end.
    pub fn text(&mut self, x: f64, y: f64, line: &TextLine, anchor: &str, extra: &str) {
        let weight = if line.bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let _ = writeln!(
            self.body,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight} fill=\"{}\" text-anchor=\"{anchor}\"{}{extra}>{}</text>",
            num(x),
            num(y),
            num(line.size_px),
            escape(&line.fill),
            if extra.is_empty() { "" } else { " " },
            escape(&line.text)
        );
    }

    /// A text of the scene, with `extra` attributes.
    pub fn text_at(&mut self, text: &Text, extra: &str) {
        self.text(
            text.x_px,
            text.y_px,
            &text.line,
            text.anchor.as_str(),
            extra,
        );
    }

    /// The body so far (to embed in another document).
    pub fn into_body(self) -> String {
        self.body
    }

    /// The finished document of the given size, with the font family set once at the root.
    pub fn finish(self, width_px: f64, height_px: f64, title: &str, font_family: &str) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{font}\">\n<title>{title}</title>\n{body}</svg>\n",
            w = num(width_px),
            h = num(height_px),
            font = escape(font_family),
            title = escape(title),
            body = self.body
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("A&B <c> \"d\" 'e'"),
            "A&amp;B &lt;c&gt; &quot;d&quot; &#39;e&#39;"
        );
        // XML cannot carry these at all: the replacement character stands in.
        assert_eq!(escape("bad\u{0}ctl\u{FFFE}"), "bad\u{FFFD}ctl\u{FFFD}");
        assert_eq!(escape("line\nbreak"), "linebreak");
        assert_eq!(escape("عين عيسى"), "عين عيسى");
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.2345), "1.23");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(10.5), "10.5");
    }
}
