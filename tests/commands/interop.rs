//! Interoperability through the binary: ACLED, UCDP GED, GeoJSON and messy CSV in; GeoJSON,
//! CSV, KML and JSON Lines out; filters; round trips; every rejected row reported by line.
//! (The checks with GDAL's own readers are in `tests/commands/interop_gdal.rs`.)

use crate::common::{fixture, incimap, jsonl, stderr};

#[test]
fn acled_and_ucdp_exports_are_detected_and_mapped() {
    let dir = tempfile::tempdir().unwrap();
    let acled = fixture("acled-sample.csv");
    let ucdp = fixture("ucdp-ged-sample.csv");
    let out = incimap(&["export", &acled, &ucdp, "-o", "all.jsonl"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = jsonl(&dir.path().join("all.jsonl"));
    assert_eq!(rows.len(), 10);
    let suluk = &rows[0];
    assert_eq!(suluk["id"], "SYR900001");
    assert_eq!(suluk["place"]["country_code"], "SY");
    assert_eq!(suluk["place"]["precision"], "town");
    assert_eq!(suluk["figures"][0]["best"], 7);
    assert_eq!(suluk["place"]["admin2"], "Tell Abiad");
    let camp = &rows[1];
    assert_eq!(camp["date"]["precision"], "week");
    assert_eq!(camp["date"]["start"], "2019-10-10");
    assert_eq!(camp["date"]["end"], "2019-10-16");
    assert_eq!(camp["place"]["precision"], "near_town");
    let mosul = &rows[5];
    assert_eq!(mosul["place"]["country_code"], "IQ");
    assert_eq!(mosul["date"]["precision"], "month");
    assert_eq!(mosul["date"]["start"], "2022-01-01");
    assert_eq!(mosul["place"]["precision"], "admin1");
    let ged = &rows[6];
    assert_eq!(ged["id"], "900101");
    let killed = &ged["figures"][0];
    assert_eq!(
        (
            killed["low"].as_u64(),
            killed["best"].as_u64(),
            killed["high"].as_u64()
        ),
        (Some(9), Some(9), Some(12))
    );
    assert_eq!(killed["parts"].as_array().unwrap().len(), 4);
    assert_eq!(killed["parts"][0]["subject"], "Government of Syria");
    assert_eq!(killed["claims"][0]["source"], "UCDP GED");
    let range = &rows[7];
    assert_eq!(range["date"]["start"], "2019-10-14");
    assert_eq!(range["date"]["end"], "2019-10-18");
    assert_eq!(range["event_type"], "Violence against civilians");
    assert_eq!(rows[8]["place"]["precision"], "admin1");
    assert_eq!(rows[9]["place"]["country_code"], "YE");
}

#[test]
fn every_format_round_trips_back_to_the_same_incidents() {
    let dir = tempfile::tempdir().unwrap();
    // Lists whose items hold the separator, edge spaces or a bracket must survive too.
    let out = incimap(
        &["export", &fixture("incidents.csv"), "-o", "base.jsonl"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let base = std::fs::read_to_string(dir.path().join("base.jsonl")).unwrap();
    let mut odd: serde_json::Value = serde_json::from_str(base.lines().next().unwrap()).unwrap();
    odd["id"] = "odd-lists".into();
    odd["actors"] = serde_json::json!(["Ahrar al-Sham; allies", " padded ", "SDF"]);
    odd["tags"] = serde_json::json!(["[bracketed"]);
    // Extras named like the writer's own properties keep their names through every format.
    odd["extra"] = serde_json::json!({
        "title": "a column called title",
        "extra_title": 7,
        "figures": "not the figures",
        "escaped_low": "x",
        "analyst": "JB"
    });
    std::fs::write(dir.path().join("odd.jsonl"), format!("{odd}\n")).unwrap();
    let odd_path = dir.path().join("odd.jsonl").display().to_string();
    let inputs = [
        fixture("acled-sample.csv"),
        fixture("ucdp-ged-sample.csv"),
        fixture("incidents.csv"),
        odd_path,
    ];
    let mut args: Vec<&str> = vec!["export"];
    args.extend(inputs.iter().map(String::as_str));
    let run = |extra: &[&str]| {
        let mut all = args.clone();
        all.extend_from_slice(extra);
        let out = incimap(&all, dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    };
    run(&["-o", "direct.jsonl"]);
    run(&["-o", "out.csv"]);
    run(&["-o", "out.geojson"]);
    run(&["-o", "pretty.geojson", "--pretty"]);
    for (from, to) in [
        ("out.csv", "via-csv.jsonl"),
        ("out.geojson", "via-geojson.jsonl"),
        ("pretty.geojson", "via-pretty.jsonl"),
    ] {
        let out = incimap(&["export", from, "-o", to], dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let direct = std::fs::read_to_string(dir.path().join("direct.jsonl")).unwrap();
        let again = std::fs::read_to_string(dir.path().join(to)).unwrap();
        assert_eq!(direct, again, "{from} does not re-import exactly");
    }
    // And the CSV of the re-imported CSV is the same file.
    let out = incimap(&["export", "out.csv", "-o", "again.csv"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(dir.path().join("out.csv")).unwrap(),
        std::fs::read(dir.path().join("again.csv")).unwrap()
    );
}

#[test]
fn streaming_output_equals_the_sorted_writer_for_sorted_input() {
    let dir = tempfile::tempdir().unwrap();
    let table = fixture("acled-sample.csv");
    let sort = ["export", &table, "-o", "sorted-input.jsonl", "--sorted"];
    assert_eq!(incimap(&sort, dir.path()).status.code(), Some(0));
    let acled = "sorted-input.jsonl".to_string();
    for flat in [false, true] {
        let mut a = vec!["export", acled.as_str(), "-o", "stream.geojson"];
        let mut b = vec!["export", acled.as_str(), "-o", "sorted.geojson", "--sorted"];
        if flat {
            a.push("--flat");
            b.push("--flat");
        }
        assert_eq!(incimap(&a, dir.path()).status.code(), Some(0));
        assert_eq!(incimap(&b, dir.path()).status.code(), Some(0));
        let stream = std::fs::read(dir.path().join("stream.geojson")).unwrap();
        let sorted = std::fs::read(dir.path().join("sorted.geojson")).unwrap();
        assert!(stream == sorted, "streamed GeoJSON differs (flat: {flat})");
    }
}

#[test]
fn filters_keep_what_they_say() {
    let dir = tempfile::tempdir().unwrap();
    let acled = fixture("acled-sample.csv");
    let ucdp = fixture("ucdp-ged-sample.csv");
    let count = |extra: &[&str]| -> usize {
        let mut args = vec!["export", acled.as_str(), ucdp.as_str(), "-o", "f.jsonl"];
        args.extend_from_slice(extra);
        let out = incimap(&args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        jsonl(&dir.path().join("f.jsonl")).len()
    };
    assert_eq!(count(&[]), 10);
    assert_eq!(count(&["--country", "SY"]), 7);
    assert_eq!(count(&["--since", "2022-01-01"]), 3);
    assert_eq!(count(&["--until", "2019-10"]), 5);
    assert_eq!(count(&["--min", "killed=10"]), 3);
    assert_eq!(
        count(&["--event-type", "Battles", "--event-type", "Protests"]),
        6
    );
    assert_eq!(count(&["--event-type", "Armed clash"]), 2);
    assert_eq!(
        count(&[
            "--since",
            "2019-10-01",
            "--country",
            "SY",
            "--min",
            "killed=10"
        ]),
        2
    );
    let out = incimap(
        &["export", &acled, "-o", "x.jsonl", "--min", "killed"],
        dir.path(),
    );
    // A usage error (64), not a failure of the run (1) nor a partial one (2).
    assert_eq!(out.status.code(), Some(64));
    assert!(
        stderr(&out).contains("--min: expected MEASURE=N"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn messy_rows_are_reported_by_line_and_written_to_the_errors_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = incimap(
        &[
            "export",
            &fixture("acled-messy.csv"),
            "-o",
            "m.jsonl",
            "--errors",
            "rejected.csv",
        ],
        dir.path(),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    // The BOM is gone, the quoted note with a line break and commas stays one record, the CRLF
    // line ends do not shift the line numbers, the empty coordinates are looked up by name.
    assert!(
        err.contains("acled-messy.csv:5: column 'longitude/latitude'")
            && err.contains("look swapped"),
        "{err}"
    );
    assert!(
        err.contains("acled-messy.csv:6: column 'fatalities'"),
        "{err}"
    );
    // The one numeric date can only be day-first: the column is read so, and said once.
    assert!(
        err.contains("column 'event_date' read day-first") && err.contains("--date-format"),
        "{err}"
    );
    let rows = jsonl(&dir.path().join("m.jsonl"));
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2]["date"]["start"], "2019-10-16");
    assert_eq!(rows[0]["id"], "SYR910001");
    assert_eq!(rows[0]["date"]["start"], "2019-10-13");
    assert_eq!(
        rows[0]["description"],
        "Clashes, then a retreat.\nA second line of notes, with \"quotes\"."
    );
    assert!(rows[1]["place"]["gazetteer_id"].is_string(), "{}", rows[1]);
    let rejected = std::fs::read_to_string(dir.path().join("rejected.csv")).unwrap();
    let lines: Vec<&str> = rejected.lines().collect();
    assert_eq!(lines[0], "file,line,column,reason,record");
    assert_eq!(lines.len(), 3, "{rejected}");
    assert!(
        lines[1].contains(",5,longitude/latitude,") && lines[1].contains("SYR910003"),
        "{rejected}"
    );
}

#[test]
fn dutch_semicolon_files_read_with_a_date_format() {
    let dir = tempfile::tempdir().unwrap();
    let nl = fixture("nl-semicolon.csv");
    // Without --date-format the column settles it: 13, 14 and 15 can only be days.
    let out = incimap(&["export", &nl, "-o", "nl.jsonl"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("read day-first"), "{}", stderr(&out));
    assert_eq!(
        jsonl(&dir.path().join("nl.jsonl"))[0]["date"]["start"],
        "2019-10-13"
    );
    let out = incimap(
        &["export", &nl, "-o", "nl.jsonl", "--date-format", "%d-%m-%Y"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = jsonl(&dir.path().join("nl.jsonl"));
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["date"]["start"], "2019-10-13");
    assert_eq!(rows[0]["place"]["lat"], 36.596);
    assert_eq!(rows[0]["description"], "Gevechten; stad ingenomen");
    let out = incimap(
        &[
            "export",
            &nl,
            "-o",
            "x.jsonl",
            "--delimiter",
            ",",
            "--date-format",
            "%d-%m-%Y",
        ],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "a forced wrong delimiter finds no date column"
    );
}

#[test]
fn other_peoples_geojson_points_keep_their_properties() {
    let dir = tempfile::tempdir().unwrap();
    let out = incimap(
        &[
            "export",
            &fixture("foreign-points.geojson"),
            "-o",
            "p.jsonl",
        ],
        dir.path(),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("feature #3") && err.contains("look swapped"),
        "{err}"
    );
    assert!(
        err.contains("feature #4: expected a Point geometry, got LineString"),
        "{err}"
    );
    let rows = jsonl(&dir.path().join("p.jsonl"));
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["id"], "17");
    assert_eq!(rows[0]["title"], "Suluk");
    assert_eq!(rows[0]["extra"]["severity"], 3.5);
    assert_eq!(rows[0]["extra"]["verified"], true);
    let measures: Vec<&str> = rows[0]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["measure"].as_str().unwrap())
        .collect();
    assert_eq!(measures, ["killed", "displaced"]);
    assert_eq!(rows[1]["date"]["start"], "2019-10-14");
    assert_eq!(rows[2]["date"]["precision"], "unknown");
}

#[test]
fn csv_and_kml_go_to_stdout_with_to() {
    let dir = tempfile::tempdir().unwrap();
    let acled = fixture("acled-sample.csv");
    let out = incimap(&["export", &acled, "--to", "csv", "-o", "-"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("event_id_cnty,title,event_date,date_end,year,time_precision,"));
    assert_eq!(text.lines().count(), 7);
    let out = incimap(&["export", &acled, "--to", "kml", "-o", "-"], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("<Placemark>").count(), 6);
    assert!(
        text.contains("7 according to Syrian Observatory for Human Rights"),
        "{text}"
    );
    let out = incimap(&["export", &acled, "--to", "shp", "-o", "-"], dir.path());
    assert_eq!(out.status.code(), Some(64));
    assert!(stderr(&out).contains("--to: expected geojson, csv, kml, jsonl or geoparquet"));
}
