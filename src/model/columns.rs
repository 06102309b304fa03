//! Model: the columns of incimap's CSV export — the contract between the writer (stage 3,
//! `export/csv.rs`, and the GeoParquet export, which shares them) and the reader that takes
//! incimap's own CSV back (stage 1, `ingest/wide.rs`). The figure columns' names are also
//! the GeoJSON properties' ([`super::properties`]).

use super::Measure;

/// The fixed columns before the figure columns.
pub const LEAD_COLUMNS: [&str; 27] = [
    "event_id_cnty",
    "title",
    "event_date",
    "date_end",
    "year",
    "time_precision",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actors",
    "country_code",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "place_canonical",
    "place_id",
    "site",
    "latitude",
    "longitude",
    "geo_precision",
    "place_precision",
    "source",
    "notes",
    "tags",
    "fatalities",
];

/// The columns after the figure columns.
pub const TAIL_COLUMNS: [&str; 6] = [
    "figures_text",
    "claim_sources",
    "figures_json",
    "sources_json",
    "mentions_json",
    "extra_json",
];

/// The columns derived from others for people and ACLED-aware tools (the year, ACLED's
/// precision codes, the country's name, the source list, the total of deaths, the figures
/// in words); the reader does not take them back.
pub const DERIVED_COLUMNS: [&str; 8] = [
    "year",
    "time_precision",
    "country",
    "geo_precision",
    "source",
    "fatalities",
    "figures_text",
    "claim_sources",
];

/// The fixed columns the reader takes back: every lead and tail column but the derived ones.
pub fn read_back_columns() -> impl Iterator<Item = &'static str> {
    LEAD_COLUMNS
        .iter()
        .chain(TAIL_COLUMNS.iter())
        .copied()
        .filter(|c| !DERIVED_COLUMNS.contains(c))
}

/// The three figure columns of a measure: `<measure>` (the best value), `<measure>_low` and
/// `<measure>_high`.
pub fn figure_columns(measure: &str) -> [String; 3] {
    [
        measure.to_string(),
        format!("{measure}_low"),
        format!("{measure}_high"),
    ]
}

/// The column names for the given figure measures: [`LEAD_COLUMNS`], three per measure
/// (`<measure>`, `<measure>_low`, `<measure>_high`), then [`TAIL_COLUMNS`]. The CSV and the
/// GeoParquet exports share them.
pub fn column_names(measures: &[Measure]) -> Vec<String> {
    let mut cells: Vec<String> = LEAD_COLUMNS.iter().map(|c| c.to_string()).collect();
    for measure in measures {
        cells.extend(figure_columns(measure.as_str()));
    }
    cells.extend(TAIL_COLUMNS.iter().map(|c| c.to_string()));
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_derived_column_is_a_written_column() {
        for derived in DERIVED_COLUMNS {
            assert!(
                LEAD_COLUMNS.contains(&derived) || TAIL_COLUMNS.contains(&derived),
                "{derived}"
            );
        }
        assert_eq!(
            read_back_columns().count(),
            LEAD_COLUMNS.len() + TAIL_COLUMNS.len() - DERIVED_COLUMNS.len()
        );
    }
}
