//! Stage 1, ingest/extract: a group of sentences → one model [`Incident`]. Merges the
//! figures of each measure into one figure with every claim side by side (each with its
//! source and span), attaches breakdowns as parts and checks their sum, picks the ACLED event
//! type, and records non-numeric attributed statements ("the town was captured, says X").

use serde_json::json;

use super::events::{incident_date, DayRef};
use super::figures::PartOf;
use super::incidents::{Group, Reading};
use super::places::{mention_place, offset_reference, to_place};
use crate::model::{
    group_thousands, stable_id, Claim, DateSpan, Figure, Incident, Measure, SourceDoc,
};

/// What the whole article contributes to each incident.
pub(super) struct ArticleMeta<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub published: Option<DateSpan>,
    pub language: &'a str,
}

/// A measure's total claims and its parts (subject → claims), in order of appearance.
#[derive(Default)]
struct Gathered {
    side: Option<String>,
    totals: Vec<Claim>,
    total_subjects: Vec<Option<String>>,
    parts: Vec<(String, Vec<Claim>)>,
    /// The gathered count this one is joined to by "and" ("40 soldiers and 8 police").
    joined_to: Option<usize>,
}

fn push_claim(claims: &mut Vec<Claim>, claim: &Claim) {
    let same = claims.iter().any(|c| {
        c.value == claim.value && c.qualifier == claim.qualifier && c.source == claim.source
    });
    if !same {
        claims.push(claim.clone());
    }
}

/// Builds the figures of a group.
fn figures(readings: &[Reading], group: &Group, checks: &mut Vec<String>) -> Vec<Figure> {
    let mut by_measure: Vec<(Measure, Gathered)> = Vec::new();
    // Measures the incident counts with a number: "a child was killed" is one of them; not of
    // a number said to come on top ("a chief was shot dead. Three relatives were also killed").
    let counted: Vec<&Measure> = group
        .figures
        .iter()
        .map(|&(si, fi)| &readings[si].figures[fi])
        .filter(|f| !f.one_person && !f.additional)
        .filter_map(|f| f.measure.as_ref())
        .collect();
    // Where each figure went: (sentence, figure) → gathered count.
    let mut went: Vec<((usize, usize), usize)> = Vec::new();
    for &(si, fi) in &group.figures {
        let f = &readings[si].figures[fi];
        let Some(measure) = f.measure.clone() else {
            continue;
        };
        if f.one_person && counted.contains(&&measure) {
            continue;
        }
        let joined = joined_to_same_measure(readings, si, fi);
        // "5 soldiers were killed. 4 militants were also killed.": more people, like a count
        // joined by "and", wherever the count they add to stands in the incident.
        // (Not a part of a breakdown already open: "onder de doden ... ook zeven burgers".)
        let open_parts = by_measure
            .iter()
            .any(|(m, g)| m == &measure && !g.parts.is_empty());
        let added_to = (!joined
            && !open_parts
            && f.additional
            && f.part_of == PartOf::None
            && (f.subject.is_some() || f.more))
            .then(|| {
                went.iter()
                    .rev()
                    .find(|((s, k), _)| readings[*s].figures[*k].measure.as_ref() == Some(&measure))
                    .map(|&(_, p)| p)
            })
            .flatten();
        let target = if added_to.is_some() {
            // "a further 3 soldiers": more of the same people, a count of its own.
            None
        } else if joined {
            // "40 soldiers and 8 police were killed": other people, a figure of their own
            // (or the one already counting the same people).
            by_measure.iter().position(|(m, g)| {
                m == &measure && f.subject.is_some() && g.total_subjects == [f.subject.clone()]
            })
        } else {
            gathered_for(&by_measure, f, &measure)
        };
        let pos = match target {
            Some(p) => p,
            None => {
                let side = if matches!(measure, Measure::Killed | Measure::Injured) {
                    f.side.clone()
                } else {
                    None
                };
                by_measure.push((
                    measure.clone(),
                    Gathered {
                        side,
                        ..Gathered::default()
                    },
                ));
                by_measure.len() - 1
            }
        };
        went.push(((si, fi), pos));
        if joined || added_to.is_some() {
            let before = added_to.or_else(|| {
                went.iter()
                    .find(|(k, _)| *k == (si, fi.wrapping_sub(1)))
                    .map(|&(_, p)| p)
            });
            if before != Some(pos) && by_measure[pos].1.joined_to.is_none() {
                by_measure[pos].1.joined_to = before;
            }
        }
        // ("Five herders were killed. Three more died.": three more herders.)
        let inherited = added_to
            .filter(|_| f.subject.is_none())
            .and_then(|p| by_measure[p].1.total_subjects.first().cloned().flatten());
        let g = &mut by_measure[pos].1;
        let total_best = g.totals.iter().map(|c| c.value).min();
        let parts_sum: u64 = g
            .parts
            .iter()
            .filter_map(|(_, c)| c.iter().map(|c| c.value).min())
            .fold(0, u64::saturating_add);
        // "Ook zouden er zeven burgers zijn omgekomen": a count with a subject that fits in a
        // breakdown already started is one more part.
        let continues_breakdown = f.part_of == PartOf::None
            && f.subject.is_some()
            && !g.parts.is_empty()
            && total_best.is_some_and(|t| parts_sum.saturating_add(f.claim.value) <= t);
        let is_part = f.part_of != PartOf::None || continues_breakdown;
        match (&f.subject, is_part) {
            (Some(subject), true) => match g.parts.iter_mut().find(|(s, _)| s == subject) {
                Some((_, claims)) => push_claim(claims, &f.claim),
                None => g.parts.push((subject.clone(), vec![f.claim.clone()])),
            },
            _ => {
                push_claim(&mut g.totals, &f.claim);
                g.total_subjects.push(f.subject.clone().or(inherited));
            }
        }
    }
    let joined_to: Vec<Option<usize>> = by_measure.iter().map(|(_, g)| g.joined_to).collect();
    let mut out = Vec::new();
    for (measure, g) in by_measure {
        // One subject, however often the claims name it ("between 40 and 50 villagers").
        let subject = match g.total_subjects.split_first() {
            Some((first, rest)) if rest.iter().all(|s| s == first) => first.clone(),
            _ => None,
        };
        let parts: Vec<Figure> = g
            .parts
            .into_iter()
            .map(|(s, claims)| Figure::from_claims(measure.clone(), Some(s), claims))
            .collect();
        let mut fig = Figure::from_claims(measure.clone(), subject, g.totals).with_parts(parts);
        if fig.claims.is_empty() {
            let sum = fig
                .parts
                .iter()
                .filter_map(|p| p.best)
                .fold(0, u64::saturating_add);
            (fig.low, fig.best, fig.high) = (Some(sum), Some(sum), Some(sum));
        }
        if let Some((sum, ok)) = fig.breakdown_check() {
            let terms: Vec<String> = fig
                .parts
                .iter()
                .filter_map(|p| p.best)
                .map(group_thousands)
                .collect();
            let total = fig.best.map(group_thousands).unwrap_or_default();
            checks.push(if ok {
                format!(
                    "{measure}: the parts add up: {} = {total}",
                    terms.join(" + ")
                )
            } else if Some(sum) < fig.best {
                format!(
                    "{measure}: the parts ({}) sum to {}, less than the total {total}: \
                     a partial breakdown",
                    terms.join(" + "),
                    group_thousands(sum)
                )
            } else {
                format!(
                    "{measure}: the parts ({}) sum to {}, MORE than the total {total}: \
                     the figures do not add up",
                    terms.join(" + "),
                    group_thousands(sum)
                )
            });
        }
        out.push(fig);
    }
    joined_totals(out, &joined_to)
}

/// "12 militants and 3 soldiers were killed": counts of other people joined by "and", with no
/// total of their own in the incident, are the parts of a total the text implies (15 killed).
/// `joined_to[i]` is the figure that figure `i` is joined to.
fn joined_totals(figures: Vec<Figure>, joined_to: &[Option<usize>]) -> Vec<Figure> {
    // The first figure of each chain of joined figures.
    let head = |mut i: usize| {
        while let Some(j) = joined_to.get(i).copied().flatten() {
            i = j;
        }
        i
    };
    let heads: Vec<usize> = (0..figures.len()).map(head).collect();
    let mut out: Vec<Figure> = Vec::new();
    let mut taken = vec![false; figures.len()];
    for i in 0..figures.len() {
        if taken[i] {
            continue;
        }
        let chain: Vec<usize> = (i..figures.len())
            .filter(|&k| heads[k] == heads[i])
            .collect();
        let measure = &figures[i].measure;
        let has_total = figures
            .iter()
            .any(|f| &f.measure == measure && f.subject.is_none());
        let joinable = chain.len() >= 2
            && !has_total
            && chain
                .iter()
                .all(|&k| figures[k].subject.is_some() && figures[k].parts.is_empty());
        if !joinable {
            taken[i] = true;
            out.push(figures[i].clone());
            continue;
        }
        let parts: Vec<Figure> = chain.iter().map(|&k| figures[k].clone()).collect();
        let sum = |pick: fn(&Figure) -> Option<u64>| {
            parts
                .iter()
                .map(pick)
                .try_fold(0u64, |acc, v| v.map(|v| acc.saturating_add(v)))
        };
        let values = (sum(|f| f.low), sum(|f| f.best), sum(|f| f.high));
        let mut total = Figure::from_claims(measure.clone(), None, Vec::new()).with_parts(parts);
        (total.low, total.best, total.high) = values;
        for &k in &chain {
            taken[k] = true;
        }
        out.push(total);
    }
    out
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
    let telling = || {
        sentences
            .iter()
            .filter(|r| !r.events.is_empty() || !r.figures.is_empty())
    };
    let mut days: Vec<DayRef> = telling().flat_map(|r| r.days.iter().copied()).collect();
    if days.is_empty() {
        days = telling()
            .flat_map(|r| r.report_days.iter().copied())
            .collect();
    }
    // An incident whose sentences name no kind of event ("On 2 May, forces targeted a truck
    // in A"): the days its sentences name.
    if days.is_empty() {
        days = sentences
            .iter()
            .flat_map(|r| r.days.iter().copied())
            .collect();
    }
    let date = incident_date(meta.published.as_ref(), &days);
    let lex = super::lexicon::Lexicon::get(meta.language);
    let figures_told = group
        .figures
        .iter()
        .map(|&(si, fi)| &readings[si].figures[fi]);
    let sub_type = lex.and_then(|lex| {
        super::event_kind::sub_event_type(lex, meta.text, &sentences, figures_told)
    });
    let mut tags: Vec<String> = Vec::new();
    let mut actors: Vec<String> = Vec::new();
    for r in &sentences {
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
    let mut checks = Vec::new();
    let figures = figures(readings, group, &mut checks);
    let statements: Vec<serde_json::Value> = sentences
        .iter()
        .filter(|r| r.figures.is_empty())
        .flat_map(|r| statements(meta, r))
        .collect();
    let event_label = sub_type.map_or("Incident", |s| s.as_str());
    let site = place
        .site
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    let figure_text: Vec<String> = figures
        .iter()
        .filter_map(|f| f.range_label().map(|l| format!("{l} {}", f.measure)))
        .collect();
    // "Armed clash 40 km north of A", "Armed clash at A".
    let at = if place.offset.is_some() { "" } else { " at" };
    let mut title = format!("{event_label}{at} {}{site}", place.display_name());
    if !figure_text.is_empty() {
        title.push_str(": ");
        title.push_str(&figure_text.join(", "));
    }
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
    // "50 km north of A": A situates the incident, as context (a reference, not its place),
    // listed once.
    let reference = offset_reference(meta.text, &group.place);
    let reference_id = reference.as_ref().and_then(|r| r.gazetteer_id.clone());
    let named = group
        .mentions
        .iter()
        .map(|m| mention_place(meta.text, m))
        .filter(|m| reference_id.is_none() || m.gazetteer_id != reference_id);
    incident.mentions = reference.into_iter().chain(named).collect();
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

/// True when figure `fi` of sentence `si` is a count with a subject joined by "and" to the
/// count before it, with the same measure and no breakdown cue ("40 soldiers and 8 police").
fn joined_to_same_measure(readings: &[Reading], si: usize, fi: usize) -> bool {
    let figures = &readings[si].figures;
    let f = &figures[fi];
    f.joined
        && f.part_of == PartOf::None
        && f.subject.is_some()
        && fi > 0
        && figures[fi - 1].measure == f.measure
        && figures[fi - 1].part_of == PartOf::None
}

/// Which gathered count a figure joins, if any.
fn gathered_for(
    by_measure: &[(Measure, Gathered)],
    f: &super::figures::FigureMention,
    measure: &Measure,
) -> Option<usize> {
    // Deaths and injuries on different sides are separate counts (civilians, fighters,
    // soldiers); other measures merge every claim (the escapees described two ways).
    let casualty = matches!(measure, Measure::Killed | Measure::Injured);
    let first = by_measure.iter().position(|(m, g)| {
        m == measure && (g.side.is_none() || !casualty || f.part_of != PartOf::None)
    });
    let same_side = by_measure.iter().position(|(m, g)| {
        m == measure && (!casualty || g.side == f.side || g.side.is_none() && f.side.is_none())
    });
    // "Three officers died. 3 fatalities.": the same count again, once without a side.
    let restated = by_measure.iter().position(|(m, g)| {
        m == measure
            && (g.side.is_none() || f.side.is_none())
            && g.totals.iter().any(|c| c.value == f.claim.value)
    });
    let open_breakdown = by_measure.iter().position(|(m, g)| {
        let total = g.totals.iter().map(|c| c.value).min();
        let sum: u64 = g
            .parts
            .iter()
            .filter_map(|(_, c)| c.iter().map(|c| c.value).min())
            .fold(0, u64::saturating_add);
        m == measure
            && !g.parts.is_empty()
            && total.is_some_and(|t| sum.saturating_add(f.claim.value) <= t)
    });
    match f.part_of {
        PartOf::None if f.subject.is_some() && open_breakdown.is_some() => open_breakdown,
        PartOf::None => restated.or(same_side),
        _ => first.or(same_side),
    }
}
