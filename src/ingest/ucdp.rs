//! Stage 1, ingest: UCDP Georeferenced Event Dataset (GED) CSV → incidents.
//!
//! Column mapping (documented in the README, "UCDP GED CSV"):
//!
//! | UCDP GED | incimap |
//! |---|---|
//! | `id` | `id` |
//! | `date_start`, `date_end`, `date_prec` (1 day, 2–3 week, 4 month, 5 year) | `date` |
//! | `type_of_violence` (1 state-based, 2 non-state, 3 one-sided) | `event_type` Battles / Battles / Violence against civilians, and a tag |
//! | `conflict_name` | `title` (with the place) |
//! | `side_a`, `side_b` | `actors` |
//! | `country` | `place.country_code` (alpha-2) |
//! | `adm_1`, `adm_2`, `where_coordinates`, `latitude`, `longitude` | `place.admin1`, `place.admin2`, `place.name`, coordinates |
//! | `where_prec` (1–7) | `place.precision` via [`GeoPrecision::from_ucdp_code`] |
//! | `best`, `low`, `high` | a `killed` figure with that range (widened to hold all three, with a warning, when `best` lies outside `low`–`high`), claimed by "UCDP GED" |
//! | `deaths_a`, `deaths_b`, `deaths_civilians`, `deaths_unknown` | the figure's `parts` (subjects: side A's name, side B's name, civilians, unknown) |
//! | `source_article` | a source document (outlet "UCDP GED", title = the article list) |
//! | `where_description` | `place.site` |
//! | `year`, `geom_wkt` | derived, not kept twice |
//! | anything else (`relid`, `conflict_new_id`, `dyad_name`, `priogrid_gid`, `event_clarity`, …) | `extra`, as text |

use std::collections::BTreeMap;

use csv::StringRecord;

use crate::error::RecordError;
use crate::model::{
    Claim, DatePrecision, DateSpan, EventType, Figure, GeoPrecision, Incident, Measure, Place,
    Qualifier, SourceDoc,
};

use super::cell::{code_text, parse_whole_number};
use super::coordinates::put_point;
use super::csv_text::{cell, extra_cells, extra_columns, position_of, title_at};
use super::options::ReadOptions;
use crate::reference::countries;

/// Who the figures of a GED row are attributed to.
pub const UCDP_SOURCE: &str = "UCDP GED";

const KNOWN: [&str; 25] = [
    "id",
    "year",
    "type_of_violence",
    "conflict_name",
    "side_a",
    "side_b",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "country",
    "date_start",
    "date_end",
    "date_prec",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
];

/// Column positions of a GED download.
#[derive(Debug, Clone)]
pub struct UcdpColumns {
    at: BTreeMap<&'static str, usize>,
    source_article: Option<usize>,
    extra: Vec<(usize, String)>,
}

impl UcdpColumns {
    pub(crate) fn from_headers(headers: &StringRecord) -> UcdpColumns {
        let position = position_of(headers);
        let at = KNOWN
            .iter()
            .filter_map(|name| Some((*name, position(name)?)))
            .collect();
        let mut known = KNOWN.to_vec();
        known.push("source_article");
        UcdpColumns {
            at,
            source_article: position("source_article"),
            extra: extra_columns(headers, &known),
        }
    }

    pub(crate) fn measures(&self) -> Vec<Measure> {
        let best = self.at.contains_key("best");
        best.then_some(Measure::Killed).into_iter().collect()
    }

    pub(crate) fn row(
        &self,
        record: &StringRecord,
        label: &str,
        line: Option<u64>,
        options: &ReadOptions,
        warnings: &mut Vec<RecordError>,
    ) -> Result<Incident, RecordError> {
        let row = GedRow {
            columns: self,
            record,
            label,
            line,
        };
        let date = row.date(options)?;
        let place = row.place()?;
        let (event_type, tag) = row.violence()?;
        let figures = row.killed(warnings)?.into_iter().collect();
        let mut incident = row.incident(date, place);
        incident.event_type = event_type;
        incident.tags = tag.map(str::to_string).into_iter().collect();
        incident.figures = figures;
        Ok(incident)
    }
}

/// One GED row being read: its cells by column name, and where it is (for messages).
struct GedRow<'r> {
    columns: &'r UcdpColumns,
    record: &'r StringRecord,
    label: &'r str,
    line: Option<u64>,
}

impl<'r> GedRow<'r> {
    fn get(&self, name: &str) -> &'r str {
        cell(self.record, self.columns.at.get(name).copied())
    }

    fn code(&self, name: &str) -> std::borrow::Cow<'r, str> {
        code_text(self.get(name))
    }

    fn err(&self, column: &str, message: String) -> RecordError {
        RecordError::new(self.label, self.line, message).in_column(column)
    }

    /// A count of deaths; an empty cell is none.
    fn count(&self, name: &str) -> Result<Option<u64>, RecordError> {
        match self.get(name) {
            "" => Ok(None),
            text => parse_whole_number(text).map(Some).ok_or_else(|| {
                self.err(
                    name,
                    format!("expected a whole number of deaths, got {text:?}"),
                )
            }),
        }
    }

    /// `date_start` – `date_end`, at the precision `date_prec` says.
    fn date(&self, options: &ReadOptions) -> Result<DateSpan, RecordError> {
        let start = options
            .dates
            .parse(self.get("date_start"))
            .map_err(|e| self.err("date_start", e.to_string()).with_hint(e.hint()))?;
        let end = match self.get("date_end") {
            "" => start,
            text => options
                .dates
                .parse(text)
                .map_err(|e| self.err("date_end", e.to_string()).with_hint(e.hint()))?,
        };
        let mut date = DateSpan::between(start.start, end.end, start.precision.max(end.precision))
            .map_err(|e| self.err("date_end", e.to_string()))?;
        date.precision = match &*self.code("date_prec") {
            "" => date.precision,
            "1" => DatePrecision::Day,
            "2" | "3" => DatePrecision::Week,
            "4" => DatePrecision::Month,
            "5" => DatePrecision::Year,
            other => return Err(self.err("date_prec", format!("expected 1 to 5, got {other:?}"))),
        };
        Ok(date)
    }

    /// The place: name, country, admin areas, site, coordinates and `where_prec`.
    fn place(&self) -> Result<Place, RecordError> {
        let mut place = Place::named(self.get("where_coordinates"));
        let country = self.get("country");
        place.country_code = countries::code_from_name(country).map(str::to_string);
        if place.country_code.is_none() && !country.is_empty() {
            return Err(self.err(
                "country",
                format!("expected a country name, got {country:?}"),
            ));
        }
        let text = |name: &str| Some(self.get(name).to_string()).filter(|t| !t.is_empty());
        place.admin1 = text("adm_1");
        place.admin2 = text("adm_2");
        place.site = text("where_description");
        let cells = (self.get("longitude"), self.get("latitude"));
        let at = (self.label, self.line);
        if !put_point(&mut place, cells, ("longitude", "latitude"), at)? {
            return Err(self.err(
                "where_coordinates",
                "expected a place name, or latitude and longitude".into(),
            ));
        }
        match &*self.code("where_prec") {
            "" => {}
            text => match text.parse::<u8>() {
                Ok(code @ 1..=7) => place.precision = GeoPrecision::from_ucdp_code(code),
                _ => return Err(self.err("where_prec", format!("expected 1 to 7, got {text:?}"))),
            },
        }
        Ok(place)
    }

    /// `type_of_violence` as an event type and a tag.
    fn violence(&self) -> Result<(Option<EventType>, Option<&'static str>), RecordError> {
        Ok(match &*self.code("type_of_violence") {
            "" => (None, None),
            "1" => (Some(EventType::Battles), Some("state-based conflict")),
            "2" => (Some(EventType::Battles), Some("non-state conflict")),
            "3" => (
                Some(EventType::ViolenceAgainstCivilians),
                Some("one-sided violence"),
            ),
            other => {
                return Err(self.err(
                    "type_of_violence",
                    format!("expected 1, 2 or 3, got {other:?}"),
                ))
            }
        })
    }

    /// The `killed` figure of `best`, `low` and `high` (the range widened to hold all three,
    /// with a warning), broken down by the `deaths_*` columns.
    fn killed(&self, warnings: &mut Vec<RecordError>) -> Result<Option<Figure>, RecordError> {
        let Some(best) = self.count("best")? else {
            return Ok(None);
        };
        let (low, high) = (self.count("low")?, self.count("high")?);
        let widened_low = low.unwrap_or(best).min(best).min(high.unwrap_or(best));
        let widened_high = high.unwrap_or(best).max(best).max(low.unwrap_or(best));
        let (low, high) = (low.unwrap_or(best), high.unwrap_or(best));
        if (widened_low, widened_high) != (low, high) {
            warnings.push(self.err(
                "best",
                format!(
                    "best {best} is not within low {low} – high {high}; kept, with the range widened to {widened_low}–{widened_high}"
                ),
            ));
        }
        Ok(Some(Figure {
            measure: Measure::Killed,
            subject: None,
            low: Some(widened_low),
            best: Some(best),
            high: Some(widened_high),
            claims: vec![Claim::new(best, Qualifier::Exact).with_source(UCDP_SOURCE)],
            parts: self.deaths_parts()?,
        }))
    }

    /// The deaths of each side, of civilians and of unknown people, as parts of the figure.
    fn deaths_parts(&self) -> Result<Vec<Figure>, RecordError> {
        let mut parts = Vec::new();
        for (column, subject) in [
            ("deaths_a", self.get("side_a")),
            ("deaths_b", self.get("side_b")),
            ("deaths_civilians", "civilians"),
            ("deaths_unknown", "unknown"),
        ] {
            if let Some(value) = self.count(column)? {
                let mut part = Figure::from_value(Measure::Killed, value);
                part.subject = Some(if subject.is_empty() { column } else { subject }.into());
                parts.push(part);
            }
        }
        Ok(parts)
    }

    /// The incident: its title (the conflict at the place), id, sides, source and the
    /// columns kept as they are.
    fn incident(&self, date: DateSpan, place: Place) -> Incident {
        let conflict = self.get("conflict_name");
        let what = if conflict.is_empty() {
            "UCDP event"
        } else {
            conflict
        };
        let title = title_at(what, &place);
        let id = match self.get("id") {
            "" => crate::model::stable_id(&["ucdp", &date.label(), &place.name, &title]),
            id => id.to_string(),
        };
        let mut incident = Incident::new(id, title, date, place);
        incident.actors = [self.get("side_a"), self.get("side_b")]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let article = cell(self.record, self.columns.source_article);
        incident.sources.push(SourceDoc {
            location: None,
            outlet: Some(UCDP_SOURCE.into()),
            title: (!article.is_empty()).then(|| article.to_string()),
            published: None,
            language: None,
        });
        incident.extra = extra_cells(self.record, &self.columns.extra);
        incident
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::tables::read_rows;

    const HEADER: &str = "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low";

    #[test]
    fn a_ged_row_gives_a_killed_figure_with_a_breakdown() {
        let row = "900001,SYR-2019-1-900-1,2019,TRUE,Clear,1,299,299,Syria: Government,411,411,Government of Syria - IS,115,115,Government of Syria,234,234,IS,2,\"AFP,2019-10-14,'Clashes'\",,,,,2,Suluk town,near Suluk,Ar Raqqah governorate,Tall Abyad district,36.5960,39.1299,POINT (39.1299 36.596),180000,Syria,652,Middle East,1,1,2019-10-13,2019-10-13,3,5,1,0,9,12,9\n";
        let incidents = read_rows(HEADER, row, "g.csv");
        let inc = &incidents[0];
        assert_eq!(inc.id, "900001");
        assert_eq!(inc.event_type, Some(EventType::Battles));
        assert_eq!(inc.place.country_code.as_deref(), Some("SY"));
        assert_eq!(inc.place.precision, GeoPrecision::NearTown);
        let killed = inc.figure(&Measure::Killed).unwrap();
        assert_eq!(
            (killed.low, killed.best, killed.high),
            (Some(9), Some(9), Some(12))
        );
        assert_eq!(killed.breakdown_check(), Some((9, true)));
        assert_eq!(
            killed.parts[0].subject.as_deref(),
            Some("Government of Syria")
        );
        assert_eq!(inc.extra["dyad_name"], "Government of Syria - IS");
        assert!(!inc.extra.contains_key("geom_wkt"));
    }

    #[test]
    fn best_outside_low_high_is_kept_with_the_range_widened() {
        let text = format!(
            "{HEADER}\n1,,,,,,,,,,,,,,,,,,,,,,,,,Suluk,,,,36.5,39.1,,,Syria,,,,,2019-10-13,2019-10-13,,,,,8,7,8\n"
        );
        let crate::ingest::Records {
            incidents,
            rejected: errors,
            warnings,
        } = crate::ingest::read_table(text.as_bytes(), "g.csv", &ReadOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        let killed = incidents[0].figure(&Measure::Killed).unwrap();
        assert_eq!(
            (killed.low, killed.best, killed.high),
            (Some(7), Some(8), Some(8))
        );
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].message.contains("widened to 7–8"),
            "{}",
            warnings[0]
        );
    }
}
