//! `incimap map`: every incident read, located, merged and filtered, then drawn (SVG, PNG,
//! PDF, the interactive HTML) and written with its GeoJSON as one set of files.

use std::path::PathBuf;

use anyhow::Result;

use super::config::MapConfig;
use super::{check_inputs, pass_report, settings, Report};
use incimap::export::{geojson_write, Batch, GeoJsonOptions};
use incimap::gazetteer::Gazetteer;
use incimap::model::Incident;
use incimap::pipeline::Inputs;
use incimap::render::{check_fields, render_html, render_map, svg_to_pdf, svg_to_png, RenderedMap};
use incimap::Error;

/// A file to write: its path and contents.
type FileBytes = (PathBuf, Vec<u8>);

/// Reads, locates and filters every incident of the inputs (the embedded example without
/// inputs) on every core, in input order: `map` needs them all at once. With `--errors`, also
/// that file's path and contents (rejected and unlocated records), for the caller to write.
fn load_and_locate(
    input: &Inputs,
    gazetteer: &Gazetteer,
) -> Result<(Vec<Incident>, Report, Option<FileBytes>)> {
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
    let errors = input.errors.as_ref().map(|path| {
        let rejected = result.rejected.iter().chain(&result.unlocated);
        (path.clone(), incimap::pipeline::rejected_csv(rejected))
    });
    // Merged first, then filtered: a merged incident is kept or left out whole.
    let merged = incimap::merge::merge(reports, input.merge);
    let mut report = pass_report(result);
    report.merge = merged.explanation;
    let mut incidents = merged.incidents;
    let before = incidents.len();
    incidents.retain(|i| input.filter.matches(i));
    report.filtered_out += (before - incidents.len()) as u64;
    Ok((incidents, report, errors))
}

pub(super) fn run_map(config: &MapConfig, gazetteer: &Gazetteer) -> Result<Report> {
    check_inputs(&config.input.inputs)?;
    let (incidents, mut report, errors) = load_and_locate(&config.input, gazetteer)?;
    if incidents.is_empty() {
        // No map, but the records that explain why are still written where asked.
        if let Some((path, bytes)) = &errors {
            incimap::export::write_atomically(path, bytes)?;
        }
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
            "{} read, {} skipped, {} not located, {} left out by the filters{}{}",
            report.incidents_read,
            report.skipped.len(),
            report.unresolved.len(),
            report.filtered_out,
            if why.is_empty() { "" } else { "\n  " },
            why.join("\n  ")
        ))
        .into());
    }
    check_fields(&incidents, &config.options)?;
    let map = render_map(&incidents, &config.options)?;
    let batch = stage_map_files(config, &incidents, &map, errors)?;
    report.written.extend(batch.commit()?);
    report.unlabelled = map.unlabelled;
    Ok(report)
}

/// Renders every output and stages each in a temporary file as soon as it is made, to be
/// renamed together: a failure (a full disk included) leaves no partial set behind. The
/// raster outputs (PNG, PDF) are made on a second thread while this one writes the GeoJSON
/// and the HTML; the files are staged, and later renamed, in the same order as ever.
fn stage_map_files(
    config: &MapConfig,
    incidents: &[Incident],
    map: &RenderedMap,
    errors: Option<FileBytes>,
) -> Result<Batch> {
    let dir = &config.output_dir;
    let formats = config.formats;
    let (raster, late) = std::thread::scope(|scope| {
        let raster = scope.spawn(|| -> Result<RasterFiles> {
            let png = match formats.png {
                true => Some(svg_to_png(&map.svg, config.options.png_scale)?),
                false => None,
            };
            let pdf = match formats.pdf {
                true => Some(svg_to_pdf(&map.svg)?),
                false => None,
            };
            Ok((png, pdf))
        });
        let late = stage_late(config, incidents, map);
        let raster = raster
            .join()
            .unwrap_or_else(|_| Err(Error::Render("the PNG/PDF writer stopped".into()).into()));
        (raster, late)
    });
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

/// The GeoJSON (written a piece at a time) and the interactive map, staged.
fn stage_late(config: &MapConfig, incidents: &[Incident], map: &RenderedMap) -> Result<Batch> {
    let dir = &config.output_dir;
    let mut late = Batch::new();
    if config.formats.geojson {
        late.stage_with(&dir.join("incidents.geojson"), |out| {
            geojson_write(incidents, &GeoJsonOptions::default(), out)
        })?;
    }
    if config.formats.html {
        let html = render_html(incidents, map, &config.options)?;
        late.stage(&dir.join("map.html"), html.as_bytes())?;
    }
    Ok(late)
}
