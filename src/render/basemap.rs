//! Stage 3, render: the embedded Natural Earth basemap layers (`basemap/*.tsv`, see
//! `basemap/FORMAT.md`): TSV rows with attributes and geometry as Google encoded polylines
//! (precision 1e5, points in (lat, lon) order). Layers are decoded once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A (lon, lat) point in degrees.
pub type LonLat = (f64, f64);

/// One feature: attributes by column name, and its parts (rings or line parts) in lon/lat.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    attrs: Vec<(String, String)>,
    pub parts: Vec<Vec<LonLat>>,
    /// lon_min, lat_min, lon_max, lat_max.
    pub bbox: [f64; 4],
}

impl Feature {
    /// The value of an attribute ("" when absent).
    pub fn attr(&self, name: &str) -> &str {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// True when the feature's bounding box meets `bbox` (lon_min, lat_min, lon_max, lat_max).
    pub fn meets(&self, bbox: [f64; 4]) -> bool {
        self.bbox[0] <= bbox[2]
            && bbox[0] <= self.bbox[2]
            && self.bbox[1] <= bbox[3]
            && bbox[1] <= self.bbox[3]
    }
}

/// The layers shipped with incimap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LayerName {
    Land,
    Countries,
    CountryBorders,
    Admin1Lines,
    Admin1,
    Rivers,
    Lakes,
    Places,
}

impl LayerName {
    fn source(self) -> &'static str {
        match self {
            LayerName::Land => include_str!("../../basemap/land.tsv"),
            LayerName::Countries => include_str!("../../basemap/countries.tsv"),
            LayerName::CountryBorders => include_str!("../../basemap/country_borders.tsv"),
            LayerName::Admin1Lines => include_str!("../../basemap/admin1_lines.tsv"),
            LayerName::Admin1 => include_str!("../../basemap/admin1.tsv"),
            LayerName::Rivers => include_str!("../../basemap/rivers.tsv"),
            LayerName::Lakes => include_str!("../../basemap/lakes.tsv"),
            LayerName::Places => include_str!("../../basemap/places.tsv"),
        }
    }
}

/// The decoded features of a layer (decoded once per process).
pub fn layer(name: LayerName) -> &'static [Feature] {
    static CACHE: OnceLock<std::sync::Mutex<HashMap<LayerName, &'static [Feature]>>> =
        OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut guard = match cache.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    guard
        .entry(name)
        .or_insert_with(|| Box::leak(parse_layer(name.source()).into_boxed_slice()))
}

/// Parses a layer file: header line, then one feature per line. Point layers (no `geometry`
/// column) get their point from the `lon` and `lat` columns. Malformed rows are skipped (the
/// files are generated and tested; this only guards against a damaged checkout).
pub fn parse_layer(text: &str) -> Vec<Feature> {
    let mut lines = text.lines();
    let Some(header) = lines.next() else {
        return Vec::new();
    };
    let columns: Vec<&str> = header.split('\t').collect();
    let geometry_col = columns.iter().position(|c| *c == "geometry");
    let lon_col = columns.iter().position(|c| *c == "lon");
    let lat_col = columns.iter().position(|c| *c == "lat");
    let mut out = Vec::new();
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != columns.len() {
            continue;
        }
        let parts: Vec<Vec<LonLat>> = match (geometry_col, lon_col, lat_col) {
            (Some(g), _, _) => fields[g]
                .split(' ')
                .filter(|p| !p.is_empty())
                .filter_map(decode_polyline)
                .collect(),
            (None, Some(x), Some(y)) => {
                match (fields[x].parse::<f64>(), fields[y].parse::<f64>()) {
                    (Ok(lon), Ok(lat)) => vec![vec![(lon, lat)]],
                    _ => continue,
                }
            }
            _ => continue,
        };
        let Some(bbox) = bbox_of(&parts) else {
            continue;
        };
        let attrs = columns
            .iter()
            .zip(&fields)
            .filter(|(c, _)| **c != "geometry")
            .map(|(c, v)| (c.to_string(), v.to_string()))
            .collect();
        out.push(Feature { attrs, parts, bbox });
    }
    out
}

fn bbox_of(parts: &[Vec<LonLat>]) -> Option<[f64; 4]> {
    let mut points = parts.iter().flatten();
    let first = points.next()?;
    Some(points.fold([first.0, first.1, first.0, first.1], |b, p| {
        [b[0].min(p.0), b[1].min(p.1), b[2].max(p.0), b[3].max(p.1)]
    }))
}

/// Decodes one Google encoded polyline (precision 1e5) into (lon, lat) points; `None` when
/// the text is truncated or holds characters outside the polyline alphabet.
pub fn decode_polyline(text: &str) -> Option<Vec<LonLat>> {
    let bytes = text.as_bytes();
    let mut points = Vec::with_capacity(bytes.len() / 4);
    let (mut i, mut lat, mut lon) = (0usize, 0i64, 0i64);
    while i < bytes.len() {
        let mut deltas = [0i64; 2];
        for delta in &mut deltas {
            let (mut result, mut shift) = (0i64, 0u32);
            loop {
                let b = i64::from(*bytes.get(i)?) - 63;
                if !(0..64).contains(&b) || shift > 60 {
                    return None;
                }
                i += 1;
                result |= (b & 0x1f) << shift;
                shift += 5;
                if b < 0x20 {
                    break;
                }
            }
            *delta = if result & 1 == 1 {
                !(result >> 1)
            } else {
                result >> 1
            };
        }
        lat += deltas[0];
        lon += deltas[1];
        points.push((lon as f64 / 1e5, lat as f64 / 1e5));
    }
    Some(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_reference_polyline() {
        let points = decode_polyline("_p~iF~ps|U_ulLnnqC_mqNvxq`@").unwrap();
        assert_eq!(
            points,
            vec![(-120.2, 38.5), (-120.95, 40.7), (-126.453, 43.252)]
        );
        assert_eq!(decode_polyline("_p~iF"), None);
        assert_eq!(decode_polyline(""), Some(vec![]));
    }

    fn point_in_ring(ring: &[LonLat], p: LonLat) -> bool {
        let mut inside = false;
        for w in ring.windows(2) {
            let (a, b) = (w[0], w[1]);
            if (a.1 > p.1) != (b.1 > p.1) && p.0 < a.0 + (p.1 - a.1) * (b.0 - a.0) / (b.1 - a.1) {
                inside = !inside;
            }
        }
        inside
    }

    #[test]
    fn syria_contains_ain_issa_and_hasakah() {
        let syria: Vec<&Feature> = layer(LayerName::Countries)
            .iter()
            .filter(|f| f.attr("iso_a2") == "SY")
            .collect();
        assert!(!syria.is_empty());
        for place in [(38.86228, 36.3855), (40.74772, 36.50237)] {
            assert!(
                syria.iter().any(|f| point_in_ring(&f.parts[0], place)),
                "{place:?}"
            );
        }
    }

    #[test]
    fn layers_have_sane_coordinates_and_names() {
        for name in [
            LayerName::Land,
            LayerName::Rivers,
            LayerName::Places,
            LayerName::Admin1,
        ] {
            let features = layer(name);
            assert!(!features.is_empty(), "{name:?}");
            for f in features {
                assert!(
                    f.bbox[0] >= -180.0
                        && f.bbox[2] <= 180.0
                        && f.bbox[1] >= -90.0
                        && f.bbox[3] <= 90.0
                );
            }
        }
        let near_raqqa = [38.5, 35.5, 39.5, 36.5];
        assert!(layer(LayerName::Rivers)
            .iter()
            .any(|f| f.attr("name_en") == "Euphrates" && f.meets(near_raqqa)));
    }
}
