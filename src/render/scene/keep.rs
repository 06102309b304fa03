//! Stage 3, render: which incidents a map aggregated while reading draws — all, those
//! within reach of the median point (far outliers left off, as the fitted extent of the
//! in-memory map leaves them), or those inside the `MapOptions::bbox` frame — and the extent fitted to
//! them from the spooled points.

use std::cell::RefCell;

use crate::error::Result;
use crate::reference::distance_km;
use crate::render::geometry::Rect;
use crate::render::projection::Viewport;
use crate::render::MapOptions;

use super::fit::fit_viewport_each;
use super::layout::PageLayout;
use super::spool::{spool_error, PointSpool};

/// The extent fitted to the points drawn.
pub(super) fn kept_viewport(
    spool: &mut PointSpool,
    keep: &Keep,
    page: &PageLayout,
    frame: Rect,
    options: &MapOptions,
) -> Result<Viewport> {
    let spool = RefCell::new(spool);
    let failed = RefCell::new(None);
    let each = |visit: &mut dyn FnMut((f64, f64))| {
        let read = spool.borrow_mut().for_each(&mut |p| {
            if keep.keeps(p) {
                visit(p);
            }
        });
        if let Err(error) = read {
            failed.borrow_mut().get_or_insert(error);
        }
    };
    let max_radius = page.max_radius_px * (frame.w / page.frame.w);
    let viewport = fit_viewport_each(&each, frame, max_radius, page.unit, options);
    if let Some(error) = failed.into_inner() {
        return Err(spool_error(error));
    }
    viewport
}

/// Which incidents a map draws, by their point.
pub(super) enum Keep {
    All,
    /// Within `reach_km` of the median point.
    Within {
        centre: (f64, f64),
        reach_km: f64,
    },
    /// Inside the `MapOptions::bbox` frame.
    Frame {
        viewport: Viewport,
        frame: Rect,
    },
}

impl Keep {
    pub(super) fn keeps(&self, (lon, lat): (f64, f64)) -> bool {
        match self {
            Keep::All => true,
            Keep::Within { centre, reach_km } => {
                distance_km(lon, lat, centre.0, centre.1) <= *reach_km
            }
            Keep::Frame { viewport, frame } => viewport
                .to_px(lon, lat)
                .is_some_and(|(x, y)| frame.distance_to(x, y) == 0.0),
        }
    }
}
