//! The commands: each runs the pipeline ingest → geocode → export / render for a validated
//! [`crate::cli::Config`] and reports what happened, so the binary only prints and exits.

use std::path::PathBuf;

use crate::cli::{Config, ExportConfig, GeocodeConfig, InputConfig, MapConfig};
use crate::error::{Error, RecordError, Result};
use crate::export::{geojson_write, Batch, GeoJsonOptions};
use crate::gazetteer::{build_command, geocode_command, Context, Gazetteer};
use crate::geocode::Unresolved;
use crate::model::Incident;
use crate::render::{check_fields, render_html, render_map, svg_to_pdf, svg_to_png, RenderedMap};

/// A file to write: its path and contents.
type FileBytes = (PathBuf, Vec<u8>);

/// What a command did.
#[derive(Debug, Default)]
pub struct Report {
    pub files_read: usize,
    pub incidents_read: usize,
    /// Records or files skipped (each with file and line).
    pub skipped: Vec<RecordError>,
    /// Notes about the input that lose no record (they do not make a run partial): a column's
    /// date order, a range widened, a table without a figure column.
    pub warnings: Vec<RecordError>,
    pub unresolved: Vec<Unresolved>,
    pub written: Vec<PathBuf>,
    /// Incidents whose label found no room on the map, largest first.
    pub unlabelled: Vec<crate::render::Unlabelled>,
    /// Names `incimap geocode` did not find.
    pub not_found: usize,
    /// Commands that print their own output skip the incident summary.
    pub no_summary: bool,
    /// Incidents an export's filters left out.
    pub filtered_out: u64,
    /// Rows `gazetteer build` skipped (each listed on standard output).
    pub rows_skipped: u64,
    /// What the merge stage did: reports merged into one incident, near-misses kept apart.
    pub merge: crate::model::MergeExplanation,
}

impl Report {
    /// True when something was skipped (exit code 2).
    pub fn is_partial(&self) -> bool {
        !self.skipped.is_empty()
            || !self.unresolved.is_empty()
            || self.not_found > 0
            || self.rows_skipped > 0
    }
}

/// Runs a command with the built-in gazetteer.
pub fn run(config: &Config) -> Result<Report> {
    run_with(config, &[])
}

/// Runs a command; `gazetteers` are the user's place files (`--gazetteer`), laid over the
/// built-in gazetteer in order. Their bad rows are reported as skipped records.
pub fn run_with(config: &Config, gazetteers: &[PathBuf]) -> Result<Report> {
    refuse_output_clashes(config, gazetteers)?;
    let (gazetteer, rejected) = select_gazetteer(gazetteers)?;
    let mut report = match config {
        Config::Map(map) => run_map(map, gazetteer),
        Config::Export(export) => run_export(export, gazetteer),
        Config::Extract(extract) => crate::extract::run_extract(extract, gazetteer),
        Config::Geocode(geocode) => run_geocode(geocode, gazetteer),
        Config::GazetteerBuild {
            geonames,
            alternate_names,
            output,
        } => {
            let mut stdout = std::io::stdout().lock();
            let rows_skipped =
                build_command(geonames, alternate_names.as_deref(), output, &mut stdout)?;
            Ok(Report {
                written: vec![output.clone()],
                rows_skipped,
                no_summary: true,
                ..Report::default()
            })
        }
    }?;
    report.skipped.splice(0..0, rejected);
    Ok(report)
}

/// Refuses, before anything is read, an output that is an input or another output.
fn refuse_output_clashes(config: &Config, gazetteers: &[PathBuf]) -> Result<()> {
    let mut inputs = gazetteers.to_vec();
    let mut outputs: Vec<PathBuf> = Vec::new();
    match config {
        Config::Map(map) => {
            inputs.extend(map.input.inputs.iter().cloned());
            outputs.extend(map.input.errors.iter().cloned());
            let f = map.formats;
            let names = [
                (f.svg, "map.svg"),
                (f.png, "map.png"),
                (f.pdf, "map.pdf"),
                (f.geojson, "incidents.geojson"),
                (f.html, "map.html"),
            ];
            for (wanted, name) in names {
                if wanted {
                    outputs.push(map.output_dir.join(name));
                }
            }
        }
        Config::Export(export) => {
            inputs.extend(export.input.inputs.iter().cloned());
            outputs.push(export.output.clone());
            outputs.extend(export.input.errors.iter().cloned());
        }
        Config::Extract(extract) => {
            inputs.extend(extract.inputs.iter().cloned());
            outputs.extend(extract.output.iter().cloned());
        }
        Config::Geocode(_) => {}
        Config::GazetteerBuild {
            geonames,
            alternate_names,
            output,
        } => {
            inputs.push(geonames.clone());
            inputs.extend(alternate_names.iter().cloned());
            outputs.push(output.clone());
        }
    }
    let outputs: Vec<&std::path::Path> = outputs.iter().map(PathBuf::as_path).collect();
    crate::clash::refuse_clashes(&inputs, &outputs)
}

/// The built-in gazetteer, or it with the user's files laid over it. The combined gazetteer
/// lives for the rest of the process (one per run), hence the leak.
fn select_gazetteer(paths: &[PathBuf]) -> Result<(&'static Gazetteer, Vec<RecordError>)> {
    let mut gazetteer: &'static Gazetteer = Gazetteer::builtin();
    let mut rejected = Vec::new();
    for path in paths {
        let (combined, errors) = gazetteer.with_user_file(path)?;
        rejected.extend(errors);
        gazetteer = Box::leak(Box::new(combined));
    }
    Ok((gazetteer, rejected))
}

fn run_geocode(config: &GeocodeConfig, gazetteer: &Gazetteer) -> Result<Report> {
    let mut stdout = std::io::stdout().lock();
    let not_found = geocode_command(
        gazetteer,
        &config.names,
        config.country.as_deref(),
        config.limit,
        config.json,
        &mut stdout,
    )?;
    Ok(Report {
        not_found,
        no_summary: true,
        ..Report::default()
    })
}

/// The pass settings for some inputs: how to read, filter and locate them. With
/// `filter_later`, the pass keeps everything and the caller filters once reports are merged.
fn settings<'g>(
    input: &InputConfig,
    gazetteer: &'g Gazetteer,
    filter_later: bool,
) -> crate::pipeline::Settings<'g> {
    crate::pipeline::Settings {
        read: crate::ingest::ReadOptions {
            places: Some(crate::extract::PlaceIndex::new(gazetteer)),
            country: input.country.clone(),
            ..input.read.clone()
        },
        filter: match filter_later {
            true => crate::filter::Filter::default(),
            false => input.filter.clone(),
        },
        context: Context::country(input.country.as_deref()),
        gazetteer,
        threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
        progress: Default::default(),
    }
}

/// Fails before any output is opened when a named input does not exist (a typo must not
/// overwrite yesterday's output with an empty file). `-` is standard input.
pub fn check_inputs(inputs: &[PathBuf]) -> Result<()> {
    for path in inputs.iter().filter(|p| !crate::ingest::stdin::is_stdin(p)) {
        if let Err(err) = std::fs::metadata(path) {
            let file = path.display().to_string();
            return Err(RecordError::new(file, None, format!("cannot read: {err}")).into());
        }
    }
    Ok(())
}

/// What a pass did, as the command reports it.
fn pass_report(result: crate::pipeline::PassResult) -> Report {
    Report {
        files_read: result.files,
        incidents_read: result.read as usize,
        skipped: result.rejected.into_iter().map(|r| r.error).collect(),
        warnings: result.warnings,
        unresolved: result.unresolved,
        filtered_out: result.filtered_out,
        ..Report::default()
    }
}

/// Reads, locates and filters every incident of the inputs (the embedded example without
/// inputs) on every core, in input order: `map` needs them all at once. With `--errors`, also
/// that file's path and contents (rejected and unlocated records), for the caller to write.
fn load_and_locate(
    input: &InputConfig,
    gazetteer: &Gazetteer,
) -> Result<(Vec<Incident>, Report, Option<FileBytes>)> {
    let settings = settings(input, gazetteer, true);
    let progress = crate::progress::Progress::start(
        &input.inputs,
        1,
        std::sync::Arc::clone(&settings.progress),
    );
    let mut reports = Vec::new();
    let result = crate::pipeline::run_pass(
        &input.inputs,
        &settings,
        crate::pipeline::Output::Reports(&mut reports),
    );
    progress.finish();
    let result = result?;
    let errors = input.errors.as_ref().map(|path| {
        let rejected = result.rejected.iter().chain(&result.unlocated);
        (path.clone(), crate::pipeline::rejected_csv(rejected))
    });
    // Merged first, then filtered: a merged incident is kept or left out whole.
    let merged = crate::merge::merge(reports, input.merge);
    let mut report = pass_report(result);
    report.merge = merged.explanation;
    let mut incidents = merged.incidents;
    let before = incidents.len();
    incidents.retain(|i| input.filter.matches(i));
    report.filtered_out += (before - incidents.len()) as u64;
    Ok((incidents, report, errors))
}

fn run_map(config: &MapConfig, gazetteer: &Gazetteer) -> Result<Report> {
    check_inputs(&config.input.inputs)?;
    let (incidents, mut report, errors) = load_and_locate(&config.input, gazetteer)?;
    if incidents.is_empty() {
        // No map, but the records that explain why are still written where asked.
        if let Some((path, bytes)) = &errors {
            crate::export::write_atomically(path, bytes)?;
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
        )));
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
            .unwrap_or_else(|_| Err(Error::Render("the PNG/PDF writer stopped".into())));
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

fn run_export(config: &ExportConfig, gazetteer: &'static Gazetteer) -> Result<Report> {
    check_inputs(&config.input.inputs)?;
    let merging = crate::pipeline::must_merge(&config.input);
    let settings = settings(&config.input, gazetteer, merging);
    let (result, merge) = crate::pipeline::export(config, &settings)?;
    let mut report = pass_report(result);
    report.merge = merge;
    report.written.push(config.output.clone());
    report.written.extend(config.input.errors.clone());
    Ok(report)
}
