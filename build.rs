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

/// Where a row of a table of places is, what it is called and (where the table says) how many
/// live there: the columns the tables share.
struct Located {
    lat: usize,
    lon: usize,
    names: usize,
    population: Option<usize>,
}

impl Located {
    fn of(t: &Table) -> Located {
        Located {
            lat: t.col("lat"),
            lon: t.col("lon"),
            names: t.col("names"),
            population: t.header.iter().position(|h| h == "population"),
        }
    }

    /// A record of the row, with no feature code, country or admin1 code.
    fn record(&self, r: &[String], id: RecordId, kind: u8, precision: u8) -> Record {
        Record {
            id,
            kind,
            feature: 0,
            precision,
            country: String::new(),
            admin1: String::new(),
            lat: num(&r[self.lat]),
            lon: num(&r[self.lon]),
            population: self.population.map_or(0, |p| r[p].parse().unwrap_or(0)),
            names: names(&r[self.names]),
        }
    }
}

fn read_all(dir: &Path) -> Vec<Record> {
    let mut records = Vec::new();
    let by_geonameid = read_places(dir, &mut records);
    read_aliases(dir, &by_geonameid, &mut records);
    read_admin(dir, &mut records);
    read_countries(dir, &mut records);
    read_sites(dir, &by_geonameid, &mut records);
    read_regions(dir, &mut records);
    records
}

/// Populated places (GeoNames); returns where each geonameid's record is.
fn read_places(dir: &Path, records: &mut Vec<Record>) -> HashMap<u32, usize> {
    let mut by_geonameid = HashMap::new();
    let t = Table::read(dir, "places.tsv");
    let at = Located::of(&t);
    let (id, fc, cc, a1) = (
        t.col("geonameid"),
        t.col("feature_code"),
        t.col("country"),
        t.col("admin1"),
    );
    for r in &t.rows {
        let gid: u32 = r[id]
            .parse()
            .unwrap_or_else(|_| panic!("bad geonameid {:?}", r[id]));
        by_geonameid.insert(gid, records.len());
        let place = at.record(
            r,
            RecordId::Geonames(gid),
            format::KIND_POPULATED,
            format::PREC_TOWN,
        );
        records.push(Record {
            feature: format::feature_number(&r[fc]),
            admin1: if r[a1].is_empty() {
                String::new()
            } else {
                format!("{}.{}", r[cc], r[a1])
            },
            country: r[cc].clone(),
            ..place
        });
    }
    by_geonameid
}

/// More names of places already read.
fn read_aliases(dir: &Path, by_geonameid: &HashMap<u32, usize>, records: &mut [Record]) {
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
}

/// First- and second-level divisions, each with its country and admin1 code.
fn read_admin(dir: &Path, records: &mut Vec<Record>) {
    for (file, kind, precision) in [
        ("admin1.tsv", format::KIND_ADMIN1, format::PREC_ADMIN1),
        ("admin2.tsv", format::KIND_ADMIN2, format::PREC_ADMIN2),
    ] {
        let t = Table::read(dir, file);
        let at = Located::of(&t);
        let (code, gid) = (t.col("code"), t.col("geonameid"));
        for r in &t.rows {
            let mut parts = r[code].split('.');
            let country = parts.next().unwrap_or("").to_string();
            let admin1 = format!("{country}.{}", parts.next().unwrap_or(""));
            let id = RecordId::Geonames(r[gid].parse().unwrap_or(0));
            records.push(Record {
                country,
                admin1,
                ..at.record(r, id, kind, precision)
            });
        }
    }
}

fn read_countries(dir: &Path, records: &mut Vec<Record>) {
    let t = Table::read(dir, "countries.tsv");
    let at = Located::of(&t);
    let (iso2, gid) = (t.col("iso2"), t.col("geonameid"));
    for r in &t.rows {
        let id = RecordId::Geonames(r[gid].parse().unwrap_or(0));
        records.push(Record {
            country: r[iso2].clone(),
            ..at.record(r, id, format::KIND_COUNTRY, format::PREC_COUNTRY)
        });
    }
}

/// Sites (camps, prisons, …) curated by the project, each in the country and admin1 of the
/// town it is near.
fn read_sites(dir: &Path, by_geonameid: &HashMap<u32, usize>, records: &mut Vec<Record>) {
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
}

/// Continents and large world regions (Natural Earth): no country, coarsest precision.
fn read_regions(dir: &Path, records: &mut Vec<Record>) {
    let t = Table::read(dir, "regions.tsv");
    let at = Located::of(&t);
    let (rid, gid) = (t.col("id"), t.col("geonameid"));
    for r in &t.rows {
        // A continent carries the GeoNames id of the same continent.
        let id = match r[gid].parse() {
            Ok(n) => RecordId::Geonames(n),
            Err(_) => RecordId::Text(r[rid].clone()),
        };
        records.push(at.record(r, id, format::KIND_REGION, format::PREC_COUNTRY));
    }
}
