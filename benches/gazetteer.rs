//! Gazetteer benchmarks over the whole embedded world gazetteer (criterion).
//!
//! - `exact/index`: fold + fst look-up + postings (`Gazetteer::count_exact`);
//! - `exact/resolve`: a full `resolve` of a known name (ranking, reasons, entries);
//! - `fuzzy/index`: approximate look-up of a misspelled name (`Gazetteer::count_fuzzy`);
//! - `fuzzy/resolve`: a full `resolve` of a misspelled name (exact miss, then approximate).
//!
//! Throughput is reported per look-up (elements/s). `INCIMAP_BENCH_DUMP=DIR cargo bench
//! --bench gazetteer` instead writes the folded names and the misspelled queries to DIR and
//! the measured Rust fuzzy rate, for `scripts/bench-rapidfuzz.py`.

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, Criterion, Throughput};
use incimap::gazetteer::{Context, Gazetteer, Resolution};

const SAMPLE: usize = 1000;

/// Known names: every n-th folded key that looks itself up.
fn known_names(g: &Gazetteer) -> Vec<String> {
    let keys = g.folded_names();
    let step = (keys.len() / (SAMPLE * 2)).max(1);
    keys.into_iter()
        .step_by(step)
        .filter(|k| k.chars().count() >= 5 && g.count_exact(k) > 0)
        .take(SAMPLE)
        .collect()
}

/// Misspelled names: a known name with one letter in the middle dropped, that no longer
/// matches exactly.
fn misspelled(g: &Gazetteer, known: &[String]) -> Vec<String> {
    known
        .iter()
        .filter_map(|k| {
            let chars: Vec<char> = k.chars().collect();
            let mid = chars.len() / 2;
            let s: String = chars[..mid].iter().chain(&chars[mid + 1..]).collect();
            (g.count_exact(&s) == 0).then_some(s)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let g = Gazetteer::builtin();
    let known = known_names(g);
    let typos = misspelled(g, &known);
    let ctx = Context::default();

    let mut group = c.benchmark_group("exact");
    group.throughput(Throughput::Elements(known.len() as u64));
    group.bench_function("index", |b| {
        b.iter(|| {
            known
                .iter()
                .map(|n| g.count_exact(black_box(n)))
                .sum::<usize>()
        })
    });
    group.bench_function("resolve", |b| {
        b.iter(|| {
            known
                .iter()
                .filter(|n| matches!(g.resolve(black_box(n), &ctx), Resolution::Found { .. }))
                .count()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("fuzzy");
    group.throughput(Throughput::Elements(typos.len() as u64));
    group.sample_size(10);
    group.bench_function("index", |b| {
        b.iter(|| {
            typos
                .iter()
                .map(|n| g.count_fuzzy(black_box(n)))
                .sum::<usize>()
        })
    });
    group.bench_function("resolve", |b| {
        b.iter(|| {
            typos
                .iter()
                .filter(|n| matches!(g.resolve(black_box(n), &ctx), Resolution::Found { .. }))
                .count()
        })
    });
    group.finish();
}

/// Writes names, queries and the Rust fuzzy rate for the rapidfuzz comparison.
fn dump(dir: &str) -> std::io::Result<()> {
    let g = Gazetteer::builtin();
    let known = known_names(g);
    let typos = misspelled(g, &known);
    std::fs::create_dir_all(dir)?;
    std::fs::write(format!("{dir}/names.txt"), g.folded_names().join("\n"))?;
    std::fs::write(format!("{dir}/queries.txt"), typos.join("\n"))?;
    let start = Instant::now();
    let mut rounds = 0;
    while start.elapsed().as_secs_f64() < 3.0 {
        black_box(typos.iter().map(|n| g.count_fuzzy(n)).sum::<usize>());
        rounds += 1;
    }
    let rate = (rounds * typos.len()) as f64 / start.elapsed().as_secs_f64();
    let start = Instant::now();
    let found = typos
        .iter()
        .filter(|n| matches!(g.resolve(n, &Context::default()), Resolution::Found { .. }))
        .count();
    let resolve_rate = typos.len() as f64 / start.elapsed().as_secs_f64();
    std::fs::write(
        format!("{dir}/rust.txt"),
        format!("fuzzy_index_per_s {rate:.0}\nfuzzy_resolve_per_s {resolve_rate:.0}\nfound {found} of {}\n", typos.len()),
    )?;
    println!(
        "wrote {dir}: {} names, {} queries; Rust fuzzy {rate:.0}/s",
        g.folded_names().len(),
        typos.len()
    );
    Ok(())
}

criterion_group!(benches, bench);

fn main() {
    if let Ok(dir) = std::env::var("INCIMAP_BENCH_DUMP") {
        if let Err(e) = dump(&dir) {
            eprintln!("cannot write {dir}: {e}");
            std::process::exit(1);
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
