//! The application (private to the binary): the command line ([`args`] as typed, [`config`]
//! validated), one module per command ([`map`], [`extract`], [`gazetteer`]; `export` here),
//! the progress bar, and the [`Outcome`] of a command (its own report type, in [`report`]),
//! which [`summary`] prints.
//! The library never sees any of it.

use std::path::PathBuf;

use anyhow::Result;

use config::{Config, GeocodeConfig};
use gazetteer::{build_command, geocode_command};
use incimap::gazetteer::Gazetteer;
use incimap::pipeline::{ExportOptions, Inputs};
use incimap::RecordError;

pub mod args;
pub mod config;
mod explain;
mod extract;
mod gazetteer;
mod map;
pub mod printable;
mod progress;
pub mod report;
pub mod summary;
pub mod wording;

pub use report::Outcome;
use report::{ExportReport, Pass};

/// A choice on the command line that cannot be honoured; the message says what was
/// expected. The binary exits with its usage code (64).
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// True when `err` is the caller's mistake rather than the data's or the system's.
pub fn is_usage(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.is::<Usage>()
            || cause
                .downcast_ref::<incimap::Error>()
                .is_some_and(incimap::Error::is_usage)
    })
}

/// True when `err` comes from writing to a pipe whose reader has gone (`incimap … | head -1`):
/// the reader has all it wanted, so the command ends quietly and successfully, as ripgrep
/// does, rather than reporting a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs a command; `gazetteers` are the user's place files (`--gazetteer`), laid over the
/// built-in gazetteer in order. Their bad rows are reported as skipped records.
pub fn run_with(config: &Config, gazetteers: &[PathBuf]) -> Result<Outcome> {
    refuse_output_clashes(config, gazetteers)?;
    let (gazetteer, rejected) = select_gazetteer(gazetteers)?;
    let mut outcome = match config {
        Config::Map(map) => map::run_map(map, gazetteer).map(|r| Outcome::Map(Box::new(r))),
        Config::Export(export) => {
            run_export(export, gazetteer).map(|r| Outcome::Export(Box::new(r)))
        }
        Config::Extract(extract) => {
            extract::run_extract(extract, gazetteer).map(|r| Outcome::Extract(Box::new(r)))
        }
        Config::Geocode(geocode) => run_geocode(geocode, gazetteer),
        Config::GazetteerBuild {
            geonames,
            alternate_names,
            output,
        } => {
            let mut stdout = std::io::stdout().lock();
            let rows_skipped =
                build_command(geonames, alternate_names.as_deref(), output, &mut stdout)?;
            Ok(Outcome::GazetteerBuild {
                rows_skipped,
                skipped: Vec::new(),
            })
        }
    }?;
    outcome.skipped_mut().splice(0..0, rejected);
    Ok(outcome)
}

/// Refuses, before anything is read, an output that is an input or another output.
fn refuse_output_clashes(config: &Config, gazetteers: &[PathBuf]) -> Result<()> {
    let mut inputs = gazetteers.to_vec();
    let mut outputs: Vec<PathBuf> = Vec::new();
    // The files of `map` and `export` are walked once per run ([`Inputs::files`]).
    let mut walked: &[Result<PathBuf, RecordError>] = &[];
    match config {
        Config::Map(map) => {
            walked = map.input.files();
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
            walked = export.input.files();
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
    let mut files = incimap::ingest::expand_inputs(&inputs);
    files.extend(walked.iter().cloned());
    let files: Vec<&std::path::Path> = files.iter().flatten().map(PathBuf::as_path).collect();
    let outputs: Vec<&std::path::Path> = outputs.iter().map(PathBuf::as_path).collect();
    Ok(incimap::clash::refuse_clashes_among(&files, &outputs)?)
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

fn run_geocode(config: &GeocodeConfig, gazetteer: &Gazetteer) -> Result<Outcome> {
    let mut stdout = std::io::stdout().lock();
    let not_found = geocode_command(
        gazetteer,
        &config.names,
        config.country.as_deref(),
        config.limit,
        config.json,
        &mut stdout,
    )?;
    Ok(Outcome::Geocode {
        not_found,
        skipped: Vec::new(),
    })
}

/// The pass settings for some inputs ([`incimap::pipeline::Settings::new`]).
fn settings<'g>(
    input: &Inputs,
    gazetteer: &'g Gazetteer,
    filter_later: bool,
) -> incimap::pipeline::Settings<'g> {
    incimap::pipeline::Settings::new(input, gazetteer, filter_later)
}

/// Fails before any output is opened when a named input does not exist (a typo must not
/// overwrite yesterday's output with an empty file).
fn check_inputs(inputs: &[PathBuf]) -> Result<()> {
    Ok(incimap::pipeline::check_inputs(inputs)?)
}

fn run_export(config: &ExportOptions, gazetteer: &'static Gazetteer) -> Result<ExportReport> {
    check_inputs(&config.input.inputs)?;
    let merging = incimap::pipeline::must_merge(&config.input);
    let settings = settings(&config.input, gazetteer, merging);
    // The bar is drawn once the export knows how many passes it makes; dropped, it clears.
    let mut bar = None;
    let mut on_start = |passes: u64| {
        let counter = settings.progress.clone();
        bar = Some(progress::Progress::start(&config.input, passes, counter));
    };
    let exported = incimap::pipeline::export(config, &settings, &mut on_start);
    drop(bar);
    let (result, merge) = exported?;
    let mut written = vec![config.output.clone()];
    written.extend(config.input.errors.clone());
    Ok(ExportReport {
        pass: Pass::of(result),
        merge,
        written,
    })
}
