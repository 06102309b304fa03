//! Gazetteer (used by geocode and extract, and by `build.rs`): the compact binary index format
//! and its writer.
//!
//! `build.rs` writes the world gazetteer in this format into `OUT_DIR` (embedded with
//! `include_bytes!`); the GeoNames builder (`geonames`) writes `.gaz` files in it; user place
//! tables are indexed in memory with it. This file has no crate-internal imports besides the sibling
//! `fold` module, so `build.rs` can include it with `#[path]`.
//!
//! Layout (all integers little-endian):
//!
//! | bytes | content |
//! | --- | --- |
//! | 0..8 | magic `INCIGAZ1` |
//! | 8..16 | record count (u32), reserved (u32) |
//! | 16..72 | offsets and lengths (u64): fst, postings, records, strings |
//! | fst | `fst::Map`: folded name → value. Value with bit 63 set: one posting in the low bits; otherwise the index of a run in the postings, whose first u64 is its length |
//! | postings | u64 each: record index (low 32 bits), name index within the record (next 16 bits) |
//! | records | [`RECORD_SIZE`] bytes each, see [`write_index`] |
//! | strings | names joined by `|`; text ids and admin1 codes with a one-byte length prefix |

use std::collections::HashMap;

use super::fold::{fold, fold_literal};

/// File magic (and format version).
pub const MAGIC: &[u8; 8] = b"INCIGAZ1";
/// Header size in bytes.
pub const HEADER_SIZE: usize = 72;
/// Size of one record in bytes.
pub const RECORD_SIZE: usize = 40;
/// Marks an fst value that holds a single posting.
pub const SINGLE: u64 = 1 << 63;
/// "None" in u32 reference fields.
pub const NONE: u32 = u32::MAX;
/// Stored latitude/longitude of a record without a point.
pub const NO_POINT: i32 = i32::MIN;
/// Flag in the kind byte: the id is a text id in the strings section.
pub const TEXT_ID: u8 = 0x80;

/// Entry kinds as stored (see `EntryKind`).
pub const KIND_SITE: u8 = 0;
pub const KIND_POPULATED: u8 = 1;
pub const KIND_ADMIN2: u8 = 2;
pub const KIND_ADMIN1: u8 = 3;
pub const KIND_COUNTRY: u8 = 4;
/// A continent or large world region (gazetteer/regions.tsv).
pub const KIND_REGION: u8 = 5;

/// Precisions as stored (see `GeoPrecision`).
pub const PREC_SITE: u8 = 0;
pub const PREC_TOWN: u8 = 1;
pub const PREC_NEAR_TOWN: u8 = 2;
pub const PREC_ADMIN2: u8 = 3;
pub const PREC_ADMIN1: u8 = 4;
pub const PREC_COUNTRY: u8 = 5;

/// GeoNames feature codes that rank, by their stored number (0 = unknown or other).
pub const FEATURE_CODES: [&str; 8] = ["", "PPL", "PPLA4", "PPLA3", "PPLA2", "PPLA", "PPLC", "PPLG"];

/// The stored number of a GeoNames feature code (0 for unknown and codes that do not rank).
pub fn feature_number(code: &str) -> u8 {
    FEATURE_CODES.iter().position(|c| *c == code).unwrap_or(0) as u8
}

/// A record's id: a GeoNames id (`geonames:N`) or a text id (`site:…`, `user:…`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RecordId {
    Geonames(u32),
    Text(String),
}

/// One gazetteer record as the writer takes it.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: RecordId,
    pub kind: u8,
    pub feature: u8,
    pub precision: u8,
    /// ISO 3166-1 alpha-2, or empty.
    pub country: String,
    /// Admin1 code `CC.A1`, or empty. An admin1 record carries its own code.
    pub admin1: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// Canonical name first; names containing `|` are skipped.
    pub names: Vec<String>,
}

/// Writes records to the index format. Fails only when the data exceeds the format's limits.
pub fn write_index(records: &[Record]) -> Result<Vec<u8>, String> {
    let count = u32::try_from(records.len()).map_err(|_| "too many records".to_string())?;
    let admin1_records = admin1_positions(records);
    let mut strings = Strings::default();
    let mut keys: Vec<(String, u64)> = Vec::with_capacity(records.len() * 4);
    let mut rec_bytes: Vec<u8> = Vec::with_capacity(records.len() * RECORD_SIZE);
    for (i, r) in records.iter().enumerate() {
        let (id, text_flag) = match &r.id {
            RecordId::Geonames(n) => (*n, 0),
            RecordId::Text(t) => (strings.short(t)?, TEXT_ID),
        };
        let admin1_off = if r.admin1.is_empty() {
            NONE
        } else {
            strings.short(&r.admin1)?
        };
        let (names_off, names_len) = strings.names(r, i as u32, &mut keys)?;
        let country = r.country.as_bytes();
        rec_bytes.extend_from_slice(&id.to_le_bytes());
        rec_bytes.extend_from_slice(&[r.kind | text_flag, r.feature, r.precision, 0]);
        rec_bytes.extend_from_slice(&[
            country.first().copied().unwrap_or(0),
            country.get(1).copied().unwrap_or(0),
        ]);
        rec_bytes.extend_from_slice(&[0, 0]);
        rec_bytes.extend_from_slice(&fixed(r.lat).to_le_bytes());
        rec_bytes.extend_from_slice(&fixed(r.lon).to_le_bytes());
        rec_bytes.extend_from_slice(&(r.population.min(u64::from(u32::MAX)) as u32).to_le_bytes());
        rec_bytes.extend_from_slice(&names_off.to_le_bytes());
        rec_bytes.extend_from_slice(&names_len.to_le_bytes());
        rec_bytes.extend_from_slice(&admin1_off.to_le_bytes());
        let admin1_rec = admin1_records
            .get(r.admin1.as_str())
            .copied()
            .unwrap_or(NONE);
        rec_bytes.extend_from_slice(&admin1_rec.to_le_bytes());
    }
    let (fst_bytes, postings) = key_map(keys)?;
    Ok(assemble(
        count,
        &fst_bytes,
        &postings,
        &rec_bytes,
        &strings.bytes,
    ))
}

/// The first record of each admin1 code, by code.
fn admin1_positions(records: &[Record]) -> HashMap<&str, u32> {
    let mut positions: HashMap<&str, u32> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if r.kind == KIND_ADMIN1 && !r.admin1.is_empty() {
            positions.entry(r.admin1.as_str()).or_insert(i as u32);
        }
    }
    positions
}

/// The string section being written: short strings (ids, admin1 codes) once each, with a
/// length byte; each record's names joined by `|`.
#[derive(Default)]
struct Strings {
    bytes: Vec<u8>,
    short: HashMap<String, u32>,
}

impl Strings {
    /// The offset of a short string, written the first time it is asked for.
    fn short(&mut self, s: &str) -> Result<u32, String> {
        if let Some(off) = self.short.get(s) {
            return Ok(*off);
        }
        let len = u8::try_from(s.len()).map_err(|_| format!("text too long: {s:?}"))?;
        let off = offset(self.bytes.len())?;
        self.bytes.push(len);
        self.bytes.extend_from_slice(s.as_bytes());
        self.short.insert(s.to_string(), off);
        Ok(off)
    }

    /// Writes the names of record `index` and adds its search keys; returns where the names
    /// are and how long they are.
    fn names(
        &mut self,
        r: &Record,
        index: u32,
        keys: &mut Vec<(String, u64)>,
    ) -> Result<(u32, u32), String> {
        let names_off = offset(self.bytes.len())?;
        // One posting per distinct (key, literal form) of a record, so that a query written
        // like one of its names ("Ain Issa") can rank as a literal match.
        let mut seen_keys: Vec<(String, String)> = Vec::new();
        // A record without a point (some divisions) is stored for its names but not indexed.
        let located = r.lat.is_finite() && r.lon.is_finite();
        let usable = r
            .names
            .iter()
            .filter(|n| !n.contains('|') && !n.trim().is_empty());
        for (name_idx, name) in (0u64..).zip(usable) {
            if name_idx > 0 {
                self.bytes.push(b'|');
            }
            self.bytes.extend_from_slice(name.as_bytes());
            let literal = fold_literal(name);
            let seen = (fold(&literal), literal);
            if located
                && seen.0.len() >= 2
                && seen.0.len() <= 255
                && name_idx < 0xFFFF
                && !seen_keys.contains(&seen)
            {
                let key = seen.0.clone();
                seen_keys.push(seen);
                keys.push((key, u64::from(index) | (name_idx << 32)));
            }
        }
        Ok((names_off, offset(self.bytes.len())? - names_off))
    }
}

/// The fst map from each key to its single posting (flagged [`SINGLE`]) or to the start of
/// its list in the postings (a count, then the postings).
fn key_map(mut keys: Vec<(String, u64)>) -> Result<(Vec<u8>, Vec<u64>), String> {
    keys.sort_unstable();
    let mut postings: Vec<u64> = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    let mut start = 0;
    while start < keys.len() {
        let mut end = start + 1;
        while end < keys.len() && keys[end].0 == keys[start].0 {
            end += 1;
        }
        let value = if end - start == 1 {
            SINGLE | keys[start].1
        } else {
            let at = postings.len() as u64;
            postings.push((end - start) as u64);
            postings.extend(keys[start..end].iter().map(|k| k.1));
            at
        };
        builder
            .insert(&keys[start].0, value)
            .map_err(|e| e.to_string())?;
        start = end;
    }
    let fst_bytes = builder.into_inner().map_err(|e| e.to_string())?;
    Ok((fst_bytes, postings))
}

/// The file: header (magic, count, the sections' offsets and sizes), then the fst, the
/// postings, the records and the strings.
fn assemble(
    count: u32,
    fst_bytes: &[u8],
    postings: &[u64],
    rec_bytes: &[u8],
    strings: &[u8],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(
        HEADER_SIZE + fst_bytes.len() + postings.len() * 8 + rec_bytes.len() + strings.len(),
    );
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    let fst_off = HEADER_SIZE as u64;
    let post_off = fst_off + fst_bytes.len() as u64;
    let rec_off = post_off + postings.len() as u64 * 8;
    let str_off = rec_off + rec_bytes.len() as u64;
    for v in [
        fst_off,
        fst_bytes.len() as u64,
        post_off,
        postings.len() as u64,
        rec_off,
        str_off,
        strings.len() as u64,
    ] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(fst_bytes);
    for p in postings {
        out.extend_from_slice(&p.to_le_bytes());
    }
    out.extend_from_slice(rec_bytes);
    out.extend_from_slice(strings);
    out
}

fn offset(len: usize) -> Result<u32, String> {
    u32::try_from(len).map_err(|_| "string data exceeds 4 GiB".to_string())
}

/// Degrees as fixed-point 1e-5 (GeoNames precision); [`NO_POINT`] when unknown.
fn fixed(deg: f64) -> i32 {
    if deg.is_finite() {
        (deg * 100_000.0).round() as i32
    } else {
        NO_POINT
    }
}
