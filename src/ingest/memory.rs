//! Stage 1, ingest: inputs that are no file name to stream from — bytes a library caller
//! holds (the Python package's `read_bytes`), and one input read whole (articles to extract
//! one by one, standard input included). The entry points of the library for these, so that
//! the chunk plumbing (`stream`, `sniff`, `stdin`) stays inside the crate.

use std::path::Path;

use super::options::ReadOptions;
use super::stream::{read_bytes_chunks, Chunk};
use super::Format;

/// Bytes held in memory as one input, named `label` in messages; its format is told from
/// its content, as standard input's is.
///
/// ```
/// use incimap::ingest::{BytesInput, Format};
///
/// let input = BytesInput::new(b"date,place\n2020-05-09,Riverton\n", "pasted");
/// assert_eq!(input.format(), Format::Csv);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct BytesInput<'a> {
    bytes: &'a [u8],
    label: &'a str,
    format: Format,
}

impl<'a> BytesInput<'a> {
    pub fn new(bytes: &'a [u8], label: &'a str) -> BytesInput<'a> {
        let head = &bytes[..bytes.len().min(super::sniff::SNIFF_BYTES)];
        BytesInput {
            bytes,
            label,
            format: super::sniff::sniff(head),
        }
    }

    /// The format told from the content.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Hands the input on in chunks of `rows` records, as a pass of the pipeline reads it
    /// ([`crate::pipeline::run_pass_on_bytes`]), until `emit` returns false; returns the
    /// number of inputs read (1).
    pub(crate) fn read_chunks(
        &self,
        options: &ReadOptions,
        rows: usize,
        emit: &mut dyn FnMut(Chunk) -> bool,
    ) -> usize {
        read_bytes_chunks(
            self.bytes,
            self.label,
            Some(self.format),
            options,
            rows,
            emit,
        );
        1
    }
}

/// An input read whole: its name in messages ([`super::file_label`], `<stdin>` for `-`) and
/// its bytes, or why they could not be read.
pub fn read_whole(path: &Path) -> (String, std::io::Result<Vec<u8>>) {
    use super::stdin;
    if !stdin::is_stdin(path) {
        return (super::file_label(path), std::fs::read(path));
    }
    let bytes = stdin::spooled()
        .map_err(std::io::Error::other)
        .and_then(|spooled| {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut spooled.open(), &mut bytes).map(|_| bytes)
        });
    (stdin::STDIN_LABEL.to_string(), bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_read_in_the_format_their_content_tells() {
        let table = b"date,place\n2020-05-09,Riverton\n2020-05-10,Lakeside\n";
        let input = BytesInput::new(table, "pasted");
        assert_eq!(input.format(), Format::Csv);
        let mut chunks = Vec::new();
        let read = input.read_chunks(&ReadOptions::default(), 1, &mut |chunk| {
            chunks.push(chunk);
            true
        });
        assert_eq!(read, 1);
        assert_eq!(chunks.len(), 2, "one row a chunk");
        assert!(chunks.iter().all(|chunk| &*chunk.label == "pasted"));
        let article = BytesInput::new(b"date 2020-05-09\nShelling hit the town.", "a");
        assert_eq!(article.format(), Format::Article);
    }

    #[test]
    fn a_file_read_whole_is_named_as_every_reader_names_it() {
        let (label, bytes) = read_whole(Path::new("./tests/fixtures/incidents.csv"));
        assert_eq!(label, "tests/fixtures/incidents.csv");
        assert!(bytes.unwrap().starts_with(b"date,"));
        let (label, bytes) = read_whole(Path::new("no-such-file.txt"));
        assert_eq!(label, "no-such-file.txt");
        assert!(bytes.is_err());
    }
}
