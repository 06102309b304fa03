//! Stages 1–3 for a static map in flat memory: the inputs read twice, on every core, and
//! never held — the first pass surveys them ([`MapSurvey`]: counts, countries, measures, the
//! points spooled to disk), the second adds each incident drawn to its place's or
//! hexagon's running sums ([`MapGather`]). The scene is the one
//! [`build_scene`](crate::render::build_scene) decides of the same incidents in memory.
//!
//! A map is drawn in memory instead — [`MapRun::InMemory`] says why — when its options need
//! every incident ([`why_in_memory`]), when reports are merged (merging needs them all),
//! when an input is standard input (it can be read once), and when `--aggregate auto` finds
//! few enough incidents to draw each (then the first pass has held them, and nothing is read
//! again).

use crate::error::{Error, Result};
use crate::ingest::stdin::is_stdin;
use crate::model::Incident;
use crate::render::{why_in_memory, MapOptions, MapPlan, MapScene, MapSurvey, AUTO_LIMIT};

use super::{must_merge, run_pass, Inputs, Output, PassResult, Settings};

/// How a map was, or is to be, drawn.
pub enum MapRun {
    /// Aggregated while reading: the scene, and what the first pass read.
    Streamed {
        scene: Box<MapScene>,
        result: PassResult,
    },
    /// To be drawn of the incidents in memory, for `reason`; with those incidents and what
    /// was read when the first pass held them all (a few), else they are still to be read.
    InMemory {
        reason: String,
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
    let in_memory = |reason: &str| {
        Ok(MapRun::InMemory {
            reason: reason.to_string(),
            held: None,
        })
    };
    if let Some(reason) = why_in_memory(options) {
        return in_memory(reason);
    }
    if inputs.inputs.iter().any(|p| is_stdin(p)) {
        return in_memory("standard input can be read only once");
    }
    if must_merge(inputs) {
        return in_memory("reports are merged, which needs all of them at once");
    }
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
                Some(few) if few.len() < AUTO_LIMIT => few.push(incident),
                _ => held = None,
            }
        }),
    )?;
    if let Some(error) = failed {
        return Err(error);
    }
    if first.kept == 0 {
        // No map: the caller explains why from what was read.
        return Ok(MapRun::InMemory {
            reason: "no incidents".into(),
            held: Some((Vec::new(), first)),
        });
    }
    let mut gather = match survey.plan()? {
        MapPlan::Gather(gather) => gather,
        MapPlan::InMemory(reason) => {
            return Ok(MapRun::InMemory {
                reason,
                held: held.map(|few| (few, first)),
            });
        }
    };
    drop(held);
    let second = run_pass(
        inputs,
        settings,
        Output::Each(&mut |incident| gather.add(&incident)),
    )?;
    if second.kept != first.kept {
        return Err(Error::Render(format!(
            "the inputs changed while the map was drawn: {} incidents the first time through, {} the second",
            first.kept, second.kept
        )));
    }
    Ok(MapRun::Streamed {
        scene: Box::new(gather.finish()?),
        result: first,
    })
}
