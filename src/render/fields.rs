//! Stage 3, render: the map's `MapOptions::size_by` and `MapOptions::label_field` checked against the incidents before
//! anything is drawn. A measure or column that no incident has (a typo such as `kiled`) is a
//! usage error that lists what the incidents do have, instead of a map whose legend says
//! "kiled" and whose circles are all missing.

use std::collections::BTreeSet;

use super::{MapOptions, SizeBy};
use crate::error::{MapOptionError, Result};
use crate::model::{Incident, Measure};

/// Names the map can label with besides the input's own columns.
const LABEL_FIELDS: [&str; 3] = ["place", "title", "id"];

/// Refuses a `MapOptions::size_by` or `MapOptions::label_field` that names nothing the incidents have
/// ([`MapOptionError::UnknownSizeBy`], [`MapOptionError::UnknownLabel`], with what they do
/// have).
pub fn check_fields(incidents: &[Incident], options: &MapOptions) -> Result<()> {
    if let SizeBy::Measure(measure @ Measure::Other(name)) = &options.size_by {
        let numeric = |i: &Incident| {
            i.extra.get(name.as_str()).is_some_and(|v| {
                v.is_number() || v.as_str().is_some_and(|s| s.trim().parse::<f64>().is_ok())
            })
        };
        let present = incidents
            .iter()
            .any(|i| i.figure(measure).is_some() || numeric(i));
        if !present {
            return Err(MapOptionError::UnknownSizeBy {
                name: name.clone(),
                present: present_sizes(incidents),
            }
            .into());
        }
    }
    if let Some(field) = &options.label_field {
        let known = LABEL_FIELDS.contains(&field.as_str())
            || incidents.iter().any(|i| i.extra.contains_key(field));
        if !known {
            let mut present: Vec<String> = LABEL_FIELDS.iter().map(|s| s.to_string()).collect();
            present.extend(columns(incidents, |_| true));
            return Err(MapOptionError::UnknownLabel {
                name: field.clone(),
                present,
            }
            .into());
        }
    }
    Ok(())
}

/// "largest", the measures of the figures, and the numeric columns.
fn present_sizes(incidents: &[Incident]) -> Vec<String> {
    let measures: BTreeSet<&str> = incidents
        .iter()
        .flat_map(|i| i.figures.iter().map(|f| f.measure.as_str()))
        .collect();
    let mut names = vec!["largest".to_string()];
    names.extend(measures.into_iter().map(str::to_string));
    names.extend(columns(incidents, serde_json::Value::is_number));
    names
}

/// The extra columns of the incidents whose values pass `keep`, sorted.
fn columns(incidents: &[Incident], keep: impl Fn(&serde_json::Value) -> bool) -> Vec<String> {
    let names: BTreeSet<&String> = incidents
        .iter()
        .flat_map(|i| i.extra.iter().filter(|(_, v)| keep(v)).map(|(k, _)| k))
        .collect();
    names.into_iter().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::ingest::example_incidents;

    #[test]
    fn a_misspelt_measure_or_label_lists_what_is_there() {
        let incidents = example_incidents().incidents;
        let mut options = MapOptions {
            size_by: SizeBy::parse("kiled"),
            ..MapOptions::default()
        };
        let err = check_fields(&incidents, &options).unwrap_err();
        assert!(err.is_usage());
        let Error::MapOption(MapOptionError::UnknownSizeBy { name, present }) = &err else {
            panic!("{err:?}");
        };
        assert_eq!(name, "kiled");
        assert!(present.contains(&"killed".to_string()), "{present:?}");
        assert_eq!(
            err.to_string(),
            format!(
                "size_by: no incident has a measure or numeric column \"kiled\"; present: {}",
                present.join(", ")
            )
        );
        options.size_by = SizeBy::parse("killed");
        assert!(check_fields(&incidents, &options).is_ok());
        options.label_field = Some("titel".into());
        let err = check_fields(&incidents, &options).unwrap_err();
        let Error::MapOption(MapOptionError::UnknownLabel { name, present }) = &err else {
            panic!("{err:?}");
        };
        assert_eq!(name, "titel");
        assert_eq!(present[..3], ["place", "title", "id"]);
    }
}
