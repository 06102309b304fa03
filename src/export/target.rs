//! Where an output file goes: standard output (`-`, or a path that is the process's own
//! standard output such as `/dev/stdout`), straight into a special file (a device such as
//! `/dev/null` or `/dev/full`, a FIFO: never replaced, and every write error reported), or
//! atomically into a regular file (a temporary sibling renamed over it; through a symbolic
//! link, the file it points to is replaced and the link kept).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::temp::TempFile;
use crate::error::{Error, Result};

/// How an output path is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    /// A special file, opened and written as it is.
    Direct(PathBuf),
    /// A regular file (or none yet): a temporary sibling of this path, renamed over it.
    Atomic(PathBuf),
}

impl Destination {
    pub fn of(path: &Path) -> Destination {
        if path.as_os_str() == "-" {
            return Destination::Stdout;
        }
        let Ok(meta) = std::fs::metadata(path) else {
            return Destination::Atomic(path.to_path_buf());
        };
        if is_stdout(&meta) {
            return Destination::Stdout;
        }
        if !meta.is_file() {
            return Destination::Direct(path.to_path_buf());
        }
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if real.starts_with("/proc") || real.starts_with("/dev") {
            Destination::Direct(path.to_path_buf())
        } else {
            Destination::Atomic(real)
        }
    }
}

/// True when `meta` describes the file this process's standard output is.
#[cfg(unix)]
fn is_stdout(meta: &std::fs::Metadata) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() else {
        return false;
    };
    File::from(fd)
        .metadata()
        .is_ok_and(|out| out.dev() == meta.dev() && out.ino() == meta.ino())
}

#[cfg(not(unix))]
fn is_stdout(_meta: &std::fs::Metadata) -> bool {
    false
}

/// An output being written: the writer, and the temporary file to rename when it is atomic.
pub struct Opened {
    pub out: Box<dyn Write + Send>,
    pub temp: Option<TempFile>,
}

/// Opens `path` for writing as its [`Destination`] says (the folder of a new file is made).
pub fn open(path: &Path) -> Result<Opened> {
    let wrap = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    match Destination::of(path) {
        Destination::Stdout => Ok(Opened {
            out: Box::new(std::io::stdout()),
            temp: None,
        }),
        Destination::Direct(path) => {
            let file = OpenOptions::new().write(true).open(&path).map_err(wrap)?;
            Ok(Opened {
                out: Box::new(file),
                temp: None,
            })
        }
        Destination::Atomic(real) => {
            if let Some(dir) = real.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(wrap)?;
            }
            let (temp, file) = TempFile::create(&real).map_err(wrap)?;
            Ok(Opened {
                out: Box::new(file),
                temp: Some(temp),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_are_written_directly_and_regular_files_atomically() {
        assert_eq!(Destination::of(Path::new("-")), Destination::Stdout);
        if Path::new("/dev/null").exists() {
            assert_eq!(
                Destination::of(Path::new("/dev/null")),
                Destination::Direct("/dev/null".into())
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.csv");
        assert_eq!(Destination::of(&new), Destination::Atomic(new.clone()));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_keeps_pointing_at_the_replaced_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.csv");
        std::fs::write(&real, b"old").unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let Destination::Atomic(path) = Destination::of(&link) else {
            panic!("a link to a regular file is written atomically")
        };
        assert_eq!(path, std::fs::canonicalize(&real).unwrap());
    }
}
