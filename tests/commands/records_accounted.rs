//! Every record ends up in the output or in `--errors` (issue 11): unlocated records, an
//! unterminated quote, rows with the wrong number of fields, invalid UTF-8 lines, GeoJSON
//! features with bad figures or members given twice, and inputs given twice or through a
//! link loop, each through the CLI.

use crate::common::{incimap, stderr};

use std::path::Path;

/// `--errors` rows: (line, reason, record).
fn error_rows(path: &Path) -> Vec<(String, String, String)> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[1].to_string(), r[3].to_string(), r[4].to_string())
        })
        .collect()
}

fn features(path: &Path) -> Vec<serde_json::Value> {
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    value["features"].as_array().unwrap().clone()
}

/// Runs `export FILE -o out.geojson --errors errors.csv` on `text` in a fresh folder.
fn export(name: &str, text: &[u8]) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    let out = incimap(
        &[
            "export",
            name,
            "-o",
            "out.geojson",
            "--errors",
            "errors.csv",
        ],
        dir.path(),
    );
    (dir, out)
}

#[test]
fn unlocated_records_go_to_the_errors_file_with_their_raw_row() {
    let text = "date,place,killed\n2019-10-13,Suluk,3\n2019-10-14,Xqzzyville,5\n";
    let (dir, out) = export("t.csv", text.as_bytes());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(features(&dir.path().join("out.geojson")).len(), 1);
    let rows = error_rows(&dir.path().join("errors.csv"));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, "3");
    assert!(
        rows[0].1.starts_with("not located: place \"Xqzzyville\""),
        "{rows:?}"
    );
    assert_eq!(rows[0].2, "2019-10-14,Xqzzyville,5");
    // A feature without a geometry whose place is unknown: in --errors too.
    let geojson = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":null,"properties":{"place":"Xqzzyville","date":"2020-01-02"}},
        {"type":"Feature","geometry":{"type":"Point","coordinates":[39.1,36.6]},"properties":{"date":"2020-01-02"}}]}"#;
    let (dir, out) = export("p.geojson", geojson.as_bytes());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(features(&dir.path().join("out.geojson")).len(), 1);
    let rows = error_rows(&dir.path().join("errors.csv"));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].2.contains("Xqzzyville"), "{rows:?}");
}

#[test]
fn an_unterminated_quote_is_reported_where_it_opened_and_the_rest_still_loads() {
    let text =
        "date,place,notes\n2019-10-13,Suluk,\"two\nlines\"\n2019-10-14,Hasakah,\"never closed\n\
2019-10-15,Raqqa,after\n2019-10-16,Suluk,fine\n";
    let (dir, out) = export("q.csv", text.as_bytes());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("q.csv:4: a quote opened on line 4 never closes"),
        "{err}"
    );
    let places: Vec<String> = features(&dir.path().join("out.geojson"))
        .iter()
        .map(|f| f["properties"]["place"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(places, ["Suluk", "Raqqa", "Suluk"]);
    let rows = error_rows(&dir.path().join("errors.csv"));
    assert_eq!(rows.len(), 1, "{rows:?}");
}

#[test]
fn rows_with_too_few_or_too_many_fields_are_rejected_with_the_counts() {
    let text =
        "date,place,killed\n2019-10-13,Suluk,3\n2019-10-14,Suluk\n2019-10-15,Suluk,4,extra\n";
    let (dir, out) = export("f.csv", text.as_bytes());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("f.csv:3: expected 3 fields, as in the header, got 2"),
        "{err}"
    );
    assert!(
        err.contains("f.csv:4: expected 3 fields, as in the header, got 4"),
        "{err}"
    );
    assert_eq!(features(&dir.path().join("out.geojson")).len(), 1);
    let rows = error_rows(&dir.path().join("errors.csv"));
    assert_eq!(rows[0].2, "2019-10-14,Suluk");
    // An ACLED row cut short loses its fatalities: rejected, not kept without them.
    let acled = "event_id_cnty,event_date,event_type,location,latitude,longitude,fatalities\n\
SYR1,2019-10-13,Battles,Suluk,36.6,39.1\n";
    let (_dir, out) = export("a.csv", acled.as_bytes());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("expected 7 fields"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn invalid_utf8_rejects_the_json_line() {
    let good = r#"{"id":"a","title":"t","date":{"start":"2019-10-13","end":"2019-10-13","precision":"day"},"place":{"name":"Suluk","lon":39.1,"lat":36.6,"precision":"town"}}"#;
    let mut text = format!("{good}\n").into_bytes();
    let (head, tail) = good.split_at(8);
    text.extend_from_slice(head.as_bytes());
    text.push(0xFF);
    text.extend_from_slice(tail.replacen('a', "b", 1).as_bytes());
    text.push(b'\n');
    let (dir, out) = export("l.jsonl", &text);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("l.jsonl:2: invalid UTF-8"), "{err}");
    assert_eq!(features(&dir.path().join("out.geojson")).len(), 1);
    assert_eq!(error_rows(&dir.path().join("errors.csv")).len(), 1);
}

#[test]
fn geojson_errors_stay_with_their_feature() {
    let feature = |killed: &str| {
        format!(
            r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[39.1,36.6]}},"properties":{{"date":"2020-01-02","place":"Suluk","killed":{killed}}}}}"#
        )
    };
    let values = [
        "3", "-5", "2.7", "\"NaN\"", "1e20", "1e309", "\"700+\"", "12",
    ];
    let list: Vec<String> = values.iter().map(|v| feature(v)).collect();
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        list.join(",")
    );
    let (dir, out) = export("g.geojson", text.as_bytes());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let kept: Vec<u64> = features(&dir.path().join("out.geojson"))
        .iter()
        .map(|f| f["properties"]["killed"].as_u64().unwrap())
        .collect();
    assert_eq!(kept, [3, 700, 12]);
    for n in [2, 3, 4, 5, 6] {
        assert!(err.contains(&format!("feature #{n}: ")), "{err}");
    }
    assert!(err.contains("expected a whole number of people"), "{err}");
    // A member given twice makes the file unreadable: said so, nothing silently dropped.
    let twice = r#"{"type":"FeatureCollection","features":[],"features":[]}"#;
    let (_dir, out) = export("d.geojson", twice.as_bytes());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("\"features\" is given twice"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn a_link_loop_or_a_file_given_twice_is_read_once_and_fifos_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("a.csv"), "date,place\n2019-10-13,Suluk\n").unwrap();
    std::os::unix::fs::symlink("..", data.join("up")).unwrap();
    std::os::unix::fs::symlink(".", data.join("here")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(data.join("blocked.csv"))
        .status()
        .is_ok_and(|s| s.success());
    let out = incimap(
        &["export", "data", "data/a.csv", "-o", "out.geojson"],
        dir.path(),
    );
    let err = stderr(&out);
    assert_eq!(features(&dir.path().join("out.geojson")).len(), 1, "{err}");
    if made {
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("blocked.csv: skipped: not a regular file"),
            "{err}"
        );
    } else {
        assert_eq!(out.status.code(), Some(0), "{err}");
    }
}
