//! Stage 3, export: a GeoJSON feature's properties, listed once. [`write_properties`] says
//! which property comes in which order with which value; the two GeoJSON layouts are two
//! encoders of that one list: serde with the pretty formatter (`geojson_stream.rs`) and the
//! byte writer of the one-feature-per-line layout (`geojson_line.rs`). The property names
//! are the contract of [`crate::model::properties`], which the reader takes back.

use serde::Serialize;

use crate::model::columns::figure_columns;
use crate::model::properties::{extra_property_name, figures_text};
use crate::model::{list_text, Date, Incident, Measure};

/// What a feature's properties depend on besides the incident: the figure columns, and
/// whether the nested `figures`, `sources` and `mentions` are written.
pub struct FeatureSchema {
    pub measures: Vec<Measure>,
    /// Without the nested `figures`, `sources` and `mentions`.
    pub flat: bool,
    /// `(name, name_low, name_high)` per measure, made once.
    keys: Vec<[String; 3]>,
}

impl FeatureSchema {
    pub fn new(measures: Vec<Measure>, flat: bool) -> FeatureSchema {
        let keys = measures
            .iter()
            .map(|m| figure_columns(m.as_str()))
            .collect();
        FeatureSchema {
            measures,
            flat,
            keys,
        }
    }
}

/// An encoder of the properties: each call writes one property, in the order given. The
/// `&'static str` keys are this file's own names, which need no JSON escaping; the others
/// (figure columns, extra properties) may hold anything.
pub(super) trait PropertyWriter {
    fn text(&mut self, key: &'static str, value: &str);
    fn opt_text(&mut self, key: &'static str, value: Option<&str>);
    /// A date as `"YYYY-MM-DD"`.
    fn date(&mut self, key: &'static str, value: Date);
    /// The items joined with "; " as one string.
    fn joined(&mut self, key: &'static str, items: &[&str]);
    /// Any value as nested JSON.
    fn nested<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T);
    fn count(&mut self, key: &str, value: Option<u64>);
    /// Any value as JSON, under any name.
    fn json<T: Serialize + ?Sized>(&mut self, key: &str, value: &T);
}

/// Writes the properties of `incident`'s feature, every feature with the same keys in the
/// same order (`null` where a value is missing), so that GIS tools infer one type per field.
#[inline]
pub(super) fn write_properties<W: PropertyWriter>(
    schema: &FeatureSchema,
    incident: &Incident,
    w: &mut W,
) {
    let place = &incident.place;
    w.text("id", &incident.id);
    w.text("title", &incident.title);
    w.date("date_start", incident.date.start);
    w.date("date_end", incident.date.end);
    w.text("date_precision", incident.date.precision.as_str());
    w.text("place", &place.name);
    w.opt_text("place_id", place.gazetteer_id.as_deref());
    w.opt_text("place_canonical", place.canonical_name.as_deref());
    w.opt_text("country", place.country_code.as_deref());
    w.opt_text("admin1", place.admin1.as_deref());
    w.opt_text("admin2", place.admin2.as_deref());
    w.opt_text("admin3", place.admin3.as_deref());
    w.text("geo_precision", place.precision.as_str());
    w.opt_text("site", place.site.as_deref());
    w.opt_text("event_type", incident.event_type.map(|e| e.as_str()));
    w.opt_text(
        "sub_event_type",
        incident.sub_event_type.map(|e| e.as_str()),
    );
    w.text("actors", &list_text(&incident.actors));
    w.text("tags", &list_text(&incident.tags));
    for (measure, [name, low, high]) in schema.measures.iter().zip(&schema.keys) {
        let fig = incident.figure(measure);
        w.count(name, fig.and_then(|f| f.best));
        w.count(low, fig.and_then(|f| f.low));
        w.count(high, fig.and_then(|f| f.high));
    }
    w.text("figures_text", &figures_text(incident, &schema.measures));
    w.joined("claim_sources", &incident.claim_sources());
    w.text("description", &incident.description);
    if !schema.flat {
        w.nested("figures", &incident.figures);
        w.nested("sources", &incident.sources);
        w.nested("mentions", &incident.mentions);
    }
    // An extra property may not take a measure's name.
    let names: Vec<&str> = match incident.extra.is_empty() {
        true => Vec::new(),
        false => schema.measures.iter().map(Measure::as_str).collect(),
    };
    for (key, value) in &incident.extra {
        w.json(&extra_property_name(key, &names), value);
    }
}
