//! Stage 3, render (HTML): the static map's basemap for the web page — the same shipped
//! Natural Earth layers (land, the focus country, its first-level divisions, lakes, rivers,
//! country borders, towns, division and country names), cut to the region around the data
//! and written as Google encoded polylines (precision 1e5, exactly as `basemap/*.tsv` stores
//! them), which the page decodes.

use std::fmt::Write as _;

use crate::render::basemap::{layer, Feature, LayerName, LonLat};
use crate::render::country_names::country_name;
use crate::render::Lang;

use super::json::{push_num, push_str};

/// Degrees added around the data on every side at least, so that panning shows context.
const MIN_PAD_DEG: f64 = 4.0;

/// The region the page's basemap covers: the data's box grown by its own size on every side
/// (at least [`MIN_PAD_DEG`]); the whole world for data spread over more than a hemisphere.
pub fn region(points: impl Iterator<Item = LonLat>) -> [f64; 4] {
    let mut bbox: Option<[f64; 4]> = None;
    for (lon, lat) in points {
        bbox = Some(match bbox {
            None => [lon, lat, lon, lat],
            Some(b) => [b[0].min(lon), b[1].min(lat), b[2].max(lon), b[3].max(lat)],
        });
    }
    let world = [-180.0, -90.0, 180.0, 90.0];
    let Some(b) = bbox else {
        return world;
    };
    if b[2] - b[0] > 180.0 {
        return world;
    }
    let pad_lon = (b[2] - b[0]).max(MIN_PAD_DEG);
    let pad_lat = (b[3] - b[1]).max(MIN_PAD_DEG);
    [
        (b[0] - pad_lon).max(-180.0),
        (b[1] - pad_lat).max(-90.0),
        (b[2] + pad_lon).min(180.0),
        (b[3] + pad_lat).min(90.0),
    ]
}

/// Appends the basemap object: `{"land":[polygon…],"focus":[…],"admin1":[line…],
/// "lakes":[…],"rivers":[[rank,line]…],"borders":[…],"towns":[[name,lon,lat,rank]…],
/// "areas":[[name,lon,lat]…],"countries":[[name,lon,lat,square degrees]…]}`; a polygon or line is one string
/// of encoded parts separated by spaces.
pub fn push_basemap(out: &mut String, region: [f64; 4], focus_iso2: Option<&str>, lang: Lang) {
    let meets = |f: &&Feature| f.meets(region);
    let focus_iso3 = focus_iso2.and_then(|iso2| {
        layer(LayerName::Countries)
            .iter()
            .find(|f| f.attr("iso_a2") == iso2)
            .map(|f| f.attr("iso_a3").to_string())
    });
    out.push_str("{\"land\":");
    push_shapes(out, layer(LayerName::Land).iter().filter(meets));
    out.push_str(",\"focus\":");
    push_shapes(
        out,
        layer(LayerName::Countries)
            .iter()
            .filter(|f| focus_iso2.is_some_and(|iso2| f.attr("iso_a2") == iso2)),
    );
    out.push_str(",\"admin1\":");
    push_shapes(
        out,
        layer(LayerName::Admin1Lines)
            .iter()
            .filter(meets)
            .filter(|f| {
                focus_iso3
                    .as_deref()
                    .is_some_and(|iso3| f.attr("adm0_a3") == iso3)
            }),
    );
    out.push_str(",\"lakes\":");
    push_shapes(out, layer(LayerName::Lakes).iter().filter(meets));
    out.push_str(",\"rivers\":[");
    for (k, f) in layer(LayerName::Rivers).iter().filter(meets).enumerate() {
        if k > 0 {
            out.push(',');
        }
        let rank: u32 = f.attr("scalerank").parse().unwrap_or(9);
        let _ = write!(out, "[{rank},");
        push_str(out, &encode_parts(&f.parts));
        out.push(']');
    }
    out.push_str("],\"borders\":");
    push_shapes(out, layer(LayerName::CountryBorders).iter().filter(meets));
    out.push_str(",\"towns\":[");
    let towns = layer(LayerName::Places).iter().filter(meets);
    for (k, f) in towns.enumerate() {
        if k > 0 {
            out.push(',');
        }
        let rank: u32 = f.attr("scalerank").parse().unwrap_or(10);
        push_point(out, f.attr("name"), f.parts[0][0], Some(rank));
    }
    out.push_str("],\"areas\":[");
    let areas =
        crate::render::basemap::parse_layer(include_str!("../../../basemap/admin1_labels.tsv"));
    let areas = areas
        .iter()
        .filter(|f| f.meets(region))
        .filter(|f| focus_iso2.is_some_and(|iso2| f.attr("iso_a2") == iso2));
    for (k, f) in areas.enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_point(out, f.attr("name"), f.parts[0][0], None);
    }
    out.push_str("],\"countries\":[");
    push_country_names(out, region, lang);
    out.push_str("]}");
}

/// Each country's name with up to [`NAME_POINTS`] points inside its largest part, nearest its
/// centre first: the page sets the name at the first one in view with room for it.
fn push_country_names(out: &mut String, region: [f64; 4], lang: Lang) {
    // (iso2, English name, the largest part's ring and its box area)
    let mut best: Vec<(&str, &str, &[LonLat], f64)> = Vec::new();
    for f in layer(LayerName::Countries)
        .iter()
        .filter(|f| f.meets(region))
    {
        let Some(ring) = f.parts.first() else {
            continue;
        };
        let area = ring_box(ring).map_or(0.0, |b| (b[2] - b[0]) * (b[3] - b[1]));
        let (iso2, name) = (f.attr("iso_a2"), f.attr("name"));
        match best
            .iter_mut()
            .find(|(code, n, _, _)| *code == iso2 && *n == name)
        {
            Some(entry) if entry.3 < area => *entry = (iso2, name, ring.as_slice(), area),
            Some(_) => {}
            None => best.push((iso2, name, ring.as_slice(), area)),
        }
    }
    // Larger countries first: their names are set before a small territory takes the room.
    // Each point carries its country's box area (square degrees, rounded), so that the page
    // names no country too small on screen for its name.
    best.sort_by(|a, b| b.3.total_cmp(&a.3).then_with(|| a.1.cmp(b.1)));
    let mut first = true;
    for (iso2, english, ring, area) in &best {
        let name = country_name(iso2, english, lang);
        for point in name_points(ring) {
            if !first {
                out.push(',');
            }
            first = false;
            push_point(out, &name, point, Some(area.round() as u32));
        }
    }
}

/// Candidate points for a name per country.
const NAME_POINTS: usize = 122;

/// Points of an 11×11 grid over the ring's box that lie inside the ring, nearest the box's
/// centre first (at most [`NAME_POINTS`]).
fn name_points(ring: &[LonLat]) -> Vec<LonLat> {
    let Some(b) = ring_box(ring) else {
        return Vec::new();
    };
    let centre = ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
    let mut points: Vec<LonLat> = (0..=10)
        .flat_map(|i| (0..=10).map(move |j| (i, j)))
        .map(|(i, j)| {
            (
                b[0] + (b[2] - b[0]) * (f64::from(i) + 0.5) / 11.0,
                b[1] + (b[3] - b[1]) * (f64::from(j) + 0.5) / 11.0,
            )
        })
        .chain(std::iter::once(centre))
        .filter(|p| inside(ring, *p))
        .collect();
    let d = |p: &LonLat| (p.0 - centre.0).powi(2) + (p.1 - centre.1).powi(2);
    points.sort_by(|a, b| d(a).total_cmp(&d(b)));
    points.truncate(NAME_POINTS);
    points
}

fn ring_box(ring: &[LonLat]) -> Option<[f64; 4]> {
    let (first, rest) = ring.split_first()?;
    Some(
        rest.iter()
            .fold([first.0, first.1, first.0, first.1], |b, p| {
                [b[0].min(p.0), b[1].min(p.1), b[2].max(p.0), b[3].max(p.1)]
            }),
    )
}

/// Even-odd point-in-ring test.
fn inside(ring: &[LonLat], (x, y): LonLat) -> bool {
    let mut odd = false;
    for w in ring.windows(2) {
        let ((x1, y1), (x2, y2)) = (w[0], w[1]);
        if (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1) {
            odd = !odd;
        }
    }
    odd
}

fn push_point(out: &mut String, name: &str, (lon, lat): LonLat, rank: Option<u32>) {
    out.push('[');
    push_str(out, name);
    out.push(',');
    push_num(out, lon, 5);
    out.push(',');
    push_num(out, lat, 5);
    if let Some(rank) = rank {
        let _ = write!(out, ",{rank}");
    }
    out.push(']');
}

fn push_shapes<'a>(out: &mut String, features: impl Iterator<Item = &'a Feature>) {
    out.push('[');
    for (k, f) in features.enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_str(out, &encode_parts(&f.parts));
    }
    out.push(']');
}

/// The parts as Google encoded polylines separated by spaces (the inverse of
/// [`crate::render::basemap::decode_polyline`] for points on the 1e5 grid).
pub fn encode_parts(parts: &[Vec<LonLat>]) -> String {
    let mut out = String::new();
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let (mut prev_lat, mut prev_lon) = (0i64, 0i64);
        for &(lon, lat) in part {
            let (lat, lon) = ((lat * 1e5).round() as i64, (lon * 1e5).round() as i64);
            encode_value(lat - prev_lat, &mut out);
            encode_value(lon - prev_lon, &mut out);
            (prev_lat, prev_lon) = (lat, lon);
        }
    }
    out
}

fn encode_value(delta: i64, out: &mut String) {
    let mut v = if delta < 0 { !(delta << 1) } else { delta << 1 };
    while v >= 0x20 {
        out.push(char::from((0x20 | (v & 0x1f)) as u8 + 63));
        v >>= 5;
    }
    out.push(char::from(v as u8 + 63));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::basemap::decode_polyline;

    #[test]
    fn encoding_round_trips_the_shipped_layers() {
        let reference = vec![vec![(-120.2, 38.5), (-120.95, 40.7), (-126.453, 43.252)]];
        assert_eq!(encode_parts(&reference), "_p~iF~ps|U_ulLnnqC_mqNvxq`@");
        for f in layer(LayerName::Lakes).iter().take(50) {
            let text = encode_parts(&f.parts);
            let back: Vec<Vec<LonLat>> = text.split(' ').filter_map(decode_polyline).collect();
            assert_eq!(back, f.parts);
        }
    }

    #[test]
    fn name_points_lie_inside_their_country() {
        let square = vec![(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)];
        let points = name_points(&square);
        assert_eq!(points.len(), 11 * 11 + 1);
        assert_eq!(points[0], (2.0, 2.0));
        // An L shape: its box's centre is outside, so no point there.
        let l_shape = vec![
            (0.0, 0.0),
            (4.0, 0.0),
            (4.0, 1.0),
            (1.0, 1.0),
            (1.0, 4.0),
            (0.0, 4.0),
            (0.0, 0.0),
        ];
        let points = name_points(&l_shape);
        assert!(!points.is_empty() && points.iter().all(|p| inside(&l_shape, *p)));
        assert!(!points.contains(&(2.0, 2.0)));
    }

    #[test]
    fn the_region_pads_the_data_and_stays_on_the_globe() {
        let r = region([(40.0, 36.0), (41.0, 37.0)].into_iter());
        assert_eq!(r, [36.0, 32.0, 45.0, 41.0]);
        assert_eq!(
            region([(-170.0, 0.0), (170.0, 0.0)].into_iter()),
            [-180.0, -90.0, 180.0, 90.0]
        );
        assert_eq!(region(std::iter::empty())[0], -180.0);
    }
}
