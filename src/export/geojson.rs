//! Stage 3, export: incidents → GeoJSON (RFC 7946) through serde.
//!
//! A FeatureCollection of Point features, `[lon, lat]` in WGS 84, coordinates rounded to 6
//! decimals (~0.1 m), a `bbox` (after the features), no `crs` member, features in a stable order (date, then id).
//! Properties are flat scalars that GIS tools style and filter on directly — every feature has
//! the same keys, with `null` where a value is missing, so that GDAL infers one type per
//! field — plus the full `figures`, `sources` and `mentions` as nested JSON for fidelity
//! (dropped with `flat`).

#[cfg(test)]
use serde_json::Value;

use super::geojson_stream::GeoJsonFormat;
use super::stream::Summary;
use crate::model::Incident;

/// Options of the GeoJSON writer ([`write_geojson`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GeoJsonOptions {
    /// Drop the nested `figures`, `sources` and `mentions` properties.
    pub flat: bool,
    /// Indented, or one feature per line.
    pub layout: GeoJsonLayout,
}

/// How a GeoJSON document is laid out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GeoJsonLayout {
    /// Indented by two spaces, exactly as `serde_json::to_vec_pretty` (the map's
    /// `incidents.geojson`).
    #[default]
    Pretty,
    /// No indentation, one feature per line (large exports).
    Line,
}

impl GeoJsonOptions {
    /// The record format of these options, for features of `summary`'s figure columns.
    pub(crate) fn format(&self, summary: &Summary) -> GeoJsonFormat {
        GeoJsonFormat::new(summary, self.flat, self.layout == GeoJsonLayout::Line)
    }
}

/// The FeatureCollection of [`geojson_bytes`] as a JSON value, for tests that look at
/// values rather than bytes.
#[cfg(test)]
pub(crate) fn feature_collection(incidents: &[Incident], options: &GeoJsonOptions) -> Value {
    serde_json::from_slice(&geojson_bytes(incidents, options)).unwrap_or(Value::Null)
}

/// The bytes [`write_geojson`] writes, in memory.
#[cfg(test)]
pub(crate) fn geojson_bytes(incidents: &[Incident], options: &GeoJsonOptions) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_geojson(incidents, options, &mut out);
    out
}

/// Writes the located ones of `incidents` as a GeoJSON FeatureCollection to `writer`, a
/// piece at a time (a map of 100,000 incidents never holds its 150 MB GeoJSON in memory),
/// serialized feature by feature (no `serde_json::Value` tree), sorted by date, then id,
/// with one trailing newline. The library's one way to write GeoJSON of incidents it holds;
/// an export streams the same features through [`crate::pipeline::export`].
///
/// ```
/// use incimap::export::{write_geojson, GeoJsonLayout, GeoJsonOptions};
/// use incimap::{geocode, Context, Gazetteer};
///
/// let loaded = incimap::ingest::example_incidents();
/// let located = geocode(loaded.incidents, Gazetteer::builtin(), &Context::default()).located;
/// let mut pretty = Vec::new();
/// write_geojson(&located, &GeoJsonOptions::default(), &mut pretty)?;
/// assert!(pretty.starts_with(b"{\n  \"type\": \"FeatureCollection\""));
/// let line = GeoJsonOptions { layout: GeoJsonLayout::Line, ..Default::default() };
/// let mut lines = Vec::new();
/// write_geojson(&located, &line, &mut lines)?;
/// assert!(lines.starts_with(b"{\"type\":\"FeatureCollection\""));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_geojson(
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
    super::write_document(&options.format(&summary), located, &summary, writer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Context, Gazetteer};
    use crate::geocode::geocode;
    use crate::ingest::example_incidents;
    use crate::model::properties::round6;
    use serde_json::json;

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
        let flat = feature_collection(
            &incidents,
            &GeoJsonOptions {
                flat: true,
                ..Default::default()
            },
        );
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
            let options = GeoJsonOptions {
                flat,
                ..Default::default()
            };
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
        write_geojson(&incidents, &options, &mut pieces).unwrap();
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
