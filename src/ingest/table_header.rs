//! Stage 1, ingest: what each header of incimap's simple CSV form means (matched
//! case-insensitively, spaces and hyphens read as `_`, with the usual other names: `lng`,
//! `latitude`, `province` …); a header named after a measure is a figure column, any other
//! is kept in `extra`.

use crate::model::Measure;

/// What a header means.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Column {
    Id,
    Title,
    Date,
    DateEnd,
    DatePrecision,
    Place,
    Country,
    Admin1,
    Admin2,
    Admin3,
    Lon,
    Lat,
    GeoPrecision,
    EventType,
    SubEventType,
    Actors,
    Tags,
    Source,
    Url,
    Notes,
    Figure(Measure),
    Extra(String),
}

pub(super) fn classify(header: &str) -> Column {
    let key = header.trim().to_lowercase().replace([' ', '-'], "_");
    match key.as_str() {
        "id" | "incident_id" => Column::Id,
        "title" | "description_short" => Column::Title,
        "date" | "date_start" | "start_date" => Column::Date,
        "date_end" | "end_date" => Column::DateEnd,
        "date_precision" => Column::DatePrecision,
        "place" | "location" => Column::Place,
        "country" | "country_code" => Column::Country,
        "admin1" | "province" | "governorate" => Column::Admin1,
        "admin2" | "district" => Column::Admin2,
        "admin3" => Column::Admin3,
        "lon" | "longitude" | "lng" | "x" => Column::Lon,
        "lat" | "latitude" | "y" => Column::Lat,
        "geo_precision" | "place_precision" => Column::GeoPrecision,
        "event_type" => Column::EventType,
        "sub_event_type" => Column::SubEventType,
        "actors" | "actor" => Column::Actors,
        "tags" => Column::Tags,
        "source" | "sources" => Column::Source,
        "url" | "source_url" => Column::Url,
        "notes" | "description" => Column::Notes,
        _ => match Measure::parse(&key) {
            Measure::Other(_) => Column::Extra(header.trim().to_string()),
            known => Column::Figure(known),
        },
    }
}
