//! Stage 3, render: the fonts shipped with incimap and text measurement.
//!
//! Maps use DejaVu Sans (from Debian's fonts-dejavu-core, see `assets/fonts/LICENSE`), embedded
//! in the binary, for the SVG's text, the PNG (resvg) and label placement alike, so that what is
//! measured is what is drawn, on every machine.

use std::sync::OnceLock;

/// DejaVu Sans (regular).
pub const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// The CSS font family both files declare.
pub const FAMILY: &str = "DejaVu Sans";

/// Weight of a text run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

fn face(weight: Weight) -> Option<&'static ttf_parser::Face<'static>> {
    static REGULAR: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    static BOLD: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    match weight {
        Weight::Regular => REGULAR.get_or_init(|| ttf_parser::Face::parse(REGULAR_TTF, 0).ok()),
        Weight::Bold => BOLD.get_or_init(|| ttf_parser::Face::parse(BOLD_TTF, 0).ok()),
    }
    .as_ref()
}

/// Advance width of `text` at `size_px`, in px: the sum of the glyphs' horizontal advances plus
/// pair kerning where the font has a `kern` table. Characters the font lacks count as the
/// width of the fallback glyph, 0.6 em.
pub fn text_width_px(text: &str, size_px: f64, weight: Weight) -> f64 {
    let Some(face) = face(weight) else {
        return text.chars().count() as f64 * 0.6 * size_px;
    };
    let units = f64::from(face.units_per_em());
    let mut total = 0.0;
    let mut previous: Option<ttf_parser::GlyphId> = None;
    for ch in text.chars() {
        match face.glyph_index(ch) {
            Some(glyph) => {
                total += f64::from(face.glyph_hor_advance(glyph).unwrap_or(0));
                if let (Some(left), Some(kern)) = (previous, face.tables().kern) {
                    let pair = kern
                        .subtables
                        .into_iter()
                        .filter(|s| s.horizontal && !s.variable)
                        .find_map(|s| s.glyphs_kerning(left, glyph));
                    total += f64::from(pair.unwrap_or(0));
                }
                previous = Some(glyph);
            }
            None => {
                total += 0.6 * units;
                previous = None;
            }
        }
    }
    total * size_px / units
}

/// Ascender and descender of the font at `size_px` (both positive, in px).
pub fn ascent_descent_px(size_px: f64, weight: Weight) -> (f64, f64) {
    match face(weight) {
        Some(face) => {
            let units = f64::from(face.units_per_em());
            (
                f64::from(face.ascender()) * size_px / units,
                -f64::from(face.descender()) * size_px / units,
            )
        }
        None => (0.8 * size_px, 0.2 * size_px),
    }
}

/// Greedy word wrap to `max_w` px with the embedded font's metrics.
pub fn wrap(text: &str, size_px: f64, weight: Weight, max_w: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if !current.is_empty() && text_width_px(&candidate, size_px, weight) > max_w {
            lines.push(std::mem::take(&mut current));
            current = word.to_string();
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_fonts_parse_and_measure_sensibly() {
        let w = text_width_px("Hasakah", 20.0, Weight::Regular);
        assert!(w > 60.0 && w < 110.0, "{w}");
        let bold = text_width_px("Hasakah", 20.0, Weight::Bold);
        assert!(bold > w);
        assert_eq!(text_width_px("", 20.0, Weight::Regular), 0.0);
        // Twice the size, twice the width.
        let double = text_width_px("Hasakah", 40.0, Weight::Regular);
        assert!((double - 2.0 * w).abs() < 1e-9);
        let (ascent, descent) = ascent_descent_px(20.0, Weight::Regular);
        assert!(ascent > 14.0 && descent > 3.0);
    }

    #[test]
    fn wrapping_respects_the_width() {
        let lines = wrap(
            "People affected: each incident's largest reported figure",
            15.0,
            Weight::Regular,
            150.0,
        );
        assert!(lines.len() >= 3);
        for line in &lines {
            assert!(
                text_width_px(line, 15.0, Weight::Regular) <= 150.0,
                "{line}"
            );
        }
    }
}
