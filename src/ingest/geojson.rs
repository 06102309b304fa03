//! Stage 1, ingest: GeoJSON FeatureCollections → incidents.
//!
//! **incimap's own export** (recognized by the `date_precision` and `geo_precision`
//! properties) reads back into the incidents it was written from: the flat properties give
//! the id, title, span, place and taxonomy, the nested `figures`, `sources` and `mentions` the
//! rest (a flat export, `GeoJsonOptions::flat`, gives figures from the `<measure>`, `_low`, `_high` columns only),
//! and every other property is an extra (`extra_<name>` back to `<name>`). Exact up to what
//! the export rounds: coordinates to 6 decimals.
//!
//! **Other people's point features**: a date from `date`, `date_start`, `event_date`,
//! `start_date` or `time` (ISO, "13 October 2019", or the format of `ReadOptions::dates`; undated features get
//! the unknown span 0001-01-01/9999-12-31), a place name from `place`, `location`, `name`,
//! `city` or `town`, a title from `title` or `name`, `country` (name or ISO code),
//! `event_type`, `sub_event_type`; numeric properties named after a measure (`killed`,
//! `fatalities`, `deaths`, `injured`, …) become figures, and every other property is kept in
//! `extra` with its JSON type, so numbers stay numbers (a map's `size_by` can name them).
//! Features without a Point geometry are rejected with their index.
//!
//! In: the text of a GeoJSON document and [`ReadOptions`]; out: [`Records`] (incidents,
//! rejected features with their index, warnings). Other people's features are read in
//! `geojson_foreign.rs`, tables written as GeoJSON by GDAL in `geojson_table.rs`.

use serde_json::{Map, Value};

use crate::error::{DateHint, ParseError, RecordError};

use crate::model::{
    parse_list_text, stable_id, Date, DatePrecision, DateSpan, Figure, Incident, Measure, Place,
};

use super::geojson_doc::{self, Document};
use super::geojson_foreign;
use super::geojson_table::TableLayout;
use super::options::ReadOptions;
use super::Records;
use crate::model::columns::figure_columns;
use crate::model::properties::{EXTRA_PREFIX, FLAT_PROPERTIES, NESTED_PROPERTIES};

/// True for a GeoJSON FeatureCollection or Feature object.
pub(super) fn is_geojson(value: &Value) -> bool {
    matches!(
        value.get("type").and_then(Value::as_str),
        Some("FeatureCollection") | Some("Feature")
    )
}

/// Reads a GeoJSON document: a FeatureCollection or a single Feature. Each feature that cannot
/// become an incident is one error naming its position ("feature #3"), the others load; only
/// what makes the document unreadable is an error for the whole file (`geojson_doc.rs`).
/// The warnings are notes about features kept.
pub fn read_geojson(text: &str, label: &str, options: &ReadOptions) -> Records {
    let file_error = |message: String| Records::unreadable(RecordError::new(label, None, message));
    match geojson_doc::split(text) {
        Ok(Document::Collection(features)) => {
            read_features(features.iter().map(|f| f.get()), label, options)
        }
        Ok(Document::Feature(feature)) => read_features([feature], label, options),
        Ok(Document::Other) => file_error("expected a GeoJSON FeatureCollection".into()),
        Err(message) => file_error(message),
    }
}

/// True when `text` is a GeoJSON document (or broken JSON that names a FeatureCollection),
/// rather than incimap's own JSON.
pub(super) fn looks_like_geojson(text: &str) -> bool {
    match geojson_doc::split(text) {
        Ok(Document::Collection(_) | Document::Feature(_)) => true,
        Ok(Document::Other) => false,
        Err(_) => text.contains("\"FeatureCollection\""),
    }
}

fn read_features<'t>(
    features: impl IntoIterator<Item = &'t str>,
    label: &str,
    options: &ReadOptions,
) -> Records {
    let mut read = Records::default();
    let mut layout = TableLayout::default();
    for (index, feature) in features.into_iter().enumerate() {
        let mut noted = Vec::new();
        let parsed = geojson_doc::parse_unique(feature)
            .map_err(FeatureError::from)
            .and_then(|value| {
                feature_to_incident(value, index, label, options, &mut layout, &mut noted)
            });
        match parsed {
            Ok(incident) => read.incidents.push(incident),
            Err(FeatureError { message, hint }) => {
                let message = format!("feature #{}: {message}", index + 1);
                read.rejected.push(
                    RecordError::new(label, None, message)
                        .with_hint(hint)
                        .into(),
                )
            }
        }
        read.warnings.extend(noted.into_iter().map(|mut w| {
            let property = w.column.take().map(|c| format!("property {c:?}: "));
            w.message = format!(
                "feature #{}: {}{}",
                index + 1,
                property.unwrap_or_default(),
                w.message
            );
            w
        }));
    }
    read
}

/// Why a feature is not an incident: the words, and the date hint they hold, if any.
pub(super) struct FeatureError {
    pub(super) message: String,
    pub(super) hint: Option<DateHint>,
}

impl FeatureError {
    /// `error` in `what` ("the date"), with its hint.
    pub(super) fn parse(what: &str, error: ParseError) -> FeatureError {
        FeatureError {
            message: format!("{what}: {error}"),
            hint: error.hint(),
        }
    }
}

impl From<String> for FeatureError {
    fn from(message: String) -> FeatureError {
        FeatureError {
            message,
            hint: None,
        }
    }
}

impl From<&str> for FeatureError {
    fn from(message: &str) -> FeatureError {
        FeatureError::from(message.to_string())
    }
}

fn feature_to_incident(
    feature: Value,
    index: usize,
    label: &str,
    options: &ReadOptions,
    layout: &mut TableLayout,
    warnings: &mut Vec<RecordError>,
) -> Result<Incident, FeatureError> {
    let Value::Object(mut feature) = feature else {
        return Err("expected a Feature object".into());
    };
    let (lon, lat) = point(feature.get("geometry").unwrap_or(&Value::Null))?;
    let props = match feature.remove("properties") {
        Some(Value::Object(props)) => props,
        Some(Value::Null) | None => Map::new(),
        Some(_) => return Err("expected \"properties\" to be an object".into()),
    };
    let feature_id = match feature.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let own = props.contains_key("date_precision") && props.contains_key("geo_precision");
    let mut incident = if own {
        own_feature(props)?
    } else if let Some(row) = layout.read(&props, label, options, warnings) {
        row?
    } else {
        geojson_foreign::foreign_feature(props, options)?
    };
    if incident.id.is_empty() {
        incident.id = feature_id
            .unwrap_or_else(|| stable_id(&[label, &index.to_string(), &incident.place.name]));
    }
    if let Some((lon, lat)) = lon.zip(lat) {
        incident.place.lon = Some(lon);
        incident.place.lat = Some(lat);
    }
    Ok(incident)
}

/// `[lon, lat]` of a Point (null geometry: no coordinates).
fn point(geometry: &Value) -> Result<(Option<f64>, Option<f64>), String> {
    if geometry.is_null() {
        return Ok((None, None));
    }
    let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("?");
    if kind != "Point" {
        return Err(format!("expected a Point geometry, got {kind}"));
    }
    let coords = geometry.get("coordinates").and_then(Value::as_array);
    let number = |i: usize| coords.and_then(|c| c.get(i)).and_then(Value::as_f64);
    let (Some(lon), Some(lat)) = (number(0), number(1)) else {
        return Err("expected Point coordinates [lon, lat]".into());
    };
    if crate::model::valid_lon_lat(lon, lat) {
        return Ok((Some(lon), Some(lat)));
    }
    let hint = if crate::model::valid_lon_lat(lat, lon) {
        " (they look swapped: GeoJSON puts lon first)"
    } else {
        ""
    };
    Err(format!(
        "expected lon in -180..180 and lat in -90..90, got lon {lon}, lat {lat}{hint}"
    ))
}

/// The text of property `key` (a number as written); none when it is empty or no text.
pub(super) fn text(props: &Map<String, Value>, key: &str) -> Option<String> {
    match props.get(key)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn parse_field<T: std::str::FromStr<Err = crate::ParseError>>(
    props: &Map<String, Value>,
    key: &str,
) -> Result<Option<T>, String> {
    text(props, key)
        .map(|t| t.parse::<T>().map_err(|e| format!("property {key:?}: {e}")))
        .transpose()
}

/// A list property as the writers write it ([`parse_list_text`]); text that looks like a
/// JSON array but is not one stays a single item.
fn split(text: Option<String>) -> Vec<String> {
    text.map(|t| parse_list_text(&t).unwrap_or_else(|_| vec![t]))
        .unwrap_or_default()
}

fn own_feature(props: Map<String, Value>) -> Result<Incident, String> {
    let date = |key: &str| -> Result<Date, String> {
        text(&props, key)
            .ok_or_else(|| format!("expected a {key:?} property"))?
            .parse::<Date>()
            .map_err(|e| format!("property {key:?}: {e}"))
    };
    let span = DateSpan {
        start: date("date_start")?,
        end: date("date_end")?,
        precision: parse_field(&props, "date_precision")?.unwrap_or(DatePrecision::Unknown),
    };
    let mut place = Place::named(text(&props, "place").unwrap_or_default());
    place.gazetteer_id = text(&props, "place_id");
    place.canonical_name = text(&props, "place_canonical");
    place.country_code = text(&props, "country");
    place.admin1 = text(&props, "admin1");
    place.admin2 = text(&props, "admin2");
    place.admin3 = text(&props, "admin3");
    place.site = text(&props, "site");
    place.precision = parse_field(&props, "geo_precision")?.unwrap_or(place.precision);
    let mut incident = Incident::new(
        text(&props, "id").unwrap_or_default(),
        text(&props, "title").unwrap_or_default(),
        span,
        place,
    );
    incident.description = text(&props, "description").unwrap_or_default();
    incident.event_type = parse_field(&props, "event_type")?;
    incident.sub_event_type = parse_field(&props, "sub_event_type")?;
    incident.actors = split(text(&props, "actors"));
    incident.tags = split(text(&props, "tags"));
    let nested = |key: &str| props.get(key).filter(|v| !v.is_null()).cloned();
    if let Some(v) = nested("sources") {
        incident.sources = serde_json::from_value(v).map_err(|e| format!("\"sources\": {e}"))?;
    }
    if let Some(v) = nested("mentions") {
        incident.mentions = serde_json::from_value(v).map_err(|e| format!("\"mentions\": {e}"))?;
    }
    let measure_keys: Vec<String> = props
        .keys()
        .filter(|k| props.contains_key(&figure_columns(k)[1]))
        .cloned()
        .collect();
    if let Some(v) = nested("figures") {
        incident.figures = serde_json::from_value(v).map_err(|e| format!("\"figures\": {e}"))?;
    } else {
        for key in &measure_keys {
            let get = |k: &str| props.get(k).and_then(Value::as_u64);
            if let Some(best) = get(key) {
                let [_, low, high] = figure_columns(key);
                let mut figure = Figure::from_value(Measure::parse(key), best);
                figure.low = get(&low).or(Some(best));
                figure.high = get(&high).or(Some(best));
                incident.figures.push(figure);
            }
        }
    }
    let is_measure = |k: &str| {
        measure_keys.iter().any(|m| {
            k == m
                || k.strip_prefix(m.as_str())
                    .is_some_and(|r| r == "_low" || r == "_high")
        })
    };
    // Everything else is an extra; the writer put `extra_` in front of the names it took.
    for (key, value) in props.iter() {
        let key = key.as_str();
        if FLAT_PROPERTIES.contains(&key) || NESTED_PROPERTIES.contains(&key) || is_measure(key) {
            continue;
        }
        let name = key.strip_prefix(EXTRA_PREFIX).unwrap_or(key);
        incident.extra.insert(name.to_string(), value.clone());
    }
    Ok(incident)
}
