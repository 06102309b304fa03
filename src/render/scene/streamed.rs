//! Stage 3, render: a map aggregated while its incidents stream by, in two passes and flat
//! memory, drawing the very map [`build_scene`](super::build_scene) draws of the same
//! incidents held in memory.
//!
//! The first pass ([`MapSurvey`]) counts the incidents, the countries (the focus) and the
//! measures (what the circles are said to show), and spools every point to a temporary file.
//! From the spool [`MapSurvey::plan`] decides, exactly as the in-memory map does, which
//! incidents are drawn (the fitted extent leaves far outliers off, by the median point and
//! the distance within which 98 % lie; a `bbox` keeps what falls in its frame), the title and
//! the extent. The second pass ([`MapGather`]) adds each incident drawn to its place's or
//! hexagon's [`GroupSum`](super::group_sum::GroupSum) and notes the period and the sources
//! for the credits; [`MapGather::finish`] makes the groups and draws the page
//! ([`MapGather::finish_groups`] also hands back the groups with their largest members, the
//! credits and the title, [`Gathered`], for the interactive map of the groups).
//!
//! What memory holds: the groups (at most a page of hexagons, or one per place), the
//! distinct country codes, place names and source names — never the incidents. Maps that
//! need every incident at once are drawn in memory instead; [`why_in_memory`] says why:
//! small multiples (a `facet`), `Aggregate::None`, a `size_by` column that is no measure,
//! a `label_field`, reports naming context places (each widens the extent when near an
//! incident), and [`MapSurvey::plan`] answers [`Plan::InMemory`] when `Aggregate::Auto`
//! finds too few incidents to group.

use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, NoIncidents, RenderError, Result};
use crate::model::{Date, Incident, Measure};
use crate::reference::distance_km;
use crate::render::captions::{period_caption_of, source_names};
use crate::render::geometry::Rect;
use crate::render::projection::Viewport;
use crate::render::{Aggregate, MapOptions, SizeBy};

use super::aggregate::{applies, Aggregator, AUTO_LIMIT};
use super::build::{draw, unlocated, Decided, Drawn, Whole};
use super::context::title_countries_of;
use super::facets::facet_frames;
use super::fit::{
    dense_index, fit_viewport, none_in_bbox, outlier_reach_km, OUTLIER_MIN_INCIDENTS,
};
use super::group_sum::Group;
use super::header::map_title_of;
use super::keep::{kept_viewport, Keep};
use super::layout::PageLayout;
use super::sizing::size_figure;
use super::spool::{spool_error, PointSpool};
use super::types::MapScene;

/// Why a map with these options is drawn in memory rather than streamed (`None`: it can
/// be streamed, if [`MapSurvey::plan`] agrees).
pub fn why_in_memory(options: &MapOptions) -> Option<InMemoryOption> {
    if options.facet.is_some() {
        return Some(InMemoryOption::Facet);
    }
    if options.aggregate == Aggregate::None {
        return Some(InMemoryOption::AggregateNone);
    }
    if let SizeBy::Measure(Measure::Other(_)) = options.size_by {
        return Some(InMemoryOption::SizeByColumn);
    }
    if options.label_field.is_some() {
        return Some(InMemoryOption::LabelField);
    }
    None
}

/// A map option that needs every incident at once, so the map is drawn in memory
/// ([`why_in_memory`]); its `Display` names the [`MapOptions`] field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InMemoryOption {
    /// `facet`: small multiples, one map per period.
    Facet,
    /// `aggregate` is [`Aggregate::None`]: every incident drawn on its own.
    AggregateNone,
    /// `size_by` names a column that is no measure, read from each incident's fields.
    SizeByColumn,
    /// `label_field`: a field to label the symbols with.
    LabelField,
}

impl std::fmt::Display for InMemoryOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            InMemoryOption::Facet => "facet splits the incidents into periods",
            InMemoryOption::AggregateNone => "aggregate None draws every incident",
            InMemoryOption::SizeByColumn => {
                "size_by names a column, read from each incident's fields"
            }
            InMemoryOption::LabelField => "label_field names a field to label the symbols with",
        })
    }
}

/// What is decided after the first pass.
pub enum Plan {
    /// Stream the inputs again into this.
    Gather(Box<MapGather>),
    /// Draw the map of the incidents held in memory, for this reason.
    InMemory(String),
}

/// The first pass (see the module documentation).
pub struct MapSurvey {
    options: MapOptions,
    incidents: usize,
    countries: BTreeMap<String, usize>,
    /// The sizing figures' measure under `SizeBy::Largest`: none yet, one, or several.
    measure: Option<Option<Measure>>,
    references: bool,
    unlocated: Option<Error>,
    spool: PointSpool,
}

impl MapSurvey {
    pub fn new(options: &MapOptions) -> Result<MapSurvey> {
        Ok(MapSurvey {
            options: options.clone(),
            incidents: 0,
            countries: BTreeMap::new(),
            measure: None,
            references: false,
            unlocated: None,
            spool: PointSpool::new().map_err(spool_error)?,
        })
    }

    /// Counts an incident in (kept by the filters; in any order).
    pub fn add(&mut self, incident: &Incident) -> Result<()> {
        let Some(point) = incident.place.lon_lat() else {
            self.unlocated.get_or_insert_with(|| unlocated(incident));
            return Ok(());
        };
        self.incidents += 1;
        if let Some(code) = incident.place.country_code.as_deref() {
            match self.countries.get_mut(code) {
                Some(n) => *n += 1,
                None => {
                    self.countries.insert(code.to_string(), 1);
                }
            }
        }
        if let Some(figure) = size_figure(incident, &self.options.size_by) {
            self.measure = match self.measure.take() {
                None => Some(Some(figure.measure.clone())),
                Some(Some(m)) if m == figure.measure => Some(Some(m)),
                Some(_) => Some(None),
            };
        }
        self.references |= incident.mentions.iter().any(|m| m.lon_lat().is_some());
        self.spool.push(point).map_err(spool_error)
    }

    /// Decides what is drawn (see the module documentation).
    pub fn plan(mut self) -> Result<Plan> {
        if let Some(error) = self.unlocated.take() {
            return Err(error);
        }
        let total = self.incidents;
        if total == 0 {
            return Err(NoIncidents::Empty.into());
        }
        if self.references {
            return Ok(Plan::InMemory(
                "the reports name context places, fitted into the extent with every incident"
                    .into(),
            ));
        }
        let options = self.effective_options();
        let page = PageLayout::new(options.width_px, options.height_px);
        let frames = facet_frames(page.frame, 1, page.unit);
        let keep = self.keep(&options, &page, frames[0])?;
        let focus = self.focus();
        let mut shown = 0usize;
        let spool = &mut self.spool;
        spool
            .for_each(&mut |p| shown += usize::from(keep.keeps(p)))
            .map_err(spool_error)?;
        if shown == 0 {
            if let Some(bbox) = options.bbox {
                return Err(none_in_bbox(total, bbox));
            }
        }
        if !applies(options.aggregate, shown) {
            return Ok(Plan::InMemory(format!(
                "{shown} incidents shown, at most {AUTO_LIMIT}: each is drawn"
            )));
        }
        let of_total = (shown < total).then_some(total);
        let countries = title_countries_of(&self.countries, self.incidents);
        let title = map_title_of(shown, &countries, &options, of_total);
        let viewport = kept_viewport(spool, &keep, &page, frames[0], &options)?;
        let aggregator = Aggregator::new(
            options.aggregate,
            options.size_by.clone(),
            viewport,
            page.unit,
        );
        Ok(Plan::Gather(Box::new(MapGather {
            page,
            frame: frames[0],
            focus,
            keep,
            viewport,
            aggregator,
            title,
            expected: shown,
            added: 0,
            period: None,
            credits: HashMap::new(),
            options,
        })))
    }

    /// The options with `SizeBy::Largest` made the one measure every figure has, as the
    /// in-memory map makes them.
    fn effective_options(&self) -> MapOptions {
        let size_by = match (&self.options.size_by, &self.measure) {
            (SizeBy::Largest, Some(Some(measure))) => SizeBy::Measure(measure.clone()),
            (size_by, _) => size_by.clone(),
        };
        MapOptions {
            size_by,
            ..self.options.clone()
        }
    }

    /// The country most incidents are in, when most are in one.
    fn focus(&self) -> Option<String> {
        let max = self.countries.values().copied().max()?;
        if max * 2 <= self.incidents {
            return None;
        }
        self.countries
            .iter()
            .find(|(_, n)| **n == max)
            .map(|(code, _)| code.to_ascii_uppercase())
    }

    /// Which points are drawn: those in the `bbox` frame, or those not far outliers.
    fn keep(&mut self, options: &MapOptions, page: &PageLayout, frame: Rect) -> Result<Keep> {
        if options.bbox.is_some() {
            let viewport = fit_viewport(&[], &[], frame, 0.0, page.unit, options)?;
            return Ok(Keep::Frame { viewport, frame });
        }
        if self.incidents < OUTLIER_MIN_INCIDENTS {
            return Ok(Keep::All);
        }
        let n = self.incidents as u64;
        let spool = &mut self.spool;
        let lon = spool.nth_smallest(n / 2, &|p| p.0).map_err(spool_error)?;
        let lat = spool.nth_smallest(n / 2, &|p| p.1).map_err(spool_error)?;
        let (Some(lon), Some(lat)) = (lon, lat) else {
            return Ok(Keep::All);
        };
        let distance = |(x, y): (f64, f64)| distance_km(x, y, lon, lat);
        let dense = spool
            .nth_smallest(dense_index(self.incidents) as u64, &distance)
            .map_err(spool_error)?
            .unwrap_or(0.0);
        Ok(Keep::Within {
            centre: (lon, lat),
            reach_km: outlier_reach_km(dense),
        })
    }
}

/// What the interactive map of a map aggregated while reading needs besides its scene: the
/// title, the groups drawn, the credits' source names, how many incidents the groups sum, and the map's
/// options (`SizeBy::Largest` made the one measure every figure has, as the scene was
/// drawn with).
#[derive(Debug, Clone)]
pub struct Gathered {
    /// The map's title, as the static map's header says it.
    pub title: String,
    /// The country most incidents are in, when most are in one (emphasized on the basemap).
    pub focus: Option<String>,
    pub groups: Vec<Group>,
    pub credits: Vec<String>,
    pub incidents: usize,
    pub options: MapOptions,
}

/// Where a source name is first met in map order: the incident's start date and id, then
/// the order incidents came in (ties in map order keep it) and the source's index.
type FirstMet = (Date, String, usize, usize);

/// The second pass (see the module documentation).
pub struct MapGather {
    options: MapOptions,
    page: PageLayout,
    frame: Rect,
    focus: Option<String>,
    keep: Keep,
    viewport: Viewport,
    aggregator: Aggregator,
    title: String,
    /// Incidents the first pass found drawn, and those added so far.
    expected: usize,
    added: usize,
    period: Option<(Date, Date)>,
    credits: HashMap<String, FirstMet>,
}

impl MapGather {
    /// Adds an incident (the same incidents as the first pass, in the same order).
    pub fn add(&mut self, incident: &Incident) {
        let Some(point) = incident.place.lon_lat() else {
            return;
        };
        if !self.keep.keeps(point) {
            return;
        }
        self.aggregator.add(incident);
        let (start, end) = (incident.date.start, incident.date.end);
        self.period = Some(match self.period {
            None => (start, end),
            Some((a, b)) => (a.min(start), b.max(end)),
        });
        for (k, name) in source_names(incident).enumerate() {
            let met = (start, incident.id.as_str(), self.added, k);
            match self.credits.get_mut(&name) {
                Some(first) if met < (first.0, first.1.as_str(), first.2, first.3) => {
                    *first = (start, incident.id.clone(), self.added, k);
                }
                Some(_) => {}
                None => {
                    self.credits
                        .insert(name, (start, incident.id.clone(), self.added, k));
                }
            }
        }
        self.added += 1;
    }

    /// The map's scene; an error when the second pass did not meet the first's incidents
    /// (an input changed in between).
    pub fn finish(self) -> Result<MapScene> {
        self.finish_groups().map(|(scene, _)| scene)
    }

    /// [`MapGather::finish`], with the groups drawn and what the interactive map of them
    /// needs.
    pub fn finish_groups(self) -> Result<(MapScene, Gathered)> {
        if self.added != self.expected {
            return Err(RenderError::InputsChanged {
                first: self.expected as u64,
                second: self.added as u64,
            }
            .into());
        }
        let period = self
            .period
            .map(|(start, end)| period_caption_of(start, end, self.options.lang))
            .unwrap_or_default();
        let mut credits: Vec<(FirstMet, String)> =
            self.credits.into_iter().map(|(n, met)| (met, n)).collect();
        credits.sort();
        let credits: Vec<String> = credits.into_iter().map(|(_, name)| name).collect();
        let title = self.title;
        let whole = Whole {
            title: title.clone(),
            period,
            credits: credits.clone(),
        };
        let groups = self.aggregator.finish_groups();
        let shown = vec![groups
            .iter()
            .map(|g| &g.incident)
            .collect::<Vec<&Incident>>()];
        let decided = Decided {
            page: self.page,
            options: &self.options,
            focus: self.focus.as_deref(),
        };
        let drawn = Drawn {
            headings: &[String::new()],
            frames: &[self.frame],
            viewport: &self.viewport,
            shown: &shown,
            aggregated: true,
        };
        let scene = draw(&decided, whole, &drawn);
        let gathered = Gathered {
            title,
            focus: self.focus.clone(),
            groups,
            credits,
            incidents: self.added,
            options: self.options,
        };
        Ok((scene, gathered))
    }
}
