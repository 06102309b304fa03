//! Renderer benchmarks: the seed map (SVG, PNG, PDF), 100,000 incidents to a 1600×1200
//! PNG (aggregated into hexagons), and a world map of 5,000 incidents spread over every
//! continent (Equal Earth, every country named). Target (issue #12): any map of up to
//! 100,000 incidents in under 1.5 s as a whole process, peak memory under 500 MB; the
//! whole-process figures and the comparison with geopandas + matplotlib come from
//! `scripts/bench-render.sh`.
//!
//! A 100,000-row table read and drawn to an SVG map two ways: every incident held in memory,
//! and aggregated while reading (two passes, flat memory: `pipeline::map_streamed`, used by
//! `incimap map` for static maps). Target (issue #15): the streamed map within 1.5× of the
//! in-memory time; its peak memory (under 300 MB at 1M and 10M rows, flat) is measured as a
//! whole process with `/usr/bin/time -v` (figures in README, "Scale"). The same table to the
//! default outputs (SVG, the sorted GeoJSON, the interactive map): every incident held, or
//! read twice with the GeoJSON sorted on disk and the page of the static map's groups.

use criterion::{criterion_group, criterion_main, Criterion};

use incimap::export::{write_geojson, GeoJsonOptions};
use incimap::gazetteer::{Context, Gazetteer};
use incimap::geocode::geocode;
use incimap::ingest::example_incidents;
use incimap::model::{DateSpan, EventType, Figure, Incident, Measure, Place};
use incimap::pipeline::{
    map_streamed, map_streamed_with, run_pass, Inputs, MapExtras, MapRun, Output, Settings,
};
use incimap::render::{
    build_scene, render_html, render_html_of_groups, render_map, svg_to_pdf, svg_to_png, write_svg,
    MapOptions, RenderedMap, HTML_INCIDENT_LIMIT,
};

/// `n` incidents spread uniformly over the box `[lon_min, lat_min, lon_max, lat_max]`.
fn many_in(n: usize, bbox: [f64; 4]) -> Vec<Incident> {
    let mut seed: u64 = 7;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|i| {
            let mut place = Place::named(format!("P{i}"));
            place.lon = Some(bbox[0] + next() * (bbox[2] - bbox[0]));
            place.lat = Some(bbox[1] + next() * (bbox[3] - bbox[1]));
            place.country_code = Some("SY".into());
            let mut incident = Incident::new(
                format!("i{i}"),
                "t",
                DateSpan::parse("2020-05").unwrap_or(DateSpan::year(2020)),
                place,
            );
            incident.event_type = Some(EventType::ALL[i % 6]);
            incident
                .figures
                .push(Figure::from_value(Measure::Killed, (next() * 500.0) as u64));
            incident
        })
        .collect()
}

fn many(n: usize) -> Vec<Incident> {
    many_in(n, [35.0, 32.0, 43.0, 38.0])
}

fn bench(c: &mut Criterion) {
    let seed = geocode(
        example_incidents().incidents,
        Gazetteer::builtin(),
        &Context::default(),
    )
    .located;
    let options = MapOptions::default();
    c.bench_function("seed map: svg", |b| {
        b.iter(|| render_map(&seed, &options).map(|m| m.svg.len()))
    });
    // The two halves apart: deciding the scene, and walking it into SVG.
    c.bench_function("seed map: scene", |b| {
        b.iter(|| build_scene(&seed, &options).map(|s| s.frames.len()))
    });
    if let Ok(scene) = build_scene(&seed, &options) {
        c.bench_function("seed map: svg from scene", |b| {
            b.iter(|| write_svg(&scene).len())
        });
    }
    let svg = render_map(&seed, &options)
        .map(|m| m.svg)
        .unwrap_or_default();
    if let Ok(map) = render_map(&seed, &options) {
        c.bench_function("seed map: html", |b| {
            b.iter(|| render_html(&seed, &map, &options).map(|h| h.len()))
        });
    }
    c.bench_function("seed map: png from svg", |b| {
        b.iter(|| svg_to_png(&svg, 1.0).map(|p| p.len()))
    });
    c.bench_function("seed map: pdf from svg", |b| {
        b.iter(|| svg_to_pdf(&svg).map(|p| p.len()))
    });

    let incidents = many(100_000);
    let mut group = c.benchmark_group("100k incidents");
    group.sample_size(10);
    group.bench_function("svg + png 1600x1200", |b| {
        b.iter(|| {
            render_map(&incidents, &options)
                .and_then(|m| svg_to_png(&m.svg, 1.0))
                .map(|p| p.len())
        })
    });
    // The interactive map of the same set (its static map drawn once, outside the loop).
    if let Ok(map) = render_map(&incidents, &options) {
        group.bench_function("html", |b| {
            b.iter(|| render_html(&incidents, &map, &options).map(|h| h.len()))
        });
    }
    group.finish();

    let world = many_in(5_000, [-120.0, -40.0, 150.0, 60.0]);
    let mut group = c.benchmark_group("world map, 5,000 incidents");
    group.sample_size(10);
    group.bench_function("svg", |b| {
        b.iter(|| render_map(&world, &options).map(|m| m.svg.len()))
    });
    group.finish();
}

/// The incidents as a table in incimap's CSV form.
fn table_csv(incidents: &[Incident]) -> String {
    let mut csv = String::from("id,date,place,country,event_type,killed,lon,lat\n");
    for i in incidents {
        let (lon, lat) = i.place.lon_lat().unwrap_or_default();
        let killed = i.figures.first().and_then(|f| f.best).unwrap_or(0);
        let event = i.event_type.map(|e| e.as_str()).unwrap_or_default();
        csv.push_str(&format!(
            "{},2020-05-{:02},{},SY,{event},{killed},{lon:.5},{lat:.5}\n",
            i.id,
            1 + killed % 28,
            i.place.name
        ));
    }
    csv
}

fn bench_table(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("incimap-bench-map-{}", std::process::id()));
    let path = dir.join("table.csv");
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&path, table_csv(&many(100_000))));
    if written.is_err() {
        return;
    }
    let inputs = Inputs::new(vec![path]);
    let settings = Settings::new(&inputs, Gazetteer::builtin(), false);
    let options = MapOptions::default();
    let mut group = c.benchmark_group("100k-row table to an svg map");
    group.sample_size(10);
    group.bench_function("in memory", |b| {
        b.iter(|| {
            let mut incidents = Vec::new();
            run_pass(&inputs, &settings, Output::Collect(&mut incidents))
                .and_then(|_| render_map(&incidents, &options))
                .map(|m| m.svg.len())
        })
    });
    group.bench_function("aggregated while reading", |b| {
        b.iter(|| match map_streamed(&inputs, &settings, &options) {
            Ok(MapRun::Streamed { scene, .. }) => write_svg(&scene).len(),
            _ => 0,
        })
    });
    group.finish();
    // The default outputs' share beyond the SVG: incidents.geojson sorted by date and id, and
    // the interactive map (the incidents held: every incident's page; read twice: the page of
    // the static map's groups, the GeoJSON sorted on disk in runs).
    let mut group = c.benchmark_group("100k-row table to svg, geojson and html");
    group.sample_size(10);
    group.bench_function("in memory", |b| {
        b.iter(|| {
            let mut incidents = Vec::new();
            let mut geojson = Vec::new();
            run_pass(&inputs, &settings, Output::Collect(&mut incidents))
                .and_then(|_| render_map(&incidents, &options))
                .and_then(|m| render_html(&incidents, &m, &options).map(|h| h.len()))
                .map(|h| {
                    let _ = write_geojson(&incidents, &GeoJsonOptions::default(), &mut geojson);
                    h + geojson.len()
                })
        })
    });
    let extras = MapExtras {
        geojson: Some((dir.join("incidents.geojson"), GeoJsonOptions::default())),
        html_limit: Some(HTML_INCIDENT_LIMIT),
        // Runs of 8 MB: several runs to merge, as a large input has.
        geojson_run_bytes: Some(8 << 20),
    };
    group.bench_function("aggregated while reading, sorted on disk", |b| {
        b.iter(
            || match map_streamed_with(&inputs, &settings, &options, &extras) {
                Ok(MapRun::Streamed {
                    scene,
                    gathered,
                    geojson: Some(sorted),
                    ..
                }) => {
                    let map = RenderedMap::from_scene(*scene);
                    let mut geojson = Vec::new();
                    let html = render_html_of_groups(&map, &gathered).map_or(0, |h| h.len());
                    sorted
                        .write(&mut geojson)
                        .map_or(0, |()| html + geojson.len())
                }
                _ => 0,
            },
        )
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench, bench_table);
criterion_main!(benches);
