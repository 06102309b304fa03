//! Stage 1, ingest: incimap's own CSV export (`incimap export --to csv`, written by
//! `src/export/csv.rs`) → incidents, exactly as they were exported.
//!
//! Recognized by its `figures_json` column. The exact span comes from `event_date`,
//! `date_end` and `date_precision`; the place from `location`, `place_id`, `place_canonical`,
//! `country_code`, `admin1`, `latitude`, `longitude`, `place_precision` and `site`; figures,
//! sources, mentions and extra properties from the JSON columns. When `figures_json` is empty
//! (a row typed into a spreadsheet) the figure columns `<measure>`, `_low`, `_high` are used.
//! The ACLED code columns (`time_precision`, `geo_precision`) and the derived ones (`year`,
//! `country`, `fatalities`, `figures_text`, `claim_sources`) are not read back.

use csv::StringRecord;

use crate::error::RecordError;
use crate::model::columns::{figure_columns, read_back_columns};
use crate::model::{parse_list_text, DateSpan, Figure, Incident, Measure, Place};

use super::coordinates::parse_lon_lat;
use super::csv_text::{header_key, position_of};

/// Column positions of an incimap CSV export.
#[derive(Debug, Clone)]
pub struct WideColumns {
    at: std::collections::BTreeMap<&'static str, usize>,
    /// `(measure, best, low, high)` column positions.
    measures: Vec<(Measure, usize, Option<usize>, Option<usize>)>,
}

impl WideColumns {
    pub(crate) fn from_headers(headers: &StringRecord) -> WideColumns {
        let position = position_of(headers);
        let at: std::collections::BTreeMap<&'static str, usize> = read_back_columns()
            .filter_map(|n| Some((n, position(n)?)))
            .collect();
        // A measure column is one with a `_low` sibling: `killed`, `killed_low`, `killed_high`.
        let measures = headers
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                let key = header_key(h);
                let [_, low, high] = figure_columns(&key);
                Some((
                    Measure::parse(&key),
                    i,
                    Some(position(&low)?),
                    position(&high),
                ))
            })
            .collect();
        WideColumns { at, measures }
    }

    pub(crate) fn row(
        &self,
        record: &StringRecord,
        label: &str,
        line: Option<u64>,
    ) -> Result<Incident, RecordError> {
        let raw = |name: &str| self.at.get(name).and_then(|&i| record.get(i)).unwrap_or("");
        let opt = |name: &str| Some(raw(name).to_string()).filter(|s| !s.is_empty());
        let err = |column: &str, message: String| {
            RecordError::new(label, line, message).in_column(column)
        };
        let json_err =
            |column: &str, e: serde_json::Error| err(column, format!("expected JSON: {e}"));

        let start =
            DateSpan::parse(raw("event_date")).map_err(|e| err("event_date", e.to_string()))?;
        let end = match raw("date_end") {
            "" => start,
            text => DateSpan::parse(text).map_err(|e| err("date_end", e.to_string()))?,
        };
        if end.end < start.start {
            return Err(err(
                "date_end",
                format!("expected a date on or after {}", start.start),
            ));
        }
        let precision = match raw("date_precision") {
            "" => start.precision.max(end.precision),
            text => text
                .parse()
                .map_err(|e: crate::ParseError| err("date_precision", e.to_string()))?,
        };
        let date = DateSpan {
            start: start.start,
            end: end.end,
            precision,
        };

        let mut place = Place::named(raw("location"));
        place.gazetteer_id = opt("place_id");
        place.canonical_name = opt("place_canonical");
        place.country_code = opt("country_code");
        place.admin1 = opt("admin1");
        place.admin2 = opt("admin2");
        place.admin3 = opt("admin3");
        place.site = opt("site");
        if let Some((lon, lat)) = parse_lon_lat(raw("longitude"), raw("latitude"))
            .map_err(|e| e.in_row(label, line, "longitude", "latitude"))?
        {
            place.lon = Some(lon);
            place.lat = Some(lat);
        }
        if let Some(text) = opt("place_precision") {
            place.precision = text
                .parse()
                .map_err(|e: crate::ParseError| err("place_precision", e.to_string()))?;
        }

        let mut incident = Incident::new(raw("event_id_cnty"), raw("title"), date, place);
        if incident.id.trim().is_empty() {
            return Err(err("event_id_cnty", "expected an incident id".into()));
        }
        incident.description = raw("notes").to_string();
        if let Some(text) = opt("event_type") {
            incident.event_type = Some(
                text.parse()
                    .map_err(|e: crate::ParseError| err("event_type", e.to_string()))?,
            );
        }
        if let Some(text) = opt("sub_event_type") {
            incident.sub_event_type = Some(
                text.parse()
                    .map_err(|e: crate::ParseError| err("sub_event_type", e.to_string()))?,
            );
        }
        incident.actors = parse_list_text(raw("actors")).map_err(|e| json_err("actors", e))?;
        incident.tags = parse_list_text(raw("tags")).map_err(|e| json_err("tags", e))?;
        let json =
            |name: &str| -> Option<&str> { Some(raw(name)).filter(|s| !s.trim().is_empty()) };
        if let Some(text) = json("figures_json") {
            incident.figures =
                serde_json::from_str(text).map_err(|e| json_err("figures_json", e))?;
        } else {
            for (measure, best, low, high) in &self.measures {
                let value = |i: Option<usize>| -> Result<Option<u64>, RecordError> {
                    match i.and_then(|i| record.get(i)).map_or("", str::trim) {
                        "" => Ok(None),
                        t => t.parse().map(Some).map_err(|_| {
                            err(
                                measure.as_str(),
                                format!("expected a whole number, got {t:?}"),
                            )
                        }),
                    }
                };
                if let Some(b) = value(Some(*best))? {
                    let mut figure = Figure::from_value(measure.clone(), b);
                    figure.low = value(*low)?.or(Some(b));
                    figure.high = value(*high)?.or(Some(b));
                    incident.figures.push(figure);
                }
            }
        }
        if let Some(text) = json("sources_json") {
            incident.sources =
                serde_json::from_str(text).map_err(|e| json_err("sources_json", e))?;
        }
        if let Some(text) = json("mentions_json") {
            incident.mentions =
                serde_json::from_str(text).map_err(|e| json_err("mentions_json", e))?;
        }
        if let Some(text) = json("extra_json") {
            incident.extra = serde_json::from_str(text).map_err(|e| json_err("extra_json", e))?;
        }
        Ok(incident)
    }
}
