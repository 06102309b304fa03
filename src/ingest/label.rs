//! Stage 1, ingest: how an input file is named in everything incimap writes — messages
//! (`file:line: …`), the source of an article's incidents, and the ids made from it — the same
//! for every spelling of the same file.
//!
//! `a.csv`, `./a.csv`, `sub/../a.csv` and `/home/me/work/a.csv` (run in `/home/me/work`) are
//! one file, so they get one name: the path relative to the working directory, with `.` and
//! `..` worked out and `/` between the parts. A file outside the working directory keeps its
//! absolute path. Two different files never get the same name, so ids made from it stay
//! unique; a file keeps its name (and its incidents their ids) when it is edited, and on
//! another machine when incimap is run from the same folder of a shared project.

use std::path::{Component, Path, PathBuf};

/// The name of the file at `path` (see the module doc).
pub fn file_label(path: &Path) -> String {
    let Ok(cwd) = std::env::current_dir() else {
        return path.display().to_string();
    };
    let absolute = lexical(&cwd.join(path));
    if let Some(label) = relative_label(&absolute, &cwd) {
        return label;
    }
    // A link between the working directory and the file (the working directory is its real
    // path): the file's real path may still lie below it.
    if let Ok(real) = std::fs::canonicalize(path) {
        if let Some(label) = relative_label(&real, &cwd) {
            return label;
        }
    }
    absolute.display().to_string()
}

/// `path` below `dir`, its parts joined by `/`; `None` when it is not below `dir`.
fn relative_label(path: &Path, dir: &Path) -> Option<String> {
    let rest = path.strip_prefix(dir).ok()?;
    let parts: Vec<String> = rest
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// `path` with `.` left out and each `..` taking away the part before it (without asking the
/// file system).
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(part);
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_file_below_the_working_directory_is_one_name() {
        let cwd = std::env::current_dir().unwrap();
        let name = "tests/fixtures/incidents.csv";
        let spellings = [
            name.to_string(),
            format!("./{name}"),
            "tests/./fixtures//incidents.csv".to_string(),
            format!("tests/../{name}"),
            cwd.join(name).display().to_string(),
            format!("../{}/{name}", cwd.file_name().unwrap().to_string_lossy()),
        ];
        for spelling in spellings {
            assert_eq!(file_label(Path::new(&spelling)), name, "{spelling}");
        }
    }

    #[test]
    fn a_file_elsewhere_keeps_its_absolute_path_and_names_stay_distinct() {
        let elsewhere = Path::new("/nonexistent-root-folder/x/../a.csv");
        assert_eq!(file_label(elsewhere), "/nonexistent-root-folder/a.csv");
        assert_ne!(
            file_label(Path::new("a/report.txt")),
            file_label(Path::new("b/report.txt"))
        );
    }
}
