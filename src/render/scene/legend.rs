//! Stage 3, render: the side panel decided — the size legend (nested circles at round values,
//! on the map's own scale), a row for each kind of mark the map shows (disputed figures,
//! reported zeros, incidents without a figure, context places, towns), the colour legend of
//! event types, and a scale bar in km — each set at its place in the panel.

use std::collections::BTreeSet;

use crate::model::{group_thousands, EventType};

use crate::render::projection::{Projection, Viewport};
use crate::render::theme::{Lang, Theme, Word};
use crate::render::MapOptions;

use super::cursor::Cursor;
use super::layout::PageLayout;
use super::scale::SizeScale;
use super::size_legend::size_legend;
use super::types::{Anchor, Legend, LegendRow, Sample, ScaleBar, SymbolInfo};

/// What the panel has to explain besides the size legend.
#[derive(Debug, Clone, Default)]
pub(crate) struct LegendContent {
    pub event_types: BTreeSet<Option<EventType>>,
    pub has_references: bool,
    pub has_towns: bool,
    /// The symbols are groups of incidents (by place or hexagon).
    pub aggregated: bool,
    /// The measure of the reported zeros drawn, when there are any.
    pub zero_measure: Option<crate::model::Measure>,
}

/// Lays out the panel in `page.panel` for the symbols of every frame.
pub(crate) fn build_legend(
    page: &PageLayout,
    scale: &SizeScale,
    viewport: &Viewport,
    options: &MapOptions,
    symbols: &[&SymbolInfo],
    content: &LegendContent,
) -> Legend {
    let theme = &options.theme;
    let lang = options.lang;
    let mut c = Cursor {
        page,
        fill: theme.text,
        y: page.panel.y,
    };
    let size = size_legend(&mut c, scale, options, symbols);
    let mut aggregated_note = Vec::new();
    if content.aggregated {
        c.gap(4.0);
        aggregated_note = c.paragraph(page.panel.x, lang.word(Word::Aggregated));
        c.gap(6.0);
    }
    let rows = mark_rows(&mut c, symbols, content, lang);
    c.gap(22.0);
    let event_heading = c.heading(lang.word(Word::EventTypeHeading));
    let event_rows = event_rows(&mut c, &content.event_types, theme, lang);
    // A world projection has no single scale: no scale bar there.
    let scale_bar = match viewport.projection {
        Projection::EqualEarth(_) => None,
        _ => Some(scale_bar_at(&mut c, viewport, lang)),
    };
    let end_y_px = match &scale_bar {
        Some(bar) => bar.labels[0].y_px + page.panel_text_size_px * 0.4,
        None => c.y,
    };
    Legend {
        size,
        aggregated_note,
        rows,
        event_heading,
        event_rows,
        scale_bar,
        end_y_px,
    }
}

/// A row for each kind of mark the map shows besides plain circles.
fn mark_rows(
    c: &mut Cursor,
    symbols: &[&SymbolInfo],
    content: &LegendContent,
    lang: Lang,
) -> Vec<LegendRow> {
    let unit = c.page.unit;
    let mut rows = Vec::new();
    if symbols.iter().any(|s| s.ring_r_px.is_some()) {
        rows.push(c.row(
            12.0 * unit,
            Sample::DisputedRing,
            lang.word(Word::DashedRing),
        ));
    }
    if let Some(measure) = &content.zero_measure {
        let text = lang.zero_reported(measure);
        rows.push(c.row(8.0 * unit, Sample::ReportedZero, &text));
    }
    if symbols.iter().any(|s| s.r_px == 0.0 && s.value.is_none()) {
        rows.push(c.row(10.0 * unit, Sample::NoFigure, lang.word(Word::NoFigure)));
    }
    if content.has_references {
        rows.push(c.row(
            9.0 * unit,
            Sample::ContextPlace,
            lang.word(Word::ContextPlace),
        ));
    }
    if content.has_towns {
        rows.push(c.row(9.0 * unit, Sample::Town, lang.word(Word::Town)));
    }
    rows
}

/// A row per event type, in its colour.
fn event_rows(
    c: &mut Cursor,
    event_types: &BTreeSet<Option<EventType>>,
    theme: &Theme,
    lang: Lang,
) -> Vec<LegendRow> {
    let unit = c.page.unit;
    event_types
        .iter()
        .map(|event| {
            let sample = Sample::EventType(theme.event_colour(*event));
            let text = event.map_or(lang.word(Word::NotClassified), |e| lang.event_type(e));
            c.row(9.0 * unit, sample, text)
        })
        .collect()
}

/// The scale bar under its heading.
fn scale_bar_at(c: &mut Cursor, viewport: &Viewport, lang: Lang) -> ScaleBar {
    let (page, unit) = (c.page, c.page.unit);
    c.gap(26.0);
    let heading = c.heading(lang.word(Word::Scale));
    let (km, px) = scale_bar(viewport.px_per_km, page.panel.w * 0.7);
    let y = c.y + 14.0 * unit;
    let h = 7.0 * unit;
    let size = page.panel_text_size_px;
    let ty = y + h + size * 1.25;
    let end = format!("{} km", group_thousands(km as u64));
    ScaleBar {
        heading,
        x_px: page.panel.x,
        y_px: y,
        length_px: px,
        height_px: h,
        km,
        labels: vec![
            c.text(page.panel.x, ty, "0".into(), size, Anchor::Start),
            c.text(page.panel.x + px, ty, end, size, Anchor::Middle),
        ],
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
}
