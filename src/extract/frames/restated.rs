//! Stage 1, extract: a count told again later in the article ("rocket attacks killed 10 and
//! injured 41 in A ... the hospital director said 10 bodies and 41 wounded arrived"): when
//! the later sentence names no place, its figures are the same figures with another source,
//! not figures without a place. They join the one incident that already holds every one of
//! them (the same measure and the same value), and only when exactly one does.

use super::super::figures::{FigureMention, PartOf};
use super::super::incidents::{Group, Reading};
use super::super::lexicon::Sec;
use super::State;

impl State<'_> {
    /// The one incident that already holds every measured figure at tokens `first..=last`
    /// of `r`, if exactly one does.
    pub(super) fn restated(&self, r: &Reading, first: usize, last: usize) -> Option<usize> {
        let figures: Vec<_> = r
            .figures
            .iter()
            .filter(|f| f.token >= first && f.token <= last)
            .filter(|f| f.part_of == PartOf::None && f.measure.is_some())
            .collect();
        // ("A child was killed in A. ... She and her daughter are dead": "her daughter" is
        // someone else's relative, no child named before.)
        if figures.iter().any(|f| f.one_person && self.new_person(f)) {
            return None;
        }
        if figures.is_empty() {
            return None;
        }
        let holds_all = |g: &Group| {
            figures.iter().all(|f| {
                g.figures.iter().any(|&(si, fi)| {
                    let held = &self.readings[si].figures[fi];
                    held.measure == f.measure && held.claim.value == f.claim.value
                })
            })
        };
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
