//! Stage 3, render: the side panel — size legend (nested circles at round values, drawn on the
//! map's own scale), the marks for disputed figures and for incidents without a figure, the
//! colour legend of event types, and a scale bar in km.

use std::collections::BTreeSet;

use crate::model::{group_thousands, EventType};

use super::font::{text_width_px, Weight};
use super::layout::PageLayout;
use super::map::SymbolInfo;
use super::projection::Viewport;
use super::svg::{num, SvgDoc, TextLine};
use super::symbols::{event_colour, legend_values, SizeScale};
use super::SizeBy;

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

struct Cursor<'a> {
    doc: &'a mut SvgDoc,
    page: &'a PageLayout,
    y: f64,
}

impl Cursor<'_> {
    fn heading(&mut self, text: &str) {
        let size = self.page.panel_heading_size_px;
        self.y += size * 1.1;
        let line = TextLine {
            text: text.to_string(),
            size_px: size,
            bold: true,
            fill: "#1a1a1a".into(),
        };
        self.doc.text(self.page.panel.x, self.y, &line, "start", "");
        self.y += size * 0.5;
    }

    /// Wrapped text starting at `x`, advancing the cursor.
    fn paragraph(&mut self, x: f64, text: &str) {
        let size = self.page.panel_text_size_px;
        let max_w = self.page.panel.right() - x;
        for line in wrap(text, size, Weight::Regular, max_w) {
            self.y += size * 1.25;
            let line = TextLine {
                text: line,
                size_px: size,
                bold: false,
                fill: "#333333".into(),
            };
            self.doc.text(x, self.y, &line, "start", "");
        }
    }

    fn gap(&mut self, units: f64) {
        self.y += units * self.page.unit;
    }
}

/// Draws the panel into `page.panel`.
#[allow(clippy::too_many_arguments)]
pub fn draw_panel(
    doc: &mut SvgDoc,
    page: &PageLayout,
    scale: &SizeScale,
    viewport: &Viewport,
    size_by: &SizeBy,
    symbols: &[SymbolInfo],
    event_types: &BTreeSet<Option<EventType>>,
    has_references: bool,
) {
    let unit = page.unit;
    let panel = page.panel;
    doc.open_group("legend", "");
    let mut c = Cursor {
        doc,
        page,
        y: panel.y,
    };

    let max_value = symbols
        .iter()
        .flat_map(|s| {
            [
                s.value.map(|v| v as f64),
                s.ring_r_px.map(|r| inverse(scale, r)),
            ]
        })
        .flatten()
        .fold(0.0, f64::max);
    let values = legend_values(max_value);
    if !values.is_empty() {
        c.heading("Circle area");
        let what = match size_by {
            SizeBy::Largest => {
                "People affected: each incident's largest reported figure, best estimate"
                    .to_string()
            }
            SizeBy::Measure(m) => format!("People {m}, best estimate"),
        };
        c.paragraph(panel.x, &what);
        c.gap(24.0);
        let r_max = scale.radius_px(values[0] as f64);
        let cx = panel.x + r_max + 2.0 * unit;
        let bottom = c.y + 2.0 * r_max;
        for value in &values {
            let r = scale.radius_px(*value as f64);
            c.doc.circle(
                cx,
                bottom - r,
                r,
                &format!(
                    "fill=\"none\" stroke=\"#555555\" stroke-width=\"{}\"",
                    num(1.3 * unit)
                ),
            );
            let top = bottom - 2.0 * r;
            let label_x = cx + r_max + 14.0 * unit;
            c.doc.line(
                (cx, top),
                (label_x - 4.0 * unit, top),
                &format!(
                    "stroke=\"#888888\" stroke-width=\"{}\" stroke-dasharray=\"2 2\"",
                    num(unit)
                ),
            );
            let line = TextLine {
                text: group_thousands(*value),
                size_px: page.panel_text_size_px,
                bold: false,
                fill: "#333333".into(),
            };
            c.doc.text(
                label_x,
                top + page.panel_text_size_px * 0.35,
                &line,
                "start",
                "",
            );
        }
        c.y = bottom + 8.0 * unit;
    }

    let sample_x = panel.x + 14.0 * unit;
    let text_x = panel.x + 34.0 * unit;
    if symbols.iter().any(|s| s.ring_r_px.is_some()) {
        c.gap(8.0);
        let y = c.y + 12.0 * unit;
        c.doc.circle(
            sample_x,
            y,
            11.0 * unit,
            &format!(
                "fill=\"none\" stroke=\"#555555\" stroke-width=\"{}\" stroke-dasharray=\"{} {}\"",
                num(1.6 * unit),
                num(4.0 * unit),
                num(3.0 * unit)
            ),
        );
        c.doc.circle(
            sample_x,
            y,
            6.0 * unit,
            "fill=\"#999999\" fill-opacity=\"0.45\" stroke=\"#555555\"",
        );
        c.y -= page.panel_text_size_px * 0.2;
        c.paragraph(
            text_x,
            "Dashed ring: the highest claim, where sources disagree",
        );
        c.y = c.y.max(y + 12.0 * unit);
    }
    if symbols.iter().any(|s| s.r_px == 0.0) {
        c.gap(8.0);
        let y = c.y + 10.0 * unit;
        let m = 7.0 * unit;
        c.doc.raw(&format!(
            "<path d=\"M{},{}L{},{}L{},{}L{},{}Z\" fill=\"#7F7F7F\" stroke=\"#ffffff\"/>",
            num(sample_x),
            num(y - m * 1.3),
            num(sample_x + m),
            num(y),
            num(sample_x),
            num(y + m * 1.3),
            num(sample_x - m),
            num(y)
        ));
        c.y -= page.panel_text_size_px * 0.2;
        c.paragraph(text_x, "Incident without a reported figure");
        c.y = c.y.max(y + 10.0 * unit);
    }
    if has_references {
        c.gap(8.0);
        let y = c.y + 9.0 * unit;
        c.doc.circle(
            sample_x,
            y,
            4.5 * unit,
            &format!(
                "fill=\"#ffffff\" stroke=\"#555555\" stroke-width=\"{}\"",
                num(1.6 * unit)
            ),
        );
        c.y -= page.panel_text_size_px * 0.2;
        c.paragraph(text_x, "Place named in the reports for context");
        c.y = c.y.max(y + 9.0 * unit);
    }

    c.gap(22.0);
    c.heading("Event type (ACLED)");
    for event in event_types {
        c.gap(6.0);
        let y = c.y + 9.0 * unit;
        let colour = event_colour(*event);
        c.doc.circle(
            sample_x,
            y,
            8.0 * unit,
            &format!(
                "fill=\"{colour}\" fill-opacity=\"0.45\" stroke=\"{colour}\" stroke-width=\"{}\"",
                num(2.0 * unit)
            ),
        );
        c.y -= page.panel_text_size_px * 0.2;
        c.paragraph(text_x, event.map_or("Not classified", EventType::as_str));
        c.y = c.y.max(y + 8.0 * unit);
    }

    c.gap(26.0);
    c.heading("Scale");
    let (km, px) = scale_bar(viewport.px_per_km, panel.w * 0.7);
    let y = c.y + 14.0 * unit;
    let h = 7.0 * unit;
    c.doc.rect(panel.x, y, px / 2.0, h, "fill=\"#333333\"");
    c.doc.rect(
        panel.x + px / 2.0,
        y,
        px / 2.0,
        h,
        "fill=\"#ffffff\" stroke=\"#333333\"",
    );
    c.doc.rect(
        panel.x,
        y,
        px,
        h,
        &format!(
            "fill=\"none\" stroke=\"#333333\" stroke-width=\"{}\"",
            num(unit)
        ),
    );
    let text = |t: String| TextLine {
        text: t,
        size_px: page.panel_text_size_px,
        bold: false,
        fill: "#333333".into(),
    };
    let ty = y + h + page.panel_text_size_px * 1.25;
    c.doc.text(panel.x, ty, &text("0".into()), "start", "");
    c.doc.text(
        panel.x + px,
        ty,
        &text(format!("{} km", group_thousands(km as u64))),
        "middle",
        "",
    );
    c.doc.close_group();
}

/// Value whose circle has radius `r` on `scale` (for the legend's maximum).
fn inverse(scale: &SizeScale, r: f64) -> f64 {
    let unit_r = scale.radius_px(1.0);
    if unit_r > 0.0 {
        (r / unit_r).powi(2)
    } else {
        0.0
    }
}

/// A round scale-bar length (1, 2 or 5 × 10ⁿ km) no longer than `max_px`, and its length in px.
pub fn scale_bar(px_per_km: f64, max_px: f64) -> (f64, f64) {
    let max_km = (max_px / px_per_km).max(1e-6);
    let magnitude = 10f64.powi(max_km.log10().floor() as i32);
    let km = [5.0, 2.0, 1.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|k| *k <= max_km)
        .unwrap_or(magnitude);
    (km, km * px_per_km)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_bars_are_round_and_fit() {
        let (km, px) = scale_bar(2.5, 230.0);
        assert_eq!(km, 50.0);
        assert!((px - 125.0).abs() < 1e-9);
        let (km, px) = scale_bar(0.01, 200.0);
        assert_eq!(km, 20000.0);
        assert!(px <= 200.0);
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
