//! Stage 1, ingest/extract: toponym recognition. The gazetteer is the recognizer (as in
//! CLIFF-CLAVIN): every gazetteer name in the text, longest match first, filtered so that
//! common words, parts of longer proper names and titled persons do not become places. The
//! names found are then resolved in [`super::resolve`].

mod accept;
mod joined;
mod of_holder;
mod run_on;
mod scan;

use std::sync::OnceLock;

use super::hash::{FastMap, FastSet};
use super::lexicon::{Lexicon, Sec};
use super::place_index::{PlaceIndex, Toponym};
use super::resolve::UnreadName;
use super::text::{Kind, Token};
use crate::gazetteer::{fold_literal, EntryKind};
use scan::{actor_names, Scan};

pub(super) use joined::article_then_capital;

/// The most words a place name is matched over.
pub(super) const MAX_WORDS: usize = 6;

/// A name found by the scan: tokens `start..end`, the byte end of the name as written (a
/// possessive "'s" left out) and how many gazetteer entries share it.
pub type RawMatch = (usize, usize, usize, usize);

/// Sections whose words are parts of names, not common words: "Valley" or "Abu" may be a
/// place on its own; a verb only ever written in lower case may also be a town ("shells hit
/// Hit"). Abbreviations and letters are no words of their own either.
const NOT_COMMON: [Sec; 28] = [
    Sec::Actors,
    Sec::DivisionNameLinks,
    Sec::FacilityQualifiers,
    Sec::NameArticles,
    Sec::NameParticles,
    Sec::NameSuffixes,
    // ("Somali" is also an Ethiopian region.)
    Sec::Nationalities,
    Sec::PersonParticles,
    Sec::StrikeVerbs,
    // ("Bay" is a Somali region; "Delta" a Nigerian state.)
    Sec::WaterBodies,
    Sec::Landforms,
    // (Adverbs between a speaker and the verb: "First" opens titles and names.)
    Sec::ReportAdverbs,
    // ("Colonia" opens the name of a part of a town, and is a town in Uruguay.)
    Sec::TownPartPrefixes,
    // ("Market", "Sector": parts of names of places.)
    Sec::NationalPlaceNouns,
    // ("Dan" is a town.)
    Sec::ComparisonWords,
    // ("Ash", "Ar": the Arabic article opens names.)
    Sec::NameWordArticles,
    // (Small words the rules read before they were listed, kept out as they were: "Via"
    // opens Italian street names, "Mid" Welsh county names.)
    Sec::NameLocatives,
    Sec::MonthPartWords,
    // (Abbreviations and letters: "Gen.", "Mt.", "13th", "I've".)
    Sec::AbbreviatedWords,
    Sec::SentenceAbbreviations,
    Sec::NameAbbreviations,
    Sec::OrdinalSuffixes,
    Sec::ContractionTails,
    // (Words the rules read for events and days, kept out as before they were listed: a
    // common word also shapes the reading of the names around it, "The First Cut".)
    Sec::SpanOrdinals,
    Sec::CountryNouns,
    Sec::EarlierNotEvents,
    Sec::OtherEventOpeners,
    Sec::FutureDayWords,
];

/// Words of every lexicon that must never be read as a place on their own.
fn common_words() -> &'static FastSet<String> {
    static WORDS: OnceLock<FastSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut set = FastSet::default();
        for lex in Lexicon::all() {
            for (_, section) in lex
                .sections
                .iter()
                .filter(|(n, _)| !NOT_COMMON.iter().any(|sec| sec.name() == *n))
            {
                set.extend(section.words.iter().map(|w| fold_literal(w)));
                let keys = section.values.keys().filter(|k| !k.contains(' '));
                set.extend(keys.map(|k| fold_literal(k)));
            }
        }
        set
    })
}

/// True when `word` is a word of some lexicon that is never a place on its own
/// ("Attacks" in a headline's "Terrorist Attacks in Aleppo").
pub(super) fn is_common_word(word: &str) -> bool {
    common_words().contains(&fold_literal(word))
}

/// A recognised place name.
#[derive(Debug, Clone)]
pub struct PlaceMatch {
    /// Tokens `start..end`.
    pub start: usize,
    pub end: usize,
    /// Byte span of the name as written (a possessive "'s" left out).
    pub byte_start: usize,
    pub byte_end: usize,
    /// Best entry, and how many entries share the name.
    pub entry: Toponym,
    pub candidates: usize,
}

/// [`PlaceIndex::count`] remembered per document: names recur within an article.
pub(super) struct Counts<'i, 't> {
    index: &'i PlaceIndex,
    seen: FastMap<&'t str, usize>,
}

impl<'i, 't> Counts<'i, 't> {
    fn new(index: &'i PlaceIndex) -> Self {
        Counts {
            index,
            seen: FastMap::default(),
        }
    }

    pub(super) fn get(&mut self, name: &'t str) -> usize {
        let index = self.index;
        *self.seen.entry(name).or_insert_with(|| index.count(name))
    }

    /// The largest population of an entry bearing `name`.
    pub(super) fn largest(&mut self, name: &'t str) -> u64 {
        if self.get(name) == 0 {
            return 0;
        }
        let scored = self.index.scored(name, 8);
        scored.iter().map(|(t, _)| t.population).max().unwrap_or(0)
    }

    /// True when the gazetteer lists `name` as a country.
    pub(super) fn is_country(&mut self, name: &'t str) -> bool {
        self.get(name) > 0
            && self
                .index
                .scored(name, 8)
                .iter()
                .any(|(t, _)| t.kind == EntryKind::Country)
    }
}

/// True for a word written as a name: a capital first, or a first letter of a script
/// without case.
pub(super) fn cased(tok: &Token, text: &str) -> bool {
    tok.kind == Kind::Word
        && (tok.cap
            || text[tok.start..tok.end]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()))
}

/// Finds every place name in `toks`; `initial[i]` says token `i` starts a sentence. `country`
/// is the context country of the run ([`Options::country`](super::Options::country)), if
/// any. Names read nowhere because they matched only another name of a small town abroad
/// are pushed to `elsewhere`.
pub fn recognise(
    index: &PlaceIndex,
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    initial: &[bool],
    country: Option<&str>,
    elsewhere: &mut Vec<UnreadName>,
) -> Vec<PlaceMatch> {
    let common = common_words();
    let mut counts = Counts::new(index);
    let names = super::names::person_names(&mut counts, lex, common, text, toks);
    let evidence = super::names::NameEvidence::collect(lex, text, toks);
    let in_actor = actor_names(lex, toks);
    let scan = Scan {
        index,
        lex,
        common,
        text,
        toks,
        initial,
        names: &names,
        evidence: &evidence,
        in_actor: &in_actor,
    };
    // 1. Longest gazetteer names, filtered by the words around them.
    let raw = scan.all(&mut counts);
    let mut matches = super::resolve::resolve(
        index, lex, text, toks, initial, country, &raw, &evidence, elsewhere,
    );
    super::respelled::add_respelled(index, lex, text, toks, country, &mut matches);
    super::national_places::add_national_places(index, lex, toks, &mut matches);
    super::national_places::possessive_capitals(index, lex, toks, &mut matches);
    matches
}
