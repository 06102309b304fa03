//! Stage 1, ingest: CRLF → LF on the fly, under the CSV reader.
//!
//! The csv crate reads CRLF files correctly but numbers their lines one too low; with plain
//! LF every reported line number is right, and notes with Windows line breaks come out with
//! `\n`. A lone CR (old Mac files, or inside a quoted field) is kept.

use std::io::Read;

/// Turns CRLF line ends into LF on the fly. The csv crate reads CRLF files correctly but
/// numbers their lines one too low; with plain LF every reported line number is right (and
/// notes with Windows line breaks come out with `\n`).
pub struct CrlfToLf<R> {
    inner: R,
    pending_cr: bool,
}

impl<R: Read> CrlfToLf<R> {
    pub fn new(inner: R) -> CrlfToLf<R> {
        CrlfToLf {
            inner,
            pending_cr: false,
        }
    }
}

impl<R: Read> Read for CrlfToLf<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.len() < 2 {
            return self.inner.read(buf);
        }
        loop {
            let offset = usize::from(self.pending_cr);
            let n = self.inner.read(&mut buf[offset..])?;
            if n == 0 {
                // End of input: a held-back CR is just a CR.
                let held = usize::from(std::mem::take(&mut self.pending_cr));
                if held == 1 {
                    buf[0] = b'\r';
                }
                return Ok(held);
            }
            if self.pending_cr {
                buf[0] = b'\r';
                self.pending_cr = false;
            }
            let len = n + offset;
            // Fast path: most files have no CR at all.
            if !buf[..len].contains(&b'\r') {
                return Ok(len);
            }
            let mut w = 0;
            for i in 0..len {
                let b = buf[i];
                if b == b'\r' {
                    if i + 1 == len {
                        self.pending_cr = true;
                        continue;
                    }
                    if buf[i + 1] == b'\n' {
                        continue;
                    }
                }
                buf[w] = b;
                w += 1;
            }
            if w > 0 {
                return Ok(w);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_becomes_lf_across_buffer_boundaries() {
        let bad = "a,b\r\n1,2\r\nx\r\n";
        let mut crlf = String::new();
        CrlfToLf::new(bad.as_bytes())
            .read_to_string(&mut crlf)
            .unwrap();
        assert_eq!(crlf, "a,b\n1,2\nx\n");
        let mut tiny = Vec::new();
        let mut reader = CrlfToLf::new(std::io::Cursor::new(b"a\r\r\nb\r".to_vec()));
        let mut buf = [0u8; 2];
        loop {
            let n = reader.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            tiny.extend_from_slice(&buf[..n]);
        }
        assert_eq!(tiny, b"a\r\nb\r");
    }
}
