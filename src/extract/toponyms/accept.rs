//! Whether a gazetteer name found in the text is read as a place: not a common word, not part
//! of a longer proper name, not a people, not a person's name after a title.

use super::super::lexicon::{Lexicon, Sec};
use super::super::name_ends::Bounds;
use super::super::names::not_place_phrase;
use super::super::text::{Kind, Token};
use super::cased;
use super::joined::article_compound;
use super::scan::Scan;
use crate::gazetteer::fold_literal;

impl Scan<'_> {
    /// True when the name at tokens `start..end` is read as a place; `bounds` says what
    /// stands around it.
    pub(super) fn accept(&self, start: usize, end: usize, bounds: &Bounds) -> bool {
        self.spelled_as_place(start, end)
            && !self.runs_into_longer_name(start, end, bounds)
            && !self.names_people(start, end)
            && !self.after_name_or_title(start, bounds)
            && !self.names_water(start)
            && !self.names_street(start, end)
    }

    /// True when the name at `start..end` names a street in another town: a street noun in
    /// lower case after it, then "in", "at" or "near" and a capitalised word ("on Murree road
    /// in A"). Not a road between two towns ("the A-B road in C", "A - B road"). (A
    /// capitalised street noun makes a longer name anyway: "Murree Road".)
    fn names_street(&self, start: usize, end: usize) -> bool {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        let dash = |t: &Token| {
            matches!(t.lower.as_str(), "-" | "–" | "—")
                || Sec::RoadJoiners.in_any_language(&t.lower)
        };
        // (Up to two words back: "A - al B road".)
        let joined_before = (start.saturating_sub(2)..start).any(|j| dash(&toks[j]));
        let own = &text[toks[start].start..toks[end - 1].end];
        let two_names = own.char_indices().any(|(i, c)| {
            matches!(c, '-' | '–') && own[i + c.len_utf8()..].starts_with(char::is_uppercase)
        });
        let between = joined_before || two_names;
        let at = |j: usize| toks.get(j).filter(|t| t.breaks == 0);
        !between
            && at(end).is_some_and(|t| !cased(t, text) && lex.has(Sec::StreetNouns, &t.lower))
            && at(end + 1).is_some_and(|t| lex.has(Sec::AtPlace, &t.lower))
            && at(end + 2).is_some_and(|t| cased(t, text))
    }

    /// True when the name is part of a body of water's ("the Gulf of Aden", "Lake Chad", "de
    /// Straat van Hormuz"): a capitalised word for one right before it, or before "of".
    fn names_water(&self, start: usize) -> bool {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        let water = |i: usize| {
            toks.get(i).is_some_and(|t| {
                t.breaks == 0 && cased(t, text) && lex.has(Sec::WaterBodies, &t.lower)
            })
        };
        let of = |i: usize| {
            toks.get(i)
                .is_some_and(|t| t.breaks == 0 && lex.has(Sec::GenitiveOf, &t.lower))
        };
        (start >= 1 && water(start - 1)) || (start >= 2 && of(start - 1) && water(start - 2))
    }

    /// The name itself: no common word, no phrase that names no place, three letters or
    /// more (or a single word in capitals).
    pub(super) fn spelled_as_place(&self, start: usize, end: usize) -> bool {
        let (text, toks, common) = (self.text, self.toks, self.common);
        // Literal folding only (case, accents): the gazetteer's looser folding makes "UK" and
        // the Dutch "ook" one key.
        let key = fold_literal(&text[toks[start].start..toks[end - 1].end]);
        let single = end - start == 1;
        let bare = toks[start].lower.trim_end_matches("'s");
        if common.contains(&key) || (single && common.contains(bare)) {
            return false;
        }
        if !single && not_place_phrase(toks, start, end) {
            return false;
        }
        let letters = key.chars().filter(|c| c.is_alphabetic()).count();
        !(letters < 3 && !(single && toks[start].upper))
    }

    /// True when the words after the name carry it on into a longer proper name.
    fn runs_into_longer_name(&self, start: usize, end: usize, bounds: &Bounds) -> bool {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        // Part of a longer proper name ("Washington Post", "Rami Abdulrahman", "Save the Children",
        // "the Lions of the Valley").
        // (Not a word that joins a list in the text's language: Dutch "of" is "or".)
        let particle = |j: usize| {
            toks.get(j).is_some_and(|p| {
                Sec::NameInnerParticles.in_any_language(&p.lower)
                    && p.breaks == 0
                    && !lex.has(Sec::Coordinators, &p.lower)
            })
        };
        let name_at = |j: usize| toks.get(j).is_some_and(|n| cased(n, text) && n.breaks == 0);
        // "LONDON The Latest": a name in capitals ends where the capitals do.
        let capitals_end =
            toks[start..end].iter().all(|t| t.upper) && toks.get(end).is_some_and(|n| !n.upper);
        let particle_then_name = !capitals_end
            && particle(end)
            && (name_at(end + 1)
                || (Sec::OfLinks.in_any_language(&toks[end].lower)
                    && toks
                        .get(end + 1)
                        .is_some_and(|t| Sec::DefiniteArticles.in_any_language(&t.lower))
                    && name_at(end + 2)));
        if particle_then_name && !self.of_a_division(end) && !self.of_its_holder(start, end) {
            return true;
        }
        // "Bab al-Faraj": a name followed by an Arabic article compound is part of a longer name.
        if toks.get(end).is_some_and(|n| {
            n.breaks == 0
                && n.kind == Kind::Word
                && article_compound(lex, &n.lower)
                && n.lower.len() > 4
        }) {
            return true;
        }
        toks.get(end).is_some_and(|next| {
            next.breaks == 0
                && !capitals_end
                && cased(next, text)
                && !bounds.before_country
                && !bounds.possessive_end
                && !lex.has(Sec::NameSuffixes, &next.lower)
                && !lex.has(Sec::KindAdmin, &next.lower)
                // ("in Parkland, Florida The controversy": a sentence that lost its stop.)
                && !(lex.has(Sec::Articles, &next.lower) && next.lower.len() > 1)
                // ("Honolulu Are there ...", "Burton He's ...": a pronoun or a verb of the
                // closed class opens the next sentence; days and months are dates.)
                && !sentence_word(lex, &next.lower)
                && !date_after_governed_name(lex, toks, start, end)
                && !bounds.before_facility
        })
    }

    /// True when "of" at `of` opens a division the name lies in: "Foo of the Bar region",
    /// "Foo of Bar province" (up to three capitalised words, then the word for a division's
    /// kind). The name is a place in that division, not the head of a longer name.
    fn of_a_division(&self, of: usize) -> bool {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        if !toks
            .get(of)
            .is_some_and(|t| lex.has(Sec::GenitiveOf, &t.lower))
        {
            return false;
        }
        let mut i = of + 1;
        if toks
            .get(i)
            .is_some_and(|t| lex.has(Sec::Articles, &t.lower))
        {
            i += 1;
        }
        let first = i;
        while i < toks.len() && i - first < 3 && cased(&toks[i], text) && toks[i].breaks == 0 {
            i += 1;
        }
        i > first
            && toks
                .get(i)
                .is_some_and(|t| !cased(t, text) && lex.value(Sec::KindAdmin, &t.lower).is_some())
    }

    /// True when the name names a people: before a word for a group ("the Badr
    /// organisation"), counted ("3 Balanda"), or what a group belongs to ("a sub-clan of the
    /// Hawiye").
    pub(super) fn names_people(&self, start: usize, end: usize) -> bool {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        // "the Badr organisation", "Saad sub-clans": a name before a word for a group of people
        // names the group.
        if toks
            .get(end)
            .is_some_and(|n| n.breaks == 0 && !cased(n, text) && lex.has(Sec::GroupNouns, &n.lower))
        {
            return true;
        }
        if start > 0 && counted(lex, &toks[start - 1]) {
            return true;
        }
        // "a sub-clan of the Hawiye": a people that a group belongs to.
        if let Some([group, of, the]) = start.checked_sub(3).and_then(|i| toks.get(i..start)) {
            if lex.has(Sec::GroupNouns, &group.lower)
                && lex.has(Sec::CompassOf, &of.lower)
                && lex.has(Sec::Articles, &the.lower)
            {
                return true;
            }
        }
        false
    }

    /// True when a capitalised word that is no direction (nor a place's possessive) runs into
    /// the name from before, or a title of any language stands before it ("President A").
    fn after_name_or_title(&self, start: usize, bounds: &Bounds) -> bool {
        let (lex, text, toks) = (self.lex, self.text, self.toks);
        if start > 0 && !self.initial[start] {
            let prev = &toks[start - 1];
            let prev_is_name = cased(prev, text) && prev.breaks == 0;
            // ("het Syrische Aleppo", "in Syrian Aleppo": a word for a country's people says
            // where the place lies.)
            let national = lex.people_country(&prev.lower).is_some();
            let directional = lex.has(Sec::Directional, &prev.lower)
                || self.common.contains(&prev.lower)
                || national;
            // ("Associated Press WASHINGTON (AP)": a name in capitals after one that is not
            // starts a name of its own.)
            let capitals_start = toks[start].upper && !prev.upper;
            if prev_is_name && !directional && !bounds.after_possessive && !capitals_start {
                return true;
            }
        }
        start > 0
            && Lexicon::all()
                .iter()
                .any(|l| l.has(Sec::Titles, &toks[start - 1].lower))
    }
}

/// True for a word of the lexicon's closed classes (pronouns, auxiliaries, conjunctions),
/// also with a possessive or contraction ("he's", "wasn't"), that is no day's or month's
/// name: one that never carries a place name on.
fn sentence_word(lex: &Lexicon, lower: &str) -> bool {
    let bare = lower
        .strip_suffix("n't")
        .or_else(|| lower.strip_suffix("n\u{2019}t"))
        .unwrap_or(lower);
    let word = bare
        .split_once(['\'', '\u{2019}'])
        .map_or(bare, |(head, _)| head);
    lex.has(Sec::Stop, word)
        && lex.value(Sec::Weekdays, word).is_none()
        && lex.value(Sec::Months, word).is_none()
}

/// "in A Saturday", "of A March 3", "in A, B Thursday": a day name, or a month name with a
/// number after it, after a name that a locative (or "of") governs, or that follows another
/// after a comma, ends the place name. Without either, "Wed May 18" stays no place; a month's
/// abbreviation with no number is a word of the name ("in Kafr Jan", "in Mar Mikhael").
fn date_after_governed_name(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> bool {
    let governed = start > 0
        && (lex.has(Sec::Locative, &toks[start - 1].lower)
            || lex.has(Sec::Within, &toks[start - 1].lower)
            || toks[start - 1].lower == "," && start > 1 && toks[start - 2].cap);
    let numbered = toks.get(end + 1).is_some_and(|t| t.kind == Kind::Number);
    let date = toks.get(end).is_some_and(|n| {
        lex.value(Sec::Weekdays, &n.lower).is_some()
            || lex.value(Sec::Months, &n.lower).is_some() && numbered
    });
    governed && date
}

/// Largest count that makes the name after it a group of people (a year may stand right
/// before a place: "in 2019 Aleppo fell").
const COUNTED_MAX: u64 = 999;

/// True when `prev`, right before a name, counts it ("3 Balanda were killed", "two
/// Hazara"): a counted name is people, not a place.
fn counted(lex: &Lexicon, prev: &Token) -> bool {
    let value = match prev.kind {
        Kind::Number => prev.lower.parse::<u64>().ok(),
        Kind::Word if !lex.has(Sec::Articles, &prev.lower) => lex
            .value(Sec::Numbers, &prev.lower)
            .and_then(|v| v.parse::<u64>().ok()),
        _ => None,
    };
    prev.breaks == 0 && value.is_some_and(|v| (1..=COUNTED_MAX).contains(&v))
}
