//! Stage 3, export: incidents → CSV for spreadsheets and GIS, one row per incident.
//!
//! ACLED-style columns first (`event_id_cnty`, `event_date`, `year`, `time_precision`,
//! `event_type`, …, `latitude`, `longitude`, `geo_precision`, `source`, `notes`, `fatalities`,
//! `tags`) so that ACLED-aware tools and habits work, then incimap's own: the exact span and
//! precisions as words, the figure columns `<measure>`, `<measure>_low`, `<measure>_high`,
//! `figures_text`, `claim_sources`, and the JSON columns `figures_json`, `sources_json`,
//! `mentions_json`, `extra_json`, from which `incimap` re-imports the file losslessly
//! (`src/ingest/wide.rs`). Lists (`actors`, `tags`) are `; `-separated, or a JSON array when an
//! item itself contains `;`. Coordinates are written in full (shortest exact form). RFC 4180
//! quoting, `\n` line ends, UTF-8 without a byte-order mark.

use crate::model::columns::column_names;
use crate::model::properties::figures_text;
use crate::model::{Incident, Measure};
use crate::reference::countries;

/// The header row for the given figure measures.
pub fn csv_header(measures: &[Measure], out: &mut Vec<u8>) {
    let cells = column_names(measures);
    write_row(cells.iter().map(String::as_str), out);
}

/// One incident as a CSV row (with its line end).
pub fn csv_row(incident: &Incident, measures: &[Measure], out: &mut Vec<u8>) {
    let cells = column_cells(incident, measures);
    write_row(cells.iter().map(String::as_str), out);
}

/// One incident's cells, in the order of [`column_names`]; an absent value is an empty cell.
pub fn column_cells(incident: &Incident, measures: &[Measure]) -> Vec<String> {
    let place = &incident.place;
    let opt = |v: Option<&str>| v.unwrap_or("").to_string();
    let num = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
    let coord = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    // Empty lists and maps are empty cells; the rest is compact JSON, written directly.
    fn json<T: serde::Serialize>(value: &T, empty: bool) -> String {
        if empty {
            String::new()
        } else {
            serde_json::to_string(value).unwrap_or_default()
        }
    }
    let killed = incident.figure(&Measure::Killed).and_then(|f| f.best);
    let outlets: Vec<String> = incident
        .sources
        .iter()
        .filter_map(|s| s.outlet.clone())
        .collect();
    let claimants = incident.claim_sources();
    let mut cells: Vec<String> = vec![
        incident.id.clone(),
        incident.title.clone(),
        incident.date.start.to_string(),
        incident.date.end.to_string(),
        incident.date.start.year.to_string(),
        incident.date.precision.acled_code().to_string(),
        incident.date.precision.as_str().to_string(),
        opt(incident.event_type.map(|e| e.as_str())),
        opt(incident.sub_event_type.map(|e| e.as_str())),
        crate::model::list_text(&incident.actors).into_owned(),
        opt(place.country_code.as_deref()),
        opt(place
            .country_code
            .as_deref()
            .and_then(countries::name_from_code)),
        opt(place.admin1.as_deref()),
        opt(place.admin2.as_deref()),
        opt(place.admin3.as_deref()),
        place.name.clone(),
        opt(place.canonical_name.as_deref()),
        opt(place.gazetteer_id.as_deref()),
        opt(place.site.as_deref()),
        coord(place.lat),
        coord(place.lon),
        place
            .precision
            .acled_code()
            .map(|c| c.to_string())
            .unwrap_or_default(),
        place.precision.as_str().to_string(),
        outlets.join("; "),
        incident.description.clone(),
        crate::model::list_text(&incident.tags).into_owned(),
        num(killed),
    ];
    for measure in measures {
        let fig = incident.figure(measure);
        cells.push(num(fig.and_then(|f| f.best)));
        cells.push(num(fig.and_then(|f| f.low)));
        cells.push(num(fig.and_then(|f| f.high)));
    }
    cells.push(figures_text(incident, measures));
    cells.push(claimants.into_iter().collect::<Vec<_>>().join("; "));
    cells.push(json(&incident.figures, incident.figures.is_empty()));
    cells.push(json(&incident.sources, incident.sources.is_empty()));
    cells.push(json(&incident.mentions, incident.mentions.is_empty()));
    cells.push(json(&incident.extra, incident.extra.is_empty()));
    cells
}

/// Writes cells with RFC 4180 quoting (only where needed) and a `\n` line end.
fn write_row<'a>(cells: impl Iterator<Item = &'a str>, out: &mut Vec<u8>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let needs_quotes = cell
            .bytes()
            .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
            || cell.starts_with(' ')
            || cell.ends_with(' ');
        if needs_quotes {
            out.push(b'"');
            for b in cell.bytes() {
                if b == b'"' {
                    out.push(b'"');
                }
                out.push(b);
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(cell.as_bytes());
        }
    }
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Records;
    use crate::ingest::{example_incidents, read_csv};

    #[test]
    fn rows_quote_what_needs_quoting_and_re_import_exactly() {
        let incidents = example_incidents().incidents;
        let measures = vec![Measure::Killed, Measure::Escaped];
        let mut out = Vec::new();
        csv_header(&measures, &mut out);
        for incident in &incidents {
            csv_row(incident, &measures, &mut out);
        }
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("event_id_cnty,title,event_date,"));
        let Records {
            incidents: again,
            rejected: errors,
            ..
        } = read_csv(text.as_bytes(), "x.csv");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(again, incidents);
    }
}
