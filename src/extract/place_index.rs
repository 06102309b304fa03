//! Stage 1, ingest/extract: the gazetteer as the extractor sees it. Exact membership of a name
//! (for longest-match scanning), ranked candidates in the article's context, and curated
//! sites named after a town ("Ain Issa camp"), all on the gazetteer's public API.

use std::sync::OnceLock;

use crate::gazetteer::{Context, Entry, EntryKind, Gazetteer, Resolution};
use crate::model::GeoPrecision;

/// What the extractor keeps of a gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Toponym {
    pub id: String,
    pub name: String,
    pub country_code: String,
    pub admin1: Option<String>,
    pub lon: f64,
    pub lat: f64,
    pub kind: EntryKind,
    pub population: u64,
    /// How precisely the entry's point places something (sites: often `near_town`).
    pub precision: GeoPrecision,
    /// A national capital (GeoNames PPLC): named without "in" it is mostly its government.
    pub capital: bool,
    /// The seat of a first-level division or the national capital (GeoNames PPLA, PPLC).
    pub seat: bool,
    /// Found under a name exactly as written (see [`crate::gazetteer::Candidate::literal`]);
    /// false when not looked up by a name.
    pub literal: bool,
}

impl From<&Entry> for Toponym {
    fn from(e: &Entry) -> Toponym {
        Toponym {
            id: e.id.clone(),
            name: e.name.clone(),
            country_code: e.country_code.clone(),
            admin1: e.admin1.clone(),
            lon: e.lon,
            lat: e.lat,
            kind: e.kind,
            population: e.population,
            precision: e.precision,
            capital: e.feature_code.as_deref() == Some("PPLC"),
            seat: matches!(e.feature_code.as_deref(), Some("PPLA" | "PPLC")),
            literal: false,
        }
    }
}

/// The gazetteer as the extractor uses it: exact membership of a name (for longest-match
/// scanning) and ranked resolution with the article's context.
#[derive(Debug, Clone, Default)]
pub struct PlaceIndex {
    gazetteer: Gazetteer,
    /// The gazetteer's countries, read on first use.
    countries: OnceLock<Vec<Toponym>>,
    /// The gazetteer's national capitals, read on first use.
    capitals: OnceLock<Vec<Toponym>>,
}

impl PlaceIndex {
    /// Uses the given gazetteer (cheap: its indexes are shared).
    pub fn new(gazetteer: &Gazetteer) -> PlaceIndex {
        PlaceIndex {
            gazetteer: gazetteer.clone(),
            countries: OnceLock::new(),
            capitals: OnceLock::new(),
        }
    }

    /// The country with ISO code `code` ("TR").
    pub fn country(&self, code: &str) -> Option<Toponym> {
        let countries = self
            .countries
            .get_or_init(|| toponyms(&self.gazetteer.countries()));
        by_code(countries, code)
    }

    /// The national capital of the country with ISO code `code` ("SY": Damascus).
    pub fn capital(&self, code: &str) -> Option<Toponym> {
        let capitals = self
            .capitals
            .get_or_init(|| toponyms(&self.gazetteer.capitals()));
        by_code(capitals, code)
    }

    /// The built-in world gazetteer.
    pub fn builtin() -> &'static PlaceIndex {
        static INDEX: OnceLock<PlaceIndex> = OnceLock::new();
        INDEX.get_or_init(|| PlaceIndex::new(Gazetteer::builtin()))
    }

    /// How many entries are named exactly `name` (after folding).
    pub fn count(&self, name: &str) -> usize {
        self.gazetteer.count_exact(name)
    }

    /// How many entries bear a name that opens with a direction word once that word is read
    /// (see [`Gazetteer::count_directed`]).
    pub fn count_directed(&self, name: &str) -> Option<(usize, bool)> {
        self.gazetteer.count_directed(name)
    }

    /// Candidates for a name, best first.
    pub fn candidates(&self, name: &str, context: &Context, limit: usize) -> Vec<Toponym> {
        match self.gazetteer.rank_limit(name, context, limit) {
            Resolution::Found { best, alternatives } => std::iter::once(best)
                .chain(alternatives)
                .map(|c| Toponym::from(c.entry))
                .collect(),
            Resolution::NotFound { .. } => Vec::new(),
        }
    }

    /// Candidates for a name with their scores out of context (match, kind, population),
    /// best first: the base that toponym resolution adds the article's context to.
    pub fn scored(&self, name: &str, limit: usize) -> Vec<(Toponym, f64)> {
        self.scored_in(name, &Context::default(), limit)
    }

    /// [`PlaceIndex::scored`] in a context (a country, a division): the candidates of a name
    /// with hundreds of namesakes that lie where the context says.
    pub fn scored_in(&self, name: &str, context: &Context, limit: usize) -> Vec<(Toponym, f64)> {
        match self.gazetteer.rank_limit(name, context, limit) {
            Resolution::Found { best, alternatives } => std::iter::once(best)
                .chain(alternatives)
                .map(|c| {
                    let literal = c.literal;
                    (
                        Toponym {
                            literal,
                            ..Toponym::from(c.entry)
                        },
                        c.score,
                    )
                })
                .collect(),
            Resolution::NotFound { .. } => Vec::new(),
        }
    }

    /// The best entry for a name in a context, with its score.
    pub fn best(&self, name: &str, context: &Context) -> Option<(Toponym, f64)> {
        match self.gazetteer.rank_limit(name, context, 1) {
            Resolution::Found { best, .. } => Some((Toponym::from(best.entry), best.score)),
            Resolution::NotFound { .. } => None,
        }
    }

    /// A curated site of `kind` ("camp", "prison") named after the town as written
    /// ("Ain Issa camp", "kamp Ain Issa"), within 15 km of the town.
    pub fn site(&self, town_name: &str, kind: &str, town: &Toponym) -> Option<Toponym> {
        let names = [format!("{town_name} {kind}"), format!("{kind} {town_name}")];
        names.iter().filter(|n| self.count(n) > 0).find_map(|n| {
            match self
                .gazetteer
                .resolve_kind(n, EntryKind::Site, &Context::default())
            {
                Resolution::Found { best, .. } => {
                    let e = best.entry;
                    let close = (e.lat - town.lat).abs() < 0.14 && (e.lon - town.lon).abs() < 0.18;
                    close.then(|| Toponym::from(e))
                }
                Resolution::NotFound { .. } => None,
            }
        })
    }
}

/// What the extractor keeps of each of `entries`.
fn toponyms(entries: &[Entry]) -> Vec<Toponym> {
    entries.iter().map(Toponym::from).collect()
}

/// The one of `list` in the country with ISO code `code`.
fn by_code(list: &[Toponym], code: &str) -> Option<Toponym> {
    list.iter()
        .find(|t| t.country_code.eq_ignore_ascii_case(code))
        .cloned()
}
