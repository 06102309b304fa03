//! Rows collected column by column (a chunk of the pipeline's, on a worker thread), then
//! handed over as one Arrow record batch. The cells are the CSV export's ([`crate::export::csv::column_cells`]),
//! parsed into the column's type; the point becomes WKB and its bbox.

use std::sync::Arc;

use arrow_array::builder::{
    BinaryBuilder, Float64Builder, Int32Builder, Int64Builder, StringBuilder,
};
use arrow_array::{Array, ArrayRef, Float64Array, RecordBatch, StructArray};
use arrow_schema::{ArrowError, SchemaRef};

use super::schema::{bbox_fields, wkb_point, Kind};
use crate::model::{Incident, Measure};

enum Column {
    Text(StringBuilder),
    Int32(Int32Builder),
    Int64(Int64Builder),
    Float64(Float64Builder),
}

impl Column {
    /// A column with room for `rows` values (text: 16 bytes each to start with).
    fn new(kind: Kind, rows: usize) -> Column {
        match kind {
            Kind::Text => Column::Text(StringBuilder::with_capacity(rows, rows * 16)),
            Kind::Int32 => Column::Int32(Int32Builder::with_capacity(rows)),
            Kind::Int64 => Column::Int64(Int64Builder::with_capacity(rows)),
            Kind::Float64 => Column::Float64(Float64Builder::with_capacity(rows)),
        }
    }

    /// Appends a CSV cell: empty is null; a number that does not parse (never written by the
    /// CSV contract) is null too, rather than a lost row.
    fn push(&mut self, cell: &str) {
        let empty = cell.is_empty();
        match self {
            Column::Text(b) if empty => b.append_null(),
            Column::Text(b) => b.append_value(cell),
            Column::Int32(b) => b.append_option(cell.parse().ok()),
            Column::Int64(b) => b.append_option(cell.parse().ok()),
            Column::Float64(b) => b.append_option(cell.parse().ok()),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Text(b) => Arc::new(b.finish()),
            Column::Int32(b) => Arc::new(b.finish()),
            Column::Int64(b) => Arc::new(b.finish()),
            Column::Float64(b) => Arc::new(b.finish()),
        }
    }
}

/// The rows of the row group being filled.
pub struct Rows {
    schema: SchemaRef,
    measures: Vec<Measure>,
    columns: Vec<Option<Column>>,
    geometry: BinaryBuilder,
    /// `xmin` (= `xmax`) and `ymin` (= `ymax`) of each point; `None` without a point.
    lon: Vec<Option<f64>>,
    lat: Vec<Option<f64>>,
    len: usize,
}

impl Rows {
    /// `kinds`: for each CSV cell, its column's type, or `None` for a cell left out (the
    /// partition column, which the folder names hold). `rows`: how many rows to make room for (more may come).
    pub fn new(
        schema: SchemaRef,
        measures: &[Measure],
        kinds: &[Option<Kind>],
        rows: usize,
    ) -> Rows {
        Rows {
            schema,
            measures: measures.to_vec(),
            columns: kinds
                .iter()
                .map(|k| k.map(|k| Column::new(k, rows)))
                .collect(),
            geometry: BinaryBuilder::with_capacity(rows, rows * 21),
            lon: Vec::with_capacity(rows),
            lat: Vec::with_capacity(rows),
            len: 0,
        }
    }

    pub fn push(&mut self, incident: &Incident) {
        let cells = crate::export::csv::column_cells(incident, &self.measures);
        for (column, cell) in self.columns.iter_mut().zip(&cells) {
            if let Some(column) = column {
                column.push(cell);
            }
        }
        match incident.place.lon_lat() {
            Some((lon, lat)) => {
                self.geometry.append_value(wkb_point(lon, lat));
                self.lon.push(Some(lon));
                self.lat.push(Some(lat));
            }
            None => {
                self.geometry.append_null();
                self.lon.push(None);
                self.lat.push(None);
            }
        }
        self.len += 1;
    }

    /// The collected rows as one record batch; the buffer is empty again afterwards.
    pub fn take_batch(&mut self) -> Result<RecordBatch, ArrowError> {
        let mut arrays: Vec<ArrayRef> = self
            .columns
            .iter_mut()
            .flatten()
            .map(Column::finish)
            .collect();
        arrays.push(Arc::new(self.geometry.finish()));
        let lon = std::mem::take(&mut self.lon);
        let lat = std::mem::take(&mut self.lat);
        // The bbox is null where the point is; its children hold 0 there (they are not
        // nullable).
        let nulls = Float64Array::from(lon.clone()).logical_nulls();
        let zeroed = |values: Vec<Option<f64>>| -> ArrayRef {
            Arc::new(Float64Array::from_iter_values(
                values.into_iter().map(|v| v.unwrap_or(0.0)),
            ))
        };
        let (lon, lat) = (zeroed(lon), zeroed(lat));
        let bbox = StructArray::try_new(
            bbox_fields(),
            vec![Arc::clone(&lon), Arc::clone(&lat), lon, lat],
            nulls,
        )?;
        arrays.push(Arc::new(bbox));
        self.len = 0;
        RecordBatch::try_new(Arc::clone(&self.schema), arrays)
    }
}
