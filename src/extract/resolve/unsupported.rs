//! Stage 1, extract: readings of a name that nothing else in the text supports. A text that
//! names one small town of some country, and nothing else of that country, names it for a
//! reason the words must show: a locative, an address, its own name. Two ways of writing
//! lead to namesakes abroad instead:
//!
//! - the name matched only one of the town's other names, no spelling of its own ("Tur"
//!   for Tours, "Ramadan" for a town in Arabia): most often a word, a person, or a village
//!   the gazetteer lacks that bears the name as its own;
//! - the name stands before a word for people ("an Abala herder", "a Christian priest",
//!   "Nuba fighters"): it says who they are (a community, a faith, a clan), not where
//!   anything happened.

use super::super::coherence::{inside, Holders};
use super::super::evidence::{renamed, sign_weight};
use super::super::lexicon::Sec;
use super::super::place_index::Toponym;
use super::super::places::governor_end;
use super::super::respelled::{consonants, same_consonants};
use super::{other_name, Doc, Name};
use crate::gazetteer::EntryKind;
use crate::reference::fold_literal;

/// Towns from this size on are read under their other names (names in other languages)
/// without any other sign of their country in the text.
const ALIAS_ALONE_MIN: u64 = 250_000;
/// Cities from this size on (and seats of provinces) are read before a word for people
/// without any other sign of their country ("Chicago police"): a reader knows them; a
/// smaller town's name there is as often a people's ("Maasai herders" and Masai in Johor).
const PEOPLE_ALONE_MIN: u64 = 1_000_000;

impl Doc<'_> {
    /// True when a town read only under one of its other names, not a spelling of its own,
    /// lies in a country the text gives no other sign of. A large city keeps its names in
    /// other languages ("Keulen" for Cologne), and so does the seat of a province (its other
    /// spellings are in the news).
    pub(super) fn alias_unsupported(
        &self,
        k: usize,
        name: &Name<'_>,
        entry: &Toponym,
        holders: &Holders<'_>,
    ) -> bool {
        if entry.kind != EntryKind::Populated
            || entry.population >= ALIAS_ALONE_MIN
            || entry.seat
            || !self.unsupported(k, entry, holders)
        {
            return false;
        }
        // (Letter for letter: transliteration folding makes "Tur" a shortening of Tours.)
        let (written, own) = (fold_literal(name.surface), fold_literal(&entry.name));
        other_name(&written, &own)
            // ("Svitlodarsk" for Svetlodarsk, "Goday" for Gode: the name respelt.)
            && renamed(&own, &written)
            && !same_consonants(&consonants(name.surface), &consonants(&entry.name))
    }

    /// True when a small town or a district is named right before a word for people ("an
    /// Abala herder", "Christian priests") that no locative puts anywhere, in a country the
    /// text gives no other sign of.
    pub(super) fn describes_people(
        &self,
        k: usize,
        entry: &Toponym,
        holders: &Holders<'_>,
    ) -> bool {
        let (lex, toks) = (self.lex, self.toks);
        let (start, end, _, _) = self.raw[k];
        let before_people = toks.get(end).is_some_and(|next| {
            next.breaks == 0
                && next.lower == self.text[next.start..next.end]
                && (lex.is_people(&next.lower) || lex.has(Sec::OnePerson, &next.lower))
        });
        // ("the Foo refugee camp": the people word belongs to a place's name.)
        let place_after = toks.get(end + 1).is_some_and(|t| {
            lex.value(Sec::PlaceParts, &t.lower).is_some()
                || lex.has(Sec::Sites, &t.lower)
                || lex.has(Sec::KindTown, &t.lower)
        });
        if !before_people
            || place_after
            || !matches!(entry.kind, EntryKind::Populated | EntryKind::Admin2)
            || entry.population >= PEOPLE_ALONE_MIN
            || entry.seat
        {
            return false;
        }
        let j = governor_end(lex, self.words, start, 0);
        let governed = j > 0 && lex.has(Sec::Locative, self.words[j - 1]);
        !governed && self.unsupported(k, entry, holders)
    }

    /// The signs of the reading's country that name `k` gives itself, and those the rest of
    /// the text gives.
    pub(super) fn country_signs(&self, k: usize, entry: &Toponym) -> (f64, f64) {
        let own = sign_weight(&self.lists[k]);
        let all = self.evidence.signs(&entry.country_code);
        (own, all - own)
    }

    /// True when the text gives no sign of the reading's country but the name itself, does
    /// not put it in a division that holds it, and the user named no country for it.
    fn unsupported(&self, k: usize, entry: &Toponym, holders: &Holders<'_>) -> bool {
        let (_, others) = self.country_signs(k, entry);
        others <= 0.0
            && !holders.readings.iter().any(|c| inside(entry, c))
            && !self
                .country
                .is_some_and(|c| c.eq_ignore_ascii_case(&entry.country_code))
    }
}
