//! Stage 1, ingest: other people's GeoJSON point features → incidents. The date, place,
//! title, country and taxonomy from the properties usually named so (`date`, `event_date`,
//! `place`, `location`, `country`, …), figures from the numeric properties named after a
//! measure, every other property an extra with its JSON type.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::cell::{parse_count_cell, too_large};
use super::geojson::{text, FeatureError};
use super::options::ReadOptions;
use crate::model::{Claim, DateSpan, Figure, Incident, Measure, Place, Qualifier, MAX_COUNT};
use crate::reference::countries;

/// The claims of a property named after a measure: a whole number from 0 to [`MAX_COUNT`], or
/// a count as a table cell has it ("700+", "hundreds"). Anything else (-5, 2.7, 1e20, "NaN")
/// is an error for the feature: JSON says "no value" with `null` (or no property), so the
/// spreadsheet spellings of a missing value that a table cell may hold (`NA`, `NaN`) are
/// no count here.
fn figure_claims(value: &Value) -> Result<Vec<Claim>, String> {
    match value {
        Value::Number(n) => match n.as_u64() {
            Some(count) if count <= MAX_COUNT => Ok(vec![Claim::new(count, Qualifier::Exact)]),
            Some(_) => Err(too_large(&n.to_string()).to_string()),
            None => Err(format!(
                "expected a whole number of people from 0 to {MAX_COUNT}, got {n}"
            )),
        },
        Value::String(text) if super::cell::is_missing(text) => Err(format!(
            "expected a count (or null for none), got {}",
            crate::error::echo(text)
        )),
        Value::String(text) => parse_count_cell(text).map_err(|e| e.to_string()),
        other => Err(format!("expected a count, got {other}")),
    }
}

/// The span of a foreign feature: its start (a timestamp's day) to its end, when given; an
/// unknown date when there is none.
fn foreign_date(
    take: &mut dyn FnMut(&[&str]) -> Option<String>,
    options: &ReadOptions,
) -> Result<DateSpan, FeatureError> {
    let date = match take(&["date", "date_start", "event_date", "start_date", "time"]) {
        Some(t) => {
            let day = if t.len() > 10 && t.as_bytes().get(10) == Some(&b'T') {
                &t[..10]
            } else {
                &t
            };
            options
                .dates
                .parse(day)
                .map_err(|e| FeatureError::parse("the date", e))?
        }
        None => DateSpan::unknown(),
    };
    let date = match take(&["date_end", "end_date"]) {
        Some(t) => {
            let end = options
                .dates
                .parse(&t)
                .map_err(|e| FeatureError::parse("the end date", e))?;
            DateSpan::between(date.start, end.end, date.precision.max(end.precision))
                .map_err(|e| e.to_string())?
        }
        None => date,
    };
    Ok(date)
}

/// A feature of another tool's (not incimap's own export, not a table GDAL wrote) as an
/// incident.
pub(super) fn foreign_feature(
    props: Map<String, Value>,
    options: &ReadOptions,
) -> Result<Incident, FeatureError> {
    let lower: BTreeMap<String, &str> = props
        .keys()
        .map(|k| (super::csv_text::header_key(k), k.as_str()))
        .collect();
    let find = |names: &[&str]| -> Option<(String, String)> {
        names.iter().find_map(|n| {
            let key = lower.get(*n)?;
            Some((key.to_string(), text(&props, key)?))
        })
    };
    let mut used: Vec<String> = Vec::new();
    let mut take = |names: &[&str]| -> Option<String> {
        let (key, value) = find(names)?;
        used.push(key);
        Some(value)
    };
    let date = foreign_date(&mut take, options)?;
    let name = take(&["place", "location", "name", "city", "town"]).unwrap_or_default();
    let title = take(&["title", "headline"]).unwrap_or_else(|| name.clone());
    let mut place = Place::named(name);
    place.country_code = take(&["country_code", "iso2", "country"])
        .map(|c| countries::code_from_name(&c).map_or(c, str::to_string));
    place.admin1 = take(&["admin1", "province", "governorate"]);
    place.admin2 = take(&["admin2", "district"]);
    place.admin3 = take(&["admin3"]);
    let id = take(&["id", "event_id", "event_id_cnty"]).unwrap_or_default();
    let mut incident = Incident::new(id, title, date, place);
    if let Some((key, t)) = find(&["event_type"]) {
        if let Ok(t) = t.parse() {
            incident.event_type = Some(t);
            used.push(key);
        }
    }
    if let Some((key, t)) = find(&["sub_event_type"]) {
        if let Ok(t) = t.parse() {
            incident.sub_event_type = Some(t);
            used.push(key);
        }
    }
    for (key, value) in props {
        if used.iter().any(|u| u == &key) {
            continue;
        }
        let measure = Measure::parse(&key);
        if measure.counts_people() && !value.is_null() {
            let claims = figure_claims(&value).map_err(|e| format!("property {key:?}: {e}"))?;
            if !claims.is_empty() {
                incident
                    .figures
                    .push(Figure::from_claims(measure, None, claims));
            }
        } else if !value.is_null() {
            incident.extra.insert(key, value);
        }
    }
    Ok(incident)
}
