//! Stage 3, render: the graticule — meridians and parallels at a round step for the map's
//! scale, cut to the frame (drawn under the land so that they show over the sea).

use crate::render::clip::clip_line;
use crate::render::geometry::Rect;
use crate::render::projection::Viewport;

use super::types::Pt;

/// Meridians and parallels at a round step; `None` when the frame's centre has no lon/lat.
pub(crate) fn graticule_lines(viewport: &Viewport, frame: Rect) -> Option<Vec<Vec<Pt>>> {
    let km_across = frame.w / viewport.px_per_km;
    let deg_across = km_across / 111.0;
    let step = [0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0]
        .into_iter()
        .find(|s| deg_across / s <= 8.0)
        .unwrap_or(30.0);
    let (lon_c, lat_c) = viewport.to_lon_lat(frame.x + frame.w / 2.0, frame.y + frame.h / 2.0)?;
    let half = (deg_across * 0.9).max(step * 2.0);
    let lat_half = half.min(80.0);
    let (lon_min, lon_max) = (
        (lon_c - half * 2.0).max(-180.0),
        (lon_c + half * 2.0).min(180.0),
    );
    let (lat_min, lat_max) = ((lat_c - lat_half).max(-85.0), (lat_c + lat_half).min(85.0));
    let mut lines = Vec::new();
    let mut lon = (lon_min / step).floor() * step;
    while lon <= lon_max {
        let mut ring = Vec::new();
        let mut lat = lat_min;
        while lat <= lat_max {
            if let Some(p) = viewport.to_px(lon, lat) {
                ring.push(p);
            }
            lat += step / 8.0;
        }
        lines.extend(clip_line(&ring, frame));
        lon += step;
    }
    let mut lat = (lat_min / step).floor() * step;
    while lat <= lat_max {
        let mut ring = Vec::new();
        let mut lon = lon_min;
        while lon <= lon_max {
            if let Some(p) = viewport.to_px(lon, lat) {
                ring.push(p);
            }
            lon += step / 8.0;
        }
        lines.extend(clip_line(&ring, frame));
        lat += step;
    }
    Some(lines)
}
