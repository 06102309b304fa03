//! Stage 3, render: page layout — where the title, the map frame, the side panel (legends,
//! scale bar) and the credits go for a page of a given size, and the type sizes.

use crate::render::geometry::Rect;

/// The regions of a page and the sizes everything is drawn at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageLayout {
    pub width_px: f64,
    pub height_px: f64,
    /// Scale factor relative to the 1600×1200 design size.
    pub unit: f64,
    pub margin_px: f64,
    pub title_baseline_px: f64,
    pub subtitle_baseline_px: f64,
    pub frame: Rect,
    pub panel: Rect,
    pub credits_baseline_px: f64,
    pub title_size_px: f64,
    pub subtitle_size_px: f64,
    pub label_name_size_px: f64,
    pub label_figure_size_px: f64,
    pub panel_heading_size_px: f64,
    pub panel_text_size_px: f64,
    pub credits_size_px: f64,
    /// The largest symbol radius.
    pub max_radius_px: f64,
}

impl PageLayout {
    pub fn new(width_px: f64, height_px: f64) -> PageLayout {
        let unit = (width_px / 1600.0).min(height_px / 1200.0).max(0.25);
        let margin = 36.0 * unit;
        let title_size = 38.0 * unit;
        let subtitle_size = 21.0 * unit;
        let title_baseline = margin + title_size * 0.9;
        let subtitle_baseline = title_baseline + subtitle_size * 1.7;
        let top = subtitle_baseline + 22.0 * unit;
        let credits_size = 14.0 * unit;
        let credits_baseline = height_px - margin * 0.6;
        let bottom = credits_baseline - credits_size * 1.8;
        let panel_w = 330.0 * unit;
        let gap = 24.0 * unit;
        let frame = Rect {
            x: margin,
            y: top,
            w: (width_px - 2.0 * margin - panel_w - gap).max(50.0),
            h: (bottom - top).max(50.0),
        };
        let panel = Rect {
            x: frame.right() + gap,
            y: top,
            w: panel_w,
            h: frame.h,
        };
        PageLayout {
            width_px,
            height_px,
            unit,
            margin_px: margin,
            title_baseline_px: title_baseline,
            subtitle_baseline_px: subtitle_baseline,
            frame,
            panel,
            credits_baseline_px: credits_baseline,
            title_size_px: title_size,
            subtitle_size_px: subtitle_size,
            label_name_size_px: 20.0 * unit,
            label_figure_size_px: 16.5 * unit,
            panel_heading_size_px: 17.0 * unit,
            panel_text_size_px: 15.0 * unit,
            credits_size_px: credits_size,
            max_radius_px: (frame.w.min(frame.h) * 0.09).max(8.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_do_not_overlap_and_fit_the_page() {
        for (w, h) in [(1600.0, 1200.0), (800.0, 600.0), (3000.0, 1000.0)] {
            let page = PageLayout::new(w, h);
            let whole = Rect {
                x: 0.0,
                y: 0.0,
                w,
                h,
            };
            assert!(
                whole.contains(&page.frame) && whole.contains(&page.panel),
                "{w}x{h}"
            );
            assert!(!page.frame.intersects(&page.panel, 0.0));
            assert!(page.subtitle_baseline_px < page.frame.y);
            assert!(page.credits_baseline_px > page.frame.bottom());
        }
    }
}
