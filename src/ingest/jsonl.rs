//! Stage 1, ingest: incimap's own JSON forms → incidents (and back, for JSON Lines).
//!
//! JSON Lines: one incident object per line, blank lines ignored. JSON: an array of incident
//! objects, or a single one. The object layout is documented in `docs/incident-schema.md`.

use crate::error::RecordError;
use crate::model::Incident;

use super::coordinates::check_lon_lat;
use super::Records;

/// Reads JSON Lines; each bad line is one error (with its line and column), the rest load.
pub fn read_jsonl(text: &str, label: &str) -> Records {
    let mut read = Records::default();
    for (index, line) in text.lines().enumerate() {
        let line_no = index as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Incident>(line) {
            Ok(incident) => match validate(&incident, label, Some(line_no)) {
                Ok(()) => read.incidents.push(incident),
                Err(error) => read.rejected.push(error.into()),
            },
            Err(err) => read.rejected.push(json_error(label, line_no, &err).into()),
        }
    }
    read
}

/// Reads a JSON array of incidents (or one incident object). Elements that do not fit the
/// schema are reported by their index and skipped.
pub fn read_json(text: &str, label: &str) -> Records {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(err) => {
            return Records::unreadable(json_error(label, err.line() as u64, &err));
        }
    };
    let items = match value {
        serde_json::Value::Array(items) => items,
        object @ serde_json::Value::Object(_) => vec![object],
        _ => {
            let msg = "expected an array of incidents or one incident object";
            return Records::unreadable(RecordError::new(label, Some(1), msg));
        }
    };
    let mut read = Records::default();
    for (index, item) in items.into_iter().enumerate() {
        let checked = serde_json::from_value::<Incident>(item)
            .map_err(|err| RecordError::new(label, None, json_message(&err)))
            .and_then(|incident| validate(&incident, label, None).map(|()| incident));
        match checked {
            Ok(incident) => read.incidents.push(incident),
            Err(mut error) => {
                error.message = format!("incident #{} of the array: {}", index + 1, error.message);
                read.rejected.push(error.into());
            }
        }
    }
    read
}

/// Checks what serde cannot: coordinates in range (both or neither), a non-empty id.
fn validate(incident: &Incident, label: &str, line: Option<u64>) -> Result<(), RecordError> {
    if incident.id.trim().is_empty() {
        return Err(RecordError::new(label, line, "expected a non-empty \"id\"").in_column("id"));
    }
    let place = &incident.place;
    check_lon_lat(place.lon, place.lat)
        .map(|_| ())
        .map_err(|e| {
            let mut error = e.in_row(label, line, "place.lon", "place.lat");
            error.message = format!("incident {}: {}", incident.id, error.message);
            error
        })
}

/// A JSON error at `line`: the column is the field's name when the error names one
/// ("missing field `date`"); otherwise the message says at which character of the line.
fn json_error(label: &str, line: u64, err: &serde_json::Error) -> RecordError {
    let message = json_message(err);
    let field = ["missing field `", "unknown field `", "duplicate field `"]
        .iter()
        .find_map(|start| message.strip_prefix(start)?.split('`').next())
        .map(str::to_string);
    match field {
        Some(field) => RecordError::new(label, Some(line), message).in_column(field),
        None if err.column() > 0 => RecordError::new(
            label,
            Some(line),
            format!("{message} (at character {} of the line)", err.column()),
        ),
        None => RecordError::new(label, Some(line), message),
    }
}

fn json_message(err: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the RecordError already says where.
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::write_jsonl;
    use crate::ingest::EXAMPLE_JSONL;

    #[test]
    fn json_lines_round_trip_exactly() {
        let Records {
            incidents,
            rejected: errors,
            ..
        } = read_jsonl(EXAMPLE_JSONL, "example");
        assert!(errors.is_empty(), "{errors:?}");
        let mut out = Vec::new();
        write_jsonl(&incidents, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let Records {
            incidents: again,
            rejected: errors,
            ..
        } = read_jsonl(&text, "again");
        assert!(errors.is_empty());
        assert_eq!(incidents, again);
        let mut out2 = Vec::new();
        write_jsonl(&again, &mut out2).unwrap();
        assert_eq!(text.as_bytes(), out2.as_slice());
    }

    #[test]
    fn a_bad_line_is_reported_and_the_others_load() {
        let good = EXAMPLE_JSONL.lines().next().unwrap();
        let text = format!("{good}\n{{\"id\": 3}}\n\n{good}\n");
        let Records {
            incidents,
            rejected: errors,
            ..
        } = read_jsonl(&text, "mixed.jsonl");
        assert_eq!(incidents.len(), 2);
        assert_eq!(errors.len(), 1);
        let msg = errors[0].to_string();
        assert!(msg.starts_with("mixed.jsonl:2: invalid type"), "{msg}");
        assert!(msg.ends_with("(at character 8 of the line)"), "{msg}");
    }

    #[test]
    fn out_of_range_coordinates_are_rejected() {
        let good = EXAMPLE_JSONL.lines().next().unwrap();
        let bad = good.replacen(
            "\"precision\": \"near_town\"",
            "\"lon\": 10.0, \"lat\": 100.0, \"precision\": \"near_town\"",
            1,
        );
        assert_ne!(bad, good);
        let Records {
            incidents,
            rejected: errors,
            ..
        } = read_jsonl(&bad, "c.jsonl");
        assert!(incidents.is_empty());
        assert!(
            errors[0].error.message.contains("lat in -90..90"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn json_arrays_report_bad_elements_by_index() {
        let good = EXAMPLE_JSONL.lines().next().unwrap();
        let text = format!("[{good}, {{\"title\": \"no id\"}}]");
        let Records {
            incidents,
            rejected: errors,
            ..
        } = read_json(&text, "a.json");
        assert_eq!(incidents.len(), 1);
        assert!(
            errors[0]
                .error
                .message
                .starts_with("incident #2 of the array"),
            "{}",
            errors[0]
        );
    }
}
