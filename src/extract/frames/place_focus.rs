//! Stage 1, ingest/extract: a sentence without figures that names one event place moves the
//! focus there, so that the figures of the sentences after it go to that place ("The prison
//! in A is one of the largest. About 5,000 are held there.").

use super::super::incidents::Reading;
use super::super::lexicon::{Lexicon, Sec};
use super::super::places::Role;
use super::{push_unique, town_like, Candidate, State};
use crate::gazetteer::EntryKind;
use crate::model::GeoPrecision;

impl State<'_> {
    /// A sentence without figures that names one event place moves the focus there ("The
    /// prison in A is one of the largest. About 5,000 are held there.").
    pub(super) fn place_focus(&mut self, si: usize, cands: &[Candidate]) {
        // "Later a convoy was attacked in the north of the country.": the story moves away.
        if !self.out.groups.is_empty()
            && self.focus_towns(si, cands).is_empty()
            && self.new_event_in_another_part(si)
        {
            self.focus = None;
            self.place_focus = None;
            self.moved_away = Some(si);
            return;
        }
        if cands.iter().all(|c| c.origin) {
            // Context for the incident last spoken of (statements, actors, mentions),
            // unless dated apart from it.
            self.context_for_focus(si);
            return;
        }
        let towns = self.focus_towns(si, cands);
        let unknown = self.unknown_besides(si, cands, &towns);
        if towns.is_empty() && !unknown {
            // Only a province or a country named: context for the incident last spoken of.
            self.context_for_focus(si);
        }
        if let ([k], false) = (towns.as_slice(), unknown) {
            self.focus_on_town(si, *k);
        }
    }

    /// The towns (places of sentence `si`) that may take the focus.
    ///
    /// A place that only situates ("east of A") does not move the focus; nor does a
    /// country named beside a town. What happened near a town or at a site of it ("a
    /// bomb near the A hospital") does when the sentence names no town itself.
    /// "in A (B District)": the district only holds A (see `holds`).
    pub(super) fn focus_towns(&self, si: usize, cands: &[Candidate]) -> Vec<usize> {
        let r = &self.readings[si];
        let held = |i: usize| i > 0 && self.holds(r, &cands[i - 1], &cands[i]);
        let known_towns = |near: bool| -> Vec<usize> {
            cands
                .iter()
                .enumerate()
                .filter(|&(i, c)| !c.origin && !held(i))
                .filter_map(|(_, c)| c.known)
                .filter(|&k| !self.speaker_s_town(si, k))
                .filter(|&k| {
                    let p = &self.readings[si].places[k];
                    town_like(p)
                        && (p.precision != GeoPrecision::NearTown
                            || near && p.role == Role::Event && p.offset.is_none())
                })
                .collect()
        };
        let mut towns = known_towns(false);
        if towns.is_empty() {
            towns = known_towns(true);
        }
        towns.dedup_by_key(|k| self.readings[si].places[*k].found.entry.id.clone());
        towns
    }

    /// True when sentence `si` also names a place the gazetteer lacks that is no part of its
    /// one town `towns`: a second place, so the focus stays where it was.
    fn unknown_besides(&self, si: usize, cands: &[Candidate], towns: &[usize]) -> bool {
        // A neighbourhood the gazetteer lacks lies in the town named with it; so does any
        // place of a sentence that opens in one town ("In A, Province, ... in Foo village").
        let framed = towns.len() == 1 && self.opens_in_town(si, cands);
        // "in Foo (A)": the name lies by the town named right after it.
        let by_town = |c: &Candidate| {
            cands.iter().any(|x| {
                x.known.is_some_and(|k| towns.contains(&k))
                    && x.token >= c.end
                    && x.token - c.end <= 3
            })
        };
        // "in A, A Commune": a place of the town's name named with the town is the town's own
        // (its commune, district or municipality), no second place.
        let named_after_town = |c: &Candidate| {
            cands.iter().any(|x| {
                let len = x.end - x.token;
                x.known.is_some_and(|k| towns.contains(&k))
                    && c.end >= c.token + len
                    && self.words[c.token..c.token + len] == self.words[x.token..x.end]
            })
        };
        cands.iter().any(|c| {
            c.known.is_none()
                && !c.origin
                && !(towns.len() == 1
                    && (c.part_of_town || framed || by_town(c) || named_after_town(c)))
        })
    }

    /// The focus moves to the one town `k` of sentence `si` (and to its incident, when it
    /// has one).
    fn focus_on_town(&mut self, si: usize, k: usize) {
        // "shelled Foo in A. No one was hurt.": the incident at Foo, in A, that this
        // sentence opened stays in focus.
        let id = &self.readings[si].places[k].found.entry.id;
        let at_part = self.out.groups.iter().position(|g| {
            g.subplace.is_some() && &g.place.found.entry.id == id && g.sentences.contains(&si)
        });
        if let Some(g) = at_part {
            self.focus = Some((g, si));
            return;
        }
        // ("... since the war began in April last year, with fighting in A." A town of a
        // sentence dated days away from the incident in focus is of another time: the
        // focus stays.)
        if self.focus.is_some_and(|(g, _)| self.dated_apart(g, si)) {
            return;
        }
        self.place_focus = Some(((si, k), si));
        // (Not an incident there of another time: "A was captured in May" is not today's.)
        if let Some(g) = self
            .existing_group(si, k)
            .filter(|&g| !self.dated_apart(g, si))
        {
            push_unique(&mut self.out.groups[g].sentences, si);
            self.focus = Some((g, si));
        }
    }

    /// Sentence `si` joins the incident in focus as context, unless its dates lie days away
    /// from the incident's (another event of another time).
    fn context_for_focus(&mut self, si: usize) {
        if let Some((g, _)) = self.focus {
            if !self.dated_apart(g, si) {
                push_unique(&mut self.out.groups[g].sentences, si);
            }
        }
    }

    /// The sentence's first place is a town after a locative, followed by the division
    /// that holds it: "On Monday, in A, Province, ...".
    fn opens_in_town(&self, si: usize, cands: &[Candidate]) -> bool {
        let r = &self.readings[si];
        let (Some(first), Some(second)) = (cands.first(), cands.get(1)) else {
            return false;
        };
        let town = first.known.is_some_and(|k| town_like(&r.places[k]));
        let holder = second.known.is_some_and(|k| {
            matches!(
                r.places[k].found.entry.kind,
                EntryKind::Admin1 | EntryKind::Country
            )
        });
        town && holder
            && second.token == first.end + 1
            && matches!(self.words[first.end], "," | "(")
            && self.governed(first.token, r.sentence.start)
    }

    /// True when place `k` of sentence `si` only says where a source of an incident told
    /// before is ("A security official in A confirmed the attack"): a source noun and a
    /// locative before it, a report verb after it, and the event told again with the
    /// definite article. No incident and no focus there.
    pub(super) fn speaker_s_town(&self, si: usize, k: usize) -> bool {
        let r = &self.readings[si];
        let m = &r.places[k].found;
        let (lex, words) = (self.lex, self.words);
        let located = self.source_noun_before(r, m.start).is_some();
        let speaks = (m.end..r.sentence.end).any(|j| lex.has(Sec::ReportVerbs, words[j]));
        located && speaks && !self.out.groups.is_empty() && self.tells_the_event_again(si)
    }

    /// True when the place at token `start` of sentence `r` only says where the source
    /// of an event told before is, the source given with a source preposition ("according to
    /// a health official in A, the nurse was killed in the attack", "volgens een functionaris
    /// in A"): after the article's first sentence, with the event told again with the
    /// definite article. Neither a place of the sentence's figures nor an incident.
    pub(super) fn according_to_source_in(&self, r: &Reading, start: usize) -> bool {
        let (lex, words, from) = (self.lex, self.words, r.sentence.start);
        let first = self
            .readings
            .first()
            .is_none_or(|f| f.sentence.start == from);
        let Some(noun) = self.source_noun_before(r, start) else {
            return false;
        };
        let introduced = || {
            lex.patterns(Sec::SourcePrepositions)
                .find_all(words, from, noun)
                .iter()
                .any(|p| noun - p.end <= SOURCE_WORDS)
        };
        !first && introduced() && self.tells_again_in(from, r.sentence.end)
    }

    /// The token of the source noun that a locative joins to the place at token `start` of
    /// sentence `r` ("an official in A", "een gezondheidsfunctionaris in A").
    fn source_noun_before(&self, r: &Reading, start: usize) -> Option<usize> {
        let (lex, words) = (self.lex, self.words);
        start
            .checked_sub(2)
            .filter(|&n| n >= r.sentence.start)
            .filter(|&n| lex.has(Sec::Locative, words[n + 1]) && source_noun(lex, words[n]))
    }
}

/// How many words (an article, adjectives) may stand between a source preposition and the
/// source noun ("according to a senior health official").
const SOURCE_WORDS: usize = 3;

/// True when `word` names a source: a `source_nouns` word, or a compound ending in one
/// ("gezondheidsfunctionaris", a health official).
fn source_noun(lex: &Lexicon, word: &str) -> bool {
    lex.has(Sec::SourceNouns, word)
        || lex.section(Sec::SourceNouns).is_some_and(|s| {
            s.words
                .iter()
                .any(|n| n.len() >= 5 && word.len() > n.len() + 2 && word.ends_with(n.as_str()))
        })
}
