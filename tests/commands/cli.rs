//! End-to-end tests of the `incimap` binary: the main command on the embedded defaults,
//! bad input with line-numbered errors and exit code 2, JSON Lines round trips, determinism.

use crate::common::{fixture, incimap, stderr};

#[test]
fn map_on_the_embedded_example_writes_five_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let out = incimap(&["map"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let output = dir.path().join("output");
    let png = std::fs::read(output.join("map.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    // IHDR: width and height are the default 1600×1200.
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 1600);
    assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 1200);
    let svg = std::fs::read_to_string(output.join("map.svg")).unwrap();
    for needle in [
        "Ain Issa",
        "Hasakah",
        "Suluk",
        "Raqqa",
        "100–700+ escaped",
        "136+ killed",
        "GeoNames (CC BY 4.0)",
        "Natural Earth",
    ] {
        assert!(svg.contains(needle), "map.svg lacks {needle:?}");
    }
    let geojson: serde_json::Value =
        serde_json::from_slice(&std::fs::read(output.join("incidents.geojson")).unwrap()).unwrap();
    assert_eq!(geojson["features"].as_array().unwrap().len(), 3);
    assert!(geojson["attribution"]
        .as_str()
        .unwrap()
        .contains("GeoNames (CC BY 4.0)"));
    // No temporary files are left behind.
    let names: Vec<String> = std::fs::read_dir(&output)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 5, "{names:?}");
    let pdf = std::fs::read(output.join("map.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let html = std::fs::read_to_string(output.join("map.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Hasakah"));
}

#[test]
fn outputs_are_byte_identical_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let csv = fixture("incidents.csv");
    assert_eq!(
        incimap(&["map", &csv, "-o", "a"], dir.path()).status.code(),
        Some(0)
    );
    assert_eq!(
        incimap(&["map", &csv, "-o", "b"], dir.path()).status.code(),
        Some(0)
    );
    for name in [
        "map.svg",
        "incidents.geojson",
        "map.png",
        "map.pdf",
        "map.html",
    ] {
        let a = std::fs::read(dir.path().join("a").join(name)).unwrap();
        let b = std::fs::read(dir.path().join("b").join(name)).unwrap();
        assert!(a == b, "{name} differs between runs");
    }
}

#[test]
fn bad_csv_rows_are_reported_by_line_and_the_good_rows_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = incimap(
        &["export", &fixture("bad-rows.csv"), "-o", "out.geojson"],
        dir.path(),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("bad-rows.csv:3: column 'date': expected a date"),
        "{err}"
    );
    assert!(
        err.contains("bad-rows.csv:4: column 'killed': expected a whole number"),
        "{err}"
    );
    assert!(
        err.contains("bad-rows.csv:5: column 'event_type': expected one of"),
        "{err}"
    );
    assert!(
        err.contains("bad-rows.csv:6: column 'lon/lat'") && err.contains("look swapped"),
        "{err}"
    );
    assert!(err.contains("4 record(s) skipped"), "{err}");
    let geojson: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out.geojson")).unwrap()).unwrap();
    assert_eq!(geojson["features"].as_array().unwrap().len(), 2);
}

#[test]
fn json_lines_round_trip_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        incimap(
            &["export", &fixture("incidents.csv"), "-o", "one.jsonl"],
            dir.path()
        )
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        incimap(&["export", "one.jsonl", "-o", "two.jsonl"], dir.path())
            .status
            .code(),
        Some(0)
    );
    let one = std::fs::read(dir.path().join("one.jsonl")).unwrap();
    let two = std::fs::read(dir.path().join("two.jsonl")).unwrap();
    assert_eq!(one, two);
    assert_eq!(one.iter().filter(|&&b| b == b'\n').count(), 4);
}

#[test]
fn geojson_goes_to_stdout_with_dash() {
    let dir = tempfile::tempdir().unwrap();
    let out = incimap(&["export", "-o", "-"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["type"], "FeatureCollection");
}

#[test]
fn unusable_input_fails_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.csv"), "date,place\n").unwrap();
    let out = incimap(&["map", "empty.csv"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no incidents to map"),
        "{}",
        stderr(&out)
    );
    let out = incimap(&["map", "missing.csv"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("missing.csv: cannot read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn help_names_the_data_credits_and_examples() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["map", "export"] {
        let out = incimap(&[sub, "--help"], dir.path());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("Examples:") && text.contains("GeoNames (CC BY 4.0)"),
            "{sub}: {text}"
        );
    }
}

#[test]
fn other_peoples_geojson_sizes_and_labels_by_their_own_properties() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("theirs.geojson"),
        r#"{"type":"FeatureCollection","features":[
{"type":"Feature","geometry":{"type":"Point","coordinates":[36.2,33.5]},"properties":{"label_nl":"Kamp Noord","score":12000,"date":"2024-01-05"}},
{"type":"Feature","geometry":{"type":"Point","coordinates":[37.1,36.2]},"properties":{"label_nl":"Kamp Zuid","score":3000,"date":"2024-01-09"}}]}"#,
    )
    .unwrap();
    let out = incimap(
        &[
            "map",
            "theirs.geojson",
            "--size-by",
            "score",
            "--label",
            "label_nl",
            "--format",
            "svg",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("output/map.svg")).unwrap();
    assert!(
        svg.contains(">Kamp Noord</text>") && svg.contains(">12,000 score"),
        "labels"
    );
    let symbols = svg
        .split("<g id=\"symbols\"")
        .nth(1)
        .unwrap()
        .split("</g>")
        .next()
        .unwrap();
    let radii: Vec<f64> = symbols
        .split(" r=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect();
    assert_eq!(radii.len(), 2, "{symbols}");
    let ratio = (radii[0] / radii[1]).powi(2);
    assert!(
        (ratio - 4.0).abs() < 0.05,
        "areas 12000:3000 should be 4:1, got {ratio}"
    );
}

#[test]
fn a_directory_counts_as_the_files_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let tables = dir.path().join("tables");
    std::fs::create_dir(&tables).unwrap();
    for name in ["a.csv", "b.csv"] {
        std::fs::copy(fixture("incidents.csv"), tables.join(name)).unwrap();
    }
    let out = incimap(&["export", "tables", "-o", "all.jsonl"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("8 incident(s) read from 2 input(s)"),
        "{}",
        stderr(&out)
    );
}

/// Runs `incimap ARGS` with its standard output a pipe whose reading end is closed as soon as
/// the process starts (long before it has anything to write), as `incimap … | head -1` is once
/// `head` has its line.
fn into_a_closed_pipe(args: &[&str], cwd: &std::path::Path) -> std::process::Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_incimap"))
        .args(args)
        .current_dir(cwd)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let csv = fixture("incidents.csv");
    let article = fixture("articles/mosul-en.txt");
    for args in [
        vec!["geocode", "Hasakah", "Raqqa", "Aleppo", "--limit", "5"],
        vec!["export", &csv, "-o", "-"],
        vec!["export", &csv, "-o", "-", "--to", "csv"],
        vec!["extract", &article, "--format", "table"],
    ] {
        let out = into_a_closed_pipe(&args, dir.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            !err.contains("Broken pipe") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_bad_coordinate_cell_is_named_by_its_column_as_the_file_spells_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("events.csv"),
        "date,place,Longitude,Latitude\n\
         2022-01-20,Hasakah,40.75,36.5\n\
         2022-01-21,Raqqa,39.0,3x.95\n\
         2022-01-22,Suluk,,36.6\n\
         2022-01-23,Tabqa,38.5,195\n",
    )
    .unwrap();
    let acled = std::fs::read_to_string(fixture("acled-sample.csv")).unwrap();
    let mut lines: Vec<String> = acled.lines().map(str::to_string).collect();
    lines[1] = lines[1].replacen(",36.5960,", ",north,", 1);
    std::fs::write(dir.path().join("acled.csv"), lines.join("\n") + "\n").unwrap();
    let out = incimap(
        &["export", "events.csv", "acled.csv", "-o", "out.geojson"],
        dir.path(),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    for expected in [
        "events.csv:3: column 'Latitude': expected a latitude as a decimal number of degrees, got \"3x.95\"",
        "events.csv:4: column 'Longitude': expected a longitude with the latitude 36.6, or neither",
        "events.csv:5: column 'Latitude': expected a latitude in -90..90, got 195",
        "acled.csv:2: column 'latitude': expected a latitude as a decimal number of degrees, got \"north\"",
    ] {
        assert!(err.contains(expected), "{expected}\nnot in:\n{err}");
    }
}

#[test]
fn ids_do_not_depend_on_how_the_input_path_is_spelled() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("in");
    std::fs::create_dir(&sub).unwrap();
    std::fs::copy(fixture("articles/mosul-en.txt"), sub.join("report.txt")).unwrap();
    std::fs::write(
        sub.join("points.geojson"),
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[43.1,36.3]},"properties":{"date":"2020-01-01","title":"shelling"}}]}"#,
    )
    .unwrap();
    let absolute = sub.display().to_string();
    let ids = |folder: &str| -> Vec<String> {
        let report = format!("{folder}/report.txt");
        let points = format!("{folder}/points.geojson");
        let out = incimap(
            &["export", &report, &points, "-o", "-", "--to", "jsonl"],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        let rows = text
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap());
        rows.map(|row| row["id"].as_str().unwrap().to_string())
            .collect()
    };
    let plain = ids("in");
    assert!(plain.len() >= 2, "{plain:?}");
    for spelling in ["./in", "in/../in", &absolute] {
        assert_eq!(ids(spelling), plain, "{spelling}");
    }
}
