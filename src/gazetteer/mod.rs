//! Gazetteer (used by the geocode and extract stages): place names as reporters write them →
//! gazetteer entries with coordinates, offline.
//!
//! This first version holds a small hand-checked table (GeoNames coordinates) of the places
//! the embedded example uses; the world gazetteer built from GeoNames replaces its data behind
//! the same API.

mod fold;

pub use fold::fold;

use crate::model::GeoPrecision;

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKind {
    /// A facility (camp, prison) from the curated sites table.
    Site,
    /// A populated place (GeoNames feature class P).
    Populated,
    Admin2,
    Admin1,
    Country,
}

impl EntryKind {
    /// The geo precision an incident placed at such an entry has.
    pub fn precision(self) -> GeoPrecision {
        match self {
            EntryKind::Site => GeoPrecision::Site,
            EntryKind::Populated => GeoPrecision::Town,
            EntryKind::Admin2 => GeoPrecision::Admin2,
            EntryKind::Admin1 => GeoPrecision::Admin1,
            EntryKind::Country => GeoPrecision::Country,
        }
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// `geonames:172134`, `site:ain-issa-camp`.
    pub id: String,
    /// Canonical name ("'Ayn 'Isa").
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    pub admin1: Option<String>,
    pub lon: f64,
    pub lat: f64,
    pub kind: EntryKind,
    pub population: u64,
    /// Other names it is known by.
    pub aliases: Vec<String>,
}

/// Context that ranks candidates: a country, and places already resolved nearby.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// ISO 3166-1 alpha-2 code of the country the text is about.
    pub country_code: Option<String>,
}

/// A candidate for a name, with its score and why it scored so.
#[derive(Debug, Clone)]
pub struct Candidate<'g> {
    pub entry: &'g Entry,
    pub score: f64,
    pub reason: String,
}

/// The answer to a look-up.
#[derive(Debug, Clone)]
pub enum Resolution<'g> {
    Found {
        best: Candidate<'g>,
        alternatives: Vec<Candidate<'g>>,
    },
    NotFound {
        suggestions: Vec<String>,
    },
}

/// A searchable set of entries.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
}

impl Gazetteer {
    /// The gazetteer shipped in the binary.
    pub fn builtin() -> Gazetteer {
        let entry = |id: u32, name: &str, admin1: &str, lat: f64, lon: f64, aliases: &[&str]| Entry {
            id: format!("geonames:{id}"),
            name: name.to_string(),
            country_code: "SY".to_string(),
            admin1: Some(admin1.to_string()),
            lon,
            lat,
            kind: EntryKind::Populated,
            population: 0,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        Gazetteer {
            entries: vec![
                entry(172134, "'Ayn 'Isa", "Ar-Raqqah", 36.3855, 38.86228, &["Ain Issa", "عين عيسى"]),
                entry(164895, "Sulūk", "Ar-Raqqah", 36.59596, 39.1299, &["Suluk", "Saluk"]),
                entry(173811, "Al Ḩasakah", "Al-Hasakah", 36.50237, 40.74772, &["Hasakah", "Hasaka", "Hassakeh", "al-Hasakah"]),
                entry(172955, "Ar Raqqah", "Ar-Raqqah", 35.95283, 39.00788, &["Raqqa", "Rakka", "Ar-Raqqah"]),
            ],
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Resolves a name: exact folded matches on the canonical name or an alias, ranked by the
    /// country context and population. Unknown names give "not found", never a guess.
    pub fn resolve(&self, name: &str, context: &Context) -> Resolution<'_> {
        let key = fold(name);
        let mut found: Vec<Candidate<'_>> = self
            .entries
            .iter()
            .filter(|e| !key.is_empty() && (fold(&e.name) == key || e.aliases.iter().any(|a| fold(a) == key)))
            .map(|entry| {
                let in_context = context.country_code.as_deref() == Some(entry.country_code.as_str());
                let score = 1.0 + if in_context { 0.5 } else { 0.0 } + (entry.population as f64 + 1.0).log10() / 10.0;
                let reason = if in_context {
                    format!("exact name match, in the context country {}", entry.country_code)
                } else {
                    "exact name match".to_string()
                };
                Candidate { entry, score, reason }
            })
            .collect();
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.entry.id.cmp(&b.entry.id)));
        if found.is_empty() {
            return Resolution::NotFound {
                suggestions: Vec::new(),
            };
        }
        let best = found.remove(0);
        Resolution::Found {
            best,
            alternatives: found,
        }
    }
}
