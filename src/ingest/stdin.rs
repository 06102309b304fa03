//! Stage 1, ingest: `-` as an input is standard input. It is copied once into an unnamed
//! temporary file (removed by the system when the process ends, however it ends), so that it
//! can be read as often as a file is (the table's date order is settled by a first look, an
//! export may make two passes) without holding it in memory. Its format is told from its
//! content ([`super::sniff`]); its records are named `<stdin>` in messages.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use super::sniff::{sniff, SNIFF_BYTES};
use super::Format;

/// The input name that means standard input.
pub const STDIN_NAME: &str = "-";

/// How standard input is named in messages.
pub const STDIN_LABEL: &str = "<stdin>";

/// True for the input name `-`.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN_NAME
}

/// Standard input, copied.
#[derive(Debug)]
pub struct Spooled {
    file: Arc<File>,
    pub format: Format,
}

impl Spooled {
    /// A reader from the start of the copy (each reader has its own position).
    pub fn open(&self) -> Box<dyn Read + Send> {
        Box::new(At {
            file: Arc::clone(&self.file),
            position: 0,
        })
    }
}

/// Standard input, copied on first use; the system's reason when it could not be read.
pub fn spooled() -> Result<&'static Spooled, String> {
    static SPOOL: OnceLock<Result<Spooled, String>> = OnceLock::new();
    SPOOL
        .get_or_init(|| spool(std::io::stdin().lock()).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(Clone::clone)
}

/// Copies `input` into an unnamed temporary file and tells its format.
pub fn spool(mut input: impl Read) -> std::io::Result<Spooled> {
    let mut file = tempfile::tempfile()?;
    let bytes = std::io::copy(&mut input, &mut file)?;
    file.seek(SeekFrom::Start(0))?;
    let mut head = Vec::with_capacity(SNIFF_BYTES.min(bytes as usize));
    (&mut file)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)?;
    Ok(Spooled {
        file: Arc::new(file),
        format: sniff(&head),
    })
}

/// A reader of a shared file at its own position.
struct At {
    file: Arc<File>,
    position: u64,
}

impl Read for At {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        #[cfg(unix)]
        let n = std::os::unix::fs::FileExt::read_at(&*self.file, buf, self.position)?;
        #[cfg(windows)]
        let n = std::os::windows::fs::FileExt::seek_read(&*self.file, buf, self.position)?;
        self.position += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_reads_whole_from_each_reader_and_knows_its_format() {
        let spooled = spool(&b"a,b\n1,2\n"[..]).unwrap();
        assert_eq!(spooled.format, Format::Csv);
        let mut first = spooled.open();
        let mut some = [0u8; 3];
        first.read_exact(&mut some).unwrap();
        let mut second = String::new();
        spooled.open().read_to_string(&mut second).unwrap();
        assert_eq!(second, "a,b\n1,2\n");
        let mut rest = String::new();
        first.read_to_string(&mut rest).unwrap();
        assert_eq!(rest, "\n1,2\n");
    }
}
