//! Stage merge: several reports of one event → one incident whose claims are the union of
//! theirs, each claim tagged with the document it came from.
//!
//! - place: the most precise report's (a site before a town, a town before a district);
//! - date: the days all reports agree on (their overlap), else the most precise reports' span;
//! - figures: per measure and subject, every claim of every report; the range spans them all
//!   and the best estimate is the most conservative report's best (the policy of
//!   [`crate::model::Figure`], applied across sources); a table's figure without claims
//!   becomes one claim of its data set;
//! - sources, actors, tags, mentions: the union, without repeats;
//! - id: a hash of the reports' ids, sorted, so input order never changes it.

use crate::model::{
    stable_id, Claim, ClaimDoc, DatePrecision, DateSpan, Figure, Incident, OriginKind, Qualifier,
    Reported, SourceDoc,
};

/// The report whose place and title lead: most precise place, then located in the gazetteer,
/// then most precise date; `members` come in canonical order, so ties go to the first.
fn lead<'r>(members: &[&'r Reported]) -> &'r Reported {
    let key = |r: &Reported| {
        let i = &r.incident;
        (
            i.place.precision,
            i.place.gazetteer_id.is_none(),
            i.date.precision,
        )
    };
    let mut best = members[0];
    for m in &members[1..] {
        if key(m) < key(best) {
            best = m;
        }
    }
    best
}

/// The document a report's claims come from.
pub fn claim_doc(r: &Reported) -> ClaimDoc {
    let source = r.incident.sources.first();
    let outlet = r
        .origin
        .dataset
        .clone()
        .or_else(|| source.and_then(|s| s.outlet.clone()));
    ClaimDoc {
        outlet,
        file: Some(r.origin.file.clone()),
        record: (r.origin.kind == OriginKind::Table).then(|| r.incident.id.clone()),
        published: source.and_then(|s| s.published),
    }
}

/// The date all reports agree on, or the span of the most precise ones. Articles dated only
/// by their publication day count only when no report names the day.
fn merged_date(members: &[&Reported]) -> DateSpan {
    let named: Vec<DateSpan> = members
        .iter()
        .filter(|m| !super::rules::dated_by_publication(m))
        .map(|m| m.incident.date)
        .collect();
    let spans: Vec<DateSpan> = match named.is_empty() {
        true => members.iter().map(|m| m.incident.date).collect(),
        false => named,
    };
    let start = spans
        .iter()
        .map(|s| s.start)
        .max()
        .unwrap_or(spans[0].start);
    let end = spans.iter().map(|s| s.end).min().unwrap_or(spans[0].end);
    let finest = spans
        .iter()
        .map(|s| s.precision)
        .min()
        .unwrap_or(DatePrecision::Day);
    let between = |start, end| DateSpan::between(start, end, finest).ok();
    if start <= end {
        if let Some(span) = between(start, end) {
            return span;
        }
    }
    let finest_spans = spans.iter().filter(|s| s.precision == finest);
    let start = finest_spans.clone().map(|s| s.start).min();
    let end = finest_spans.map(|s| s.end).max();
    match (start, end) {
        (Some(s), Some(e)) => between(s, e).unwrap_or(spans[0]),
        _ => spans[0],
    }
}

/// A figure's claims, each tagged with its document; a figure without claims (a table's
/// value) becomes one claim of its best value.
fn tagged_claims(figure: &Figure, doc: &ClaimDoc) -> Vec<Claim> {
    let mut claims = figure.claims.clone();
    if claims.is_empty() {
        if let Some(best) = figure.best {
            let mut claim = Claim::new(best, Qualifier::Exact);
            claim.source = doc.outlet.clone();
            claims.push(claim);
        }
    }
    for claim in &mut claims {
        claim.document.get_or_insert_with(|| doc.clone());
    }
    claims
}

fn key(f: &Figure) -> (crate::model::Measure, Option<String>) {
    (
        f.measure.clone(),
        f.subject.as_deref().map(|s| s.trim().to_lowercase()),
    )
}

/// Figures of several reports, one per measure and subject, with every claim.
fn merged_figures(figures: Vec<(&Figure, ClaimDoc)>) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for (figure, doc) in figures {
        let claims = tagged_claims(figure, &doc);
        let parts: Vec<(&Figure, ClaimDoc)> =
            figure.parts.iter().map(|p| (p, doc.clone())).collect();
        let parts = merged_figures(parts);
        match out.iter_mut().find(|f| key(f) == key(figure)) {
            Some(into) => {
                into.claims.extend(claims);
                into.low = min_of(into.low, figure.low);
                into.best = min_of(into.best, figure.best);
                into.high = into.high.max(figure.high);
                // Parts are tagged already: the document given here is not used for them.
                let mine = std::mem::take(&mut into.parts);
                let both = mine.iter().chain(&parts).map(|p| (p, doc.clone()));
                into.parts = merged_figures(both.collect());
            }
            None => out.push(Figure {
                claims,
                parts,
                ..figure.clone()
            }),
        }
    }
    out
}

fn min_of(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// Appends the items not yet in `into` (compared case-insensitively).
fn union_text(into: &mut Vec<String>, more: &[String]) {
    for item in more {
        if !into.iter().any(|i| i.eq_ignore_ascii_case(item)) {
            into.push(item.clone());
        }
    }
}

/// The most common event type (sub-type with it); ties go to the lead's, then the first.
fn event_type(members: &[&Reported], lead: &Reported) -> Incident {
    let mut best = lead.incident.clone();
    let count = |t| {
        members
            .iter()
            .filter(|m| m.incident.event_type == t)
            .count()
    };
    let mut top = if best.event_type.is_some() {
        count(best.event_type)
    } else {
        0
    };
    for m in members {
        if m.incident.event_type.is_some() && count(m.incident.event_type) > top {
            top = count(m.incident.event_type);
            best.event_type = m.incident.event_type;
            best.sub_event_type = m.incident.sub_event_type;
        }
    }
    // A data set without sub-types (UCDP GED) takes the sub-type another report gives.
    if best.sub_event_type.is_none() {
        best.sub_event_type = members
            .iter()
            .filter_map(|m| m.incident.sub_event_type)
            .find(|s| Some(s.event_type()) == best.event_type);
    }
    best
}

/// One incident from the reports of one event (`members` in canonical order, at least two).
pub fn merge_members(members: &[&Reported]) -> Incident {
    let lead = lead(members);
    let mut merged = event_type(members, lead);
    let mut ids: Vec<&str> = members.iter().map(|m| m.incident.id.as_str()).collect();
    ids.sort_unstable();
    let mut parts = vec!["merged"];
    parts.extend(ids);
    merged.id = stable_id(&parts);
    merged.date = merged_date(members);
    if merged.description.is_empty() {
        if let Some(m) = members.iter().find(|m| !m.incident.description.is_empty()) {
            merged.description = m.incident.description.clone();
        }
    }
    let mut figures = Vec::new();
    let mut sources: Vec<SourceDoc> = Vec::new();
    for m in members {
        let doc = claim_doc(m);
        figures.extend(m.incident.figures.iter().map(|f| (f, doc.clone())));
        union_text(&mut merged.actors, &m.incident.actors);
        union_text(&mut merged.tags, &m.incident.tags);
        for mention in &m.incident.mentions {
            if !merged.mentions.contains(mention) {
                merged.mentions.push(mention.clone());
            }
        }
        for (k, v) in &m.incident.extra {
            merged.extra.entry(k.clone()).or_insert_with(|| v.clone());
        }
        let mut own = m.incident.sources.clone();
        if let Some(dataset) = &m.origin.dataset {
            if !own.iter().any(|s| s.outlet.as_ref() == Some(dataset)) {
                own.insert(0, dataset_doc(dataset, &m.origin.file));
            }
        }
        for s in own {
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
    }
    merged.figures = merged_figures(figures);
    // Oldest document first (undated ones last), then by outlet and file.
    sources.sort_by(|a, b| {
        let key = |s: &SourceDoc| {
            let day = s.published.map(|p| p.start);
            (
                day.is_none(),
                day,
                s.outlet.clone(),
                s.location.clone(),
                s.title.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    merged.sources = sources;
    merged.title = title(&merged);
    merged
}

/// "Air/drone strike at Ariha: 20–35 killed": what, where, and the ranges across sources.
fn title(incident: &Incident) -> String {
    let what = incident
        .sub_event_type
        .map(|s| s.as_str())
        .or(incident.event_type.map(|t| t.as_str()))
        .unwrap_or("Incident");
    let place = &incident.place;
    let site = place
        .site
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    let mut title = format!("{what} at {}{site}", place.display_name());
    let figures: Vec<String> = incident
        .figures
        .iter()
        .filter_map(|f| f.range_label().map(|l| format!("{l} {}", f.measure)))
        .collect();
    if !figures.is_empty() {
        title.push_str(": ");
        title.push_str(&figures.join(", "));
    }
    title
}

/// The source document of a data set's table ("ACLED", read from acled.csv).
fn dataset_doc(dataset: &str, file: &str) -> SourceDoc {
    SourceDoc {
        location: Some(file.to_string()),
        outlet: Some(dataset.to_string()),
        title: None,
        published: None,
        language: None,
    }
}
