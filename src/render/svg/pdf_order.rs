//! A fixed object order for the PDF that svg2pdf writes, so that the same map gives the same
//! bytes on every run.
//!
//! svg2pdf keeps its fonts and each page's resources in hash maps whose iteration order changes
//! from one process to the next: the entries of a `/Resources` dictionary (`/gs0 … /gs3`,
//! `/fo0 /fo1`) come out shuffled, and the objects of each embedded font get their numbers in
//! a different order. The content is the same, only the order differs. This pass reads the
//! file that pdf-writer laid out (its cross-reference table gives every object's place, and
//! every dictionary is written one entry a line), sorts the entries of each resource
//! dictionary by name, numbers the objects anew in the order they are reached from the
//! trailer, and writes them in that order with a new cross-reference table. Stream data is
//! copied byte for byte.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt::Write as _;

use crate::error::{Error, RenderError, Result};

/// One indirect object: its dictionary (or other value) as text, and the stream that follows
/// it, if any, from `stream` up to and including `endobj`.
struct Object<'a> {
    text: Vec<u8>,
    tail: &'a [u8],
}

/// The PDF with its resource dictionaries sorted and its objects numbered and placed in the
/// order they are reached from the trailer.
pub(crate) fn canonical_pdf(pdf: &[u8]) -> Result<Vec<u8>> {
    let (xref_at, offsets) = read_xref(pdf)?;
    let trailer = trailer_text(pdf, xref_at)?;
    let objects = read_objects(pdf, xref_at, &offsets)?;
    let order = reach_order(&trailer, &objects);
    let new_id: HashMap<u32, u32> = order
        .iter()
        .zip(1..)
        .map(|(&old, new)| (old, new))
        .collect();
    let first_object = offsets.iter().map(|&(_, at)| at).min().unwrap_or(pdf.len());
    let mut out = pdf[..first_object].to_vec();
    let mut places = Vec::with_capacity(order.len());
    for (old, new) in order.iter().zip(1u32..) {
        let object = &objects[old];
        places.push(out.len());
        out.extend_from_slice(format!("{new} 0 obj\n").as_bytes());
        out.extend_from_slice(&renumber(&object.text, &new_id));
        out.extend_from_slice(object.tail);
    }
    write_xref(&mut out, &places, &renumber(&trailer, &new_id));
    Ok(out)
}

fn malformed(what: &'static str) -> Error {
    RenderError::PdfLayout { what }.into()
}

/// Where the cross-reference table starts and each object's (id, byte offset).
fn read_xref(pdf: &[u8]) -> Result<(usize, Vec<(u32, usize)>)> {
    let marker = rfind(pdf, b"startxref\n").ok_or_else(|| malformed("no startxref"))?;
    let digits = &pdf[marker + b"startxref\n".len()..];
    let xref_at = leading_number(digits).ok_or_else(|| malformed("no xref offset"))?;
    let table = pdf
        .get(xref_at..)
        .filter(|rest| rest.starts_with(b"xref\n0 "))
        .ok_or_else(|| malformed("no xref table"))?;
    let count =
        leading_number(&table[b"xref\n0 ".len()..]).ok_or_else(|| malformed("xref size"))?;
    let entries_at = table
        .iter()
        .position(|&b| b == b'\n')
        .and_then(|first| {
            table[first + 1..]
                .iter()
                .position(|&b| b == b'\n')
                .map(|n| first + n + 2)
        })
        .ok_or_else(|| malformed("xref header"))?;
    let mut offsets = Vec::new();
    for id in 0..count {
        let entry = table
            .get(entries_at + id * 20..entries_at + id * 20 + 20)
            .ok_or_else(|| malformed("short xref table"))?;
        if entry[17] == b'n' {
            let at = leading_number(entry).ok_or_else(|| malformed("xref entry"))?;
            let id = u32::try_from(id).map_err(|_| malformed("object number"))?;
            offsets.push((id, at));
        }
    }
    Ok((xref_at, offsets))
}

/// The trailer dictionary's text, `<<` … `>>`.
fn trailer_text(pdf: &[u8], xref_at: usize) -> Result<Vec<u8>> {
    let rest = &pdf[xref_at..];
    let start =
        find(rest, b"trailer\n").ok_or_else(|| malformed("no trailer"))? + b"trailer\n".len();
    let end = find(rest, b"\nstartxref\n").ok_or_else(|| malformed("no startxref"))?;
    rest.get(start..end)
        .map(<[u8]>::to_vec)
        .ok_or_else(|| malformed("trailer"))
}

/// Every object by its old number, with its resource dictionaries sorted.
fn read_objects<'a>(
    pdf: &'a [u8],
    xref_at: usize,
    offsets: &[(u32, usize)],
) -> Result<HashMap<u32, Object<'a>>> {
    let mut by_place = offsets.to_vec();
    by_place.sort_by_key(|&(_, at)| at);
    let mut objects = HashMap::new();
    for (i, &(id, at)) in by_place.iter().enumerate() {
        let end = by_place.get(i + 1).map_or(xref_at, |&(_, next)| next);
        let bytes = pdf.get(at..end).ok_or_else(|| malformed("object offset"))?;
        let header = format!("{id} 0 obj\n");
        let body = bytes
            .strip_prefix(header.as_bytes())
            .ok_or_else(|| malformed("object header"))?;
        // A stream object's dictionary closes at the first line `>>` before `stream`; its data
        // comes after and is not read.
        let split = find(body, b"\n>>\nstream\n").map_or(body.len(), |at| at + b"\n>>".len());
        let (text, tail) = body.split_at(split);
        objects.insert(
            id,
            Object {
                text: sort_resources(text),
                tail,
            },
        );
    }
    Ok(objects)
}

/// The entries of every dictionary directly inside a `/Resources` dictionary, sorted by name
/// (one entry a line, as pdf-writer writes them). A dictionary with a nested one is kept as
/// it is.
fn sort_resources(text: &[u8]) -> Vec<u8> {
    let lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
    let mut out: Vec<&[u8]> = Vec::with_capacity(lines.len());
    let mut keys: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        out.push(line);
        i += 1;
        let trimmed = line.trim_ascii();
        if trimmed == b">>" {
            keys.pop();
        } else if let Some(opening) = trimmed.strip_suffix(b"<<") {
            if keys.last() == Some(&&b"/Resources"[..]) {
                let entries: Vec<&[u8]> = lines[i..]
                    .iter()
                    .copied()
                    .take_while(|entry| !entry.trim_ascii().starts_with(b">>"))
                    .collect();
                if entries.iter().all(|entry| !entry.ends_with(b"<<")) {
                    let mut sorted = entries.clone();
                    sorted.sort_unstable();
                    out.extend(sorted);
                    i += entries.len();
                    keys.push(opening.trim_ascii());
                    continue;
                }
            }
            keys.push(opening.trim_ascii());
        }
    }
    out.join(&b'\n')
}

/// The old object numbers in the order they are first referred to, breadth first from the
/// trailer; objects nothing refers to come last, by old number.
fn reach_order(trailer: &[u8], objects: &HashMap<u32, Object<'_>>) -> Vec<u32> {
    let mut order: Vec<u32> = Vec::with_capacity(objects.len());
    let mut seen: HashSet<u32> = HashSet::with_capacity(objects.len());
    let mut queue: VecDeque<u32> = references(trailer).into_iter().collect();
    while let Some(id) = queue.pop_front() {
        if let Some(object) = objects.get(&id).filter(|_| seen.insert(id)) {
            order.push(id);
            queue.extend(references(&object.text));
        }
    }
    let mut rest: Vec<u32> = objects
        .keys()
        .copied()
        .filter(|id| !seen.contains(id))
        .collect();
    rest.sort_unstable();
    order.extend(rest);
    order
}

/// Each indirect reference `N 0 R` in a text: (start, end of the number, N), outside of
/// literal strings.
fn reference_spans(text: &[u8]) -> Vec<(usize, usize, u32)> {
    let mut spans = Vec::new();
    let mut i = 0;
    let mut depth = 0usize;
    while i < text.len() {
        let byte = text[i];
        match byte {
            b'\\' if depth > 0 => i += 1,
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'0'..=b'9' if depth == 0 && (i == 0 || is_delimiter(text[i - 1])) => {
                let end = i + text[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                let after = &text[end..];
                let closes = after.get(4).is_none_or(|&b| is_delimiter(b));
                if after.starts_with(b" 0 R") && closes {
                    if let Some(id) = leading_number(&text[i..end]) {
                        if let Ok(id) = u32::try_from(id) {
                            spans.push((i, end, id));
                        }
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    spans
}

fn references(text: &[u8]) -> Vec<u32> {
    reference_spans(text)
        .into_iter()
        .map(|(_, _, id)| id)
        .collect()
}

/// The text with every reference's number replaced by its new one.
fn renumber(text: &[u8], new_id: &HashMap<u32, u32>) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut from = 0;
    for (start, end, id) in reference_spans(text) {
        if let Some(new) = new_id.get(&id) {
            out.extend_from_slice(&text[from..start]);
            out.extend_from_slice(new.to_string().as_bytes());
            from = end;
        }
    }
    out.extend_from_slice(&text[from..]);
    out
}

/// The cross-reference table, trailer and end marker, as pdf-writer writes them.
fn write_xref(out: &mut Vec<u8>, places: &[usize], trailer: &[u8]) {
    let xref_at = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f\r\n", places.len() + 1);
    for place in places {
        let _ = write!(table, "{place:010} 00000 n\r\n");
    }
    table.push_str("trailer\n");
    out.extend_from_slice(table.as_bytes());
    out.extend_from_slice(trailer);
    out.extend_from_slice(format!("\nstartxref\n{xref_at}\n%%EOF").as_bytes());
}

fn is_delimiter(byte: u8) -> bool {
    byte.is_ascii_whitespace() || b"[]<>()/{}%".contains(&byte)
}

fn leading_number(bytes: &[u8]) -> Option<usize> {
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    std::str::from_utf8(&bytes[..digits]).ok()?.parse().ok()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF laid out like pdf-writer's, with a shuffled resource dictionary and objects out
    /// of reading order.
    fn sample(resources: &str, font_first: bool) -> Vec<u8> {
        let catalog = "<<\n  /Type /Catalog\n  /Pages 4 0 R\n>>\nendobj\n\n";
        let pages = "<<\n  /Type /Pages\n  /Count 1\n  /Kids [5 0 R]\n>>\nendobj\n\n";
        let page = format!(
            "<<\n  /Type /Page\n  /Resources <<\n    /Font <<\n{resources}    >>\n  >>\n  /Parent 4 0 R\n  /Contents 6 0 R\n>>\nendobj\n\n"
        );
        let content = "<<\n  /Length 5\n>>\nstream\n(1 0 R)\nendstream\nendobj\n\n";
        let font_a = "<<\n  /Type /Font\n  /BaseFont /Regular\n  /Note (see 2 0 R)\n>>\nendobj\n\n";
        let font_b = "<<\n  /Type /Font\n  /BaseFont /Bold\n>>\nendobj\n\n";
        let mut objects: Vec<(u32, String)> = vec![
            (3, catalog.into()),
            (4, pages.into()),
            (5, page),
            (6, content.into()),
        ];
        let fonts = [(1, font_a.to_string()), (2, font_b.to_string())];
        if font_first {
            objects.splice(0..0, fonts);
        } else {
            objects.extend(fonts);
        }
        let mut pdf = b"%PDF-1.7\n%\x80\x80\x80\x80\n\n".to_vec();
        let mut places = [0; 7];
        for (id, body) in &objects {
            places[*id as usize] = pdf.len();
            pdf.extend_from_slice(format!("{id} 0 obj\n{body}").as_bytes());
        }
        write_xref(&mut pdf, &places[1..], b"<<\n  /Size 7\n  /Root 3 0 R\n>>");
        pdf
    }

    #[test]
    fn the_same_content_in_another_order_gives_the_same_bytes() {
        let a = sample("      /fo0 1 0 R\n      /fo1 2 0 R\n", false);
        let b = sample("      /fo1 2 0 R\n      /fo0 1 0 R\n", true);
        assert_ne!(a, b);
        let canonical_a = canonical_pdf(&a).unwrap();
        assert_eq!(canonical_a, canonical_pdf(&b).unwrap());
        assert_eq!(canonical_pdf(&canonical_a).unwrap(), canonical_a);
    }

    #[test]
    fn objects_are_numbered_in_reading_order_and_strings_and_streams_kept() {
        let pdf = sample("      /fo1 2 0 R\n      /fo0 1 0 R\n", true);
        let canonical = canonical_pdf(&pdf).unwrap();
        let text = String::from_utf8_lossy(&canonical).into_owned();
        // Catalog 1, pages 2, page 3, then the page's fonts (sorted by name) and its content.
        assert!(
            text.contains("1 0 obj\n<<\n  /Type /Catalog\n  /Pages 2 0 R"),
            "{text}"
        );
        assert!(text.contains("/fo0 4 0 R\n      /fo1 5 0 R\n"), "{text}");
        assert!(
            text.contains("4 0 obj\n<<\n  /Type /Font\n  /BaseFont /Regular"),
            "{text}"
        );
        assert!(text.contains("/Contents 6 0 R"), "{text}");
        // References inside literal strings and stream data are not references.
        assert!(text.contains("(see 2 0 R)") && text.contains("stream\n(1 0 R)\nendstream"));
        assert!(text.contains("/Root 1 0 R") && text.ends_with("%%EOF"));
        // The cross-reference table points at each object.
        let (xref_at, offsets) = read_xref(&canonical).unwrap();
        assert_eq!(offsets.len(), 6);
        for (id, at) in offsets {
            assert!(canonical[at..xref_at].starts_with(format!("{id} 0 obj\n").as_bytes()));
        }
    }

    #[test]
    fn a_file_of_another_layout_is_an_error_not_a_panic() {
        assert!(canonical_pdf(b"%PDF-1.7\nnothing here").is_err());
        assert!(canonical_pdf(b"startxref\n999999\n%%EOF").is_err());
    }
}
