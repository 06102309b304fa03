//! Stage 3, render: the locator inset — a small map of the wider region (land, the mapped
//! country emphasized, borders) with the main map's extent outlined, so a reader knows where
//! the map lies.

use super::background::{lines, polygons};
use super::basemap::{layer, LayerName};
use super::labels::Rect;
use super::projection::{Laea, Projection, Viewport};
use super::svg::{num, SvgDoc};
use super::theme::Theme;

/// How much wider than the main map the inset shows, and the least it shows, in km.
const ZOOM_OUT: f64 = 7.0;
const MIN_ACROSS_KM: f64 = 2600.0;

/// Draws the inset into `rect`, centred on the main map's centre.
pub fn draw_inset(
    doc: &mut SvgDoc,
    rect: Rect,
    main: &Viewport,
    main_frame: Rect,
    focus_iso2: Option<&str>,
    theme: &Theme,
    unit: f64,
) {
    let centre = (
        main_frame.x + main_frame.w / 2.0,
        main_frame.y + main_frame.h / 2.0,
    );
    let Some((lon0, lat0)) = main.to_lon_lat(centre.0, centre.1) else {
        return;
    };
    let main_across_km = main_frame.w / main.px_per_km;
    let across_km = (main_across_km * ZOOM_OUT).max(MIN_ACROSS_KM);
    let viewport = Viewport::new(
        Projection::Laea(Laea::new(lon0, lat0)),
        rect.w / across_km,
        (0.0, 0.0),
        (rect.x + rect.w / 2.0, rect.y + rect.h / 2.0),
    );
    let Some(view) = viewport.lon_lat_bbox((rect.x, rect.y, rect.w, rect.h), 1.0) else {
        return;
    };

    doc.open_group("locator", "");
    doc.raw(&format!(
        "<defs><clipPath id=\"locator-clip\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath></defs>",
        num(rect.x),
        num(rect.y),
        num(rect.w),
        num(rect.h)
    ));
    doc.open_group("locator-map", "clip-path=\"url(#locator-clip)\"");
    doc.rect(
        rect.x,
        rect.y,
        rect.w,
        rect.h,
        &format!("fill=\"{}\"", theme.sea),
    );
    let land: Vec<Vec<(f64, f64)>> = layer(LayerName::Land)
        .iter()
        .filter(|f| f.meets(view))
        .flat_map(|f| polygons(f, &viewport, rect))
        .collect();
    doc.path(
        &land,
        true,
        &format!("fill=\"{}\" fill-rule=\"evenodd\"", theme.land),
    );
    if let Some(iso2) = focus_iso2 {
        let focus: Vec<Vec<(f64, f64)>> = layer(LayerName::Countries)
            .iter()
            .filter(|f| f.meets(view) && f.attr("iso_a2") == iso2)
            .flat_map(|f| polygons(f, &viewport, rect))
            .collect();
        doc.path(
            &focus,
            true,
            &format!("fill=\"{}\" fill-rule=\"evenodd\"", theme.land_focus),
        );
    }
    let borders: Vec<Vec<(f64, f64)>> = layer(LayerName::CountryBorders)
        .iter()
        .filter(|f| f.meets(view))
        .flat_map(|f| lines(f, &viewport, rect))
        .collect();
    doc.path(
        &borders,
        false,
        &format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
            theme.border,
            num(0.7 * unit)
        ),
    );

    // The main map's frame, traced edge by edge so that it bends with the projection.
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
                .and_then(|(lon, lat)| viewport.to_px(lon, lat))
            {
                outline.push(q);
            }
        }
    }
    doc.path(
        &[outline],
        true,
        &format!(
            "fill=\"none\" stroke=\"#d62728\" stroke-width=\"{}\"",
            num(2.0 * unit)
        ),
    );
    doc.close_group();
    doc.rect(
        rect.x,
        rect.y,
        rect.w,
        rect.h,
        &format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"1\"",
            theme.frame
        ),
    );
    doc.close_group();
}
