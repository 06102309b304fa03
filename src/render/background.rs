//! Stage 3, render: draws the basemap under the incidents — sea, land, the mapped country
//! emphasized and its neighbours muted, first-level borders of the mapped country, lakes,
//! rivers, country borders — and proposes the names that go with them (countries,
//! governorates, reference towns) for the label placer, which gives incidents priority.

use super::basemap::{layer, Feature, LayerName};
use super::clip::{clip_line, clip_ring};
use super::country_names::country_name;
use super::graticule::draw_graticule;
use super::labels::Rect;
use super::projection::Viewport;
use super::svg::{num, SvgDoc};
use super::theme::{Lang, Theme};

/// A name the basemap would like to show, centred on a point.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaName {
    pub text: String,
    pub x_px: f64,
    pub y_px: f64,
    pub kind: AreaKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AreaKind {
    FocusCountry,
    Country,
    Admin1,
    /// A lake ("Lake Assad").
    Water,
}

/// A reference town: a dot and a name beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Town {
    pub name: String,
    pub geonameid: String,
    pub x_px: f64,
    pub y_px: f64,
    pub population: u64,
}

/// What the basemap proposes to label.
#[derive(Debug, Default)]
pub struct BasemapNames {
    pub areas: Vec<AreaName>,
    pub towns: Vec<Town>,
}

fn project_parts(feature: &Feature, viewport: &Viewport, min_step_px: f64) -> Vec<Vec<(f64, f64)>> {
    feature
        .parts
        .iter()
        .map(|part| {
            let mut out: Vec<(f64, f64)> = Vec::with_capacity(part.len());
            for &(lon, lat) in part {
                if let Some(p) = viewport.to_px(lon, lat) {
                    if out
                        .last()
                        .is_none_or(|q: &(f64, f64)| (p.0 - q.0).hypot(p.1 - q.1) >= min_step_px)
                    {
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

    let mut names = BasemapNames::default();
    for f in &countries {
        let iso2 = f.attr("iso_a2");
        let text = country_name(iso2, f.attr("name"), lang).to_uppercase();
        if names.areas.iter().any(|a| a.text == text) {
            continue;
        }
        let parts: Vec<&Feature> = countries
            .iter()
            .copied()
            .filter(|g| g.attr("name") == f.attr("name"))
            .collect();
        if let Some((x, y)) = label_point(&parts, viewport, frame) {
            let kind = if Some(iso2) == focus_iso2 {
                AreaKind::FocusCountry
            } else {
                AreaKind::Country
            };
            names.areas.push(AreaName {
                text,
                x_px: x,
                y_px: y,
                kind,
            });
        }
    }
    if let Some(iso2) = focus_iso2 {
        let provinces: Vec<&Feature> = layer(LayerName::Admin1)
            .iter()
            .filter(in_view)
            .filter(|f| f.attr("iso_a2") == iso2)
            .collect();
        let mut done: Vec<&str> = Vec::new();
        for f in &provinces {
            let name = f.attr("name");
            if done.contains(&name) {
                continue;
            }
            done.push(name);
            let parts: Vec<&Feature> = provinces
                .iter()
                .copied()
                .filter(|g| g.attr("name") == name)
                .collect();
            if let Some((x, y)) = label_point(&parts, viewport, frame) {
                names.areas.push(AreaName {
                    text: province_name(name).to_uppercase(),
                    x_px: x,
                    y_px: y,
                    kind: AreaKind::Admin1,
                });
            }
        }
    }
    for f in layer(LayerName::Lakes).iter().filter(in_view) {
        // An English name where Natural Earth has one as the alternative ("Lake Assad").
        let name = match f.attr("name_alt") {
            alt if alt.starts_with("Lake ") => alt,
            _ => f.attr("name"),
        };
        if name.is_empty() || name.contains('?') || names.areas.iter().any(|a| a.text == name) {
            continue;
        }
        if let Some((x, y)) = label_point_in(&[f], viewport, frame, (72, 54), 3) {
            names.areas.push(AreaName {
                text: name.to_string(),
                x_px: x,
                y_px: y,
                kind: AreaKind::Water,
            });
        }
    }
    for f in layer(LayerName::Places).iter().filter(in_view) {
        let (lon, lat) = f.parts[0][0];
        if let Some((x, y)) = viewport.to_px(lon, lat) {
            if frame.distance_to(x, y) == 0.0 {
                names.towns.push(Town {
                    name: f.attr("name").to_string(),
                    geonameid: f.attr("geonameid").to_string(),
                    x_px: x,
                    y_px: y,
                    population: f.attr("pop_max").parse().unwrap_or(0),
                });
            }
        }
    }
    names
        .areas
        .sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.text.cmp(&b.text)));
    names.towns.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then_with(|| a.name.cmp(&b.name))
    });
    names
}

/// Natural Earth's province name without its parenthesised variant: "Hasaka (Al Haksa)" →
/// "Hasaka".
fn province_name(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name).trim()
}

/// A point inside the visible part of a country, far from its edges: the inside point of a
/// grid over the frame that is nearest to the centroid of all inside grid points. `None` when
/// too little of the country is visible to carry a name.
fn label_point(parts: &[&Feature], viewport: &Viewport, frame: Rect) -> Option<(f64, f64)> {
    label_point_in(parts, viewport, frame, (24, 18), 6)
}

/// [`label_point`] on an `nx`×`ny` grid, needing at least `min_inside` grid points inside.
fn label_point_in(
    parts: &[&Feature],
    viewport: &Viewport,
    frame: Rect,
    (nx, ny): (i32, i32),
    min_inside: usize,
) -> Option<(f64, f64)> {
    let rings: Vec<Vec<(f64, f64)>> = parts
        .iter()
        .flat_map(|f| polygons(f, viewport, frame))
        .collect();
    let mut inside = Vec::new();
    for i in 0..nx {
        for j in 0..ny {
            let x = frame.x + (f64::from(i) + 0.5) * frame.w / f64::from(nx);
            let y = frame.y + (f64::from(j) + 0.5) * frame.h / f64::from(ny);
            let crossings = rings
                .iter()
                .filter(|ring| ring_contains(ring, (x, y)))
                .count();
            if crossings % 2 == 1 {
                inside.push((x, y));
            }
        }
    }
    if inside.len() < min_inside {
        return None;
    }
    let n = inside.len() as f64;
    let (cx, cy) = inside
        .iter()
        .fold((0.0, 0.0), |acc, p| (acc.0 + p.0 / n, acc.1 + p.1 / n));
    inside.into_iter().min_by(|a, b| {
        (a.0 - cx)
            .hypot(a.1 - cy)
            .total_cmp(&(b.0 - cx).hypot(b.1 - cy))
    })
}

fn ring_contains(ring: &[(f64, f64)], p: (f64, f64)) -> bool {
    let mut inside = false;
    let n = ring.len();
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < a.0 + (p.1 - a.1) * (b.0 - a.0) / (b.1 - a.1) {
            inside = !inside;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

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
