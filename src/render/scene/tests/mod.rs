//! Properties of the decided scene, before any SVG: its labels (`labels.rs`) and the page
//! around the map — legend, title, locator (`page.rs`); and the fixtures they share with the
//! unit tests of the scene's files: a reproducible cluster of incidents, small page options,
//! and a viewport fitted to a few points.

mod labels;
mod page;

use crate::model::{DateSpan, EventType, Figure, Incident, Measure, Place};
use crate::render::geometry::Rect;
use crate::render::{MapOptions, Viewport};

use super::{build_scene, MapScene};

/// `n` incidents around (lon, lat) from a fixed linear congruential sequence: every seventh
/// without a figure, every fifth a reported 0, every ninth with a higher claim.
pub(super) fn cluster(n: usize, (lon, lat): (f64, f64), spread_deg: f64) -> Vec<Incident> {
    let mut seed: u64 = 11;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as f64 / (1u64 << 31) as f64
    };
    (0..n)
        .map(|i| {
            let mut place = Place::named(format!("Site {i}"));
            place.lon = Some(lon + (next() - 0.5) * spread_deg);
            place.lat = Some(lat + (next() - 0.5) * spread_deg * 0.75);
            place.country_code = Some("IQ".into());
            let date = format!("{}-{:02}", 2016 + i % 3, 1 + i % 12);
            let mut incident = Incident::new(
                format!("s{i:03}"),
                "clash",
                DateSpan::parse(&date).unwrap(),
                place,
            );
            incident.event_type = Some(EventType::ALL[i % EventType::ALL.len()]);
            let value = (next() * 400.0) as u64;
            if i % 7 != 0 {
                let mut figure =
                    Figure::from_value(Measure::Killed, if i % 5 == 0 { 0 } else { value });
                if i % 9 == 1 {
                    figure.high = Some(value * 3 + 20);
                }
                incident.figures.push(figure);
            }
            incident
        })
        .collect()
}

pub(super) fn scene(incidents: &[Incident], options: &MapOptions) -> MapScene {
    match build_scene(incidents, options) {
        Ok(scene) => scene,
        Err(e) => panic!("the scene is decided: {e}"),
    }
}

pub(super) fn small() -> MapOptions {
    MapOptions {
        width_px: 1000.0,
        height_px: 750.0,
        ..MapOptions::default()
    }
}

/// A 1200 × 900 px frame at the origin, and a viewport that fits the (lon, lat) points in it.
pub(super) fn fitted(pts: &[(f64, f64)]) -> (Viewport, Rect) {
    let frame = Rect {
        x: 0.0,
        y: 0.0,
        w: 1200.0,
        h: 900.0,
    };
    let vp = Viewport::fit(pts, (0.0, 0.0, 1200.0, 900.0), 0.1, 300.0).unwrap();
    (vp, frame)
}
