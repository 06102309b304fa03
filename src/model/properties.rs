//! Model: the property names of incimap's GeoJSON features — the contract between the writer
//! (stage 3, `export`) and the reader that takes incimap's own files back (stage 1, `ingest`).
//!
//! Besides these, a feature has the figure columns (`<measure>`, `<measure>_low`,
//! `<measure>_high`) and the incident's extra properties. An extra whose name is taken, or
//! starts with `extra_`, is written with `extra_` in front, and the reader strips exactly one
//! `extra_` again, so that every extra reads back under its own name.

/// The flat properties, in the order the writer writes them (before the figure columns,
/// which come before `figures_text`).
pub const FLAT_PROPERTIES: [&str; 21] = [
    "id",
    "title",
    "date_start",
    "date_end",
    "date_precision",
    "place",
    "place_id",
    "place_canonical",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "geo_precision",
    "site",
    "event_type",
    "sub_event_type",
    "actors",
    "tags",
    "figures_text",
    "claim_sources",
    "description",
];

/// The nested properties (JSON values), left out of a flat GeoJSON file
/// ([`crate::export::GeoJsonOptions::flat`]).
pub const NESTED_PROPERTIES: [&str; 3] = ["figures", "sources", "mentions"];

/// The prefix of an extra property whose name is taken.
pub const EXTRA_PREFIX: &str = "extra_";

/// True when `key` is one of the figure columns of `measure` (`killed`, `killed_low`,
/// `killed_high`).
pub fn is_figure_column(key: &str, measure: &str) -> bool {
    key.strip_prefix(measure)
        .is_some_and(|rest| rest.is_empty() || rest == "_low" || rest == "_high")
}

/// The property name an extra called `key` is written under, given the figure columns.
pub fn extra_property_name(key: &str, measures: &[&str]) -> String {
    let taken = FLAT_PROPERTIES.contains(&key)
        || NESTED_PROPERTIES.contains(&key)
        || key.starts_with(EXTRA_PREFIX)
        || measures.iter().any(|m| is_figure_column(key, m));
    if taken {
        format!("{EXTRA_PREFIX}{key}")
    } else {
        key.to_string()
    }
}

/// Rounds a coordinate to 6 decimals (~0.1 m), as every writer writes them; `-0.0` becomes
/// `0.0` so that output bytes do not depend on the sign of zero.
pub fn round6(value: f64) -> f64 {
    let rounded = (value * 1e6).round() / 1e6;
    if rounded == 0.0 {
        0.0
    } else {
        rounded
    }
}

/// The `figures_text` property: every headline figure in words ("100–700+ escaped; ~12,000
/// present"), in the order of `measures`.
pub fn figures_text(incident: &super::Incident, measures: &[super::Measure]) -> String {
    measures
        .iter()
        .filter_map(|m| incident.figure(m).and_then(|f| Some((f.range_label()?, m))))
        .map(|(label, m)| format!("{label} {m}"))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extras_are_renamed_only_when_taken_and_read_back_by_one_strip() {
        let measures = ["killed", "escaped"];
        for (extra, written) in [
            ("title", "extra_title"),
            ("figures", "extra_figures"),
            ("killed_low", "extra_killed_low"),
            ("extra_title", "extra_extra_title"),
            ("killedx", "killedx"),
            ("analyst", "analyst"),
        ] {
            assert_eq!(extra_property_name(extra, &measures), written);
            let back = written.strip_prefix(EXTRA_PREFIX).unwrap_or(written);
            assert_eq!(back, extra);
        }
    }
}
