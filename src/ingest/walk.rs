//! Stage 1, ingest: the files the inputs name. A directory gives every supported file in it,
//! recursively and sorted (so output is deterministic); each directory is followed once and
//! each file read once, by what they are on disk ([`FileKey`]), so a symbolic link loop or a
//! file given twice does not multiply the incidents. Special files inside a directory (a FIFO
//! named `x.csv` would block the run) are skipped with a message; a special file named on the
//! command line is read as asked.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::Format;
use crate::error::RecordError;
use crate::file_key::FileKey;

/// Every file an input names, in order, each once; problems (a directory that cannot be
/// listed, a special file skipped) in their place as errors.
pub fn expand_inputs(paths: &[PathBuf]) -> Vec<Result<PathBuf, RecordError>> {
    let mut walk = Walk::default();
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            walk.directory(path, &mut files, &mut out);
            files.sort();
            for file in files {
                walk.file(file, &mut out);
            }
        } else {
            walk.file(path.clone(), &mut out);
        }
    }
    out
}

/// What a walk has seen.
#[derive(Default)]
struct Walk {
    directories: HashSet<FileKey>,
    files: HashSet<FileKey>,
}

impl Walk {
    fn file(&mut self, path: PathBuf, out: &mut Vec<Result<PathBuf, RecordError>>) {
        if self.files.insert(FileKey::of(&path)) {
            out.push(Ok(path));
        }
    }

    fn directory(
        &mut self,
        dir: &Path,
        files: &mut Vec<PathBuf>,
        problems: &mut Vec<Result<PathBuf, RecordError>>,
    ) {
        if !self.directories.insert(FileKey::of(dir)) {
            return;
        }
        let problem = |path: &Path, message: String| {
            Err(RecordError::new(super::file_label(path), None, message))
        };
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => {
                problems.push(problem(dir, format!("cannot list directory: {err}")));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push(entry.path()),
                Err(err) => problems.push(problem(dir, format!("cannot list directory: {err}"))),
            }
        }
        paths.sort();
        for path in paths {
            // Followed through links; a dangling link is no file.
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                self.directory(&path, files, problems);
            } else if Format::from_path(&path).is_none() {
                continue;
            } else if meta.is_file() {
                files.push(path);
            } else {
                let message = "skipped: not a regular file (a FIFO, socket or device)".to_string();
                problems.push(problem(&path, message));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_loop_and_a_file_given_twice_are_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        std::fs::write(data.join("a.csv"), "date,place\n").unwrap();
        std::os::unix::fs::symlink(&data, data.join("loop")).unwrap();
        let inputs = [data.clone(), data.join("a.csv")];
        let files: Vec<_> = expand_inputs(&inputs).into_iter().collect();
        assert_eq!(files.len(), 1, "{files:?}");
        assert!(files[0].is_ok());
    }
}
