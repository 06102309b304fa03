//! The GeoParquet table's columns: the CSV export's columns ([`crate::export::csv`]) with a
//! type each (counts and years as integers, coordinates as doubles, the rest as text; an
//! empty CSV cell is a null), then `geometry` (WKB points) and its `bbox` covering column.
//! The `geo` metadata (GeoParquet 1.1) goes into the Arrow schema and the Parquet footer.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use serde_json::json;

use crate::model::Measure;

/// The GeoParquet specification version written.
pub const GEOPARQUET_VERSION: &str = "1.1.0";

/// The name of the geometry column.
pub const GEOMETRY: &str = "geometry";

/// The name of the bbox covering column (a struct of `xmin`, `ymin`, `xmax`, `ymax`).
pub const BBOX: &str = "bbox";

/// The key of the GeoParquet metadata.
pub const GEO_KEY: &str = "geo";

/// The key of the data credits in the footer and schema metadata.
pub const CREDITS_KEY: &str = "incimap:credits";

/// The type of one property column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Int32,
    Int64,
    Float64,
}

impl Kind {
    fn data_type(self) -> DataType {
        match self {
            Kind::Text => DataType::Utf8,
            Kind::Int32 => DataType::Int32,
            Kind::Int64 => DataType::Int64,
            Kind::Float64 => DataType::Float64,
        }
    }
}

/// The property columns for the given figure measures: names as the CSV header, and types.
pub fn property_columns(measures: &[Measure]) -> Vec<(String, Kind)> {
    let names = crate::model::columns::column_names(measures);
    let lead = crate::model::columns::LEAD_COLUMNS.len();
    let figures = lead..lead + 3 * measures.len();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let kind = if figures.contains(&i) {
                Kind::Int64
            } else {
                lead_kind(&name)
            };
            (name, kind)
        })
        .collect()
}

/// The type of a column outside the figure columns.
fn lead_kind(name: &str) -> Kind {
    match name {
        "year" | "time_precision" | "geo_precision" => Kind::Int32,
        "fatalities" => Kind::Int64,
        "latitude" | "longitude" => Kind::Float64,
        _ => Kind::Text,
    }
}

/// The `bbox` struct's fields.
pub fn bbox_fields() -> Fields {
    ["xmin", "ymin", "xmax", "ymax"]
        .into_iter()
        .map(|n| Field::new(n, DataType::Float64, false))
        .collect()
}

/// The `geo` metadata: one WKB point column in OGC:CRS84 (the `crs` member is left out,
/// which the specification defines as OGC:CRS84), with its bbox covering.
pub fn geo_metadata() -> String {
    let covering = json!({
        "bbox": {
            "xmin": [BBOX, "xmin"],
            "ymin": [BBOX, "ymin"],
            "xmax": [BBOX, "xmax"],
            "ymax": [BBOX, "ymax"],
        }
    });
    json!({
        "version": GEOPARQUET_VERSION,
        "primary_column": GEOMETRY,
        "columns": {
            GEOMETRY: {
                "encoding": "WKB",
                "geometry_types": ["Point"],
                "covering": covering,
            }
        }
    })
    .to_string()
}

/// The Arrow schema: the property columns, `geometry`, `bbox`; `geo` and the credits in
/// its metadata.
pub fn arrow_schema(columns: &[(String, Kind)]) -> SchemaRef {
    let mut fields: Vec<Field> = columns
        .iter()
        .map(|(name, kind)| Field::new(name, kind.data_type(), true))
        .collect();
    fields.push(Field::new(GEOMETRY, DataType::Binary, true));
    fields.push(Field::new(BBOX, DataType::Struct(bbox_fields()), true));
    let metadata = HashMap::from([
        (GEO_KEY.to_string(), geo_metadata()),
        (CREDITS_KEY.to_string(), crate::DATA_CREDITS.to_string()),
    ]);
    Arc::new(Schema::new_with_metadata(fields, metadata))
}

/// A point as little-endian ISO WKB (21 bytes: byte order, type 1, x, y).
pub fn wkb_point(lon: f64, lat: f64) -> [u8; 21] {
    let mut out = [0u8; 21];
    out[0] = 1;
    out[1..5].copy_from_slice(&1u32.to_le_bytes());
    out[5..13].copy_from_slice(&lon.to_le_bytes());
    out[13..21].copy_from_slice(&lat.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_the_csv_header_with_types() {
        let columns = property_columns(&[Measure::Killed]);
        let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            crate::model::columns::column_names(&[Measure::Killed])
        );
        let kind = |name: &str| columns.iter().find(|(n, _)| n == name).map(|(_, k)| *k);
        assert_eq!(kind("year"), Some(Kind::Int32));
        assert_eq!(kind("latitude"), Some(Kind::Float64));
        assert_eq!(kind("killed_high"), Some(Kind::Int64));
        assert_eq!(kind("figures_json"), Some(Kind::Text));
    }

    #[test]
    fn a_point_is_little_endian_wkb() {
        let wkb = wkb_point(36.5, -2.25);
        assert_eq!(&wkb[..5], &[1, 1, 0, 0, 0]);
        assert_eq!(f64::from_le_bytes(wkb[5..13].try_into().unwrap()), 36.5);
        assert_eq!(f64::from_le_bytes(wkb[13..].try_into().unwrap()), -2.25);
    }

    #[test]
    fn the_geo_metadata_names_the_covering_columns() {
        let geo: serde_json::Value = serde_json::from_str(&geo_metadata()).unwrap();
        assert_eq!(geo["version"], "1.1.0");
        assert_eq!(geo["columns"]["geometry"]["encoding"], "WKB");
        assert_eq!(
            geo["columns"]["geometry"]["covering"]["bbox"]["ymax"],
            json!(["bbox", "ymax"])
        );
        assert!(geo["columns"]["geometry"].get("crs").is_none());
    }
}
