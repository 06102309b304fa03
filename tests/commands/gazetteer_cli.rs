//! The gazetteer through the binary: `incimap geocode`, `--gazetteer FILE` for the user's own
//! places (with line-numbered errors), and `incimap gazetteer build` from GeoNames dumps.

use crate::common::incimap;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts that `text` holds every one of `parts`.
fn assert_has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "no {part:?} in {text}");
    }
}

/// Runs `incimap ARGS` in `dir`, asserts its exit code and returns its stdout.
fn stdout_of(code: i32, args: &[&str], dir: &std::path::Path) -> String {
    let out = incimap(args, dir);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    text(&out.stdout)
}

#[test]
fn geocode_prints_candidates_with_ids_reasons_and_credit() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "geocode",
        "Ain Issa",
        "عين عيسى",
        "Hassakeh",
        "--limit",
        "2",
    ];
    let stdout = stdout_of(0, &args, dir.path());
    assert_eq!(stdout.matches("geonames:172134").count(), 2, "{stdout}");
    assert_has(
        &stdout,
        &["geonames:173811", "exact match", "GeoNames", "CC BY 4.0"],
    );
}

#[test]
fn geocode_json_and_unknown_names() {
    let dir = tempfile::tempdir().unwrap();
    // Unknown names give exit code 2.
    let args = ["geocode", "Suluk", "Qwxzrtplk", "--json", "--country", "SY"];
    let stdout = stdout_of(2, &args, dir.path());
    assert!(stdout.contains("164895"), "{stdout}");
    assert!(
        stdout.contains("not found")
            || stdout.contains("\"found\": false")
            || stdout.contains("\"found\":false"),
        "{stdout}"
    );
}

#[test]
fn user_places_take_precedence_and_bad_rows_are_reported_by_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.tsv"),
        "name\taliases\tlon\tlat\tcountry\tkind\tprecision\n\
         Camp Delta North\tDelta North|CDN\t40.123\t36.456\tSY\tsite\tsite\n\
         Broken Place\t\t40.0\t95.0\tSY\tsite\tsite\n\
         Hasakah\t\t40.70\t36.48\tSY\tsite\tsite\n",
    )
    .unwrap();
    let out = incimap(
        &[
            "geocode",
            "CDN",
            "Hasakah",
            "--limit",
            "1",
            "--gazetteer",
            "mine.tsv",
        ],
        dir.path(),
    );
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(
        out.status.code(),
        Some(2),
        "a rejected row makes the run partial: {stderr}"
    );
    assert!(stderr.contains("mine.tsv:3"), "{stderr}");
    assert_has(&stdout, &["Camp Delta North", "40.12300"]);
    // The user's own "Hasakah" comes first.
    let hasakah = stdout.split("Hasakah\n").nth(1).unwrap_or_default();
    assert!(hasakah.contains("lon 40.70000"), "{stdout}");
}

#[test]
fn maps_use_the_users_places() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.csv"),
        "name,lon,lat,country,kind\nCamp Delta North,40.123,36.456,SY,site\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("in.csv"),
        "date,place,country,killed\n2020-02-03,Camp Delta North,SY,4\n",
    )
    .unwrap();
    let args = [
        "export",
        "in.csv",
        "-o",
        "out.geojson",
        "--gazetteer",
        "mine.csv",
    ];
    stdout_of(0, &args, dir.path());
    let geojson = std::fs::read_to_string(dir.path().join("out.geojson")).unwrap();
    assert_has(&geojson, &["40.123", "36.456"]);
}

#[test]
fn a_gazetteer_is_built_from_geonames_dumps() {
    let dir = tempfile::tempdir().unwrap();
    // Two rows in the GeoNames table layout (19 tab-separated columns), written for this test.
    let rows = [
        [
            "9000001",
            "Zorvan",
            "Zorvan",
            "Zorvan Kalesi",
            "37.1",
            "41.2",
            "P",
            "PPLA2",
            "TR",
            "",
            "72",
            "",
            "",
            "",
            "25000",
            "",
            "900",
            "Europe/Istanbul",
            "2024-01-01",
        ],
        [
            "9000002",
            "Qelbek",
            "Qelbek",
            "",
            "36.9",
            "41.0",
            "P",
            "PPL",
            "TR",
            "",
            "72",
            "",
            "",
            "",
            "800",
            "",
            "700",
            "Europe/Istanbul",
            "2024-01-01",
        ],
    ];
    let table: String = rows.iter().map(|r| r.join("\t") + "\n").collect();
    std::fs::write(dir.path().join("sample.txt"), table).unwrap();
    std::fs::write(
        dir.path().join("alt.txt"),
        "1\t9000002\ttr\tQelbeka\t\t\t\t\t\t\n",
    )
    .unwrap();
    let build = [
        "gazetteer",
        "build",
        "--geonames",
        "sample.txt",
        "--alternate-names",
        "alt.txt",
        "-o",
        "sample.gaz",
    ];
    stdout_of(0, &build, dir.path());
    assert!(dir.path().join("sample.gaz").exists());
    let geocode = [
        "geocode",
        "Zorvan Kalesi",
        "Qelbeka",
        "--gazetteer",
        "sample.gaz",
    ];
    let stdout = stdout_of(0, &[&geocode[..], &["--limit", "1"]].concat(), dir.path());
    assert_has(&stdout, &["geonames:9000001", "geonames:9000002"]);
}
