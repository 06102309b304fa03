//! Stage 3, export: located incidents → files other tools read (GeoJSON, CSV, KML, JSON Lines).
//!
//! Files are written atomically: to a temporary file in the same folder, then renamed over
//! the target, so that a reader never sees a half-written file.

pub mod csv;
mod geojson;
mod geojson_line;
mod geojson_stream;
mod kml;
mod pretty;
pub mod stream;

use std::io::Write;
use std::path::Path;

pub use geojson::{feature_collection, figures_text, geojson_bytes, write_geojson, GeoJsonOptions};
pub use geojson_stream::GeoJsonFormat;
pub use kml::KmlFormat;
pub use stream::{CsvFormat, JsonLinesFormat, RecordFormat, Sink, Summary};

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically (temporary sibling, flush, rename). `-` is stdout.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            });
    }
    let wrap = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(wrap)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(wrap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_writes_replace_the_file_and_leave_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/out.txt");
        write_atomically(&target, b"first").unwrap();
        write_atomically(&target, b"second").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(target.parent().unwrap())
            .unwrap()
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_write_into_a_file_path_fails_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, b"x").unwrap();
        let err = write_atomically(&blocker.join("out.txt"), b"y").unwrap_err();
        assert!(err.to_string().contains("out.txt"), "{err}");
    }
}
