//! The `incimap` binary: parse arguments, run the library, print a summary, map the outcome
//! to an exit code: 0 all good, 1 failure, 2 partial (some records or files did not make it
//! into the output), 64 usage error (bad arguments, an output that is an input; as BSD
//! sysexits' EX_USAGE), 128 + N when stopped by signal N (temporary files removed first).

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use incimap::app::{run_with, Report};
use incimap::cli::Cli;
use incimap::printable::printable;

/// mimalloc: per-thread heaps suit the export's reader → workers → writer hand-offs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXIT_FAILURE: u8 = 1;
const EXIT_PARTIAL: u8 = 2;
const EXIT_USAGE: u8 = 64;

/// Warnings listed one by one before the rest are counted (all of them with `-v`).
const WARNINGS_LISTED: usize = 10;

/// Prints a message on stderr with the control characters of the input escaped.
fn say(message: &str) {
    eprintln!("incimap: {}", printable(message));
}

fn summarize(report: &Report, verbose: bool) {
    for skipped in &report.skipped {
        say(&format!("skipped: {skipped}"));
    }
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
    if report.no_summary {
        return;
    }
    for unresolved in &report.unresolved {
        say(&format!(
            "not located: incident {}: {}",
            unresolved.incident.id, unresolved.reason
        ));
    }
    summarize_unlabelled(report, verbose);
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

/// The error and its causes on one line, each cause once (an OS error that a message already
/// quotes is not repeated).
fn error_text(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain() {
        let part = cause.to_string();
        if text.contains(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
    }
    text
}

/// Removes the temporary files of this run when it is interrupted (Ctrl-C, SIGTERM, SIGHUP),
/// then exits with 128 + the signal's number.
fn remove_temporaries_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            incimap::export::temp::remove_registered();
            std::process::exit(128 + signal);
        }
    });
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

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version print to stdout and succeed; the rest are usage errors.
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    remove_temporaries_on_signals();
    let gazetteers = cli.gazetteer.clone();
    let verbose = cli.verbose;
    let outcome = cli
        .into_config()
        .and_then(|config| run_with(&config, &gazetteers))
        .context("incimap failed");
    match outcome {
        Ok(report) => {
            summarize(&report, verbose);
            if report.is_partial() {
                ExitCode::from(EXIT_PARTIAL)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) => {
            eprintln!("error: {}", printable(&error_text(&err)));
            let usage = matches!(
                err.downcast_ref::<incimap::Error>(),
                Some(incimap::Error::Usage(_))
            );
            ExitCode::from(if usage { EXIT_USAGE } else { EXIT_FAILURE })
        }
    }
}
