//! What a path is on disk, to tell when two paths are the same file: device and inode for
//! what exists (so links, `./x`, `../d/x` and hard links all count), the canonical folder and
//! name for what does not exist yet.

use std::path::{Path, PathBuf};

/// The identity of a file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FileKey {
    Inode(u64, u64),
    Path(PathBuf),
}

impl FileKey {
    /// The identity of `path` (followed through links).
    pub fn of(path: &Path) -> FileKey {
        #[cfg(unix)]
        if let Ok(meta) = std::fs::metadata(path) {
            use std::os::unix::fs::MetadataExt;
            return FileKey::Inode(meta.dev(), meta.ino());
        }
        let name = path.file_name().unwrap_or_default();
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        match std::fs::canonicalize(parent) {
            Ok(dir) => FileKey::Path(dir.join(name)),
            Err(_) => FileKey::Path(path.to_path_buf()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_spellings_of_one_file_have_one_key() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let file = dir.path().join("x.csv");
        std::fs::write(&file, "x").unwrap();
        let other = dir.path().join("sub/../x.csv");
        assert_eq!(FileKey::of(&file), FileKey::of(&other));
        let new = dir.path().join("new.csv");
        assert_eq!(
            FileKey::of(&new),
            FileKey::of(&dir.path().join("sub/../new.csv"))
        );
        assert_ne!(FileKey::of(&new), FileKey::of(&file));
    }
}
