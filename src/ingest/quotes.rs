//! Stage 1, ingest: unterminated quotes in CSV. The csv crate reads a quote that never closes
//! as one field holding the rest of the file, without an error. [`QuoteWatch`] sits under the
//! CSV reader, follows the quoting exactly as the reader does (a quote opens a field only at
//! its start; `""` inside a quoted field is a quote; after the closing quote the field goes on
//! unquoted), and remembers the line where the open quote started, so that the table reader
//! can report that line and read the file again from the next one.

use std::io::Read;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: closing, or the first half of `""`.
    QuoteInQuoted,
}

/// Passes the bytes through unchanged while following the CSV quoting.
pub struct QuoteWatch<R> {
    inner: R,
    delimiter: u8,
    state: State,
    /// The line being read (1-based, counting from `first_line`).
    line: u64,
    /// Where the quoted field being read opened.
    opened_at: u64,
    at_end: bool,
}

impl<R: Read> QuoteWatch<R> {
    /// `first_line`: the number of the input's first line in the file.
    pub fn new(inner: R, delimiter: u8, first_line: u64) -> QuoteWatch<R> {
        QuoteWatch {
            inner,
            delimiter,
            state: State::FieldStart,
            line: first_line,
            opened_at: first_line,
            at_end: false,
        }
    }

    /// The line where a quote opened that was still open at the end of the input.
    pub fn unterminated(&self) -> Option<u64> {
        (self.at_end && self.state == State::Quoted).then_some(self.opened_at)
    }

    fn follow(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            let end_of_field = byte == self.delimiter;
            let end_of_record = byte == b'\n' || byte == b'\r';
            self.state = match self.state {
                State::FieldStart | State::Unquoted | State::QuoteInQuoted
                    if end_of_field || end_of_record =>
                {
                    State::FieldStart
                }
                State::FieldStart if byte == b'"' => {
                    self.opened_at = self.line;
                    State::Quoted
                }
                State::Quoted if byte == b'"' => State::QuoteInQuoted,
                State::QuoteInQuoted if byte == b'"' => State::Quoted,
                State::Quoted => State::Quoted,
                State::FieldStart | State::Unquoted | State::QuoteInQuoted => State::Unquoted,
            };
            if byte == b'\n' {
                self.line += 1;
            }
        }
    }
}

impl<R: Read> Read for QuoteWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            self.at_end = true;
        }
        self.follow(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watch(text: &str) -> Option<u64> {
        let mut watch = QuoteWatch::new(text.as_bytes(), b',', 1);
        std::io::copy(&mut watch, &mut std::io::sink()).unwrap();
        watch.unterminated()
    }

    #[test]
    fn an_open_quote_at_the_end_gives_the_line_it_opened() {
        assert_eq!(watch("a,b\n1,\"x\n2,y\n3,z\n"), Some(2));
        assert_eq!(watch("a,b\n1,\"two\nlines\"\n2,\"q \"\"x\"\" \"\n"), None);
        // A quote inside an unquoted field is text, not an opening.
        assert_eq!(watch("a,b\n1,5\" pipe\n2,y\n"), None);
        // After the closing quote the field goes on unquoted.
        assert_eq!(watch("a,b\n1,\"x\"y\"\n2,z\n"), None);
    }
}
