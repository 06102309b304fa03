//! Stage 3, render: the names the basemap proposes to label — countries (in the map's
//! language), the focus country's governorates, lakes, reference towns — each at a point
//! inside its area and the frame — and the thinning of the towns (the most populous, none at
//! an incident or crowding a symbol). The label placer decides which names find room.

use std::collections::BTreeSet;

use crate::model::{Incident, Place};
use crate::reference::fold;

use super::projected::polygons;
use super::types::{AreaKind, Symbol};
use crate::render::basemap::{layer, Feature, LayerName};
use crate::render::country_names::country_name;
use crate::render::geometry::Rect;
use crate::render::projection::Viewport;
use crate::render::theme::Lang;

/// At most this many reference towns are named.
const MAX_TOWNS: usize = 10;

/// A name the basemap would like to show, centred on a point.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaName {
    pub text: String,
    pub x_px: f64,
    pub y_px: f64,
    pub kind: AreaKind,
    /// Other points inside the area where the name may go when the first is taken.
    pub alternatives: Vec<(f64, f64)>,
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

/// The names of the areas and towns in view: `countries` are the country features in view,
/// `view` the frame's lon/lat box.
pub(crate) fn collect_names(
    countries: &[&Feature],
    viewport: &Viewport,
    frame: Rect,
    view: [f64; 4],
    focus_iso2: Option<&str>,
    lang: Lang,
) -> BasemapNames {
    let mut areas = country_areas(countries, viewport, frame, focus_iso2, lang);
    if let Some(iso2) = focus_iso2 {
        province_areas(&mut areas, iso2, viewport, frame, view);
    }
    lake_areas(&mut areas, viewport, frame, view);
    let mut towns = towns_in_view(viewport, frame, view);
    areas.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.text.cmp(&b.text)));
    towns.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then_with(|| a.name.cmp(&b.name))
    });
    BasemapNames { areas, towns }
}

/// Each country in view once, in the map's language, at a point inside it and the frame.
fn country_areas(
    countries: &[&Feature],
    viewport: &Viewport,
    frame: Rect,
    focus_iso2: Option<&str>,
    lang: Lang,
) -> Vec<AreaName> {
    let mut areas: Vec<AreaName> = Vec::new();
    // A country drawn as many features (islands) is looked at once: its grid of label points
    // spans all its parts, and trying it again for each part found the same answer again.
    let mut tried: BTreeSet<(&str, String)> = BTreeSet::new();
    for f in countries {
        let iso2 = f.attr("iso_a2");
        let text = country_name(iso2, f.attr("name"), lang).to_uppercase();
        if areas.iter().any(|a| a.text == text) || !tried.insert((f.attr("name"), text.clone())) {
            continue;
        }
        let parts: Vec<&Feature> = countries
            .iter()
            .copied()
            .filter(|g| g.attr("name") == f.attr("name"))
            .collect();
        let points = label_points(&parts, viewport, frame);
        if let Some(&(x, y)) = points.first() {
            let kind = if Some(iso2) == focus_iso2 {
                AreaKind::FocusCountry
            } else {
                AreaKind::Country
            };
            areas.push(AreaName {
                text,
                x_px: x,
                y_px: y,
                kind,
                alternatives: points[1..].to_vec(),
            });
        }
    }
    areas
}

/// The focus country's first-level divisions in view, each once.
fn province_areas(
    areas: &mut Vec<AreaName>,
    iso2: &str,
    viewport: &Viewport,
    frame: Rect,
    view: [f64; 4],
) {
    let provinces: Vec<&Feature> = layer(LayerName::Admin1)
        .iter()
        .filter(|f| f.meets(view))
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
        if let Some(&(x, y)) = label_points(&parts, viewport, frame).first() {
            areas.push(AreaName {
                text: province_name(name).to_uppercase(),
                x_px: x,
                y_px: y,
                kind: AreaKind::Admin1,
                alternatives: Vec::new(),
            });
        }
    }
}

/// The lakes in view whose name can be spelled and is not taken.
fn lake_areas(areas: &mut Vec<AreaName>, viewport: &Viewport, frame: Rect, view: [f64; 4]) {
    for f in layer(LayerName::Lakes).iter().filter(|f| f.meets(view)) {
        // An English name where Natural Earth has one as the alternative ("Lake Assad").
        let name = match f.attr("name_alt") {
            alt if alt.starts_with("Lake ") => alt,
            _ => f.attr("name"),
        };
        if name.is_empty() || name.contains('?') || areas.iter().any(|a| a.text == name) {
            continue;
        }
        if let Some(&(x, y)) = label_point_in(&[f], viewport, frame, (72, 54), 3).first() {
            areas.push(AreaName {
                text: name.to_string(),
                x_px: x,
                y_px: y,
                kind: AreaKind::Water,
                alternatives: Vec::new(),
            });
        }
    }
}

/// The reference towns inside the frame.
fn towns_in_view(viewport: &Viewport, frame: Rect, view: [f64; 4]) -> Vec<Town> {
    let mut towns = Vec::new();
    for f in layer(LayerName::Places).iter().filter(|f| f.meets(view)) {
        let (lon, lat) = f.parts[0][0];
        if let Some((x, y)) = viewport.to_px(lon, lat) {
            if frame.distance_to(x, y) == 0.0 {
                towns.push(Town {
                    name: f.attr("name").to_string(),
                    geonameid: f.attr("geonameid").to_string(),
                    x_px: x,
                    y_px: y,
                    population: f.attr("pop_max").parse().unwrap_or(0),
                });
            }
        }
    }
    towns
}

/// Natural Earth's province name without its parenthesised variant: "Hasaka (Al Haksa)" →
/// "Hasaka".
fn province_name(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name).trim()
}

/// A point inside the visible part of a country, far from its edges: the inside point of a
/// grid over the frame that is nearest to the centroid of all inside grid points. `None` when
/// too little of the country is visible to carry a name.
fn label_points(parts: &[&Feature], viewport: &Viewport, frame: Rect) -> Vec<(f64, f64)> {
    label_point_in(parts, viewport, frame, (24, 18), 6)
}

/// Alternative name positions offered besides the central one.
const ALTERNATIVE_POINTS: usize = 8;

/// [`label_points`] on an `nx`×`ny` grid, needing at least `min_inside` grid points inside.
fn label_point_in(
    parts: &[&Feature],
    viewport: &Viewport,
    frame: Rect,
    (nx, ny): (i32, i32),
    min_inside: usize,
) -> Vec<(f64, f64)> {
    let rings: Vec<Vec<(f64, f64)>> = parts
        .iter()
        .flat_map(|f| polygons(f, viewport, frame))
        .collect();
    // Each ring's bounding box first: a grid point outside it cannot be inside the ring.
    let boxes: Vec<[f64; 4]> = rings.iter().map(|r| ring_box(r)).collect();
    let mut inside = Vec::new();
    for i in 0..nx {
        for j in 0..ny {
            let x = frame.x + (f64::from(i) + 0.5) * frame.w / f64::from(nx);
            let y = frame.y + (f64::from(j) + 0.5) * frame.h / f64::from(ny);
            let crossings = rings
                .iter()
                .zip(&boxes)
                .filter(|(_, b)| x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3])
                .filter(|(ring, _)| ring_contains(ring, (x, y)))
                .count();
            if crossings % 2 == 1 {
                inside.push((x, y));
            }
        }
    }
    if inside.len() < min_inside {
        return Vec::new();
    }
    let n = inside.len() as f64;
    let (cx, cy) = inside
        .iter()
        .fold((0.0, 0.0), |acc, p| (acc.0 + p.0 / n, acc.1 + p.1 / n));
    inside.sort_by(|a, b| {
        (a.0 - cx)
            .hypot(a.1 - cy)
            .total_cmp(&(b.0 - cx).hypot(b.1 - cy))
    });
    // The central point first, then points spread over the rest of the area (every k-th by
    // distance from the centre), for when the centre is taken by symbols or labels.
    let step = (inside.len() / (ALTERNATIVE_POINTS + 1)).max(1);
    inside.into_iter().step_by(step).collect()
}

/// `[x_min, y_min, x_max, y_max]` of a ring.
fn ring_box(ring: &[(f64, f64)]) -> [f64; 4] {
    ring.iter().fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |b, &(x, y)| [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)],
    )
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

/// Reference towns worth naming: the most populous in view, none at an incident or context
/// place, none crowding a symbol or each other.
pub(crate) fn thin_towns(
    names: &BasemapNames,
    located: &[&Incident],
    references: &[&Place],
    symbols: &[Symbol],
    unit: f64,
) -> Vec<(String, (f64, f64))> {
    let taken: BTreeSet<String> = located
        .iter()
        .map(|i| &i.place)
        .chain(references.iter().copied())
        .flat_map(|p| {
            [
                Some(fold(&p.name)),
                p.canonical_name.as_deref().map(fold),
                p.gazetteer_id
                    .as_deref()
                    .map(|id| id.trim_start_matches("geonames:").to_string()),
            ]
        })
        .flatten()
        .collect();
    let mut kept: Vec<(String, (f64, f64))> = Vec::new();
    for town in &names.towns {
        if kept.len() >= MAX_TOWNS {
            break;
        }
        if taken.contains(&fold(&town.name)) || taken.contains(&town.geonameid) {
            continue;
        }
        let (x, y) = (town.x_px, town.y_px);
        let near_symbol = symbols.iter().map(|s| &s.info).any(|s| {
            let reach = s.ring_r_px.unwrap_or(s.r_px) + 40.0 * unit;
            (s.x_px - x).powi(2) + (s.y_px - y).powi(2) < reach * reach
        });
        let near_town = kept
            .iter()
            .any(|(_, (kx, ky))| (kx - x).powi(2) + (ky - y).powi(2) < (90.0 * unit).powi(2));
        if !near_symbol && !near_town {
            kept.push((town.name.clone(), (x, y)));
        }
    }
    kept
}
