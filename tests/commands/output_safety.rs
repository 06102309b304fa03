//! Outputs never destroy anything (issue 11): an output that is an input or the other output
//! is refused before anything is read; special files are written as they are; write errors
//! are reported; temporary files go away on signals and when stale; `map` writes all or none.

use crate::common::{incimap, stderr};

use std::path::Path;

const TABLE: &str =
    "date,place,lon,lat,killed\n2019-10-13,Suluk,39.13,36.6,3\n2019-10-14,Nowhere,,,1\n";

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_output_that_is_an_input_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.csv"), TABLE).unwrap();
    let cases: [&[&str]; 4] = [
        &["export", "x.csv", "-o", "x.csv", "--to", "csv"],
        &["export", "x.csv", "-o", "./sub/../x.csv", "--to", "geojson"],
        &["export", "x.csv", "-o", "out.geojson", "--errors", "x.csv"],
        &["export", ".", "-o", "x.csv"],
    ];
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for args in cases {
        let out = incimap(args, dir.path());
        assert_eq!(out.status.code(), Some(64), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("it is the input"), "{}", stderr(&out));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("x.csv")).unwrap(),
            TABLE
        );
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("x.csv", dir.path().join("link.csv")).unwrap();
        let out = incimap(&["export", "link.csv", "-o", "x.csv"], dir.path());
        assert_eq!(out.status.code(), Some(64), "{}", stderr(&out));
        let out = incimap(&["export", "x.csv", "-o", "link.csv"], dir.path());
        assert_eq!(out.status.code(), Some(64), "{}", stderr(&out));
    }
    let out = incimap(
        &["export", "x.csv", "-o", "out.csv", "--errors", "out.csv"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(64), "{}", stderr(&out));
    assert!(stderr(&out).contains("twice"), "{}", stderr(&out));
    assert!(!dir.path().join("out.csv").exists());
    // map: its own incidents.geojson given back as input.
    let out = incimap(
        &["map", "x.csv", "-o", "m", "--format", "geojson"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = incimap(&["map", "m", "-o", "m"], dir.path());
    assert_eq!(out.status.code(), Some(64), "{}", stderr(&out));
    assert_eq!(names_in(&dir.path().join("m")), ["incidents.geojson"]);
}

#[cfg(unix)]
#[test]
fn special_files_are_written_as_they_are_and_write_errors_reported() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.csv"), TABLE).unwrap();
    if Path::new("/dev/null").exists() {
        let out = incimap(
            &["export", "x.csv", "-o", "/dev/null", "--to", "csv"],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(meta.file_type().is_char_device());
        let out = incimap(
            &[
                "export",
                "x.csv",
                "-o",
                "/dev/null",
                "--errors",
                "/dev/null",
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    }
    if Path::new("/dev/full").exists() {
        let out = incimap(&["export", "x.csv", "-o", "/dev/full"], dir.path());
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("No space left on device"), "{err}");
        assert_eq!(err.matches("No space left").count(), 1, "{err}");
    }
    // /dev/stdout is this process's standard output: written straight into it.
    let out = incimap(&["export", "x.csv", "-o", "/dev/stdout"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["features"].as_array().unwrap().len(), 1);
    // A FIFO stays a FIFO, and what is written comes out of it.
    let fifo = dir.path().join("pipe.geojson");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        let out = incimap(&["export", "x.csv", "-o", "pipe.geojson"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let bytes = reader.join().unwrap();
        assert!(serde_json::from_slice::<serde_json::Value>(&bytes).is_ok());
        let meta = std::fs::metadata(&fifo).unwrap();
        assert!(meta.file_type().is_fifo());
    }
}

#[test]
fn an_unwritable_errors_path_fails_before_the_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.csv"), TABLE).unwrap();
    std::fs::write(dir.path().join("plain"), "a file, not a folder").unwrap();
    let out = incimap(
        &[
            "export",
            "x.csv",
            "-o",
            "out.geojson",
            "--errors",
            "plain/errors.csv",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("plain/errors.csv"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("out.geojson").exists());
    assert_eq!(names_in(dir.path()), ["plain", "x.csv"]);
}

#[test]
fn stale_temporary_files_of_killed_runs_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.csv"), TABLE).unwrap();
    let stale = dir.path().join(".out.geojson.999999999.tmp");
    std::fs::write(&stale, "half a file").unwrap();
    let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(86_400);
    let file = std::fs::File::options().write(true).open(&stale).unwrap();
    file.set_modified(long_ago).unwrap();
    drop(file);
    let out = incimap(&["export", "x.csv", "-o", "out.geojson"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    if Path::new("/proc/self").exists() {
        assert_eq!(names_in(dir.path()), ["out.geojson", "x.csv"]);
    }
}

#[cfg(unix)]
#[test]
fn a_terminated_run_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut table = String::from("date,place,lon,lat,killed\n");
    for i in 0..300_000 {
        table.push_str(&format!("2019-10-13,P{i},39.{i},36.5,{}\n", i % 50));
    }
    std::fs::write(dir.path().join("big.csv"), table).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_incimap"))
        .args(["export", "big.csv", "-o", "out.geojson", "--pretty"])
        .current_dir(dir.path())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let temp = dir.path().join(format!(".out.geojson.{}.tmp", child.id()));
    let start = std::time::Instant::now();
    while !temp.exists() && start.elapsed().as_secs() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert!(temp.exists(), "the run made no temporary file");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    // Either the signal stopped the run (128 + 15) or it had just finished.
    assert!(matches!(status.code(), Some(143) | Some(0)), "{status:?}");
    assert!(!temp.exists(), "the temporary file is left behind");
    assert!(names_in(dir.path()).iter().all(|n| !n.ends_with(".tmp")));
}

#[test]
fn map_writes_all_of_its_outputs_or_none() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.csv"), TABLE).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::write(out_dir.join("map.svg"), "old svg").unwrap();
    // map.png cannot be written (a folder holds its name): nothing is replaced.
    std::fs::create_dir(out_dir.join("map.png")).unwrap();
    let out = incimap(&["map", "x.csv", "-o", "out"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(out_dir.join("map.svg")).unwrap(),
        "old svg"
    );
    assert_eq!(names_in(&out_dir), ["map.png", "map.svg"]);
}
