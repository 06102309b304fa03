//! Stage 1, ingest/extract: a group of sentences → one model [`Incident`]. Merges the
//! figures of each measure into one figure with every claim side by side (each with its
//! source and span), attaches breakdowns as parts and checks their sum, picks the ACLED event
//! type, and records non-numeric attributed statements ("the town was captured, says X").

mod gather;
mod totals;

use serde_json::json;

use super::events::{incident_date, DayRef};
use super::incidents::{Group, Reading};
use super::places::{mention_place, offset_reference, to_place};
use crate::model::{stable_id, DateSpan, Figure, Incident, Place, SourceDoc};

/// What the whole article contributes to each incident.
pub(super) struct ArticleMeta<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub published: Option<DateSpan>,
    pub language: &'a str,
}

/// Builds the incident of a group, and the byte spans of its sentences.
pub(super) fn build_incident(
    meta: &ArticleMeta<'_>,
    readings: &[Reading],
    group: &Group,
) -> (Incident, Vec<(usize, usize)>) {
    let mut place = to_place(meta.text, &group.place);
    if let Some(sub) = &group.subplace {
        place.name = format!("{sub}, {}", place.name);
    }
    let sentences: Vec<&Reading> = group.sentences.iter().map(|&s| &readings[s]).collect();
    let date = incident_date(
        meta.published.as_ref(),
        &days_told(&group.sentences, &group.figures, readings),
    );
    let lex = super::lexicon::Lexicon::get(meta.language);
    let figures_told = group
        .figures
        .iter()
        .map(|&(si, fi)| &readings[si].figures[fi]);
    let sub_type = group.kind.or_else(|| {
        lex.and_then(|lex| {
            super::event_kind::sub_event_type(lex, meta.text, &sentences, figures_told)
        })
    });
    let (tags, actors) = tags_and_actors(&sentences);
    let mut checks = Vec::new();
    let figures = gather::figures(readings, group, &mut checks);
    let statements: Vec<serde_json::Value> = sentences
        .iter()
        .filter(|r| r.figures.is_empty())
        .flat_map(|r| statements(meta, r))
        .collect();
    let title = title(
        sub_type.map_or("Incident", |s| s.as_str()),
        &place,
        &figures,
    );
    let id = stable_id(&[
        meta.file,
        place.gazetteer_id.as_deref().unwrap_or(""),
        &place.name,
    ]);
    let mut incident = Incident::new(id, title, date, place);
    if let Some(first) = sentences.first() {
        incident.description = span_text(meta.text, readings, first)
            .chars()
            .take(400)
            .collect();
    }
    incident.event_type = sub_type.map(|s| s.event_type());
    incident.sub_event_type = sub_type;
    incident.tags = tags;
    incident.actors = actors;
    incident.figures = figures;
    incident.sources = vec![SourceDoc {
        location: Some(meta.file.to_string()),
        outlet: None,
        title: None,
        published: meta.published,
        language: Some(meta.language.to_string()),
    }];
    incident.mentions = mentions(meta, group);
    if !statements.is_empty() {
        incident
            .extra
            .insert("statements".into(), serde_json::Value::Array(statements));
    }
    if !checks.is_empty() {
        incident.extra.insert("checks".into(), json!(checks));
    }
    let evidence = sentences.iter().map(|r| byte_span(readings, r)).collect();
    (incident, evidence)
}

/// The places an incident's sentences name beside its own. "50 km north of A": A situates
/// the incident, as context (a reference, not its place), listed once.
fn mentions(meta: &ArticleMeta<'_>, group: &Group) -> Vec<crate::model::Place> {
    let reference = offset_reference(meta.text, &group.place);
    let reference_id = reference.as_ref().and_then(|r| r.gazetteer_id.clone());
    let named = group
        .mentions
        .iter()
        .map(|m| mention_place(meta.text, m))
        .filter(|m| reference_id.is_none() || m.gazetteer_id != reference_id);
    reference.into_iter().chain(named).collect()
}

/// The days an incident's sentences name: those telling of an event or a figure, else the
/// days they were reported, else any day named ("On 2 May, forces targeted a truck in A").
/// In an incident with counts, a sentence whose counts all went elsewhere tells of other
/// events ("This week, 40 people died in various attacks"): it does not date this one.
fn days_told(sentences: &[usize], figures: &[(usize, usize)], readings: &[Reading]) -> Vec<DayRef> {
    let counted_here = |si: usize| figures.iter().any(|&(s, _)| s == si);
    let telling = || {
        sentences
            .iter()
            .map(|&si| (si, &readings[si]))
            .filter_map(|(si, r)| {
                let told = if r.figures.is_empty() || figures.is_empty() {
                    !r.events.is_empty() || !r.figures.is_empty()
                } else {
                    counted_here(si)
                };
                told.then_some(r)
            })
    };
    let days: Vec<DayRef> = telling().flat_map(|r| r.days.iter().copied()).collect();
    if !days.is_empty() {
        return days;
    }
    let days: Vec<DayRef> = telling()
        .flat_map(|r| r.report_days.iter().copied())
        .collect();
    if !days.is_empty() {
        return days;
    }
    sentences
        .iter()
        .flat_map(|&si| readings[si].days.iter().copied())
        .collect()
}

/// The tags and actors of the sentences, each once, in order; an escape from a prison or a
/// camp is also a prison break.
fn tags_and_actors(sentences: &[&Reading]) -> (Vec<String>, Vec<String>) {
    let mut tags: Vec<String> = Vec::new();
    let mut actors: Vec<String> = Vec::new();
    for r in sentences {
        for t in &r.tags {
            if !tags.contains(t) {
                tags.push(t.clone());
            }
        }
        for a in &r.actors {
            if !actors.contains(a) {
                actors.push(a.clone());
            }
        }
    }
    if tags.iter().any(|t| t == "escape") && tags.iter().any(|t| t == "prison" || t == "camp") {
        tags.push("prison-break".into());
    }
    (tags, actors)
}

/// "Armed clash at A (the prison): 136 killed", "Armed clash 40 km north of A".
fn title(event_label: &str, place: &Place, figures: &[Figure]) -> String {
    let site = place
        .site
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    let figure_text: Vec<String> = figures
        .iter()
        .filter_map(|f| f.range_label().map(|l| format!("{l} {}", f.measure)))
        .collect();
    let at = if place.offset.is_some() { "" } else { " at" };
    let mut title = format!("{event_label}{at} {}{site}", place.display_name());
    if !figure_text.is_empty() {
        title.push_str(": ");
        title.push_str(&figure_text.join(", "));
    }
    title
}

fn byte_span(_readings: &[Reading], r: &Reading) -> (usize, usize) {
    (r.sentence.byte_start, r.sentence.byte_end)
}

fn span_text<'t>(text: &'t str, readings: &[Reading], r: &Reading) -> &'t str {
    let (s, e) = byte_span(readings, r);
    text.get(s..e).unwrap_or("")
}

/// Attributed statements without figures: each source with the events in its part of the
/// sentence ("Turkey's news agency: captured; the Kurdish authorities: fighting goes on").
fn statements(meta: &ArticleMeta<'_>, r: &Reading) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for (k, s) in r.sources.iter().enumerate() {
        let from = s.start.min(s.cue);
        let to = r
            .sources
            .get(k + 1)
            .map_or(r.sentence.end, |n| n.start.min(n.cue));
        let Some(event) = r.events.iter().find(|e| e.token >= from && e.token < to) else {
            continue;
        };
        let (bs, be) = (
            r.token_bytes(from).0,
            r.token_bytes(to.saturating_sub(1).max(from)).1,
        );
        out.push(json!({
            "source": s.name,
            "says": event.sub_type.as_str(),
            "text": meta.text.get(bs..be).unwrap_or(""),
            "span": {"file": meta.file, "start": bs, "end": be},
        }));
    }
    out
}
