//! The `incimap` binary: parse arguments, run the library, print a summary, map the outcome
//! to an exit code (0 ok, 1 failure, 2 partial: some records or files were skipped).

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use incimap::app::{run_with, Report};
use incimap::cli::Cli;

/// mimalloc: per-thread heaps suit the export's reader → workers → writer hand-offs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Warnings listed one by one before the rest are counted (all of them with `-v`).
const WARNINGS_LISTED: usize = 10;

fn summarize(report: &Report, verbose: bool) {
    for skipped in &report.skipped {
        eprintln!("incimap: skipped: {skipped}");
    }
    if report.no_summary {
        return;
    }
    let listed = if verbose { usize::MAX } else { WARNINGS_LISTED };
    for warning in report.warnings.iter().take(listed) {
        eprintln!("incimap: warning: {warning}");
    }
    if report.warnings.len() > listed {
        eprintln!(
            "incimap: {} more warning(s) of the same kinds (all of them with -v)",
            report.warnings.len() - listed
        );
    }
    for unresolved in &report.unresolved {
        eprintln!(
            "incimap: not located: incident {}: {}",
            unresolved.incident.id, unresolved.reason
        );
    }
    summarize_unlabelled(report, verbose);
    let located = report
        .incidents_read
        .saturating_sub(report.unresolved.len());
    eprintln!(
        "incimap: {} incident(s) read from {} input(s); {} located; {} record(s) skipped; {} not located",
        report.incidents_read,
        report.files_read,
        located,
        report.skipped.len(),
        report.unresolved.len()
    );
    if report.filtered_out > 0 {
        eprintln!(
            "incimap: {} incident(s) left out by the filters",
            report.filtered_out
        );
    }
    for path in &report.written {
        eprintln!("incimap: wrote {}", path.display());
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
            eprintln!(
                "incimap: no room for the label of incident {}: {}",
                u.incident_id, u.text
            );
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
    eprintln!(
        "incimap: {count} {what} did not fit; the largest unlabelled: {} (all of them with -v)",
        largest.join("; ")
    );
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}
