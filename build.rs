//! Build script: compiles the world gazetteer in `gazetteer/*.tsv` (GeoNames, CC BY 4.0; see
//! `gazetteer/PROVENANCE.md`) into the binary index format of `src/gazetteer/format.rs`, written
//! to `$OUT_DIR/world.gaz` and embedded by `src/gazetteer/index.rs` with `include_bytes!`.
//! It shares `fold` and the writer with the library, so index and queries fold alike.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/reference/fold.rs"]
mod fold;
#[allow(dead_code)]
#[path = "src/gazetteer/format.rs"]
mod format;

use format::{Record, RecordId};

const INPUTS: [&str; 7] = [
    "places.tsv",
    "aliases.tsv",
    "admin1.tsv",
    "admin2.tsv",
    "countries.tsv",
    "sites.tsv",
    "regions.tsv",
];

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/reference/fold.rs");
    println!("cargo:rerun-if-changed=src/gazetteer/format.rs");
    for f in INPUTS {
        println!("cargo:rerun-if-changed=gazetteer/{f}");
    }
    let records = read_all(&dir.join("gazetteer"));
    let bytes = format::write_index(&records).unwrap_or_else(|e| panic!("gazetteer index: {e}"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("world.gaz");
    fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// Rows of a TSV file as column-name → value maps (header line first).
fn rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap_or("")
        .split('\t')
        .map(str::to_string)
        .collect();
    let rows = lines
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    (header, rows)
}

struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn read(dir: &Path, name: &str) -> Table {
        let (header, rows) = rows(&dir.join(name));
        Table { header, rows }
    }
    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("missing column {name}"))
    }
}

fn num(s: &str) -> f64 {
    s.parse().unwrap_or(f64::NAN)
}

fn names(s: &str) -> Vec<String> {
    s.split('|')
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

fn read_all(dir: &Path) -> Vec<Record> {
    let mut records = Vec::new();
    let mut by_geonameid: HashMap<u32, usize> = HashMap::new();

    let t = Table::read(dir, "places.tsv");
    let (id, lat, lon, fc, cc, a1, pop, nm) = (
        t.col("geonameid"),
        t.col("lat"),
        t.col("lon"),
        t.col("feature_code"),
        t.col("country"),
        t.col("admin1"),
        t.col("population"),
        t.col("names"),
    );
    for r in &t.rows {
        let gid: u32 = r[id]
            .parse()
            .unwrap_or_else(|_| panic!("bad geonameid {:?}", r[id]));
        by_geonameid.insert(gid, records.len());
        records.push(Record {
            id: RecordId::Geonames(gid),
            kind: format::KIND_POPULATED,
            feature: format::feature_number(&r[fc]),
            precision: format::PREC_TOWN,
            admin1: if r[a1].is_empty() {
                String::new()
            } else {
                format!("{}.{}", r[cc], r[a1])
            },
            country: r[cc].clone(),
            lat: num(&r[lat]),
            lon: num(&r[lon]),
            population: r[pop].parse().unwrap_or(0),
            names: names(&r[nm]),
        });
    }

    let t = Table::read(dir, "aliases.tsv");
    let (alias, gid) = (t.col("alias"), t.col("geonameid"));
    for r in &t.rows {
        let at = r[gid]
            .parse()
            .ok()
            .and_then(|g: u32| by_geonameid.get(&g).copied());
        let at = at.unwrap_or_else(|| panic!("alias {:?}: unknown geonameid {}", r[alias], r[gid]));
        records[at].names.push(r[alias].clone());
    }

    for (file, kind, precision) in [
        ("admin1.tsv", format::KIND_ADMIN1, format::PREC_ADMIN1),
        ("admin2.tsv", format::KIND_ADMIN2, format::PREC_ADMIN2),
    ] {
        let t = Table::read(dir, file);
        let (code, gid, lat, lon, nm) = (
            t.col("code"),
            t.col("geonameid"),
            t.col("lat"),
            t.col("lon"),
            t.col("names"),
        );
        for r in &t.rows {
            let mut parts = r[code].split('.');
            let country = parts.next().unwrap_or("").to_string();
            let admin1 = format!("{country}.{}", parts.next().unwrap_or(""));
            records.push(Record {
                id: RecordId::Geonames(r[gid].parse().unwrap_or(0)),
                kind,
                feature: 0,
                precision,
                country,
                admin1,
                lat: num(&r[lat]),
                lon: num(&r[lon]),
                population: 0,
                names: names(&r[nm]),
            });
        }
    }

    let t = Table::read(dir, "countries.tsv");
    let (iso2, gid, lat, lon, pop, nm) = (
        t.col("iso2"),
        t.col("geonameid"),
        t.col("lat"),
        t.col("lon"),
        t.col("population"),
        t.col("names"),
    );
    for r in &t.rows {
        records.push(Record {
            id: RecordId::Geonames(r[gid].parse().unwrap_or(0)),
            kind: format::KIND_COUNTRY,
            feature: 0,
            precision: format::PREC_COUNTRY,
            country: r[iso2].clone(),
            admin1: String::new(),
            lat: num(&r[lat]),
            lon: num(&r[lon]),
            population: r[pop].parse().unwrap_or(0),
            names: names(&r[nm]),
        });
    }

    let t = Table::read(dir, "sites.tsv");
    let (sid, name, aliases, lat, lon, prec, near) = (
        t.col("id"),
        t.col("name"),
        t.col("aliases"),
        t.col("lat"),
        t.col("lon"),
        t.col("precision"),
        t.col("near_geonameid"),
    );
    for r in &t.rows {
        let town = r[near]
            .parse()
            .ok()
            .and_then(|g: u32| by_geonameid.get(&g))
            .map(|&i| &records[i]);
        let (country, admin1) = town
            .map(|p| (p.country.clone(), p.admin1.clone()))
            .unwrap_or_default();
        let mut all = vec![r[name].clone()];
        all.extend(names(&r[aliases]));
        records.push(Record {
            id: RecordId::Text(r[sid].clone()),
            kind: format::KIND_SITE,
            feature: 0,
            precision: match r[prec].as_str() {
                "site" => format::PREC_SITE,
                "town" => format::PREC_TOWN,
                _ => format::PREC_NEAR_TOWN,
            },
            country,
            admin1,
            lat: num(&r[lat]),
            lon: num(&r[lon]),
            population: 0,
            names: all,
        });
    }

    // Continents and large world regions (Natural Earth): no country, coarsest precision.
    let t = Table::read(dir, "regions.tsv");
    let (rid, gid, lat, lon, pop, nm) = (
        t.col("id"),
        t.col("geonameid"),
        t.col("lat"),
        t.col("lon"),
        t.col("population"),
        t.col("names"),
    );
    for r in &t.rows {
        // A continent carries the GeoNames id of the same continent.
        let id = match r[gid].parse() {
            Ok(n) => RecordId::Geonames(n),
            Err(_) => RecordId::Text(r[rid].clone()),
        };
        records.push(Record {
            id,
            kind: format::KIND_REGION,
            feature: 0,
            precision: format::PREC_COUNTRY,
            country: String::new(),
            admin1: String::new(),
            lat: num(&r[lat]),
            lon: num(&r[lon]),
            population: r[pop].parse().unwrap_or(0),
            names: names(&r[nm]),
        });
    }
    records
}
