//! A progress bar on stderr for exports that take more than a second,
//! never when stderr is not a terminal (logs and pipes stay clean).
//!
//! The reader thread counts the bytes it reads ([`BytesRead`]); this watcher
//! polls the counter ten times a second and draws an `indicatif` bar of bytes read out of
//! the input size times the number of passes.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use incimap::pipeline::{BytesRead, Inputs};

/// A running watcher; [`Progress::finish`] (or drop) stops it and clears the bar.
pub struct Progress {
    done: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    /// Starts watching `counter` against the total size of the inputs' files read `passes`
    /// times. Does nothing when stderr is not a terminal or there are no input files (the
    /// embedded example).
    pub fn start(inputs: &Inputs, passes: u64, counter: BytesRead) -> Progress {
        let done = Arc::new(AtomicBool::new(false));
        if !std::io::stderr().is_terminal() || inputs.inputs.is_empty() {
            return Progress { done, thread: None };
        }
        let total: u64 = inputs
            .files()
            .iter()
            .filter_map(|p| std::fs::metadata(p.as_ref().ok()?).ok())
            .map(|m| m.len())
            .sum::<u64>()
            * passes.max(1);
        let flag = Arc::clone(&done);
        let thread = std::thread::spawn(move || watch(total, &counter, &flag));
        Progress {
            done,
            thread: Some(thread),
        }
    }

    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop();
    }
}

fn watch(total: u64, counter: &BytesRead, done: &AtomicBool) {
    let started = Instant::now();
    let mut bar: Option<indicatif::ProgressBar> = None;
    while !done.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(100));
        if bar.is_none() && started.elapsed() >= Duration::from_secs(1) {
            let b = indicatif::ProgressBar::with_draw_target(
                Some(total),
                indicatif::ProgressDrawTarget::stderr(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "incimap: {bar:40} {bytes}/{total_bytes} read ({elapsed})",
            ) {
                b.set_style(style);
            }
            bar = Some(b);
        }
        if let Some(b) = &bar {
            b.set_position(counter.get().min(total));
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
}
