//! Stage 3, render: what sizes a symbol — the figure of each incident under `MapOptions::size_by`
//! (also a numeric column of other people's data, adapted into a figure), how many incidents
//! an aggregated group stands for.

use crate::model::{Figure, Incident, Measure};

use crate::render::SizeBy;

/// The figure that sizes an incident's symbol under `size_by`.
pub fn size_figure<'a>(incident: &'a Incident, size_by: &SizeBy) -> Option<&'a Figure> {
    if group_size(incident).is_some() {
        // A group made by aggregation carries exactly one figure: the sum.
        return incident.figures.first();
    }
    match size_by {
        SizeBy::Largest => incident
            .largest_figure()
            .or_else(|| reported_zero(incident)),
        SizeBy::Measure(measure) => incident.figure(measure).filter(|f| f.best.is_some()),
    }
}

/// A figure of people reported as 0 (ACLED's "no fatalities reported"), killed first: drawn
/// as the zero mark when the incident has no positive figure.
fn reported_zero(incident: &Incident) -> Option<&Figure> {
    incident
        .figures
        .iter()
        .filter(|f| f.measure.counts_people() && f.best == Some(0))
        .min_by_key(|f| f.measure != Measure::Killed)
}

/// `SizeBy::Largest` when every incident's sizing figure is of one measure (a table of
/// fatalities): that measure, so that the map says "killed" rather than "people affected";
/// otherwise `size_by` as given.
pub(crate) fn effective_size_by(incidents: &[&Incident], size_by: &SizeBy) -> SizeBy {
    if *size_by != SizeBy::Largest {
        return size_by.clone();
    }
    let mut measures = incidents
        .iter()
        .filter_map(|i| size_figure(i, size_by))
        .map(|f| &f.measure);
    match measures.next() {
        Some(first) if measures.all(|m| m == first) => SizeBy::Measure(first.clone()),
        _ => size_by.clone(),
    }
}

/// How many incidents a group made by aggregation stands for (`None` for a plain incident).
pub fn group_size(incident: &Incident) -> Option<&str> {
    incident
        .tags
        .iter()
        .find_map(|t| t.strip_prefix("aggregate:"))
}

/// With a `MapOptions::size_by` FIELD that is no measure any incident has a figure for, but a
/// numeric property in `extra` (columns of other people's tables): copies of the incidents
/// with that value as a figure. `None` when nothing needs adapting.
pub(crate) fn sizing_from_extra(incidents: &[Incident], size_by: &SizeBy) -> Option<Vec<Incident>> {
    let SizeBy::Measure(measure @ Measure::Other(field)) = size_by else {
        return None;
    };
    let value = |i: &Incident| {
        i.extra
            .get(field.as_str())
            .and_then(|v| v.as_f64().or_else(|| v.as_str()?.trim().parse().ok()))
    };
    if !incidents
        .iter()
        .any(|i| i.figure(measure).is_none() && value(i).is_some())
    {
        return None;
    }
    Some(
        incidents
            .iter()
            .map(|i| {
                let mut copy = i.clone();
                if copy.figure(measure).is_none() {
                    if let Some(v) = value(i).filter(|v| v.is_finite() && *v > 0.0) {
                        copy.figures
                            .push(Figure::from_value(measure.clone(), v.round() as u64));
                    }
                }
                copy
            })
            .collect(),
    )
}
