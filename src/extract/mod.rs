//! Stage 1, ingest/extract: news articles (plain text, Dutch or English) → sourced incidents.
//!
//! Rules and lexicons, no network and no models: the gazetteer is the toponym recognizer (as
//! in CLIFF-CLAVIN). Per article:
//!
//! ```text
//! header (date) → language → words, sentences → places (gazetteer, longest match)
//!   → per sentence: numbers, sources, figures, events, actors, day references, place roles
//!   → incidents grouped by place, figures merged with every claim and its source
//! ```
//!
//! Every claim keeps the byte span it was read from; figures that fit no incident are kept as
//! [`Unattached`] with the reason, so that nothing is dropped silently.

mod aircraft;
mod assemble;
mod attribution;
mod captures;
mod cause_clause;
mod coherence;
mod crowds;
mod event_kind;
mod events;
mod evidence;
mod figures;
mod frames;
mod hash;
mod incidents;
mod joins;
mod lexicon;
mod name_ends;
mod names;
mod national_places;
mod none_reported;
mod numbers;
mod offset;
mod one_person;
mod patterns;
mod place_index;
mod places;
mod protest_kind;
mod ranges;
mod realms;
mod related;
mod relative_clauses;
mod resolve;
mod respelled;
mod sections;
mod seizures;
mod status_nouns;
mod subjects;
mod text;
mod time_phrase;
mod toponyms;
mod victims;

use serde::Serialize;

pub use lexicon::{Lexicon, Sec};
pub use place_index::PlaceIndex;

use crate::error::RecordError;
use crate::model::{DateSpan, Incident, Measure, Qualifier, TextSpan};

/// Options for one extraction run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Forces the language ("nl", "en") instead of detecting it.
    pub language: Option<String>,
    /// Country context (ISO 3166-1 alpha-2) for ranking place names.
    pub country: Option<String>,
}

/// A recognised place name: where the text names it, its role and its gazetteer reading.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceMention {
    pub file: String,
    /// Byte offsets into the file.
    pub start: usize,
    pub end: usize,
    /// Character (Unicode scalar) offsets into the file.
    pub char_start: usize,
    pub char_end: usize,
    pub text: String,
    pub role: &'static str,
    pub gazetteer_id: String,
    pub name: String,
    pub country_code: String,
    pub kind: &'static str,
    pub lat: f64,
    pub lon: f64,
    /// How many gazetteer entries share the name.
    pub candidates: usize,
}

/// A figure that could not be attached to an incident, with why.
#[derive(Debug, Clone, Serialize)]
pub struct Unattached {
    pub value: u64,
    pub qualifier: Qualifier,
    /// What it counts, when the text says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    pub text: String,
    pub reason: String,
    /// The wider area a regional figure counts ("Idlib", "Aleppo, Homs"), when named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    pub span: TextSpan,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Everything read from one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub file: String,
    /// The decoded text (offsets refer to it).
    pub text: String,
    pub language: String,
    /// When the article appeared (its header), if it says.
    pub published: Option<DateSpan>,
    pub incidents: Vec<Incident>,
    /// Per incident, the byte spans of the sentences it was read from.
    pub evidence: Vec<Vec<(usize, usize)>>,
    pub unattached: Vec<Unattached>,
    /// Figures for a wider area or a period (a province, the country, "since April"): kept,
    /// never drawn at a town.
    pub regional: Vec<Unattached>,
    pub places: Vec<PlaceMention>,
    /// Warnings about the input (undated, invalid UTF-8, no place found).
    pub warnings: Vec<RecordError>,
    /// Notes on how an incident was placed that a reader should check (a place the
    /// gazetteer lacks, placed at the province the text names it with).
    pub notes: Vec<RecordError>,
}

/// Extracts incidents from an article's bytes (decoded lossily, with a warning).
pub fn extract_bytes(
    bytes: &[u8],
    file: &str,
    index: &PlaceIndex,
    options: &Options,
) -> Extraction {
    let (text, warnings) = crate::reference::decode_utf8(bytes, file);
    let mut out = extract_text(&text, file, index, options);
    let mut all = warnings;
    all.append(&mut out.warnings);
    out.warnings = all;
    out
}

/// Extracts incidents from an article's text: every figure with its claims and their
/// sources, the places named, and what could not be attached.
///
/// ```
/// use incimap::extract::{extract_text, Options, PlaceIndex};
/// use incimap::Measure;
///
/// let text = "date 2022-01-21\n\nAt least 136 people were killed in Hasakah, \
///             the Syrian Observatory for Human Rights said.\n";
/// let out = extract_text(text, "hasakah.txt", PlaceIndex::builtin(), &Options::default());
/// assert_eq!(out.language, "en");
/// let killed = out.incidents[0].figure(&Measure::Killed).unwrap();
/// assert_eq!(killed.best, Some(136));
/// let source = killed.claims[0].source.as_deref();
/// assert_eq!(source, Some("Syrian Observatory for Human Rights"));
/// ```
pub fn extract_text(text: &str, file: &str, index: &PlaceIndex, options: &Options) -> Extraction {
    let mut out = incidents::extract(text, file, index, options);
    if text.contains('\0')
        || text.chars().filter(|c| *c == '\u{FFFD}').count() > text.len() / 20 + 1
    {
        out.warnings.push(RecordError::new(
            file,
            None,
            "the file looks binary, not an article",
        ));
    }
    out
}

/// An article read as an input among tables (what [`read_article`] and
/// [`read_article_with`] give): its incidents, what did not make it into them, and what was
/// kept but should be checked.
#[derive(Debug, Clone, Default)]
pub struct ArticleRecords {
    pub incidents: Vec<Incident>,
    /// The warnings about the input (undated, invalid UTF-8, no place found) and one per
    /// figure not attached to an incident, with its line.
    pub errors: Vec<RecordError>,
    /// Regional figures (kept, never drawn at a town) and incidents placed at a province for
    /// a place the gazetteer lacks, each with its line where it has one.
    pub notes: Vec<RecordError>,
}

/// Reads an article's bytes (decoded lossily, with a warning) as an input among tables,
/// with the built-in gazetteer and no context.
pub fn read_article(bytes: &[u8], file: &str) -> ArticleRecords {
    let (text, mut errors) = crate::reference::decode_utf8(bytes, file);
    let mut read = read_article_with(&text, file, PlaceIndex::builtin(), &Options::default());
    errors.append(&mut read.errors);
    read.errors = errors;
    read
}

/// Reads an article's text as an input among tables, with the run's gazetteer and context:
/// a place the user added to the gazetteer is found in articles as in tables.
///
/// ```
/// use incimap::extract::{read_article_with, Options, PlaceIndex};
///
/// let text = "date 2022-01-21\n\nAt least 136 people were killed in Hasakah, \
///             the Syrian Observatory for Human Rights said.\n";
/// let read = read_article_with(text, "hasakah.txt", PlaceIndex::builtin(), &Options::default());
/// assert_eq!(read.incidents.len(), 1);
/// assert_eq!(read.incidents[0].place.name, "Hasakah");
/// assert!(read.errors.is_empty() && read.notes.is_empty());
/// ```
pub fn read_article_with(
    text: &str,
    file: &str,
    index: &PlaceIndex,
    options: &Options,
) -> ArticleRecords {
    let out = extract_text(text, file, index, options);
    let mut errors = out.warnings;
    let lines = Lines::new(&out.text);
    let say = |u: &Unattached, what: &str| {
        let line = Some(lines.line(u.span.start));
        let message = format!("figure {:?} {what}: {}", u.text, u.reason);
        RecordError::new(file, line, message)
    };
    errors.extend(
        out.unattached
            .iter()
            .map(|u| say(u, "not attached to an incident")),
    );
    let mut notes: Vec<RecordError> = out.regional.iter().map(|u| say(u, "regional")).collect();
    notes.extend(out.notes);
    ArticleRecords {
        incidents: out.incidents,
        errors,
        notes,
    }
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> u64 {
    Lines::new(text).line(offset)
}

/// The line starts of a text, for many line look-ups in one pass over it.
pub struct Lines {
    /// Byte offsets of every newline.
    newlines: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let newlines = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i)
            .collect();
        Lines { newlines }
    }

    /// 1-based line number of a byte offset.
    pub fn line(&self, offset: usize) -> u64 {
        1 + self.newlines.partition_point(|&n| n < offset) as u64
    }
}
