//! Stage 3, render: one map frame drawn from its scene — the basemap layers, context places,
//! symbols, labels (leader lines, text with a halo or letter-spaced area names), river names
//! along their rivers, town dots, and the frame's outline.

use crate::render::scene::RiverLabel;
use crate::render::scene::{Basemap, FrameScene, Label, LabelStyle, CONTEXT_DOT_PX, TOWN_DOT_PX};
use crate::render::theme::Theme;

use super::doc::{escape, num, SvgDoc};
use super::marks::draw_symbols;

/// Draws a frame in layer groups.
pub(super) fn draw_frame(doc: &mut SvgDoc, frame: &FrameScene, theme: &Theme, unit: f64) {
    let f = frame.rect;
    doc.open_group("basemap", "");
    doc.rect(f.x, f.y, f.w, f.h, &format!("fill=\"{}\"", theme.sea));
    draw_basemap(doc, &frame.basemap, theme, unit);
    doc.close_group();
    doc.open_group("reference-places", "");
    for (x, y) in &frame.context_places {
        doc.circle(
            *x,
            *y,
            CONTEXT_DOT_PX * unit,
            &format!(
                "fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"",
                theme.page,
                theme.text_muted,
                num(1.6 * unit)
            ),
        );
    }
    doc.close_group();
    draw_symbols(doc, &frame.symbols, f, theme, unit);
    doc.open_group("labels", "");
    for label in &frame.labels {
        draw_label(doc, label, theme, unit);
    }
    doc.close_group();
    draw_river_names(doc, &frame.rivers, theme, frame.river_size_px);
    doc.open_group("towns", "");
    let side = 2.0 * TOWN_DOT_PX * unit;
    for (x, y) in &frame.towns {
        doc.rect(
            x - TOWN_DOT_PX * unit,
            y - TOWN_DOT_PX * unit,
            side,
            side,
            &format!("fill=\"{}\"", theme.town),
        );
    }
    doc.close_group();
    doc.rect(
        f.x,
        f.y,
        f.w,
        f.h,
        &format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"1\"",
            theme.frame
        ),
    );
}

/// The basemap's layers over the sea, each in a group of its own.
fn draw_basemap(doc: &mut SvgDoc, basemap: &Basemap, theme: &Theme, unit: f64) {
    if let Some(lines) = &basemap.graticule {
        doc.open_group("graticule", "");
        let attrs = format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"1\"",
            theme.graticule
        );
        doc.path(lines, false, &attrs);
        doc.close_group();
    }
    doc.open_group("land", "");
    doc.path(
        &basemap.land,
        true,
        &format!(
            "fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\" fill-rule=\"evenodd\"",
            theme.land,
            theme.coast,
            num(0.8 * unit)
        ),
    );
    doc.close_group();
    if let Some(rings) = &basemap.focus {
        doc.open_group("focus-country", "");
        let attrs = format!("fill=\"{}\" fill-rule=\"evenodd\"", theme.land_focus);
        doc.path(rings, true, &attrs);
        doc.close_group();
    }
    if let Some(lines) = &basemap.admin1 {
        doc.open_group("admin1-borders", "");
        doc.path(
            lines,
            false,
            &format!(
                "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-dasharray=\"{} {}\"",
                theme.admin1_line,
                num(1.1 * unit),
                num(5.0 * unit),
                num(3.0 * unit)
            ),
        );
        doc.close_group();
    }
    draw_water(doc, basemap, theme, unit);
    doc.open_group("country-borders", "");
    doc.path(
        &basemap.borders,
        false,
        &format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\"",
            theme.border,
            num(1.4 * unit)
        ),
    );
    doc.close_group();
}

/// Lakes, then rivers.
fn draw_water(doc: &mut SvgDoc, basemap: &Basemap, theme: &Theme, unit: f64) {
    doc.open_group("water", "");
    doc.path(
        &basemap.lakes,
        true,
        &format!(
            "fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\" fill-rule=\"evenodd\"",
            theme.sea,
            theme.coast,
            num(0.6 * unit)
        ),
    );
    for river in &basemap.rivers {
        doc.path(&river.parts, false, &format!("fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"", theme.water_line, num(river.width_px)));
    }
    doc.close_group();
}

/// A label: its leader line, then its text.
fn draw_label(doc: &mut SvgDoc, label: &Label, theme: &Theme, unit: f64) {
    if let Some((a, b)) = label.leader {
        doc.line(
            a,
            b,
            &format!(
                "stroke=\"{}\" stroke-width=\"{}\"",
                theme.text_muted,
                num(1.2 * unit)
            ),
        );
    }
    if label.style == LabelStyle::Plate {
        // Within the clearance every label keeps, so that plates never touch.
        let (r, pad) = (label.rect, 2.0);
        doc.rect(
            r.x - pad,
            r.y - pad,
            r.w + 2.0 * pad,
            r.h + 2.0 * pad,
            &format!(
                "fill=\"{}\" fill-opacity=\"0.88\" stroke=\"{}\" stroke-width=\"{}\" rx=\"{}\"",
                theme.halo,
                theme.text_muted,
                num(0.8 * unit),
                num(3.0 * unit)
            ),
        );
    }
    let attrs = match label.style {
        LabelStyle::Halo | LabelStyle::Plate => format!(
            "stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
            theme.halo,
            num(3.5 * unit)
        ),
        LabelStyle::Spaced(spacing) => format!("letter-spacing=\"{}\"", num(spacing)),
    };
    for text in &label.texts {
        doc.text_at(text, &attrs);
    }
}

/// Draws the placed river names (italic-looking through a slight skew is avoided: the shipped
/// font has no italic; water names are set in the water colour instead).
fn draw_river_names(doc: &mut SvgDoc, labels: &[RiverLabel], theme: &Theme, size_px: f64) {
    if labels.is_empty() {
        return;
    }
    doc.open_group("river-names", "");
    let mut defs = String::from("<defs>");
    for (k, label) in labels.iter().enumerate() {
        let d: String = label
            .path
            .iter()
            .enumerate()
            .map(|(i, (x, y))| format!("{}{},{}", if i == 0 { "M" } else { "L" }, num(*x), num(*y)))
            .collect();
        defs.push_str(&format!("<path id=\"river-name-{k}\" d=\"{d}\"/>"));
    }
    defs.push_str("</defs>");
    doc.raw(&defs);
    for (k, label) in labels.iter().enumerate() {
        doc.raw(&format!(
            "<text font-size=\"{}\" fill=\"{}\" letter-spacing=\"{}\" stroke=\"{}\" stroke-width=\"{}\" paint-order=\"stroke\"><textPath href=\"#river-name-{k}\" startOffset=\"50%\" text-anchor=\"middle\"><tspan dy=\"{}\">{}</tspan></textPath></text>",
            num(size_px),
            theme.water_label,
            num(size_px * 0.08),
            theme.land_focus,
            num(size_px * 0.2),
            num(-size_px * 0.35),
            escape(&label.text)
        ));
    }
    doc.close_group();
}
