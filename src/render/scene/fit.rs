//! Stage 3, render: the map's extent — fitted to the incidents (with the context places near
//! them) or given by `MapOptions::bbox`, in which case only the incidents inside the frame are drawn
//! and counted ("312 of 5,070 incidents, in the area shown").
//!
//! A fitted extent follows the data's dense part, not its outliers: of 20 or more incidents,
//! one farther from the data's median point than twice the distance within which 98 % of
//! them lie (and at least 100 km) is left off the map, and the title counts what is shown.

use crate::error::{Error, NoIncidents, RenderError, Result};
use crate::model::{Incident, Place};

use super::facets::{facet_frames, facet_periods};
use super::layout::PageLayout;
use super::near::NearIndex;
use crate::render::geometry::Rect;
use crate::render::projection::{EachPoint, Viewport};
use crate::render::MapOptions;

/// Context places farther than this from every incident do not widen the map.
const REFERENCE_REACH_KM: f64 = 250.0;

/// The share of incidents whose distance from the median point sets the dense part.
const DENSE_SHARE: f64 = 0.98;
/// An incident this many times farther than the dense part's reach is an outlier.
const OUTLIER_FACTOR: f64 = 2.0;
/// Outliers are only looked for in this many incidents or more.
pub(crate) const OUTLIER_MIN_INCIDENTS: usize = 20;
/// Nothing within this distance of the median point is an outlier.
const OUTLIER_MIN_KM: f64 = 100.0;

/// Of `n` distances from the median point sorted in ascending order, the index of the one
/// that sets the dense part.
pub(crate) fn dense_index(n: usize) -> usize {
    (n.saturating_sub(1) as f64 * DENSE_SHARE) as usize
}

/// How far from the median point an incident may lie, given the dense part's distance.
pub(crate) fn outlier_reach_km(dense_km: f64) -> f64 {
    (dense_km * OUTLIER_FACTOR).max(OUTLIER_MIN_KM)
}

/// The incidents without the outliers of a fitted extent (see the module documentation).
pub(crate) fn without_outliers(all: Vec<&Incident>) -> Vec<&Incident> {
    if all.len() < OUTLIER_MIN_INCIDENTS {
        return all;
    }
    let median = |values: Vec<f64>| {
        let mut values = values;
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let points: Vec<(f64, f64)> = all.iter().filter_map(|i| i.place.lon_lat()).collect();
    if points.len() < OUTLIER_MIN_INCIDENTS {
        return all;
    }
    let centre = (
        median(points.iter().map(|p| p.0).collect()),
        median(points.iter().map(|p| p.1).collect()),
    );
    let distance = |i: &Incident| {
        i.place.lon_lat().map_or(0.0, |(lon, lat)| {
            crate::reference::distance_km(lon, lat, centre.0, centre.1)
        })
    };
    let mut distances: Vec<f64> = all.iter().map(|i| distance(i)).collect();
    distances.sort_by(f64::total_cmp);
    let dense = distances[dense_index(distances.len())];
    let reach = outlier_reach_km(dense);
    all.into_iter().filter(|i| distance(i) <= reach).collect()
}

/// The incidents whose point falls inside the map frame `MapOptions::bbox` gives; none is an error.
pub(crate) fn within_bbox<'a>(
    all: Vec<&'a Incident>,
    bbox: [f64; 4],
    page: &PageLayout,
    options: &MapOptions,
) -> Result<Vec<&'a Incident>> {
    let total = all.len();
    let periods = facet_periods(&all, options.facet, options.lang)?;
    let frames = facet_frames(page.frame, periods.len(), page.unit);
    let viewport = fit_viewport(&all, &[], frames[0], 0.0, page.unit, options)?;
    let inside: Vec<&Incident> = all
        .into_iter()
        .filter(|i| {
            i.place
                .lon_lat()
                .and_then(|(lon, lat)| viewport.to_px(lon, lat))
                .is_some_and(|(x, y)| frames[0].distance_to(x, y) == 0.0)
        })
        .collect();
    if inside.is_empty() {
        return Err(none_in_bbox(total, bbox));
    }
    Ok(inside)
}

/// The error of a `MapOptions::bbox` that leaves every one of `total` incidents out.
pub(crate) fn none_in_bbox(total: usize, bbox: [f64; 4]) -> Error {
    NoIncidents::NoneInBbox { total, bbox }.into()
}

pub(crate) fn fit_viewport(
    located: &[&Incident],
    references: &[&Place],
    frame: Rect,
    max_radius: f64,
    unit: f64,
    options: &MapOptions,
) -> Result<Viewport> {
    let f = frame;
    let fitted = match options.bbox {
        Some([lon_min, lat_min, lon_max, lat_max]) => {
            let mid = (lon_min + lon_max) / 2.0;
            let corners = [
                (lon_min, lat_min),
                (lon_max, lat_max),
                (lon_min, lat_max),
                (lon_max, lat_min),
                (mid, lat_min),
                (mid, lat_max),
            ];
            Viewport::fit_with(options.projection, &corners, (f.x, f.y, f.w, f.h), 0.0, 1.0)
        }
        None => {
            let mut points: Vec<(f64, f64)> =
                located.iter().filter_map(|i| i.place.lon_lat()).collect();
            // Context places widen the map only when they are near an incident: "allied to
            // Ankara" must not zoom a map of north-east Syria out to central Turkey.
            let index = NearIndex::new(&points);
            let near = |p: (f64, f64)| {
                index.any_within(p, REFERENCE_REACH_KM, |km| km <= REFERENCE_REACH_KM)
            };
            let nearby: Vec<(f64, f64)> = references
                .iter()
                .filter_map(|p| p.lon_lat())
                .filter(|p| near(*p))
                .collect();
            points.extend(nearby);
            let each = |visit: &mut dyn FnMut((f64, f64))| points.iter().for_each(|&p| visit(p));
            return fit_viewport_each(&each, frame, max_radius, unit, options);
        }
    };
    fitted.ok_or_else(|| RenderError::CannotFit.into())
}

/// [`fit_viewport`] to points not held in memory (and no context places): `each` hands every
/// point to the visitor, in the same order each time.
pub(crate) fn fit_viewport_each(
    each: &EachPoint<'_>,
    frame: Rect,
    max_radius: f64,
    unit: f64,
    options: &MapOptions,
) -> Result<Viewport> {
    if options.bbox.is_some() {
        return fit_viewport(&[], &[], frame, max_radius, unit, options);
    }
    let f = frame;
    let inset = max_radius + 12.0 * unit;
    let rect = (
        f.x + inset,
        f.y + inset,
        (f.w - 2.0 * inset).max(10.0),
        (f.h - 2.0 * inset).max(10.0),
    );
    Viewport::fit_each(options.projection, each, rect, 0.12, 220.0)
        .ok_or_else(|| RenderError::CannotFit.into())
}
