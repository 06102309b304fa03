//! Stage 1, ingest/extract: toponym recognition and resolution. The gazetteer is the
//! recognizer (as in CLIFF-CLAVIN): every gazetteer name in the text, longest match first,
//! filtered so that common words, parts of longer proper names and titled persons do not
//! become places; each match is then ranked by kind, population, the countries the article
//! names and the words around it ("provincie Hasakeh" → the governorate).

use std::collections::HashSet;
use std::sync::OnceLock;

use super::lexicon::Lexicon;
use super::text::{Kind, Token};
use crate::gazetteer::{fold, Context, Entry, EntryKind, Gazetteer, Resolution};
use crate::model::GeoPrecision;

/// The most words a place name is matched over.
const MAX_WORDS: usize = 6;

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
        }
    }
}

/// The gazetteer as the extractor uses it: exact membership of a name (for longest-match
/// scanning) and ranked resolution with the article's context.
#[derive(Debug, Clone, Default)]
pub struct PlaceIndex {
    gazetteer: Gazetteer,
}

impl PlaceIndex {
    /// Uses the given gazetteer (cheap: its indexes are shared).
    pub fn new(gazetteer: &Gazetteer) -> PlaceIndex {
        PlaceIndex {
            gazetteer: gazetteer.clone(),
        }
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

    /// Candidates for a name, best first.
    pub fn candidates(&self, name: &str, context: &Context, limit: usize) -> Vec<Toponym> {
        match self.gazetteer.resolve_limit(name, context, limit) {
            Resolution::Found { best, alternatives } => std::iter::once(best)
                .chain(alternatives)
                .map(|c| Toponym::from(c.entry))
                .collect(),
            Resolution::NotFound { .. } => Vec::new(),
        }
    }

    /// The best entry for a name in a context, with its score.
    pub fn best(&self, name: &str, context: &Context) -> Option<(Toponym, f64)> {
        match self.gazetteer.resolve_limit(name, context, 1) {
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

/// Words of every lexicon that must never be read as a place on their own.
fn common_words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut set = HashSet::new();
        for lex in Lexicon::all() {
            for (name, words) in &lex.sets {
                if name != "actors" {
                    set.extend(words.iter().map(|w| fold(w)));
                }
            }
            for (name, map) in &lex.maps {
                if name != "actors" {
                    set.extend(map.keys().filter(|k| !k.contains(' ')).map(|k| fold(k)));
                }
            }
        }
        set
    })
}

/// Words that may continue a place name after it ("Gaza Strip", "Hasakah Governorate").
const NAME_SUFFIXES: &[&str] = &[
    "strip",
    "province",
    "governorate",
    "oblast",
    "region",
    "district",
    "city",
    "county",
    "state",
    "valley",
    "island",
    "islands",
    "mountains",
    "camp",
    "prison",
];

/// Lower-case words allowed inside a multi-word name ("Deir ez Zor", "Bosnia and Herzegovina").
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "az", "an", "ash", "at", "ez", "es", "de", "del", "la", "le",
    "les", "of", "the", "and", "upon", "on", "sur", "am", "an", "bin", "ibn", "bani", "abu", "und",
    "y", "da", "do", "dos", "das", "van", "der", "den", "aan",
];

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

fn cased(tok: &Token, text: &str) -> bool {
    tok.kind == Kind::Word
        && (tok.cap
            || text[tok.start..tok.end]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()))
}

/// Finds every place name in `toks`; `initial[i]` says token `i` starts a sentence. `country`
/// is the context country from `--country`, if any.
pub fn recognise(
    index: &PlaceIndex,
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    initial: &[bool],
    country: Option<&str>,
) -> Vec<PlaceMatch> {
    let common = common_words();
    let names = person_names(index, common, text, toks);
    // 1. Longest gazetteer names, filtered by the words around them.
    let mut raw: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !cased(&toks[i], text)
            || common.contains(toks[i].lower.as_str())
                && !toks[i].upper
                && toks.get(i + 1).is_none_or(|n| !cased(n, text))
        {
            i += 1;
            continue;
        }
        let mut ends = Vec::new();
        let mut last = i;
        while last < toks.len() && last < i + MAX_WORDS {
            let t = &toks[last];
            let ok = t.kind == Kind::Word
                && (last == i || t.breaks == 0)
                && (last == i || cased(t, text) || NAME_PARTICLES.contains(&t.lower.as_str()));
            if !ok {
                break;
            }
            if cased(t, text) {
                ends.push(last + 1);
            }
            last += 1;
        }
        let mut found = None;
        for &end in ends.iter().rev() {
            let surface = &text[toks[i].start..toks[end - 1].end];
            let mut byte_end = toks[end - 1].end;
            let mut n = index.count(surface);
            if n == 0 {
                if let Some(s) = surface
                    .strip_suffix("'s")
                    .or_else(|| surface.strip_suffix("\u{2019}s"))
                {
                    n = index.count(s);
                    byte_end -= surface.len() - s.len();
                }
            }
            if n > 0 {
                found = Some((end, byte_end, n));
                break;
            }
        }
        match found {
            Some((end, byte_end, n)) => {
                let name_part = end - i == 1 && names.contains(toks[i].lower.as_str());
                if !name_part && accept(lex, common, text, toks, initial, i, end) {
                    raw.push((i, end, byte_end, n));
                }
                i = end;
            }
            None => i += 1,
        }
    }
    // 2. Resolve: first on their own, then with the article's country and co-location.
    let base = Context::country(country);
    let mut firsts: Vec<(usize, Vec<Toponym>)> = Vec::new();
    let mut countries: Vec<(String, usize)> = Vec::new();
    let mut seen: std::collections::HashMap<&str, Vec<Toponym>> = std::collections::HashMap::new();
    for (k, &(start, _, byte_end, _)) in raw.iter().enumerate() {
        let surface = &text[toks[start].start..byte_end];
        let cands = seen
            .entry(surface)
            .or_insert_with(|| index.candidates(surface, &base, 6))
            .clone();
        if let Some(best) = cands.first() {
            if best.kind == EntryKind::Country {
                match countries.iter_mut().find(|(c, _)| *c == best.country_code) {
                    Some((_, n)) => *n += 1,
                    None => countries.push((best.country_code.clone(), 1)),
                }
            }
        }
        firsts.push((k, cands));
    }
    countries.sort_by_key(|c| std::cmp::Reverse(c.1));
    let mut context_countries: Vec<String> = country.map(str::to_string).into_iter().collect();
    for (c, _) in countries {
        if context_countries.len() < 3 && !context_countries.contains(&c) {
            context_countries.push(c);
        }
    }
    let near: Vec<(f64, f64)> = firsts
        .iter()
        .filter(|(_, c)| c.len() == 1 && c[0].kind != EntryKind::Country)
        .map(|(_, c)| (c[0].lon, c[0].lat))
        .take(20)
        .collect();
    let mut out = Vec::new();
    let mut resolved: std::collections::HashMap<(&str, bool), Option<Toponym>> =
        std::collections::HashMap::new();
    for (k, cands) in firsts {
        let (start, end, byte_end, n) = raw[k];
        let wants_admin = wants_admin(lex, toks, start, end);
        let surface = &text[toks[start].start..byte_end];
        let cached = resolved.get(&(surface, wants_admin)).cloned();
        let entry = if let Some(c) = cached {
            c
        } else if cands.len() > 1 || wants_admin || !context_countries.is_empty() {
            // Ranked in the context of each country the article names; the best score wins.
            let contexts: Vec<Option<String>> = if context_countries.is_empty() {
                vec![None]
            } else {
                context_countries.iter().cloned().map(Some).collect()
            };
            let mut best: Option<(Toponym, f64)> = None;
            for c in contexts {
                let context = Context {
                    country_code: c,
                    near: near.clone(),
                    prefer: wants_admin.then_some(EntryKind::Admin1),
                    ..Context::default()
                };
                if let Some((t, score)) = index.best(surface, &context) {
                    if best.as_ref().is_none_or(|(_, b)| score > *b) {
                        best = Some((t, score));
                    }
                }
            }
            best.map(|(t, _)| t)
        } else {
            cands.first().cloned()
        };
        resolved.insert((surface, wants_admin), entry.clone());
        let Some(entry) = entry else { continue };
        // A capitalised word that starts a sentence is kept only as a known large place.
        let big = matches!(entry.kind, EntryKind::Country | EntryKind::Admin1)
            || entry.population >= 20_000;
        if end - start == 1 && initial[start] && !big {
            continue;
        }
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = end - start == 1 && toks[start].upper;
        if (letters < 3 || acronym) && entry.kind != EntryKind::Country {
            continue;
        }
        // A small town that shares its name with a division or country ("California",
        // "Florida") gives way to the division unless the context asked for it.
        let entry = match cands
            .iter()
            .find(|c| matches!(c.kind, EntryKind::Admin1 | EntryKind::Country))
        {
            Some(division) if entry.kind == EntryKind::Populated && entry.population < 50_000 => {
                division.clone()
            }
            _ => entry,
        };
        out.push(PlaceMatch {
            start,
            end,
            byte_start: toks[start].start,
            byte_end,
            entry,
            candidates: n,
        });
    }
    out
}

fn accept(
    lex: &Lexicon,
    common: &HashSet<String>,
    text: &str,
    toks: &[Token],
    initial: &[bool],
    start: usize,
    end: usize,
) -> bool {
    let key = fold(&text[toks[start].start..toks[end - 1].end]);
    let single = end - start == 1;
    if common.contains(&key) || (single && common.contains(&toks[start].lower)) {
        return false;
    }
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 && !(single && toks[start].upper) {
        return false;
    }
    // Part of a longer proper name ("Washington Post", "Rami Abdulrahman", "Save the Children").
    let particle_then_name = toks
        .get(end)
        .is_some_and(|p| matches!(p.lower.as_str(), "the" | "of" | "van" | "der"))
        && toks
            .get(end + 1)
            .is_some_and(|n| cased(n, text) && n.breaks == 0)
        && toks[end].breaks == 0;
    if particle_then_name {
        return false;
    }
    if let Some(next) = toks.get(end) {
        if next.breaks == 0
            && cased(next, text)
            && !NAME_SUFFIXES.contains(&next.lower.as_str())
            && !lex.has("kind_admin", &next.lower)
        {
            return false;
        }
    }
    if start > 0 && !initial[start] {
        let prev = &toks[start - 1];
        let prev_is_name = cased(prev, text) && prev.breaks == 0;
        let directional = lex.has("directional", &prev.lower) || common.contains(&prev.lower);
        if prev_is_name && !directional {
            return false;
        }
    }
    if start > 0
        && Lexicon::all()
            .iter()
            .any(|l| l.has("titles", &toks[start - 1].lower))
    {
        return false;
    }
    true
}

fn wants_admin(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> bool {
    let before = (start.saturating_sub(2)..start)
        .any(|j| lex.value("kind_admin", &toks[j].lower) == Some("admin1"));
    let after = toks
        .get(end)
        .is_some_and(|t| lex.value("kind_admin", &t.lower) == Some("admin1"));
    before || after
}

/// Last words of multi-word proper names that are not places ("Jacob Zuma", "Washington
/// Post"): later on their own they are the person or the organisation, not a place.
fn person_names<'t>(
    index: &PlaceIndex,
    common: &HashSet<String>,
    text: &str,
    toks: &'t [Token],
) -> HashSet<&'t str> {
    let mut out = HashSet::new();
    let mut i = 0;
    while i < toks.len() {
        if !cased(&toks[i], text) || common.contains(toks[i].lower.as_str()) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < toks.len()
            && cased(&toks[end], text)
            && toks[end].breaks == 0
            && end - i < MAX_WORDS
        {
            end += 1;
        }
        if end - i >= 2 && index.count(&text[toks[i].start..toks[end - 1].end]) == 0 {
            let suffix = NAME_SUFFIXES.contains(&toks[end - 1].lower.as_str());
            if !suffix {
                out.insert(toks[end - 1].lower.as_str());
            }
        }
        i = end;
    }
    out
}
