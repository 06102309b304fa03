//! Stage 3, render: the side panel's pen — where the next heading, paragraph (wrapped with
//! the embedded font's metrics) or legend row goes, moving down as the panel fills.

use crate::render::font::{wrap, Weight};

use super::layout::PageLayout;
use super::types::{Anchor, LegendRow, Sample, Text, TextLine};

/// The panel's pen: where the next line goes.
pub(crate) struct Cursor<'a> {
    pub page: &'a PageLayout,
    pub fill: &'a str,
    pub y: f64,
}

impl Cursor<'_> {
    pub fn text(&self, x_px: f64, y_px: f64, text: String, size_px: f64, anchor: Anchor) -> Text {
        Text {
            x_px,
            y_px,
            line: TextLine {
                text,
                size_px,
                bold: false,
                fill: self.fill.to_string(),
            },
            anchor,
        }
    }

    pub fn heading(&mut self, text: &str) -> Text {
        let size = self.page.panel_heading_size_px;
        self.y += size * 1.1;
        let mut heading = self.text(self.page.panel.x, self.y, text.into(), size, Anchor::Start);
        heading.line.bold = true;
        self.y += size * 0.5;
        heading
    }

    /// Wrapped text starting at `x`, advancing the cursor.
    pub fn paragraph(&mut self, x: f64, text: &str) -> Vec<Text> {
        let size = self.page.panel_text_size_px;
        let max_w = self.page.panel.right() - x;
        let mut lines = Vec::new();
        for line in wrap(text, size, Weight::Regular, max_w) {
            self.y += size * 1.25;
            lines.push(self.text(x, self.y, line, size, Anchor::Start));
        }
        lines
    }

    pub fn gap(&mut self, units: f64) {
        self.y += units * self.page.unit;
    }

    /// One legend row: a sample at the row's centre (`half_h_px` below the row's top), then
    /// wrapped text beside it.
    pub fn row(&mut self, half_h_px: f64, sample: Sample, text: &str) -> LegendRow {
        let unit = self.page.unit;
        self.gap(8.0);
        let y = self.y + half_h_px;
        self.y -= self.page.panel_text_size_px * 0.2;
        let texts = self.paragraph(self.page.panel.x + 34.0 * unit, text);
        self.y = self.y.max(y + half_h_px);
        LegendRow {
            sample,
            x_px: self.page.panel.x + 14.0 * unit,
            y_px: y,
            texts,
        }
    }
}
