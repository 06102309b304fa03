//! Stage 1, ingest: GeoJSON features whose properties are the columns of a table layout
//! incimap knows (UCDP GED, ACLED — as GDAL writes them when converting those tables) are
//! read as that table's rows, with the same mapping, checks and warnings as the CSV; the
//! geometry gives the coordinates.

use csv::StringRecord;
use serde_json::{Map, Value};

use crate::error::RecordError;
use crate::model::Incident;

use super::detect::{TableKind, TableSchema};
use super::geojson::FeatureError;
use super::options::ReadOptions;

/// The layout of the last feature's property names, so that a collection whose features
/// share their names is classified once.
#[derive(Debug, Default)]
pub(super) struct TableLayout {
    keys: Vec<String>,
    schema: Option<TableSchema>,
}

impl TableLayout {
    /// The feature read as a row of a known table; `None` when its properties are not one.
    pub(super) fn read(
        &mut self,
        props: &Map<String, Value>,
        label: &str,
        options: &ReadOptions,
        warnings: &mut Vec<RecordError>,
    ) -> Option<Result<Incident, FeatureError>> {
        if !props.keys().eq(self.keys.iter()) {
            self.keys = props.keys().cloned().collect();
            let headers = StringRecord::from(self.keys.clone());
            self.schema = match TableKind::detect(&headers) {
                TableKind::Ucdp | TableKind::Acled => {
                    TableSchema::from_headers(&headers, label).ok()
                }
                TableKind::Incimap | TableKind::Wide => None,
            };
        }
        let schema = self.schema.as_ref()?;
        let cells: Vec<String> = props.values().map(cell_text).collect();
        let record = StringRecord::from(cells);
        let mut noted = Vec::new();
        let result = schema.row(&record, label, None, options, &mut noted);
        warnings.extend(noted);
        Some(result.map_err(|e| FeatureError {
            message: match e.column {
                Some(column) => format!("property {column:?}: {}", e.message),
                None => e.message,
            },
            hint: e.hint,
        }))
    }
}

/// A property value as a table cell: text as it is, numbers as written (`6.0` stays `6.0`),
/// null as an empty cell.
fn cell_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
