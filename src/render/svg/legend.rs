//! Stage 3, render: the side panel drawn from the scene's legend — size circles with their
//! values, a sample mark for each row, the event colours, and the scale bar.

use crate::render::scene::{Legend, LegendRow, Sample, SizeLegend, CONTEXT_DOT_PX, TOWN_DOT_PX};
use crate::render::theme::Theme;

use super::doc::{num, SvgDoc};
use super::marks::{diamond, zero_mark};

pub(super) fn draw_legend(doc: &mut SvgDoc, legend: &Legend, theme: &Theme, unit: f64) {
    doc.open_group("legend", "");
    if let Some(size) = &legend.size {
        draw_size_legend(doc, size, theme, unit);
    }
    for line in &legend.aggregated_note {
        doc.text_at(line, "");
    }
    for row in &legend.rows {
        draw_row(doc, row, theme, unit);
    }
    doc.text_at(&legend.event_heading, "");
    for row in &legend.event_rows {
        draw_row(doc, row, theme, unit);
    }
    if let Some(bar) = &legend.scale_bar {
        doc.text_at(&bar.heading, "");
        let (x, y, h) = (bar.x_px, bar.y_px, bar.height_px);
        doc.rect(
            x,
            y,
            bar.length_px / 2.0,
            h,
            &format!("fill=\"{}\"", theme.text),
        );
        doc.rect(
            x,
            y,
            bar.length_px,
            h,
            &format!(
                "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
                theme.text,
                num(unit)
            ),
        );
        for label in &bar.labels {
            doc.text_at(label, "");
        }
    }
    doc.close_group();
}

fn draw_size_legend(doc: &mut SvgDoc, size: &SizeLegend, theme: &Theme, unit: f64) {
    let stroke = theme.text_muted;
    doc.text_at(&size.heading, "");
    for line in &size.what {
        doc.text_at(line, "");
    }
    let circle_attrs = format!(
        "fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{}\"",
        num(1.3 * unit)
    );
    for circle in &size.circles {
        doc.circle(circle.cx_px, circle.cy_px, circle.r_px, &circle_attrs);
        if let Some((a, b)) = circle.tick {
            doc.line(
                a,
                b,
                &format!(
                    "stroke=\"{stroke}\" stroke-width=\"{}\" stroke-dasharray=\"2 2\"",
                    num(unit)
                ),
            );
        }
        doc.text_at(&circle.label, "");
    }
}

/// A row's sample mark, then its text.
fn draw_row(doc: &mut SvgDoc, row: &LegendRow, theme: &Theme, unit: f64) {
    let stroke = theme.text_muted;
    let (x, y) = (row.x_px, row.y_px);
    match row.sample {
        Sample::DisputedRing => {
            doc.circle(x, y, 11.0 * unit, &format!("fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{}\" stroke-dasharray=\"{} {}\"", num(1.6 * unit), num(4.0 * unit), num(3.0 * unit)));
            doc.circle(
                x,
                y,
                6.0 * unit,
                &format!(
                    "fill=\"{}\" fill-opacity=\"0.45\" stroke=\"{stroke}\"",
                    theme.event_colour(None)
                ),
            );
        }
        Sample::ReportedZero => zero_mark(doc, (x, y), theme.event_colour(None), theme.halo, unit),
        Sample::NoFigure => diamond(doc, (x, y), theme.event_colour(None), theme.halo, unit),
        Sample::ContextPlace => doc.circle(
            x,
            y,
            CONTEXT_DOT_PX * unit,
            &format!(
                "fill=\"{}\" stroke=\"{stroke}\" stroke-width=\"{}\"",
                theme.page,
                num(1.6 * unit)
            ),
        ),
        Sample::Town => doc.rect(
            x - TOWN_DOT_PX * unit,
            y - TOWN_DOT_PX * unit,
            2.0 * TOWN_DOT_PX * unit,
            2.0 * TOWN_DOT_PX * unit,
            &format!("fill=\"{}\"", theme.town),
        ),
        Sample::EventType(colour) => doc.circle(
            x,
            y,
            8.0 * unit,
            &format!(
                "fill=\"{colour}\" fill-opacity=\"{}\" stroke=\"{colour}\" stroke-width=\"{}\"",
                theme.symbol_opacity,
                num(2.0 * unit)
            ),
        ),
    }
    for line in &row.texts {
        doc.text_at(line, "");
    }
}
