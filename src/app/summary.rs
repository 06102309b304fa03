//! What a command did, printed on standard error: skipped records, warnings (the first few,
//! all with `-v`), places not located, labels that found no room, what merging did, and the
//! files written.

use super::printable::printable;
use super::report::{ExportReport, ExtractReport, MapReport, Outcome, Pass, Read};
use super::wording::record_text;

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
        Outcome::Map(report) => summarize_map(report, verbose),
        Outcome::Export(report) => summarize_export(report, verbose),
        Outcome::Extract(report) => summarize_extract(report, verbose),
        Outcome::Geocode { skipped, .. } | Outcome::GazetteerBuild { skipped, .. } => {
            skipped.iter().for_each(say_skipped);
        }
    }
}

fn summarize_map(report: &MapReport, verbose: bool) {
    say_problems(&report.pass, verbose);
    summarize_unlabelled(&report.unlabelled, verbose);
    if verbose {
        report.notes.iter().for_each(|note| say(note));
    }
    say_outcome(&report.pass, &report.merge, &report.written, verbose);
}

fn summarize_export(report: &ExportReport, verbose: bool) {
    say_problems(&report.pass, verbose);
    say_outcome(&report.pass, &report.merge, &report.written, verbose);
}

fn summarize_extract(report: &ExtractReport, verbose: bool) {
    say_read_problems(&report.read, verbose);
    say_counts(&report.read, 0);
    summarize_merge(&report.merge, verbose);
    say_written(&report.written);
}

fn say_skipped(skipped: &incimap::RecordError) {
    say(&format!("skipped: {}", record_text(skipped)));
}

/// The records skipped and the warnings (the first few, all of them with `verbose`).
fn say_read_problems(read: &Read, verbose: bool) {
    read.skipped.iter().for_each(say_skipped);
    let listed = if verbose { usize::MAX } else { WARNINGS_LISTED };
    for warning in read.warnings.iter().take(listed) {
        say(&format!("warning: {}", record_text(warning)));
    }
    if read.warnings.len() > listed {
        say(&format!(
            "{} more warning(s) of the same kinds (all of them with -v)",
            read.warnings.len() - listed
        ));
    }
}

/// What a pass could not use: the records skipped, the warnings, the incidents not located.
fn say_problems(pass: &Pass, verbose: bool) {
    say_read_problems(&pass.read, verbose);
    for unresolved in &pass.unresolved {
        say(&format!(
            "not located: incident {}: {}",
            unresolved.incident.id, unresolved.reason
        ));
    }
}

/// What a pass made: the counts, what merging did, what the filters left out, the files.
fn say_outcome(
    pass: &Pass,
    merge: &incimap::model::MergeExplanation,
    written: &[std::path::PathBuf],
    verbose: bool,
) {
    say_counts(&pass.read, pass.unresolved.len());
    summarize_merge(merge, verbose);
    if pass.filtered_out > 0 {
        say(&format!(
            "{} incident(s) left out by the filters",
            pass.filtered_out
        ));
    }
    say_written(written);
}

/// The one line of counts: read, located, skipped, not located.
fn say_counts(read: &Read, not_located: usize) {
    let located = read.incidents_read.saturating_sub(not_located);
    say(&format!(
        "{} incident(s) read from {} input(s); {} located; {} record(s) skipped; {} not located",
        read.incidents_read,
        read.files_read,
        located,
        read.skipped.len(),
        not_located
    ));
}

fn say_written(written: &[std::path::PathBuf]) {
    for path in written {
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

fn summarize_unlabelled(missing: &[incimap::render::Unlabelled], verbose: bool) {
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
