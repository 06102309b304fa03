//! Stage 1, ingest: incimap's own CSV export (`ExportFormat::Csv`, written by
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
        let row = WideRow {
            columns: self,
            record,
            label,
            line,
        };
        let date = row.date()?;
        let place = row.place()?;
        let mut incident = Incident::new(row.raw("event_id_cnty"), row.raw("title"), date, place);
        if incident.id.trim().is_empty() {
            return Err(row.err("event_id_cnty", "expected an incident id".into()));
        }
        incident.description = row.raw("notes").to_string();
        row.types_and_lists(&mut incident)?;
        incident.figures = match row.json_cell("figures_json") {
            Some(text) => {
                serde_json::from_str(text).map_err(|e| row.json_err("figures_json", e))?
            }
            None => row.figure_columns()?,
        };
        if let Some(text) = row.json_cell("sources_json") {
            incident.sources =
                serde_json::from_str(text).map_err(|e| row.json_err("sources_json", e))?;
        }
        if let Some(text) = row.json_cell("mentions_json") {
            incident.mentions =
                serde_json::from_str(text).map_err(|e| row.json_err("mentions_json", e))?;
        }
        if let Some(text) = row.json_cell("extra_json") {
            incident.extra =
                serde_json::from_str(text).map_err(|e| row.json_err("extra_json", e))?;
        }
        Ok(incident)
    }
}

/// One row of an export being read back: its cells by column name, and where it is (for
/// messages).
struct WideRow<'r> {
    columns: &'r WideColumns,
    record: &'r StringRecord,
    label: &'r str,
    line: Option<u64>,
}

impl<'r> WideRow<'r> {
    fn raw(&self, name: &str) -> &'r str {
        let index = self.columns.at.get(name);
        index.and_then(|&i| self.record.get(i)).unwrap_or("")
    }

    fn opt(&self, name: &str) -> Option<String> {
        Some(self.raw(name).to_string()).filter(|s| !s.is_empty())
    }

    /// A JSON column's text, when it holds any.
    fn json_cell(&self, name: &str) -> Option<&'r str> {
        Some(self.raw(name)).filter(|s| !s.trim().is_empty())
    }

    fn err(&self, column: &str, message: String) -> RecordError {
        RecordError::new(self.label, self.line, message).in_column(column)
    }

    fn json_err(&self, column: &str, e: serde_json::Error) -> RecordError {
        self.err(column, format!("expected JSON: {e}"))
    }

    /// The exact span: `event_date` to `date_end`, at `date_precision`.
    fn date(&self) -> Result<DateSpan, RecordError> {
        let start = DateSpan::parse(self.raw("event_date"))
            .map_err(|e| self.err("event_date", e.to_string()))?;
        let end = match self.raw("date_end") {
            "" => start,
            text => DateSpan::parse(text).map_err(|e| self.err("date_end", e.to_string()))?,
        };
        if end.end < start.start {
            return Err(self.err(
                "date_end",
                format!("expected a date on or after {}", start.start),
            ));
        }
        let precision = match self.raw("date_precision") {
            "" => start.precision.max(end.precision),
            text => text
                .parse()
                .map_err(|e: crate::ParseError| self.err("date_precision", e.to_string()))?,
        };
        Ok(DateSpan {
            start: start.start,
            end: end.end,
            precision,
        })
    }

    /// The place as it was exported, coordinates and precision included.
    fn place(&self) -> Result<Place, RecordError> {
        let mut place = Place::named(self.raw("location"));
        place.gazetteer_id = self.opt("place_id");
        place.canonical_name = self.opt("place_canonical");
        place.country_code = self.opt("country_code");
        place.admin1 = self.opt("admin1");
        place.admin2 = self.opt("admin2");
        place.admin3 = self.opt("admin3");
        place.site = self.opt("site");
        if let Some((lon, lat)) = parse_lon_lat(self.raw("longitude"), self.raw("latitude"))
            .map_err(|e| e.in_row(self.label, self.line, "longitude", "latitude"))?
        {
            place.lon = Some(lon);
            place.lat = Some(lat);
        }
        if let Some(text) = self.opt("place_precision") {
            place.precision = text
                .parse()
                .map_err(|e: crate::ParseError| self.err("place_precision", e.to_string()))?;
        }
        Ok(place)
    }

    /// The event type, sub-event type, actors and tags.
    fn types_and_lists(&self, incident: &mut Incident) -> Result<(), RecordError> {
        if let Some(text) = self.opt("event_type") {
            incident.event_type = Some(
                text.parse()
                    .map_err(|e: crate::ParseError| self.err("event_type", e.to_string()))?,
            );
        }
        if let Some(text) = self.opt("sub_event_type") {
            incident.sub_event_type = Some(
                text.parse()
                    .map_err(|e: crate::ParseError| self.err("sub_event_type", e.to_string()))?,
            );
        }
        incident.actors =
            parse_list_text(self.raw("actors")).map_err(|e| self.json_err("actors", e))?;
        incident.tags = parse_list_text(self.raw("tags")).map_err(|e| self.json_err("tags", e))?;
        Ok(())
    }

    /// The figures of the `<measure>`, `_low`, `_high` columns, for a row typed into a
    /// spreadsheet without `figures_json`.
    fn figure_columns(&self) -> Result<Vec<Figure>, RecordError> {
        let mut figures = Vec::new();
        for (measure, best, low, high) in &self.columns.measures {
            let value = |i: Option<usize>| -> Result<Option<u64>, RecordError> {
                match i.and_then(|i| self.record.get(i)).map_or("", str::trim) {
                    "" => Ok(None),
                    t => t.parse().map(Some).map_err(|_| {
                        self.err(
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
                figures.push(figure);
            }
        }
        Ok(figures)
    }
}
