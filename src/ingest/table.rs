//! Stage 1, ingest: incimap's simple CSV form → incidents.
//!
//! One row per incident. Headers are matched case-insensitively; only `date` and either
//! `place` or `lon`+`lat` are required. The full column list is in the README
//! ("Input formats"). Any column named after a measure (`killed`, `escaped`, `detained`,
//! `fatalities`, …) is a figure; columns the model does not know are kept in `extra`.
//! The delimiter (comma, semicolon or tab) is detected from the header line (`csv_text.rs`).

use std::collections::BTreeMap;

use crate::error::RecordError;
use crate::model::{
    stable_id, Claim, DateSpan, EventType, Figure, Incident, Measure, Place, SourceDoc,
    SubEventType,
};

use super::cell::{is_missing, parse_count_cell};
use super::coordinates::put_point;
use super::csv_text::{split_list, title_at, type_word};
use super::options::ReadOptions;
use super::table_header::{classify, Column};

/// The columns of incimap's CSV form, classified from the header.
#[derive(Debug, Clone)]
pub struct IncimapColumns {
    columns: Vec<Column>,
    /// The longitude and latitude headers as the file spells them, for messages.
    coordinate_headers: (String, String),
}

impl IncimapColumns {
    /// Classifies the header; `date` and `place` (or `lon` + `lat`) are required.
    pub(crate) fn from_headers(
        headers: &csv::StringRecord,
        label: &str,
    ) -> Result<IncimapColumns, RecordError> {
        let columns: Vec<Column> = headers.iter().map(classify).collect();
        let has = |c: &Column| columns.contains(c);
        if !has(&Column::Date) || !(has(&Column::Place) || (has(&Column::Lon) && has(&Column::Lat)))
        {
            let header = headers.iter().collect::<Vec<_>>().join(", ");
            let binary = header.contains(['\0', '\u{FFFD}']);
            let msg = format!(
                "expected a {}header with a 'date' column and a 'place' column (or 'lon' and 'lat'), got: {}",
                if binary { "text table (this looks like binary data) with a " } else { "" },
                crate::error::echo(&header)
            );
            return Err(RecordError::new(label, Some(1), msg));
        }
        let header_of = |wanted: Column, default: &str| {
            columns
                .iter()
                .zip(headers.iter())
                .find(|(column, _)| **column == wanted)
                .map_or(default, |(_, header)| header.trim())
                .to_string()
        };
        let coordinate_headers = (header_of(Column::Lon, "lon"), header_of(Column::Lat, "lat"));
        Ok(IncimapColumns {
            columns,
            coordinate_headers,
        })
    }

    /// The measures of the figure columns.
    pub(crate) fn measures(&self) -> Vec<Measure> {
        self.columns
            .iter()
            .filter_map(|c| match c {
                Column::Figure(m) => Some(m.clone()),
                _ => None,
            })
            .collect()
    }

    /// One row → one incident.
    pub(crate) fn row(
        &self,
        record: &csv::StringRecord,
        label: &str,
        line: Option<u64>,
        options: &ReadOptions,
    ) -> Result<Incident, RecordError> {
        let cells: Vec<(&Column, &str)> = self
            .columns
            .iter()
            .zip(record.iter())
            .map(|(column, text)| (column, if is_missing(text) { "" } else { text }))
            .collect();
        let (lon, lat) = &self.coordinate_headers;
        let row = Row {
            cells,
            label,
            line,
            coordinate_headers: (lon, lat),
        };
        row.incident(options)
    }
}

/// One row being read: its cells by what their column means, and where it is (for
/// messages, with the coordinate headers as the file spells them).
struct Row<'r> {
    cells: Vec<(&'r Column, &'r str)>,
    label: &'r str,
    line: Option<u64>,
    coordinate_headers: (&'r str, &'r str),
}

impl<'r> Row<'r> {
    fn get(&self, wanted: &Column) -> &'r str {
        self.cells
            .iter()
            .find(|(c, _)| *c == wanted)
            .map(|(_, v)| v.trim())
            .unwrap_or("")
    }

    fn err(&self, column: &str, message: String) -> RecordError {
        RecordError::new(self.label, self.line, message).in_column(column)
    }

    /// The row as an incident, its parts read in order: date, place, types, figures.
    fn incident(&self, options: &ReadOptions) -> Result<Incident, RecordError> {
        let date = self.date(options)?;
        let place = self.place()?;
        let (event_type, sub_event_type) = self.types()?;
        let (figures, extra) = self.figures_and_extra()?;
        let title = match self.get(&Column::Title) {
            "" => title_at(type_word(event_type, sub_event_type, "Incident"), &place),
            text => text.to_string(),
        };
        let id = match self.get(&Column::Id) {
            "" => stable_id(&[
                &date.label(),
                &place.name,
                &format!("{:?}", place.lon_lat()),
                event_type.map(EventType::as_str).unwrap_or(""),
                sub_event_type.map(SubEventType::as_str).unwrap_or(""),
                &title,
            ]),
            text => text.to_string(),
        };
        let mut incident = Incident::new(id, title, date, place);
        incident.description = self.get(&Column::Notes).to_string();
        incident.event_type = event_type;
        incident.sub_event_type = sub_event_type;
        incident.actors = split_list(self.get(&Column::Actors));
        incident.tags = split_list(self.get(&Column::Tags));
        incident.figures = figures;
        incident.extra = extra;
        let (source, url) = (self.get(&Column::Source), self.get(&Column::Url));
        if !source.is_empty() || !url.is_empty() {
            incident.sources.push(SourceDoc {
                location: (!url.is_empty()).then(|| url.to_string()),
                outlet: (!source.is_empty()).then(|| source.to_string()),
                title: None,
                published: None,
                language: None,
            });
        }
        Ok(incident)
    }

    /// `date`, to `date_end` when given, at `date_precision` when given.
    fn date(&self, options: &ReadOptions) -> Result<DateSpan, RecordError> {
        let dates = &options.dates;
        let mut date = dates
            .parse(self.get(&Column::Date))
            .map_err(|e| self.err("date", e.to_string()).with_hint(e.hint()))?;
        if !self.get(&Column::DateEnd).is_empty() {
            let end = dates
                .parse(self.get(&Column::DateEnd))
                .map_err(|e| self.err("date_end", e.to_string()).with_hint(e.hint()))?;
            date = DateSpan::between(date.start, end.end, date.precision.max(end.precision))
                .map_err(|e| self.err("date_end", e.to_string()))?;
        }
        if !self.get(&Column::DatePrecision).is_empty() {
            date.precision = self
                .get(&Column::DatePrecision)
                .parse()
                .map_err(|e: crate::ParseError| self.err("date_precision", e.to_string()))?;
        }
        Ok(date)
    }

    /// The place: name, country, admin areas, coordinates and `geo_precision`.
    fn place(&self) -> Result<Place, RecordError> {
        let mut place = Place::named(self.get(&Column::Place));
        let country = self.get(&Column::Country);
        if !country.is_empty() {
            // "Syria", "syria" and "SY" all become SY; unknown names stay as written.
            let code = crate::reference::countries::code_from_name(country);
            place.country_code = Some(code.map_or_else(|| country.to_string(), str::to_string));
        }
        let admin = |column: &Column| Some(self.get(column).to_string()).filter(|a| !a.is_empty());
        place.admin1 = admin(&Column::Admin1);
        place.admin2 = admin(&Column::Admin2);
        place.admin3 = admin(&Column::Admin3);
        let (lon_header, lat_header) = self.coordinate_headers;
        let cells = (self.get(&Column::Lon), self.get(&Column::Lat));
        let at = (self.label, self.line);
        if !put_point(&mut place, cells, (lon_header, lat_header), at)? {
            return Err(self.err("place", "expected a place name, or lon and lat".into()));
        }
        if !self.get(&Column::GeoPrecision).is_empty() {
            place.precision = self
                .get(&Column::GeoPrecision)
                .parse()
                .map_err(|e: crate::ParseError| self.err("geo_precision", e.to_string()))?;
        }
        Ok(place)
    }

    /// The event type and sub-event type, which must belong together.
    fn types(&self) -> Result<(Option<EventType>, Option<SubEventType>), RecordError> {
        let sub_event_type = match self.get(&Column::SubEventType) {
            "" => None,
            text => Some(
                text.parse::<SubEventType>()
                    .map_err(|e| self.err("sub_event_type", e.to_string()))?,
            ),
        };
        let event_type = match self.get(&Column::EventType) {
            "" => sub_event_type.map(SubEventType::event_type),
            text => Some(
                text.parse::<EventType>()
                    .map_err(|e| self.err("event_type", e.to_string()))?,
            ),
        };
        if let (Some(t), Some(s)) = (event_type, sub_event_type) {
            if s.event_type() != t {
                return Err(self.err(
                    "sub_event_type",
                    format!(
                        "expected a sub-event type of '{t}', got '{s}' (which belongs to '{}')",
                        s.event_type()
                    ),
                ));
            }
        }
        Ok((event_type, sub_event_type))
    }

    /// A figure for each measure column (claimed by the row's `source`), and the columns the
    /// model does not know, kept as text.
    fn figures_and_extra(
        &self,
    ) -> Result<(Vec<Figure>, BTreeMap<String, serde_json::Value>), RecordError> {
        let source = self.get(&Column::Source);
        let mut figures = Vec::new();
        let mut extra = BTreeMap::new();
        for (column, value) in &self.cells {
            match column {
                Column::Figure(measure) => {
                    let claims: Vec<Claim> = parse_count_cell(value)
                        .map_err(|e| self.err(measure.as_str(), e.to_string()))?
                        .into_iter()
                        .map(|c| {
                            if source.is_empty() {
                                c
                            } else {
                                c.with_source(source)
                            }
                        })
                        .collect();
                    if !claims.is_empty() {
                        figures.push(Figure::from_claims(measure.clone(), None, claims));
                    }
                }
                Column::Extra(name) if !value.trim().is_empty() => {
                    extra.insert(
                        name.clone(),
                        serde_json::Value::String(value.trim().to_string()),
                    );
                }
                _ => {}
            }
        }
        Ok((figures, extra))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read_csv;
    use crate::ingest::Records;
    use crate::model::{DatePrecision, Qualifier};

    const GOOD: &str =
        "date,place,country,event_type,killed,escaped,detained,source,notes,lon,lat,analyst\n\
2019-10,Ain Issa,SY,Battles,,700+,,Kurdish authorities,camp attacked,38.86228,36.3855,JB\n\
2022-01-20,Hasakah,SY,Battles,136,hundreds,~5000,SOHR,,,,JB\n";

    #[test]
    fn rows_become_incidents_with_figures_and_extras() {
        let Records {
            incidents,
            rejected: errors,
            ..
        } = read_csv(GOOD.as_bytes(), "t.csv");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(incidents.len(), 2);
        let ain = &incidents[0];
        assert_eq!(ain.date.precision, DatePrecision::Month);
        assert_eq!(ain.place.lon_lat(), Some((38.86228, 36.3855)));
        let escaped = ain.figure(&Measure::Escaped).unwrap();
        assert_eq!(escaped.best, Some(700));
        assert_eq!(escaped.claims[0].qualifier, Qualifier::MoreThan);
        assert_eq!(
            escaped.claims[0].source.as_deref(),
            Some("Kurdish authorities")
        );
        assert_eq!(ain.extra["analyst"], "JB");
        let hasakah = &incidents[1];
        assert_eq!(hasakah.place.lon_lat(), None);
        assert_eq!(hasakah.figure(&Measure::Killed).unwrap().best, Some(136));
        assert_eq!(hasakah.figure(&Measure::Detained).unwrap().best, Some(5000));
        // Ids are stable across runs.
        let Records {
            incidents: again,
            rejected: _,
            ..
        } = read_csv(GOOD.as_bytes(), "t.csv");
        assert_eq!(again[1].id, hasakah.id);
    }

    #[test]
    fn bad_rows_are_reported_by_line_and_column_and_good_rows_kept() {
        let text = format!(
            "{GOOD}2019-13,Suluk,SY,Battles,,,,,,,,\n2019-10,Suluk,SY,Battles,many,,,,,,,\n\
2019-10,Suluk,SY,Skirmish,,,,,,,,\n2019-10,,SY,Battles,,,,,,,,\n2019-10,X,SY,,,,,,,36.5,140.2,\n"
        );
        let Records {
            incidents,
            rejected: errors,
            ..
        } = read_csv(text.as_bytes(), "bad.csv");
        assert_eq!(incidents.len(), 2);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 5, "{messages:#?}");
        assert!(
            messages[0].starts_with("bad.csv:4: column 'date': expected a date"),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].starts_with("bad.csv:5: column 'killed': expected a whole number"),
            "{}",
            messages[1]
        );
        assert!(
            messages[2].starts_with("bad.csv:6: column 'event_type': expected one of Battles"),
            "{}",
            messages[2]
        );
        assert!(
            messages[3].starts_with("bad.csv:7: column 'place'"),
            "{}",
            messages[3]
        );
        assert!(messages[4].contains("look swapped"), "{}", messages[4]);
    }

    #[test]
    fn semicolon_files_and_missing_required_columns() {
        let text = "Date;Place;Fatalities\n2019-10-13;Suluk;3\n";
        let Records {
            incidents,
            rejected: errors,
            ..
        } = read_csv(text.as_bytes(), "nl.csv");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(incidents[0].figure(&Measure::Killed).unwrap().best, Some(3));
        let Records {
            incidents: none,
            rejected: errors,
            ..
        } = read_csv(b"when,where\n2019,Suluk\n", "h.csv");
        assert!(none.is_empty());
        assert!(errors[0]
            .to_string()
            .starts_with("h.csv:1: expected a header with a 'date' column"));
    }
}
