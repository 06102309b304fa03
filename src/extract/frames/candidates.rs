//! Stage 1, ingest/extract: the place phrases of a sentence — the places the gazetteer
//! recognised, names it lacks but a place noun reveals ("Foo neighbourhood", "the village of
//! Bar"), and places named without a name ("in a northern village") — with what governs
//! them (an origin of fire, a locative).

mod unknown;

use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::super::places::{governor_end, town_like, Role};
use super::{is_word, Candidate, State};
use crate::gazetteer::EntryKind;

/// How far after a place where a party stands its firing may follow ("located in A area
/// fired").
const STANDING_TO_FIRE: usize = 10;
/// Most words from a speaker's noun to the locative of the place that closes their phrase
/// ("said a spokesman for the main hospital in A").
const SPEAKER_PHRASE_WORDS: usize = 7;

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
                // ("in eastern A": a part of the country, a regional figure's area; see
                // below for the lead.)
                Role::Country => p.plain_country || p.country_part,
                Role::Reference | Role::Mention => here && town_like(p),
            };
            // (Nor where an event years before happened: "eight years after a fire in A".)
            if dateline && !here
                || !usable
                || self.speaker_s_place(p.found.start, p.found.end, from, to)
                || self.according_to_source_in(r, p.found.start)
                || self.years_before(r, p.found.start).is_some()
            {
                continue;
            }
            // ("a Baghdad suburb": the indefinite article makes the town's name describe an
            // unnamed part of it, which lies in the town; "the Foo district" names the part.)
            let described = p.found.start > from
                && self.lex.has(Sec::Indefinite, self.words[p.found.start - 1])
                && town_like(p);
            let part = self.part_noun_after(p.found.end, to).filter(|_| !described);
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
        let known_named = out.iter().any(|c| c.known.is_some());
        self.named_after_locative(from, to, &recognised, known_named, &mut out);
        self.unnamed_places(from, to, &mut out);
        out.sort_by_key(|c| c.token);
        self.listed_origins(&mut out);
        // "Gunmen killed nine in eastern A on Monday. ... The attack took place in B.": a
        // part of a country alone in the lead, before any incident, leaves its counts to wait
        // for the town (beside another place, "B in western A", it only holds that place).
        if self.out.groups.is_empty() {
            let part = |c: &Candidate| c.known.is_some_and(|k| r.places[k].country_part);
            if out.iter().all(part) {
                out.clear();
            }
        }
        out
    }

    /// "Fifty others were injured, said a spokesman for the main hospital in A.": a place
    /// that ends the phrase naming who spoke, after the report verb that closes the
    /// sentence, is where the speaker is. Once the article has an incident, no place of
    /// the sentence's figures (before any, it may be the only sign of where they are).
    fn speaker_s_place(&self, start: usize, end: usize, from: usize, to: usize) -> bool {
        let (lex, words) = (self.lex, self.words);
        if self.out.groups.is_empty() {
            return false;
        }
        let j = governor_end(lex, words, start, from);
        if j <= from + 2 || !lex.has(Sec::Locative, words[j - 1]) {
            return false;
        }
        // (Only a kind word such as "district" and the closing stop after the place.)
        let closes = (end..to)
            .all(|k| !is_word(&self.toks[k]) || lex.value(Sec::KindAdmin, words[k]).is_some());
        let phrase_from = (j - 1).saturating_sub(SPEAKER_PHRASE_WORDS).max(from);
        let spoke = (phrase_from..j - 1)
            .rev()
            .find(|&s| lex.has(Sec::SourceNouns, words[s]));
        let told = spoke.is_some_and(|s| {
            let verb = |k: usize| lex.has(Sec::ReportVerbs, words[k]);
            let unbroken = words[s..j - 1]
                .iter()
                .all(|w| !matches!(*w, "," | ";" | ":"));
            unbroken
                && (s > from && verb(s - 1)
                    || s >= from + 2 && lex.has(Sec::Articles, words[s - 1]) && verb(s - 2))
        });
        closes && told
    }

    /// "reinforcements from A and B", "fighters from A, B and C": a name listed right after
    /// an origin is one too.
    fn listed_origins(&self, out: &mut [Candidate]) {
        for k in 1..out.len() {
            let (before, c) = (&out[k - 1], &out[k]);
            let between = self.words.get(before.end..c.token).unwrap_or_default();
            let listed = (1..=2).contains(&between.len())
                && between
                    .iter()
                    .all(|w| *w == "," || self.lex.has(Sec::Coordinators, w));
            if before.origin && listed {
                out[k].origin = true;
            }
        }
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
        // "fighters from A", "the 7th Brigade from A": where an armed party comes from (not
        // "residents from A protested", who are at A when the sentence names no other place).
        let people = |w: &str| {
            self.lex.has(Sec::GroupNouns, w)
                || self
                    .lex
                    .value(Sec::Sides, w)
                    .is_some_and(|side| side != "civilian")
        };
        if j >= from + 2
            && self.lex.has(Sec::OriginPrepositions, self.words[j - 1])
            && people(self.words[j - 2])
        {
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
                || Sec::NameWordArticles.in_any_language(&t.lower)
                || Sec::NameWordArticles.before_hyphen_in_any_language(&t.lower))
            && !self.lex.has(Sec::Stop, &t.lower)
            && !self.lex.has(Sec::Articles, &t.lower)
            && !self.lex.has(Sec::ClauseBreaks, &t.lower)
    }

    /// True when a locative ("in", "at", "on", "near") governs the name at `start`.
    pub(super) fn governed(&self, start: usize, from: usize) -> bool {
        let j = governor_end(self.lex, self.words, start, from);
        j > from
            && (self.lex.has(Sec::Locative, self.words[j - 1])
                || Sec::OnPlaces.in_any_language(self.words[j - 1]))
    }
}
