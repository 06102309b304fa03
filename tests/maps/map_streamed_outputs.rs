//! The default outputs of a map aggregated while reading: `incidents.geojson` sorted on disk
//! is byte for byte the GeoJSON written of the incidents held in memory (many sorted runs,
//! ties in the sort key); above the interactive map's limit the page draws the static map's
//! groups, with their largest incidents, its credits and what it is; and the command takes
//! the streamed path with its default formats and says so.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use incimap::export::{write_geojson, GeoJsonOptions};
use incimap::gazetteer::Gazetteer;
use incimap::model::Incident;
use incimap::pipeline::{map_streamed_with, run_pass, Inputs, MapExtras, MapRun, Output, Settings};
use incimap::render::{render_html_of_groups, MapOptions, RenderedMap, LARGEST_MEMBERS};

/// A deterministic table: `rows` incidents at `places` points, dates in no order, ids that
/// repeat (ties in the GeoJSON's date, id order), a few bad rows and far outliers, figure
/// columns for two measures.
fn table(rows: usize, places: usize) -> String {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut csv = String::from("id,date,place,country,event_type,killed,injured,source,lon,lat\n");
    for row in 0..rows {
        let place = next() as usize % places;
        let (lon, lat) = match row % 991 {
            17 => (-60.0, -20.0),
            _ => (
                36.0 + (place * 7919 % 5000) as f64 / 1000.0,
                33.0 + (place * 104_729 % 3000) as f64 / 1000.0,
            ),
        };
        let date = match row % 700 {
            699 => "in the spring".to_string(),
            _ => format!("2021-{:02}-{:02}", 1 + next() % 3, 1 + next() % 28),
        };
        let killed = if next() % 5 == 0 { 0 } else { next() % 40 };
        let injured = match next() % 3 {
            0 => String::new(),
            _ => (next() % 90).to_string(),
        };
        let event = ["Battles", "Riots", "Protests"][row % 3];
        let id = format!("t{}", row / 2 * 2 % 5000);
        let _ = writeln!(
            csv,
            "{id},{date},Spot {place},SY,{event},{killed},{injured},Outlet {},{lon:.4},{lat:.4}",
            row % 9
        );
    }
    csv
}

fn write_table(dir: &Path, name: &str, csv: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, csv).unwrap();
    path
}

/// The incidents of `inputs` held in memory, in input order (what the in-memory map draws).
fn held(inputs: &Inputs) -> Vec<Incident> {
    let settings = Settings::new(inputs, Gazetteer::builtin(), false);
    let mut incidents = Vec::new();
    let read = run_pass(inputs, &settings, Output::Collect(&mut incidents)).unwrap();
    assert!(!read.rejected.is_empty(), "the table has bad rows");
    incidents
}

#[test]
fn the_sorted_geojson_is_the_in_memory_geojson_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_table(dir.path(), "t.csv", &table(9_000, 4_000));
    let inputs = Inputs::new(vec![path]);
    let mut expected = Vec::new();
    write_geojson(&held(&inputs), &GeoJsonOptions::default(), &mut expected).unwrap();
    let out = dir.path().join("out");
    let settings = Settings::new(&inputs, Gazetteer::builtin(), false);
    for run_bytes in [40_000, 1 << 30] {
        let target = out.join("incidents.geojson");
        let extras = MapExtras {
            geojson: Some((target.clone(), GeoJsonOptions::default())),
            geojson_run_bytes: Some(run_bytes),
            ..MapExtras::default()
        };
        let run = map_streamed_with(&inputs, &settings, &MapOptions::default(), &extras);
        let Ok(MapRun::Streamed {
            geojson: Some(sorted),
            ..
        }) = run
        else {
            panic!("not streamed with its GeoJSON");
        };
        let runs = sorted.runs();
        assert_eq!(runs > 100, run_bytes == 40_000, "{runs} runs");
        // The runs lie beside the output until it is written, then are gone.
        let beside = std::fs::read_dir(&out).map_or(0, |d| d.count());
        assert_eq!(beside, runs);
        let mut got = Vec::new();
        sorted.write(&mut got).unwrap();
        assert!(
            got == expected,
            "runs of {run_bytes} bytes: the bytes differ"
        );
        assert_eq!(std::fs::read_dir(&out).map_or(0, |d| d.count()), 0);
    }
    // The key has ties, whose features differ.
    let text = String::from_utf8(expected).unwrap();
    assert!(text.matches("\"id\": \"t12\",").count() > 1);
}

#[test]
fn above_its_limit_the_interactive_map_draws_the_static_maps_groups() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_table(dir.path(), "t.csv", &table(6_000, 3_000));
    let inputs = Inputs::new(vec![path]);
    let settings = Settings::new(&inputs, Gazetteer::builtin(), false);
    let extras = |limit| MapExtras {
        html_limit: Some(limit),
        ..MapExtras::default()
    };
    let options = MapOptions::default();
    // At or below the limit the map is drawn in memory, every incident one by one (read
    // again: more than the few the first pass holds).
    match map_streamed_with(&inputs, &settings, &options, &extras(10_000)).unwrap() {
        MapRun::InMemory { reason, held: None } => {
            assert!(reason.to_string().contains("draws each of its"), "{reason}");
        }
        _ => panic!("few incidents: the interactive map draws each"),
    }
    let MapRun::Streamed {
        scene, gathered, ..
    } = map_streamed_with(&inputs, &settings, &options, &extras(1_000)).unwrap()
    else {
        panic!("many incidents: aggregated while reading");
    };
    let map = RenderedMap::from_scene(*scene);
    let html = render_html_of_groups(&map, &gathered).unwrap();
    let data = json_of(&html, "incimap-data");
    // One row per symbol of the static map, with the same sums.
    let rows = data["lon"].as_array().unwrap().len();
    assert_eq!(rows, map.symbols.len());
    assert_eq!(rows, gathered.groups.len());
    let values: u64 = data["val"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap().max(0.0) as u64)
        .sum();
    let drawn: u64 = map.symbols.iter().filter_map(|s| s.value).sum();
    assert_eq!(values, drawn);
    assert_eq!(data["groups"], serde_json::Value::Null, "not grouped again");
    // What the page is, and where every incident is.
    let aggregated = &data["aggregated"];
    for key in [
        "count",
        "table",
        "tableCaption",
        "typesHeading",
        "largest",
        "geojson",
    ] {
        assert!(!aggregated[key].as_str().unwrap().is_empty(), "{key}");
    }
    let note = aggregated["note"].as_str().unwrap();
    assert!(note.contains(&format!("{rows} symbols")), "{note}");
    assert!(
        note.contains("incidents.geojson holds every incident"),
        "{note}"
    );
    // Each symbol's largest incidents, largest first.
    let members = aggregated["members"].as_array().unwrap();
    assert_eq!(members.len(), rows);
    let killed = |m: &serde_json::Value| -> u64 {
        let text = m[3].as_str().unwrap();
        text.split(' ')
            .next()
            .unwrap()
            .replace(',', "")
            .parse()
            .unwrap_or(0)
    };
    for list in members {
        let list = list.as_array().unwrap();
        assert!(!list.is_empty() && list.len() <= LARGEST_MEMBERS);
        assert!(list.windows(2).all(|w| killed(&w[0]) >= killed(&w[1])));
    }
    assert!(members
        .iter()
        .any(|m| m.as_array().unwrap().len() == LARGEST_MEMBERS));
    // Titles, credits and the data's sources, as the static map's.
    assert!(html.contains(&format!("<title>{}</title>", gathered.title)));
    assert!(data["credits"]
        .as_str()
        .unwrap()
        .contains("GeoNames (CC BY 4.0)"));
    assert!(data["credits"].as_str().unwrap().contains("Natural Earth"));
    assert_eq!(data["sources"].as_array().unwrap().len(), 9);
}

/// The JSON of the page's data element `id`.
fn json_of(html: &str, id: &str) -> serde_json::Value {
    let open = format!("<script type=\"application/json\" id=\"{id}\">");
    let start = html.find(&open).unwrap() + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn the_default_map_is_aggregated_while_reading_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_table(dir.path(), "t.csv", &table(52_000, 6_000));
    let run = |input: &Path, out: &str, stdin: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_incimap"));
        command.args(["map", "-v", "-o"]).arg(dir.path().join(out));
        match stdin {
            true => command.arg("-").stdin(std::fs::File::open(input).unwrap()),
            false => command.arg(input),
        };
        let output = command.output().unwrap();
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let said = run(&path, "streamed", false);
    assert!(said.contains("map aggregated while reading"), "{said}");
    assert!(said.contains("incidents.geojson sorted on disk"), "{said}");
    assert!(
        said.contains("the interactive map draws the static map's symbols"),
        "{said}"
    );
    // Standard input is read once: in memory, and the same files but the page.
    let said = run(&path, "in-memory", true);
    assert!(
        said.contains("map drawn in memory: standard input can be read only once"),
        "{said}"
    );
    let read = |out: &str, name: &str| std::fs::read(dir.path().join(out).join(name)).unwrap();
    for name in ["incidents.geojson", "map.svg", "map.png"] {
        assert!(
            read("streamed", name) == read("in-memory", name),
            "{name} differs"
        );
    }
    let page = String::from_utf8(read("streamed", "map.html")).unwrap();
    assert!(json_of(&page, "incimap-data")["aggregated"]["members"].is_array());
    let names: Vec<String> = std::fs::read_dir(dir.path().join("streamed"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 5, "no run left behind: {names:?}");
}
