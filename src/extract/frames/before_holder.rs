//! Stage 1, extract: a name the gazetteer lacks (or has only abroad), governed by a
//! locative and followed by the known place that holds it: "killed a man in Foo in Bar
//! province", "protested in Foo del Mar, Bar state", "arrested in Foo city in Bar", "an
//! attack in Foo district, Bar", "shelled in Foo, the province of Bar". The name is a place
//! there; the incident is put at the holder, at the holder's precision, not dropped and not
//! at the holder's capital.

use super::super::coherence::{division_of, in_part_of, is_kind_word};
use super::super::lexicon::Sec;
use super::super::toponyms::{article_then_capital, is_common_word};
use super::{Candidate, State};

/// The most words of such a name (particles included).
const NAME_WORDS: usize = 4;

impl State<'_> {
    /// Candidates for the names described above, in `from..to` (a sentence), among `out`
    /// (the known places and the names found so far).
    pub(super) fn named_before_holder(
        &self,
        from: usize,
        to: usize,
        recognised: &[(usize, usize)],
        out: &mut Vec<Candidate>,
    ) {
        // (A place the sentence names though not as where things happened, "in Country's
        // northern province of Bar", is no name the gazetteer lacks.)
        let taken = |i: usize, out: &[Candidate]| taken_at(i, out, recognised);
        let mut i = from + 1;
        while i < to {
            let locative = self.words[i - 1];
            // ("shells fell on Foo in Bar": what was hit, held like a place "in" it.)
            let governed = self.lex.has(Sec::Locative, locative)
                && (!self.lex.has(Sec::Stop, locative) || self.lex.has(Sec::AtPlace, locative))
                || Sec::OnPlaces.in_any_language(locative) && self.strike_before(from, i - 1);
            if !governed || !self.starts_name(i) || taken(i, out) {
                i += 1;
                continue;
            }
            // ("Foo del Bar": a particle inside the name, before a capitalised word.)
            let particle = |j: usize| {
                self.lex.has(Sec::NameParticles, self.words[j])
                    && self.toks.get(j + 1).is_some_and(|t| t.cap)
            };
            let mut end = i + 1;
            while end < to
                && end - i < NAME_WORDS
                && (self.name_word(end) || particle(end))
                && !taken(end, out)
            {
                end += 1;
            }
            // "in Foo in Bar", "in Foo, Bar", "in Foo city in Bar": the holder known, right
            // after.
            let noun = self
                .words
                .get(end)
                .is_some_and(|w| is_kind_word(self.lex, w));
            let gap = if noun { end + 1 } else { end };
            let gap = self.past_surroundings(gap, to);
            // ("in Foo western Bar province": a comma lost before a compass word.)
            let compass = self
                .words
                .get(gap)
                .is_some_and(|w| self.lex.has(Sec::Directional, w));
            let joined = self
                .words
                .get(gap)
                .is_some_and(|w| *w == "," || Sec::HolderJoiners.in_any_language(w))
                || compass;
            let opened = if compass { gap } else { gap + 1 };
            // ("in Foo in the western countryside of Bar", "in Foo in eastern Bar", "in Foo,
            // western Bar": the words after "in" or the comma only say which part of Bar.)
            let holds = |c: &Candidate| {
                c.known.is_some()
                    && (c.token == gap + 1
                        || c.token > gap && in_part_of(self.lex, self.toks, gap, c.token)
                        || c.token > opened && self.qualifiers_only(opened, c.token))
            };
            // ("in Foo, the province of Bar", "in Foo the province of Bar": in apposition.)
            let comma = usize::from(self.words.get(gap) == Some(&","));
            let apposed = |c: &Candidate| {
                c.known.is_some() && division_of(self.lex, self.toks, gap + comma, c.token)
            };
            let held = joined && out.iter().any(holds) || out.iter().any(apposed);
            if held && !self.no_place_name(i, end, to) {
                let origin = self.governed_by_origin(i, from);
                out.push(self.unknown_candidate(i, end, origin));
            }
            i = end;
        }
    }

    /// True when a strike, its weapon or its verb stands in the two words before token `on`
    /// ("shells fell on", "air strikes on", "bombed on"): what comes after "on" was hit. Not
    /// "wrote on Twitter", "said on Facebook".
    fn strike_before(&self, from: usize, on: usize) -> bool {
        let struck = |k: usize| {
            self.lex.has(Sec::StrikeVerbs, self.words[k])
                || self.lex.has(Sec::Things, self.words[k])
        };
        let event = self
            .lex
            .patterns(Sec::Events)
            .find_all(self.words, on.saturating_sub(3).max(from), on)
            .iter()
            .any(|m| m.end + 2 >= on);
        event || (on.saturating_sub(2).max(from)..on).any(struck)
    }

    /// Where the words after token `at` go on past "and its surroundings", "and
    /// surrounding areas" (a `several_places` phrase right after a name): "shelled Foo and
    /// its outskirts in Bar" still puts Foo in Bar.
    pub(super) fn past_surroundings(&self, at: usize, to: usize) -> usize {
        self.lex
            .patterns(Sec::SeveralPlaces)
            .match_at(self.words, at, to)
            .map_or(at, |m| m.end)
    }

    /// True when the words `from..to` are only compass words, area qualifiers and articles
    /// ("western", "the rural"): they say which part of the place after them.
    fn qualifiers_only(&self, from: usize, to: usize) -> bool {
        self.words[from..to].iter().all(|w| {
            self.lex.has(Sec::Directional, w)
                || self.lex.has(Sec::AreaQualifiers, w)
                || self.lex.has(Sec::Articles, w)
        })
    }

    /// True when token `i` may open a place's name: a capitalised name word (or an article
    /// compound before a capital, "al-Bara"), no day or month.
    pub(super) fn starts_name(&self, i: usize) -> bool {
        let w = self.words[i];
        self.name_word(i)
            && (self.toks[i].cap || article_then_capital(self.lex, &self.toks[i], self.text))
            && self.lex.value(Sec::Weekdays, w).is_none()
            && self.lex.value(Sec::Months, w).is_none()
    }

    /// True when the words `i..end` name people or a party, or end with a common word written
    /// with a capital, not a place ("in Police custody", "in Hezbollah strongholds", a headline's
    /// "Killed in Terrorist Attacks in Aleppo").
    pub(super) fn no_place_name(&self, i: usize, end: usize, to: usize) -> bool {
        let people = (i..end).any(|j| {
            self.lex.is_people(self.words[j])
                || self.lex.has(Sec::OnePerson, self.words[j])
                || self.lex.has(Sec::Nationalities, self.words[j])
        });
        // (A common word last, as in a headline's "Terrorist Attacks": a common noun, not a
        // name; "El Junquito" and "Eastern Ghariyeh" are names.)
        // (A month's name last is a word of the name: "Kafr Jan"; `starts_name` keeps dates
        // out.)
        let last = self.words[end - 1];
        let common = is_common_word(last) && self.lex.value(Sec::Months, last).is_none();
        let actor = self
            .lex
            .patterns(Sec::Actors)
            .match_at(self.words, i, to)
            .is_some();
        people || common || actor
    }
}

/// True when token `i` lies in a candidate of `out` or in a place the sentence names
/// (`recognised`, token spans): no start of a name the gazetteer lacks.
pub(super) fn taken_at(i: usize, out: &[Candidate], recognised: &[(usize, usize)]) -> bool {
    out.iter().any(|c| (c.token..c.end).contains(&i))
        || recognised.iter().any(|&(s, e)| (s..e).contains(&i))
}
