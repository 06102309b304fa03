//! The exports open in GDAL with the right feature counts and field types: `ogrinfo` reads the
//! GeoJSON of incimap CSV (typed fields, `--flat` without JSON fields), the
//! CSV (with `X_POSSIBLE_NAMES` / `Y_POSSIBLE_NAMES`), the KML (LIBKML or KML driver) and the
//! GeoJSON of ACLED and UCDP input, and `ogr2ogr` converts the KML back to GeoJSON with the
//! same places and figures. Without GDAL the tests are skipped loudly, except in CI
//! (`CI=true`), where they fail: `.ci/run` installs gdal-bin.

use std::path::PathBuf;
use std::process::Command;

use crate::common::{assert_fields, fixture, gdal_available, incimap, ogrinfo, stderr};

/// The ACLED and UCDP fixtures (10 incidents).
const ACLED_UCDP: [&str; 2] = ["acled-sample.csv", "ucdp-ged-sample.csv"];

/// `incimap export FIXTURES -o NAME ARGS` in a fresh directory; the directory and the file.
fn export(fixtures: &[&str], name: &str, args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<String> = fixtures.iter().map(|f| fixture(f)).collect();
    let mut all = vec!["export"];
    all.extend(paths.iter().map(String::as_str));
    all.extend(["-o", name]);
    all.extend_from_slice(args);
    let out = incimap(&all, dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let target = dir.path().join(name);
    (dir, target)
}

#[test]
fn ogrinfo_reads_the_csv_with_points_and_typed_columns() {
    if !gdal_available() {
        return;
    }
    let (_dir, path) = export(&ACLED_UCDP, "incidents.csv", &[]);
    let text = ogrinfo(
        &path,
        &[
            "-oo",
            "X_POSSIBLE_NAMES=longitude",
            "-oo",
            "Y_POSSIBLE_NAMES=latitude",
            "-oo",
            "AUTODETECT_TYPE=YES",
        ],
    );
    assert!(text.contains("Geometry: Point"), "{text}");
    assert!(text.contains("Feature Count: 10"), "{text}");
    assert!(
        text.contains("Extent: (38.862300, 15.462500) - (45.325800, 36.850300)"),
        "{text}"
    );
    assert_fields(
        &text,
        &[
            ("event_id_cnty", "String"),
            ("event_date", "Date"),
            ("date_end", "Date"),
            ("year", "Integer"),
            ("time_precision", "Integer"),
            ("latitude", "Real"),
            ("longitude", "Real"),
            ("geo_precision", "Integer"),
            ("fatalities", "Integer"),
            ("killed", "Integer"),
            ("killed_high", "Integer"),
            ("figures_json", "String"),
        ],
    );
}

#[test]
fn ogrinfo_reads_the_kml_with_typed_extended_data() {
    if !gdal_available() {
        return;
    }
    let (_dir, path) = export(&ACLED_UCDP, "incidents.kml", &[]);
    let text = ogrinfo(&path, &[]);
    assert!(text.contains("Feature Count: 10"), "{text}");
    assert!(
        text.contains("Extent: (38.862300, 15.462500) - (45.325800, 36.850300)"),
        "{text}"
    );
    assert_fields(&text, &[("id", "String"), ("event_type", "String")]);
    // The LIBKML driver reads the Schema's types; the plain KML driver keeps only the name
    // and description.
    if text.contains("using driver `LIBKML'") || text.contains("\nkilled: ") {
        assert_fields(&text, &[("killed", "Integer"), ("killed_low", "Integer")]);
    }
}

#[test]
fn ogr2ogr_turns_the_kml_back_into_the_same_points_and_figures() {
    if !gdal_available() {
        return;
    }
    let (dir, kml) = export(&ACLED_UCDP, "incidents.kml", &[]);
    let back = dir.path().join("back.geojson");
    let out = Command::new("ogr2ogr")
        .args(["-f", "GeoJSON"])
        .arg(&back)
        .arg(&kml)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&back).unwrap()).unwrap();
    let features = value["features"].as_array().unwrap();
    assert_eq!(features.len(), 10);
    let ged = features
        .iter()
        .find(|f| f["properties"]["id"] == "900104")
        .expect("the UCDP Marib event survives");
    assert_eq!(ged["geometry"]["coordinates"][0], 45.3258);
    assert_eq!(ged["geometry"]["coordinates"][1], 15.4625);
    assert_eq!(ged["properties"]["killed"], 37);
    assert_eq!(ged["properties"]["killed_high"], 60);
    let balloon = ged["properties"]["description"].as_str().unwrap();
    assert!(balloon.contains("37 according to UCDP GED"), "{balloon}");
    assert!(balloon.contains("Forces of the Houthis"), "{balloon}");
}

#[test]
fn ogrinfo_reads_the_geojson_of_acled_and_ucdp_input() {
    if !gdal_available() {
        return;
    }
    let (_dir, path) = export(&ACLED_UCDP, "incidents.geojson", &[]);
    let text = ogrinfo(&path, &[]);
    assert!(text.contains("Feature Count: 10"), "{text}");
    assert_fields(
        &text,
        &[
            ("date_start", "Date"),
            ("killed", "Integer"),
            ("figures", "String(JSON)"),
            ("admin2", "String"),
            ("dyad_name", "String"),
        ],
    );
}

#[test]
fn ogrinfo_reads_the_pretty_geojson_with_its_bbox_last() {
    if !gdal_available() {
        return;
    }
    let (_dir, target) = export(&ACLED_UCDP, "pretty.geojson", &["--pretty"]);
    let text = ogrinfo(&target, &[]);
    assert!(text.contains("Feature Count: 10"), "{text}");
    assert_fields(&text, &[("date_start", "Date"), ("killed", "Integer")]);
    let bytes = std::fs::read(&target).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.contains("\n    {\n      \"type\": \"Feature\""),
        "{text}"
    );
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["bbox"][0], 38.8623);
    assert_eq!(value["bbox"][3], 36.8503);
    let last_key = value
        .as_object()
        .unwrap()
        .keys()
        .next_back()
        .unwrap()
        .clone();
    assert_eq!(last_key, "bbox");
}

#[test]
fn ogrinfo_reads_every_feature_with_typed_fields() {
    if !gdal_available() {
        return;
    }
    let (_dir, path) = export(&["incidents.csv"], "incidents.geojson", &[]);
    let text = ogrinfo(&path, &[]);
    assert!(text.contains("Geometry: Point"), "{text}");
    assert!(text.contains("Feature Count: 4"), "{text}");
    assert!(text.contains("ID[\"EPSG\",4326]"), "{text}");
    for (field, kind) in [
        ("id", "String"),
        ("date_start", "Date"),
        ("date_end", "Date"),
        ("place", "String"),
        ("country", "String"),
        ("event_type", "String"),
        ("killed", "Integer"),
        ("escaped", "Integer"),
        ("escaped_high", "Integer"),
        ("detained", "Integer"),
        ("figures", "String(JSON)"),
    ] {
        let line = format!("\n{field}: {kind} ");
        assert!(text.contains(&line), "field {field} is not {kind}:\n{text}");
    }
}

#[test]
fn the_flat_form_has_no_json_fields() {
    if !gdal_available() {
        return;
    }
    let (_dir, path) = export(&["incidents.csv"], "incidents.geojson", &["--flat"]);
    let text = ogrinfo(&path, &[]);
    assert!(text.contains("Feature Count: 4"), "{text}");
    assert!(!text.contains("String(JSON)"), "{text}");
}
