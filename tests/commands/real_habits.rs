//! The habits of real ACLED and UCDP GED exports, one test each, on small fixtures written in
//! the same shape: dates with a time part, spreadsheet dates, a column's day-first order, the
//! pre-2019 ACLED layout, missing values written NA/NULL/None/-, counts written 6.0, GED's
//! best outside low–high, GDAL's GeoJSON of a GED table; and the command-line habits around
//! them (a mistyped input, a binary file, `map` with export's input options).

use crate::common::{fixture, incimap, jsonl, stderr};

/// Exports one fixture to JSON Lines: the exit code, stderr and the incidents.
fn export(name: &str, extra: &[&str]) -> (Option<i32>, String, Vec<serde_json::Value>) {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture(name);
    let mut args = vec!["export", input.as_str(), "-o", "out.jsonl"];
    args.extend(extra);
    let out = incimap(&args, dir.path());
    let path = dir.path().join("out.jsonl");
    let rows = if path.exists() {
        jsonl(&path)
    } else {
        Vec::new()
    };
    (out.status.code(), stderr(&out), rows)
}

fn killed(row: &serde_json::Value) -> (u64, u64, u64) {
    let f = &row["figures"][0];
    let get = |k: &str| f[k].as_u64().unwrap();
    (get("low"), get("best"), get("high"))
}

#[test]
fn ucdp_dates_with_a_time_part_and_counts_written_as_floats() {
    let (code, err, rows) = export("ucdp-ged-timestamps.csv", &[]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["date"]["start"], "2019-10-13");
    assert_eq!(rows[0]["place"]["admin2"], "Tall Abyad district");
    assert_eq!(rows[1]["date"]["end"], "2019-10-18");
    assert_eq!(killed(&rows[1]), (6, 6, 8));
    // best 8 outside low 8 – high 7: kept, the range widened, one warning.
    assert_eq!(killed(&rows[2]), (7, 8, 8));
    assert!(err.contains("widened to 7–8"), "{err}");
}

#[test]
fn gdal_geojson_of_a_ged_table_reads_as_the_table() {
    let (code, err, rows) = export("ucdp-ged-gdal.geojson", &[]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["event_type"], "Battles");
    assert_eq!(rows[0]["place"]["country_code"], "CF");
    assert_eq!(killed(&rows[0]), (11, 11, 11));
    assert_eq!(rows[1]["date"]["end"], "2014-06-14");
    assert_eq!(killed(&rows[1]), (1, 2, 2));
    assert!(
        err.contains("feature #2: property \"best\"") && err.contains("widened"),
        "{err}"
    );
}

#[test]
fn spreadsheet_dates_and_time_precision_widen_the_span() {
    let (code, err, rows) = export("acled-spreadsheet-dates.csv", &[]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(rows[0]["date"]["start"], "2020-05-09");
    // time_precision 2: the seven days around the coded day; 3: its month.
    assert_eq!(rows[1]["date"]["start"], "2020-05-09");
    assert_eq!(rows[1]["date"]["end"], "2020-05-15");
    assert_eq!(rows[1]["date"]["precision"], "week");
    assert_eq!(rows[2]["date"]["start"], "2020-05-01");
    assert_eq!(rows[2]["date"]["end"], "2020-05-31");
    assert_eq!(rows[2]["place"]["admin3"], "Suluk");
}

#[test]
fn a_day_above_12_reads_the_whole_column_day_first_said_once() {
    let (code, err, rows) = export("acled-day-first.csv", &[]);
    assert_eq!(code, Some(0), "{err}");
    let starts: Vec<&str> = rows
        .iter()
        .map(|r| r["date"]["start"].as_str().unwrap())
        .collect();
    assert_eq!(starts, ["2019-12-01", "2019-12-31", "2020-01-02"]);
    assert_eq!(err.matches("read day-first").count(), 1, "{err}");
    assert!(err.contains("\"31-12-19\""), "{err}");
}

#[test]
fn an_ambiguous_column_still_needs_a_date_format() {
    let (code, err, rows) = export("ambiguous-dates.csv", &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(rows.is_empty());
    assert!(err.contains("--date-format"), "{err}");
    let (code, err, rows) = export("ambiguous-dates.csv", &["--date-format", "%d/%m/%Y"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(rows[0]["date"]["start"], "2019-02-01");
}

#[test]
fn the_pre_2019_acled_layout_maps_onto_the_current_taxonomy() {
    let (code, err, rows) = export("acled-2016-layout.csv", &[]);
    assert_eq!(code, Some(0), "{err}");
    let types: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["event_type"].as_str().unwrap(),
                r["sub_event_type"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        types,
        [
            ("Protests", ""),
            ("Riots", ""),
            ("Battles", "Armed clash"),
            ("Explosions/Remote violence", ""),
            ("Battles", "Government regains territory"),
            ("Strategic developments", "Headquarters or base established"),
        ]
    );
    assert_eq!(
        rows[0]["extra"]["acled_event_type_original"],
        "Riots/Protests"
    );
    assert_eq!(rows[0]["actors"][1], "Teachers (Kenya)");
    assert_eq!(rows[0]["extra"]["gwno"], "501");
    assert!(rows[0]["extra"].get("").is_none());
    assert_eq!(killed(&rows[2]).1, 3);
    assert!(rows[3]["figures"].as_array().is_none_or(|f| f.is_empty()));
}

#[test]
fn missing_values_stay_missing() {
    let (code, err, rows) = export("acled-missing-values.csv", &[]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        rows[0]["actors"],
        serde_json::json!(["Unidentified Armed Group (Benin)", "Civilians (Benin)"])
    );
    assert_eq!(killed(&rows[0]).1, 1);
    assert!(rows[0]["tags"].as_array().is_none_or(|t| t.is_empty()));
    assert!(rows[0]["place"].get("admin3").is_none());
    assert_eq!(rows[1]["actors"], serde_json::json!(["Protesters (Benin)"]));
    assert!(rows[1]["extra"].get("civilian_targeting").is_none());
    assert_eq!(rows[1]["place"]["admin3"], "Parakou");
}

#[test]
fn a_missing_input_leaves_the_output_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("out.geojson"), "yesterday's work").unwrap();
    let out = incimap(&["export", "typo.csv", "-o", "out.geojson"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("typo.csv: cannot read"),
        "{}",
        stderr(&out)
    );
    let kept = std::fs::read_to_string(dir.path().join("out.geojson")).unwrap();
    assert_eq!(kept, "yesterday's work");
    let out = incimap(&["map", "typo.csv", "-o", "maps"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("maps").exists());
}

#[test]
fn a_binary_file_is_echoed_escaped_and_short() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\x7fELF\x02\x01\x1b[31m".to_vec();
    bytes.extend(std::iter::repeat_n(b'x', 5000));
    bytes.extend(b"\xff\xfe\n\x00\x01");
    std::fs::write(dir.path().join("data.csv"), bytes).unwrap();
    let out = incimap(&["export", "data.csv", "-o", "out.geojson"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains('\x1b'), "{err}");
    assert!(
        err.contains("binary data") && err.contains("more characters"),
        "{err}"
    );
    assert!(err.len() < 1000, "{} bytes of stderr", err.len());
}

#[test]
fn map_takes_the_input_options_of_export() {
    let dir = tempfile::tempdir().unwrap();
    let acled = fixture("acled-sample.csv");
    let args = [
        "map",
        &acled,
        "-o",
        "out",
        "--format",
        "geojson",
        "--since",
        "2022",
        "--event-type",
        "Battles",
        "--errors",
        "rejected.csv",
    ];
    let out = incimap(&args, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("out/incidents.geojson")).unwrap();
    let map: serde_json::Value = serde_json::from_str(&text).unwrap();
    let features = map["features"].as_array().unwrap();
    assert!(!features.is_empty());
    for f in features {
        assert!(f["properties"]["date_end"].as_str().unwrap() >= "2022");
        assert_eq!(f["properties"]["event_type"], "Battles");
    }
    assert!(dir.path().join("rejected.csv").exists());
    let dates = fixture("ambiguous-dates.csv");
    let args = ["map", &dates, "-o", "out2", "--format", "geojson"];
    assert_eq!(incimap(&args, dir.path()).status.code(), Some(1));
    let with_format = [&args[..], &["--date-format", "%d/%m/%Y"]].concat();
    let out = incimap(&with_format, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn labels_that_did_not_fit_are_summarised_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut table = String::from("date,place,country,lon,lat,killed\n");
    for i in 0..400u32 {
        let lon = 39.0 + f64::from(i % 20) * 0.01;
        let lat = 36.0 + f64::from(i / 20) * 0.01;
        table.push_str(&format!(
            "2020-05-09,Site {i},SY,{lon:.2},{lat:.2},{}\n",
            1 + i % 37
        ));
    }
    std::fs::write(dir.path().join("dense.csv"), table).unwrap();
    let args = ["map", "dense.csv", "--format", "svg", "--aggregate", "none"];
    let out = incimap(&args, dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let summary: Vec<&str> = err.lines().filter(|l| l.contains("did not fit")).collect();
    assert_eq!(summary.len(), 1, "{err}");
    assert!(summary[0].contains("the largest unlabelled: Site"), "{err}");
    assert!(!err.contains("no room for the label"), "{err}");
    let verbose = incimap(&[&args[..], &["-v"]].concat(), dir.path());
    assert!(
        stderr(&verbose)
            .lines()
            .filter(|l| l.contains("no room for the label"))
            .count()
            > 1
    );
}
