//! Stage 3, render: proportional symbols sized — the size scale (circle AREA proportional to
//! the value) every frame shares, each symbol's radius and dashed ring, round legend values, and the sizes of the
//! marks that show no value: a small hollow circle for a reported 0 (ACLED's "no fatalities
//! reported" is a figure), a diamond for an incident without any figure.

use crate::model::{Figure, Incident};
use crate::render::geometry::Rect;

use super::aggregate::HEX_RADIUS_PX;
use super::layout::PageLayout;

/// The share of the map frame all circles together may cover at most.
const SYMBOL_AREA_SHARE: f64 = 0.06;

/// Marker half-size for incidents without a figure, at unit scale.
pub const MARKER_PX: f64 = 7.0;
/// Radius of the hollow circle of a reported 0, at unit scale: the smallest mark, of its
/// own kind (no fill), so that it reads neither as a value nor as a missing one.
pub const ZERO_MARK_PX: f64 = 4.0;

/// Circle radius for a value: `r = k·√value`, so that area is proportional to the value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SizeScale {
    k: f64,
}

impl SizeScale {
    /// A scale on which `max_value` gets `max_radius_px`.
    pub fn new(max_value: f64, max_radius_px: f64) -> SizeScale {
        let k = if max_value > 0.0 {
            max_radius_px / max_value.sqrt()
        } else {
            0.0
        };
        SizeScale { k }
    }

    /// Radius in px; zero or negative values have no circle (0).
    pub fn radius_px(&self, value: f64) -> f64 {
        if value.is_finite() && value > 0.0 {
            self.k * value.sqrt()
        } else {
            0.0
        }
    }

    /// The circle area in px² for a value.
    pub fn area_px2(&self, value: f64) -> f64 {
        std::f64::consts::PI * self.radius_px(value).powi(2)
    }
}

/// The radius of a symbol's circle for its sizing figure, and of its dashed ring at the
/// highest claim (only where the claims disagree and the ring shows beyond the circle): the
/// static and the interactive map draw the same.
pub(crate) fn symbol_radii(figure: Option<&Figure>, scale: &SizeScale) -> (f64, Option<f64>) {
    let r = figure.map_or(0.0, |f| scale.radius_px(f.best.unwrap_or(0) as f64));
    let ring = figure
        .filter(|f| f.is_disputed())
        .map(|f| scale.radius_px(f.high.unwrap_or(0) as f64))
        .filter(|ring| *ring > r + 1.0);
    (r, ring)
}

/// The circle scale shared by every frame: the largest value (or highest claim) gets the
/// largest radius. Hexagon groups keep their circles inside their cells; crowded maps get
/// smaller circles, all of them together covering at most [`SYMBOL_AREA_SHARE`] of a frame.
pub(crate) fn size_scale(
    shown: &[Vec<&Incident>],
    sized: &[Vec<Option<&Figure>>],
    page: &PageLayout,
    frame: Rect,
    unit: f64,
) -> SizeScale {
    let figures = || sized.iter().flatten().flatten();
    let max_value = figures()
        .map(|f| f.high.unwrap_or(0).max(f.best.unwrap_or(0)) as f64)
        .fold(0.0, f64::max);
    let max_radius = page.max_radius_px * (frame.w / page.frame.w).min(1.0);
    let hexagons = shown
        .iter()
        .flatten()
        .any(|i| i.id.starts_with("hexgroup:"));
    let max_radius = if hexagons {
        max_radius.min(HEX_RADIUS_PX * unit)
    } else {
        let busiest: f64 = sized
            .iter()
            .map(|list| {
                list.iter()
                    .flatten()
                    .map(|f| f.best.unwrap_or(0) as f64 / max_value.max(1.0))
                    .sum::<f64>()
            })
            .fold(0.0, f64::max);
        let area_cap =
            SYMBOL_AREA_SHARE * frame.w * frame.h / (std::f64::consts::PI * busiest.max(1.0));
        max_radius.min(area_cap.sqrt()).max(6.0 * unit)
    };
    SizeScale::new(max_value, max_radius)
}

/// Up to three round values (1, 2, 2.5, 5 × 10ⁿ) for a size legend: the largest round value
/// not above `max`, and two smaller ones well apart (about a quarter and a sixteenth of it).
pub fn legend_values(max: f64) -> Vec<u64> {
    if max.is_nan() || max < 1.0 {
        return Vec::new();
    }
    let round_below = |v: f64| -> Option<u64> {
        if v < 1.0 {
            return None;
        }
        let magnitude = 10f64.powi(v.log10().floor() as i32);
        [10.0, 5.0, 2.5, 2.0, 1.0]
            .iter()
            .map(|m| m * magnitude)
            .find(|c| *c <= v + 1e-9)
            .map(|c| c.round() as u64)
    };
    let mut values: Vec<u64> = [max, max / 4.0, max / 16.0]
        .iter()
        .filter_map(|v| round_below(*v))
        .collect();
    values.dedup();
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_are_proportional_to_values() {
        let scale = SizeScale::new(800.0, 60.0);
        assert!((scale.radius_px(800.0) - 60.0).abs() < 1e-9);
        let ratio = scale.area_px2(136.0) / scale.area_px2(100.0);
        assert!((ratio - 1.36).abs() < 1e-9);
        assert_eq!(scale.radius_px(0.0), 0.0);
        assert_eq!(scale.radius_px(-5.0), 0.0);
        assert_eq!(scale.radius_px(f64::NAN), 0.0);
    }

    #[test]
    fn legend_values_are_round_and_below_the_maximum() {
        assert_eq!(legend_values(800.0), vec![500, 200, 50]);
        assert_eq!(legend_values(136.0), vec![100, 25, 5]);
        assert_eq!(legend_values(12000.0), vec![10000, 2500, 500]);
        assert_eq!(legend_values(1.0), vec![1]);
        assert!(legend_values(0.0).is_empty());
    }
}
