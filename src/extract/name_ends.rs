//! Stage 1, extract: what ends a place name written among capitalised words, so that the
//! name stands as a place of its own. A possessive ends one name and starts the next
//! ("Syria's Idlib province", also "Syrias" in a text that lost its apostrophes), and then
//! qualifies that next name rather than being the place itself; a facility is named after
//! the town before it ("Kumasi Central Prison": the lexicon's `facility_qualifiers`, then a
//! `sites` noun). [`super::toponyms`] asks while scanning, [`super::places`] when it gives
//! each name its role.

use super::lexicon::{Lexicon, Sec};
use super::text::{without_possessive, Kind, Token};
use super::toponyms::{cased, Counts, PlaceMatch};

/// The name a possessive is made of ("Syria's", "Syria\u{2019}s"; "Syrias" in a text that
/// lost its apostrophes, for a country's name only), when the whole is not a name itself.
pub(super) fn possessive_stem<'t>(
    counts: &mut Counts<'_, 't>,
    surface: &'t str,
) -> Option<&'t str> {
    if let Some(stem) = without_possessive(surface) {
        return Some(stem);
    }
    let stem = surface.strip_suffix('s')?;
    (stem.chars().last().is_some_and(char::is_lowercase)
        && counts.get(surface) == 0
        && counts.is_country(stem))
    .then_some(stem)
}

/// True when the token is a place's possessive ("Syria's", "Syrias" as above): it ends the
/// name, and a capitalised word after it starts another ("Syria's Idlib province").
pub(super) fn possessive<'t>(counts: &mut Counts<'_, 't>, text: &'t str, tok: &Token) -> bool {
    tok.kind == Kind::Word
        && possessive_stem(counts, &text[tok.start..tok.end]).is_some_and(|s| counts.get(s) > 0)
}

/// The most words of the lexicon's `facility_qualifiers` between a town's name and the
/// facility named after it ("Foo National Hospital", "Foo International Airport").
const FACILITY_WORDS: usize = 2;

/// The kinds of site (values of the lexicon's `sites`) that are named after their town; a
/// capitalised "Post" or "Market" after a name is more often part of another name, and a
/// station only with a word for its kind ("Railway", "Police") between.
const NAMED_FACILITIES: &[&str] = &[
    "airport",
    "base",
    "camp",
    "hospital",
    "prison",
    "station",
    "university",
];

/// The smallest population of a town that names a facility after itself here: hospitals and
/// schools are as often named after people, some of whose names are villages somewhere.
pub(super) const FACILITY_TOWN_MIN: u64 = 20_000;

/// The token of the facility noun when the capitalised words from token `end` on name a
/// facility after the place just before them ("Foo Central Prison", "Foo Airport"): up to
/// [`FACILITY_WORDS`] qualifiers, then a facility noun of [`NAMED_FACILITIES`].
pub(super) fn facility_named_after(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    end: usize,
) -> Option<usize> {
    let named_site = |t: &Token| {
        lex.value(Sec::Sites, &t.lower)
            .is_some_and(|kind| NAMED_FACILITIES.contains(&kind))
    };
    // ("Foo Railway Station", "Foo Police Station"; a bare "Foo Station" is often named
    // after another town it serves: "Baghdad Station" lies in Aleppo.)
    let bare_station =
        |j: usize| j == end && lex.value(Sec::Sites, &toks[j].lower) == Some("station");
    (end..end + FACILITY_WORDS + 1)
        .take_while(|&j| toks.get(j).is_some_and(|t| t.breaks == 0 && cased(t, text)))
        .find(|&j| named_site(&toks[j]))
        .filter(|&j| !bare_station(j))
        .filter(|&j| (end..j).all(|k| lex.has(Sec::FacilityQualifiers, &toks[k].lower)))
}

/// What stands right around a name and ends it although it is capitalised.
pub(super) struct Bounds {
    /// A country's name follows ("in A Syria said": a comma lost).
    pub before_country: bool,
    /// The name ends in a possessive ("Syria's Idlib").
    pub possessive_end: bool,
    /// A place's possessive stands right before the name.
    pub after_possessive: bool,
    /// A facility named after the town follows ("Foo Central Prison").
    pub before_facility: bool,
}

/// The most lower-case words between a possessive and the name it qualifies ("Syria's
/// rebel-held northern Idlib").
const POSSESSIVE_GAP_WORDS: usize = 2;
/// The most lower-case words between a possessive and the name it qualifies when the last
/// of them is "of" ("Nigeria's northwestern state of Kaduna", "Syria's war-torn northern
/// province of Idlib").
const POSSESSIVE_OF_GAP_WORDS: usize = 4;

/// True when the name is written as a possessive of the next name `next` ("in Syria's Idlib
/// province", "in Syria's northern Idlib", "in Syria's northern province of Idlib"): it
/// qualifies that name and is not the place itself ("in Syria's north" is).
pub(super) fn qualifies_next(
    lex: &Lexicon,
    text: &str,
    words: &[&str],
    m: &PlaceMatch,
    next: Option<&PlaceMatch>,
) -> bool {
    let suffix = text[m.byte_end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}');
    // Only plain words between ("northern", "rebel-held"): no clause or sentence ends.
    let plain = |w: &&str| w.chars().all(|c| c.is_alphabetic() || c == '-');
    suffix
        && next.is_some_and(|n| {
            let gap = n.start.saturating_sub(m.end);
            let of_last = gap > 0 && lex.has(Sec::GenitiveOf, words[n.start - 1]);
            let most = if of_last {
                POSSESSIVE_OF_GAP_WORDS
            } else {
                POSSESSIVE_GAP_WORDS
            };
            n.start >= m.end && gap <= most && words[m.end..n.start].iter().all(plain)
        })
}

/// The facility right after a place's name: a `sites` noun ("X prison"), or one named after
/// the town with qualifiers between ("X Central Prison", "X International Airport"; the
/// capitals were checked by [`facility_named_after`], which let the name stand).
pub(super) fn facility_after(lex: &Lexicon, words: &[&str], m: &PlaceMatch) -> Option<String> {
    let after = words.get(m.end..).unwrap_or_default();
    let qualifiers = after
        .iter()
        .take(FACILITY_WORDS)
        .take_while(|w| lex.has(Sec::FacilityQualifiers, w))
        .count();
    (0..=qualifiers).find_map(|k| {
        let kind = lex.value(Sec::Sites, after.get(k)?)?;
        (k == 0 || NAMED_FACILITIES.contains(&kind)).then(|| kind.to_string())
    })
}
