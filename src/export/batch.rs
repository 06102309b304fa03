//! Several outputs of one run written all or none (a map's files): each is written to its
//! temporary file and synced first; only when every one is complete are they renamed into
//! place, one after the other. A failure before the renames (a full disk, a render error)
//! leaves every old output as it was and no temporary file behind.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::target::{open, Opened};
use crate::error::{Error, Result};

/// Outputs staged in temporary files, renamed together by [`Batch::commit`].
#[derive(Default)]
pub struct Batch {
    staged: Vec<(PathBuf, Opened)>,
}

impl Batch {
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Writes `bytes` for `path` (into its temporary file when `path` is a regular file; a
    /// special file or standard output is written at once, as it cannot be staged).
    pub fn stage(&mut self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.stage_with(path, |out| out.write_all(bytes))
    }

    /// [`Batch::stage`] for an output written a piece at a time by `write`.
    pub fn stage_with(
        &mut self,
        path: &Path,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let wrap = |source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        let mut opened = open(path)?;
        write(&mut opened.out)
            .and_then(|()| opened.out.flush())
            .map_err(wrap)?;
        if let Some(temp) = &opened.temp {
            temp.sync().map_err(wrap)?;
        }
        self.staged.push((path.to_path_buf(), opened));
        Ok(())
    }

    /// Takes over the files `later` staged, to be renamed after this batch's own.
    pub fn append(&mut self, later: Batch) {
        self.staged.extend(later.staged);
    }

    /// Renames every staged file into place; returns the paths written, in staging order.
    pub fn commit(self) -> Result<Vec<PathBuf>> {
        let mut written = Vec::with_capacity(self.staged.len());
        for (path, opened) in self.staged {
            drop(opened.out);
            if let Some(temp) = opened.temp {
                temp.persist().map_err(|source| Error::Write {
                    path: path.clone(),
                    source,
                })?;
            }
            written.push(path);
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_in_place_before_the_commit_and_nothing_left_after_a_drop() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.svg");
        let b = dir.path().join("b.png");
        let mut batch = Batch::new();
        batch.stage(&a, b"<svg/>").unwrap();
        batch.stage(&b, b"png").unwrap();
        assert!(!a.exists() && !b.exists());
        assert_eq!(batch.commit().unwrap(), vec![a.clone(), b.clone()]);
        assert_eq!(std::fs::read(&b).unwrap(), b"png");
        let mut batch = Batch::new();
        batch.stage(&a, b"new").unwrap();
        drop(batch);
        assert_eq!(std::fs::read(&a).unwrap(), b"<svg/>");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn an_appended_batch_is_renamed_after_the_files_staged_before() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (
            dir.path().join("a.svg"),
            dir.path().join("b.geojson"),
            dir.path().join("c.html"),
        );
        let mut late = Batch::new();
        late.stage_with(&b, |out| out.write_all(b"{}")).unwrap();
        late.stage(&c, b"<html>").unwrap();
        let mut batch = Batch::new();
        batch.stage(&a, b"<svg/>").unwrap();
        batch.append(late);
        assert!(!b.exists());
        assert_eq!(batch.commit().unwrap(), vec![a, b.clone(), c]);
        assert_eq!(std::fs::read(&b).unwrap(), b"{}");
    }

    #[test]
    fn a_failing_writer_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.geojson");
        let mut batch = Batch::new();
        let failed = batch.stage_with(&a, |_| Err(std::io::Error::other("disk full")));
        assert!(matches!(failed, Err(Error::Write { .. })));
        drop(batch);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
