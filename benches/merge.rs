//! Merge throughput: N generated table rows of two data sets, half of them coding the same
//! events as the other half (a day or a few hundred metres apart), merged with `--merge`'s
//! rules (every row names its province; one in a hundred of the second set is province-wide).
//! Blocking by place, province and date keeps it near-linear: compare the 10k and 100k rows per
//! second. `cargo bench --bench merge`; the end-to-end comparison with a plain export of
//! 1,000,000 rows is in the README ("Merging reports of one event").

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

use incimap::merge::{merge, MergeMode};
use incimap::model::{
    DateSpan, EventType, Figure, GeoPrecision, Incident, Measure, Origin, Place, Reported,
};

/// `rows` reports: the events of data set A, and the same events as data set B codes them.
fn reports(rows: usize) -> Vec<Reported> {
    let events = rows / 2;
    let mut out = Vec::with_capacity(rows);
    for (dataset, shift) in [("ACLED", 0.0), ("UCDP GED", 0.003)] {
        for i in 0..events {
            let lon = 35.0 + (i * 7919 % 8000) as f64 / 1000.0 + shift;
            let lat = 32.0 + (i * 104_729 % 6000) as f64 / 1000.0;
            let day =
                incimap::model::Date::from_days_since_epoch(16_436 + (i * 3650 / events) as i64);
            let mut place = Place::named(format!("Place {i}"));
            place.lon = Some(lon);
            place.lat = Some(lat);
            place.precision = GeoPrecision::Town;
            // Every row names its province (a 1° cell); one row in a hundred of the second
            // data set is province-wide (where the tolls are close enough to say which
            // event it is), so the province index is part of the measure.
            place.admin1 = Some(format!("Province {}-{}", lat as i64, lon as i64));
            let killed_a = (i % 97) as u64 + 1;
            if shift > 0.0 && i % 100 == 0 && killed_a >= 20 {
                place.precision = GeoPrecision::Admin1;
            }
            let mut incident =
                Incident::new(format!("{dataset}-{i}"), "event", DateSpan::day(day), place);
            incident.event_type = Some(EventType::Battles);
            // Both data sets count some dead (an explicit zero against a count never merges).
            let killed = killed_a + u64::from(shift > 0.0);
            incident
                .figures
                .push(Figure::from_value(Measure::Killed, killed));
            let origin = Origin::table(format!("{dataset}.csv"), Some(i as u64 + 2), Some(dataset));
            out.push(Reported { incident, origin });
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    for rows in [10_000, 100_000] {
        let input = reports(rows);
        let merged = merge(input.clone(), MergeMode::All);
        assert_eq!(merged.incidents.len(), rows / 2, "every pair merges");
        group.throughput(Throughput::Elements(rows as u64));
        group.bench_function(format!("{rows} rows --merge"), |b| {
            b.iter_batched(
                || input.clone(),
                |r| merge(r, MergeMode::All).incidents.len(),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
