//! Stage 1, extract: a count told again later in the article ("rocket attacks killed 10 and
//! injured 41 in A ... the hospital director said 10 bodies and 41 wounded arrived"): when
//! the later sentence names no place, its figures are the same figures with another source,
//! not figures without a place. They join the one incident that already holds every one of
//! them (the same measure and the same value), and only when exactly one does. So do counts
//! that only tell a regional figure again ("In the region, one civilian was killed and eight
//! injured in the past day ... A person died and eight more were injured"): regional too.

use super::super::figures::{FigureMention, PartOf};
use super::super::incidents::{Group, Reading};
use super::super::lexicon::Sec;
use super::cues::PERIOD_TOTAL;
use super::State;

impl State<'_> {
    /// The one incident that already holds every measured figure at tokens `first..=last`
    /// of `r`, if exactly one does.
    pub(super) fn restated(&self, r: &Reading, first: usize, last: usize) -> Option<usize> {
        let figures: Vec<_> = measured(r, first, last).collect();
        // ("A child was killed in A. ... She and her daughter are dead": "her daughter" is
        // someone else's relative, no child named before.)
        if figures.iter().any(|f| f.one_person && self.new_person(f)) {
            return None;
        }
        if figures.is_empty() {
            return None;
        }
        let holds_all = |g: &Group| figures.iter().all(|f| self.holds_count(g, f));
        let mut holding = self
            .out
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| holds_all(g))
            .map(|(i, _)| i);
        let g = holding.next()?;
        holding.next().is_none().then_some(g)
    }

    /// True when group `g` already holds a figure of the same measure and value as `f`.
    pub(super) fn holds_count(&self, g: &Group, f: &FigureMention) -> bool {
        g.figures.iter().any(|&(si, fi)| {
            let held = &self.readings[si].figures[fi];
            held.measure == f.measure && held.claim.value == f.claim.value
        })
    }

    /// The area and reason of the totals over a period told before that the measured figures
    /// at tokens `first..=last` of `r` all tell again (the same measure and the same value).
    pub(super) fn restated_regional(
        &self,
        r: &Reading,
        first: usize,
        last: usize,
    ) -> Option<(Option<String>, String)> {
        let mut figures = measured(r, first, last).peekable();
        figures.peek()?;
        let mut told = None;
        for f in figures {
            let (_, _, why, area) = self.out.regional.iter().find(|(si, fi, why, _)| {
                let held = &self.readings[*si].figures[*fi];
                why.starts_with(PERIOD_TOTAL)
                    && held.measure == f.measure
                    && held.claim.value == f.claim.value
            })?;
            told.get_or_insert((area.clone(), why.clone()));
        }
        told
    }

    /// True when one person's figure names a relation of someone ("her daughter", "his
    /// wife"): a person of their own, not one named before as "a child" or "the victim"
    /// ("killing him", "the man" refer back).
    fn new_person(&self, f: &FigureMention) -> bool {
        let Some(w) = self.words.get(f.token) else {
            return false;
        };
        let possessive =
            self.lex.has(Sec::SingularDeterminers, w) && !self.lex.has(Sec::Articles, w);
        possessive && f.subject.is_some()
    }
}

/// The measured figures of `r` at tokens `first..=last` that are no part of another.
fn measured(r: &Reading, first: usize, last: usize) -> impl Iterator<Item = &FigureMention> {
    r.figures
        .iter()
        .filter(move |f| f.token >= first && f.token <= last)
        .filter(|f| f.part_of == PartOf::None && f.measure.is_some())
}
