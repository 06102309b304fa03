//! Stage 3, render: the basemap under the incidents decided — graticule, land, the mapped
//! country emphasized, first-level borders of the mapped country, lakes, rivers, country
//! borders, projected and cut to the frame — and the names that go with them
//! ([`super::area_names`]) for the label placer, which gives incidents priority.

use crate::render::basemap::{layer, Feature, LayerName};
use crate::render::geometry::Rect;
use crate::render::projection::Viewport;
use crate::render::theme::Lang;

use super::area_names::{collect_names, BasemapNames};
use super::graticule::graticule_lines;
use super::projected::{lines, polygons};
use super::types::{Basemap, Pt, RiverLine};

/// The basemap's layers in view, projected and cut to `frame`, and the names that go with
/// them, for the label placer.
pub(crate) fn build_basemap(
    viewport: &Viewport,
    frame: Rect,
    focus_iso2: Option<&str>,
    unit: f64,
    lang: Lang,
) -> (Basemap, BasemapNames) {
    let view = viewport
        .lon_lat_bbox((frame.x, frame.y, frame.w, frame.h), 0.5)
        .unwrap_or([-180.0, -90.0, 180.0, 90.0]);
    let in_view = |f: &&Feature| f.meets(view);
    // Cut edges fall on the frame, where the frame's own outline is drawn over them.
    let clip = frame;
    let all_in_view = |name: LayerName, cut: &dyn Fn(&Feature) -> Vec<Vec<Pt>>| {
        layer(name)
            .iter()
            .filter(in_view)
            .flat_map(cut)
            .collect::<Vec<_>>()
    };
    let as_polygons = |f: &Feature| polygons(f, viewport, clip);
    let as_lines = |f: &Feature| lines(f, viewport, clip);
    let countries: Vec<&Feature> = layer(LayerName::Countries).iter().filter(in_view).collect();
    let focus = focus_iso2.map(|iso2| {
        countries
            .iter()
            .filter(|f| f.attr("iso_a2") == iso2)
            .flat_map(|f| as_polygons(f))
            .collect()
    });
    let focus_iso3 = focus_iso2.and_then(|iso2| {
        countries
            .iter()
            .find(|f| f.attr("iso_a2") == iso2)
            .map(|f| f.attr("iso_a3").to_string())
    });
    let admin1 = focus_iso3.map(|iso3| {
        layer(LayerName::Admin1Lines)
            .iter()
            .filter(in_view)
            .filter(|f| f.attr("adm0_a3") == iso3)
            .flat_map(as_lines)
            .collect()
    });
    let basemap = Basemap {
        graticule: graticule_lines(viewport, frame),
        land: all_in_view(LayerName::Land, &as_polygons),
        focus,
        admin1,
        lakes: all_in_view(LayerName::Lakes, &as_polygons),
        rivers: river_lines(viewport, frame, view, unit),
        borders: all_in_view(LayerName::CountryBorders, &as_lines),
    };
    let names = collect_names(&countries, viewport, frame, view, focus_iso2, lang);
    (basemap, names)
}

/// The rivers in view, the major ones only at smaller scales, each as wide as it is important.
fn river_lines(viewport: &Viewport, frame: Rect, view: [f64; 4], unit: f64) -> Vec<RiverLine> {
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
    layer(LayerName::Rivers)
        .iter()
        .filter(|f| f.meets(view))
        .filter(shown)
        .map(|f| {
            let rank: f64 = f.attr("scalerank").parse().unwrap_or(8.0);
            RiverLine {
                width_px: (2.4 - 0.22 * rank).max(0.7) * unit,
                parts: lines(f, viewport, frame),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::scene::AreaKind;

    #[test]
    fn north_east_syria_has_its_neighbours_and_governorates() {
        let pts = [
            (38.86228, 36.3855),
            (40.74772, 36.50237),
            (39.1299, 36.59596),
        ];
        let (vp, frame) = crate::render::scene::tests::fitted(&pts);
        let (basemap, names) = build_basemap(&vp, frame, Some("SY"), 1.0, Lang::En);
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
        assert!(!basemap.land.is_empty() && !basemap.borders.is_empty());
        assert!(basemap
            .focus
            .as_ref()
            .is_some_and(|rings| !rings.is_empty()));
        // Every projected point lies in the frame it was cut to.
        let inside = |rings: &[Vec<Pt>]| {
            rings
                .iter()
                .flatten()
                .all(|&(x, y)| frame.distance_to(x, y) < 1e-6)
        };
        assert!(inside(&basemap.land) && inside(&basemap.borders) && inside(&basemap.lakes));
    }
}
