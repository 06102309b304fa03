//! Stage 3, render: the side panel — size legend (nested circles at round values, drawn on the
//! map's own scale), the marks for disputed figures and for incidents without a figure, the
//! colour legend of event types, and a scale bar in km.

use std::collections::BTreeSet;

use crate::model::{group_thousands, EventType};

use super::font::{text_width_px, Weight};
use super::layout::PageLayout;
use super::map::SymbolInfo;
use super::projection::{Projection, Viewport};
use super::svg::{num, SvgDoc, TextLine};
use super::symbols::{diamond, legend_values, zero_mark, SizeScale};
use super::theme::Word;
use super::{MapOptions, SizeBy};

/// What the panel has to explain besides the size legend.
#[derive(Debug, Clone, Default)]
pub struct PanelContent {
    pub event_types: BTreeSet<Option<EventType>>,
    pub has_references: bool,
    pub has_towns: bool,
    /// The symbols are groups of incidents (by place or hexagon).
    pub aggregated: bool,
    /// The measure of the reported zeros drawn, when there are any.
    pub zero_measure: Option<crate::model::Measure>,
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

struct Cursor<'a> {
    doc: &'a mut SvgDoc,
    page: &'a PageLayout,
    text: &'a str,
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
            fill: self.text.to_string(),
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
                fill: self.text.to_string(),
            };
            self.doc.text(x, self.y, &line, "start", "");
        }
    }

    fn gap(&mut self, units: f64) {
        self.y += units * self.page.unit;
    }
}

/// Draws the panel into `page.panel`; returns the y (px) where its content ends.
pub fn draw_panel(
    doc: &mut SvgDoc,
    page: &PageLayout,
    scale: &SizeScale,
    viewport: &Viewport,
    options: &MapOptions,
    symbols: &[SymbolInfo],
    content: &PanelContent,
) -> f64 {
    let unit = page.unit;
    let panel = page.panel;
    let theme = &options.theme;
    let lang = options.lang;
    let stroke = theme.text_muted;
    doc.open_group("legend", "");
    let mut c = Cursor {
        doc,
        page,
        text: theme.text,
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
        c.heading(lang.word(Word::CircleArea));
        let what = match &options.size_by {
            SizeBy::Largest => lang.word(Word::PeopleAffected).to_string(),
            SizeBy::Measure(m) => {
                format!(
                    "{}, {}",
                    lang.measure_heading(m),
                    lang.word(Word::BestEstimate)
                )
            }
        };
        c.paragraph(panel.x, &what);
        c.gap(24.0);
        let r_max = scale.radius_px(values[0] as f64);
        let text_size = page.panel_text_size_px;
        let label = |value: u64| TextLine {
            text: group_thousands(value),
            size_px: text_size,
            bold: false,
            fill: theme.text.to_string(),
        };
        let circle_attrs = format!(
            "fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{}\"",
            num(1.3 * unit)
        );
        let tops_apart = values.windows(2).all(|w| {
            2.0 * (scale.radius_px(w[0] as f64) - scale.radius_px(w[1] as f64)) >= text_size * 1.1
        });
        if tops_apart {
            // Nested circles on one baseline, each value level with its circle's top.
            let cx = panel.x + r_max + 2.0 * unit;
            let bottom = c.y + 2.0 * r_max;
            for value in &values {
                let r = scale.radius_px(*value as f64);
                c.doc.circle(cx, bottom - r, r, &circle_attrs);
                let top = bottom - 2.0 * r;
                let label_x = cx + r_max + 14.0 * unit;
                c.doc.line(
                    (cx, top),
                    (label_x - 4.0 * unit, top),
                    &format!(
                        "stroke=\"{stroke}\" stroke-width=\"{}\" stroke-dasharray=\"2 2\"",
                        num(unit)
                    ),
                );
                c.doc
                    .text(label_x, top + text_size * 0.35, &label(*value), "start", "");
            }
            c.y = bottom + 8.0 * unit;
        } else {
            // Small circles: side by side, smallest first, each value under its circle.
            let slot = values
                .iter()
                .map(|v| text_width_px(&group_thousands(*v), text_size, Weight::Regular))
                .fold(2.0 * r_max, f64::max)
                + 14.0 * unit;
            let bottom = c.y + 2.0 * r_max;
            for (k, value) in values.iter().rev().enumerate() {
                let r = scale.radius_px(*value as f64);
                let cx = panel.x + slot * (k as f64 + 0.5);
                c.doc.circle(cx, bottom - r, r, &circle_attrs);
                c.doc
                    .text(cx, bottom + text_size * 1.3, &label(*value), "middle", "");
            }
            c.y = bottom + text_size * 1.3 + 8.0 * unit;
        }
    }

    if content.aggregated {
        c.gap(4.0);
        c.paragraph(panel.x, lang.word(Word::Aggregated));
        c.gap(6.0);
    }
    let sample_x = panel.x + 14.0 * unit;
    let text_x = panel.x + 34.0 * unit;
    // One legend row: a sample drawn at the row's centre, then wrapped text.
    let row = |c: &mut Cursor, half_h: f64, sample: &dyn Fn(&mut SvgDoc, f64), text: &str| {
        c.gap(8.0);
        let y = c.y + half_h;
        sample(c.doc, y);
        c.y -= page.panel_text_size_px * 0.2;
        c.paragraph(text_x, text);
        c.y = c.y.max(y + half_h);
    };
    if symbols.iter().any(|s| s.ring_r_px.is_some()) {
        let sample = |doc: &mut SvgDoc, y: f64| {
            doc.circle(sample_x, y, 11.0 * unit, &format!("fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{}\" stroke-dasharray=\"{} {}\"", num(1.6 * unit), num(4.0 * unit), num(3.0 * unit)));
            doc.circle(
                sample_x,
                y,
                6.0 * unit,
                &format!(
                    "fill=\"{}\" fill-opacity=\"0.45\" stroke=\"{stroke}\"",
                    theme.event_colour(None)
                ),
            );
        };
        row(&mut c, 12.0 * unit, &sample, lang.word(Word::DashedRing));
    }
    if let Some(measure) = &content.zero_measure {
        let sample = |doc: &mut SvgDoc, y: f64| {
            zero_mark(
                doc,
                (sample_x, y),
                theme.event_colour(None),
                theme.halo,
                unit,
            );
        };
        let text = lang.zero_reported(measure);
        row(&mut c, 8.0 * unit, &sample, &text);
    }
    if symbols.iter().any(|s| s.r_px == 0.0 && s.value.is_none()) {
        let sample = |doc: &mut SvgDoc, y: f64| {
            diamond(
                doc,
                (sample_x, y),
                theme.event_colour(None),
                theme.halo,
                unit,
            );
        };
        row(&mut c, 10.0 * unit, &sample, lang.word(Word::NoFigure));
    }
    if content.has_references {
        let sample = |doc: &mut SvgDoc, y: f64| {
            doc.circle(
                sample_x,
                y,
                4.5 * unit,
                &format!(
                    "fill=\"{}\" stroke=\"{stroke}\" stroke-width=\"{}\"",
                    theme.page,
                    num(1.6 * unit)
                ),
            );
        };
        row(&mut c, 9.0 * unit, &sample, lang.word(Word::ContextPlace));
    }
    if content.has_towns {
        let sample = |doc: &mut SvgDoc, y: f64| {
            doc.rect(
                sample_x - 3.0 * unit,
                y - 3.0 * unit,
                6.0 * unit,
                6.0 * unit,
                &format!("fill=\"{}\"", theme.town),
            );
        };
        row(&mut c, 9.0 * unit, &sample, lang.word(Word::Town));
    }

    c.gap(22.0);
    c.heading(lang.word(Word::EventTypeHeading));
    for event in &content.event_types {
        let colour = theme.event_colour(*event);
        let sample = |doc: &mut SvgDoc, y: f64| {
            doc.circle(
                sample_x,
                y,
                8.0 * unit,
                &format!(
                    "fill=\"{colour}\" fill-opacity=\"{}\" stroke=\"{colour}\" stroke-width=\"{}\"",
                    theme.symbol_opacity,
                    num(2.0 * unit)
                ),
            );
        };
        row(
            &mut c,
            9.0 * unit,
            &sample,
            event.map_or(lang.word(Word::NotClassified), |e| lang.event_type(e)),
        );
    }

    // A world projection has no single scale: no scale bar there.
    if matches!(viewport.projection, Projection::EqualEarth(_)) {
        c.doc.close_group();
        return c.y;
    }
    c.gap(26.0);
    c.heading(lang.word(Word::Scale));
    let (km, px) = scale_bar(viewport.px_per_km, panel.w * 0.7);
    let y = c.y + 14.0 * unit;
    let h = 7.0 * unit;
    c.doc
        .rect(panel.x, y, px / 2.0, h, &format!("fill=\"{}\"", theme.text));
    c.doc.rect(
        panel.x,
        y,
        px,
        h,
        &format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
            theme.text,
            num(unit)
        ),
    );
    let text = |t: String| TextLine {
        text: t,
        size_px: page.panel_text_size_px,
        bold: false,
        fill: theme.text.to_string(),
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
    ty + page.panel_text_size_px * 0.4
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
