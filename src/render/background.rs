//! Stage 3, render: draws the basemap under the incidents — sea, land, the mapped country
//! emphasized and its neighbours muted, first-level borders of the mapped country, lakes,
//! rivers, country borders — and hands back the names that go with them
//! ([`super::area_names`]) for the label placer, which gives incidents priority.

use super::area_names::{collect_names, BasemapNames};
use super::basemap::{layer, Feature, LayerName};
use super::clip::{clip_line, clip_ring};
use super::graticule::draw_graticule;
use super::labels::Rect;
use super::projection::Viewport;
use super::svg::{num, SvgDoc};
use super::theme::{Lang, Theme};

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
pub(super) fn polygons(feature: &Feature, viewport: &Viewport, clip: Rect) -> Vec<Vec<(f64, f64)>> {
    project_parts(feature, viewport, 0.7)
        .iter()
        .map(|ring| clip_ring(ring, clip))
        .filter(|r| r.len() >= 3)
        .collect()
}

/// Projected line parts cut to `clip`.
pub(super) fn lines(feature: &Feature, viewport: &Viewport, clip: Rect) -> Vec<Vec<(f64, f64)>> {
    project_parts(feature, viewport, 0.7)
        .iter()
        .flat_map(|line| clip_line(line, clip))
        .collect()
}

/// Draws the basemap layers clipped to `frame` (the caller opens the clipped group) and
/// returns the names to place.
pub fn draw_basemap(
    doc: &mut SvgDoc,
    viewport: &Viewport,
    frame: Rect,
    focus_iso2: Option<&str>,
    theme: &Theme,
    unit: f64,
    lang: Lang,
) -> BasemapNames {
    let view = viewport
        .lon_lat_bbox((frame.x, frame.y, frame.w, frame.h), 0.5)
        .unwrap_or([-180.0, -90.0, 180.0, 90.0]);
    let in_view = |f: &&Feature| f.meets(view);
    // Cut edges fall on the frame, where the frame's own outline is drawn over them.
    let clip = frame;
    doc.rect(
        frame.x,
        frame.y,
        frame.w,
        frame.h,
        &format!("fill=\"{}\"", theme.sea),
    );
    draw_graticule(doc, viewport, frame, theme.graticule);

    let mut land = Vec::new();
    for f in layer(LayerName::Land).iter().filter(in_view) {
        land.extend(polygons(f, viewport, clip));
    }
    doc.open_group("land", "");
    doc.path(
        &land,
        true,
        &format!(
            "fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\" fill-rule=\"evenodd\"",
            theme.land,
            theme.coast,
            num(0.8 * unit)
        ),
    );
    doc.close_group();

    let countries: Vec<&Feature> = layer(LayerName::Countries).iter().filter(in_view).collect();
    let focus_iso3 = focus_iso2.and_then(|iso2| {
        countries
            .iter()
            .find(|f| f.attr("iso_a2") == iso2)
            .map(|f| f.attr("iso_a3").to_string())
    });
    if let Some(iso2) = focus_iso2 {
        let rings: Vec<Vec<(f64, f64)>> = countries
            .iter()
            .filter(|f| f.attr("iso_a2") == iso2)
            .flat_map(|f| polygons(f, viewport, clip))
            .collect();
        doc.open_group("focus-country", "");
        doc.path(
            &rings,
            true,
            &format!("fill=\"{}\" fill-rule=\"evenodd\"", theme.land_focus),
        );
        doc.close_group();
    }

    if let Some(iso3) = &focus_iso3 {
        let lines: Vec<Vec<(f64, f64)>> = layer(LayerName::Admin1Lines)
            .iter()
            .filter(in_view)
            .filter(|f| f.attr("adm0_a3") == iso3)
            .flat_map(|f| lines(f, viewport, clip))
            .collect();
        doc.open_group("admin1-borders", "");
        doc.path(
            &lines,
            false,
            &format!(
                "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-dasharray=\"{} {}\"",
                theme.admin1_line,
                num(1.1 * unit),
                num(5.0 * unit),
                num(3.0 * unit)
            ),
        );
        doc.close_group();
    }

    doc.open_group("water", "");
    let lakes: Vec<Vec<(f64, f64)>> = layer(LayerName::Lakes)
        .iter()
        .filter(in_view)
        .flat_map(|f| polygons(f, viewport, clip))
        .collect();
    doc.path(
        &lakes,
        true,
        &format!(
            "fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\" fill-rule=\"evenodd\"",
            theme.sea,
            theme.coast,
            num(0.6 * unit)
        ),
    );
    // Smaller scales show only the major rivers.
    let km_across = frame.w / viewport.px_per_km;
    let max_rank = if km_across > 8000.0 {
        2
    } else if km_across > 3000.0 {
        4
    } else if km_across > 1200.0 {
        6
    } else {
        99
    };
    let shown = |f: &&Feature| f.attr("scalerank").parse::<u32>().unwrap_or(99) <= max_rank;
    for f in layer(LayerName::Rivers)
        .iter()
        .filter(in_view)
        .filter(shown)
    {
        let rank: f64 = f.attr("scalerank").parse().unwrap_or(8.0);
        let width = (2.4 - 0.22 * rank).max(0.7) * unit;
        let parts = lines(f, viewport, clip);
        doc.path(&parts, false, &format!("fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"", theme.water_line, num(width)));
    }
    doc.close_group();

    let borders: Vec<Vec<(f64, f64)>> = layer(LayerName::CountryBorders)
        .iter()
        .filter(in_view)
        .flat_map(|f| lines(f, viewport, clip))
        .collect();
    doc.open_group("country-borders", "");
    doc.path(
        &borders,
        false,
        &format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\"",
            theme.border,
            num(1.4 * unit)
        ),
    );
    doc.close_group();

    collect_names(&countries, viewport, frame, view, focus_iso2, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::area_names::AreaKind;

    #[test]
    fn north_east_syria_has_its_neighbours_and_governorates() {
        let pts = [
            (38.86228, 36.3855),
            (40.74772, 36.50237),
            (39.1299, 36.59596),
        ];
        let frame = Rect {
            x: 0.0,
            y: 0.0,
            w: 1200.0,
            h: 900.0,
        };
        let vp = Viewport::fit(&pts, (0.0, 0.0, 1200.0, 900.0), 0.1, 300.0).unwrap();
        let mut doc = SvgDoc::new();
        let names = draw_basemap(
            &mut doc,
            &vp,
            frame,
            Some("SY"),
            &Theme::light(),
            1.0,
            Lang::En,
        );
        let texts: Vec<&str> = names.areas.iter().map(|a| a.text.as_str()).collect();
        assert!(
            texts.contains(&"SYRIA") && texts.contains(&"TURKEY"),
            "{texts:?}"
        );
        assert!(
            names.areas.iter().any(|a| a.kind == AreaKind::Admin1),
            "{texts:?}"
        );
        assert!(
            names.towns.iter().any(|t| t.name.contains("Raqqa")),
            "{:?}",
            names.towns.iter().map(|t| &t.name).collect::<Vec<_>>()
        );
        let svg = doc.finish(1200.0, 900.0, "t", "DejaVu Sans");
        assert!(svg.contains("<g id=\"land\">") && svg.contains("<g id=\"country-borders\">"));
    }
}
