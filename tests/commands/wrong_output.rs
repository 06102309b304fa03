//! Output that is right whatever the input holds (issue 11): characters XML forbids, counts
//! beyond reason, misspelt `--size-by` and `--label`, the exit codes, and messages that name
//! the column, say the OS error once, explain impossible dates and escape control characters.

use crate::common::{incimap, stderr};

fn write(dir: &std::path::Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// Runs `incimap ARGS` in `dir`, asserts its exit code and returns its stderr.
fn expect_exit(code: i32, args: &[&str], dir: &std::path::Path) -> String {
    let out = incimap(args, dir);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    err
}

#[test]
fn characters_xml_forbids_become_replacement_characters_in_kml_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let title = "Bad\u{FFFE}name\u{FFFF}with\u{1}controls";
    write(
        dir.path(),
        "x.csv",
        &format!("date,place,title,lon,lat,killed\n2019-10-13,Suluk,{title},39.13,36.6,3\n"),
    );
    expect_exit(0, &["export", "x.csv", "-o", "x.kml"], dir.path());
    let kml = std::fs::read_to_string(dir.path().join("x.kml")).unwrap();
    roxmltree::Document::parse(&kml).expect("the KML parses");
    assert!(kml.contains("Bad\u{FFFD}name\u{FFFD}with\u{FFFD}controls"));
    let args = ["map", "x.csv", "--label", "title", "--format", "svg,pdf"];
    expect_exit(0, &args, dir.path());
    let svg = std::fs::read_to_string(dir.path().join("output/map.svg")).unwrap();
    roxmltree::Document::parse(&svg).expect("the SVG parses");
    assert!(svg.contains("Bad\u{FFFD}name"));
}

#[test]
fn counts_beyond_the_maximum_are_refused_and_sums_do_not_wrap() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x.csv",
        "date,place,lon,lat,killed\n2019-10-13,Suluk,39.13,36.6,18446744073709551615\n\
2019-10-13,Suluk,39.13,36.6,10000000000\n2019-10-14,Suluk,39.13,36.6,10000000000\n",
    );
    let err = expect_exit(
        2,
        &["map", "x.csv", "--aggregate", "place", "--format", "svg"],
        dir.path(),
    );
    assert!(
        err.contains("x.csv:2: column 'killed': expected a count of at most 10000000000"),
        "{err}"
    );
    let svg = std::fs::read_to_string(dir.path().join("output/map.svg")).unwrap();
    assert!(
        svg.contains("20,000,000,000"),
        "the two largest counts add up"
    );
    assert!(!svg.contains("18,446,744"), "no wrapped sum");
}

#[test]
fn an_unknown_size_measure_or_label_field_lists_the_ones_present() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x.csv",
        "date,place,lon,lat,killed,analyst\n2019-10-13,Suluk,39.13,36.6,3,JB\n",
    );
    let err = expect_exit(64, &["map", "x.csv", "--size-by", "kiled"], dir.path());
    assert!(
        err.contains("\"kiled\"") && err.contains("present: largest, killed"),
        "{err}"
    );
    let err = expect_exit(64, &["map", "x.csv", "--label", "analist"], dir.path());
    assert!(err.contains("place, title, id, analyst"), "{err}");
    assert!(!dir.path().join("output").exists());
    let args = ["map", "x.csv", "--label", "analyst", "--format", "svg"];
    expect_exit(0, &args, dir.path());
}

#[test]
fn exit_codes_tell_usage_errors_from_failures_and_partial_runs() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(incimap(&["--help"], dir.path()).status.code(), Some(0));
    assert_eq!(incimap(&["--version"], dir.path()).status.code(), Some(0));
    assert_eq!(incimap(&["--bogus"], dir.path()).status.code(), Some(64));
    assert_eq!(incimap(&["export"], dir.path()).status.code(), Some(64));
    assert_eq!(
        incimap(&["map", "--dpi", "5"], dir.path()).status.code(),
        Some(64)
    );
    // gazetteer build: a row it had to skip makes the run partial.
    let good = "173811\tAl Hasakah\tAl Hasakah\tHasakah\t36.50237\t40.74772\tP\tPPLA\tSY\t\t01\t\t\t\t188160\t\t300\tAsia/Damascus\t2023-01-01\n";
    for (dump, code) in [(format!("{good}short row\n"), 2), (good.to_string(), 0)] {
        write(dir.path(), "dump.txt", &dump);
        let args = [
            "gazetteer",
            "build",
            "--geonames",
            "dump.txt",
            "-o",
            "x.gaz",
        ];
        expect_exit(code, &args, dir.path());
    }
}

#[test]
fn messages_name_the_column_say_the_os_error_once_and_escape_controls() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x.csv",
        "date,place\n2019-02-30,Suluk\n2019-10-13,\u{1b}[31mZqx\n",
    );
    write(dir.path(), "plain", "a file");
    let err = expect_exit(
        1,
        &["export", "x.csv", "-o", "plain/out.geojson"],
        dir.path(),
    );
    assert_eq!(err.matches("os error").count(), 1, "{err}");
    let err = expect_exit(2, &["export", "x.csv", "-o", "out.geojson"], dir.path());
    assert!(err.contains("2019-02-30: that day does not exist"), "{err}");
    assert!(!err.contains("--date-format"), "{err}");
    assert!(!err.contains('\u{1b}'), "raw ESC on the terminal: {err:?}");
    assert!(err.contains("\\u{1b}[31mZqx"), "{err}");
    let out = incimap(&["geocode", "\u{1b}[2JZqxw"], dir.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        !text.contains('\u{1b}') && text.contains("\\u{1b}[2JZqxw"),
        "{text:?}"
    );
    let jsonl = "{\"id\":\"a\",\"title\":\"t\"}\n";
    write(dir.path(), "x.jsonl", jsonl);
    let out = incimap(&["export", "x.jsonl", "-o", "j.geojson"], dir.path());
    let err = stderr(&out);
    assert!(
        err.contains("x.jsonl:1: column 'date': missing field `date`"),
        "{err}"
    );
    assert!(!err.contains("char "), "{err}");
}

#[test]
fn warnings_say_what_a_header_lacks_or_repeats_without_failing() {
    let dir = tempfile::tempdir().unwrap();
    for (name, table, says) in [
        (
            "a.csv",
            "event_id_cnty,event_date,event_type,location,latitude,longitude\nSYR1,2019-10-13,Battles,Suluk,36.6,39.1\n",
            "warning: a.csv:1: no figure column",
        ),
        (
            "d.csv",
            "date,place,start_date,lon,lat\n2019-10-13,Suluk,2019-10-01,39.1,36.6\n",
            "several date columns (date, start_date)",
        ),
    ] {
        write(dir.path(), name, table);
        let err = expect_exit(0, &["export", name, "-o", "out.geojson"], dir.path());
        assert!(err.contains(says), "{err}");
    }
}

#[test]
fn a_corrupt_gaz_index_is_an_error_not_a_crash() {
    // Found by the `gaz` fuzz target: bytes that fit the fst checksum but not its structure.
    let dir = tempfile::tempdir().unwrap();
    let gaz = crate::common::fixture("corrupt-checksum-ok.gaz");
    let err = expect_exit(1, &["geocode", "Hasakah", "--gazetteer", &gaz], dir.path());
    assert!(err.contains("corrupt gazetteer index"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
