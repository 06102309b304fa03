//! The commands: each runs the pipeline ingest → geocode → export / render for a validated
//! [`crate::cli::Config`] and reports what happened, so the binary only prints and exits.

use std::path::PathBuf;

use crate::cli::{Config, ExportConfig, MapConfig};
use crate::error::{Error, RecordError, Result};
use crate::export::{write_atomically, write_geojson, GeoJsonOptions};
use crate::gazetteer::{Context, Gazetteer};
use crate::geocode::{geocode, Unresolved};
use crate::ingest::{example_incidents, load_paths, Loaded};
use crate::model::Incident;
use crate::render::{render_map, svg_to_png, MapOptions};

/// What a command did.
#[derive(Debug, Default)]
pub struct Report {
    pub files_read: usize,
    pub incidents_read: usize,
    /// Records or files skipped, and warnings about input (each with file and line).
    pub skipped: Vec<RecordError>,
    pub unresolved: Vec<Unresolved>,
    pub written: Vec<PathBuf>,
    /// Incidents whose label found no room on the map.
    pub unlabelled: Vec<String>,
    /// Incidents an export's filters left out.
    pub filtered_out: u64,
}

impl Report {
    /// True when something was skipped (exit code 2).
    pub fn is_partial(&self) -> bool {
        !self.skipped.is_empty() || !self.unresolved.is_empty()
    }
}

/// Runs a command.
pub fn run(config: &Config) -> Result<Report> {
    match config {
        Config::Map(map) => run_map(map),
        Config::Export(export) => run_export(export),
        Config::Extract(extract) => crate::extract::run_extract(extract),
    }
}

fn load_and_locate(inputs: &[PathBuf], country: Option<&str>) -> (Vec<Incident>, Report) {
    let Loaded {
        incidents,
        errors,
        files,
    } = if inputs.is_empty() {
        example_incidents()
    } else {
        load_paths(inputs)
    };
    let mut report = Report {
        files_read: files,
        incidents_read: incidents.len(),
        skipped: errors,
        ..Report::default()
    };
    let context = Context::country(country);
    let geocoded = geocode(incidents, Gazetteer::builtin(), &context);
    report.unresolved = geocoded.unresolved;
    (geocoded.located, report)
}

fn run_map(config: &MapConfig) -> Result<Report> {
    let (incidents, mut report) = load_and_locate(&config.inputs, config.country.as_deref());
    if incidents.is_empty() {
        let mut why: Vec<String> = report
            .skipped
            .iter()
            .take(5)
            .map(ToString::to_string)
            .collect();
        why.extend(
            report
                .unresolved
                .iter()
                .take(5)
                .map(|u| format!("incident {}: {}", u.incident.id, u.reason)),
        );
        return Err(Error::NoIncidents(format!(
            "{} read, {} skipped, {} not located{}{}",
            report.incidents_read,
            report.skipped.len(),
            report.unresolved.len(),
            if why.is_empty() { "" } else { "\n  " },
            why.join("\n  ")
        )));
    }
    let options = MapOptions {
        width_px: config.width_px,
        height_px: config.height_px,
        title: config.title.clone(),
        size_by: config.size_by.clone(),
        ..MapOptions::default()
    };
    let map = render_map(&incidents, &options)?;
    let png = svg_to_png(&map.svg, options.png_scale)?;
    let dir = &config.output_dir;
    let geojson_path = dir.join("incidents.geojson");
    write_geojson(&incidents, &geojson_path, &GeoJsonOptions::default())?;
    let svg_path = dir.join("map.svg");
    write_atomically(&svg_path, map.svg.as_bytes())?;
    let png_path = dir.join("map.png");
    write_atomically(&png_path, &png)?;
    report.written = vec![geojson_path, svg_path, png_path];
    report.unlabelled = map.unlabelled;
    Ok(report)
}

fn run_export(config: &ExportConfig) -> Result<Report> {
    let settings = crate::pipeline::Settings {
        read: config.read.clone(),
        filter: config.filter.clone(),
        context: Context::country(config.country.as_deref()),
        gazetteer: Gazetteer::builtin(),
        threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
        progress: Default::default(),
    };
    let result = crate::pipeline::export(config, &settings)?;
    let mut report = Report {
        files_read: result.files,
        incidents_read: result.read as usize,
        skipped: result.rejected.into_iter().map(|r| r.error).collect(),
        unresolved: result.unresolved,
        filtered_out: result.filtered_out,
        ..Report::default()
    };
    report.written.push(config.output.clone());
    report.written.extend(config.errors.clone());
    Ok(report)
}
