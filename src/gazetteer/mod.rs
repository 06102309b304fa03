//! Gazetteer (used by the geocode and extract stages): place names as reporters write them →
//! gazetteer entries with coordinates, worldwide and offline.
//!
//! The world gazetteer is compiled into the binary: `build.rs` folds every name in
//! `gazetteer/*.tsv` (GeoNames cities500, admin1/admin2 divisions, countries in many languages,
//! curated aliases and sites; see `gazetteer/PROVENANCE.md`) into an `fst` map from folded name
//! to postings plus a compact record table, embedded with `include_bytes!`. Opening it reads
//! only a header, so a process that looks up one name starts in a few milliseconds.
//!
//! Files, one concept each: [`fold()`] (name folding, shared with `build.rs`), `format` (the
//! index format and writer), `index` (reading it), `fuzzy` (Levenshtein automaton), `rank`
//! (the documented score), `resolve` (look-ups), `user` (user place files), `geonames`
//! (building `.gaz` files from GeoNames dumps: [`build_from_geonames`]). Nothing here prints:
//! showing look-ups is the caller's.
//!
//! Place data: GeoNames (<https://www.geonames.org/>), CC BY 4.0; continents and world regions:
//! Natural Earth (public domain, `gazetteer/regions.tsv`).

mod format;
mod fuzzy;
mod geonames;
mod index;
mod index_check;
mod index_fuzzy;
mod rank;
pub(crate) use rank::OWN_CITY_MIN;
mod resolve;
mod user;

pub use crate::reference::{fold, fold_literal};
pub use geonames::{build_from_geonames, BuildReport};

use std::borrow::Cow;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::error::{Error, RecordError, Result};
use crate::model::GeoPrecision;
use index::Index;

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKind {
    /// A facility (camp, prison) from the curated sites table or a user file.
    Site,
    /// A populated place (GeoNames feature class P).
    Populated,
    Admin2,
    Admin1,
    Country,
    /// A continent or large world region spanning several countries (Natural Earth); it has
    /// no country code and places an incident no finer than a country does.
    Region,
}

impl EntryKind {
    /// The geo precision an incident placed at such an entry has by default (an entry's own
    /// [`Entry::precision`] may be coarser, e.g. a site known only by its town).
    pub fn precision(self) -> GeoPrecision {
        match self {
            EntryKind::Site => GeoPrecision::Site,
            EntryKind::Populated => GeoPrecision::Town,
            EntryKind::Admin2 => GeoPrecision::Admin2,
            EntryKind::Admin1 => GeoPrecision::Admin1,
            EntryKind::Country | EntryKind::Region => GeoPrecision::Country,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Site => "site",
            EntryKind::Populated => "populated",
            EntryKind::Admin2 => "admin2",
            EntryKind::Admin1 => "admin1",
            EntryKind::Country => "country",
            EntryKind::Region => "region",
        }
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// `geonames:172134`, `site:ain-issa-camp`, `user:…`.
    pub id: String,
    /// Canonical name ("‘Ayn ‘Īsá").
    pub name: String,
    /// ISO 3166-1 alpha-2 (empty when unknown).
    pub country_code: String,
    /// Name of the admin1 division ("Ar-Raqqah Governorate").
    pub admin1: Option<String>,
    /// GeoNames admin1 code, `CC.A1` ("SY.01").
    pub admin1_code: Option<String>,
    pub lon: f64,
    pub lat: f64,
    pub kind: EntryKind,
    /// GeoNames feature code of a populated place (PPLA, PPLA2, …) when known.
    pub feature_code: Option<String>,
    /// How precisely the point places something at this entry (sites: honest, often
    /// `near_town`).
    pub precision: GeoPrecision,
    /// 0 when unknown.
    pub population: u64,
    /// Other names it is known by.
    pub aliases: Vec<String>,
}

/// Context that ranks candidates (see `rank` for the points).
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// ISO 3166-1 alpha-2 code of the country the text is about.
    pub country_code: Option<String>,
    /// Admin1 division the text is about: a code (`SY.01`) or a name ("Hasakah").
    pub admin1: Option<String>,
    /// Points (lon, lat) of places already resolved in the same document (co-location).
    pub near: Vec<(f64, f64)>,
    /// Kind the caller asks for (ranked first; [`Gazetteer::resolve_kind`] keeps only it).
    pub prefer: Option<EntryKind>,
}

impl Context {
    /// A context with only a country.
    pub fn country(code: Option<&str>) -> Context {
        Context {
            country_code: code.map(str::to_ascii_uppercase),
            ..Context::default()
        }
    }
}

/// A candidate for a name, with its score and why it scored so.
#[derive(Debug, Clone)]
pub struct Candidate<'g> {
    pub entry: &'g Entry,
    pub score: f64,
    pub reason: String,
    /// Found under a name exactly as written (case, accents and punctuation aside), not
    /// only after transliteration folding or approximately.
    pub literal: bool,
}

/// The answer to a look-up.
#[derive(Debug, Clone)]
pub enum Resolution<'g> {
    Found {
        best: Candidate<'g>,
        alternatives: Vec<Candidate<'g>>,
    },
    /// Nothing matched well enough: up to 5 suggestions ("Al Ḩasakah (SY)"), never a guess.
    NotFound { suggestions: Vec<String> },
}

/// One searchable index and how much its entries take precedence.
#[derive(Debug, Clone)]
struct Layer {
    index: Arc<Index>,
    source: String,
    precedence: f64,
}

/// A searchable set of entries: the built-in world gazetteer, optionally with `.gaz` files
/// and user place files over it (the latest added first).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    layers: Vec<Layer>,
}

impl Gazetteer {
    /// The world gazetteer shipped in the binary (opened once per process, on first use).
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| match Index::open(Cow::Borrowed(index::WORLD), false) {
            Ok(index) => Gazetteer::default().over(index, "built-in (GeoNames)", 0.0),
            // Unreachable with the data build.rs writes (tested); no panic in a library.
            Err(_) => Gazetteer::default(),
        })
    }

    /// A gazetteer from index bytes (a `.gaz` file written by [`build_from_geonames`]).
    pub fn from_index_bytes(bytes: Vec<u8>, source: &str) -> Result<Gazetteer> {
        let index = Index::open(Cow::Owned(bytes), true)
            .map_err(|e| Error::Record(RecordError::new(source, None, e)))?;
        Ok(Gazetteer::default().over(index, source, 0.0))
    }

    /// Loads a `.gaz` file written by [`build_from_geonames`] (on its own, without the
    /// built-in data; combine with [`Gazetteer::with`]).
    pub fn load(path: &Path) -> Result<Gazetteer> {
        let bytes = std::fs::read(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Gazetteer::from_index_bytes(bytes, &path.display().to_string())
    }

    /// This gazetteer with `top`'s layers over it: `top`'s entries replace same-id entries.
    pub fn with(&self, top: &Gazetteer) -> Gazetteer {
        let mut layers = top.layers.clone();
        layers.extend(self.layers.iter().cloned());
        Gazetteer { layers }
    }

    /// This gazetteer with a user file over it: a `.gaz` index, or a TSV/CSV place table
    /// (columns `name, aliases, lon, lat, country, kind, precision`, optional `id`, `admin1`;
    /// see `user`). Returns the rows that were skipped, each with its line number; the other
    /// rows are kept. Fails only when the file cannot be read or holds no usable row.
    pub fn with_user_file(&self, path: &Path) -> Result<(Gazetteer, Vec<RecordError>)> {
        let bytes = std::fs::read(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let source = path.display().to_string();
        if bytes.starts_with(format::MAGIC) {
            return Ok((
                self.with(&Gazetteer::from_index_bytes(bytes, &source)?),
                Vec::new(),
            ));
        }
        let (places, errors) = self.with_user_places(&bytes, &source);
        match places {
            Some(g) => Ok((g, errors)),
            None => Err(Error::Record(RecordError::new(
                source,
                None,
                format!("no usable place rows ({} rows skipped)", errors.len()),
            ))),
        }
    }

    /// This gazetteer with user places (TSV/CSV bytes, see [`Gazetteer::with_user_file`]) over
    /// it, their entries taking precedence. `None` when no row was usable.
    pub fn with_user_places(
        &self,
        bytes: &[u8],
        source: &str,
    ) -> (Option<Gazetteer>, Vec<RecordError>) {
        let (records, errors) = user::parse_places(bytes, source);
        if records.is_empty() {
            return (None, errors);
        }
        match format::write_index(&records).and_then(|b| Index::open(Cow::Owned(b), false)) {
            Ok(index) => (
                Some(self.clone().over(index, source, rank::points::USER)),
                errors,
            ),
            Err(e) => {
                let mut errors = errors;
                errors.push(RecordError::new(source, None, e));
                (None, errors)
            }
        }
    }

    fn over(mut self, index: Index, source: &str, precedence: f64) -> Gazetteer {
        self.layers.insert(
            0,
            Layer {
                index: Arc::new(index),
                source: source.to_string(),
                precedence,
            },
        );
        self
    }

    /// The countries, one entry per ISO code (the top layer's when several hold one).
    pub fn countries(&self) -> Vec<Entry> {
        self.one_per_country(|m| m.kind == EntryKind::Country, |_, _| false)
    }

    /// The national capitals (GeoNames PPLC), one entry per ISO code: the most populous
    /// where a country has several.
    pub fn capitals(&self) -> Vec<Entry> {
        let pplc = format::FEATURE_CODES.iter().position(|c| *c == "PPLC");
        self.one_per_country(
            |m| m.kind == EntryKind::Populated && Some(usize::from(m.feature)) == pplc,
            |kept, other| kept.population < other.population,
        )
    }

    /// The entries whose record `keep` accepts, one per ISO code, layers in order of
    /// precedence: a later one replaces the one kept when `better(kept, later)`.
    fn one_per_country(
        &self,
        keep: impl Fn(&index::Meta) -> bool,
        better: impl Fn(&Entry, &Entry) -> bool,
    ) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        for layer in &self.layers {
            let index = &layer.index;
            for i in 0..u32::try_from(index.len()).unwrap_or(u32::MAX) {
                if !keep(&index.meta(i)) {
                    continue;
                }
                let entry = index.entry(i);
                match out
                    .iter_mut()
                    .find(|e| e.country_code == entry.country_code)
                {
                    Some(kept) if better(kept, entry) => *kept = entry.clone(),
                    Some(_) => {}
                    None => out.push(entry.clone()),
                }
            }
        }
        out
    }

    /// Number of entries (all layers).
    pub fn len(&self) -> usize {
        self.layers.iter().map(|l| l.index.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct folded names (all layers).
    pub fn name_count(&self) -> usize {
        self.layers.iter().map(|l| l.index.keys()).sum()
    }

    /// The sources of the layers, highest precedence first.
    pub fn sources(&self) -> Vec<&str> {
        self.layers.iter().map(|l| l.source.as_str()).collect()
    }

    /// Resolves a name: exact folded matches first, then approximate ones (never for names
    /// under five letters), ranked by the documented score with the context. Unknown names
    /// give `NotFound` with suggestions, never a guess.
    ///
    /// ```
    /// use incimap::gazetteer::{Context, Gazetteer, Resolution};
    ///
    /// let gazetteer = Gazetteer::builtin();
    /// let Resolution::Found { best, .. } = gazetteer.resolve("Hasakah", &Context::country(Some("SY")))
    /// else {
    ///     panic!("a governorate capital is in the built-in gazetteer")
    /// };
    /// assert_eq!(best.entry.country_code, "SY");
    /// assert!(matches!(
    ///     gazetteer.resolve("Xqzzyville", &Context::default()),
    ///     Resolution::NotFound { .. }
    /// ));
    /// ```
    pub fn resolve(&self, name: &str, context: &Context) -> Resolution<'_> {
        resolve::resolve(self, name, context, None, resolve::DEFAULT_LIMIT, true)
    }

    /// Like [`Gazetteer::resolve`], keeping only entries of `kind` ("Hasakah" as a governorate).
    pub fn resolve_kind(&self, name: &str, kind: EntryKind, context: &Context) -> Resolution<'_> {
        let context = Context {
            prefer: Some(kind),
            ..context.clone()
        };
        resolve::resolve(
            self,
            name,
            &context,
            Some(kind),
            resolve::DEFAULT_LIMIT,
            true,
        )
    }

    /// Like [`Gazetteer::resolve`] with at most `limit` candidates in all (best included).
    pub fn resolve_limit(&self, name: &str, context: &Context, limit: usize) -> Resolution<'_> {
        resolve::resolve(self, name, context, None, limit.max(1), true)
    }

    /// Like [`Gazetteer::resolve_limit`] without the reasons (every `reason` is empty): for
    /// callers that rank many names and explain nothing, such as the article extractor.
    pub fn rank_limit(&self, name: &str, context: &Context, limit: usize) -> Resolution<'_> {
        resolve::resolve(self, name, context, None, limit.max(1), false)
    }

    /// Exact look-up only: how many entries a name folds to (no ranking; for benchmarks and
    /// quick membership tests).
    pub fn count_exact(&self, name: &str) -> usize {
        resolve::count_exact(self, name)
    }

    /// Entries named like "Noord-Kivu" or "Noord-Syrië" (see `resolve::count_directed`).
    pub fn count_directed(&self, name: &str) -> Option<(usize, bool)> {
        resolve::count_directed(self, name)
    }

    /// Approximate look-up only: how many entries lie within the allowed edits of a name.
    pub fn count_fuzzy(&self, name: &str) -> usize {
        resolve::count_fuzzy(self, name)
    }

    /// Every folded name of the built-in index in key order (for benchmarks and comparisons).
    pub fn folded_names(&self) -> Vec<String> {
        resolve::folded_names(self)
    }
}

#[cfg(test)]
mod tests;
