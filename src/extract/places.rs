//! Stage 1, ingest/extract: the role of each recognised place in its sentence, from the words
//! around it. "in de stad Suluk" is where something happened (an event place); "het kamp in
//! Ain Issa" is a site at the town; "bij Ain Issa" is near it; "provincie Hasakeh" the
//! governorate; "het kamp ligt dicht bij de stad Raqqa" and "ten noordoosten van Ain Issa"
//! only situate something (reference places); a country sets the context.

use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::offset::{offset_before, Offset, MIN_OFFSET_KM};
use super::place_index::{PlaceIndex, Toponym};
use super::toponyms::PlaceMatch;
use crate::gazetteer::EntryKind;
use crate::model::{GeoPrecision, Place, PlaceOffset};
use crate::reference::destination;

/// What a place does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Where the sentence's event happened.
    Event,
    /// Only situates something else ("near Raqqa", "northeast of Ain Issa").
    Reference,
    /// Named without a locative ("allied to Ankara"): context.
    Mention,
    /// A country: ranking context; an event place only when nothing finer is named.
    Country,
}

/// A recognised place with its role, precision and site.
#[derive(Debug, Clone)]
pub struct PlaceUse {
    pub found: PlaceMatch,
    pub role: Role,
    pub precision: GeoPrecision,
    /// The facility named with it ("camp", "prison").
    pub site: Option<String>,
    /// A gazetteer site entry matching that facility.
    pub site_entry: Option<Toponym>,
    /// A country named plainly as the location ("in Syrië"), not qualified ("in het noorden van").
    pub plain_country: bool,
    /// The distance and direction the text gives from this place ("50 km northeast of A"):
    /// the place meant lies there, not here.
    pub offset: Option<Offset>,
}

/// Words that may stand between a locative preposition or site noun and the name.
pub(super) fn filler(lex: &Lexicon, word: &str) -> bool {
    lex.has(Sec::Articles, word)
        || lex.has(Sec::AreaQualifiers, word)
        || lex.has(Sec::KindTown, word)
        || lex.value(Sec::KindAdmin, word).is_some()
        || lex.has(Sec::Directional, word)
        || matches!(word, "van" | "of" | "city" | "town")
}

/// Where the words governing a name end: fillers ("the", "city", "northern") walked back
/// from token `start`, not before `from`; the governing word, if any, is at the index - 1.
pub(super) fn governor_end(lex: &Lexicon, words: &[&str], start: usize, from: usize) -> usize {
    let mut j = start;
    while j > from && filler(lex, words[j - 1]) {
        j -= 1;
    }
    j
}

/// The site noun next to the place: before it ("het kamp in X", "a camp at X") or after it
/// ("X prison", "kamp Roj").
fn site_near(lex: &Lexicon, words: &[&str], from: usize, m: &PlaceMatch) -> Option<String> {
    let mut j = m.start;
    let mut steps = 0;
    while j > from && steps < 4 {
        j -= 1;
        steps += 1;
        let w = words[j];
        if let Some(kind) = lex.value(Sec::Sites, w) {
            return Some(kind.to_string());
        }
        if !(lex.has(Sec::Locative, w) || filler(lex, w)) {
            break;
        }
    }
    // "X prison", "X Central Prison".
    super::name_ends::facility_after(lex, words, m)
}

/// From this population on (and for national capitals), a city named without "in", "at" or
/// "near" is mostly its government or its people ("Washington said", "Moscow has sent"): an
/// incident without a figure only after a locative.
pub(super) const METONYMY_MIN: u64 = 1_000_000;

/// "Moscow denied ...", "Ankara has warned ...": a capital or a city of millions that makes
/// a statement is its government, not where anything happened; so is one a government's
/// stance is aimed at ("they accused Damascus of the attack", "blamed Moscow").
fn speaks_for_its_government(lex: &Lexicon, words: &[&str], m: &PlaceMatch) -> bool {
    let big = m.entry.capital || m.entry.population >= METONYMY_MIN;
    let states = |w: Option<&&str>| {
        w.is_some_and(|w| lex.has(Sec::ReportVerbs, w) || lex.has(Sec::StatementVerbs, w))
    };
    let next = words.get(m.end);
    let after_auxiliary = next.is_some_and(|w| lex.has(Sec::Auxiliaries, w));
    // The object of a stance verb, the name closing its phrase ("accused Damascus of", not
    // "condemned Aleppo shelling").
    let aimed_at = m.start > 0
        && lex.has(Sec::StatementVerbs, words[m.start - 1])
        && next.is_none_or(|w| {
            !w.starts_with(char::is_alphanumeric)
                || lex.has(Sec::Stop, w)
                || lex.has(Sec::Connectors, w)
        });
    big && (states(next) || after_auxiliary && states(words.get(m.end + 1)) || aimed_at)
}

/// Decides the role of every place in a sentence (tokens `from..to`).
#[allow(clippy::too_many_arguments)]
pub fn roles(
    lex: &Lexicon,
    index: &PlaceIndex,
    text: &str,
    words: &[&str],
    from: usize,
    to: usize,
    matches: &[PlaceMatch],
    event_at: Option<usize>,
) -> Vec<PlaceUse> {
    let references = lex.patterns(Sec::Reference).find_all(words, from, to);
    let sentence = Sentence {
        lex,
        words,
        from,
        references: &references,
        event_at,
    };
    let first = matches.partition_point(|m| m.start < from);
    let mut out: Vec<PlaceUse> = matches[first..]
        .iter()
        .take_while(|m| m.start < to)
        .enumerate()
        .map(|(k, m)| {
            let next = matches[first + k + 1..].first().filter(|n| n.start < to);
            sentence.place_use(index, text, m, next)
        })
        .collect();
    second_looks(&sentence, to, matches, &mut out);
    out
}

/// The sentence a place is read in.
struct Sentence<'a> {
    lex: &'a Lexicon,
    words: &'a [&'a str],
    from: usize,
    references: &'a [super::patterns::Match<'a>],
    /// The first token that tells the event (a cue, or `from` when only a figure's measure
    /// does).
    event_at: Option<usize>,
}

/// What governs a name: the word before it (fillers skipped) and what that word says.
struct Governor<'a> {
    word: Option<&'a str>,
    /// "near A", "outside A", "bij A".
    near: bool,
    /// "in A", "at A".
    locative: bool,
    /// After a preposition that is no locative, or after "of": no subject of a verb.
    governed: bool,
    /// A directional word between the governor and the name ("in northern A").
    directional: bool,
    /// An area qualifier between the governor and the name ("in rural A"): near the town.
    around: bool,
}

impl<'a> Sentence<'a> {
    fn governor(&self, m: &PlaceMatch) -> Governor<'a> {
        let (lex, words, from) = (self.lex, self.words, self.from);
        // Walk back over fillers to the word that governs the name.
        let j = governor_end(lex, words, m.start, from);
        let word = (j > from).then(|| words[j - 1]);
        // "on the outskirts of A", "at the entrance to A": the surroundings of a place.
        // The link is a filler ("of") or governs the name itself ("to").
        let linked = |k: usize| k > from && lex.has(Sec::SurroundingsLinks, words[k - 1]);
        let surroundings = word.is_some_and(|g| lex.has(Sec::Surroundings, g)) && linked(m.start)
            || linked(j) && {
                let k = governor_end(lex, words, j - 1, from);
                k > from && lex.has(Sec::Surroundings, words[k - 1])
            };
        let near = surroundings
            || word.is_some_and(|g| {
                matches!(
                    g,
                    "bij" | "nabij" | "vlakbij" | "near" | "outside" | "buiten"
                )
            });
        // "the suburbs of A said ...": a name after a preposition is no subject.
        let governed = word.is_some_and(|g| lex.has(Sec::NotLocative, g))
            || m.start > from && matches!(words[m.start - 1], "of" | "van");
        // "in the area of A": a locative before a word for the land around A.
        let area_of = word.is_some_and(|g| lex.has(Sec::AreaOf, g))
            && matches!(words[m.start - 1], "of" | "van")
            && {
                let k = governor_end(lex, words, j - 1, from);
                k > from && lex.has(Sec::Locative, words[k - 1])
            };
        Governor {
            word,
            near,
            locative: surroundings || area_of || word.is_some_and(|g| lex.has(Sec::Locative, g)),
            governed,
            directional: (j..m.start).any(|k| lex.has(Sec::Directional, words[k])),
            around: (j..m.start).any(|k| lex.has(Sec::AreaQualifiers, words[k])),
        }
    }

    /// The `reference` phrase that situates the name ("north of A", "lies near A"), and
    /// whether it only says where something lies (a static reference).
    fn reference(&self, m: &PlaceMatch) -> (bool, bool) {
        let (lex, words, from) = (self.lex, self.words, self.from);
        let reference = self
            .references
            .iter()
            .filter(|r| !part_of_place(lex, words, from, r.start))
            .find(|r| {
                r.end <= m.start && m.start - r.end <= 3 || (r.start < m.start && r.end > m.start)
            });
        let static_ref = reference.is_some_and(|r| {
            words[r.start..r.end].iter().any(|w| {
                matches!(
                    *w,
                    "ligt" | "lies" | "located" | "gelegen" | "voormalige" | "former"
                )
            })
        });
        (reference.is_some(), static_ref)
    }

    /// How one recognised name is used in the sentence.
    fn place_use(
        &self,
        index: &PlaceIndex,
        text: &str,
        m: &PlaceMatch,
        next: Option<&PlaceMatch>,
    ) -> PlaceUse {
        let (lex, words) = (self.lex, self.words);
        let topo = &m.entry;
        let gov = self.governor(m);
        let (reference, static_ref) = self.reference(m);
        let site = site_near(lex, words, self.from, m);
        let mut precision = match topo.kind {
            EntryKind::Site => GeoPrecision::Site,
            EntryKind::Populated if gov.near || gov.around || site.as_deref() == Some("camp") => {
                GeoPrecision::NearTown
            }
            kind => kind.precision(),
        };
        let wide = matches!(topo.kind, EntryKind::Country | EntryKind::Region);
        let offset = (!wide)
            .then(|| offset_before(lex, words, self.from, m.start))
            .flatten()
            .filter(|o| o.km >= MIN_OFFSET_KM)
            .map(|o| Offset {
                from_id: topo.id.clone(),
                ..o
            });
        let role = if wide {
            Role::Country
        } else if offset.is_some() || reference && !static_ref {
            // "50 km north of A", "north of A": situates the place meant; demoted to an event
            // place below when the sentence has no other.
            precision = GeoPrecision::NearTown;
            Role::Reference
        } else if static_ref {
            Role::Reference
        } else if gov.locative || site.is_some() {
            Role::Event
        } else if gov.word.is_some_and(|g| lex.has(Sec::NotLocative, g))
            || !gov.governed && speaks_for_its_government(lex, words, m)
        {
            Role::Mention
        } else if self.event_at.is_some() && !names_armed_people(lex, words, m) {
            Role::Event
        } else {
            Role::Mention
        };
        let written = &text[m.byte_start..m.byte_end];
        let site_entry = site.as_ref().and_then(|s| index.site(written, s, topo));
        let mut found = m.clone();
        // The spot measured is another place than the one measured from (see `Offset::spot_id`).
        if let Some(o) = &offset {
            found.entry.id = o.spot_id();
        }
        PlaceUse {
            found,
            role,
            precision,
            site,
            site_entry,
            plain_country: wide
                && gov.locative
                && !gov.directional
                && !super::name_ends::qualifies_next(text, words, m, next),
            offset,
        }
    }
}

/// The roles the whole sentence changes: names in a keyword list, where someone spoke, and a
/// directional reference that is the only place of an event.
fn second_looks(sentence: &Sentence, to: usize, matches: &[PlaceMatch], out: &mut [PlaceUse]) {
    let (lex, words, from) = (sentence.lex, sentence.words, sentence.from);
    town_in_town(lex, words, out);
    // "Tags: A, B, airstrike": a web page's keyword list run into the text names no event.
    for p in out.iter_mut() {
        if p.role == Role::Event && in_tag_list(lex, words, from, matches, &p.found) {
            p.role = Role::Mention;
        }
    }
    // "the ministry in A said", "an activist in A told ...": where someone spoke or is, when
    // the sentence names another place for what happened (a known one, or "the town of X").
    let spoke: Vec<bool> = out
        .iter()
        .map(|p| {
            spoke_from(lex, words, &p.found)
                || source_in(lex, words, from, to, &p.found)
                || spoken_at(lex, words, from, &p.found)
        })
        .collect();
    if out.len() > 1 || names_a_town_of(lex, words, from, to) {
        for (p, spoke) in out.iter_mut().zip(&spoke) {
            if *spoke && p.role == Role::Event {
                p.role = Role::Mention;
            }
        }
    }
    // A directional reference is the event place when the sentence names no other town
    // ("in a village west of A (A, Province)": the province only holds A).
    if !out.iter().any(|p| p.role == Role::Event && town_like(p)) {
        if let Some(p) = out.iter_mut().find(|p| {
            p.role == Role::Reference
                && p.precision == GeoPrecision::NearTown
                && sentence.event_at.is_some()
        }) {
            p.role = Role::Event;
        }
    }
    // "... fired on the positions of the army located near A": a town that only says where
    // something lies, told after the event, is where it was aimed (before the event, "forces
    // located in A fired": where fire came from).
    if !out.iter().any(|p| p.role == Role::Event && town_like(p)) {
        let after = |p: &PlaceUse| sentence.event_at.is_some_and(|e| p.found.start > e);
        if let Some(p) = out
            .iter_mut()
            .find(|p| p.role == Role::Reference && town_like(p) && p.offset.is_none() && after(p))
        {
            p.role = Role::Event;
            p.precision = GeoPrecision::NearTown;
        }
    }
}

/// The farthest a town may lie from the larger town it is said to lie in ("Jabalia in
/// Gaza", a camp by the city) for the larger one to be only where it lies.
const IN_TOWN_KM: f64 = 30.0;

/// "strikes on A in B", "A in het noorden van B": a town said to lie in a larger town close
/// by is where it happened; the larger town only says where A lies. So does a town of A's
/// province said to hold A from farther away ("A city in B"): B stands for its district or
/// province.
fn town_in_town(lex: &Lexicon, words: &[&str], out: &mut [PlaceUse]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let mut between = &words[a.found.end.min(b.found.start)..b.found.start];
        // ("A city in B": the kind of place A is may stand before "in".)
        if between.first().is_some_and(|w| lex.has(Sec::KindTown, w)) {
            between = &between[1..];
        }
        let inside = between.first().is_some_and(|w| lex.has(Sec::Within, w))
            && between[1..].iter().all(|w| filler(lex, w));
        let (ta, tb) = (&a.found.entry, &b.found.entry);
        let towns = ta.kind == EntryKind::Populated && tb.kind == EntryKind::Populated;
        let km = crate::reference::distance_km(ta.lon, ta.lat, tb.lon, tb.lat);
        let contains =
            towns && ta.id != tb.id && tb.population >= ta.population && km <= IN_TOWN_KM;
        // (Only of a town found as written: a name the gazetteer only came close to may be a
        // namesake far from B.)
        let stands_for_province = towns
            && ta.literal
            && km > IN_TOWN_KM
            && ta.country_code == tb.country_code
            && ta.admin1.is_some()
            && ta.admin1 == tb.admin1;
        let holds = contains || stands_for_province;
        if inside && holds && a.role == Role::Event && b.role == Role::Event {
            out[k].role = Role::Reference;
        }
    }
}

/// A populated place, a site or a district: somewhere an incident can be.
pub(super) fn town_like(p: &PlaceUse) -> bool {
    matches!(
        p.found.entry.kind,
        EntryKind::Populated | EntryKind::Site | EntryKind::Admin2
    )
}

/// True when the name qualifies armed people right after it ("Al Foo militants attacked",
/// "Bar fighters"): a group's name or origin, not where anything happened.
fn names_armed_people(lex: &Lexicon, words: &[&str], m: &PlaceMatch) -> bool {
    words
        .get(m.end)
        .and_then(|w| lex.value(Sec::Sides, w))
        .is_some_and(|side| side != "civilian")
}

/// True when a speech verb follows the place right after a locative: "officials in A said"
/// ("A said to be ..." is no speech).
fn spoke_from(lex: &Lexicon, words: &[&str], m: &PlaceMatch) -> bool {
    let locative = m.start > 0 && lex.has(Sec::Locative, words[m.start - 1]);
    let speech = words
        .get(m.end)
        .is_some_and(|w| lex.has(Sec::ReportVerbs, w));
    let hedge = words.get(m.end + 1) == Some(&"to");
    locative && speech && !hedge
}

/// True when the place stands in a keyword list: after a label word (the lexicon's
/// `tag_labels`) that opens the sentence or follows a word that is no function word (not
/// "the tags"), or that a place follows right away; with no function word (the lexicon's
/// `detect` words: "at", "the", "of") or number between.
fn in_tag_list(
    lex: &Lexicon,
    words: &[&str],
    from: usize,
    matches: &[PlaceMatch],
    m: &PlaceMatch,
) -> bool {
    let plain = |w: &str| !lex.has(Sec::Detect, w) && !w.starts_with(|c: char| c.is_ascii_digit());
    (from..m.start)
        .rev()
        .take_while(|&k| plain(words[k]))
        .filter(|&k| lex.has(Sec::TagLabels, words[k]))
        .any(|k| {
            let opens = k == from || !lex.has(Sec::Detect, words[k - 1]);
            opens && k + 1 < m.start || matches.iter().any(|p| p.start == k + 1)
        })
}

/// True when the place locates a source who speaks in the sentence: "an activist in A told
/// ...", "sources in A said", "said X, the police spokesman in A, ...".
fn source_in(lex: &Lexicon, words: &[&str], from: usize, to: usize, m: &PlaceMatch) -> bool {
    let source = m.start >= 2
        && lex.has(Sec::Locative, words[m.start - 1])
        && lex.has(Sec::SourceNouns, words[m.start - 2]);
    // ("said X, the police spokesman in A, ...": the verb may come first when the place
    // ends the speaker's apposition.)
    let apposition = words.get(m.end) == Some(&",");
    let told = |k: usize| lex.has(Sec::ReportVerbs, words[k]);
    source && ((m.end..to).any(told) || apposition && (from..m.start).any(told))
}

/// True when the place is where someone spoke: its locative follows a `speech_venues`
/// phrase ("at a press briefing in the state capital A", "told reporters in A").
fn spoken_at(lex: &Lexicon, words: &[&str], from: usize, m: &PlaceMatch) -> bool {
    let j = governor_end(lex, words, m.start, from);
    if j <= from || !lex.has(Sec::Locative, words[j - 1]) {
        return false;
    }
    let venue_end = j - 1;
    lex.patterns(Sec::SpeechVenues)
        .find_all(words, venue_end.saturating_sub(4).max(from), venue_end)
        .iter()
        .any(|v| v.end == venue_end)
}

/// True when the sentence names a place by a noun and "of" ("the town of X", "the village
/// of X"), known to the gazetteer or not.
fn names_a_town_of(lex: &Lexicon, words: &[&str], from: usize, to: usize) -> bool {
    (from..to.saturating_sub(1))
        .any(|k| lex.value(Sec::PlaceParts, words[k]) == Some("place") && words[k + 1] == "of")
}

/// "the west of A", "the rebel-held east of A": a compass word after an article names a part
/// of A, not a place outside it ("west of A"). True when the reference phrase starting at
/// `start` opens with a `directional` word that an article (at most two lower-case words
/// between) comes before.
fn part_of_place(lex: &Lexicon, words: &[&str], from: usize, start: usize) -> bool {
    if !lex.has(Sec::Directional, words[start]) {
        return false;
    }
    (start.saturating_sub(3).max(from)..start)
        .rev()
        .take_while(|&j| words[j].chars().all(|c| c.is_lowercase() || c == '-'))
        .any(|j| lex.has(Sec::Articles, words[j]) && !lex.has(Sec::Indefinite, words[j]))
}

/// The model place for a use: the site entry's id when one matched, else the town's; for a
/// place given as a distance and direction from it, the point that far away (see
/// [`Place`]: the entry is only its [`PlaceOffset`] reference).
pub fn to_place(text: &str, used: &PlaceUse) -> Place {
    let mut place = known_place(text, used);
    if let Some(offset) = &used.offset {
        move_by(&mut place, offset);
    }
    place
}

/// The model place of a use named for context: the known place itself, even when the text
/// measures another place from it ("Mosul, 400 km north of Baghdad" mentions Baghdad).
pub fn mention_place(text: &str, used: &PlaceUse) -> Place {
    known_place(text, used)
}

/// The known place an offset was measured from ("A" in "50 km north of A"), as context;
/// `None` when the use has no offset.
pub fn offset_reference(text: &str, used: &PlaceUse) -> Option<Place> {
    used.offset.as_ref()?;
    let mut place = known_place(text, used);
    place.precision = used.found.entry.kind.precision();
    Some(place)
}

/// Moves a place by an offset: the point along the bearing, the name as written, the entry
/// kept only as the offset's reference.
fn move_by(place: &mut Place, offset: &Offset) {
    let (Some(lon), Some(lat), Some(id)) = (place.lon, place.lat, place.gazetteer_id.take()) else {
        return;
    };
    let (to_lon, to_lat) = destination(lon, lat, offset.bearing_deg, offset.km);
    place.offset = Some(PlaceOffset {
        from_id: id,
        from_name: place.canonical_name.take().unwrap_or_default(),
        from_lon: lon,
        from_lat: lat,
        km: offset.km,
        bearing_deg: offset.bearing_deg,
    });
    place.name = format!("{} {}", offset.phrase, place.name);
    // To 1e-5 degrees (about a metre), as the gazetteer's points.
    place.lon = Some((to_lon * 1e5).round() / 1e5);
    place.lat = Some((to_lat * 1e5).round() / 1e5);
    place.admin1 = None;
}

/// The model place of the known place a use names.
fn known_place(text: &str, used: &PlaceUse) -> Place {
    let topo = &used.found.entry;
    let mut place = Place::named(&text[used.found.byte_start..used.found.byte_end]);
    let entry = used.site_entry.as_ref().unwrap_or(topo);
    let measured_from = used.offset.as_ref().filter(|_| used.site_entry.is_none());
    place.gazetteer_id = Some(measured_from.map_or(&entry.id, |o| &o.from_id).clone());
    place.canonical_name = Some(topo.name.clone());
    // A world region has no country code.
    place.country_code = (!topo.country_code.is_empty()).then(|| topo.country_code.clone());
    place.admin1 = topo.admin1.clone();
    place.lon = Some(entry.lon);
    place.lat = Some(entry.lat);
    place.precision = used.precision;
    place.site = used.site.clone();
    place
}
