//! Reports of one event from several sources become one incident (`extract`, `export`, `map`):
//! every claim kept with its document, near-misses kept apart and explained, the same result
//! in any input order. Articles and table rows written for these tests
//! (`tests/fixtures/merge/`).

use crate::common::{fixture, incimap, stderr};
use serde_json::Value;

fn merge_fixture(name: &str) -> String {
    fixture(&format!("merge/{name}"))
}

fn lines(out: &std::process::Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn extract_json(args: &[&str]) -> Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut all = vec!["extract", "--format", "json"];
    all.extend(args);
    let out = incimap(&all, dir.path());
    assert!(
        out.status.code().is_some_and(|c| c <= 2),
        "{}",
        stderr(&out)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

/// The documents the claims of a figure were read from.
fn claim_files(figure: &Value) -> Vec<String> {
    let mut files: Vec<String> = figure["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| {
            c["document"]["file"]
                .as_str()
                .expect("a document")
                .to_string()
        })
        .collect();
    files.sort();
    files.dedup();
    files
}

#[test]
fn three_reports_of_one_attack_become_one_incident_with_every_claim() {
    let files = ["market-first.txt", "market-second.txt", "market-third.txt"].map(merge_fixture);
    let dir = tempfile::tempdir().expect("tempdir");
    let mut args = vec!["extract"];
    args.extend(files.iter().map(String::as_str));
    let out = incimap(&args, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let incidents = lines(&out);
    assert_eq!(incidents.len(), 1, "{incidents:#?}");
    let inc = &incidents[0];
    // The day the first two reports give, although the third only has its publication day.
    assert_eq!(inc["date"]["start"], "2023-03-09");
    assert_eq!(inc["date"]["end"], "2023-03-09");
    let killed = inc["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .find(|f| f["measure"] == "killed")
        .expect("a killed figure");
    // Every claim, each with its own document; the range spans them, the best estimate is
    // the most conservative one.
    let values: Vec<u64> = killed["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["value"].as_u64().expect("value"))
        .collect();
    assert_eq!(values.len(), 3, "{killed:#}");
    for v in [30, 12, 19] {
        assert!(values.contains(&v), "{values:?}");
    }
    assert_eq!(claim_files(killed).len(), 3, "{killed:#}");
    assert_eq!(
        (killed["low"].as_u64(), killed["best"].as_u64()),
        (Some(12), Some(12))
    );
    assert_eq!(killed["high"].as_u64(), Some(30));
    let published: Vec<&str> = killed["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["document"]["published"]["start"].as_str())
        .collect();
    assert!(published.contains(&"2023-03-11"), "{published:?}");
    assert_eq!(inc["sources"].as_array().map(Vec::len), Some(3));
    let title = inc["title"].as_str().expect("title");
    assert!(title.contains("12–30 killed"), "{title}");
    assert!(
        stderr(&out).contains("3 reports merged into 1 incident(s)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn two_attacks_in_one_town_a_week_apart_stay_two() {
    let json = extract_json(&[
        &merge_fixture("market-first.txt"),
        &merge_fixture("market-next-week.txt"),
    ]);
    assert_eq!(json["incidents"].as_array().map(Vec::len), Some(2));
    let apart = &json["merging"]["kept_apart"];
    assert_eq!(apart.as_array().map(Vec::len), Some(1), "{apart:#}");
    let why = apart[0]["why"].to_string();
    assert!(why.contains("7 days apart"), "{why}");
    assert!(
        apart[0]["alike"].to_string().contains("same place"),
        "{apart:#}"
    );
}

#[test]
fn strikes_in_two_districts_of_one_city_on_one_day_stay_apart() {
    let json = extract_json(&[
        &merge_fixture("district-east.txt"),
        &merge_fixture("district-west.txt"),
    ]);
    assert_eq!(json["incidents"].as_array().map(Vec::len), Some(2));
    let why = json["merging"]["kept_apart"][0]["why"].to_string();
    assert!(why.contains("different districts"), "{why}");
}

#[test]
fn the_json_output_says_what_merged_and_why() {
    let json = extract_json(&[
        &merge_fixture("market-second.txt"),
        &merge_fixture("market-first.txt"),
        &merge_fixture("market-next-week.txt"),
    ]);
    let merging = &json["merging"];
    assert_eq!(merging["reports"], 3);
    assert_eq!(merging["incidents"], 2);
    let note = &merging["merged"][0];
    assert_eq!(note["reports"].as_array().map(Vec::len), Some(2));
    let reasons = note["reasons"].to_string();
    for why in ["same place", "event type"] {
        assert!(reasons.contains(why), "{reasons}");
    }
    // Both reports name the Thursday (one only in the sentence that places the shooting):
    // the same day.
    assert!(reasons.contains("same date (2023-03-09)"), "{reasons}");
    let merged_id = note["incident"].as_str().expect("the merged id");
    assert!(json["incidents"]
        .as_array()
        .expect("incidents")
        .iter()
        .any(|i| i["id"] == merged_id));
}

#[test]
fn explain_names_the_reports_of_each_merged_incident() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = incimap(
        &[
            "extract",
            "--explain",
            &merge_fixture("market-first.txt"),
            &merge_fixture("market-second.txt"),
            &merge_fixture("market-next-week.txt"),
        ],
        dir.path(),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Merged into inc-"), "{text}");
    assert!(
        text.contains("market-first.txt") && text.contains("because:"),
        "{text}"
    );
    assert!(
        text.contains("Kept apart:") && text.contains("days apart"),
        "{text}"
    );
}

#[test]
fn no_merge_keeps_every_report_apart() {
    let json = extract_json(&[
        "--no-merge",
        &merge_fixture("market-first.txt"),
        &merge_fixture("market-second.txt"),
        &merge_fixture("market-third.txt"),
    ]);
    assert_eq!(json["incidents"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["merging"]["merged"].as_array().map(Vec::len), Some(0));
}

fn export(args: &[&str]) -> Vec<Value> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("out.jsonl");
    let mut all = vec!["export", "-o", path.to_str().expect("utf-8 path")];
    all.extend(args);
    let out = incimap(&all, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    crate::common::jsonl(&path)
}

#[test]
fn an_acled_row_and_a_ucdp_row_of_one_event_merge_only_with_merge() {
    let (acled, ucdp) = (
        merge_fixture("acled-pair.csv"),
        merge_fixture("ucdp-pair.csv"),
    );
    // Tables alone do not merge by default: their coders de-duplicate their own rows.
    assert_eq!(export(&[&acled, &ucdp]).len(), 3);
    let merged = export(&["--merge", &acled, &ucdp]);
    assert_eq!(merged.len(), 2, "{merged:#?}");
    let event = merged
        .iter()
        .find(|i| i["id"].as_str().is_some_and(|id| id.starts_with("inc-")))
        .expect("the merged incident");
    let killed = &event["figures"][0];
    let mut outlets: Vec<&str> = killed["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["document"]["outlet"].as_str().expect("an outlet"))
        .collect();
    outlets.sort();
    assert_eq!(outlets, ["ACLED", "UCDP GED"]);
    let records: Vec<&str> = killed["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["document"]["record"].as_str())
        .collect();
    assert!(records.contains(&"COD900001") && records.contains(&"900301"));
    // ACLED says 14, UCDP GED 16 (14–20): the range spans both, the best is the lowest.
    assert_eq!(killed["low"], 14);
    assert_eq!(killed["best"], 14);
    assert_eq!(killed["high"], 20);
    let sources = event["sources"].to_string();
    assert!(
        sources.contains("\"ACLED\"") && sources.contains("UCDP GED"),
        "{sources}"
    );
    // The other ACLED row, in a town 24 km away, stays apart.
    assert!(merged.iter().any(|i| i["id"] == "COD900002"));
}

#[test]
fn rows_of_different_precision_merge_where_figures_and_divisions_agree() {
    let (acled, ucdp) = (
        merge_fixture("acled-coarse.csv"),
        merge_fixture("ucdp-coarse.csv"),
    );
    assert_eq!(export(&[&acled, &ucdp]).len(), 5);
    let merged = export(&["--merge", &acled, &ucdp]);
    let records = |i: &Value| -> Vec<String> {
        let mut r: Vec<String> = i["figures"][0]["claims"]
            .as_array()
            .map(|c| {
                c.iter()
                    .filter_map(|c| c["document"]["record"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        r.sort();
        r
    };
    let groups: Vec<Vec<String>> = merged.iter().map(records).collect();
    // The province-wide UCDP GED row (35 killed) is the ACLED town row of that province
    // and day with 31 killed, not the one with 4.
    assert!(
        groups.contains(&vec!["900401".into(), "COD900101".into()]),
        "{groups:?}"
    );
    // A district-level row dated over three days ("Torembe territory") is the ACLED row of
    // that district ("Torembe") on the middle day.
    assert!(
        groups.contains(&vec!["900402".into(), "COD900103".into()]),
        "{groups:?}"
    );
    assert!(merged.iter().any(|i| i["id"] == "COD900102"));
    assert_eq!(merged.len(), 3, "{merged:#?}");
    // `-v` explains the merges and the row kept apart.
    let dir = tempfile::tempdir().expect("tempdir");
    let out_path = dir.path().join("out.geojson");
    let out = incimap(
        &[
            "export",
            "--merge",
            "-v",
            "-o",
            out_path.to_str().expect("utf-8"),
            &acled,
            &ucdp,
        ],
        dir.path(),
    );
    let err = stderr(&out);
    assert!(
        err.contains("a province-wide report (Kivala province)"),
        "{err}"
    );
    assert!(err.contains("Kept apart"), "{err}");
}

#[test]
fn input_order_does_not_change_the_merged_incidents() {
    let (acled, ucdp) = (
        merge_fixture("acled-pair.csv"),
        merge_fixture("ucdp-pair.csv"),
    );
    let sorted = |mut v: Vec<Value>| {
        v.sort_by_key(|i| i["id"].to_string());
        v
    };
    let one = sorted(export(&["--merge", &acled, &ucdp]));
    let other = sorted(export(&["--merge", &ucdp, &acled]));
    assert_eq!(one, other);
    let files = ["market-third.txt", "market-first.txt", "market-second.txt"].map(merge_fixture);
    let forward = extract_json(&[&files[0], &files[1], &files[2]]);
    let backward = extract_json(&[&files[2], &files[1], &files[0]]);
    assert_eq!(forward["incidents"], backward["incidents"]);
}

#[test]
fn the_map_draws_one_symbol_per_event_with_every_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = incimap(
        &[
            "map",
            "--format",
            "svg,geojson",
            "--size-by",
            "killed",
            "-o",
            "out",
            &merge_fixture("market-first.txt"),
            &merge_fixture("market-second.txt"),
            &merge_fixture("market-third.txt"),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let geojson: Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("out/incidents.geojson")).expect("the GeoJSON"),
    )
    .expect("GeoJSON");
    let features = geojson["features"].as_array().expect("features");
    assert_eq!(features.len(), 1);
    let sources = features[0]["properties"]["sources"]
        .as_array()
        .expect("sources");
    assert_eq!(sources.len(), 3);
    let svg = std::fs::read_to_string(dir.path().join("out/map.svg")).expect("the SVG");
    assert!(
        svg.contains("12–30"),
        "the label gives the range across sources"
    );
}

#[test]
fn filters_apply_to_the_merged_incident_not_to_its_reports() {
    let files = ["market-first.txt", "market-second.txt", "market-third.txt"].map(merge_fixture);
    let run = |least: &str| {
        let mut args = vec!["--min", least];
        args.extend(files.iter().map(String::as_str));
        export(&args)
    };
    // The conservative best of the merged incident is 12: kept whole at 12, with every claim …
    let kept = run("killed=12");
    assert_eq!(kept.len(), 1);
    assert_eq!(
        kept[0]["figures"][0]["claims"].as_array().map(Vec::len),
        Some(3)
    );
    // … and left out whole at 15 (filtering the reports first would have dropped the report
    // of 12 and kept the others, merged without its claim).
    assert!(run("killed=15").is_empty());
}

#[test]
fn the_table_shows_one_row_per_event() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = ["market-first.txt", "market-second.txt", "market-third.txt"].map(merge_fixture);
    let mut args = vec!["extract", "--format", "table"];
    args.extend(files.iter().map(String::as_str));
    let out = incimap(&args, dir.path());
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{text}");
    assert!(rows[0].contains("12–30 killed"), "{text}");
}

#[test]
fn a_report_without_a_day_overlaps_the_day_before_it_appeared() {
    // The undated report's span is the day it appeared and the day before: it overlaps the
    // other report's Thursday.
    let json = extract_json(&[
        &merge_fixture("market-undated.txt"),
        &merge_fixture("market-first.txt"),
    ]);
    assert_eq!(json["merging"]["incidents"], 1, "{:#}", json["merging"]);
    let reasons = json["merging"]["merged"][0]["reasons"].to_string();
    assert!(reasons.contains("overlapping dates"), "{reasons}");
}
