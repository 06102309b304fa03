//! Stage 1, ingest/extract: the per-language lexicons (data files in `src/extract/lang/`),
//! their sections and phrase patterns, plus language detection.
//!
//! A lexicon file has `[section]` headers; `phrase = value` lines map a phrase to a value and
//! other lines list words. Multi-word entries are phrase patterns ([`super::patterns`]).
//! Adding a language means adding a file and a line in [`Lexicon::all`].

use std::sync::OnceLock;

use super::hash::{FastMap, FastSet};
pub use super::patterns::Match;
use super::patterns::{PatternSet, Starts};
pub use super::sections::Sec;

/// The lexicon files compiled into the binary: (ISO 639-1 code, file text).
const FILES: &[(&str, &str)] = &[
    ("nl", include_str!("lang/nl.txt")),
    ("en", include_str!("lang/en.txt")),
];

/// One `[section]` of a lexicon file: its listed words and its `phrase = value` entries.
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub words: FastSet<String>,
    pub values: FastMap<String, String>,
    /// First byte pairs of the words and keys (most look-ups are misses).
    starts: Starts,
}

impl Section {
    /// True when `word` (lower case) is listed here, as a word or as the key of a
    /// `word = value` entry.
    pub fn has(&self, word: &str) -> bool {
        self.starts.may_start(word) && (self.words.contains(word) || self.values.contains_key(word))
    }

    /// The value `word` maps to here.
    pub fn value(&self, word: &str) -> Option<&str> {
        if !self.starts.may_start(word) {
            return None;
        }
        self.values.get(word).map(String::as_str)
    }
}

/// Everything the extractor knows about one language.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub code: String,
    pub sections: FastMap<String, Section>,
    pub patterns: FastMap<String, PatternSet>,
    /// Word stems from `*word` entries of the `people` section ("*strijders").
    pub people_suffixes: Vec<String>,
    /// Every prefix of a `numbers` or `compound_numbers` word, so that splitting a compound number
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
                        let entry = lex.sections.entry(section.clone()).or_default();
                        entry.starts.insert(word, false);
                        entry.words.insert(word.to_string());
                    }
                }
                // Multi-word list lines of pattern sections are phrases.
                lex.patterns
                    .entry(section.clone())
                    .or_default()
                    .push(&key, "");
            } else {
                let entry = lex.sections.entry(section.clone()).or_default();
                entry.starts.insert(&key, false);
                entry.values.insert(key.clone(), value.clone());
                lex.patterns
                    .entry(section.clone())
                    .or_default()
                    .push(&key, &value);
            }
        }
        let numbers = [Sec::Numbers, Sec::CompoundNumbers]
            .into_iter()
            .filter_map(|sec| lex.sections.get(sec.name()))
            .flat_map(|s| s.values.keys())
            .cloned()
            .collect::<Vec<String>>();
        for word in numbers.iter().map(String::as_str) {
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

    /// A section of the file, if it has one of that name.
    pub fn section(&self, section: Sec) -> Option<&Section> {
        self.sections.get(section.name())
    }

    /// True when `word` (lower case) is listed in `section`.
    pub fn has(&self, section: Sec, word: &str) -> bool {
        self.section(section).is_some_and(|s| s.has(word))
    }

    /// True when `word` on its own names an event: a `generic_events` word or a one-word
    /// `events` cue ("attack", "bombing", "schietpartij").
    pub fn is_event_word(&self, word: &str) -> bool {
        self.has(Sec::GenericEvents, word)
            || self.patterns(Sec::Events).match_at(&[word], 0, 1).is_some()
    }

    /// True when `word` is a definite article: one of the `articles` that is not
    /// `indefinite` ("the", "de", "het").
    pub fn is_definite(&self, word: &str) -> bool {
        self.has(Sec::Articles, word) && !self.has(Sec::Indefinite, word)
    }

    /// The value `word` maps to in `section`.
    pub fn value(&self, section: Sec, word: &str) -> Option<&str> {
        self.section(section)?.value(word)
    }

    /// The patterns of a section (empty when the file has none).
    pub fn patterns(&self, section: Sec) -> &PatternSet {
        static EMPTY: OnceLock<PatternSet> = OnceLock::new();
        self.patterns
            .get(section.name())
            .unwrap_or_else(|| EMPTY.get_or_init(PatternSet::default))
    }

    /// The ISO code of the country whose people a single word names ("syrian", "Duitse" →
    /// "SY", "DE"); none for a word of `nationalities` that names no country.
    pub fn people_country(&self, word: &str) -> Option<&str> {
        self.value(Sec::Nationalities, word)
            .filter(|code| code.len() == 2)
    }

    /// True for a word that counts people ("strijders", "IS-strijders", "civilians").
    pub fn is_people(&self, word: &str) -> bool {
        self.has(Sec::People, word)
            || self.has(Sec::MeasureNouns, word)
            || self
                .people_suffixes
                .iter()
                .any(|s| word.len() > s.len() && word.ends_with(s.as_str()))
    }
}

/// The language of a text whose words do not decide ("Tlajomulco de Zuniga in 2 ...").
pub const DEFAULT_LANGUAGE: &str = "en";

/// Detects the language of a text: the lexicon whose `detect` words occur most often among
/// the first few thousand words. A word listed by several languages ("in", "is") speaks for
/// none; ties and texts without any such word give [`DEFAULT_LANGUAGE`].
pub fn detect_language<'a, I: IntoIterator<Item = &'a str>>(words: I) -> &'static Lexicon {
    let all = Lexicon::all();
    let mut counts = vec![0usize; all.len()];
    for word in words.into_iter().take(5000) {
        let mut listed = all
            .iter()
            .enumerate()
            .filter(|(_, l)| l.has(Sec::Detect, word));
        if let (Some((i, _)), None) = (listed.next(), listed.next()) {
            counts[i] += 1;
        }
    }
    let default = all
        .iter()
        .position(|l| l.code == DEFAULT_LANGUAGE)
        .unwrap_or(0);
    let mut best = default;
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
    fn both_lexicons_load_and_detect() {
        assert_eq!(Lexicon::codes(), vec!["nl", "en"]);
        let nl = Lexicon::get("nl").unwrap();
        assert_eq!(nl.value(Sec::Numbers, "twaalf"), Some("12"));
        assert!(nl.is_people("is-strijders"));
        // A key of a `word = value` entry is listed too.
        assert!(nl.has(Sec::KindAdmin, "provincie"));
        assert!(!nl.has(Sec::KindAdmin, "kamp"));
        let words = "the camp is in the north of the country".split(' ');
        assert_eq!(detect_language(words).code, "en");
        let words = "het kamp ligt in het noorden van het land".split(' ');
        assert_eq!(detect_language(words).code, "nl");
    }

    #[test]
    fn words_shared_by_languages_decide_nothing() {
        // "in" is Dutch and English: a short English note with only shared words and names
        // is read as English, the default.
        let words = "gunmen shot two men in aleppo causing 2 deaths".split(' ');
        assert_eq!(detect_language(words).code, DEFAULT_LANGUAGE);
        let words = "in de stad zijn drie doden gevallen".split(' ');
        assert_eq!(detect_language(words).code, "nl");
    }
}
