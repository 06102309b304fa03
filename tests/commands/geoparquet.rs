//! `incimap export --to geoparquet` (issue 15): the columns are the CSV export's, the points
//! are WKB in a `geometry` column with its `bbox` covering, the GeoParquet 1.1 `geo` metadata
//! is in both the footer and the Arrow schema, the output is the same bytes on every run,
//! every row is in the file or in `--errors`, and `--partition-by` writes Hive-style folders.

use std::fs::File;
use std::path::Path;

use crate::common::{fixture, incimap, stderr};
use arrow_array::{
    Array, BinaryArray, Float64Array, Int32Array, RecordBatch, StringArray, StructArray,
};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

/// The file's record batches, its Arrow schema metadata `geo`, its footer `geo`, and its
/// row-group sizes.
struct Read {
    batches: Vec<RecordBatch>,
    schema_geo: Option<String>,
    footer_geo: Option<String>,
    row_groups: Vec<i64>,
}

fn read(path: &Path) -> Read {
    let file = File::open(path).expect("the Parquet file exists");
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).expect("a Parquet file");
    let meta = builder.metadata().clone();
    let footer_geo = meta
        .file_metadata()
        .key_value_metadata()
        .and_then(|kv| kv.iter().find(|k| k.key == "geo"))
        .and_then(|k| k.value.clone());
    let schema_geo = builder.schema().metadata().get("geo").cloned();
    let row_groups = meta.row_groups().iter().map(|g| g.num_rows()).collect();
    let batches = builder
        .build()
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    Read {
        batches,
        schema_geo,
        footer_geo,
        row_groups,
    }
}

fn column<'a, T: 'static>(batch: &'a RecordBatch, name: &str) -> &'a T {
    batch
        .column_by_name(name)
        .unwrap_or_else(|| panic!("column {name}"))
        .as_any()
        .downcast_ref::<T>()
        .unwrap_or_else(|| panic!("column {name} has the expected type"))
}

fn rows(read: &Read) -> usize {
    read.batches.iter().map(RecordBatch::num_rows).sum()
}

#[test]
fn columns_metadata_and_points_match_the_csv_export() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("acled-sample.csv");
    for (out, to) in [("out.csv", "csv"), ("out.parquet", "geoparquet")] {
        let run = incimap(&["export", &input, "-o", out, "--to", to], dir.path());
        assert!(run.status.success(), "{}", stderr(&run));
    }
    let csv_text = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
    let mut csv = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = csv.headers().unwrap().iter().map(String::from).collect();
    let records: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    let read = read(&dir.path().join("out.parquet"));
    assert_eq!(rows(&read), records.len());
    let batch = &read.batches[0];
    let names: Vec<String> = batch
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(names[..header.len()], header[..]);
    assert_eq!(names[header.len()..], ["geometry", "bbox"]);

    for geo in [&read.schema_geo, &read.footer_geo] {
        let geo: serde_json::Value = serde_json::from_str(geo.as_deref().expect("geo")).unwrap();
        assert_eq!(geo["version"], "1.1.0");
        assert_eq!(geo["primary_column"], "geometry");
        let column = &geo["columns"]["geometry"];
        assert_eq!(column["encoding"], "WKB");
        assert_eq!(column["geometry_types"], serde_json::json!(["Point"]));
        assert_eq!(
            column["covering"]["bbox"]["xmin"],
            serde_json::json!(["bbox", "xmin"])
        );
        // No `crs` member: OGC:CRS84 by the specification.
        assert!(column.get("crs").is_none());
    }

    let ids = column::<StringArray>(batch, "event_id_cnty");
    let lat = column::<Float64Array>(batch, "latitude");
    let lon = column::<Float64Array>(batch, "longitude");
    let year = column::<Int32Array>(batch, "year");
    let wkb = column::<BinaryArray>(batch, "geometry");
    let bbox = column::<StructArray>(batch, "bbox");
    let xmin = bbox
        .column_by_name("xmin")
        .unwrap()
        .as_any()
        .downcast_ref::<Float64Array>()
        .unwrap();
    let ymax = bbox
        .column_by_name("ymax")
        .unwrap()
        .as_any()
        .downcast_ref::<Float64Array>()
        .unwrap();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (i, record) in records.iter().enumerate() {
        assert_eq!(ids.value(i), &record[at("event_id_cnty")]);
        assert_eq!(year.value(i).to_string(), &record[at("year")]);
        let (x, y): (f64, f64) = (
            record[at("longitude")].parse().unwrap(),
            record[at("latitude")].parse().unwrap(),
        );
        assert_eq!((lon.value(i), lat.value(i)), (x, y));
        let point = wkb.value(i);
        assert_eq!(point.len(), 21);
        assert_eq!(&point[..5], &[1, 1, 0, 0, 0], "little-endian WKB point");
        assert_eq!(f64::from_le_bytes(point[5..13].try_into().unwrap()), x);
        assert_eq!(f64::from_le_bytes(point[13..21].try_into().unwrap()), y);
        assert_eq!((xmin.value(i), ymax.value(i)), (x, y));
        // Empty CSV cells are nulls, not empty strings.
        let notes = column::<StringArray>(batch, "notes");
        assert_eq!(notes.is_null(i), record[at("notes")].is_empty());
        if !notes.is_null(i) {
            assert_eq!(notes.value(i), &record[at("notes")]);
        }
    }
    let sources = column::<StringArray>(batch, "sources_json");
    let parsed: serde_json::Value = serde_json::from_str(sources.value(0)).unwrap();
    assert!(parsed.is_array(), "sources as JSON text, as in the CSV");
}

#[test]
fn rows_in_are_rows_written_plus_rows_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("bad-rows.csv");
    let run = incimap(
        &[
            "export",
            &input,
            "-o",
            "out.parquet",
            "--errors",
            "errors.csv",
        ],
        dir.path(),
    );
    // Exit code 2: partial (some records did not make it, and are in --errors).
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    let written = rows(&read(&dir.path().join("out.parquet")));
    let rejected = csv::Reader::from_path(dir.path().join("errors.csv"))
        .unwrap()
        .records()
        .count();
    let data_rows = csv::Reader::from_path(&input).unwrap().records().count();
    assert!(
        written > 0 && rejected > 0,
        "{written} written, {rejected} rejected"
    );
    assert_eq!(written + rejected, data_rows);
}

/// A generated table of `n` rows over three years, with coordinates (no lookups needed).
fn big_table(n: usize) -> String {
    let mut text = String::from("id,date,place,country,event_type,killed,lon,lat,notes\n");
    for i in 0..n {
        let year = 2019 + i % 3;
        let day = 1 + i % 28;
        let lon = 35.0 + (i % 800) as f64 / 100.0;
        let lat = 32.0 + (i % 600) as f64 / 100.0;
        let country = ["SY", "IQ"][i % 2];
        text.push_str(&format!(
            "r{i},{year}-03-{day:02},Somewhere,{country},Battles,{},{lon},{lat},row {i}\n",
            i % 7
        ));
    }
    text
}

#[test]
fn a_long_table_is_cut_into_row_groups_and_written_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let rows_in = 70_000;
    std::fs::write(dir.path().join("big.csv"), big_table(rows_in)).unwrap();
    for out in ["a.parquet", "b.parquet"] {
        let run = incimap(&["export", "big.csv", "-o", out], dir.path());
        assert!(run.status.success(), "{}", stderr(&run));
    }
    let a = std::fs::read(dir.path().join("a.parquet")).unwrap();
    let b = std::fs::read(dir.path().join("b.parquet")).unwrap();
    assert!(a == b, "two runs wrote different bytes");
    let read = read(&dir.path().join("a.parquet"));
    assert_eq!(read.row_groups, vec![65_536, (rows_in - 65_536) as i64]);
    assert_eq!(rows(&read), rows_in);
    // Input order is kept across row groups.
    let last = read.batches.last().unwrap();
    let ids = column::<StringArray>(last, "event_id_cnty");
    assert_eq!(ids.value(ids.len() - 1), format!("r{}", rows_in - 1));
    // No temporary file is left beside the output.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn partitions_are_hive_folders_holding_every_row_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.csv"), big_table(3_000)).unwrap();
    let run = incimap(
        &["export", "t.csv", "--partition-by", "year", "-o", "parts"],
        dir.path(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let parts = dir.path().join("parts");
    let mut folders: Vec<String> = std::fs::read_dir(&parts)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(folders, ["year=2019", "year=2020", "year=2021"]);
    let mut total = 0;
    for folder in &folders {
        let files: Vec<_> = std::fs::read_dir(parts.join(folder)).unwrap().collect();
        assert_eq!(files.len(), 1, "one file per partition");
        let read = read(&parts.join(folder).join("part-0.parquet"));
        assert!(read.footer_geo.is_some() && read.schema_geo.is_some());
        // The files leave the partition column out (Hive-style readers take it from the
        // folder name); the dates say which year each row is.
        let value = &folder["year=".len()..];
        for batch in &read.batches {
            assert!(batch.column_by_name("year").is_none());
            let dates = column::<StringArray>(batch, "event_date");
            assert!(
                dates
                    .iter()
                    .all(|d| d.is_some_and(|d| d.starts_with(value))),
                "{folder} holds only its year"
            );
        }
        total += rows(&read);
    }
    assert_eq!(total, 3_000);
    let first = std::fs::read(parts.join("year=2020/part-0.parquet")).unwrap();

    // By country; then by year again with fewer years: the folder holds this run's data only.
    let run = incimap(
        &["export", "t.csv", "--partition-by", "country", "-o", "c"],
        dir.path(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(dir.path().join("c/country_code=IQ/part-0.parquet").exists());
    assert!(dir.path().join("c/country_code=SY/part-0.parquet").exists());
    let run = incimap(
        &[
            "export",
            "t.csv",
            "--since",
            "2020-01-01",
            "--partition-by",
            "year",
            "-o",
            "parts",
        ],
        dir.path(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        !parts.join("year=2019").exists(),
        "the earlier run's partition is gone"
    );
    let again = std::fs::read(parts.join("year=2020/part-0.parquet")).unwrap();
    assert!(first == again, "the same partition is written the same");
}

#[test]
fn partitioning_needs_geoparquet_and_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("incidents.csv");
    let run = incimap(
        &["export", &input, "--partition-by", "year", "-o", "x.csv"],
        dir.path(),
    );
    assert!(!run.status.success());
    assert!(stderr(&run).contains("--partition-by"), "{}", stderr(&run));
    let run = incimap(
        &["export", &input, "--partition-by", "month", "-o", "d"],
        dir.path(),
    );
    assert!(
        stderr(&run).contains("expected year or country"),
        "{}",
        stderr(&run)
    );
    std::fs::write(dir.path().join("file"), b"x").unwrap();
    let run = incimap(
        &[
            "export",
            &input,
            "--to",
            "geoparquet",
            "--partition-by",
            "year",
            "-o",
            "file",
        ],
        dir.path(),
    );
    assert!(!run.status.success());
    assert_eq!(std::fs::read(dir.path().join("file")).unwrap(), b"x");
}
