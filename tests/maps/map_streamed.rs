//! A map aggregated while reading (two passes, flat memory) is the very map drawn of the
//! same incidents held in memory: SVG and PNG byte for byte, for generated tables that
//! group by hexagon and by place, with far outliers left off, a `--bbox`, a measure asked
//! for, bad rows and many sources; and the maps that need every incident say so and are
//! drawn in memory. (The GeoJSON and interactive map of a streamed map:
//! `map_streamed_outputs.rs`.)

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use incimap::gazetteer::Gazetteer;
use incimap::model::{Incident, Measure};
use incimap::pipeline::{map_streamed, run_pass, InMemoryReason, Inputs, MapRun, Output, Settings};
use incimap::render::{
    render_map, svg_to_png, Aggregate, Facet, InMemoryOption, MapOptions, RenderedMap, SizeBy,
};

const EVENTS: [&str; 4] = ["Battles", "Protests", "Riots", "Violence against civilians"];
const SOURCES: [&str; 7] = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta"];

/// A deterministic table of `rows` incidents: `places` distinct points in a box (each a
/// place named after its number), dates over two years, fatalities mostly small, sources
/// from a few outlets; every 500th row has a bad date, and a few rows lie far away.
fn table(rows: usize, places: usize) -> String {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut csv = String::from("id,date,place,country,event_type,killed,source,lon,lat\n");
    for row in 0..rows {
        let place = next() as usize % places;
        // The points of a place: fixed, from its number.
        let lon = 36.0 + (place * 7919 % 6000) as f64 / 1000.0;
        let lat = 33.0 + (place * 104_729 % 4000) as f64 / 1000.0;
        let (lon, lat) = match row % 997 {
            13 => (-70.0, -30.0), // far outliers, off a fitted map
            _ => (lon, lat),
        };
        let day = 1 + next() % 28;
        let month = 1 + next() % 12;
        let year = 2020 + next() % 2;
        let date = match row % 500 {
            499 => "not a date".to_string(),
            _ => format!("{year}-{month:02}-{day:02}"),
        };
        let killed = match next() % 10 {
            0..=3 => 0,
            9 => next() % 300,
            k => k,
        };
        let event = EVENTS[next() as usize % EVENTS.len()];
        let source = SOURCES[(next() as usize % 11).min(SOURCES.len() - 1)];
        let country = if lon < 39.0 { "SY" } else { "IQ" };
        // Ids repeat across rows now and then: ties in map order are kept in input order.
        let id = format!("r{}", row - row % 3 * usize::from(row % 7 == 0));
        let _ = writeln!(
            csv,
            "{id},{date},Place {place},{country},{event},{killed},{source},{lon:.4},{lat:.4}"
        );
    }
    csv
}

fn write_table(dir: &Path, name: &str, csv: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, csv).unwrap();
    path
}

/// The SVG drawn of the incidents held in memory, and the one aggregated while reading.
fn both_ways(inputs: &Inputs, options: &MapOptions) -> (RenderedMap, RenderedMap) {
    let settings = Settings::new(inputs, Gazetteer::builtin(), false);
    let mut incidents: Vec<Incident> = Vec::new();
    let read = run_pass(inputs, &settings, Output::Collect(&mut incidents)).unwrap();
    assert!(!read.rejected.is_empty(), "the table has bad rows");
    let in_memory = render_map(&incidents, options).unwrap();
    let streamed = match map_streamed(inputs, &settings, options).unwrap() {
        MapRun::Streamed { scene, result, .. } => {
            assert_eq!(result.kept, read.kept);
            assert_eq!(result.rejected.len(), read.rejected.len());
            RenderedMap::from_scene(*scene)
        }
        MapRun::InMemory { reason, .. } => panic!("not streamed: {reason}"),
    };
    (in_memory, streamed)
}

#[test]
fn streamed_maps_equal_the_in_memory_maps_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let hexes = write_table(dir.path(), "hexes.csv", &table(12_000, 6_000));
    let places = write_table(dir.path(), "places.csv", &table(6_000, 900));
    let cases: Vec<(&str, &PathBuf, MapOptions)> = vec![
        ("auto: hexagons", &hexes, MapOptions::default()),
        ("auto: places", &places, MapOptions::default()),
        (
            "hexagons in a bbox, killed",
            &hexes,
            MapOptions {
                aggregate: Aggregate::Hex,
                bbox: Some([37.0, 33.5, 40.5, 36.0]),
                size_by: SizeBy::Measure(Measure::Killed),
                ..MapOptions::default()
            },
        ),
        (
            "places asked for",
            &places,
            MapOptions {
                aggregate: Aggregate::Place,
                width_px: 900.0,
                height_px: 700.0,
                ..MapOptions::default()
            },
        ),
    ];
    for (case, path, options) in cases {
        let inputs = Inputs::new(vec![path.clone()]);
        let (in_memory, streamed) = both_ways(&inputs, &options);
        assert!(streamed.aggregated, "{case}");
        assert!(!streamed.symbols.is_empty(), "{case}");
        let hexagons = streamed
            .symbols
            .iter()
            .all(|s| s.incident_id.starts_with("hexgroup:"));
        assert_eq!(hexagons, case.contains("hexagons"), "{case}");
        assert_eq!(streamed.svg, in_memory.svg, "{case}: SVG differs");
        // The five largest symbols are labelled however crowded the map, and every label
        // tried (the 150 largest) is drawn or reported.
        let mut by_value: Vec<_> = streamed.symbols.iter().collect();
        by_value.sort_by(|a, b| b.r_px.total_cmp(&a.r_px));
        for s in by_value.iter().take(5) {
            assert!(s.label.is_some(), "{case}: {} unlabelled", s.incident_id);
        }
        let labelled = streamed
            .symbols
            .iter()
            .filter(|s| s.label.is_some())
            .count();
        let tried = streamed.symbols.len().min(150);
        assert_eq!(labelled + streamed.unlabelled.len(), tried, "{case}");
        // Some are left off (far outliers, or outside the bbox), and the title says so.
        assert!(streamed.svg.contains("in the area shown"), "{case}");
        // The credits name the first sources met in map order, and how many more.
        assert!(streamed.svg.contains("; +5."), "{case}");
        if case == "auto: hexagons" {
            let png = |map: &RenderedMap| svg_to_png(&map.svg, 0.5).unwrap();
            assert_eq!(png(&streamed), png(&in_memory), "{case}: PNG differs");
        }
    }
}

#[test]
fn maps_that_need_every_incident_are_drawn_in_memory_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let few = write_table(dir.path(), "few.csv", &table(600, 100));
    let inputs = Inputs::new(vec![few]);
    let settings = Settings::new(&inputs, Gazetteer::builtin(), false);
    // Few incidents: drawn one by one, from the incidents the first pass held.
    match map_streamed(&inputs, &settings, &MapOptions::default()).unwrap() {
        MapRun::InMemory {
            reason,
            held: Some((incidents, result)),
        } => {
            assert!(reason.to_string().contains("each is drawn"), "{reason}");
            assert_eq!(incidents.len() as u64, result.kept);
        }
        _ => panic!("a map of few incidents is drawn in memory"),
    }
    let facets = MapOptions {
        facet: Some(Facet::Year),
        ..MapOptions::default()
    };
    match map_streamed(&inputs, &settings, &facets).unwrap() {
        MapRun::InMemory { reason, held: None } => {
            assert_eq!(reason, InMemoryReason::Option(InMemoryOption::Facet));
            assert_eq!(
                reason.to_string(),
                "facet splits the incidents into periods"
            );
        }
        _ => panic!("small multiples are drawn in memory, with nothing read"),
    }
}

#[test]
fn the_command_streams_a_static_map_and_says_which_path_it_took() {
    let dir = tempfile::tempdir().unwrap();
    let table = write_table(dir.path(), "t.csv", &table(4_000, 3_000));
    let run = |formats: &str, out: &str, stdin: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_incimap"));
        command
            .args(["map", "-v", "--format", formats, "-o"])
            .arg(dir.path().join(out));
        match stdin {
            true => command.arg("-").stdin(std::fs::File::open(&table).unwrap()),
            false => command.arg(&table),
        };
        let output = command.output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        let svg = std::fs::read(dir.path().join(out).join("map.svg")).unwrap();
        (stderr, svg)
    };
    let (said, streamed) = run("svg", "streamed", false);
    assert!(said.contains("map aggregated while reading"), "{said}");
    let (said, with_geojson) = run("svg,geojson", "with-geojson", false);
    assert!(said.contains("map aggregated while reading"), "{said}");
    assert!(
        said.contains("incidents.geojson sorted in memory"),
        "{said}"
    );
    let (said, in_memory) = run("svg,geojson", "in-memory", true);
    assert!(
        said.contains("map drawn in memory: standard input can be read only once"),
        "{said}"
    );
    assert_eq!(streamed, in_memory);
    assert_eq!(with_geojson, in_memory);
    let geojson = |out: &str| std::fs::read(dir.path().join(out).join("incidents.geojson"));
    assert!(geojson("with-geojson").unwrap() == geojson("in-memory").unwrap());
}
