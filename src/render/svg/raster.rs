//! Stage 3, render: SVG → PNG (resvg) and SVG → PDF (svg2pdf), both from the very same
//! parsed SVG with only the fonts embedded in incimap (no system fonts), so that a map renders
//! to the same pixels and the same vector page on every machine.

use std::sync::{Arc, OnceLock};

use crate::error::{RenderError, Result};

use crate::render::font::{BOLD_TTF, REGULAR_TTF};

fn font_db() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(REGULAR_TTF.to_vec());
        db.load_font_data(BOLD_TTF.to_vec());
        db.set_sans_serif_family(crate::render::font::FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Parses SVG with the embedded fonts (shared by the PNG and PDF writers).
pub fn parse_svg(svg: &str) -> Result<usvg::Tree> {
    let options = usvg::Options {
        font_family: crate::render::font::FAMILY.to_string(),
        fontdb: font_db(),
        ..usvg::Options::default()
    };
    let svg = super::bidi_words::for_renderer(svg);
    usvg::Tree::from_str(&svg, &options).map_err(|err| {
        RenderError::InvalidSvg {
            reason: err.to_string(),
        }
        .into()
    })
}

/// Renders SVG to PNG bytes; `scale` multiplies the pixel size (2 = twice the width and height).
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>> {
    let tree = parse_svg(svg)?;
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or(RenderError::EmptyImage)?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| {
            RenderError::ImageTooLarge {
                width: size.width(),
                height: size.height(),
            }
        })?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|err| {
        RenderError::PngEncoding {
            reason: err.to_string(),
        }
        .into()
    })
}

/// Converts SVG to a one-page PDF whose page has the SVG's size (1 px = 0.75 pt), with text
/// kept as text (embedded, subsetted DejaVu Sans), byte-identical for the same SVG.
pub fn svg_to_pdf(svg: &str) -> Result<Vec<u8>> {
    let tree = parse_svg(svg)?;
    let pdf = svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions::default(),
    )
    .map_err(|err| RenderError::PdfConversion {
        reason: err.to_string(),
    })?;
    super::pdf_order::canonical_pdf(&pdf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_renders_with_the_embedded_font() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="28" font-size="24" font-family="DejaVu Sans">Hasakah</text></svg>"##;
        let png = svg_to_png(svg, 1.0).unwrap();
        let tree = parse_svg(svg).unwrap();
        // The text became glyph paths: its bounding box is about as wide as the font says.
        let bbox = tree.root().abs_bounding_box();
        let expected = crate::render::font::text_width_px(
            "Hasakah",
            24.0,
            crate::render::font::Weight::Regular,
        );
        assert!(
            (f64::from(bbox.width()) - expected).abs() < expected * 0.1,
            "{} vs {expected}",
            bbox.width()
        );
        assert!(png.starts_with(b"\x89PNG"));
        assert!(svg_to_png("<svg", 1.0).is_err());
        let pdf = svg_to_pdf(svg).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(svg_to_pdf("<svg").is_err());
    }

    #[test]
    fn the_same_svg_gives_the_same_pdf_bytes_every_time() {
        // Two fonts and several translucent marks: svg2pdf keeps both in hash maps, whose
        // order changes from one map to the next.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80">
            <circle cx="20" cy="20" r="10" fill="red" fill-opacity="0.45"/>
            <circle cx="50" cy="20" r="10" fill="blue" fill-opacity="0.3"/>
            <circle cx="80" cy="20" r="10" fill="green" fill-opacity="0.2"/>
            <text x="4" y="60" font-size="14">Regular words</text>
            <text x="100" y="60" font-size="14" font-weight="bold">Bold words</text></svg>"##;
        let first = svg_to_pdf(svg).unwrap();
        for _ in 0..12 {
            assert!(svg_to_pdf(svg).unwrap() == first, "the PDF bytes changed");
        }
    }
}
