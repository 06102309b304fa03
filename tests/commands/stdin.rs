//! `-` as an input is standard input (issue 15): the CLI sits in a pipe (`cat x.csv |
//! incimap export - --to geojson`, Spark's `RDD.pipe`). Its format is told from its content;
//! what it gives equals what the same bytes give as a file; its records are named `<stdin>`.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::common::{fixture, incimap, stderr};

/// Runs incimap with `input` on its standard input.
fn piped(args: &[&str], input: &[u8], cwd: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_incimap"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the incimap binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // A run that fails early may close its input before reading it all.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().expect("the run ends")
}

/// Exports `name` as a file and through standard input to `format` on standard output; both
/// outputs, and the piped run's stderr.
fn file_and_pipe(name: &str, format: &str) -> (Vec<u8>, Vec<u8>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(name);
    let from_file = incimap(&["export", &path, "--to", format, "-o", "-"], dir.path());
    assert!(from_file.status.code() != Some(1), "{}", stderr(&from_file));
    let bytes = std::fs::read(&path).unwrap();
    let from_pipe = piped(
        &["export", "-", "--to", format, "-o", "-"],
        &bytes,
        dir.path(),
    );
    assert_eq!(
        from_file.status.code(),
        from_pipe.status.code(),
        "{}",
        stderr(&from_pipe)
    );
    let err = stderr(&from_pipe);
    (from_file.stdout, from_pipe.stdout, err)
}

#[test]
fn a_piped_table_exports_as_the_same_file_does() {
    for name in [
        "acled-sample.csv",
        "ucdp-ged-sample.csv",
        "nl-semicolon.csv",
    ] {
        for format in ["geojson", "jsonl", "csv"] {
            let (file, pipe, _) = file_and_pipe(name, format);
            assert!(!pipe.is_empty(), "{name} → {format}: nothing written");
            assert!(file == pipe, "{name} → {format} differs through stdin");
        }
    }
}

#[test]
fn piped_json_lines_and_geojson_are_told_from_their_content() {
    for name in ["html-injection.jsonl", "foreign-points.geojson"] {
        let (file, pipe, _) = file_and_pipe(name, "jsonl");
        assert!(!pipe.is_empty(), "{name}: nothing written");
        assert_eq!(
            without_made_ids(&file),
            without_made_ids(&pipe),
            "{name} differs through stdin"
        );
    }
}

/// JSON Lines with the ids incimap made (`inc-…`, from the input's name among other things)
/// left out: the rest must not depend on how the input was named.
fn without_made_ids(jsonl: &[u8]) -> Vec<serde_json::Value> {
    let text = String::from_utf8_lossy(jsonl);
    text.lines()
        .map(|line| {
            let mut value: serde_json::Value = serde_json::from_str(line).unwrap();
            if value["id"]
                .as_str()
                .is_some_and(|id| id.starts_with("inc-"))
            {
                value["id"] = serde_json::Value::Null;
            }
            value
        })
        .collect()
}

#[test]
fn bad_piped_rows_are_named_stdin_with_their_line_and_the_good_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(fixture("bad-rows.csv")).unwrap();
    let out = piped(
        &[
            "export", "-", "--to", "jsonl", "-o", "-", "--errors", "bad.csv",
        ],
        &bytes,
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("<stdin>:3"), "{err}");
    let from_file = incimap(
        &[
            "export",
            &fixture("bad-rows.csv"),
            "--to",
            "jsonl",
            "-o",
            "-",
        ],
        dir.path(),
    );
    assert!(out.stdout == from_file.stdout, "the good rows differ");
    let errors = std::fs::read_to_string(dir.path().join("bad.csv")).unwrap();
    let rows = errors.lines().skip(1).filter(|l| l.starts_with("<stdin>,"));
    assert!(rows.count() >= 2, "{errors}");
}

#[test]
fn a_piped_article_is_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture("articles/mosul-en.txt");
    let bytes = std::fs::read(&path).unwrap();
    let from_file = incimap(&["extract", &path], dir.path());
    let from_pipe = piped(&["extract", "-"], &bytes, dir.path());
    assert_eq!(from_file.status.code(), from_pipe.status.code());
    assert!(!from_pipe.stdout.is_empty(), "{}", stderr(&from_pipe));
    // The incidents name their source file: the label differs, the rest is the same.
    let file_text = String::from_utf8(from_file.stdout).unwrap();
    let pipe_text = String::from_utf8(from_pipe.stdout).unwrap();
    assert_eq!(file_text.lines().count(), pipe_text.lines().count());
    assert!(pipe_text.contains("<stdin>"), "{pipe_text}");
    // Read as an input of `export` too (told to be an article by its date header).
    let exported = piped(
        &["export", "-", "--to", "jsonl", "-o", "-"],
        &bytes,
        dir.path(),
    );
    assert!(exported.status.code() != Some(1), "{}", stderr(&exported));
    assert!(!exported.stdout.is_empty(), "{}", stderr(&exported));
}

#[test]
fn an_empty_pipe_is_an_error_naming_stdin_not_a_silent_empty_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = piped(
        &["export", "-", "--to", "jsonl", "-o", "-"],
        b"",
        dir.path(),
    );
    assert_ne!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("<stdin>"), "{}", stderr(&out));
}
