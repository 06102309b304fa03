//! Stage 1, ingest/extract: the place phrases of a sentence — the places the gazetteer
//! recognised, names it lacks but a place noun reveals ("Foo neighbourhood", "the village of
//! Bar"), and places named without a name ("in a northern village") — with what governs
//! them (an origin of fire, a locative).

use super::super::coherence::{in_part_of, is_kind_word, unknown_name_before};
use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::super::places::{governor_end, town_like, Role};
use super::super::toponyms::article_then_capital;
use super::{is_word, Candidate, State};
use crate::gazetteer::EntryKind;

/// The most words of a name the gazetteer lacks that a locative alone makes a place.
const UNKNOWN_NAME_WORDS: usize = 3;

/// How far after a place where a party stands its firing may follow ("located in A area
/// fired").
const STANDING_TO_FIRE: usize = 10;

impl State<'_> {
    /// The place phrases of a sentence, in text order.
    pub(super) fn candidates(&self, r: &Reading) -> Vec<Candidate> {
        let (from, to) = (r.sentence.start, r.sentence.end);
        let mut out: Vec<Candidate> = Vec::new();
        for (k, p) in r.places.iter().enumerate() {
            // "DAMASCUS (Reuters) -": where the report was filed; unless the sentence points
            // back to it ("... attacked police here").
            let dateline = super::super::names::dateline(self.toks, p.found.start, p.found.end);
            let here = dateline
                && (p.found.end..to).any(|j| self.lex.has(Sec::DatelineHere, self.words[j]));
            let usable = match p.role {
                Role::Event => true,
                Role::Country => p.plain_country,
                Role::Reference | Role::Mention => here && town_like(p),
            };
            if dateline && !here || !usable {
                continue;
            }
            let part = self.part_noun_after(p.found.end, to);
            let name = self.text[p.found.byte_start..p.found.byte_end].to_string();
            out.push(Candidate {
                token: p.found.start,
                end: p.found.end,
                known: (part.is_none() || p.found.entry.kind == EntryKind::Site).then_some(k),
                name,
                part_of_town: part.is_some() && p.found.entry.kind != EntryKind::Site,
                origin: self.governed_by_origin(p.found.start, from),
            });
        }
        let recognised: Vec<(usize, usize)> = r
            .places
            .iter()
            .map(|p| (p.found.start, p.found.end))
            .collect();
        self.unknown_names(from, to, &mut out);
        self.named_with_container(from, to, &mut out);
        self.struck_in_container(from, to, &mut out);
        self.named_before_holder(from, to, &recognised, &mut out);
        self.listed_after_known(r, &mut out);
        if out.iter().all(|c| c.known.is_none()) {
            self.named_after_locative(from, to, &recognised, &mut out);
        }
        self.unnamed_places(from, to, &mut out);
        out.sort_by_key(|c| c.token);
        out
    }

    /// A lexicon's `place_parts` noun for a part of a town right after a name ("X
    /// neighbourhood").
    pub(super) fn part_noun_after(&self, end: usize, to: usize) -> Option<&str> {
        (end < to)
            .then(|| self.lex.value(Sec::PlaceParts, self.words[end]))
            .flatten()
            .filter(|kind| *kind == "part")
    }

    /// True when the words governing the name (fillers skipped) say it is where fire came
    /// from ("shells fired from A", "terrorists positioned in B") or where people fled to
    /// ("took refuge in C"): not where the event happened.
    pub(super) fn governed_by_origin(&self, start: usize, from: usize) -> bool {
        let j = governor_end(self.lex, self.words, start, from);
        let ends_here = |sec: Sec| {
            self.lex
                .patterns(sec)
                .find_all(self.words, from, j)
                .into_iter()
                .find(|m| m.end == j)
        };
        if j <= from {
            return false;
        }
        if ends_here(Sec::Origin).is_some() || ends_here(Sec::Destinations).is_some() {
            return true;
        }
        // "terrorists located in A fired rockets at B": a party said to stand at A that then
        // fires; not "fired at positions located at A", where A is what was hit.
        let fire = |k: usize| self.lex.has(Sec::FireVerbs, self.words[k]);
        ends_here(Sec::Standing).is_some_and(|m| {
            let fired_before = (from..m.start).any(fire);
            let fires_after = (start + 1..self.words.len().min(start + STANDING_TO_FIRE))
                .take_while(|&k| !self.lex.has(Sec::ClauseBreaks, self.words[k]))
                .any(fire);
            !fired_before && fires_after
        })
    }

    /// True when a name the gazetteer lacks comes right after a word for where people or
    /// things come from ("nine people from the Foo community", "fighters from Bar"): an
    /// origin, neither the event's place nor a reason to leave a figure unattached.
    fn unknown_origin(&self, start: usize, from: usize) -> bool {
        let j = governor_end(self.lex, self.words, start, from);
        self.governed_by_origin(start, from)
            || j > from && self.lex.has(Sec::OriginPrepositions, self.words[j - 1])
    }

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
            if self.words.get(i + 1) == Some(&"of") {
                while after < to && after - i < 6 && self.name_word(after) {
                    after += 1;
                }
            }
            // "the Syrian town of X" names X; "the Foo neighbourhood of X" names Foo.
            let of_form = matches!(kind, "place" | "area") && self.words.get(i + 1) == Some(&"of");
            let (start, end) = if after > i + 2 && !taken(i + 2, out) {
                (i + 2, after)
            } else if s < i
                && !of_form
                && !taken(s, out)
                && !taken(i - 1, out)
                && !self.described(from, s)
                && !self.group_of_people(s, i)
            {
                (s, i)
            } else {
                continue;
            };
            let name = self.text[self.toks[start].start..self.toks[end - 1].end].to_string();
            out.push(Candidate {
                token: start,
                end,
                known: None,
                name,
                part_of_town,
                origin: self.unknown_origin(start.min(i), from),
            });
        }
    }

    /// True when "X <noun>" at `start..noun` names a group of people, not a place: the noun
    /// is also a word for a group the lexicon's `targets` know ("community"), and people
    /// are said to belong to it ("members of the X community", "leaders of the X community").
    fn group_of_people(&self, start: usize, noun: usize) -> bool {
        let group_noun = self.lex.value(Sec::Targets, self.words[noun]).is_some();
        let belongs = start >= 3
            && self.lex.has(Sec::Articles, self.words[start - 1])
            && matches!(self.words[start - 2], "of" | "van")
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

    /// In a sentence that names no known place, a name the gazetteer lacks right after a
    /// locative, with nothing after it that would make it an adjective ("killed in Foo Bar on
    /// Monday", not "killed in Foo airstrikes"): a place of its own, so its counts are not
    /// put at the town of the sentences before.
    pub(super) fn named_after_locative(
        &self,
        from: usize,
        to: usize,
        recognised: &[(usize, usize)],
        out: &mut Vec<Candidate>,
    ) {
        // Names the gazetteer knows (a speaker's town, a reference) are no unknown place.
        let taken =
            |i: usize, out: &[Candidate]| super::before_holder::taken_at(i, out, recognised);
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
            let adjective = end < to
                && is_word(&self.toks[end])
                && !self.toks[end].cap
                && !self.lex.has(Sec::Stop, self.words[end])
                && !self.lex.has(Sec::Articles, self.words[end])
                && !self.lex.has(Sec::Clause, self.words[end]);
            let actor = self
                .lex
                .patterns(Sec::Actors)
                .match_at(self.words, i, to)
                .is_some();
            let name = &self.text[self.toks[i].start..self.toks[end - 1].end];
            // A name told with an incident ("an attack on the villages of Foo and Bar near A
            // ... killed 4 in Foo") goes on where that sentence put it.
            let told_in = |s: usize| {
                let sentence = &self.readings[s].sentence;
                self.text[sentence.byte_start..sentence.byte_end].contains(name)
            };
            let told_before = self
                .out
                .groups
                .iter()
                .any(|g| g.sentences.iter().any(|&s| told_in(s)))
                || self.place_focus.is_some_and(|(_, s)| told_in(s));
            if !adjective && !actor && !told_before && !(i..end).any(|k| taken(k, out)) {
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

    /// Places named without a name: "in a northern village", "at an area near ...". Figures
    /// there are tied to no known place.
    pub(super) fn unnamed_places(&self, from: usize, to: usize, out: &mut Vec<Candidate>) {
        for i in from + 1..to {
            // "in a market in A": a facility is in the town named with it.
            if matches!(
                self.lex.value(Sec::PlaceParts, self.words[i]),
                None | Some("site")
            ) {
                continue;
            }
            let article = (i.saturating_sub(3).max(from)..i)
                .find(|&j| self.lex.has(Sec::Indefinite, self.words[j]));
            let Some(a) = article else { continue };
            let locative = a > from && self.lex.has(Sec::Locative, self.words[a - 1]);
            // ("a mostly Kurdish neighbourhood": a capitalised adjective describes it.)
            let plain = (a + 1..i).all(|j| is_word(&self.toks[j]));
            if locative && plain {
                out.push(Candidate {
                    token: a,
                    end: i + 1,
                    known: None,
                    name: self.text[self.toks[a].start..self.toks[i].end].to_string(),
                    part_of_town: false,
                    origin: false,
                });
            }
        }
    }

    /// A place the gazetteer lacks, named by tokens `start..end`, no part of a town.
    pub(super) fn unknown_candidate(&self, start: usize, end: usize, origin: bool) -> Candidate {
        Candidate {
            token: start,
            end,
            known: None,
            name: self.text[self.toks[start].start..self.toks[end - 1].end].to_string(),
            part_of_town: false,
            origin,
        }
    }

    /// A word that can be part of a proper name: capitalised, or an Arabic article or a
    /// particle inside a name ("al-Zahraa", "Bab al Faraj").
    pub(super) fn name_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        is_word(t)
            && (super::super::toponyms::cased(t, self.text)
                || t.lower.starts_with("al-")
                || t.lower.starts_with("el-")
                || matches!(t.lower.as_str(), "al" | "el" | "ad" | "ar" | "as" | "ash"))
            && !self.lex.has(Sec::Stop, &t.lower)
            && !self.lex.has(Sec::Articles, &t.lower)
            && !self.lex.has(Sec::ClauseBreaks, &t.lower)
    }

    /// True when a locative ("in", "at", "on", "near") governs the name at `start`.
    pub(super) fn governed(&self, start: usize, from: usize) -> bool {
        let j = governor_end(self.lex, self.words, start, from);
        j > from && (self.lex.has(Sec::Locative, self.words[j - 1]) || self.words[j - 1] == "on")
    }
}
