//! What a command did, printed on standard error: skipped records, warnings (the first few,
//! all with `-v`), places not located, labels that found no room, what merging did, and the
//! files written.

use super::printable::printable;
use super::{Outcome, Report};

/// Warnings listed one by one before the rest are counted (all of them with `-v`).
const WARNINGS_LISTED: usize = 10;

/// Prints a message on stderr with the control characters of the input escaped.
fn say(message: &str) {
    eprintln!("incimap: {}", printable(message));
}

/// Prints what a command did (everything one per line with `verbose`). The gazetteer
/// commands print their own output; only what they skipped is added here.
pub fn summarize(outcome: &Outcome, verbose: bool) {
    match outcome {
        Outcome::Incidents(report) => summarize_incidents(report, verbose),
        Outcome::Geocode { skipped, .. } | Outcome::GazetteerBuild { skipped, .. } => {
            skipped.iter().for_each(say_skipped);
        }
    }
}

fn say_skipped(skipped: &incimap::RecordError) {
    say(&format!("skipped: {skipped}"));
}

fn summarize_incidents(report: &Report, verbose: bool) {
    report.skipped.iter().for_each(say_skipped);
    let listed = if verbose { usize::MAX } else { WARNINGS_LISTED };
    for warning in report.warnings.iter().take(listed) {
        say(&format!("warning: {warning}"));
    }
    if report.warnings.len() > listed {
        say(&format!(
            "{} more warning(s) of the same kinds (all of them with -v)",
            report.warnings.len() - listed
        ));
    }
    for unresolved in &report.unresolved {
        say(&format!(
            "not located: incident {}: {}",
            unresolved.incident.id, unresolved.reason
        ));
    }
    summarize_unlabelled(report, verbose);
    if verbose {
        report.notes.iter().for_each(|note| say(note));
    }
    let located = report
        .incidents_read
        .saturating_sub(report.unresolved.len());
    say(&format!(
        "{} incident(s) read from {} input(s); {} located; {} record(s) skipped; {} not located",
        report.incidents_read,
        report.files_read,
        located,
        report.skipped.len(),
        report.unresolved.len()
    ));
    summarize_merge(&report.merge, verbose);
    if report.filtered_out > 0 {
        say(&format!(
            "{} incident(s) left out by the filters",
            report.filtered_out
        ));
    }
    for path in &report.written {
        say(&format!("wrote {}", path.display()));
    }
}

/// What merging did, in one line (every merge and near-miss with -v).
fn summarize_merge(merge: &incimap::model::MergeExplanation, verbose: bool) {
    if merge.merged.is_empty() && merge.kept_apart.is_empty() {
        return;
    }
    let reports: usize = merge.merged.iter().map(|m| m.reports.len()).sum();
    let merged = match merge.merged.len() {
        0 => "no reports merged".to_string(),
        n => format!("{reports} reports merged into {n} incident(s), one per event"),
    };
    say(&format!(
        "{merged} ({} report(s) → {} incident(s)); {} alike pair(s) kept apart{}",
        merge.reports,
        merge.incidents,
        merge.kept_apart.len(),
        if verbose { "" } else { " (details with -v)" }
    ));
    if verbose {
        // The first line repeats the summary above.
        for line in incimap::merge::explanation_text(merge).lines().skip(2) {
            if !line.is_empty() {
                say(line);
            }
        }
    }
}

/// Unlabelled incidents named in the one-line summary (all of them, one per line, with -v).
const UNLABELLED_NAMED: usize = 3;

fn summarize_unlabelled(report: &Report, verbose: bool) {
    let missing = &report.unlabelled;
    if missing.is_empty() {
        return;
    }
    if verbose {
        for u in missing {
            say(&format!(
                "no room for the label of incident {}: {}",
                u.incident_id, u.text
            ));
        }
        return;
    }
    let largest: Vec<&str> = missing
        .iter()
        .take(UNLABELLED_NAMED)
        .map(|u| u.text.as_str())
        .collect();
    let count = incimap::model::group_thousands(missing.len() as u64);
    let what = if missing.len() == 1 {
        "label"
    } else {
        "labels"
    };
    say(&format!(
        "{count} {what} did not fit; the largest unlabelled: {} (all of them with -v)",
        largest.join("; ")
    ));
}
