//! The promise "nothing lost", checked over generated messy tables (issue 11): for every
//! table, rows in = features out + rows in `--errors`, and every output parses (GeoJSON with
//! serde_json, CSV with the csv crate, KML with an XML parser). The tables mix good rows,
//! places to look up (known and unknown), bad dates and counts, rows with too few or too many
//! fields, quoted fields with delimiters, quotes and line breaks, an unterminated quote, invalid
//! UTF-8, characters XML forbids, CRLF line ends, a byte-order mark and semicolons.

use crate::common::{incimap, stderr};

/// A small deterministic generator (xorshift64*), so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// One table: its bytes and how many data rows it has.
struct Table {
    bytes: Vec<u8>,
    rows: usize,
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// One data row of `date,place,lon,lat,killed,title` (fields joined by `sep`); the row may
/// have a wrong number of fields, bad values or odd characters.
fn row(rng: &mut Rng, sep: char, quotes_allowed: bool) -> Vec<u8> {
    let date = rng.pick(&[
        "2019-10-13",
        "2022-01",
        "2019",
        "13 October 2019",
        "2019-02-30",
        "13/10/2019",
        "soon",
        "",
    ]);
    let place = rng.pick(&[
        "Suluk",
        "Hasakah",
        "Ain Issa",
        "Raqqa",
        "Zzqxv",
        "Qqxzw Town",
        "",
    ]);
    let (lon, lat) = match rng.below(4) {
        0 => ("", ""),
        1 => ("39.13", "36.6"),
        2 => ("36,6", "39,13"),
        _ => ("200", "95"),
    };
    let killed = rng.pick(&[
        "",
        "3",
        "700+",
        "hundreds",
        "-5",
        "many",
        "100-700",
        "18446744073709551616",
    ]);
    let title = match rng.below(6) {
        0 if quotes_allowed => quoted("clash, then \"retreat\"\nnext day"),
        1 if quotes_allowed => quoted(&format!("a{sep}b")),
        2 => "odd\u{FFFE}\u{1}chars".to_string(),
        3 => "\u{1b}[31mred".to_string(),
        _ => "plain".to_string(),
    };
    let mut fields: Vec<String> = [date, place, lon, lat, killed]
        .iter()
        .map(|s| s.to_string())
        .collect();
    fields.push(title);
    match rng.below(12) {
        0 => {
            fields.pop();
        }
        1 => fields.push("extra".into()),
        _ => {}
    }
    let mut bytes = fields.join(&sep.to_string()).into_bytes();
    if rng.below(15) == 0 {
        bytes.extend_from_slice(b" \xff\xfe");
    }
    bytes
}

fn table(seed: u64) -> Table {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let sep = if rng.below(3) == 0 { ';' } else { ',' };
    let eol: &[u8] = if rng.below(3) == 0 { b"\r\n" } else { b"\n" };
    let mut bytes = Vec::new();
    if rng.below(4) == 0 {
        bytes.extend_from_slice("\u{FEFF}".as_bytes());
    }
    let header = ["date", "place", "lon", "lat", "killed", "title"].join(&sep.to_string());
    bytes.extend_from_slice(header.as_bytes());
    bytes.extend_from_slice(eol);
    let rows = 5 + rng.below(30) as usize;
    // After an unterminated quote no quote follows, so each later line is one row again.
    let unterminated = (rng.below(3) == 0).then(|| rng.below(rows as u64) as usize);
    for index in 0..rows {
        let quotes_allowed = unterminated.is_none_or(|u| index < u);
        if unterminated == Some(index) {
            let line = format!("2019-10-13{sep}Suluk{sep}{sep}{sep}3{sep}\"never closed");
            bytes.extend_from_slice(line.as_bytes());
        } else {
            bytes.extend(row(&mut rng, sep, quotes_allowed));
        }
        bytes.extend_from_slice(eol);
    }
    Table { bytes, rows }
}

fn error_rows(path: &std::path::Path) -> usize {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .inspect(|r| assert!(r.is_ok(), "the errors file parses: {r:?}"))
        .count()
}

fn features_out(format: &str, bytes: &[u8]) -> usize {
    match format {
        "geojson" => {
            let value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            value["features"].as_array().unwrap().len()
        }
        "csv" => csv::Reader::from_reader(bytes)
            .records()
            .inspect(|r| assert!(r.is_ok(), "the CSV output parses: {r:?}"))
            .count(),
        _ => {
            let text = std::str::from_utf8(bytes).unwrap();
            let doc = roxmltree::Document::parse(text).expect("the KML parses");
            doc.descendants()
                .filter(|n| n.has_tag_name("Placemark"))
                .count()
        }
    }
}

#[test]
fn rows_in_equal_features_out_plus_rows_in_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (mut total_features, mut total_errors, mut unterminated) = (0, 0, 0);
    for seed in 1..=40u64 {
        let table = table(seed);
        unterminated += usize::from(table.bytes.windows(13).any(|w| w == b"\"never closed"));
        std::fs::write(dir.path().join("t.csv"), &table.bytes).unwrap();
        for format in ["geojson", "csv", "kml"] {
            let out_name = format!("out.{format}");
            let args = ["export", "t.csv", "-o", &out_name, "--errors", "errors.csv"];
            let out = incimap(&args, dir.path());
            let err = stderr(&out);
            assert!(
                matches!(out.status.code(), Some(0) | Some(2)),
                "seed {seed} {format}: {err}"
            );
            let written = std::fs::read(dir.path().join(&out_name)).unwrap();
            let features = features_out(format, &written);
            let errors = error_rows(&dir.path().join("errors.csv"));
            total_features += features;
            total_errors += errors;
            assert_eq!(
                table.rows,
                features + errors,
                "seed {seed} {format}: {} rows in, {features} features + {errors} errors\n{err}\n{}",
                table.rows,
                String::from_utf8_lossy(&table.bytes)
            );
        }
    }
    // The generator does make every kind of table.
    assert!(total_features > 100 && total_errors > 100 && unterminated > 5);
}
