//! The `incimap` binary: parse arguments, run the command, print a summary, map the outcome
//! to an exit code: 0 all good, 1 failure, 2 partial (some records or files did not make it
//! into the output), 64 usage error (bad arguments, an output that is an input; as BSD
//! sysexits' EX_USAGE), 128 + N when stopped by signal N (temporary files removed first).
//! A reader that closes the pipe early (`incimap geocode … | head -1`) ends the run quietly
//! with 0.
//! Everything the command line needs is in the private [`app`] module; the library never
//! sees it.

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

mod app;

use app::args::Cli;
use app::printable::printable;
use app::run_with;
use app::summary::summarize;

/// mimalloc: per-thread heaps suit the export's reader → workers → writer hand-offs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXIT_FAILURE: u8 = 1;
const EXIT_PARTIAL: u8 = 2;
const EXIT_USAGE: u8 = 64;

/// The error and its causes on one line, each cause once (an OS error that a message already
/// quotes is not repeated).
fn error_text(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain() {
        let part = app::wording::cause_text(cause);
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
            incimap::export::remove_registered();
            std::process::exit(128 + signal);
        }
    });
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
        .map_err(anyhow::Error::from)
        .and_then(|config| run_with(&config, &gazetteers))
        .context("incimap failed");
    match outcome {
        Ok(outcome) => {
            summarize(&outcome, verbose);
            if outcome.is_partial() {
                ExitCode::from(EXIT_PARTIAL)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) if app::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", printable(&error_text(&err)));
            let usage = app::is_usage(&err);
            ExitCode::from(if usage { EXIT_USAGE } else { EXIT_FAILURE })
        }
    }
}
