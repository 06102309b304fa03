//! Stage 3, render: basemap features projected to px and cut to a rectangle — polygons as
//! closed rings, lines as the pieces inside — thinned to steps of at least 0.7 px.

use crate::render::basemap::Feature;
use crate::render::clip::{clip_line, clip_ring};
use crate::render::geometry::Rect;
use crate::render::projection::Viewport;

fn project_parts(feature: &Feature, viewport: &Viewport, min_step_px: f64) -> Vec<Vec<(f64, f64)>> {
    feature
        .parts
        .iter()
        .map(|part| {
            let mut out: Vec<(f64, f64)> = Vec::with_capacity(part.len());
            let min_step_px2 = min_step_px * min_step_px;
            for &(lon, lat) in part {
                if let Some(p) = viewport.to_px(lon, lat) {
                    let far = |q: &(f64, f64)| (p.0 - q.0).powi(2) + (p.1 - q.1).powi(2);
                    if out.last().is_none_or(|q| far(q) >= min_step_px2) {
                        out.push(p);
                    }
                }
            }
            out
        })
        .filter(|ring| ring.len() >= 2)
        .collect()
}

/// Projected polygon rings cut to `clip`.
pub(crate) fn polygons(feature: &Feature, viewport: &Viewport, clip: Rect) -> Vec<Vec<(f64, f64)>> {
    project_parts(feature, viewport, 0.7)
        .iter()
        .map(|ring| clip_ring(ring, clip))
        .filter(|r| r.len() >= 3)
        .collect()
}

/// Projected line parts cut to `clip`.
pub(crate) fn lines(feature: &Feature, viewport: &Viewport, clip: Rect) -> Vec<Vec<(f64, f64)>> {
    project_parts(feature, viewport, 0.7)
        .iter()
        .flat_map(|line| clip_line(line, clip))
        .collect()
}
