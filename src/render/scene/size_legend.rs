//! Stage 3, render: the size legend decided — circles at round values up to the largest value
//! (or highest claim) on the map, on the map's own circle scale, so that a legend circle and a
//! symbol of the same value have the same radius.

use crate::model::group_thousands;
use crate::render::font::{text_width_px, Weight};
use crate::render::theme::{Lang, Word};
use crate::render::{MapOptions, SizeBy};

use super::cursor::Cursor;
use super::scale::{legend_values, SizeScale};
use super::types::Anchor;
use super::types::SymbolInfo;
use super::types::{LegendCircle, SizeLegend};

/// Circles at round values up to the largest value (or highest claim) shown: nested on one
/// baseline when their tops are far enough apart for their values, else side by side.
pub(crate) fn size_legend(
    c: &mut Cursor,
    scale: &SizeScale,
    options: &MapOptions,
    symbols: &[&SymbolInfo],
) -> Option<SizeLegend> {
    let lang = options.lang;
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
    if values.is_empty() {
        return None;
    }
    let heading = c.heading(lang.word(Word::CircleArea));
    let what = c.paragraph(c.page.panel.x, &size_note(&options.size_by, lang));
    c.gap(24.0);
    let text_size = c.page.panel_text_size_px;
    let tops_apart = values.windows(2).all(|w| {
        2.0 * (scale.radius_px(w[0] as f64) - scale.radius_px(w[1] as f64)) >= text_size * 1.1
    });
    let circles = if tops_apart {
        nested_circles(c, scale, &values)
    } else {
        circles_side_by_side(c, scale, &values)
    };
    Some(SizeLegend {
        heading,
        what,
        circles,
    })
}

/// What the circles count: "People affected …", or a measure's best estimate. The
/// interactive map says the same.
pub(crate) fn size_note(size_by: &SizeBy, lang: Lang) -> String {
    match size_by {
        SizeBy::Largest => lang.word(Word::PeopleAffected).to_string(),
        SizeBy::Measure(m) => format!(
            "{}, {}",
            lang.measure_heading(m),
            lang.word(Word::BestEstimate)
        ),
    }
}

/// Nested circles on one baseline, each value level with its circle's top.
fn nested_circles(c: &mut Cursor, scale: &SizeScale, values: &[u64]) -> Vec<LegendCircle> {
    let (unit, text_size) = (c.page.unit, c.page.panel_text_size_px);
    let r_max = scale.radius_px(values[0] as f64);
    let cx = c.page.panel.x + r_max + 2.0 * unit;
    let bottom = c.y + 2.0 * r_max;
    let label_x = cx + r_max + 14.0 * unit;
    let circles = values
        .iter()
        .map(|&value| {
            let r = scale.radius_px(value as f64);
            let top = bottom - 2.0 * r;
            let value_at = (label_x, top + text_size * 0.35, Anchor::Start);
            LegendCircle {
                tick: Some(((cx, top), (label_x - 4.0 * unit, top))),
                ..standing_circle(c, value, r, (cx, bottom), value_at)
            }
        })
        .collect();
    c.y = bottom + 8.0 * unit;
    circles
}

/// Small circles side by side, smallest first, each value under its circle.
fn circles_side_by_side(c: &mut Cursor, scale: &SizeScale, values: &[u64]) -> Vec<LegendCircle> {
    let (unit, text_size) = (c.page.unit, c.page.panel_text_size_px);
    let r_max = scale.radius_px(values[0] as f64);
    let slot = values
        .iter()
        .map(|v| text_width_px(&group_thousands(*v), text_size, Weight::Regular))
        .fold(2.0 * r_max, f64::max)
        + 14.0 * unit;
    let bottom = c.y + 2.0 * r_max;
    let circles = values
        .iter()
        .rev()
        .enumerate()
        .map(|(k, &value)| {
            let r = scale.radius_px(value as f64);
            let cx = c.page.panel.x + slot * (k as f64 + 0.5);
            let value_at = (cx, bottom + text_size * 1.3, Anchor::Middle);
            standing_circle(c, value, r, (cx, bottom), value_at)
        })
        .collect();
    c.y = bottom + text_size * 1.3 + 8.0 * unit;
    circles
}

/// The legend circle of `value`, radius `r_px`, standing on the baseline at `(cx, bottom)`,
/// its value written at `value_at` (x, y, anchor); no tick.
fn standing_circle(
    c: &Cursor,
    value: u64,
    r_px: f64,
    (cx, bottom): (f64, f64),
    (x_px, y_px, anchor): (f64, f64, Anchor),
) -> LegendCircle {
    let text = group_thousands(value);
    LegendCircle {
        value,
        cx_px: cx,
        cy_px: bottom - r_px,
        r_px,
        label: c.text(x_px, y_px, text, c.page.panel_text_size_px, anchor),
        tick: None,
    }
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
