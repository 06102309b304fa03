//! Stage merge: the explanation in words — which reports became one incident and why, which
//! alike reports were kept apart and why (the JSON form is the model's
//! [`MergeExplanation`]).

use std::fmt::Write as _;

use crate::model::{MergeExplanation, ReportRef, Reported};

/// How an explanation names a report.
pub fn report_ref(r: &Reported) -> ReportRef {
    let i = &r.incident;
    let outlet = r
        .origin
        .dataset
        .clone()
        .or_else(|| i.sources.iter().find_map(|s| s.outlet.clone()));
    ReportRef {
        id: i.id.clone(),
        file: r.origin.file.clone(),
        line: r.origin.line,
        outlet,
        what: format!("{}, {}", i.place.display_name(), i.date.label()),
    }
}

fn name(r: &ReportRef) -> String {
    let mut text = r.file.clone();
    if let Some(line) = r.line {
        let _ = write!(text, ":{line}");
    }
    if let Some(outlet) = &r.outlet {
        let _ = write!(text, " ({outlet})");
    }
    format!("{text}: {} [{}]", r.what, r.id)
}

/// The explanation as text, one block per merged incident, then the near-misses.
pub fn explanation_text(e: &MergeExplanation) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nMerging: {} report(s) → {} incident(s); {} merged incident(s), {} pair(s) kept apart",
        e.reports,
        e.incidents,
        e.merged.len(),
        e.kept_apart.len()
    );
    for note in &e.merged {
        let _ = writeln!(
            out,
            "\nMerged into {} ({}) — {} reports:",
            note.incident,
            note.title,
            note.reports.len()
        );
        for r in &note.reports {
            let _ = writeln!(out, "  - {}", name(r));
        }
        let _ = writeln!(out, "  because: {}", note.reasons.join("; "));
    }
    for k in &e.kept_apart {
        let _ = writeln!(out, "\nKept apart:\n  - {}\n  - {}", name(&k.a), name(&k.b));
        if !k.alike.is_empty() {
            let _ = writeln!(out, "  alike: {}", k.alike.join("; "));
        }
        let _ = writeln!(out, "  apart: {}", k.why.join("; "));
    }
    out
}
