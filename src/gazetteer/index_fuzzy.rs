//! Gazetteer (used by geocode and extract): approximate look-up in the binary index. In: a
//! folded key and the edits allowed; out: the postings of every key within that many byte
//! edits, with the edit count, in key order. A depth-first walk of the index's fst driven by
//! the Levenshtein automaton [`Band`] (`fuzzy.rs`).

use std::borrow::Cow;

use fst::raw::{Fst, Node, Output, Transition};
use fst::Automaton;

use super::fuzzy::{Band, State, WIDTH};
use super::index::{Index, Posting};

impl Index {
    /// Keys within `max_edits` byte edits of `key`, with the edit count; at most `cap` keys,
    /// the first in key order. A depth-first walk of the fst driven by [`Band`]: where the
    /// automaton allows only a few bytes ([`Band::next_bytes`]) they are looked up in the node
    /// directly instead of trying every transition, which is most of the nodes a search
    /// visits. Finds the same keys, in the same order, as `map.search_with_state(&band)`.
    pub fn fuzzy(&self, key: &str, max_edits: u8, cap: usize, out: &mut Vec<(Posting, u8)>) {
        let band = Band::new(key.as_bytes(), max_edits);
        let fst = self.map().as_fst();
        let mut walk = Walk {
            index: self,
            fst,
            band: &band,
            cap,
            keys: 0,
            buf: Vec::new(),
            out,
        };
        let start = band.start();
        if band.can_match(&start) {
            walk.visit(fst.root(), start, Output::zero());
        }
    }

    /// [`Index::fuzzy`] through fst's own automaton search, for tests.
    #[cfg(test)]
    pub fn fuzzy_stream(&self, key: &str, max_edits: u8, cap: usize, out: &mut Vec<(Posting, u8)>) {
        use fst::{IntoStreamer, Streamer};
        let band = Band::new(key.as_bytes(), max_edits);
        let mut stream = self.map().search_with_state(&band).into_stream();
        let mut keys = 0;
        let mut buf = Vec::new();
        while let Some((_, value, state)) = stream.next() {
            buf.clear();
            self.postings_of(value, &mut buf);
            let d = band.distance(&state);
            out.extend(buf.iter().map(|p| (*p, d)));
            keys += 1;
            if keys >= cap {
                break;
            }
        }
    }
}

/// The depth-first search of [`Index::fuzzy`].
struct Walk<'a, 'q> {
    index: &'a Index,
    fst: &'a Fst<Cow<'static, [u8]>>,
    band: &'a Band<'q>,
    cap: usize,
    keys: usize,
    buf: Vec<Posting>,
    out: &'a mut Vec<(Posting, u8)>,
}

impl Walk<'_, '_> {
    /// Emits the node's key if it matches, then its live children in byte order; false once
    /// `cap` keys were emitted.
    fn visit(&mut self, node: Node<'_>, state: State, output: Output) -> bool {
        if node.is_final() && self.band.is_match(&state) {
            self.buf.clear();
            let value = output.cat(node.final_output()).value();
            self.index.postings_of(value, &mut self.buf);
            let d = self.band.distance(&state);
            self.out.extend(self.buf.iter().map(|p| (*p, d)));
            self.keys += 1;
            if self.keys >= self.cap {
                return false;
            }
        }
        let mut bytes = [0u8; WIDTH];
        match self.band.next_bytes(&state, &mut bytes) {
            None => {
                // Past the anchor: a byte outside the window is a mismatch everywhere, and
                // all of those give one state, computed once with a byte not in the window.
                let n = self.band.window(&state, &mut bytes);
                let window = &bytes[..n];
                let other = (0u8..=WIDTH as u8)
                    .find(|b| !window.contains(b))
                    .unwrap_or(0);
                let miss = self.band.accept(&state, other);
                for t in node.transitions() {
                    let next = if window.contains(&t.inp) {
                        self.band.accept(&state, t.inp)
                    } else {
                        miss
                    };
                    if self.band.can_match(&next) {
                        let fst = self.fst;
                        if !self.visit(fst.node(t.addr), next, output.cat(t.out)) {
                            return false;
                        }
                    }
                }
            }
            Some(n) => {
                for &b in &bytes[..n] {
                    if let Some(i) = node.find_input(b) {
                        if !self.step(&state, output, node.transition(i)) {
                            return false;
                        }
                    }
                }
            }
        }
        true
    }

    fn step(&mut self, state: &State, output: Output, t: Transition) -> bool {
        let next = self.band.accept(state, t.inp);
        if !self.band.can_match(&next) {
            return true;
        }
        let fst = self.fst;
        self.visit(fst.node(t.addr), next, output.cat(t.out))
    }
}
