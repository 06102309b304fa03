//! Gazetteer (used by geocode and extract): reading the binary index (see `format`) without
//! copying it. Records are decoded on demand and each [`Entry`] is built at most once, so a
//! process that looks up one name touches a few pages of the embedded data, not all of it.
//! In: the bytes of a `.gaz` index (the embedded world gazetteer or a user's); out: the
//! postings of a folded key ([`Index::exact`]; approximate keys in `index_fuzzy.rs`), and each
//! record's names, metadata and [`Entry`].

use std::borrow::Cow;
use std::sync::OnceLock;

use super::format::{self, HEADER_SIZE, MAGIC, NONE, NO_POINT, RECORD_SIZE, SINGLE, TEXT_ID};
use super::{Entry, EntryKind};
use crate::model::GeoPrecision;

/// The world gazetteer built by `build.rs` from `gazetteer/*.tsv`.
pub(crate) static WORLD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/world.gaz"));

const CHUNK: usize = 256;

/// One posting: a record and which of its names matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Posting {
    pub record: u32,
    pub name: u16,
}

impl Posting {
    fn from_u64(v: u64) -> Posting {
        Posting {
            record: (v & 0xFFFF_FFFF) as u32,
            name: ((v >> 32) & 0xFFFF) as u16,
        }
    }
}

/// The fixed-size part of a record, decoded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meta {
    pub kind: EntryKind,
    pub feature: u8,
    pub population: u64,
    pub country: [u8; 2],
    pub lon: f64,
    pub lat: f64,
    pub admin1_code: u32,
    pub id_number: Option<u32>,
}

/// A loaded index: the embedded world gazetteer, a `.gaz` file, or user places.
pub(crate) struct Index {
    bytes: Cow<'static, [u8]>,
    map: fst::Map<Cow<'static, [u8]>>,
    count: usize,
    postings: (usize, usize),
    records: usize,
    strings: (usize, usize),
    entries: Vec<OnceLock<Box<[OnceLock<Entry>]>>>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Index({} records, {} keys)", self.count, self.map.len())
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .and_then(|s| s.try_into().ok())
        .map(u32::from_le_bytes)
        .unwrap_or(NONE)
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8)
        .and_then(|s| s.try_into().ok())
        .map(u64::from_le_bytes)
        .unwrap_or(0)
}

impl Index {
    /// Opens index bytes; `verify` checks the fst checksum (for files from outside).
    pub fn open(bytes: Cow<'static, [u8]>, verify: bool) -> Result<Index, String> {
        if bytes.len() < HEADER_SIZE || &bytes[..8] != MAGIC {
            return Err("not an incimap gazetteer index (bad magic)".into());
        }
        let count = u32_at(&bytes, 8) as usize;
        let h: Vec<usize> = (0..7)
            .map(|i| u64_at(&bytes, 16 + 8 * i) as usize)
            .collect();
        let (fst_off, fst_len, post_off, post_len, rec_off, str_off, str_len) =
            (h[0], h[1], h[2], h[3], h[4], h[5], h[6]);
        let in_bounds =
            |off: usize, len: usize| off.checked_add(len).is_some_and(|end| end <= bytes.len());
        if !in_bounds(fst_off, fst_len)
            || !in_bounds(post_off, post_len.saturating_mul(8))
            || !in_bounds(rec_off, count.saturating_mul(RECORD_SIZE))
            || !in_bounds(str_off, str_len)
        {
            return Err("truncated gazetteer index".into());
        }
        let fst_bytes: Cow<'static, [u8]> = match &bytes {
            Cow::Borrowed(b) => Cow::Borrowed(&b[fst_off..fst_off + fst_len]),
            Cow::Owned(b) => Cow::Owned(b[fst_off..fst_off + fst_len].to_vec()),
        };
        let map = fst::Map::new(fst_bytes).map_err(|e| format!("corrupt gazetteer index: {e}"))?;
        if verify {
            map.as_fst()
                .verify()
                .map_err(|e| format!("corrupt gazetteer index: {e}"))?;
            super::index_check::walk_whole_fst(&map)?;
        }
        let chunks = count.div_ceil(CHUNK);
        Ok(Index {
            bytes,
            map,
            count,
            postings: (post_off, post_len),
            records: rec_off,
            strings: (str_off, str_len),
            entries: (0..chunks).map(|_| OnceLock::new()).collect(),
        })
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn keys(&self) -> usize {
        self.map.len()
    }

    /// The postings of an fst value.
    pub(super) fn postings_of(&self, value: u64, out: &mut Vec<Posting>) {
        if value & SINGLE != 0 {
            out.push(Posting::from_u64(value & !SINGLE));
            return;
        }
        let (off, len) = self.postings;
        let at = value as usize;
        let n = if at < len {
            u64_at(&self.bytes, off + at * 8) as usize
        } else {
            0
        };
        for i in 1..=n.min(len.saturating_sub(at + 1)) {
            out.push(Posting::from_u64(u64_at(&self.bytes, off + (at + i) * 8)));
        }
    }

    /// Records whose names fold to `key` exactly.
    pub fn exact(&self, key: &str, out: &mut Vec<Posting>) {
        if let Some(value) = self.map.get(key) {
            self.postings_of(value, out);
        }
    }

    fn record(&self, i: u32) -> &[u8] {
        let at = self.records + i as usize * RECORD_SIZE;
        if (i as usize) < self.count {
            self.bytes.get(at..at + RECORD_SIZE).unwrap_or(&[])
        } else {
            &[]
        }
    }

    fn short_string(&self, off: u32) -> Option<&str> {
        if off == NONE {
            return None;
        }
        let (base, len) = self.strings;
        let off = off as usize;
        let n = *self.bytes.get(base + off).filter(|_| off < len)? as usize;
        let s = self.bytes.get(base + off + 1..base + off + 1 + n)?;
        std::str::from_utf8(s).ok()
    }

    /// The record's names joined by `|`.
    fn names(&self, i: u32) -> &str {
        let r = self.record(i);
        let (base, len) = self.strings;
        let off = u32_at(r, 24) as usize;
        let n = u32_at(r, 28) as usize;
        if off.saturating_add(n) > len {
            return "";
        }
        self.bytes
            .get(base + off..base + off + n)
            .and_then(|s| std::str::from_utf8(s).ok())
            .unwrap_or("")
    }

    /// The `n`th name of a record ("" when out of range).
    pub fn name(&self, i: u32, n: u16) -> &str {
        self.names(i).split('|').nth(n as usize).unwrap_or("")
    }

    pub fn meta(&self, i: u32) -> Meta {
        let r = self.record(i);
        let b = |at: usize| r.get(at).copied().unwrap_or(0);
        let kind_byte = b(4);
        let deg = |at: usize| {
            let v = u32_at(r, at) as i32;
            if v == NO_POINT {
                f64::NAN
            } else {
                f64::from(v) / 100_000.0
            }
        };
        Meta {
            kind: match kind_byte & !TEXT_ID {
                format::KIND_SITE => EntryKind::Site,
                format::KIND_ADMIN2 => EntryKind::Admin2,
                format::KIND_ADMIN1 => EntryKind::Admin1,
                format::KIND_COUNTRY => EntryKind::Country,
                format::KIND_REGION => EntryKind::Region,
                _ => EntryKind::Populated,
            },
            feature: b(5),
            population: u64::from(u32_at(r, 20)),
            country: [b(8), b(9)],
            lat: deg(12),
            lon: deg(16),
            admin1_code: u32_at(r, 32),
            id_number: (kind_byte & TEXT_ID == 0).then(|| u32_at(r, 0)),
        }
    }

    /// The names (`|`-joined) of the record's admin1 division, "" when unknown.
    pub fn admin1_names(&self, i: u32) -> &str {
        match u32_at(self.record(i), 36) {
            NONE => "",
            a => self.names(a),
        }
    }

    pub fn map(&self) -> &fst::Map<Cow<'static, [u8]>> {
        &self.map
    }

    pub fn admin1_code(&self, i: u32) -> Option<&str> {
        self.short_string(self.meta(i).admin1_code)
    }

    /// The entry for record `i`, built on first use.
    pub fn entry(&self, i: u32) -> &Entry {
        let chunk = self.entries.get(i as usize / CHUNK);
        match chunk {
            Some(chunk) => {
                let slots = chunk.get_or_init(|| (0..CHUNK).map(|_| OnceLock::new()).collect());
                slots[i as usize % CHUNK].get_or_init(|| self.build_entry(i))
            }
            None => self.empty_entry(),
        }
    }

    fn empty_entry(&self) -> &Entry {
        static EMPTY: OnceLock<Entry> = OnceLock::new();
        EMPTY.get_or_init(|| self.build_entry(u32::MAX))
    }

    fn build_entry(&self, i: u32) -> Entry {
        let r = self.record(i);
        let m = self.meta(i);
        let mut names = self.names(i).split('|').map(str::to_string);
        let name = names.next().unwrap_or_default();
        let id = match m.id_number {
            Some(n) => format!("geonames:{n}"),
            None => self.short_string(u32_at(r, 0)).unwrap_or("").to_string(),
        };
        let admin1_rec = u32_at(r, 36);
        let admin1 =
            (admin1_rec != NONE && admin1_rec != i).then(|| self.name(admin1_rec, 0).to_string());
        let precision = match r.get(6).copied().unwrap_or(format::PREC_TOWN) {
            format::PREC_SITE => GeoPrecision::Site,
            format::PREC_NEAR_TOWN => GeoPrecision::NearTown,
            format::PREC_ADMIN2 => GeoPrecision::Admin2,
            format::PREC_ADMIN1 => GeoPrecision::Admin1,
            format::PREC_COUNTRY => GeoPrecision::Country,
            _ => GeoPrecision::Town,
        };
        Entry {
            id,
            name,
            country_code: String::from_utf8_lossy(&m.country)
                .trim_matches('\0')
                .to_string(),
            admin1: admin1.filter(|a| !a.is_empty()),
            admin1_code: self.admin1_code(i).map(str::to_string),
            lon: m.lon,
            lat: m.lat,
            kind: m.kind,
            feature_code: Some(format::FEATURE_CODES[(m.feature as usize).min(7)])
                .filter(|c| !c.is_empty())
                .map(str::to_string),
            precision,
            population: m.population,
            aliases: names.collect(),
        }
    }
}
