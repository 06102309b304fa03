//! Stages 1–3 for a map in flat memory: the inputs read twice, on every core, and never
//! held — the first pass surveys them ([`MapSurvey`]: counts, countries, measures, the
//! points spooled to disk), the second adds each incident drawn to its place's or
//! hexagon's running sums ([`MapGather`]) and, when asked ([`MapExtras`]), its GeoJSON
//! feature to sorted runs on disk ([`SortedGeoJson`]). The scene is the one
//! [`build_scene`](crate::render::build_scene) decides of the same incidents in memory; the
//! GeoJSON the bytes [`crate::export::write_geojson`] writes of them; the groups
//! ([`Gathered`]) are what the interactive map of a large set draws.
//!
//! A map is drawn in memory instead — [`MapRun::InMemory`] says why — when its options need
//! every incident ([`why_in_memory`]), when reports are merged (merging needs them all),
//! when an input is standard input (it can be read once), when `Aggregate::Auto` finds
//! few enough incidents to draw each (then the first pass has held them, and nothing is read
//! again), and when the interactive map is asked for and there are at most
//! [`MapExtras::html_limit`] incidents (it draws each; read again unless they are few).

use std::path::PathBuf;

use crate::error::{Error, RenderError, Result};
use crate::export::{GeoJsonOptions, SortedGeoJson, GEOJSON_RUN_BYTES};
use crate::ingest::stdin::is_stdin;
use crate::model::Incident;
use crate::render::{
    why_in_memory, Gathered, InMemoryOption, MapGather, MapOptions, MapPlan, MapScene, MapSurvey,
    AUTO_LIMIT,
};

use super::{must_merge, run_pass, Inputs, Output, PassResult, Settings};

/// What a map aggregated while reading makes besides its static map.
#[derive(Debug, Clone, Default)]
pub struct MapExtras {
    /// The GeoJSON of every incident drawn or not, sorted as the in-memory writer sorts it
    /// ([`crate::export::write_geojson`]), for this file: its sorted runs are made beside it
    /// during the second pass ([`SortedGeoJson`]), to be written when the map is.
    pub geojson: Option<(PathBuf, GeoJsonOptions)>,
    /// The interactive map is asked for, drawing each incident when there are at most this
    /// many: then the map is drawn in memory (of the incidents the first pass held when they
    /// are few, else read again).
    pub html_limit: Option<usize>,
    /// Bytes of GeoJSON features per sorted run (`None`: [`GEOJSON_RUN_BYTES`]).
    pub geojson_run_bytes: Option<usize>,
}

/// Why a map is drawn in memory ([`MapRun::InMemory`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InMemoryReason {
    /// A map option needs every incident at once ([`why_in_memory`]).
    Option(InMemoryOption),
    /// Anything else (standard input, merged reports, few incidents), in words.
    Other(String),
}

impl std::fmt::Display for InMemoryReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InMemoryReason::Option(option) => option.fmt(f),
            InMemoryReason::Other(words) => f.write_str(words),
        }
    }
}

/// How a map was, or is to be, drawn.
pub enum MapRun {
    /// Aggregated while reading: the scene, what the interactive map of its groups needs,
    /// what was read (the second time through: the same records as the first), and the
    /// sorted GeoJSON when asked for.
    Streamed {
        scene: Box<MapScene>,
        gathered: Box<Gathered>,
        result: PassResult,
        geojson: Option<Box<SortedGeoJson>>,
    },
    /// To be drawn of the incidents in memory, for `reason`; with those incidents and what
    /// was read when the first pass held them all (a few), else they are still to be read.
    InMemory {
        reason: InMemoryReason,
        held: Option<(Vec<Incident>, PassResult)>,
    },
}

/// The map of `inputs` aggregated while reading (see the module documentation). `settings`
/// filter as they read (nothing is merged on this path).
pub fn map_streamed(
    inputs: &Inputs,
    settings: &Settings<'_>,
    options: &MapOptions,
) -> Result<MapRun> {
    map_streamed_with(inputs, settings, options, &MapExtras::default())
}

/// [`map_streamed`], also making the `extras`.
pub fn map_streamed_with(
    inputs: &Inputs,
    settings: &Settings<'_>,
    options: &MapOptions,
    extras: &MapExtras,
) -> Result<MapRun> {
    let in_memory = |reason: &str| {
        Ok(MapRun::InMemory {
            reason: InMemoryReason::Other(reason.to_string()),
            held: None,
        })
    };
    if let Some(option) = why_in_memory(options) {
        return Ok(MapRun::InMemory {
            reason: InMemoryReason::Option(option),
            held: None,
        });
    }
    if inputs.inputs.iter().any(|p| is_stdin(p)) {
        return in_memory("standard input can be read only once");
    }
    if must_merge(inputs) {
        return in_memory("reports are merged, which needs all of them at once");
    }
    let (survey, held, first) = survey(inputs, settings, options, AUTO_LIMIT)?;
    if first.kept == 0 {
        // No map: the caller explains why from what was read.
        return Ok(MapRun::InMemory {
            reason: InMemoryReason::Other("no incidents".into()),
            held: Some((Vec::new(), first)),
        });
    }
    match extras.html_limit {
        // The few held (at most AUTO_LIMIT) are handed over; up to the limit they are read
        // again: holding that many in the first pass, to drop them when there are more, would
        // raise the peak memory of every large map.
        Some(limit) if first.kept <= limit as u64 => {
            let reason = format!(
                "the interactive map draws each of its {} incidents (at most {limit})",
                first.kept
            );
            return Ok(MapRun::InMemory {
                reason: InMemoryReason::Other(reason),
                held: held.map(|few| (few, first)),
            });
        }
        _ => {}
    }
    let gather = match survey.plan()? {
        MapPlan::Gather(gather) => gather,
        MapPlan::InMemory(reason) => {
            return Ok(MapRun::InMemory {
                reason: InMemoryReason::Other(reason),
                held: held.map(|few| (few, first)),
            });
        }
    };
    drop(held);
    gather_pass(inputs, settings, *gather, first, extras)
}

/// The first pass: the survey, the incidents when there are at most `hold`, what was read.
fn survey(
    inputs: &Inputs,
    settings: &Settings<'_>,
    options: &MapOptions,
    hold: usize,
) -> Result<(MapSurvey, Option<Vec<Incident>>, PassResult)> {
    let mut survey = MapSurvey::new(options)?;
    let mut failed: Option<Error> = None;
    let mut held: Option<Vec<Incident>> = Some(Vec::new());
    let first = run_pass(
        inputs,
        settings,
        Output::Each(&mut |incident| {
            if failed.is_none() {
                failed = survey.add(&incident).err();
            }
            // A few incidents are kept, to draw without reading again if they are all.
            match held.as_mut() {
                Some(few) if few.len() < hold => few.push(incident),
                _ => held = None,
            }
        }),
    )?;
    match failed {
        Some(error) => Err(error),
        None => Ok((survey, held, first)),
    }
}

/// The second pass: each incident added to its group and, when asked, to the sorted GeoJSON.
fn gather_pass(
    inputs: &Inputs,
    settings: &Settings<'_>,
    mut gather: MapGather,
    first: PassResult,
    extras: &MapExtras,
) -> Result<MapRun> {
    let mut geojson = extras.geojson.as_ref().map(|(path, options)| {
        let run_bytes = extras.geojson_run_bytes.unwrap_or(GEOJSON_RUN_BYTES);
        let sorted = SortedGeoJson::new(&first.summary, options, path, run_bytes);
        (path, sorted)
    });
    // The second pass reads the same records again: the first pass's rejected and unlocated
    // records go, so that memory holds them once.
    let kept = first.kept;
    drop(first);
    let mut failed: Option<Error> = None;
    let second = run_pass(
        inputs,
        settings,
        Output::Each(&mut |incident| {
            gather.add(&incident);
            if let (Some((path, sorted)), None) = (geojson.as_mut(), failed.as_ref()) {
                failed = sorted.add(&incident).err().map(|source| Error::Write {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }),
    )?;
    if let Some(error) = failed {
        return Err(error);
    }
    if second.kept != kept {
        return Err(RenderError::InputsChanged {
            first: kept,
            second: second.kept,
        }
        .into());
    }
    if let Some((path, sorted)) = geojson.as_mut() {
        sorted.spill_held().map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })?;
    }
    let (scene, gathered) = gather.finish_groups()?;
    Ok(MapRun::Streamed {
        scene: Box::new(scene),
        gathered: Box::new(gathered),
        result: second,
        geojson: geojson.map(|(_, sorted)| Box::new(sorted)),
    })
}
