//! Stage 1, ingest: ACLED CSV exports → incidents.
//!
//! Column mapping (documented in the README, "ACLED CSV"):
//!
//! | ACLED | incimap |
//! |---|---|
//! | `event_id_cnty` | `id` |
//! | `event_date` (+ `time_precision` 1 day, 2 week, 3 month: the span is widened to the seven days centred on the date, or to its calendar month) | `date` |
//! | `event_type`, `sub_event_type` | the same taxonomy |
//! | `actor1`, `assoc_actor_1`, `actor2`, `assoc_actor_2` | `actors`, in that order |
//! | `iso` (numeric) or `country` (name) | `place.country_code` (alpha-2) |
//! | `admin1`, `admin2`, `admin3`, `location`, `latitude`, `longitude` | `place.admin1`, `place.admin2`, `place.admin3`, `place.name`, coordinates |
//! | `geo_precision` (1 town, 2 near a town, 3 region) | `place.precision` town / near_town / admin1 |
//! | `source` | a source document per `;`-separated outlet, and the source of the fatality claim |
//! | `notes` | `description` |
//! | `fatalities` | a `killed` figure (best = low = high = the value, 0 included) |
//! | `tags` | `tags` (`;`-separated) |
//! | `year`, `country` | derived from `event_date` and `iso`, not kept twice |
//! | anything else (`disorder_type`, `inter1`, `interaction`, `civilian_targeting`, `region`, `source_scale`, `timestamp`, …) | `extra`, as text |
//!
//! The pre-2019 layout (`ally_actor_1`, `gwno`, types such as `Riots/Protests`) is read
//! through the table in `acled_legacy.rs`. Missing values written `NA`, `NULL`, … are empty.

use csv::StringRecord;

use crate::error::RecordError;
use crate::model::{
    stable_id, Claim, Date, DatePrecision, DateSpan, EventType, Figure, GeoPrecision, Incident,
    Measure, Place, Qualifier, SourceDoc, SubEventType,
};

use super::acled_legacy::{current_event_type, ACTOR_ALIASES, ORIGINAL_EVENT_TYPE};
use super::cell::{code_text, parse_whole_number};
use super::coordinates::put_point;
use super::csv_text::{
    cell, extra_cells, extra_columns, position_of, split_list, title_at, type_word,
};
use super::options::ReadOptions;
use crate::reference::countries;

/// Columns the mapping consumes; every other column goes to `extra`.
const KNOWN: [&str; 21] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "iso",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
];

/// Column positions of an ACLED export.
#[derive(Debug, Clone)]
pub struct AcledColumns {
    id: Option<usize>,
    date: Option<usize>,
    time_precision: Option<usize>,
    event_type: Option<usize>,
    sub_event_type: Option<usize>,
    actors: [Option<usize>; 4],
    iso: Option<usize>,
    country: Option<usize>,
    admins: [Option<usize>; 3],
    inter1: Option<usize>,
    location: Option<usize>,
    lat: Option<usize>,
    lon: Option<usize>,
    geo_precision: Option<usize>,
    source: Option<usize>,
    notes: Option<usize>,
    fatalities: Option<usize>,
    tags: Option<usize>,
    extra: Vec<(usize, String)>,
}

impl AcledColumns {
    pub(crate) fn from_headers(headers: &StringRecord) -> AcledColumns {
        let at = position_of(headers);
        let mut known = KNOWN.to_vec();
        known.extend(["fatalities", "tags"]);
        let actor = |current: &str| {
            let legacy = ACTOR_ALIASES.iter().find(|(c, _)| *c == current);
            at(current).or_else(|| legacy.and_then(|(_, old)| at(old)))
        };
        known.extend(ACTOR_ALIASES.iter().map(|(_, old)| *old));
        AcledColumns {
            id: at("event_id_cnty"),
            date: at("event_date"),
            time_precision: at("time_precision"),
            event_type: at("event_type"),
            sub_event_type: at("sub_event_type"),
            actors: [
                at("actor1"),
                actor("assoc_actor_1"),
                at("actor2"),
                actor("assoc_actor_2"),
            ],
            iso: at("iso"),
            country: at("country"),
            admins: [at("admin1"), at("admin2"), at("admin3")],
            inter1: at("inter1"),
            location: at("location"),
            lat: at("latitude"),
            lon: at("longitude"),
            geo_precision: at("geo_precision"),
            source: at("source"),
            notes: at("notes"),
            fatalities: at("fatalities"),
            tags: at("tags"),
            extra: extra_columns(headers, &known),
        }
    }

    pub(crate) fn measures(&self) -> Vec<Measure> {
        self.fatalities
            .map(|_| Measure::Killed)
            .into_iter()
            .collect()
    }

    pub(crate) fn row(
        &self,
        record: &StringRecord,
        label: &str,
        line: Option<u64>,
        options: &ReadOptions,
    ) -> Result<Incident, RecordError> {
        let row = AcledRow {
            columns: self,
            record,
            label,
            line,
        };
        let date = row.date(options)?;
        let place = row.place()?;
        let (event_type, sub_event_type, original_type) = row.types()?;
        let figures = row.killed()?.into_iter().collect();
        let what = type_word(event_type, sub_event_type, "Event");
        let mut incident = row.incident(what, date, place);
        incident.event_type = event_type;
        incident.sub_event_type = sub_event_type;
        incident.figures = figures;
        if let Some(original) = original_type {
            incident
                .extra
                .insert(ORIGINAL_EVENT_TYPE.into(), original.into());
        }
        Ok(incident)
    }
}

/// A row's event type, sub-event type, and its pre-2019 event type as written.
type Types = (Option<EventType>, Option<SubEventType>, Option<String>);

/// One ACLED row being read: its cells by column, and where it is (for messages).
struct AcledRow<'r> {
    columns: &'r AcledColumns,
    record: &'r StringRecord,
    label: &'r str,
    line: Option<u64>,
}

impl<'r> AcledRow<'r> {
    fn get(&self, index: Option<usize>) -> &'r str {
        cell(self.record, index)
    }

    fn err(&self, column: &str, message: String) -> RecordError {
        RecordError::new(self.label, self.line, message).in_column(column)
    }

    /// `event_date`, widened to its week or month as `time_precision` says.
    fn date(&self, options: &ReadOptions) -> Result<DateSpan, RecordError> {
        let date = options
            .dates
            .parse(self.get(self.columns.date))
            .map_err(|e| self.err("event_date", e.to_string()).with_hint(e.hint()))?;
        Ok(match &*code_text(self.get(self.columns.time_precision)) {
            "" | "1" => date,
            "2" => week_of(date.start),
            "3" => DateSpan::month(date.start.year, date.start.month).unwrap_or(date),
            other => {
                return Err(self.err(
                    "time_precision",
                    format!("expected 1 (day), 2 (week) or 3 (month), got {other:?}"),
                ))
            }
        })
    }

    /// The place: location, country (`iso`, else the name), admin areas, coordinates and
    /// `geo_precision`.
    fn place(&self) -> Result<Place, RecordError> {
        let columns = self.columns;
        let mut place = Place::named(self.get(columns.location));
        let iso = code_text(self.get(columns.iso));
        let country = self.get(columns.country);
        place.country_code = iso
            .parse::<u16>()
            .ok()
            .and_then(countries::code_from_numeric)
            .or_else(|| countries::code_from_name(country))
            .map(str::to_string);
        if place.country_code.is_none() && !country.is_empty() {
            return Err(self.err(
                "country",
                format!("expected a country name or ISO code, got {country:?} (iso {iso:?})"),
            ));
        }
        let [admin1, admin2, admin3] = columns.admins.map(|i| {
            let name = self.get(i);
            (!name.is_empty()).then(|| name.to_string())
        });
        (place.admin1, place.admin2, place.admin3) = (admin1, admin2, admin3);
        let cells = (self.get(columns.lon), self.get(columns.lat));
        let at = (self.label, self.line);
        if !put_point(&mut place, cells, ("longitude", "latitude"), at)? {
            return Err(self.err(
                "location",
                "expected a location name, or latitude and longitude".into(),
            ));
        }
        place.precision = match &*code_text(self.get(columns.geo_precision)) {
            "" => place.precision,
            "1" => GeoPrecision::Town,
            "2" => GeoPrecision::NearTown,
            "3" => GeoPrecision::Admin1,
            other => {
                return Err(self.err(
                    "geo_precision",
                    format!("expected 1 (town), 2 (near a town) or 3 (region), got {other:?}"),
                ))
            }
        };
        Ok(place)
    }

    /// The event type and sub-event type; a pre-2019 type is mapped onto the current
    /// taxonomy and returned as written, to be kept.
    fn types(&self) -> Result<Types, RecordError> {
        let sub_event_type = match self.get(self.columns.sub_event_type) {
            "" => None,
            text => Some(
                text.parse::<SubEventType>()
                    .map_err(|e| self.err("sub_event_type", e.to_string()))?,
            ),
        };
        Ok(match self.get(self.columns.event_type) {
            "" => (
                sub_event_type.map(SubEventType::event_type),
                sub_event_type,
                None,
            ),
            text => match text.parse::<EventType>() {
                Ok(event_type) => (Some(event_type), sub_event_type, None),
                Err(e) => {
                    let inter1 = self.get(self.columns.inter1);
                    let (event_type, legacy_sub) = current_event_type(text, inter1)
                        .ok_or_else(|| self.err("event_type", e.to_string()))?;
                    let sub_event_type = sub_event_type.or(legacy_sub);
                    (Some(event_type), sub_event_type, Some(text.to_string()))
                }
            },
        })
    }

    /// The `killed` figure of `fatalities` (0 included), claimed by the row's sources.
    fn killed(&self) -> Result<Option<Figure>, RecordError> {
        let fatalities = self.get(self.columns.fatalities);
        if fatalities.is_empty() {
            return Ok(None);
        }
        let value: u64 = parse_whole_number(fatalities).ok_or_else(|| {
            self.err(
                "fatalities",
                format!("expected a whole number of fatalities, got {fatalities:?}"),
            )
        })?;
        let mut claim = Claim::new(value, Qualifier::Exact);
        let source = self.get(self.columns.source);
        if !source.is_empty() {
            claim = claim.with_source(source);
        }
        Ok(Some(Figure::from_claims(
            Measure::Killed,
            None,
            vec![claim],
        )))
    }

    /// The incident: its title (`what` at the place), id, notes, actors, tags, sources and
    /// the columns kept as they are.
    fn incident(&self, what: &str, date: DateSpan, place: Place) -> Incident {
        let columns = self.columns;
        let title = title_at(what, &place);
        let id = match self.get(columns.id) {
            "" => stable_id(&["acled", &date.label(), &place.name, &title]),
            id => id.to_string(),
        };
        let mut incident = Incident::new(id, title, date, place);
        incident.description = self.get(columns.notes).to_string();
        incident.actors = columns
            .actors
            .iter()
            .flat_map(|&i| split_list(self.get(i)))
            .collect();
        incident.tags = split_list(self.get(columns.tags));
        incident.sources = split_list(self.get(columns.source))
            .into_iter()
            .map(|outlet| SourceDoc {
                location: None,
                outlet: Some(outlet),
                title: None,
                published: None,
                language: None,
            })
            .collect();
        incident.extra = extra_cells(self.record, &columns.extra);
        incident
    }
}

/// ACLED's `time_precision` 2: the event happened in a known week, and ACLED codes the
/// middle of it; the span is the seven days centred on the coded `day`.
fn week_of(day: Date) -> DateSpan {
    DateSpan {
        start: day.add_days(-3),
        end: day.add_days(3),
        precision: DatePrecision::Week,
    }
}

#[cfg(test)]
mod tests;
