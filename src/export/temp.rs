//! Temporary files beside an output (`.NAME.PID.tmp`): every one that exists is registered,
//! so that a signal handler can remove them all before the process ends
//! ([`remove_registered`]), and the stale ones a killed run left behind (another process id
//! that no longer runs, older than this run) are removed before a new one is made.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

/// Temporary files that exist now (created and neither renamed nor removed yet).
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// When this run made its first temporary file: older temporaries of ours are stale.
static RUN_START: OnceLock<SystemTime> = OnceLock::new();

/// A temporary file beside a target, removed when dropped unless it was renamed into place.
#[derive(Debug)]
pub struct TempFile {
    path: PathBuf,
    target: PathBuf,
}

impl TempFile {
    /// Creates `.NAME.PID.tmp` beside `target` (removing stale ones of the same target first)
    /// and registers it. The folder must exist.
    pub fn create(target: &Path) -> std::io::Result<(TempFile, File)> {
        RUN_START.get_or_init(SystemTime::now);
        remove_stale(target);
        let path = temp_path(target, std::process::id());
        let file = File::create(&path)?;
        if let Ok(mut live) = LIVE.lock() {
            live.push(path.clone());
        }
        let temp = TempFile {
            path,
            target: target.to_path_buf(),
        };
        Ok((temp, file))
    }

    /// The temporary file's own path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes what was written to the file durable (`sync_all`), so that the rename never
    /// puts a file in place whose bytes a crash could still lose. Call after the writer is
    /// flushed.
    pub fn sync(&self) -> std::io::Result<()> {
        File::open(&self.path).and_then(|file| file.sync_all())
    }

    /// Renames the file over its target; on failure it is removed.
    pub fn persist(self) -> std::io::Result<()> {
        let result = std::fs::rename(&self.path, &self.target);
        if result.is_ok() {
            unregister(&self.path);
        }
        // On failure, dropping `self` removes the file.
        result
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if unregister(&self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Removes `path` from the registry; true when it was there.
fn unregister(path: &Path) -> bool {
    let Ok(mut live) = LIVE.lock() else {
        return false;
    };
    match live.iter().position(|p| p == path) {
        Some(index) => {
            live.swap_remove(index);
            true
        }
        None => false,
    }
}

/// Removes every registered temporary file (for a signal handler, just before exiting).
pub fn remove_registered() {
    let paths = match LIVE.lock() {
        Ok(mut live) => std::mem::take(&mut *live),
        Err(_) => return,
    };
    for path in paths {
        let _ = std::fs::remove_file(path);
    }
}

/// `.NAME.PID.tmp` in the target's folder.
fn temp_path(target: &Path, pid: u32) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{pid}.tmp"))
}

/// Removes `.NAME.PID.tmp` files of `target` left by runs that were killed: the process id
/// is not ours and (where `/proc` tells) no longer runs, and the file is older than this run.
fn remove_stale(target: &Path) {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let started = RUN_START.get().copied().unwrap_or_else(SystemTime::now);
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(pid) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || process_runs(pid) {
            continue;
        }
        let older = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified < started);
        if older && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// True when a process with this id runs (always true where `/proc` cannot tell).
fn process_runs(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_temporary_is_removed_and_a_persisted_one_renamed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        let (temp, _file) = TempFile::create(&target).unwrap();
        let path = temp.path.clone();
        assert!(path.exists());
        drop(temp);
        assert!(!path.exists());
        let (temp, file) = TempFile::create(&target).unwrap();
        drop(file);
        temp.persist().unwrap();
        assert!(target.exists());
        assert!(std::fs::read_dir(dir.path()).unwrap().count() == 1);
    }

    #[test]
    fn stale_temporaries_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("map.svg");
        // A process id above the kernel's maximum never runs.
        let stale = temp_path(&target, 999_999_999);
        std::fs::write(&stale, b"half").unwrap();
        let long_ago = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        let file = File::options().write(true).open(&stale).unwrap();
        file.set_modified(long_ago).unwrap();
        let other = dir.path().join(".other.svg.999999999.tmp");
        std::fs::write(&other, b"not ours to judge").unwrap();
        RUN_START.get_or_init(SystemTime::now);
        remove_stale(&target);
        if Path::new("/proc/self").exists() {
            assert!(!stale.exists());
        }
        assert!(other.exists());
    }
}
