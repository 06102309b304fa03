//! Stage 3, render: small multiples (`MapOptions::facet`: by year or by month) — the periods and the grid of
//! frames they are drawn in, sharing extent, circle scale and legend.

use std::collections::BTreeMap;

use crate::error::Result;
use crate::model::Incident;

use crate::render::captions::month_long;
use crate::render::geometry::Rect;
use crate::render::theme::Lang;
use crate::render::Facet;

/// The periods of `MapOptions::facet` (label, members) in date order; one period holding everything
/// without facets. More than [`MAX_PANELS`] periods (years or months with incidents) are
/// joined into at most that many panels of consecutive periods ("1991 – 1996"), so that
/// every incident is still drawn and every panel stays readable.
pub(crate) fn facet_periods<'a>(
    all: &[&'a Incident],
    facet: Option<Facet>,
    lang: Lang,
) -> Result<Vec<(String, Vec<&'a Incident>)>> {
    let Some(facet) = facet else {
        return Ok(vec![(String::new(), all.to_vec())]);
    };
    let mut periods: BTreeMap<(i32, u8), Vec<&Incident>> = BTreeMap::new();
    for incident in all {
        let d = incident.date.start;
        let key = match facet {
            Facet::Year => (d.year, 0),
            Facet::Month => (d.year, d.month),
        };
        periods.entry(key).or_default().push(incident);
    }
    let labelled: Vec<(String, Vec<&Incident>)> = periods
        .into_iter()
        .map(|((year, month), members)| {
            let label = if month == 0 {
                year.to_string()
            } else {
                format!("{} {year}", month_long(month, lang))
            };
            (label, members)
        })
        .collect();
    Ok(join_periods(labelled))
}

/// Consecutive periods joined so that at most [`MAX_PANELS`] remain.
/// A panel: its heading and its incidents.
pub(crate) type Panel<'a> = (String, Vec<&'a Incident>);

fn join_periods(periods: Vec<Panel<'_>>) -> Vec<Panel<'_>> {
    if periods.len() <= MAX_PANELS {
        return periods;
    }
    let per_panel = periods.len().div_ceil(MAX_PANELS);
    let mut joined = Vec::new();
    let mut periods = periods.into_iter().peekable();
    while periods.peek().is_some() {
        let chunk: Vec<Panel> = periods.by_ref().take(per_panel).collect();
        let first = chunk.first().map(|(l, _)| l.clone()).unwrap_or_default();
        let last = chunk.last().map(|(l, _)| l.clone()).unwrap_or_default();
        let label = if chunk.len() == 1 {
            first
        } else {
            format!("{first} – {last}")
        };
        joined.push((label, chunk.into_iter().flat_map(|(_, m)| m).collect()));
    }
    joined
}

/// At most this many small multiples.
const MAX_PANELS: usize = 16;

/// Splits the map area into `n` frames in a grid whose cells are as large as possible, each
/// with room for its heading above it.
pub(crate) fn facet_frames(area: Rect, n: usize, unit: f64) -> Vec<Rect> {
    if n <= 1 {
        return vec![area];
    }
    let gap = 14.0 * unit;
    let heading = 24.0 * unit;
    let aspect = area.w / area.h;
    let (mut best, mut best_size) = (1, 0.0);
    for cols in 1..=n {
        let rows = n.div_ceil(cols);
        let w = (area.w - gap * (cols - 1) as f64) / cols as f64;
        let h = (area.h - gap * (rows - 1) as f64) / rows as f64 - heading;
        let size = w.min(h * aspect);
        if size > best_size {
            (best, best_size) = (cols, size);
        }
    }
    let cols = best;
    let rows = n.div_ceil(cols);
    let w = (area.w - gap * (cols - 1) as f64) / cols as f64;
    let h = (area.h - gap * (rows - 1) as f64) / rows as f64;
    (0..n)
        .map(|k| {
            let (c, r) = ((k % cols) as f64, (k / cols) as f64);
            Rect {
                x: area.x + c * (w + gap),
                y: area.y + r * (h + gap) + heading,
                w,
                h: h - heading,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpan, Place};

    #[test]
    fn many_years_are_joined_into_readable_panels_keeping_every_incident() {
        let incidents: Vec<Incident> = (1990..2023)
            .map(|y| {
                let date = DateSpan::parse(&y.to_string()).unwrap();
                Incident::new(format!("i{y}"), "t", date, Place::named("x"))
            })
            .collect();
        let refs: Vec<&Incident> = incidents.iter().collect();
        let panels = facet_periods(&refs, Some(Facet::Year), Lang::En).unwrap();
        assert!(panels.len() <= MAX_PANELS, "{}", panels.len());
        assert_eq!(panels[0].0, "1990 – 1992");
        let drawn: usize = panels.iter().map(|(_, m)| m.len()).sum();
        assert_eq!(drawn, incidents.len());
    }
}
