//! The library's structured errors and notes about an option, worded as the command line
//! says them: with the flag that set the option (`--size-by`, `--label`, `--bbox`,
//! `--partition-by`, `--facet`, `--aggregate`, `--date-format`). The library's own words name
//! the option in its terms (`size_by`, `label_field`, "a date format", …); the flags live
//! only here.

use incimap::error::{DateHint, MapOptionError, NoIncidents};
use incimap::pipeline::InMemoryReason;
use incimap::render::InMemoryOption;
use incimap::RecordError;

/// One cause of an error as the command line words it.
pub fn cause_text(cause: &(dyn std::error::Error + 'static)) -> String {
    let worded = if let Some(err) = cause.downcast_ref::<incimap::Error>() {
        error_text(err)
    } else if let Some(err) = cause.downcast_ref::<MapOptionError>() {
        map_option_text(err)
    } else if let Some(record) = cause.downcast_ref::<RecordError>() {
        Some(record_text(record))
    } else if let Some(why) = cause.downcast_ref::<NoIncidents>() {
        no_incidents_text(why)
    } else {
        None
    };
    worded.unwrap_or_else(|| cause.to_string())
}

/// A library error that names an option, with its flag (`None`: the library's words do).
fn error_text(err: &incimap::Error) -> Option<String> {
    match err {
        incimap::Error::PartitionFolderIsFile { path } => Some(format!(
            "--partition-by: -o {} is a file; give a folder for the partitions",
            path.display()
        )),
        incimap::Error::NoIncidents(why) => {
            no_incidents_text(why).map(|text| format!("no incidents to map: {text}"))
        }
        incimap::Error::MapOption(err) => map_option_text(err),
        incimap::Error::Record(record) => Some(record_text(record)),
        _ => None,
    }
}

fn no_incidents_text(why: &NoIncidents) -> Option<String> {
    match why {
        NoIncidents::NoneInBbox { total, bbox } => Some(format!(
            "none of the {total} incidents lies in the --bbox area {},{},{},{}",
            bbox[0], bbox[1], bbox[2], bbox[3]
        )),
        _ => None,
    }
}

fn map_option_text(err: &MapOptionError) -> Option<String> {
    match err {
        MapOptionError::UnknownSizeBy { name, present } => Some(format!(
            "--size-by: no incident has a measure or numeric column {name:?}; present: {}",
            present.join(", ")
        )),
        MapOptionError::UnknownLabel { name, present } => Some(format!(
            "--label: no incident has a field {name:?}; present: {}",
            present.join(", ")
        )),
        _ => None,
    }
}

/// A date hint of a record's message, with the flag that gives a date format.
pub fn date_hint_text(hint: DateHint) -> String {
    match hint {
        DateHint::NotInFormat => " or in the --date-format".to_string(),
        DateHint::GiveFormat { separator } => format!(
            " (for day-first or month-first dates give --date-format, e.g. {:?})",
            incimap::error::example_format(separator)
        ),
        DateHint::OrderSettled => "; give --date-format to read them otherwise".to_string(),
    }
}

/// A skipped record or a warning as the command line says it (its date hint with the flag).
pub fn record_text(record: &RecordError) -> String {
    record.worded(date_hint_text)
}

/// Why a map is drawn in memory, as the note of the command says it.
pub fn in_memory_text(reason: &InMemoryReason) -> String {
    match reason {
        InMemoryReason::Option(option) => match option {
            InMemoryOption::Facet => "--facet splits the incidents into periods",
            InMemoryOption::AggregateNone => "--aggregate none draws every incident",
            InMemoryOption::SizeByColumn => {
                "--size-by names a column, read from each incident's fields"
            }
            InMemoryOption::LabelField => "--label names a field to label the symbols with",
        }
        .to_string(),
        InMemoryReason::Other(words) => words.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flags_are_named_on_the_command_line_only() {
        let label = incimap::Error::from(MapOptionError::UnknownLabel {
            name: "titel".into(),
            present: vec!["place".into(), "title".into()],
        });
        assert_eq!(
            cause_text(&label),
            "--label: no incident has a field \"titel\"; present: place, title"
        );
        assert!(!label.to_string().contains("--"), "{label}");
        let outside = incimap::Error::from(NoIncidents::NoneInBbox {
            total: 4,
            bbox: [0.0, 0.0, 1.5, 1.0],
        });
        assert_eq!(
            cause_text(&outside),
            "no incidents to map: none of the 4 incidents lies in the --bbox area 0,0,1.5,1"
        );
        let facet = InMemoryReason::Option(InMemoryOption::Facet);
        assert_eq!(
            in_memory_text(&facet),
            "--facet splits the incidents into periods"
        );
        assert!(!facet.to_string().contains("--"), "{facet}");
    }

    #[test]
    fn a_date_hint_names_the_flag_where_the_library_names_the_option() {
        let reader = incimap::ingest::DateReader::default();
        let error = reader.parse("13/10/2019").unwrap_err();
        let record = RecordError::new("t.csv", Some(2), error.to_string())
            .in_column("date")
            .with_hint(error.hint());
        assert_eq!(
            record_text(&record),
            "t.csv:2: column 'date': expected a date as YYYY-MM-DD, YYYY-MM, YYYY or \"13 October 2019\" (for day-first or month-first dates give --date-format, e.g. \"%d/%m/%Y\"), got \"13/10/2019\""
        );
        assert!(!record.to_string().contains("--"), "{record}");
        let reader = incimap::ingest::DateReader::with_format("%d.%m.%Y").unwrap_or_default();
        let error = reader.parse("x").unwrap_err();
        let record = RecordError::new("t.csv", None, error.to_string()).with_hint(error.hint());
        assert_eq!(
            record_text(&record),
            "t.csv: expected a date as YYYY-MM-DD, YYYY-MM, YYYY or \"13 October 2019\" or in the --date-format \"%d.%m.%Y\", got \"x\""
        );
    }
}
