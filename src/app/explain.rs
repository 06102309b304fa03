//! `incimap extract`'s human-readable forms of an extraction — `--explain` (each
//! incident with its sentences, the figures «highlighted» and places [bracketed], every claim
//! with its source), `--format table`, and `--mentions` (every recognised place as JSON Lines).

use std::fmt::Write as _;

use incimap::extract::{Extraction, Unattached};
use incimap::model::{Figure, Incident};

fn figure_lines(out: &mut String, fig: &Figure, indent: &str, label: &str) {
    let subject = fig
        .subject
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    let range = fig.range_label().unwrap_or_else(|| "?".into());
    let best = fig
        .best
        .map(|b| b.to_string())
        .unwrap_or_else(|| "?".into());
    let _ = writeln!(
        out,
        "{indent}{label}{}{subject}: {range} (best {best})",
        fig.measure
    );
    for c in &fig.claims {
        let source = c.source.as_deref().unwrap_or("no source named");
        let text = c.text.as_deref().unwrap_or("");
        let at = c
            .span
            .as_ref()
            .map(|s| format!(" @{}..{}", s.start, s.end))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{indent}  - {} «{text}» — {source}{at}",
            c.short_label()
        );
    }
    for part in &fig.parts {
        figure_lines(out, part, &format!("{indent}    "), "part: ");
    }
}

/// The figures kept apart from the incidents, each with what it counts and why.
fn left_over_lines(out: &mut String, heading: &str, figures: &[Unattached]) {
    if figures.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{heading}:");
    for u in figures {
        let measure = u
            .measure
            .as_ref()
            .map(|m| format!(" {m}"))
            .unwrap_or_default();
        let area = u
            .area
            .as_deref()
            .map(|a| format!(" [{a}]"))
            .unwrap_or_default();
        let source = u
            .source
            .as_deref()
            .map(|s| format!(" per {s}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  - «{}» ({}{measure}){area}{source} @{}..{}: {}",
            u.text, u.value, u.span.start, u.span.end, u.reason
        );
    }
}

/// Marks `spans` (byte ranges into `text`) inside `text[start..end]` with the given brackets.
fn highlight(text: &str, start: usize, end: usize, spans: &[(usize, usize, &str, &str)]) -> String {
    let mut marks: Vec<(usize, bool, &str)> = Vec::new();
    for &(s, e, open, close) in spans {
        if s >= start && e <= end && s < e {
            marks.push((s, true, open));
            marks.push((e, false, close));
        }
    }
    marks.sort_by_key(|&(pos, opening, _)| (pos, opening));
    let mut out = String::new();
    let mut at = start;
    for (pos, _, mark) in marks {
        if let Some(piece) = text.get(at..pos) {
            out.push_str(piece);
            at = pos;
        }
        out.push_str(mark);
    }
    out.push_str(text.get(at..end).unwrap_or(""));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn incident_block(out: &mut String, ex: &Extraction, n: usize, inc: &Incident) {
    let p = &inc.place;
    let _ = writeln!(out, "\nIncident {}: {}", n + 1, inc.title);
    let _ = writeln!(
        out,
        "  id {}  date {} ({})",
        inc.id,
        inc.date.label(),
        inc.date.precision.as_str()
    );
    let coords = p
        .lon_lat()
        .map(|(lon, lat)| format!("{lat:.5} N, {lon:.5} E"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  place: {} → {} ({}) {coords}, {}{}{}, precision {}",
        p.name,
        p.canonical_name.as_deref().unwrap_or("?"),
        p.gazetteer_id.as_deref().unwrap_or("?"),
        p.country_code.as_deref().unwrap_or("?"),
        p.admin1
            .as_deref()
            .map(|a| format!(", {a}"))
            .unwrap_or_default(),
        p.site
            .as_deref()
            .map(|s| format!(", site: {s}"))
            .unwrap_or_default(),
        p.precision.as_str()
    );
    let event = match (inc.event_type, inc.sub_event_type) {
        (Some(t), Some(s)) => format!("{t} / {s}"),
        _ => "not recognised".into(),
    };
    let _ = writeln!(
        out,
        "  event: {event}; actors: {}; tags: {}",
        inc.actors.join(", "),
        inc.tags.join(", ")
    );
    if !inc.figures.is_empty() {
        let _ = writeln!(out, "  figures:");
        for fig in &inc.figures {
            figure_lines(out, fig, "    ", "");
        }
    }
    for (key, value) in &inc.extra {
        let _ = writeln!(out, "  {key}: {value}");
    }
    for m in &inc.mentions {
        let _ = writeln!(
            out,
            "  mentions: {} → {} ({})",
            m.name,
            m.canonical_name.as_deref().unwrap_or("?"),
            m.gazetteer_id.as_deref().unwrap_or("?")
        );
    }
    let mut spans: Vec<(usize, usize, &str, &str)> = Vec::new();
    for fig in &inc.figures {
        for c in fig
            .claims
            .iter()
            .chain(fig.parts.iter().flat_map(|p| p.claims.iter()))
        {
            if let Some(s) = &c.span {
                spans.push((s.start, s.end, "«", "»"));
            }
        }
    }
    for m in &ex.places {
        spans.push((m.start, m.end, "[", "]"));
    }
    let _ = writeln!(out, "  sentences:");
    for &(s, e) in ex.evidence.get(n).map(Vec::as_slice).unwrap_or(&[]) {
        let _ = writeln!(out, "    > {}", highlight(&ex.text, s, e, &spans));
    }
}

/// `--explain`: everything read from the article, for a human to check.
pub fn explain(ex: &Extraction) -> String {
    let mut out = String::new();
    let published = ex.published;
    let _ = writeln!(
        out,
        "== {} (language {}, published {})",
        ex.file,
        ex.language,
        published.map_or("unknown".to_string(), |p| format!(
            "{} ({})",
            p.label(),
            p.precision.as_str()
        ))
    );
    for (n, inc) in ex.incidents.iter().enumerate() {
        incident_block(&mut out, ex, n, inc);
    }
    left_over_lines(
        &mut out,
        "Regional figures (kept apart from every town)",
        &ex.regional,
    );
    left_over_lines(&mut out, "Unattached figures", &ex.unattached);
    for w in &ex.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    for n in &ex.notes {
        let _ = writeln!(out, "note: {n}");
    }
    out
}

fn cell(text: &str, width: usize) -> String {
    let mut s: String = text.chars().take(width).collect();
    let len = s.chars().count();
    s.extend(std::iter::repeat_n(' ', width - len));
    s
}

/// `--format table`: one line per incident.
pub fn table(extractions: &[Extraction]) -> String {
    let mut out = format!(
        "{} {} {} {} {} {}\n",
        cell("date", 10),
        cell("place", 18),
        cell("precision", 9),
        cell("event", 28),
        cell("figures", 44),
        "sources"
    );
    for ex in extractions {
        for inc in &ex.incidents {
            let figures: Vec<String> = inc
                .figures
                .iter()
                .filter_map(|f| f.range_label().map(|l| format!("{l} {}", f.measure)))
                .collect();
            let mut sources: Vec<&str> = Vec::new();
            for c in inc.figures.iter().flat_map(|f| f.claims.iter()) {
                if let Some(s) = c.source.as_deref() {
                    if !sources.contains(&s) {
                        sources.push(s);
                    }
                }
            }
            let _ = writeln!(
                out,
                "{} {} {} {} {} {}",
                cell(&inc.date.label(), 10),
                cell(inc.place.display_name(), 18),
                cell(inc.place.precision.as_str(), 9),
                cell(inc.sub_event_type.map_or("-", |s| s.as_str()), 28),
                cell(&figures.join("; "), 44),
                sources.join("; ")
            );
        }
        for u in &ex.unattached {
            let _ = writeln!(
                out,
                "{} {} {}",
                cell("", 10),
                cell("(unattached)", 18),
                cell(&format!("{}: {}", u.text, u.reason), 100)
            );
        }
    }
    out
}

/// `--mentions`: every recognised place as one JSON object per line.
pub fn mentions_jsonl(ex: &Extraction) -> String {
    let mut out = Vec::new();
    for m in &ex.places {
        incimap::export::json_line(m, &mut out);
    }
    String::from_utf8(out).unwrap_or_default()
}
