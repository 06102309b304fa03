//! The library's structured errors and notes about an option, worded as the command line
//! says them: with the flag that set the option (`--size-by`, `--label`, `--bbox`,
//! `--partition-by`, `--facet`, `--aggregate`). The library's own words name the option in
//! its terms (`size_by`, `label_field`, …); the flags live only here.

use incimap::error::{MapOptionError, NoIncidents};
use incimap::pipeline::InMemoryReason;
use incimap::render::InMemoryOption;

/// One cause of an error as the command line words it.
pub fn cause_text(cause: &(dyn std::error::Error + 'static)) -> String {
    let worded = if let Some(err) = cause.downcast_ref::<incimap::Error>() {
        error_text(err)
    } else if let Some(err) = cause.downcast_ref::<MapOptionError>() {
        map_option_text(err)
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
}
