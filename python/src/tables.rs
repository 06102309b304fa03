//! Arrow record batches in and out of the binding: the rejected records and notes, the
//! geocoder's candidates, and the string columns read from the caller's tables.

use std::sync::Arc;

use arrow_array::builder::{
    Float64Builder, Int64Builder, StringBuilder, UInt32Builder, UInt64Builder,
};
use arrow_array::cast::AsArray;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema};

use crate::library::{Candidate, HexRow, Problem};

/// Rejected records or notes: `file, line, column, reason, record`, the columns of
/// `incimap --errors FILE`.
pub fn problems(rows: &[Problem]) -> Result<RecordBatch, ArrowError> {
    let mut file = StringBuilder::new();
    let mut line = UInt64Builder::new();
    let mut column = StringBuilder::new();
    let mut reason = StringBuilder::new();
    let mut record = StringBuilder::new();
    for p in rows {
        file.append_value(&p.file);
        line.append_option(p.line);
        column.append_option(p.column.as_deref());
        reason.append_value(&p.message);
        record.append_option(p.record.as_deref());
    }
    let schema = Schema::new(vec![
        Field::new("file", DataType::Utf8, false),
        Field::new("line", DataType::UInt64, true),
        Field::new("column", DataType::Utf8, true),
        Field::new("reason", DataType::Utf8, false),
        Field::new("record", DataType::Utf8, true),
    ]);
    let columns: Vec<ArrayRef> = vec![
        Arc::new(file.finish()),
        Arc::new(line.finish()),
        Arc::new(column.finish()),
        Arc::new(reason.finish()),
        Arc::new(record.finish()),
    ];
    RecordBatch::try_new(Arc::new(schema), columns)
}

/// The geocoder's candidates: one row per candidate (`rank` 0 the best), one row with
/// `suggestions` and no candidate for a name not found.
pub fn candidates(rows: &[Candidate]) -> Result<RecordBatch, ArrowError> {
    let mut query = Int64Builder::new();
    let mut rank = UInt32Builder::new();
    let mut texts: [StringBuilder; 10] = std::array::from_fn(|_| StringBuilder::new());
    let mut numbers: [Float64Builder; 3] = std::array::from_fn(|_| Float64Builder::new());
    let mut population = UInt64Builder::new();
    for c in rows {
        query.append_value(c.query as i64);
        rank.append_option(c.rank);
        population.append_option(c.population);
        let values = [
            c.id.as_deref(),
            c.name.as_deref(),
            c.country_code.as_deref(),
            c.admin1.as_deref(),
            c.admin1_code.as_deref(),
            c.kind,
            c.feature_code.as_deref(),
            c.precision,
            c.reason.as_deref(),
            c.suggestions.as_deref(),
        ];
        for (builder, value) in texts.iter_mut().zip(values) {
            builder.append_option(value);
        }
        for (builder, value) in numbers.iter_mut().zip([c.lon, c.lat, c.score]) {
            builder.append_option(value);
        }
    }
    let mut fields = vec![
        Field::new("query", DataType::Int64, false),
        Field::new("rank", DataType::UInt32, true),
    ];
    let mut columns: Vec<ArrayRef> = vec![Arc::new(query.finish()), Arc::new(rank.finish())];
    let text_names = [
        "gazetteer_id",
        "name",
        "country_code",
        "admin1",
        "admin1_code",
        "kind",
        "feature_code",
        "precision",
        "reason",
        "suggestions",
    ];
    let number_names = ["lon", "lat", "score"];
    // Order: ids, names and kinds, the point, the population, then how it ranked.
    for (name, builder) in text_names.iter().zip(texts.iter_mut()).take(8) {
        fields.push(Field::new(*name, DataType::Utf8, true));
        columns.push(Arc::new(builder.finish()));
    }
    for (name, builder) in number_names.iter().zip(numbers.iter_mut()).take(2) {
        fields.push(Field::new(*name, DataType::Float64, true));
        columns.push(Arc::new(builder.finish()));
    }
    fields.push(Field::new("population", DataType::UInt64, true));
    columns.push(Arc::new(population.finish()));
    fields.push(Field::new("score", DataType::Float64, true));
    columns.push(Arc::new(numbers[2].finish()));
    for (name, builder) in text_names.iter().zip(texts.iter_mut()).skip(8) {
        fields.push(Field::new(*name, DataType::Utf8, true));
        columns.push(Arc::new(builder.finish()));
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
}

/// The values of a string column of the caller's batches (`None` for a null), or `None`
/// when the column is absent.
pub fn string_column(
    batches: &[RecordBatch],
    name: &str,
) -> Result<Option<Vec<Option<String>>>, String> {
    let Some(first) = batches.first() else {
        return Ok(Some(Vec::new()));
    };
    if first.schema().index_of(name).is_err() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for batch in batches {
        let Some(array) = batch.column_by_name(name) else {
            return Ok(None);
        };
        let owned = |v: Option<&str>| v.map(str::to_string);
        match array.data_type() {
            DataType::Utf8 => out.extend(array.as_string::<i32>().iter().map(owned)),
            DataType::LargeUtf8 => out.extend(array.as_string::<i64>().iter().map(owned)),
            DataType::Utf8View => out.extend(array.as_string_view().iter().map(owned)),
            DataType::Null => out.extend(std::iter::repeat_n(None, array.len())),
            other => {
                return Err(format!(
                    "column {name:?}: expected strings, got {other} (cast it to pyarrow.string())"
                ))
            }
        }
    }
    Ok(Some(out))
}

/// Hexagon sums: one row per hexagon and event type (`q, r, lon, lat, event_type,
/// incidents, reported, total, first, last`).
pub fn hex_cells(rows: &[HexRow]) -> Result<RecordBatch, ArrowError> {
    let mut axial: [Int64Builder; 2] = std::array::from_fn(|_| Int64Builder::new());
    let mut centre: [Float64Builder; 2] = std::array::from_fn(|_| Float64Builder::new());
    let mut event = StringBuilder::new();
    let mut counts: [UInt64Builder; 3] = std::array::from_fn(|_| UInt64Builder::new());
    let mut days: [StringBuilder; 2] = std::array::from_fn(|_| StringBuilder::new());
    for row in rows {
        axial[0].append_value(row.q);
        axial[1].append_value(row.r);
        centre[0].append_value(row.lon);
        centre[1].append_value(row.lat);
        event.append_option(row.event_type);
        counts[0].append_value(row.incidents);
        counts[1].append_value(row.reported);
        counts[2].append_value(row.total);
        days[0].append_value(&row.first);
        days[1].append_value(&row.last);
    }
    let mut fields = Vec::new();
    let mut columns: Vec<ArrayRef> = Vec::new();
    for (name, mut builder) in ["q", "r"].into_iter().zip(axial) {
        fields.push(Field::new(name, DataType::Int64, false));
        columns.push(Arc::new(builder.finish()));
    }
    for (name, mut builder) in ["lon", "lat"].into_iter().zip(centre) {
        fields.push(Field::new(name, DataType::Float64, false));
        columns.push(Arc::new(builder.finish()));
    }
    fields.push(Field::new("event_type", DataType::Utf8, true));
    columns.push(Arc::new(event.finish()));
    for (name, mut builder) in ["incidents", "reported", "total"].into_iter().zip(counts) {
        fields.push(Field::new(name, DataType::UInt64, false));
        columns.push(Arc::new(builder.finish()));
    }
    for (name, mut builder) in ["first", "last"].into_iter().zip(days) {
        fields.push(Field::new(name, DataType::Utf8, false));
        columns.push(Arc::new(builder.finish()));
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
}
