//! Extraction benchmarks (criterion): articles → incidents, end to end (decoding, language,
//! words and sentences, places, numbers, figures, sources, events, incidents), with the
//! built-in world gazetteer. Throughput is article bytes per second.
//!
//! - `extract/articles`: every article of `tests/fixtures/articles`, one after the other;
//! - `extract/long`: the same articles' bodies repeated into one long article of about 1 MB
//!   (one date header), to show that the cost per byte does not grow with the length.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use incimap::extract::{extract_bytes, Options, PlaceIndex};

/// The allocator of the `incimap` binary, so that the figures are those of `incimap extract`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn articles() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let bytes = std::fs::read(&p).expect("article");
            (p.display().to_string(), bytes)
        })
        .collect();
    out.sort();
    out
}

/// One article of about `size` bytes: a date header, then the fixture bodies over and over.
fn long_article(articles: &[(String, Vec<u8>)], size: usize) -> Vec<u8> {
    let mut out = b"date 2024-05-12\n".to_vec();
    'fill: loop {
        for (_, bytes) in articles {
            let text = String::from_utf8_lossy(bytes);
            let body = text.split_once('\n').map_or(&*text, |(_, b)| b);
            out.extend_from_slice(body.as_bytes());
            out.extend_from_slice(b"\n\n");
            if out.len() >= size {
                break 'fill;
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let index = PlaceIndex::builtin();
    let options = Options::default();
    let articles = articles();
    // Warm the lazily built gazetteer and lexicons outside the measurement.
    for (file, bytes) in &articles {
        black_box(extract_bytes(bytes, file, index, &options));
    }
    let mut group = c.benchmark_group("extract");
    let total: usize = articles.iter().map(|(_, b)| b.len()).sum();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("articles", |b| {
        b.iter(|| {
            for (file, bytes) in &articles {
                black_box(extract_bytes(black_box(bytes), file, index, &options));
            }
        })
    });
    let long = long_article(&articles, 1 << 20);
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.sample_size(10);
    group.bench_function("long", |b| {
        b.iter(|| black_box(extract_bytes(black_box(&long), "long.txt", index, &options)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
