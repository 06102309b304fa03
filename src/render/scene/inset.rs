//! Stage 3, render: the locator inset decided — a small map of the wider region (land, the
//! mapped country emphasized, borders) with the main map's extent outlined, so a reader knows
//! where the map lies.

use crate::render::basemap::{layer, LayerName};
use crate::render::geometry::Rect;
use crate::render::projection::{Laea, Projection, Viewport};

use super::projected::{lines, polygons};
use super::types::{Inset, Pt};

/// How much wider than the main map the inset shows, and the least it shows, in km.
const ZOOM_OUT: f64 = 7.0;
const MIN_ACROSS_KM: f64 = 2600.0;
/// The most the inset shows, in km: its corners stay well inside the hemisphere around its
/// centre, where the azimuthal projection draws the continents whole (a wider view reaches
/// the rim of the projection's disc, past the rectangle's corners, and showed a sliver of
/// globe with the box over the sea).
const MAX_ACROSS_KM: f64 = 12_000.0;
/// The inset shows at least this many times the main map's extent, or it is left off: a map
/// of a continent needs no locator.
const MIN_ZOOM_OUT: f64 = 1.5;

/// The inset in `rect`, centred on the main map's centre (`None` when that centre or the
/// inset's extent has no lon/lat, or when the main map is too wide for a locator).
pub(crate) fn build_inset(
    rect: Rect,
    main: &Viewport,
    main_frame: Rect,
    focus_iso2: Option<&str>,
) -> Option<Inset> {
    let centre = (
        main_frame.x + main_frame.w / 2.0,
        main_frame.y + main_frame.h / 2.0,
    );
    let (lon0, lat0) = main.to_lon_lat(centre.0, centre.1)?;
    let main_across_km = main_frame.w.max(main_frame.h) / main.px_per_km;
    let across_km = (main_across_km * ZOOM_OUT).clamp(MIN_ACROSS_KM, MAX_ACROSS_KM);
    if across_km < main_across_km * MIN_ZOOM_OUT {
        return None;
    }
    let viewport = Viewport::new(
        Projection::Laea(Laea::new(lon0, lat0)),
        rect.w / across_km,
        (0.0, 0.0),
        (rect.x + rect.w / 2.0, rect.y + rect.h / 2.0),
    );
    let view = viewport.lon_lat_bbox((rect.x, rect.y, rect.w, rect.h), 1.0)?;
    let land = layer(LayerName::Land)
        .iter()
        .filter(|f| f.meets(view))
        .flat_map(|f| polygons(f, &viewport, rect))
        .collect();
    let focus = focus_iso2.map(|iso2| {
        layer(LayerName::Countries)
            .iter()
            .filter(|f| f.meets(view) && f.attr("iso_a2") == iso2)
            .flat_map(|f| polygons(f, &viewport, rect))
            .collect()
    });
    let borders = layer(LayerName::CountryBorders)
        .iter()
        .filter(|f| f.meets(view))
        .flat_map(|f| lines(f, &viewport, rect))
        .collect();
    Some(Inset {
        rect,
        land,
        focus,
        borders,
        outline: outline(main, main_frame, &viewport),
    })
}

/// The main map's frame, traced edge by edge so that it bends with the projection.
fn outline(main: &Viewport, main_frame: Rect, inset: &Viewport) -> Vec<Pt> {
    let mut outline = Vec::new();
    let corners = [
        (main_frame.x, main_frame.y),
        (main_frame.right(), main_frame.y),
        (main_frame.right(), main_frame.bottom()),
        (main_frame.x, main_frame.bottom()),
    ];
    for k in 0..4 {
        let (a, b) = (corners[k], corners[(k + 1) % 4]);
        for step in 0..8 {
            let t = f64::from(step) / 8.0;
            let p = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
            if let Some(q) = main
                .to_lon_lat(p.0, p.1)
                .and_then(|(lon, lat)| inset.to_px(lon, lat))
            {
                outline.push(q);
            }
        }
    }
    outline
}
