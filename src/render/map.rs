//! Stage 3, render: the whole static map in one call — the scene decided
//! ([`super::build_scene`]), then written as SVG ([`super::write_svg`]), with what was placed
//! on it for callers and tests.

use crate::error::Result;
use crate::model::Incident;

use super::geometry::Rect;
use super::scene::{build_scene, SymbolInfo, Unlabelled};
use super::svg::write_svg;
use super::{MapOptions, MapScene, SizeScale};

/// A rendered map and what was placed on it.
#[derive(Debug, Clone)]
pub struct RenderedMap {
    pub svg: String,
    pub symbols: Vec<SymbolInfo>,
    /// Every label box drawn (incidents, context places, towns, area and river names).
    pub labels: Vec<Rect>,
    /// The map frames (one, or one per period with `MapOptions::facet`): every symbol lies inside one.
    pub frames: Vec<Rect>,
    pub scale: SizeScale,
    /// Incidents whose label found no free position, largest first.
    pub unlabelled: Vec<Unlabelled>,
    /// True when the symbols are groups of incidents (`MapOptions::aggregate`), sized on `scale`.
    pub aggregated: bool,
}

impl RenderedMap {
    /// The SVG of a scene, and what the scene placed.
    pub fn from_scene(scene: MapScene) -> RenderedMap {
        let svg = write_svg(&scene);
        let frames = scene.frames.iter().map(|f| f.rect).collect();
        let labels = scene
            .frames
            .iter()
            .flat_map(|f| {
                let placed = f.labels.iter().map(|l| l.rect);
                placed.chain(f.rivers.iter().map(|r| r.bbox))
            })
            .collect();
        RenderedMap {
            svg,
            symbols: scene
                .frames
                .into_iter()
                .flat_map(|f| f.symbols.into_iter().map(|s| s.info))
                .collect(),
            labels,
            frames,
            scale: scene.scale,
            unlabelled: scene.unlabelled,
            aggregated: scene.aggregated,
        }
    }
}

/// Renders the incidents as an SVG map. Every incident needs valid coordinates (an incident
/// without them is an error naming its id), and an empty set is an error, not an empty map.
pub fn render_map(incidents: &[Incident], options: &MapOptions) -> Result<RenderedMap> {
    build_scene(incidents, options).map(RenderedMap::from_scene)
}
