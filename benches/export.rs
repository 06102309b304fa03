//! Export throughput: 10,000 generated incidents decoded from incimap's CSV form and written
//! as GeoJSON (pretty and compact), CSV, KML and GeoParquet, single-threaded (the pipeline runs one such
//! worker per core). `cargo bench --bench export`; the end-to-end comparison with ogr2ogr and
//! geopandas is `scripts/bench-interop.sh`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use incimap::export::{
    CsvFormat, Encoder, ExportFormat, GeoParquetWriter, KmlFormat, RecordFormat, Summary,
};
use incimap::ingest::{read_table, ReadOptions};
use incimap::model::Incident;

fn table(rows: usize) -> String {
    let mut text = String::from(
        "id,date,place,country,event_type,sub_event_type,lon,lat,killed,source,notes\n",
    );
    for i in 0..rows {
        let lon = 35.0 + (i * 7919 % 8000) as f64 / 1000.0;
        let lat = 32.0 + (i * 104_729 % 6000) as f64 / 1000.0;
        text.push_str(&format!(
            "gen-{i:07},2019-10-{:02},Place {i},SY,Battles,Armed clash,{lon:.5},{lat:.5},{},SOHR,Generated incident {i}\n",
            1 + i % 28,
            i % 501
        ));
    }
    text
}

fn write_all(format: &dyn RecordFormat, incidents: &[Incident]) -> usize {
    let mut out = Vec::with_capacity(incidents.len() * 1024);
    format.header(&mut out);
    for incident in incidents {
        format.record(incident, &mut out);
    }
    out.len()
}

fn bench(c: &mut Criterion) {
    let text = table(10_000);
    let options = ReadOptions::default();
    let read = read_table(text.as_bytes(), "bench.csv", &options);
    assert!(read.rejected.is_empty());
    let incidents = read.incidents;
    let mut summary = Summary::default();
    incidents.iter().for_each(|i| summary.add(i));
    let mut group = c.benchmark_group("export-10k");
    group.throughput(Throughput::Elements(incidents.len() as u64));
    group.sample_size(10);
    group.bench_function("decode incimap CSV", |b| {
        b.iter(|| {
            read_table(text.as_bytes(), "bench.csv", &options)
                .incidents
                .len()
        })
    });
    // The GeoJSON record format, as an export streams it (pretty, and one feature a line).
    let geojson = |compact| {
        ExportFormat::GeoJson
            .record_format(false, compact, &summary)
            .unwrap()
    };
    let pretty = geojson(false);
    group.bench_function("GeoJSON", |b| b.iter(|| write_all(&*pretty, &incidents)));
    let compact = geojson(true);
    group.bench_function("GeoJSON --compact", |b| {
        b.iter(|| write_all(&*compact, &incidents))
    });
    let csv = CsvFormat {
        measures: summary.measure_columns(),
    };
    group.bench_function("CSV", |b| b.iter(|| write_all(&csv, &incidents)));
    let kml = KmlFormat::new(&summary);
    group.bench_function("KML", |b| b.iter(|| write_all(&kml, &incidents)));
    // GeoParquet is written by columns, on the thread that puts the chunks in order: typed
    // columns, WKB, zstd, the footer; into /dev/null, so that only the encoding is measured.
    let measures = summary.measure_columns();
    if std::path::Path::new("/dev/null").exists() {
        group.bench_function("GeoParquet", |b| {
            b.iter(|| {
                let path = std::path::Path::new("/dev/null");
                let encoder = Encoder::new(path, &measures, None);
                let mut writer = GeoParquetWriter::create(path, encoder.schema()).unwrap();
                for chunk in incidents.chunks(2048) {
                    for (_, batch) in encoder.encode(chunk).unwrap().parts {
                        writer.write(&batch).unwrap();
                    }
                }
                writer.commit().unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
