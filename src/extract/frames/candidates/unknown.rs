//! Names the gazetteer lacks among a sentence's place phrases, found by the words around
//! them: a place noun ("Foo neighbourhood", "the village of Bar"), the known place that
//! holds them in brackets ("in Foo (Baz)"), a strike verb before them in a known place
//! ("shelled Foo in Bar"), or a locative alone: in any sentence when nothing after the name
//! makes it an adjective, and beside a known place only when a count or a measure comes
//! right before the locative and the name ends its list item ("seven in Foo, four in A").

use super::super::super::coherence::{in_part_of, is_kind_word, unknown_name_before};
use super::super::super::incidents::Group;
use super::super::super::lexicon::Sec;
use super::super::super::numbers::is_count_token;
use super::super::super::toponyms::{article_then_capital, is_common_word};
use super::super::{is_word, Candidate, State};

/// The most words of a name the gazetteer lacks that a locative alone makes a place.
const UNKNOWN_NAME_WORDS: usize = 3;

impl State<'_> {
    /// Names the gazetteer does not hold, recognised by a place noun: "Foo neighbourhood",
    /// "Bar village", "the village of Baz".
    pub(super) fn unknown_names(&self, from: usize, to: usize, out: &mut Vec<Candidate>) {
        let taken = |i: usize, out: &[Candidate]| out.iter().any(|c| (c.token..c.end).contains(&i));
        for i in from..to {
            let Some(kind) = self.lex.value(Sec::PlaceParts, self.words[i]) else {
                continue;
            };
            // A named facility ("the Foo mosque") lies in its town like a neighbourhood.
            let part_of_town = matches!(kind, "part" | "site");
            // "X neighbourhood": cased words right before the noun.
            let mut s = i;
            while s > from && i - s < 4 && self.name_word(s - 1) {
                s -= 1;
            }
            // "the village of X": cased words right after "of".
            // ("the Syrian town of X": the words before the noun are then no name.)
            // "the village of X" names X (and then the words before the noun are no name:
            // "the Syrian town of X"); else "X neighbourhood" names X.
            let mut after = i + 2;
            let of_after = self
                .words
                .get(i + 1)
                .is_some_and(|w| Sec::OfLinks.in_any_language(w));
            if of_after {
                while after < to && after - i < 6 && self.name_word(after) {
                    after += 1;
                }
            }
            // "the Syrian town of X" names X; "the Foo neighbourhood of X" names Foo.
            let of_form = matches!(kind, "place" | "area") && of_after;
            // "het dorp Foo", "the village Foo": the name right after the noun and its
            // article (the Dutch order).
            let mut right_after = i + 1;
            if !of_after && i > from && self.lex.has(Sec::Articles, self.words[i - 1]) {
                while right_after < to
                    && right_after - i <= 3
                    && self.name_word(right_after)
                    && self.toks[right_after].cap
                {
                    right_after += 1;
                }
            }
            let (start, end) = if after > i + 2 && !taken(i + 2, out) {
                (i + 2, after)
            } else if right_after > i + 1 && !(i + 1..right_after).any(|k| taken(k, out)) {
                (i + 1, right_after)
            } else if s < i
                && !of_form
                && !taken(s, out)
                && !taken(i - 1, out)
                && !self.described(from, s)
                && !self.nationality(s, i)
                && !self.group_of_people(s, i)
            {
                (s, i)
            } else {
                continue;
            };
            let name = self.text[self.toks[start].start..self.toks[end - 1].end].to_string();
            // ("a neighbourhood of Foo town": Foo is a town, which the part lies in.)
            let town_after = self
                .words
                .get(end)
                .is_some_and(|w| self.lex.value(Sec::PlaceParts, w) == Some("place"));
            out.push(Candidate {
                token: start,
                end,
                known: None,
                name,
                part_of_town: part_of_town && !town_after,
                origin: self.unknown_origin(start.min(i), from),
            });
        }
    }

    /// True when the words `start..end` are all words for a country's people or things
    /// ("Ethiopian towns", "in Afghan villages"): they describe places, they name none.
    fn nationality(&self, start: usize, end: usize) -> bool {
        (start..end).all(|k| self.lex.has(Sec::Nationalities, self.words[k]))
    }

    /// True when `X <noun>` at `start..noun` names a group of people, not a place: the noun
    /// is also a word for a group the lexicon's `targets` know ("community"), and people
    /// are said to belong to it ("members of the X community", "leaders of the X community").
    fn group_of_people(&self, start: usize, noun: usize) -> bool {
        let group_noun = self.lex.value(Sec::Targets, self.words[noun]).is_some();
        let belongs = start >= 3
            && self.lex.has(Sec::Articles, self.words[start - 1])
            && Sec::GenitiveOf.in_any_language(self.words[start - 2])
            && self.lex.is_people(self.words[start - 3]);
        group_noun && belongs
    }

    /// True when the capitalised words from token `start` on describe a place rather than
    /// name it: an indefinite article before them, perhaps with an adverb between ("a
    /// Kurdish neighbourhood", "a mostly Christian village").
    fn described(&self, from: usize, start: usize) -> bool {
        let indefinite = |i: usize| self.lex.has(Sec::Indefinite, self.words[i]);
        match start.checked_sub(1).filter(|&b| b >= from) {
            Some(b) if indefinite(b) => true,
            Some(b) => {
                b > from
                    && is_word(&self.toks[b])
                    && !self.toks[b].cap
                    && !self.lex.has(Sec::Stop, self.words[b])
                    && indefinite(b - 1)
            }
            None => false,
        }
    }

    /// A name the gazetteer lacks, after a locative and before the place that holds it in
    /// brackets: "in Foo Bar (Baz)", "near Foo (Baz, Province)". The name is a place there.
    pub(super) fn named_with_container(&self, from: usize, to: usize, out: &mut Vec<Candidate>) {
        let taken = |i: usize, out: &[Candidate]| out.iter().any(|c| (c.token..c.end).contains(&i));
        for i in from + 1..to.saturating_sub(1) {
            // "(Baz)", or "(Qux, Baz)" through one more name the gazetteer lacks.
            let holder = |c: &Candidate| {
                c.known.is_some()
                    && (c.token == i + 1
                        || c.token > i + 1
                            && unknown_name_before(self.toks, i + 1, c.token).is_some())
            };
            if self.words[i] != "(" || !out.iter().any(holder) {
                continue;
            }
            // "at Foo area (Baz)", "in Foo village (Baz)": the word for its kind ends the name.
            // (Not a division's word: "Foo Upazila (Foo, Province)" is read as a division.)
            let kind_word = i > from + 1 && {
                let w = self.words[i - 1];
                is_kind_word(self.lex, w) && self.lex.value(Sec::KindAdmin, w).is_none()
            };
            let end = if kind_word { i - 1 } else { i };
            let mut s = end;
            while s > from && end - s < 5 && self.name_word(s - 1) && !taken(s - 1, out) {
                s -= 1;
            }
            // "attacked Foo (Baz, Province)": a strike verb governs it as a locative does.
            let struck = s > from && self.lex.has(Sec::StrikeVerbs, self.words[s - 1]);
            if s == end || !(self.governed(s, from) || struck) {
                continue;
            }
            out.push(Candidate {
                token: s,
                end,
                known: None,
                name: self.text[self.toks[s].start..self.toks[end - 1].end].to_string(),
                part_of_town: false,
                origin: self.unknown_origin(s, from),
            });
        }
    }

    /// A name the gazetteer lacks that a strike hit, in a known place: "shelled Foo in Bar",
    /// "troops stormed Foo Bar in Baz". The name is a place (what was shelled), in Bar. Not
    /// a person ("attacked Mayor Foo in Bar": a word for a person opens the name).
    pub(super) fn struck_in_container(&self, from: usize, to: usize, out: &mut Vec<Candidate>) {
        let taken = |i: usize, out: &[Candidate]| out.iter().any(|c| (c.token..c.end).contains(&i));
        for i in from + 1..to {
            if !self.lex.has(Sec::StrikeVerbs, self.words[i - 1])
                || !self.name_word(i)
                || !self.toks[i].cap
                || taken(i, out)
            {
                continue;
            }
            let mut end = i + 1;
            while end < to && end - i < UNKNOWN_NAME_WORDS && self.name_word(end) {
                end += 1;
            }
            let person = (i..end).any(|j| {
                self.lex.is_people(self.words[j]) || self.lex.has(Sec::OnePerson, self.words[j])
            });
            // ("shelled Foo in the southern countryside of A": the words after "in" may say
            // which part of A.)
            let after = self.past_surroundings(end, to);
            let in_known = out.iter().any(|c| {
                c.known.is_some()
                    && c.token > after
                    && in_part_of(self.lex, self.toks, after, c.token)
            });
            if person || !in_known || (i..end).any(|j| taken(j, out)) {
                continue;
            }
            out.push(self.unknown_candidate(i, end, false));
        }
    }

    /// A name the gazetteer lacks right after a locative, with nothing after it that would
    /// make it an adjective ("killed in Foo Bar on Monday", not "killed in Foo airstrikes"):
    /// a place of its own, so its counts are not put at the town of the sentences before. In
    /// a sentence that also names a known place (`known_named`) only a name that ends its
    /// clause or list item ("seven were killed in Foo, four in A"), so that its counts do
    /// not go to the known town.
    pub(super) fn named_after_locative(
        &self,
        from: usize,
        to: usize,
        recognised: &[(usize, usize)],
        known_named: bool,
        out: &mut Vec<Candidate>,
    ) {
        // Names the gazetteer knows (a speaker's town, a reference) are no unknown place.
        let taken =
            |i: usize, out: &[Candidate]| super::super::before_holder::taken_at(i, out, recognised);
        let mut i = from + 1;
        while i < to {
            let locative = self.words[i - 1];
            if !self.lex.has(Sec::Locative, locative)
                || self.lex.has(Sec::Stop, locative) && !self.lex.has(Sec::AtPlace, locative)
                || !self.name_word(i)
                // ("in al-Foo": a name with its article joined in lower case.)
                || !(self.toks[i].cap || article_then_capital(self.lex, &self.toks[i], self.text))
                || taken(i, out)
            {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < to
                && end - i < UNKNOWN_NAME_WORDS
                && self.name_word(end)
                && !taken(end, out)
            {
                end += 1;
            }
            // ("in Foo district": a division the gazetteer lacks, its word in the name.)
            let name_end = end;
            if end < to && self.lex.value(Sec::KindAdmin, self.words[end]).is_some() {
                end += 1;
            }
            let adjective = end < to
                && is_word(&self.toks[end])
                && !self.toks[end].cap
                && !self.lex.has(Sec::Stop, self.words[end])
                && !self.lex.has(Sec::Articles, self.words[end])
                && !self.lex.has(Sec::Coordinators, self.words[end])
                && !self.lex.has(Sec::Clause, self.words[end]);
            let actor = self
                .lex
                .patterns(Sec::Actors)
                .match_at(self.words, i, to)
                .is_some();
            let name = &self.text[self.toks[i].start..self.toks[end - 1].end];
            let told_before = self.told_with_incident(name);
            let closed = end == to
                || matches!(self.words[end], "," | ";" | "." | ")" | ":")
                || self.lex.has(Sec::Coordinators, self.words[end]);
            let common = (i..name_end).any(|k| is_common_word(self.words[k]));
            let plain = !known_named || closed && !common && self.counted_in(i - 1, from);
            let described = self.nationality(i, name_end);
            if plain
                && !adjective
                && !actor
                && !described
                && !told_before
                && !(i..end).any(|k| taken(k, out))
            {
                out.push(Candidate {
                    token: i,
                    end,
                    known: None,
                    name: name.to_string(),
                    part_of_town: false,
                    origin: self.governed_by_origin(i, from),
                });
            }
            i = end;
        }
    }
}

impl State<'_> {
    /// True when `name` was told in a sentence of an incident or of the place in focus ("an
    /// attack on the villages of Foo and Bar near A ... killed 4 in Foo"): it goes on where
    /// that sentence put it, unless it was only listed beside the incident's place.
    fn told_with_incident(&self, name: &str) -> bool {
        let told_in = |s: usize| {
            let sentence = &self.readings[s].sentence;
            self.text[sentence.byte_start..sentence.byte_end].contains(name)
        };
        self.out.groups.iter().any(|g| {
            g.sentences
                .iter()
                .any(|&s| told_in(s) && !self.listed_beside(s, name, g))
        }) || self.place_focus.is_some_and(|(_, s)| told_in(s))
    }

    /// True when the locative at token `at` comes right after a count, the people counted or
    /// a measure: "four in Foo", "two villagers in Foo", "seven were killed in Foo".
    fn counted_in(&self, at: usize, from: usize) -> bool {
        let Some(before) = at.checked_sub(1).filter(|&b| b >= from) else {
            return false;
        };
        let count = is_count_token(self.lex, self.toks, self.words, before)
            || self.lex.is_people(self.words[before]);
        count
            || self
                .lex
                .patterns(Sec::Measures)
                .find_all(self.words, at.saturating_sub(4).max(from), at)
                .iter()
                .any(|m| m.end == at)
    }

    /// True when sentence `s` lists the name beside the place of group `g`, as one more
    /// place ("the villages attacked were Foo, A and Bar"): A does not situate the name.
    fn listed_beside(&self, s: usize, name: &str, g: &Group) -> bool {
        let sentence = &self.readings[s].sentence;
        let place = &g.place.found;
        if !(sentence.start..sentence.end).contains(&place.start) {
            return false;
        }
        let Some(at) = (sentence.start..sentence.end)
            .find(|&k| self.text[self.toks[k].start..].starts_with(name))
        else {
            return false;
        };
        let name_end = (at..sentence.end)
            .find(|&k| self.toks[k].end >= self.toks[at].start + name.len())
            .map_or(at + 1, |k| k + 1);
        let (between, last) = if at < place.start {
            (name_end..place.start, place.end)
        } else {
            (place.end..at, name_end)
        };
        let listing = |k: &usize| {
            let w = self.words[*k];
            w == ","
                || self.lex.has(Sec::Coordinators, w)
                || self.toks[*k].cap
                || self.lex.value(Sec::PlaceParts, w).is_some()
        };
        // ("Foo, Province" holds Foo: a list has a word that joins its last item.)
        let joined = between
            .clone()
            .chain((last..sentence.end).take_while(|k| listing(k)))
            .any(|k| self.lex.has(Sec::Coordinators, self.words[k]));
        between.into_iter().all(|k| listing(&k)) && joined
    }
}
