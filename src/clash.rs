//! Outputs that would destroy inputs: before anything is read, every output path is compared
//! with every input file (directories expanded, user gazetteers included) and with the other
//! outputs, by what they are on disk (device and inode).
//!
//! Before every stage, for whoever writes: in, the input paths of a run (as given: directories
//! are walked here) and its output paths; out, nothing, or an [`Error`] that names the output
//! and what it would overwrite (a usage error: [`Error::is_usage`]). [`refuse_clashes`] is the
//! entry point, [`refuse_clashes_among`] the same for inputs already walked.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::file_key::FileKey;
use crate::ingest::stream::expand_inputs;

/// True for character devices such as `/dev/null`, which several outputs may share.
fn is_device(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata(path).is_ok_and(|m| m.file_type().is_char_device())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Refuses (as a usage error) an output that is one of the inputs or another output.
/// `-` (standard output) is never an input; two outputs may both be `-`-free devices.
pub fn refuse_clashes(inputs: &[PathBuf], outputs: &[&Path]) -> Result<()> {
    let files = expand_inputs(inputs);
    let files: Vec<&Path> = files.iter().flatten().map(PathBuf::as_path).collect();
    refuse_clashes_among(&files, outputs)
}

/// [`refuse_clashes`] for input files already walked ([`expand_inputs`]).
pub fn refuse_clashes_among(files: &[&Path], outputs: &[&Path]) -> Result<()> {
    let outputs: Vec<&Path> = outputs
        .iter()
        .copied()
        .filter(|p| p.as_os_str() != "-")
        .collect();
    if outputs.is_empty() {
        return Ok(());
    }
    let input_keys: Vec<(FileKey, &Path)> = files
        .iter()
        .map(|&path| (FileKey::of(path), path))
        .collect();
    let output_keys: Vec<FileKey> = outputs.iter().map(|p| FileKey::of(p)).collect();
    for (output, output_key) in outputs.iter().zip(&output_keys) {
        if let Some((_, input)) = input_keys.iter().find(|(k, _)| k == output_key) {
            return Err(Error::OutputIsInput {
                output: output.to_path_buf(),
                input: input.to_path_buf(),
            });
        }
    }
    for (i, (a, a_key)) in outputs.iter().zip(&output_keys).enumerate() {
        let same = outputs
            .iter()
            .zip(&output_keys)
            .skip(i + 1)
            .find(|(_, k)| *k == a_key);
        if let Some((b, _)) = same {
            if !is_device(a) {
                return Err(Error::OutputTwice {
                    first: a.to_path_buf(),
                    second: b.to_path_buf(),
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_output_equal_to_an_input_by_another_name_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("x.csv");
        std::fs::write(&input, "date,place\n").unwrap();
        let other = dir.path().join("sub/../x.csv");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let err = refuse_clashes(std::slice::from_ref(&input), &[&other]).unwrap_err();
        assert!(err.to_string().contains("it is the input"), "{err}");
        // A directory input holds its files.
        let err = refuse_clashes(&[dir.path().to_path_buf()], &[&input]).unwrap_err();
        assert!(err.to_string().contains("it is the input"), "{err}");
        let new = dir.path().join("new.geojson");
        assert!(refuse_clashes(std::slice::from_ref(&input), &[&new]).is_ok());
        let err = refuse_clashes(&[input], &[&new, &dir.path().join("./new.geojson")]);
        assert!(err.unwrap_err().to_string().contains("twice"));
    }
}
