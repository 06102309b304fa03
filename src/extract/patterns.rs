//! Stage 1, ingest/extract: the phrase patterns of the lexicons and how they match a
//! sentence's words. In a phrase, `...` is a gap (the next word may come later in the same
//! clause: "zitten ... vast") and a trailing `*` matches any word with that stem. A phrase
//! whose value is [`EXCEPTION`] is an exception: where it matches at least as many words as
//! any other, nothing matches ("protestant*" among "protest*"). Patterns are
//! indexed by their first word, and a set of first byte pairs turns most words away before
//! any hashing.

use super::hash::FastMap;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Word(String),
    Prefix(String),
    Gap,
}

/// One phrase pattern and the value it stands for.
#[derive(Debug, Clone)]
pub struct Pattern {
    parts: Vec<Part>,
    pub value: String,
}

/// A match of a pattern: the words it covers (first and one past the last) and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'a> {
    pub start: usize,
    pub end: usize,
    /// The value the pattern maps to (empty for word lists).
    pub value: &'a str,
    /// Number of words that matched (a gap counts nothing): longer matches win.
    pub weight: usize,
}

/// The value of an exception pattern.
pub const EXCEPTION: &str = "-";

/// How far (in words) a gap in a pattern may reach.
const MAX_GAP: usize = 12;

/// A set of patterns indexed by their first word (patterns starting with a stem are tried
/// everywhere).
#[derive(Debug, Clone, Default)]
pub struct PatternSet {
    patterns: Vec<Pattern>,
    by_first: FastMap<String, Vec<usize>>,
    /// Patterns that start with a stem, by the stem's first byte.
    stems: FastMap<u8, Vec<usize>>,
    /// The first two bytes of every word or stem a pattern starts with: most words of a
    /// text start no pattern and are turned away here, without hashing.
    starts: Starts,
}

/// A set of byte pairs (a word's first two bytes; the second is 0 for a one-byte word): a
/// quick "certainly not" before a hash look-up.
#[derive(Debug, Clone)]
pub(super) struct Starts(Box<[u64; 1024]>);

impl Default for Starts {
    fn default() -> Self {
        Starts(Box::new([0; 1024]))
    }
}

impl Starts {
    fn pair(word: &str) -> usize {
        let b = word.as_bytes();
        usize::from(b.first().copied().unwrap_or(0)) << 8
            | usize::from(b.get(1).copied().unwrap_or(0))
    }

    fn insert_pair(&mut self, pair: usize) {
        self.0[pair >> 6] |= 1 << (pair & 63);
    }

    /// Adds a word, or (`stem`) every word that starts with it.
    pub(super) fn insert(&mut self, word: &str, stem: bool) {
        if stem && word.len() == 1 {
            let first = Starts::pair(word) & 0xff00;
            (0..256).for_each(|second| self.insert_pair(first | second));
        } else {
            self.insert_pair(Starts::pair(word));
        }
    }

    pub(super) fn may_start(&self, word: &str) -> bool {
        let pair = Starts::pair(word);
        self.0[pair >> 6] & (1 << (pair & 63)) != 0
    }
}

impl PatternSet {
    pub(super) fn push(&mut self, phrase: &str, value: &str) {
        let parts: Vec<Part> = phrase
            .split_whitespace()
            .map(|w| match w {
                "..." => Part::Gap,
                w if w.len() > 1 && w.ends_with('*') => Part::Prefix(w[..w.len() - 1].to_string()),
                w => Part::Word(w.to_string()),
            })
            .collect();
        let index = self.patterns.len();
        match parts.first() {
            Some(Part::Word(w)) => {
                self.by_first.entry(w.clone()).or_default().push(index);
                self.starts.insert(w, false);
            }
            Some(Part::Prefix(stem)) => match stem.bytes().next() {
                Some(b) => {
                    self.stems.entry(b).or_default().push(index);
                    self.starts.insert(stem, true);
                }
                None => return,
            },
            _ => return,
        }
        self.patterns.push(Pattern {
            parts,
            value: value.to_string(),
        });
    }

    /// The longest pattern that starts at word `i` of `words` (lower case) and ends before
    /// `limit`.
    pub fn match_at(&self, words: &[&str], i: usize, limit: usize) -> Option<Match<'_>> {
        self.best_at(words, i, limit)
            .filter(|b| b.value != EXCEPTION)
    }

    /// [`Self::match_at`], exceptions included.
    fn best_at(&self, words: &[&str], i: usize, limit: usize) -> Option<Match<'_>> {
        let first = words.get(i)?;
        if !self.starts.may_start(first) {
            return None;
        }
        let mut best: Option<Match<'_>> = None;
        let listed = self.by_first.get(*first).into_iter().flatten();
        let stems = first
            .bytes()
            .next()
            .and_then(|b| self.stems.get(&b))
            .into_iter()
            .flatten();
        for &p in listed.chain(stems) {
            let pattern = &self.patterns[p];
            if let Some((end, weight)) =
                match_parts(&pattern.parts, words, i, limit.min(words.len()))
            {
                let exception = pattern.value == EXCEPTION;
                if best.is_none_or(|b| weight > b.weight || exception && weight == b.weight) {
                    best = Some(Match {
                        start: i,
                        end,
                        value: &pattern.value,
                        weight,
                    });
                }
            }
        }
        best
    }

    /// Every non-overlapping longest match in `words[from..to]`, left to right. The words
    /// an exception of several words covers match nothing ("fight broke out" among "broke
    /// out").
    pub fn find_all(&self, words: &[&str], from: usize, to: usize) -> Vec<Match<'_>> {
        let mut out = Vec::new();
        let mut i = from;
        while i < to {
            let Some(m) = self.best_at(words, i, to) else {
                i += 1;
                continue;
            };
            if m.value != EXCEPTION {
                out.push(m);
            }
            // A gap pattern covers words it did not match; keep scanning after its first
            // word.
            i = if m.weight < m.end - m.start {
                i + 1
            } else {
                m.end
            };
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

fn word_matches(part: &Part, word: &str) -> bool {
    match part {
        Part::Word(w) => w == word,
        Part::Prefix(stem) => word.starts_with(stem.as_str()),
        Part::Gap => false,
    }
}

/// Matches `parts` at `i`; returns one past the last matched word and how many words matched.
/// A gap tries each place its next word occurs within [`MAX_GAP`] words, nearest first, until
/// the rest of the pattern matches after it ("gathered ... in support of" passes the "in" of
/// "gathered in A in support of B").
fn match_parts(parts: &[Part], words: &[&str], i: usize, limit: usize) -> Option<(usize, usize)> {
    let mut pos = i;
    let mut weight = 0;
    for (k, part) in parts.iter().enumerate() {
        if *part == Part::Gap {
            let next = parts.get(k + 1)?;
            let rest = &parts[k + 2..];
            return (pos..limit.min(pos + MAX_GAP))
                .filter(|&j| word_matches(next, words[j]))
                .find_map(|j| match_parts(rest, words, j + 1, limit))
                .map(|(end, w)| (end, weight + 1 + w));
        }
        if pos >= limit || !word_matches(part, words[pos]) {
            return None;
        }
        pos += 1;
        weight += 1;
    }
    Some((pos, weight))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_longest_with_gaps_and_stems() {
        let mut set = PatternSet::default();
        set.push("zitten", "present");
        set.push("zitten ... vast", "detained");
        set.push("luchtaanval*", "air");
        let words = ["er", "zitten", "zo'n", "5000", "mensen", "vast"];
        let m = set.match_at(&words, 1, words.len()).unwrap();
        assert_eq!((m.value, m.end), ("detained", 6));
        let m = set.match_at(&words, 1, 4).unwrap();
        assert_eq!(m.value, "present");
        assert_eq!(
            set.match_at(&["luchtaanvallen"], 0, 1).unwrap().value,
            "air"
        );
    }

    #[test]
    fn an_exception_of_several_words_covers_them_all() {
        let mut set = PatternSet::default();
        set.push("ran off", "fled");
        set.push("the engine ran off", EXCEPTION);
        let words = ["the", "engine", "ran", "off", "and", "they", "ran", "off"];
        let found: Vec<usize> = set.find_all(&words, 0, 8).iter().map(|m| m.start).collect();
        assert_eq!(found, [6]);
    }

    #[test]
    fn an_exception_stops_a_stem_where_it_matches() {
        let mut set = PatternSet::default();
        set.push("march*", "walk");
        set.push("marchioness*", EXCEPTION);
        assert_eq!(
            set.match_at(&["marchers"], 0, 1).map(|m| m.value),
            Some("walk")
        );
        assert!(set.match_at(&["marchioness"], 0, 1).is_none());
        // A longer pattern still wins over the exception.
        set.push("marchioness of bute", "title");
        let words = ["marchioness", "of", "bute"];
        assert_eq!(set.match_at(&words, 0, 3).map(|m| m.value), Some("title"));
        assert!(set
            .find_all(&["the", "marchioness", "spoke"], 0, 3)
            .is_empty());
    }

    #[test]
    fn a_gap_passes_an_earlier_occurrence_of_the_next_word() {
        let mut set = PatternSet::default();
        set.push("met ... in support of", "rally");
        let words = ["they", "met", "in", "town", "in", "support", "of", "him"];
        let m = set.match_at(&words, 1, words.len()).unwrap();
        assert_eq!((m.value, m.end), ("rally", 7));
        assert!(set.match_at(&words, 1, 5).is_none());
    }
}
