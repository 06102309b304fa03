//! Stage 1, ingest/extract: the role of each recognised place in its sentence, from the words
//! around it. "in de stad Suluk" is where something happened (an event place); "het kamp in
//! Ain Issa" is a site at the town; "bij Ain Issa" is near it; "provincie Hasakeh" the
//! governorate; "het kamp ligt dicht bij de stad Raqqa" and "ten noordoosten van Ain Issa"
//! only situate something (reference places); a country sets the context.

mod cues;
mod governor;
mod second_looks;
mod unknown_held;

use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::offset::{
    distance_from, offset_before, offset_precision, Offset, FAR_KM, MIN_OFFSET_KM,
};
use super::place_index::{PlaceIndex, Toponym};
use super::toponyms::PlaceMatch;
use crate::gazetteer::EntryKind;
use crate::model::{GeoPrecision, Place, PlaceOffset};
use crate::reference::destination;
use cues::{names_armed_people, site_near, speaks_for_its_government};
pub(super) use governor::{filler, governor_end};
use second_looks::second_looks;
pub(super) use unknown_held::holders_of_unknown;

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
    /// A part of a country named as the location ("in eastern A", "in het noorden van A").
    pub country_part: bool,
    /// The distance and direction the text gives from this place ("50 km northeast of A"):
    /// the place meant lies there, not here.
    pub offset: Option<Offset>,
    /// A first-level division whose name a division of another country also bears ("La
    /// Libertad"): which one is meant takes the article's other places.
    pub rival_provinces: bool,
}

/// How many namesakes of a division are looked at for one in another country.
const RIVAL_NAMESAKES: usize = 200;

/// True when the name at token `start` comes right after a word for where someone comes from
/// that follows a word for people ("five traders from A", "a man from the B region", "twee
/// handelaren uit C"): where they come from, not where the sentence's event happened.
pub(super) fn people_from(lex: &Lexicon, words: &[&str], start: usize, from: usize) -> bool {
    let j = governor_end(lex, words, start, from);
    j >= from + 2 && lex.has(Sec::OriginPrepositions, words[j - 1]) && {
        let w = words[j - 2];
        lex.is_people(w)
            || lex.value(Sec::Sides, w).is_some()
            || lex.value(Sec::PersonSides, w).is_some()
    }
}

/// From this population on (and for national capitals), a city named without "in", "at" or
/// "near" is mostly its government or its people ("Washington said", "Moscow has sent"): an
/// incident without a figure only after a locative.
pub(super) const METONYMY_MIN: u64 = 1_000_000;

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
    origins_alone(lex, words, from, &mut out);
    out
}

/// Where people come from ([`people_from`]) is no event place while the sentence names
/// another; when it names none, it is where the people did what the sentence says ("a group
/// of residents from A protested").
fn origins_alone(lex: &Lexicon, words: &[&str], from: usize, out: &mut [PlaceUse]) {
    let origin: Vec<bool> = out
        .iter()
        .map(|u| u.role == Role::Mention && people_from(lex, words, u.found.start, from))
        .collect();
    // (Not the division that situates the origin: "residents from A (Province) protested".)
    let other_event = out.iter().zip(&origin).any(|(u, o)| {
        !o && matches!(u.role, Role::Event | Role::Reference)
            && !out.iter().zip(&origin).any(|(v, vo)| {
                *vo && u.found.start == v.found.end + 1 && matches!(words[v.found.end], "(" | ",")
            })
    });
    if other_event {
        return;
    }
    for (u, _) in out.iter_mut().zip(&origin).filter(|(_, o)| **o) {
        u.role = Role::Event;
    }
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

impl Sentence<'_> {
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
        let far_from = offset.is_none() && !wide && self.far_from(m);
        let role = if wide {
            Role::Country
        } else if far_from || people_from(lex, words, m.start, self.from) {
            Role::Mention
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
        // (Only a name that more than one entry bears can have a namesake province; one that
        // bears it only after transliteration folding, "Sada" for "Sadah", is no namesake.)
        let rival_provinces = topo.kind == EntryKind::Admin1
            && m.candidates > 1
            && index.scored(written, RIVAL_NAMESAKES).iter().any(|(t, _)| {
                t.kind == EntryKind::Admin1 && t.literal && t.country_code != topo.country_code
            });
        PlaceUse {
            rival_provinces,
            found,
            role,
            precision,
            site,
            site_entry,
            country_part: wide
                && gov.locative
                && gov.directional
                && !super::name_ends::qualifies_next(lex, text, words, m, next),
            plain_country: wide
                && gov.locative
                && !gov.directional
                && !super::name_ends::qualifies_next(lex, text, words, m, next),
            offset,
        }
    }
}

impl Sentence<'_> {
    /// "a village 550 km from A": so far off, A only says how remote the place is.
    fn far_from(&self, m: &PlaceMatch) -> bool {
        distance_from(self.lex, self.words, self.from, m.start).is_some_and(|km| km >= FAR_KM)
    }
}

/// A populated place, a site or a district: somewhere an incident can be.
pub(super) fn town_like(p: &PlaceUse) -> bool {
    matches!(
        p.found.entry.kind,
        EntryKind::Populated | EntryKind::Site | EntryKind::Admin2
    )
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
    place.precision = offset_precision(offset.km);
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
