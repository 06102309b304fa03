//! Stage 1, ingest/extract: the reading chosen for a recognised name (the best candidate in
//! the article's context, turned into the division or town the words ask for) and whether it
//! is kept (no sentence-initial word, speaker, namesake abroad or acronym).

use super::super::coherence::{
    far_from_town_after, far_from_what_it_is_near, follows_in, inside, namesake_outside, Holders,
};
use super::super::lexicon::Sec;
use super::super::names::{abbreviation, after_locative, dateline};
use super::super::place_index::{PlaceIndex, Toponym};
use super::super::toponyms::PlaceMatch;
use super::namesakes::Namesakes;
use super::{
    counted, where_is, Doc, Name, Unread, UnreadName, CANDIDATES, FOREIGN_MARGIN, FOREIGN_MIN,
};
use crate::gazetteer::{fold, EntryKind};
use crate::reference::distance_km;

/// How far (km) from the other places of the text a place named as a part of a town may lie.
const TOWN_PART_KM: f64 = 30.0;
/// The largest population a place the text calls a village may have.
const VILLAGE_MAX_POPULATION: u64 = 200_000;

/// What becomes of one name the scan found.
pub(super) enum Reading {
    /// It is this place.
    Place(PlaceMatch),
    /// The gazetteer has it, but it is read nowhere, for the reason given.
    Unread(UnreadName),
    /// No reading is kept.
    Dropped,
}

impl Doc<'_> {
    /// The reading of name `k` (`holders`: the names that hold it), after the places read
    /// before it (`out`): the best candidate, unless the text drops it or ties it with
    /// namesakes.
    pub(super) fn reading(&self, k: usize, holders: &Holders<'_>, out: &[PlaceMatch]) -> Reading {
        let (lex, text, toks, raw) = (self.lex, self.text, self.toks, self.raw);
        let (start, end, byte_end, n) = raw[k];
        // "X in Y": the reading of X just before, which Y's division readings may hold.
        let previous = out
            .last()
            .filter(|m| follows_in(lex, k, raw, toks) && m.start == raw[k - 1].0)
            .map(|m| &m.entry);
        let name = self.name(k);
        let Some(entry) = self.choose(k, &name, holders, previous) else {
            return Reading::Dropped;
        };
        // (Not a name the text writes with its division: "Washington, D.C." is the city.)
        let with_division = raw
            .get(k + 1)
            .is_some_and(|next| next.0 == end + 1 && matches!(toks[end].lower.as_str(), "," | "("));
        let entry = match with_division {
            false => self.division_named_before(k, &name, out).unwrap_or(entry),
            true => entry,
        };
        let unread = |why: Unread| {
            Reading::Unread(UnreadName {
                start,
                name: text[toks[start].start..byte_end].to_string(),
                why,
            })
        };
        let entry = match self.under_landform(k, entry) {
            Ok(entry) => entry,
            Err(why) => return unread(why),
        };
        if self.alias_unsupported(k, &name, &entry, holders) {
            let (town, country_code) = (entry.name.clone(), entry.country_code.clone());
            return unread(Unread::Alias { town, country_code });
        }
        // (A reading dropped on its own grounds, a namesake abroad among them, is no tie.)
        let (lists, words) = (self.lists, self.words);
        let dropped = |t: &Toponym| {
            !self.keep(k, &name, t, holders)
                || self.far_town_part(k, t, out)
                || far_from_town_after(lex, k, raw, toks, lists, t)
                || far_from_what_it_is_near(lex, words, k, raw, toks, lists, t)
        };
        if dropped(&entry) {
            return Reading::Dropped;
        }
        let entry = match self.namesakes(k, &name, holders, previous, &entry) {
            Namesakes::Stand => entry,
            Namesakes::Choose(other) if !dropped(&other) => other,
            Namesakes::Choose(_) => return Reading::Dropped,
            Namesakes::Tied(tied) => {
                let places = std::iter::once(&entry).chain(&tied).map(where_is);
                let places = counted(places);
                return unread(Unread::Namesakes { places });
            }
        };
        Reading::Place(PlaceMatch {
            start,
            end,
            byte_start: toks[start].start,
            byte_end,
            entry,
            candidates: n,
        })
    }

    /// The best reading of name `k`, turned into the division or the town the words ask
    /// for; none when the text puts it in a division that a reading elsewhere lies outside.
    pub(super) fn choose(
        &self,
        k: usize,
        name: &Name<'_>,
        holders: &Holders<'_>,
        previous: Option<&Toponym>,
    ) -> Option<Toponym> {
        let list = &self.lists[k];
        // "the province of A", "A province": a division reading, when the name has one, is
        // what the text says, however large the city of the same name.
        let division_said =
            name.prefer_admin && list.iter().any(|(t, _)| t.kind == EntryKind::Admin1);
        // "El Foo, Bar state": when a reading spelt as written lies in the division named
        // after it, that is the place, however large a namesake elsewhere.
        let held = |t: &Toponym| holders.readings.iter().any(|c| inside(t, c));
        let held_reading = holders.firm
            && list.iter().any(|(t, _)| {
                t.literal && matches!(t.kind, EntryKind::Populated | EntryKind::Admin2) && held(t)
            });
        // "Foo LGA", "Foo district": where the gazetteer has such a division of the name, the
        // reading lies in its country (the division or its seat), not a namesake abroad.
        let district = |t: &Toponym| {
            name.district_countries.is_empty()
                || matches!(t.kind, EntryKind::Admin2 | EntryKind::Populated)
                    && name.district_countries.contains(&t.country_code.as_str())
        };
        let entry = list
            .iter()
            .filter(|(t, _)| !division_said || t.kind == EntryKind::Admin1)
            .filter(|(t, _)| district(t))
            .filter(|(t, _)| {
                !held_reading || held(t) || matches!(t.kind, EntryKind::Admin1 | EntryKind::Country)
            })
            .map(|c| (c, self.score(k, name, holders, previous, c)))
            .fold(None::<(&Toponym, f64)>, |best, (c, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((&c.0, s)),
            })
            .map(|(t, _)| t.clone())?;
        self.as_written(k, name, holders, entry)
    }

    /// The best reading `entry` of name `k` turned into the division or the town the words
    /// ask for; none when it is a namesake outside the division the text puts it in, or a
    /// village the gazetteer lacks.
    fn as_written(
        &self,
        k: usize,
        name: &Name<'_>,
        holders: &Holders<'_>,
        mut entry: Toponym,
    ) -> Option<Toponym> {
        let (lex, toks, raw, list) = (self.lex, self.toks, self.raw, &self.lists[k]);
        let start = raw[k].0;
        // "X, Y" with Y a division or country: an X elsewhere is a namesake of a place the
        // gazetteer lacks (most often a village); Y, resolved on its own, says where it is.
        if holders.firm && namesake_outside(&entry, holders, name.surface) {
            return None;
        }
        // "protested in Mogilev", "shells hit Mogilev": a province named after its capital,
        // written without a word for a province after a locative or as what a strike hit,
        // is the city (the region only says so with "province", "region", "oblast", ...).
        let bare_locative = !name.prefer_admin
            && start > 0
            && (lex.has(Sec::AtPlace, &toks[start - 1].lower)
                || lex.has(Sec::StrikeVerbs, &toks[start - 1].lower))
            && !name.contained
            // "near Sitno in Lublin": after a place in it, the province holds that place.
            && !follows_in(lex, k, raw, toks);
        // "Foo province" written with a spelling only the town of Foo has: the province the
        // town gives its name to.
        if division_said_of_town(&entry, name.prefer_admin, list) {
            if let Some(division) = division_named_after(self.index, &entry) {
                entry = division;
            }
        }
        if (name.prefer_town || bare_locative) && entry.kind == EntryKind::Admin1 {
            if let Some(seat) = seat_of(self.index, &entry, name.surface) {
                // The town a province abroad is named after is no more the place than the
                // province was ("the Karak area in Dar'a").
                if holders.firm && namesake_outside(&seat, holders, name.surface) {
                    return None;
                }
                entry = seat;
            }
        }
        // "Foo village" with only a province or a country called Foo: a village the
        // gazetteer lacks. (Not "Foo city": a province is often named after its capital,
        // and the reading stays the province's when the gazetteer lacks the city's
        // spelling; not a district, often the town's own area.)
        let settlement_noun = self
            .toks
            .get(self.raw[k].1)
            .is_some_and(|t| self.lex.value(Sec::PlaceParts, &t.lower) == Some("place"));
        let division = matches!(entry.kind, EntryKind::Admin1 | EntryKind::Country);
        if name.prefer_town && settlement_noun && division {
            return None;
        }
        // "Otawa village" in Nigeria is not Ottawa: a name the text calls a village is no
        // large city; the gazetteer lacks the village.
        if name.village && entry.population >= VILLAGE_MAX_POPULATION {
            return None;
        }
        Some(entry)
    }

    /// False when the reading is dropped: a sentence's first word that is no large place, a
    /// speaker, a namesake abroad, an acronym or a name too short.
    pub(super) fn keep(
        &self,
        k: usize,
        name: &Name<'_>,
        entry: &Toponym,
        holders: &Holders<'_>,
    ) -> bool {
        let (lex, toks) = (self.lex, self.toks);
        let (start, end, _, _) = self.raw[k];
        let division = matches!(
            entry.kind,
            EntryKind::Country | EntryKind::Region | EntryKind::Admin1
        );
        // A capitalised word that starts a sentence is kept only as a known large place.
        let big = division || entry.population >= 20_000;
        if end - start == 1 && self.initial[start] && !big && !dateline(toks, start, end) {
            return false;
        }
        // "Wang said": a person. A capital that speaks is its government ("Damascus said"),
        // still a place when named elsewhere in the text; the frames read which is which.
        // Where a locative governs the name it is the place all the same ("police in A").
        if end - start == 1
            && !division
            && !entry.capital
            && self.names.speaker(toks, start)
            && !after_locative(lex, toks, start)
        {
            return false;
        }
        // A dateline and the state written after a town ("PLEASANTON, Calif.") say where
        // the report was filed in so many words: never a namesake abroad.
        let stated = dateline(toks, start, end) || abbreviation(lex, toks, start).is_some();
        if (!stated && self.foreign(k, entry, holders)) || self.describes_people(k, entry, holders)
        {
            return false;
        }

        let letters = name.surface.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = end - start == 1
            && toks[start].upper
            && !dateline(toks, start, end)
            && abbreviation(lex, toks, start).is_none();
        // ("in D.C.": initials written with their full stops are an abbreviation.)
        let dotted = name.surface.contains('.');
        let short = letters < 3 && abbreviation(lex, toks, start).is_none() && !dotted;
        !((short || acronym) && entry.kind != EntryKind::Country)
    }

    /// True when name `k` is a part of a town, named with the word for one ("in Colonia
    /// Centenario", "Barrio San José"), and `entry` lies far from every other town the text
    /// names (the places `chosen` before it, any reading of the names after it): a namesake
    /// of a neighbourhood the gazetteer lacks.
    pub(super) fn far_town_part(&self, k: usize, entry: &Toponym, chosen: &[PlaceMatch]) -> bool {
        if !self.town_part_named(k) {
            return false;
        }
        let after = self
            .lists
            .iter()
            .skip(k + 1)
            .flat_map(|l| l.iter().map(|(t, _)| t));
        let towns = chosen
            .iter()
            .map(|m| &m.entry)
            .chain(after)
            .filter(|t| matches!(t.kind, EntryKind::Populated | EntryKind::Admin2))
            .map(|t| distance_km(entry.lon, entry.lat, t.lon, t.lat));
        towns
            .chain(self.evidence.nearest_km(entry))
            .min_by(f64::total_cmp)
            .is_some_and(|km| km > TOWN_PART_KM)
    }

    /// True when name `k` is written with a word for a part of a town ("Colonia
    /// Centenario", "Barrio San José").
    pub(super) fn town_part_named(&self, k: usize) -> bool {
        let (lex, toks, start) = (self.lex, self.toks, self.raw[k].0);
        let part_word = |j: usize| {
            toks.get(j)
                .is_some_and(|t| t.cap && lex.has(Sec::TownPartPrefixes, &t.lower))
        };
        part_word(start) || start > 0 && part_word(start - 1)
    }

    /// Spatial coherence: a town or division in a country the article gives no other sign
    /// of is a namesake ("Jun" in a date, a village abroad), unless a large city.
    /// A town that matched only after folding or approximately ("Quriyeh" for Korla) is no
    /// large place of its own there either.
    fn foreign(&self, k: usize, entry: &Toponym, holders: &Holders<'_>) -> bool {
        let evidence = self.evidence;
        // What this name itself added (a country's name is never foreign), and the rest.
        let (own, others) = self.country_signs(k, entry);
        // Clearly more signs for another country than for this one (by more than one lone
        // place): two lone places of two countries do not make each other foreign.
        let here = others + own;
        let elsewhere = evidence.more_elsewhere(&entry.country_code, here + FOREIGN_MARGIN);
        // A place the text itself puts in its division ("X, Y") is not one of those.
        elsewhere
            && others <= 0.0
            && !matches!(entry.kind, EntryKind::Country | EntryKind::Region)
            && (entry.population < FOREIGN_MIN || !entry.literal)
            && !holders.readings.iter().any(|c| inside(entry, c))
    }
}

/// The town that bears a division's name and lies at its point (its seat), looked up by the
/// division's name and by the name as written ("Foo" for "Foo County").
fn seat_of(index: &PlaceIndex, division: &Toponym, written: &str) -> Option<Toponym> {
    let by_name = index.scored(&division.name, CANDIDATES);
    let as_written = index.scored(written, CANDIDATES);
    by_name
        .into_iter()
        .chain(as_written)
        .map(|(t, _)| t)
        .filter(|t| t.kind == EntryKind::Populated && t.country_code == division.country_code)
        .find(|t| distance_km(t.lon, t.lat, division.lon, division.lat) < 30.0)
}

/// True when a division word asks for a division ("Foo province") and the name as written
/// reads only as a town.
fn division_said_of_town(entry: &Toponym, prefer_admin: bool, list: &[(Toponym, f64)]) -> bool {
    prefer_admin
        && entry.kind == EntryKind::Populated
        && !list.iter().any(|(t, _)| t.kind == EntryKind::Admin1)
}

/// The first-level division of the town's country that bears the town's own name (the
/// province a provincial capital gives its name to).
fn division_named_after(index: &PlaceIndex, town: &Toponym) -> Option<Toponym> {
    let name = fold(&town.name);
    index
        .scored(&town.name, CANDIDATES)
        .into_iter()
        .map(|(t, _)| t)
        .find(|t| {
            t.kind == EntryKind::Admin1
                && t.country_code == town.country_code
                && fold(&t.name) == name
        })
}
