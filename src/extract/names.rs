//! Stage 1, ingest/extract: evidence that a capitalised word is a person, an organisation or
//! a common word rather than a place, gathered over the whole article:
//!
//! - the last words of multi-word proper names that are not places ("Jacob Zuma", "Washington
//!   Post"): later on their own they are the person or the organisation (not a country's
//!   name closing an organisation's, "Radio France");
//! - speakers: a single name next to a speech verb ("Wang said", "said Wang", "according to
//!   Wang");
//! - common words: a word the article also writes in lower case ("wedding", "recovery") is a
//!   place only right after a locative ("in Reading");
//! - contractions ("I've", "We'd") and short mixed-case acronyms ("MoD", "UConn") are never
//!   place names; nor are the phrases of a lexicon's `not_place_names` ("White House").

use super::hash::FastSet;
use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::text::{Kind, Token};
use super::toponyms::{cased, Counts, MAX_WORDS};

mod dateline;
pub use dateline::dateline;

/// Last words of multi-word proper names that are not places.
pub fn person_names<'s, 't>(
    counts: &mut Counts<'_, 's>,
    lex: &Lexicon,
    common: &FastSet<String>,
    text: &'s str,
    toks: &'t [Token],
) -> FastSet<&'t str> {
    let mut out = FastSet::default();
    let mut i = 0;
    while i < toks.len() {
        if !cased(&toks[i], text) || common.contains(toks[i].lower.as_str()) {
            i += 1;
            continue;
        }
        if named_kin(text, toks, i) {
            // ("his son Tyler's lawyer": the name without its possessive.)
            out.insert(bare(&toks[i].lower));
            i += 1;
            continue;
        }
        if ends_at_possessive(counts, text, &toks[i]) {
            i += 1;
            continue;
        }
        let (end, particle) = name_run(lex, text, toks, i);
        // ("DeSmog Canada", "Radio France": a country closing a name qualifies an
        // organisation; on its own later it is the country.)
        let last = &toks[end - 1];
        if end - i >= 2
            && person_name(counts, lex, text, toks, (i, end), particle)
            && !counts.is_country(&text[last.start..last.end])
        {
            out.insert(last.lower.as_str());
        }
        i = end;
    }
    out
}

/// "his brother Alex": one capitalised word after a relative in lower case.
fn named_kin(text: &str, toks: &[Token], i: usize) -> bool {
    i > 0
        && toks[i - 1].breaks == 0
        && !toks[i - 1].cap
        && Lexicon::all()
            .iter()
            .any(|l| l.has(Sec::Kin, &toks[i - 1].lower))
        && toks
            .get(i + 1)
            .is_none_or(|n| n.breaks > 0 || !cased(n, text))
}

/// "Ukraine's Kharkiv", "Kenya's Eldoret": a possessive ends its name; what follows is
/// another name, not the second half of a person's. So does a country's name with its
/// possessive apostrophe lost in copying ("Ukraines Kharkiv").
fn ends_at_possessive<'s>(counts: &mut Counts<'_, 's>, text: &'s str, tok: &Token) -> bool {
    let word = &text[tok.start..tok.end];
    let lost_apostrophe = word
        .strip_suffix('s')
        .is_some_and(|country| counts.get(word) == 0 && counts.is_country(country));
    possessive_word(&tok.lower) || lost_apostrophe
}

/// The end of the run of capitalised words from token `i` on (person particles between
/// capitals included, at most [`MAX_WORDS`], on one line), and whether it holds a particle.
fn name_run(lex: &Lexicon, text: &str, toks: &[Token], i: usize) -> (usize, bool) {
    let mut end = i + 1;
    let mut particle = false;
    while end < toks.len() && toks[end].breaks == 0 && end - i < MAX_WORDS {
        // ("Associated Press WASHINGTON (AP)": capitals after a name that is not in
        // capitals start another name.)
        let capitals_start = toks[end].upper && !toks[end - 1].upper;
        if cased(&toks[end], text) && !capitals_start {
            end += 1;
        } else if lex.has(Sec::PersonParticles, &toks[end].lower)
            && toks
                .get(end + 1)
                .is_some_and(|n| cased(n, text) && n.breaks == 0)
        {
            particle = true;
            end += 2;
        } else {
            break;
        }
    }
    (end.min(toks.len()), particle)
}

/// True when the run of capitalised words at tokens `i..end` is a person's name (its last
/// word then names the person on its own): a particle in it, or a run the gazetteer lacks
/// that is no place with its kind of division, no list of places and no facility named after
/// a place.
fn person_name<'s>(
    counts: &mut Counts<'_, 's>,
    lex: &Lexicon,
    text: &'s str,
    toks: &[Token],
    (i, end): (usize, usize),
    particle: bool,
) -> bool {
    let whole = &text[toks[i].start..toks[end - 1].end];
    if !(particle || counts.get(whole) == 0) {
        return false;
    }
    // "Foo Governorate", "Foo LGA": a place and the kind of division it names.
    let suffix = lex.has(Sec::NameSuffixes, &toks[end - 1].lower)
        || lex.has(Sec::KindAdmin, &toks[end - 1].lower);
    // "... in Deir Ezzor Aleppo" (a list with its commas lost): two places side by
    // side, not a person's name.
    let head = &text[toks[i].start..toks[end - 2].end];
    let last = &text[toks[end - 1].start..toks[end - 1].end];
    let two_places = !particle && counts.get(head) > 0 && counts.get(last) > 0;
    // "... Syria Idlib airstrike" (a list of tags): a country inside the run makes it
    // a list of names, not a person's name ("Jordan Smith" starts with one).
    let country_inside = (i + 1..end - 1).any(|k| {
        let word = &text[toks[k].start..toks[k].end];
        counts.is_country(word)
    });
    // "het Syrische Aleppo", "in Syrian Aleppo": a word for a country's people before a
    // place says in which country the place lies; no first name.
    let national = lex
        .value(Sec::Nationalities, &toks[i].lower)
        .is_some_and(|code| code.len() == 2)
        && counts.get(&text[toks[i + 1].start..toks[end - 1].end]) > 0;
    let two_places = two_places || country_inside || national;
    // "General Hospital Foo", "Foo Street Bar"... a facility or a part of a town named
    // after the place that follows its noun: no person's name.
    let named_after = lex
        .value(Sec::PlaceParts, &toks[end - 2].lower)
        .is_some_and(|kind| kind == "site");
    !suffix && !two_places && !named_after
}

/// Words after which a common word may still be a place ("in Reading", "to Nice").
fn locative(lex: &Lexicon, word: &str) -> bool {
    lex.has(Sec::Locative, word) || Sec::NameLocatives.in_any_language(word)
}

/// The token of the word governing the name at token `i`, fillers ("the", "northern",
/// "rural") skipped.
fn governor_at(lex: &Lexicon, toks: &[Token], i: usize) -> Option<usize> {
    let mut j = i;
    while j > 0 && super::places::filler(lex, &toks[j - 1].lower) {
        j -= 1;
    }
    j.checked_sub(1)
}

/// True when token `p` is a `genitive_of` word after a noun ("the mayor of", "the Observer
/// of", "de burgemeester van"); a word that is also a name particle counts only after a
/// lower-case word ("Jan van Dijk" is a person's name).
fn noun_of(lex: &Lexicon, text: &str, toks: &[Token], p: usize) -> bool {
    let particle = lex.has(Sec::PersonParticles, &toks[p].lower);
    p > 0
        && lex.has(Sec::GenitiveOf, &toks[p].lower)
        && toks[p - 1].kind == Kind::Word
        && !(particle && cased(&toks[p - 1], text))
}

/// True when token `p` is an `object_prepositions` word right after a word for an event
/// ("the raid on", "an attack on"): what follows is what the event was aimed at ("later on
/// the day" aims at nothing).
pub(super) fn aimed_at(lex: &Lexicon, toks: &[Token], p: usize) -> bool {
    p > 0
        && lex.has(Sec::ObjectPrepositions, &toks[p].lower)
        && lex.is_event_word(&toks[p - 1].lower)
}

/// "Syria's", "Syria’s", "Reuters'".
pub(super) fn possessive_word(lower: &str) -> bool {
    ["'s", "\u{2019}s", "'", "\u{2019}"]
        .iter()
        .any(|end| lower.len() > end.len() && lower.ends_with(end))
}

/// The word without its possessive ending ("tyler's" → "tyler").
pub(super) fn bare(lower: &str) -> &str {
    lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix('\''))
        .unwrap_or(lower)
}

/// Article-wide evidence against single-word place names.
pub struct NameEvidence<'t> {
    lower_words: FastSet<&'t str>,
    speakers: FastSet<&'t str>,
}

impl<'t> NameEvidence<'t> {
    pub fn collect(lex: &Lexicon, text: &str, toks: &'t [Token]) -> NameEvidence<'t> {
        let mut lower_words: FastSet<&str> = FastSet::default();
        let mut speakers = FastSet::default();
        for (i, t) in toks.iter().enumerate() {
            if t.kind != Kind::Word {
                continue;
            }
            if !cased(t, text) {
                if !in_web_address(toks, i) {
                    lower_words.insert(t.lower.as_str());
                }
                continue;
            }
            let next = toks.get(i + 1).map(|n| n.lower.as_str());
            let prev = i.checked_sub(1).map(|p| toks[p].lower.as_str());
            let prev2 = i.checked_sub(2).map(|p| toks[p].lower.as_str());
            let next_cased = toks.get(i + 1).is_some_and(|n| cased(n, text));
            let prev_cased = i > 0 && cased(&toks[i - 1], text);
            let speech = |w: &str| lex.has(Sec::ReportVerbs, w);
            // "the manager of the hospital in A told ...", "activists in rural A said": a
            // governed name is no speaker.
            // ("the strike on Foo reported": Foo is what the strike hit.)
            // "the mayor of A said": the noun before "of" speaks, not A.
            let governed = governor_at(lex, toks, i)
                .is_some_and(|p| locative(lex, &toks[p].lower) || aimed_at(lex, toks, p))
                || i > 0 && noun_of(lex, text, toks, i - 1);
            let speaker = next.is_some_and(speech) && !prev_cased && !governed
                || prev.is_some_and(speech) && !next_cased
                || prev2
                    .zip(prev)
                    .is_some_and(|(a, b)| Sec::AccordingTo.phrase_in_any_language(&[a, b]))
                    && !next_cased;
            if speaker && !lex.has(Sec::Stop, &t.lower) {
                speakers.insert(bare(&t.lower));
            }
        }
        NameEvidence {
            lower_words,
            speakers,
        }
    }

    /// True when the single-word name at token `i` is a speaker (a person, unless it names
    /// a country or division: "China said" is the state speaking).
    pub fn speaker(&self, toks: &[Token], i: usize) -> bool {
        self.speakers.contains(bare(&toks[i].lower))
    }

    /// True when the single-word name at token `i` is a common word not governed by a
    /// locative.
    pub fn not_place(&self, lex: &Lexicon, toks: &[Token], i: usize) -> bool {
        let word = bare(&toks[i].lower);
        self.lower_words.contains(word) && !after_locative(lex, toks, i)
    }
}

/// True when a locative governs token `i`, an article between them ("in Reading", "across
/// the UK"): there a common word or a surname is read as the place it names.
pub fn after_locative(lex: &Lexicon, toks: &[Token], i: usize) -> bool {
    let mut j = i;
    while j > 0 && lex.has(Sec::Articles, &toks[j - 1].lower) {
        j -= 1;
    }
    let according = j >= 2
        && Sec::AccordingTo.phrase_in_any_language(&[&toks[j - 2].lower, &toks[j - 1].lower]);
    j > 0 && locative(lex, &toks[j - 1].lower) && !according
}

/// True when word token `i` is part of a web or mail address ("news.example.org"): its
/// letters say nothing about how the text writes the word.
fn in_web_address(toks: &[Token], i: usize) -> bool {
    let glued_dot = |dot: usize, word: usize| {
        toks.get(dot).zip(toks.get(word)).is_some_and(|(d, w)| {
            matches!(d.lower.as_str(), "." | "@") && w.kind == Kind::Word && {
                let (a, b) = if dot < word { (d, w) } else { (w, d) };
                a.end == b.start
            }
        })
    };
    let t = &toks[i];
    let before = i >= 2 && glued_dot(i - 1, i - 2) && toks[i - 1].end == t.start;
    let after = glued_dot(i + 1, i + 2) && toks[i + 1].start == t.end;
    before || after
}

/// Contractions ("I've", "We'd", "Don't") and short mixed-case acronyms ("MoD", "UConn",
/// "HAPs"). An apostrophe inside a transliterated name ("Da'el", "Ma'arat") is a glottal
/// stop or an ayn, not a contraction.
pub fn not_a_name(tok: &Token, text: &str) -> bool {
    let raw = &text[tok.start..tok.end];
    if let Some((_, tail)) = raw.split_once(['\'', '\u{2019}']) {
        if Sec::ContractionTails.in_any_language(tail) {
            return true;
        }
    }
    // A capital right after a small letter within one word ("iPod"), not after a hyphen
    // ("Al-Bab" is two words).
    let chars: Vec<char> = raw.chars().collect();
    chars.iter().filter(|c| c.is_alphabetic()).count() <= 5
        && chars
            .windows(2)
            .any(|w| w[0].is_lowercase() && w[1].is_uppercase())
}

/// True when tokens `start..end` are a phrase of a `not_place_names` lexicon section.
pub fn not_place_phrase(toks: &[Token], start: usize, end: usize) -> bool {
    let words: Vec<&str> = toks[start..end].iter().map(|t| bare(&t.lower)).collect();
    Lexicon::all().iter().any(|lex| {
        lex.patterns(Sec::NotPlaceNames)
            .match_at(&words, 0, words.len())
            .is_some_and(|m| m.end == words.len())
    })
}

/// The place an abbreviation after a comma stands for ("Springfield, Ill." → Illinois), from
/// a lexicon's `place_abbreviations`.
pub fn abbreviation<'l>(lex: &'l Lexicon, toks: &[Token], i: usize) -> Option<&'l str> {
    abbreviation_end(lex, toks, i).map(|(_, full)| full)
}

/// [`abbreviation`] with the token after its letters: "Calif" is one word, "N.J" three
/// tokens ("N.J." written with initials; the last full stop is left out either way).
pub fn abbreviation_end<'l>(
    lex: &'l Lexicon,
    toks: &[Token],
    i: usize,
) -> Option<(usize, &'l str)> {
    let after_comma = i > 0 && toks[i - 1].lower == ",";
    let stop = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.lower == "." && t.start == toks[k - 1].end)
    };
    if !(after_comma && toks[i].cap && stop(i + 1)) {
        return None;
    }
    let letter = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.cap && t.lower.chars().count() == 1 && t.start == toks[k - 1].end)
    };
    if toks[i].lower.chars().count() == 1 && letter(i + 2) && stop(i + 3) {
        let key = format!("{}{}", toks[i].lower, toks[i + 2].lower);
        return lex
            .value(Sec::PlaceAbbreviations, &key)
            .map(|full| (i + 3, full));
    }
    lex.value(Sec::PlaceAbbreviations, &toks[i].lower)
        .map(|full| (i + 1, full))
}

/// Abbreviated titles and months before their full stop ("Lt. Col.", "Nov. 2").
pub fn abbreviated_word(toks: &[Token], i: usize) -> bool {
    let stop = toks
        .get(i + 1)
        .is_some_and(|t| t.lower == "." && t.start == toks[i].end);
    stop && Sec::AbbreviatedWords.in_any_language(&toks[i].lower)
}
