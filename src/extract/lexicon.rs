//! Stage 1, ingest/extract: the per-language lexicons (data files in `src/extract/lang/`) and
//! the phrase patterns they hold, plus language detection.
//!
//! A lexicon file has `[section]` headers; `phrase = value` lines map a phrase to a value and
//! other lines list words. In a phrase, `...` is a gap (the next word may come later in the
//! same clause: "zitten ... vast") and a trailing `*` matches any word with that stem.
//! Adding a language means adding a file and a line in [`Lexicon::all`].

use std::sync::OnceLock;

use super::hash::{FastMap, FastSet};

/// The lexicon files compiled into the binary: (ISO 639-1 code, file text).
const FILES: &[(&str, &str)] = &[
    ("nl", include_str!("lang/nl.txt")),
    ("en", include_str!("lang/en.txt")),
];

/// How far (in words) a gap in a pattern may reach.
const MAX_GAP: usize = 12;

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

/// A set of patterns indexed by their first word (patterns starting with a stem are tried
/// everywhere).
#[derive(Debug, Clone, Default)]
pub struct PatternSet {
    patterns: Vec<Pattern>,
    by_first: FastMap<String, Vec<usize>>,
    /// Patterns that start with a stem, by the stem's first byte.
    stems: FastMap<u8, Vec<usize>>,
}

impl PatternSet {
    fn push(&mut self, phrase: &str, value: &str) {
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
            Some(Part::Word(w)) => self.by_first.entry(w.clone()).or_default().push(index),
            Some(Part::Prefix(stem)) => match stem.bytes().next() {
                Some(b) => self.stems.entry(b).or_default().push(index),
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
        let first = words.get(i)?;
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
                if best.is_none_or(|b| weight > b.weight) {
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

    /// Every non-overlapping longest match in `words[from..to]`, left to right.
    pub fn find_all(&self, words: &[&str], from: usize, to: usize) -> Vec<Match<'_>> {
        let mut out = Vec::new();
        let mut i = from;
        while i < to {
            match self.match_at(words, i, to) {
                Some(m) => {
                    out.push(m);
                    // A gap pattern covers words it did not match; keep scanning after its
                    // first word.
                    i = if m.weight < m.end - m.start {
                        i + 1
                    } else {
                        m.end
                    };
                }
                None => i += 1,
            }
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
fn match_parts(parts: &[Part], words: &[&str], i: usize, limit: usize) -> Option<(usize, usize)> {
    let mut pos = i;
    let mut weight = 0;
    let mut k = 0;
    while k < parts.len() {
        if parts[k] == Part::Gap {
            let next = parts.get(k + 1)?;
            let found = (pos..limit.min(pos + MAX_GAP)).find(|&j| word_matches(next, words[j]))?;
            pos = found + 1;
            weight += 1;
            k += 2;
            continue;
        }
        if pos >= limit || !word_matches(&parts[k], words[pos]) {
            return None;
        }
        pos += 1;
        weight += 1;
        k += 1;
    }
    Some((pos, weight))
}

/// Everything the extractor knows about one language.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub code: String,
    pub sets: FastMap<String, FastSet<String>>,
    pub maps: FastMap<String, FastMap<String, String>>,
    pub patterns: FastMap<String, PatternSet>,
    /// Word stems from `*word` entries of the `people` section ("*strijders").
    pub people_suffixes: Vec<String>,
    /// Every prefix of a `numbers` word (and of "een"), so that splitting a compound number
    /// word ("tweeëntwintig") stops as soon as no number word can follow.
    pub number_prefixes: FastSet<String>,
}

impl Lexicon {
    /// Parses a lexicon file. Unknown sections are kept; malformed lines are ignored.
    pub fn parse(code: &str, text: &str) -> Lexicon {
        let mut lex = Lexicon {
            code: code.to_string(),
            ..Lexicon::default()
        };
        let mut section = String::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim().to_string();
                continue;
            }
            let (key, value) = match line.split_once(" = ") {
                Some((k, v)) => (k.trim().to_lowercase(), v.trim().to_string()),
                None => (line.to_lowercase(), String::new()),
            };
            if value.is_empty() {
                for word in key.split_whitespace() {
                    if section == "people" && word.starts_with('*') {
                        lex.people_suffixes.push(word[1..].to_string());
                    } else {
                        lex.sets
                            .entry(section.clone())
                            .or_default()
                            .insert(word.to_string());
                    }
                }
                // Multi-word list lines of pattern sections are phrases.
                lex.patterns
                    .entry(section.clone())
                    .or_default()
                    .push(&key, "");
            } else {
                lex.maps
                    .entry(section.clone())
                    .or_default()
                    .insert(key.clone(), value.clone());
                lex.patterns
                    .entry(section.clone())
                    .or_default()
                    .push(&key, &value);
            }
        }
        let numbers = lex.maps.get("numbers").into_iter().flat_map(|m| m.keys());
        for word in numbers.map(String::as_str).chain(["een"]) {
            for (k, c) in word.char_indices() {
                lex.number_prefixes
                    .insert(word[..k + c.len_utf8()].to_string());
            }
        }
        lex
    }

    /// Every built-in lexicon, parsed once.
    pub fn all() -> &'static [Lexicon] {
        static ALL: OnceLock<Vec<Lexicon>> = OnceLock::new();
        ALL.get_or_init(|| {
            FILES
                .iter()
                .map(|(code, text)| Lexicon::parse(code, text))
                .collect()
        })
    }

    /// The built-in lexicon for a language code.
    pub fn get(code: &str) -> Option<&'static Lexicon> {
        Lexicon::all().iter().find(|l| l.code == code)
    }

    /// The language codes there are lexicons for.
    pub fn codes() -> Vec<&'static str> {
        Lexicon::all().iter().map(|l| l.code.as_str()).collect()
    }

    /// True when `word` (lower case) is listed in `section`.
    pub fn has(&self, section: &str, word: &str) -> bool {
        self.sets.get(section).is_some_and(|s| s.contains(word))
    }

    /// The value `word` maps to in `section`.
    pub fn value(&self, section: &str, word: &str) -> Option<&str> {
        self.maps.get(section)?.get(word).map(String::as_str)
    }

    /// The patterns of a section (empty when the file has none).
    pub fn patterns(&self, section: &str) -> &PatternSet {
        static EMPTY: OnceLock<PatternSet> = OnceLock::new();
        self.patterns
            .get(section)
            .unwrap_or_else(|| EMPTY.get_or_init(PatternSet::default))
    }

    /// True for a word that counts people ("strijders", "IS-strijders", "civilians").
    pub fn is_people(&self, word: &str) -> bool {
        self.has("people", word)
            || self.has("measure_nouns", word)
            || self
                .people_suffixes
                .iter()
                .any(|s| word.len() > s.len() && word.ends_with(s.as_str()))
    }
}

/// Detects the language of a text: the lexicon whose `detect` words occur most often among
/// the first few thousand words. Ties and texts without any such word give the first lexicon.
pub fn detect_language<'a, I: IntoIterator<Item = &'a str>>(words: I) -> &'static Lexicon {
    let all = Lexicon::all();
    let mut counts = vec![0usize; all.len()];
    for word in words.into_iter().take(5000) {
        for (i, lex) in all.iter().enumerate() {
            if lex.has("detect", word) {
                counts[i] += 1;
            }
        }
    }
    let mut best = 0;
    for (i, &c) in counts.iter().enumerate() {
        if c > counts[best] {
            best = i;
        }
    }
    &all[best]
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
    fn both_lexicons_load_and_detect() {
        assert_eq!(Lexicon::codes(), vec!["nl", "en"]);
        let nl = Lexicon::get("nl").unwrap();
        assert_eq!(nl.value("numbers", "twaalf"), Some("12"));
        assert!(nl.is_people("is-strijders"));
        let words = "the camp is in the north of the country".split(' ');
        assert_eq!(detect_language(words).code, "en");
        let words = "het kamp ligt in het noorden van het land".split(' ');
        assert_eq!(detect_language(words).code, "nl");
    }
}
