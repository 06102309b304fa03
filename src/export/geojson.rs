//! Stage 3, export: incidents → GeoJSON (RFC 7946) through serde.
//!
//! A FeatureCollection of Point features, `[lon, lat]` in WGS 84, coordinates rounded to 6
//! decimals (~0.1 m), a `bbox` (after the features), no `crs` member, features in a stable order (date, then id).
//! Properties are flat scalars that GIS tools style and filter on directly — every feature has
//! the same keys, with `null` where a value is missing, so that GDAL infers one type per
//! field — plus the full `figures`, `sources` and `mentions` as nested JSON for fidelity
//! (dropped with `flat`).

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::geojson_stream::GeoJsonFormat;
use super::stream::Summary;
use crate::error::Result;
use crate::model::properties::extra_property_name;
use crate::model::{list_text, Figure, Incident, Measure};

/// Options of the GeoJSON writer.
#[derive(Debug, Clone, Default)]
pub struct GeoJsonOptions {
    /// Drop the nested `figures`, `sources` and `mentions` properties.
    pub flat: bool,
}

#[derive(Serialize)]
struct FeatureCollection {
    #[serde(rename = "type")]
    kind: &'static str,
    /// Foreign member (RFC 7946 §6.1): the data credits.
    attribution: String,
    features: Vec<Feature>,
    /// After the features, as GDAL writes it: a streaming writer knows it only at the end
    /// (member order is not significant in JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    bbox: Option<[f64; 4]>,
}

#[derive(Serialize)]
struct Feature {
    #[serde(rename = "type")]
    kind: &'static str,
    id: String,
    geometry: Point,
    properties: Map<String, Value>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: [f64; 2],
}

/// Rounds to 6 decimals; `-0.0` becomes `0.0` so output bytes do not depend on the sign of zero.
fn round6(value: f64) -> f64 {
    let rounded = (value * 1e6).round() / 1e6;
    if rounded == 0.0 {
        0.0
    } else {
        rounded
    }
}

/// The measures any incident has a top-level figure for: the known ones in their fixed order,
/// then the others alphabetically.
fn measures_in(incidents: &[Incident]) -> Vec<Measure> {
    let present: BTreeSet<&Measure> = incidents
        .iter()
        .flat_map(|i| i.figures.iter().map(|f| &f.measure))
        .collect();
    let mut out: Vec<Measure> = Measure::KNOWN
        .iter()
        .filter(|m| present.contains(m))
        .cloned()
        .collect();
    out.extend(present.into_iter().filter(|m| !m.counts_people()).cloned());
    out
}

/// "100–700+ escaped; ~12,000 present": every headline figure in words, for labels.
pub fn figures_text(incident: &Incident, measures: &[Measure]) -> String {
    measures
        .iter()
        .filter_map(|m| incident.figure(m).and_then(|f| Some((f.range_label()?, m))))
        .map(|(label, m)| format!("{label} {m}"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn opt_str(value: Option<&str>) -> Value {
    value.map_or(Value::Null, |s| Value::String(s.to_string()))
}

fn properties(
    incident: &Incident,
    measures: &[Measure],
    options: &GeoJsonOptions,
) -> Map<String, Value> {
    let place = &incident.place;
    let mut p = Map::new();
    p.insert("id".into(), json!(incident.id));
    p.insert("title".into(), json!(incident.title));
    p.insert("date_start".into(), json!(incident.date.start.to_string()));
    p.insert("date_end".into(), json!(incident.date.end.to_string()));
    p.insert(
        "date_precision".into(),
        json!(incident.date.precision.as_str()),
    );
    p.insert("place".into(), json!(place.name));
    p.insert("place_id".into(), opt_str(place.gazetteer_id.as_deref()));
    p.insert(
        "place_canonical".into(),
        opt_str(place.canonical_name.as_deref()),
    );
    p.insert("country".into(), opt_str(place.country_code.as_deref()));
    p.insert("admin1".into(), opt_str(place.admin1.as_deref()));
    p.insert("admin2".into(), opt_str(place.admin2.as_deref()));
    p.insert("admin3".into(), opt_str(place.admin3.as_deref()));
    p.insert("geo_precision".into(), json!(place.precision.as_str()));
    p.insert("site".into(), opt_str(place.site.as_deref()));
    p.insert(
        "event_type".into(),
        opt_str(incident.event_type.map(|e| e.as_str())),
    );
    p.insert(
        "sub_event_type".into(),
        opt_str(incident.sub_event_type.map(|e| e.as_str())),
    );
    p.insert("actors".into(), json!(list_text(&incident.actors)));
    p.insert("tags".into(), json!(list_text(&incident.tags)));
    for measure in measures {
        let fig: Option<&Figure> = incident.figure(measure);
        let name = measure.as_str();
        p.insert(name.to_string(), json!(fig.and_then(|f| f.best)));
        p.insert(format!("{name}_low"), json!(fig.and_then(|f| f.low)));
        p.insert(format!("{name}_high"), json!(fig.and_then(|f| f.high)));
    }
    p.insert(
        "figures_text".into(),
        json!(figures_text(incident, measures)),
    );
    let claimants = incident.claim_sources();
    p.insert(
        "claim_sources".into(),
        json!(claimants.into_iter().collect::<Vec<_>>().join("; ")),
    );
    p.insert("description".into(), json!(incident.description));
    if !options.flat {
        p.insert("figures".into(), json!(incident.figures));
        p.insert("sources".into(), json!(incident.sources));
        p.insert("mentions".into(), json!(incident.mentions));
    }
    let names: Vec<&str> = measures.iter().map(Measure::as_str).collect();
    for (key, value) in &incident.extra {
        p.insert(extra_property_name(key, &names), value.clone());
    }
    p
}

/// Builds the FeatureCollection as a JSON value. Incidents without valid coordinates are
/// left out (the geocode stage reports them).
pub fn feature_collection(incidents: &[Incident], options: &GeoJsonOptions) -> Value {
    let mut located: Vec<(&Incident, (f64, f64))> = incidents
        .iter()
        .filter_map(|i| {
            i.place
                .lon_lat()
                .map(|ll| (i, (round6(ll.0), round6(ll.1))))
        })
        .collect();
    located.sort_by(|(a, _), (b, _)| {
        a.date
            .start
            .cmp(&b.date.start)
            .then_with(|| a.id.cmp(&b.id))
    });
    let kept: Vec<Incident> = located.iter().map(|(i, _)| (*i).clone()).collect();
    let measures = measures_in(&kept);
    let bbox = located
        .iter()
        .fold(None, |acc: Option<[f64; 4]>, (_, (lon, lat))| {
            Some(match acc {
                None => [*lon, *lat, *lon, *lat],
                Some([a, b, c, d]) => [a.min(*lon), b.min(*lat), c.max(*lon), d.max(*lat)],
            })
        });
    let features = located
        .iter()
        .map(|(incident, (lon, lat))| Feature {
            kind: "Feature",
            id: incident.id.clone(),
            geometry: Point {
                kind: "Point",
                coordinates: [*lon, *lat],
            },
            properties: properties(incident, &measures, options),
        })
        .collect();
    let collection = FeatureCollection {
        kind: "FeatureCollection",
        attribution: crate::DATA_CREDITS.to_string(),
        features,
        bbox,
    };
    serde_json::to_value(collection).unwrap_or(Value::Null)
}

/// The GeoJSON bytes: the same document as [`feature_collection`], pretty-printed with one
/// trailing newline, but serialized feature by feature through the streaming writer (no
/// `serde_json::Value` tree: 100,000 incidents take a fraction of a second).
pub fn geojson_bytes(incidents: &[Incident], options: &GeoJsonOptions) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = geojson_write(incidents, options, &mut out);
    out
}

/// The bytes of [`geojson_bytes`], written to `writer` a piece at a time: a map of 100,000
/// incidents never holds its 150 MB GeoJSON in memory.
pub fn geojson_write(
    incidents: &[Incident],
    options: &GeoJsonOptions,
    writer: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut located: Vec<&Incident> = incidents
        .iter()
        .filter(|i| i.place.lon_lat().is_some())
        .collect();
    located.sort_by(|a, b| {
        a.date
            .start
            .cmp(&b.date.start)
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut summary = Summary::default();
    located.iter().for_each(|i| summary.add(i));
    let format = GeoJsonFormat::new(&summary, options.flat, false);
    super::write_document(&format, located, &summary, writer)
}

/// Writes the GeoJSON atomically to `path` (or stdout for `-`).
pub fn write_geojson(incidents: &[Incident], path: &Path, options: &GeoJsonOptions) -> Result<()> {
    super::write_atomically(path, &geojson_bytes(incidents, options))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Context, Gazetteer};
    use crate::geocode::geocode;
    use crate::ingest::example_incidents;

    fn example() -> Vec<Incident> {
        geocode(
            example_incidents().incidents,
            Gazetteer::builtin(),
            &Context::default(),
        )
        .located
    }

    #[test]
    fn features_are_points_in_lon_lat_order_with_flat_measures() {
        let value = feature_collection(&example(), &GeoJsonOptions::default());
        assert_eq!(value["type"], "FeatureCollection");
        assert!(value.get("crs").is_none());
        let features = value["features"].as_array().unwrap();
        assert_eq!(features.len(), 3);
        let ain = features
            .iter()
            .find(|f| f["properties"]["place"] == "Ain Issa")
            .unwrap();
        assert_eq!(ain["geometry"]["coordinates"], json!([38.86228, 36.3855]));
        assert_eq!(ain["properties"]["escaped"], json!(100));
        assert_eq!(ain["properties"]["escaped_high"], json!(700));
        assert_eq!(ain["properties"]["killed"], Value::Null);
        assert_eq!(ain["properties"]["date_precision"], "month");
        assert!(ain["properties"]["figures_text"]
            .as_str()
            .unwrap()
            .starts_with("100–700+ escaped"));
        let bbox = value["bbox"].as_array().unwrap();
        assert_eq!(bbox[0], json!(38.86228));
        assert_eq!(bbox[3], json!(36.59596));
    }

    #[test]
    fn every_feature_has_the_same_property_keys() {
        let value = feature_collection(&example(), &GeoJsonOptions::default());
        let keys: Vec<Vec<&String>> = value["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["properties"].as_object().unwrap().keys().collect())
            .collect();
        assert!(keys.windows(2).all(|w| w[0] == w[1]), "{keys:?}");
    }

    #[test]
    fn flat_drops_the_nested_members_and_output_is_deterministic() {
        let incidents = example();
        let flat = feature_collection(&incidents, &GeoJsonOptions { flat: true });
        assert!(flat["features"][0]["properties"].get("figures").is_none());
        let a = serde_json::to_string(&feature_collection(&incidents, &GeoJsonOptions::default()))
            .unwrap();
        let mut reversed = incidents.clone();
        reversed.reverse();
        let b = serde_json::to_string(&feature_collection(&reversed, &GeoJsonOptions::default()))
            .unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn the_written_bytes_are_the_pretty_printed_collection() {
        let incidents = example();
        for flat in [false, true] {
            let options = GeoJsonOptions { flat };
            let mut expected =
                serde_json::to_vec_pretty(&feature_collection(&incidents, &options)).unwrap();
            expected.push(b'\n');
            assert_eq!(
                String::from_utf8(geojson_bytes(&incidents, &options)).unwrap(),
                String::from_utf8(expected).unwrap()
            );
        }
    }

    #[test]
    fn a_collection_written_in_many_pieces_is_the_pretty_printed_collection() {
        /// Counts the pieces it is handed.
        struct Pieces(Vec<u8>, usize);
        impl std::io::Write for Pieces {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0.extend_from_slice(buf);
                self.1 += 1;
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let incidents: Vec<Incident> = (0..200)
            .flat_map(|k| {
                example().into_iter().map(move |mut i| {
                    i.id = format!("{}-{k:03}", i.id);
                    i
                })
            })
            .collect();
        let options = GeoJsonOptions::default();
        let mut pieces = Pieces(Vec::new(), 0);
        geojson_write(&incidents, &options, &mut pieces).unwrap();
        assert!(pieces.1 > 2, "{} pieces", pieces.1);
        let mut expected =
            serde_json::to_vec_pretty(&feature_collection(&incidents, &options)).unwrap();
        expected.push(b'\n');
        assert!(pieces.0 == expected, "the pieces differ from the whole");
    }

    #[test]
    fn coordinates_are_rounded_to_six_decimals() {
        assert_eq!(round6(38.862_281_49), 38.862281);
        assert_eq!(round6(-0.000_000_1), 0.0);
        assert_eq!(round6(-0.000_000_1).to_string(), "0");
    }
}
