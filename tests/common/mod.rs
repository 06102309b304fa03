//! Helpers the integration tests share: running the binary, the fixtures, and GDAL's
//! `ogrinfo` (skipped loudly without it, except in CI, where its absence fails the test).
#![allow(dead_code)] // each test crate uses a different part

pub mod reference;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `incimap ARGS` in `cwd`.
pub fn incimap(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_incimap"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the incimap binary runs")
}

/// The path of `tests/fixtures/NAME`.
pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// The objects of a JSON Lines file.
pub fn jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .expect("the JSON Lines output exists")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A run's stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// True when `ogrinfo` runs. Without it the caller skips its test with a loud message,
/// except in CI (`CI=true`), where `.ci/run` installs gdal-bin and a missing one fails.
pub fn gdal_available() -> bool {
    match Command::new("ogrinfo").arg("--version").output() {
        Ok(out) if out.status.success() => true,
        _ => {
            let in_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
            assert!(
                !in_ci,
                "ogrinfo (gdal-bin) is missing in CI: .ci/run must install it"
            );
            eprintln!("\n*** SKIPPED: ogrinfo not found; install gdal-bin to check the exports with GDAL ***\n");
            false
        }
    }
}

/// `ogrinfo -al -so OPTIONS PATH`: its summary, asserting that GDAL neither failed nor warned.
pub fn ogrinfo(path: &Path, options: &[&str]) -> String {
    let out = Command::new("ogrinfo")
        .args(["-al", "-so"])
        .args(options)
        .arg(path)
        .output()
        .expect("ogrinfo runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "ogrinfo failed: {err}");
    assert!(
        !err.contains("Warning") && !err.contains("ERROR"),
        "ogrinfo complained: {err}"
    );
    text
}

/// Asserts that an `ogrinfo` summary lists each field with its type.
pub fn assert_fields(text: &str, fields: &[(&str, &str)]) {
    for (field, kind) in fields {
        let line = format!("\n{field}: {kind} ");
        assert!(text.contains(&line), "field {field} is not {kind}:\n{text}");
    }
}

/// Extracts from one sentence published on `date` (YYYY-MM-DD), with the built-in gazetteer.
pub fn read_sentence(date: &str, sentence: &str) -> incimap::extract::Extraction {
    use incimap::extract::{extract_text, Options, PlaceIndex};
    let text = format!("date {date}\n{sentence}\n");
    extract_text(
        &text,
        "test.txt",
        PlaceIndex::builtin(),
        &Options::default(),
    )
}

/// (best, best of each part) of every figure of `measure` in the first incident.
pub fn bests_with_parts(
    ex: &incimap::extract::Extraction,
    measure: incimap::model::Measure,
) -> Vec<(Option<u64>, Vec<Option<u64>>)> {
    ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == measure)
        .map(|f| (f.best, f.parts.iter().map(|p| p.best).collect()))
        .collect()
}

/// The best value of every figure of every incident, in order.
pub fn all_best(ex: &incimap::extract::Extraction) -> Vec<Option<u64>> {
    ex.incidents
        .iter()
        .flat_map(|i| &i.figures)
        .map(|f| f.best)
        .collect()
}

/// (place as written, best of `measure`) of every incident.
pub fn best_by_place(
    ex: &incimap::extract::Extraction,
    measure: incimap::model::Measure,
) -> Vec<(String, Option<u64>)> {
    ex.incidents
        .iter()
        .map(|i| {
            let best = i
                .figures
                .iter()
                .find(|f| f.measure == measure)
                .and_then(|f| f.best);
            (i.place.name.clone(), best)
        })
        .collect()
}

/// (place as written, best killed, best injured) of every incident.
pub fn tolls(ex: &incimap::extract::Extraction) -> Vec<(String, Option<u64>, Option<u64>)> {
    use incimap::model::Measure;
    let killed = best_by_place(ex, Measure::Killed);
    let injured = best_by_place(ex, Measure::Injured);
    killed
        .into_iter()
        .zip(injured)
        .map(|((name, k), (_, i))| (name, k, i))
        .collect()
}

/// Gazetteer ids of the mentions written as `name`, in order.
pub fn mention_ids(ex: &incimap::extract::Extraction, name: &str) -> Vec<String> {
    ex.places
        .iter()
        .filter(|m| m.text == name)
        .map(|m| m.gazetteer_id.clone())
        .collect()
}

/// The (name as written, country code) of every recognised place, in order.
pub fn places(ex: &incimap::extract::Extraction) -> Vec<(String, String)> {
    ex.places
        .iter()
        .map(|m| (m.text.clone(), m.country_code.clone()))
        .collect()
}

/// (place as told, precision) of every incident, in order.
pub fn incident_places(
    ex: &incimap::extract::Extraction,
) -> Vec<(String, incimap::model::GeoPrecision)> {
    ex.incidents
        .iter()
        .map(|i| (i.place.name.clone(), i.place.precision))
        .collect()
}

/// Country codes of the places read for the mentions written as `name`.
pub fn mention_countries(ex: &incimap::extract::Extraction, name: &str) -> Vec<String> {
    ex.places
        .iter()
        .filter(|m| m.text == name)
        .map(|m| m.country_code.clone())
        .collect()
}

/// The countries of the incidents read, in order.
pub fn incident_countries(ex: &incimap::extract::Extraction) -> Vec<String> {
    ex.incidents
        .iter()
        .filter_map(|i| i.place.country_code.clone())
        .collect()
}

/// (place as written, best value of its first figure, 0 without one) of every incident.
pub fn first_bests(ex: &incimap::extract::Extraction) -> Vec<(String, u64)> {
    ex.incidents
        .iter()
        .map(|i| {
            let best = i.figures.first().and_then(|f| f.best).unwrap_or(0);
            (i.place.name.clone(), best)
        })
        .collect()
}
