//! Stage 3, render: the marks drawn — proportional circles with their dashed rings, the small
//! hollow circle of a reported 0 and the diamond of an incident without a figure — on the map
//! and as samples in the legend.

use crate::render::geometry::Rect;
use crate::render::scene::scale::{MARKER_PX, ZERO_MARK_PX};
use crate::render::scene::{Mark, Symbol};
use crate::render::theme::Theme;

use super::doc::{num, SvgDoc};

/// Draws the symbols in their order (largest first), clipped to the frame.
pub(super) fn draw_symbols(
    doc: &mut SvgDoc,
    symbols: &[Symbol],
    frame: Rect,
    theme: &Theme,
    unit: f64,
) {
    // Symbols stay inside the frame: a circle at its edge is cut there, never drawn over the
    // margins, the title or the legend.
    doc.raw(&format!(
        "<clipPath id=\"frame-clip\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>",
        num(frame.x),
        num(frame.y),
        num(frame.w),
        num(frame.h)
    ));
    doc.open_group("symbols", "clip-path=\"url(#frame-clip)\"");
    for symbol in symbols {
        let sym = &symbol.info;
        let colour = symbol.colour;
        let stroke_w = num(2.0 * unit);
        if let Some(ring) = sym.ring_r_px {
            doc.circle(sym.x_px, sym.y_px, ring, &format!("fill=\"none\" stroke=\"{colour}\" stroke-width=\"{stroke_w}\" stroke-dasharray=\"{} {}\"", num(6.0 * unit), num(4.0 * unit)));
        }
        let at = (sym.x_px, sym.y_px);
        match symbol.mark {
            Mark::Circle => doc.circle(sym.x_px, sym.y_px, sym.r_px, &format!("fill=\"{colour}\" fill-opacity=\"{}\" stroke=\"{colour}\" stroke-width=\"{stroke_w}\"", theme.symbol_opacity)),
            Mark::ReportedZero => zero_mark(doc, at, colour, theme.halo, unit),
            Mark::NoFigure => diamond(doc, at, colour, theme.halo, unit),
        }
    }
    doc.close_group();
}

/// The mark of a reported 0: a small hollow circle with a halo.
pub(super) fn zero_mark(doc: &mut SvgDoc, (x, y): (f64, f64), colour: &str, halo: &str, unit: f64) {
    let r = ZERO_MARK_PX * unit;
    doc.circle(
        x,
        y,
        r,
        &format!(
            "fill=\"{halo}\" fill-opacity=\"0.6\" stroke=\"{colour}\" stroke-width=\"{}\"",
            num(2.2 * unit)
        ),
    );
}

/// The mark of an incident without a figure: a diamond with a halo.
pub(super) fn diamond(doc: &mut SvgDoc, (x, y): (f64, f64), colour: &str, halo: &str, unit: f64) {
    let m = MARKER_PX * unit;
    doc.raw(&format!(
        "<path d=\"M{},{}L{},{}L{},{}L{},{}Z\" fill=\"{colour}\" stroke=\"{halo}\" stroke-width=\"{}\"/>",
        num(x), num(y - m * 1.3), num(x + m), num(y), num(x), num(y + m * 1.3), num(x - m), num(y), num(1.5 * unit)
    ));
}
