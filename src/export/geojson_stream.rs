//! Stage 3, export: GeoJSON written one feature at a time, for inputs too large to hold.
//!
//! For the same incidents in the same order it writes exactly the bytes of the in-memory
//! writer (`geojson.rs`: the same properties in the same order, pretty-printed the same way),
//! which a test checks. The differences are only what streaming requires and are documented
//! in the README ("Streaming"): features come in input order (the in-memory writer sorts by
//! date, then id — for input already in that order the files are identical), the figure columns
//! come from the table headers or a first pass over the input ([`super::Summary`]), and the
//! `bbox`, known only at the end, follows the features.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::geojson_properties::{write_properties, FeatureSchema, PropertyWriter};
use super::pretty::Indented;
use super::stream::{RecordFormat, Summary};
use crate::model::properties::round6;
use crate::model::{Date, Incident};

/// The streaming GeoJSON format.
pub struct GeoJsonFormat {
    schema: FeatureSchema,
    /// One feature per line without indentation (for large exports), instead of the
    /// in-memory writer's pretty layout.
    compact: bool,
}

impl GeoJsonFormat {
    pub fn new(summary: &Summary, flat: bool, compact: bool) -> GeoJsonFormat {
        GeoJsonFormat {
            schema: FeatureSchema::new(summary.measure_columns(), flat),
            compact,
        }
    }
}

fn json_text<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

impl RecordFormat for GeoJsonFormat {
    fn header(&self, out: &mut Vec<u8>) {
        if self.compact {
            out.extend_from_slice(b"{\"type\":\"FeatureCollection\",\"attribution\":");
            out.extend_from_slice(json_text(crate::DATA_CREDITS).as_bytes());
            out.extend_from_slice(b",\"features\":[");
            return;
        }
        out.extend_from_slice(b"{\n  \"type\": \"FeatureCollection\",\n  \"attribution\": ");
        out.extend_from_slice(json_text(crate::DATA_CREDITS).as_bytes());
        out.extend_from_slice(b",\n  \"features\": [");
    }

    fn separator(&self) -> &'static [u8] {
        b","
    }

    fn record(&self, incident: &Incident, out: &mut Vec<u8>) {
        let Some((lon, lat)) = incident.place.lon_lat() else {
            return;
        };
        let feature = FeatureRef {
            format: self,
            incident,
            coordinates: [round6(lon), round6(lat)],
        };
        // Serializing into memory cannot fail: every value is a string, number or null.
        if self.compact {
            out.extend_from_slice(b",\n");
            super::geojson_line::write_feature(&self.schema, incident, feature.coordinates, out);
        } else {
            out.extend_from_slice(b",\n    ");
            let mut ser = serde_json::Serializer::with_formatter(&mut *out, Indented::at(2));
            let _ = feature.serialize(&mut ser);
        }
    }

    /// The bbox comes last: it is known only once every record is written (one pass), and
    /// JSON members may come in any order (GDAL writes it there too).
    fn footer(&self, any: bool, written: &Summary, out: &mut Vec<u8>) {
        if self.compact {
            out.extend_from_slice(if any { b"\n]" } else { b"]" });
            if let Some(bbox) = written.bbox {
                out.extend_from_slice(b",\"bbox\":");
                out.extend_from_slice(json_text(&bbox).as_bytes());
            }
            out.extend_from_slice(b"}\n");
            return;
        }
        out.extend_from_slice(if any { b"\n  ]" } else { b"]" });
        if let Some(bbox) = written.bbox {
            out.extend_from_slice(b",\n  \"bbox\": [\n");
            let values: Vec<String> = bbox
                .iter()
                .map(|v| format!("    {}", json_text(v)))
                .collect();
            out.extend_from_slice(values.join(",\n").as_bytes());
            out.extend_from_slice(b"\n  ]");
        }
        out.extend_from_slice(b"\n}\n");
    }
}

struct FeatureRef<'a> {
    format: &'a GeoJsonFormat,
    incident: &'a Incident,
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: [f64; 2],
}

impl Serialize for FeatureRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("type", "Feature")?;
        map.serialize_entry("id", &self.incident.id)?;
        let point = Point {
            kind: "Point",
            coordinates: self.coordinates,
        };
        map.serialize_entry("geometry", &point)?;
        map.serialize_entry("properties", &PropertiesRef(self.format, self.incident))?;
        map.end()
    }
}

struct PropertiesRef<'a>(&'a GeoJsonFormat, &'a Incident);

impl Serialize for PropertiesRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let PropertiesRef(format, incident) = *self;
        let mut map = serializer.serialize_map(None)?;
        let mut entries = Entries {
            map: &mut map,
            error: None,
        };
        write_properties(&format.schema, incident, &mut entries);
        match entries.error {
            Some(error) => Err(error),
            None => map.end(),
        }
    }
}

/// The serde encoder of the properties: map entries, the first error kept.
struct Entries<'m, M: SerializeMap> {
    map: &'m mut M,
    error: Option<M::Error>,
}

impl<M: SerializeMap> Entries<'_, M> {
    fn entry<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        if self.error.is_none() {
            self.error = self.map.serialize_entry(key, value).err();
        }
    }
}

impl<M: SerializeMap> PropertyWriter for Entries<'_, M> {
    fn text(&mut self, key: &'static str, value: &str) {
        self.entry(key, value);
    }
    fn opt_text(&mut self, key: &'static str, value: Option<&str>) {
        self.entry(key, &value);
    }
    fn date(&mut self, key: &'static str, value: Date) {
        self.entry(key, &value);
    }
    fn joined(&mut self, key: &'static str, items: &[&str]) {
        self.entry(key, &items.join("; "));
    }
    fn nested<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.entry(key, value);
    }
    fn count(&mut self, key: &str, value: Option<u64>) {
        self.entry(key, &value);
    }
    fn json<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.entry(key, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::geojson::feature_collection;
    use crate::export::GeoJsonOptions;
    use crate::ingest::example_incidents;

    fn streamed(incidents: &[Incident], flat: bool) -> Vec<u8> {
        let mut summary = Summary::default();
        incidents.iter().for_each(|i| summary.add(i));
        let format = GeoJsonFormat::new(&summary, flat, false);
        let mut out = Vec::new();
        format.header(&mut out);
        let mut body = Vec::new();
        for incident in incidents {
            format.record(incident, &mut body);
        }
        out.extend_from_slice(body.get(1..).unwrap_or_default());
        format.footer(!incidents.is_empty(), &summary, &mut out);
        out
    }

    #[test]
    fn the_line_writer_gives_serde_json_compact_bytes() {
        let mut incidents = example_incidents().incidents;
        let mut odd = incidents[0].clone();
        odd.id = "odd \"one\"\n".into();
        odd.title = "Tab\there, back\\slash, \u{1} control, عين عيسى".into();
        odd.actors = vec!["A; B".into(), "C\"".into()];
        odd.place.admin1 = None;
        odd.place.site = Some("camp".into());
        odd.event_type = None;
        odd.sub_event_type = None;
        odd.extra.insert("title".into(), "clash".into());
        odd.extra
            .insert("extra_title".into(), serde_json::json!([1, {"a": null}]));
        odd.extra
            .insert("killed_low".into(), serde_json::json!(2.5));
        odd.extra
            .insert("note\u{7}".into(), serde_json::json!(true));
        incidents.push(odd);
        let mut summary = Summary::default();
        incidents.iter().for_each(|i| summary.add(i));
        for flat in [false, true] {
            let format = GeoJsonFormat::new(&summary, flat, true);
            for incident in &incidents {
                let (lon, lat) = incident.place.lon_lat().unwrap_or((38.25, -0.0000001));
                let coordinates = [round6(lon), round6(lat)];
                let feature = FeatureRef {
                    format: &format,
                    incident,
                    coordinates,
                };
                let expected = serde_json::to_string(&feature).unwrap();
                let mut got = Vec::new();
                super::super::geojson_line::write_feature(
                    &format.schema,
                    incident,
                    coordinates,
                    &mut got,
                );
                assert_eq!(String::from_utf8(got).unwrap(), expected);
            }
        }
    }

    #[test]
    fn streamed_bytes_equal_the_in_memory_writer_for_sorted_input() {
        let mut incidents = example_incidents().incidents;
        for (i, incident) in incidents.iter_mut().enumerate() {
            incident.place.lon = Some(38.0 + i as f64 * 0.123_456_789);
            incident.place.lat = Some(-0.000_000_1);
            incident.extra.insert("title".into(), "clash".into());
            incident.extra.insert("count".into(), serde_json::json!(3));
        }
        incidents.sort_by(|a, b| a.date.start.cmp(&b.date.start).then(a.id.cmp(&b.id)));
        for flat in [false, true] {
            let value = feature_collection(
                &incidents,
                &GeoJsonOptions {
                    flat,
                    ..Default::default()
                },
            );
            let mut expected = serde_json::to_vec_pretty(&value).unwrap();
            expected.push(b'\n');
            let got = streamed(&incidents, flat);
            assert_eq!(
                String::from_utf8(got).unwrap(),
                String::from_utf8(expected).unwrap()
            );
        }
        // The compact layout is the same JSON value, one feature per line.
        let mut summary = Summary::default();
        incidents.iter().for_each(|i| summary.add(i));
        let compact = GeoJsonFormat::new(&summary, false, true);
        let mut text = Vec::new();
        compact.header(&mut text);
        let mut body = Vec::new();
        incidents.iter().for_each(|i| compact.record(i, &mut body));
        text.extend_from_slice(&body[1..]);
        compact.footer(true, &summary, &mut text);
        let parsed: serde_json::Value = serde_json::from_slice(&text).unwrap();
        assert_eq!(
            parsed,
            feature_collection(&incidents, &GeoJsonOptions::default())
        );
        assert_eq!(
            text.iter().filter(|&&b| b == b'\n').count(),
            incidents.len() + 2
        );
        let value = feature_collection(&[], &GeoJsonOptions::default());
        let mut expected = serde_json::to_vec_pretty(&value).unwrap();
        expected.push(b'\n');
        assert_eq!(streamed(&[], false), expected);
    }
}
