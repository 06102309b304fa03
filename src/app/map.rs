//! `incimap map`: every incident read, located, merged and filtered, then drawn (SVG, PNG,
//! PDF, the interactive HTML) and written with its GeoJSON as one set of files.
//!
//! A map of many incidents is made while reading, in two passes and flat memory
//! ([`incimap::pipeline::map_streamed_with`]), never holding the incidents: the static map
//! aggregated as it reads (the same map as drawn in memory); `incidents.geojson`, every
//! incident sorted by date, then id, through sorted runs on disk beside it, byte for byte
//! the in-memory GeoJSON; and above [`HTML_INCIDENT_LIMIT`] incidents an interactive map of
//! the static map's groups (at or below it the first pass holds the incidents and the page
//! draws each, as ever). Merged reports, standard input and the options the library names
//! need every incident at once and are drawn in memory; `-v` says which path was taken and
//! why.

use std::path::PathBuf;

use anyhow::Result;

use super::config::MapConfig;
use super::report::{MapReport, Pass};
use super::wording::in_memory_text;
use super::{check_inputs, settings};
use incimap::export::{write_geojson, Batch, GeoJsonOptions, SortedGeoJson};
use incimap::gazetteer::Gazetteer;
use incimap::model::Incident;
use incimap::pipeline::{InMemoryReason, Inputs, MapExtras, MapRun};
use incimap::render::{
    check_fields, render_html, render_html_of_groups, render_map, svg_to_pdf, svg_to_png, Gathered,
    RenderedMap, HTML_INCIDENT_LIMIT,
};

/// A file to write: its path and contents.
type FileBytes = (PathBuf, Vec<u8>);

/// Reads, locates and filters every incident of the inputs (the embedded example without
/// inputs) on every core, in input order: `map` needs them all at once. With `--errors`, also
/// that file's path and contents (rejected and unlocated records), for the caller to write.
fn load_and_locate(
    input: &Inputs,
    gazetteer: &Gazetteer,
) -> Result<(Vec<Incident>, MapReport, Option<FileBytes>)> {
    let settings = settings(input, gazetteer, true);
    let progress = super::progress::Progress::start(input, 1, settings.progress.clone());
    let mut reports = Vec::new();
    let result = incimap::pipeline::run_pass(
        input,
        &settings,
        incimap::pipeline::Output::Reports(&mut reports),
    );
    progress.finish();
    let result = result?;
    let errors = errors_file(input, &result);
    // Merged first, then filtered: a merged incident is kept or left out whole.
    let merged = incimap::merge::merge(reports, input.merge);
    let mut report = MapReport {
        pass: Pass::of(result),
        merge: merged.explanation,
        ..MapReport::default()
    };
    let mut incidents = merged.incidents;
    let before = incidents.len();
    incidents.retain(|i| input.filter.matches(i));
    report.pass.filtered_out += (before - incidents.len()) as u64;
    Ok((incidents, report, errors))
}

pub(super) fn run_map(config: &MapConfig, gazetteer: &Gazetteer) -> Result<MapReport> {
    check_inputs(&config.input.inputs)?;
    let (incidents, report, errors) = match streamed_map(config, gazetteer)? {
        Streamed::Map(map, report, errors) => {
            let (map, late) = *map;
            return write_map(config, late, &map, report, errors);
        }
        Streamed::Held(incidents, report, errors) => (incidents, report, errors),
        Streamed::No(reason) => {
            let (incidents, mut report, errors) = load_and_locate(&config.input, gazetteer)?;
            report
                .notes
                .push(format!("map drawn in memory: {}", in_memory_text(&reason)));
            (incidents, report, errors)
        }
    };
    if incidents.is_empty() {
        return Err(no_incidents(&report.pass, errors)?);
    }
    check_fields(&incidents, &config.options)?;
    let map = render_map(&incidents, &config.options)?;
    write_map(config, Late::Held(&incidents), &map, report, errors)
}

/// The files of a map, written together; what was read, with the unlabelled incidents.
fn write_map(
    config: &MapConfig,
    late: Late<'_>,
    map: &RenderedMap,
    mut report: MapReport,
    errors: Option<FileBytes>,
) -> Result<MapReport> {
    let batch = stage_map_files(config, late, map, errors)?;
    report.written.extend(batch.commit()?);
    report.unlabelled = map.unlabelled.clone();
    Ok(report)
}

/// The error of a map without incidents, naming why (the counts, and the first records that
/// did not make it); the records that explain it are still written where asked.
fn no_incidents(pass: &Pass, errors: Option<FileBytes>) -> Result<anyhow::Error> {
    if let Some((path, bytes)) = &errors {
        incimap::export::write_atomically(path, bytes)?;
    }
    let mut why: Vec<String> = pass
        .read
        .skipped
        .iter()
        .take(5)
        .map(ToString::to_string)
        .collect();
    why.extend(
        pass.unresolved
            .iter()
            .take(5)
            .map(|u| format!("incident {}: {}", u.incident.id, u.reason)),
    );
    Ok(anyhow::anyhow!(
        "no incidents to map: {} read, {} skipped, {} not located, {} left out by the filters{}{}",
        pass.read.incidents_read,
        pass.read.skipped.len(),
        pass.unresolved.len(),
        pass.filtered_out,
        if why.is_empty() { "" } else { "\n  " },
        why.join("\n  ")
    ))
}

/// What the streamed path made of a map.
enum Streamed {
    /// The map, aggregated while reading, with what its GeoJSON and HTML are made of.
    Map(
        Box<(RenderedMap, Late<'static>)>,
        MapReport,
        Option<FileBytes>,
    ),
    /// Few incidents, held by the first pass: drawn in memory without reading again.
    Held(Vec<Incident>, MapReport, Option<FileBytes>),
    /// Drawn in memory, for this reason.
    No(InMemoryReason),
}

/// The map aggregated while reading, when its options allow it: the static map, the
/// interactive map of its groups (of each incident when there are few enough) and the GeoJSON
/// sorted on disk.
fn streamed_map(config: &MapConfig, gazetteer: &Gazetteer) -> Result<Streamed> {
    let input = &config.input;
    let settings = settings(input, gazetteer, false);
    let extras = MapExtras {
        geojson: config.formats.geojson.then(|| {
            let path = config.output_dir.join("incidents.geojson");
            (path, GeoJsonOptions::default())
        }),
        html_limit: config.formats.html.then_some(HTML_INCIDENT_LIMIT),
        geojson_run_bytes: None,
    };
    let progress = super::progress::Progress::start(input, 2, settings.progress.clone());
    let run = incimap::pipeline::map_streamed_with(input, &settings, &config.options, &extras);
    progress.finish();
    let (made, result) = match run? {
        MapRun::InMemory { reason, held: None } => return Ok(Streamed::No(reason)),
        MapRun::InMemory {
            reason,
            held: Some((incidents, result)),
        } => (Err((incidents, reason)), result),
        MapRun::Streamed {
            scene,
            gathered,
            result,
            geojson,
        } => {
            let map = RenderedMap::from_scene(*scene);
            (Ok((map, gathered, geojson)), result)
        }
    };
    let errors = errors_file(input, &result);
    let mut report = MapReport {
        pass: Pass::of(result),
        ..MapReport::default()
    };
    Ok(match made {
        Err((incidents, reason)) => {
            report
                .notes
                .push(format!("map drawn in memory: {}", in_memory_text(&reason)));
            Streamed::Held(incidents, report, errors)
        }
        Ok((map, gathered, geojson)) => {
            report
                .notes
                .push(streamed_note(config, &gathered, geojson.as_deref()));
            let late = Late::Streamed { gathered, geojson };
            Streamed::Map(Box::new((map, late)), report, errors)
        }
    })
}

/// What `-v` says of a map aggregated while reading.
fn streamed_note(
    config: &MapConfig,
    gathered: &Gathered,
    geojson: Option<&SortedGeoJson>,
) -> String {
    let mut note = format!(
        "map aggregated while reading, in two passes: {} incidents in {} symbols",
        gathered.incidents,
        gathered.groups.len()
    );
    match geojson.map(SortedGeoJson::runs) {
        Some(0) => note.push_str("; incidents.geojson sorted in memory (its features are few)"),
        Some(runs) => note.push_str(&format!(
            "; incidents.geojson sorted on disk ({runs} sorted runs beside it, merged)"
        )),
        None => {}
    }
    if config.formats.html {
        note.push_str(&format!(
            "; the interactive map draws the static map's symbols (more than {HTML_INCIDENT_LIMIT} incidents)"
        ));
    }
    note
}

/// The rejected and unlocated records as the `--errors` file, when asked.
fn errors_file(input: &Inputs, result: &incimap::pipeline::PassResult) -> Option<FileBytes> {
    input.errors.as_ref().map(|path| {
        let rejected = result.rejected.iter().chain(&result.unlocated);
        let hint_words = super::wording::date_hint_text;
        (
            path.clone(),
            incimap::pipeline::rejected_csv(rejected, hint_words),
        )
    })
}

/// Renders every output and stages each in a temporary file as soon as it is made, to be
/// renamed together: a failure (a full disk included) leaves no partial set behind. The
/// raster outputs (PNG, PDF) are made on a second thread while this one writes the GeoJSON
/// and the HTML (before them when the GeoJSON is merged from runs on disk); the files are
/// staged, and later renamed, in the same order as ever.
fn stage_map_files(
    config: &MapConfig,
    late: Late<'_>,
    map: &RenderedMap,
    errors: Option<FileBytes>,
) -> Result<Batch> {
    let dir = &config.output_dir;
    let formats = config.formats;
    let (raster, late) = match &late {
        // A GeoJSON merged from many runs on disk: the rasters first, so that the peak
        // memory of a large map is not the sum of both.
        Late::Streamed {
            geojson: Some(_), ..
        } => {
            let raster = rasters(config, map);
            (raster, stage_late(config, late, map))
        }
        _ => std::thread::scope(|scope| {
            let raster = scope.spawn(|| rasters(config, map));
            let late = stage_late(config, late, map);
            let raster = raster.join().unwrap_or_else(|_| {
                Err(anyhow::anyhow!(
                    "rendering failed: the PNG/PDF writer stopped"
                ))
            });
            (raster, late)
        }),
    };
    let (png, pdf) = raster?;
    let late = late?;
    let mut batch = Batch::new();
    if let Some((path, bytes)) = &errors {
        batch.stage(path, bytes)?;
    }
    if formats.svg {
        batch.stage(&dir.join("map.svg"), map.svg.as_bytes())?;
    }
    if let Some(png) = png {
        batch.stage(&dir.join("map.png"), &png)?;
    }
    if let Some(pdf) = pdf {
        batch.stage(&dir.join("map.pdf"), &pdf)?;
    }
    batch.append(late);
    Ok(batch)
}

/// The PNG and the PDF, when asked for.
type RasterFiles = (Option<Vec<u8>>, Option<Vec<u8>>);

/// The PNG and the PDF of the map, as the formats ask.
fn rasters(config: &MapConfig, map: &RenderedMap) -> Result<RasterFiles> {
    let png = match config.formats.png {
        true => Some(svg_to_png(&map.svg, config.options.png_scale)?),
        false => None,
    };
    let pdf = match config.formats.pdf {
        true => Some(svg_to_pdf(&map.svg)?),
        false => None,
    };
    Ok((png, pdf))
}

/// What the GeoJSON and the interactive map are made of.
enum Late<'i> {
    /// The incidents, held in memory.
    Held(&'i [Incident]),
    /// A map aggregated while reading: its groups, and the GeoJSON sorted on disk when asked.
    Streamed {
        gathered: Box<Gathered>,
        geojson: Option<Box<SortedGeoJson>>,
    },
}

/// The GeoJSON (written a piece at a time) and the interactive map, staged.
fn stage_late(config: &MapConfig, late: Late<'_>, map: &RenderedMap) -> Result<Batch> {
    let geojson_path = config.output_dir.join("incidents.geojson");
    let html_path = config.output_dir.join("map.html");
    let mut staged = Batch::new();
    match late {
        Late::Held(incidents) => {
            if config.formats.geojson {
                staged.stage_with(&geojson_path, |out| {
                    write_geojson(incidents, &GeoJsonOptions::default(), out)
                })?;
            }
            if config.formats.html {
                let html = render_html(incidents, map, &config.options)?;
                staged.stage(&html_path, html.as_bytes())?;
            }
        }
        Late::Streamed { gathered, geojson } => {
            if let Some(sorted) = geojson {
                staged.stage_with(&geojson_path, |out| (*sorted).write(out))?;
            }
            if config.formats.html {
                let html = render_html_of_groups(map, &gathered)?;
                staged.stage(&html_path, html.as_bytes())?;
            }
        }
    }
    Ok(staged)
}
