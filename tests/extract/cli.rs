//! `incimap extract` through the command line: what is not drawn is said (exit code 2,
//! stderr, the JSON output), and articles use the run's gazetteer and country context like
//! every other input. Articles written for these tests.

use crate::common::{incimap, stderr};

const ARTICLE: &str = "date 2024-03-06\n\nTwo men were killed in Qarqouriyeh village on Monday. \
Shelling hit Aleppo, killing three. Since January, 400 people have died in the province.\n";

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write a test file");
    path.display().to_string()
}

#[test]
fn unattached_figures_are_listed_and_make_the_run_partial() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(dir.path(), "a.txt", ARTICLE);
    let out = incimap(&["extract", &article], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("a.txt:3") && err.contains("Qarqouriyeh"),
        "{err}"
    );
    assert!(err.contains("not in the gazetteer"), "{err}");
    // The one incident the text ties to a place.
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["place"]["name"], "Aleppo");
}

#[test]
fn explain_gives_the_publication_day_of_an_article_with_no_incident() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(
        dir.path(),
        "a.txt",
        "date 2024-03-06\n\nSince January, 400 people have died in the province.\n",
    );
    let out = incimap(&["extract", &article, "--explain"], dir.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("published 2024-03-06 (day)"), "{text}");
}

#[test]
fn the_json_output_keeps_regional_and_unattached_figures_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(dir.path(), "a.txt", ARTICLE);
    let out = incimap(&["extract", &article, "--format", "json"], dir.path());
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(all["incidents"].as_array().map(Vec::len), Some(1));
    assert_eq!(all["regional"][0]["value"], 400);
    assert_eq!(all["regional"][0]["measure"], "killed");
    assert!(all["regional"][0]["reason"]
        .as_str()
        .is_some_and(|r| r.contains("period")));
    assert_eq!(all["unattached"][0]["value"], 2);
}

#[test]
fn a_place_added_with_gazetteer_is_found_in_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(dir.path(), "a.txt", ARTICLE);
    let places = write(
        dir.path(),
        "places.tsv",
        "name\tlat\tlon\tcountry\nQarqouriyeh\t36.1\t36.3\tSY\n",
    );
    let out = incimap(
        &[
            "extract",
            &article,
            "--gazetteer",
            &places,
            "--format",
            "json",
        ],
        dir.path(),
    );
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let names: Vec<&str> = all["incidents"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["place"]["name"].as_str())
        .collect();
    assert!(names.contains(&"Qarqouriyeh"), "{names:?}");
    // And through `map`, which reads articles as one of its inputs.
    let out = incimap(
        &[
            "map",
            &article,
            "--gazetteer",
            &places,
            "-o",
            "out",
            "--format",
            "geojson",
        ],
        dir.path(),
    );
    let geojson = std::fs::read_to_string(dir.path().join("out/incidents.geojson"))
        .unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    assert!(geojson.contains("Qarqouriyeh"), "{geojson}");
    // The province-wide total is not drawn, and `map` says so.
    let err = stderr(&out);
    assert!(err.contains("regional") && err.contains("400"), "{err}");
    let collection: serde_json::Value = serde_json::from_str(&geojson).expect("GeoJSON");
    let killed: Vec<u64> = collection["features"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["properties"]["killed"].as_u64())
        .collect();
    assert!(!killed.contains(&400), "{killed:?}");
}

#[test]
fn the_country_context_decides_between_namesakes_in_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    // "Tripoli" is a city in Libya and in Lebanon; nothing else in the text says which.
    let article = write(
        dir.path(),
        "t.txt",
        "date 2024-03-06\n\nA car bomb in Tripoli killed four people.\n",
    );
    let country_of = |cc: &str| {
        let out = incimap(
            &["extract", &article, "--country", cc, "--format", "json"],
            dir.path(),
        );
        let all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        all["incidents"][0]["place"]["country_code"]
            .as_str()
            .map(str::to_string)
    };
    assert_eq!(country_of("LB").as_deref(), Some("LB"));
    assert_eq!(country_of("LY").as_deref(), Some("LY"));
}

#[test]
fn a_directory_gives_every_article_in_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("articles");
    let nested = folder.join("older");
    std::fs::create_dir_all(&nested).expect("folders");
    write(
        &folder,
        "b.txt",
        "date 2024-03-06\n\nShelling hit Aleppo on Monday, killing three.\n",
    );
    write(
        &nested,
        "a.md",
        "date 2024-02-01\n\nA car bomb killed five people in Homs on Sunday.\n",
    );
    // A table beside the articles is no article.
    write(&folder, "notes.csv", "id,place\n1,Hama\n");
    let out = incimap(&["extract", "articles", "--no-merge"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let places: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        .map(|v| v["place"]["name"].as_str().unwrap_or_default().to_string())
        .collect();
    // Sorted by path: articles/b.txt before articles/older/a.md.
    assert_eq!(places, ["Aleppo", "Homs"]);
}
