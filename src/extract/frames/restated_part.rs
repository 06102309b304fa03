//! Stage 1, extract: a part of a town told again with the counts of the town's incident
//! ("seven were killed and 25 wounded in A ... the missile hit the Foo market in the centre
//! of the city, killing seven and wounding 25"). The part the gazetteer lacks makes an
//! incident of its own at the town's coordinates; when it is the only part of that town in
//! the article and every count it holds is a count of the town's incident (the same measure
//! and the same value), on days that do not lie apart, it is that incident told again, not
//! a second event: its sentences and counts join the town's incident. Two parts of a town
//! with their own counts stay apart (and the town's figure is then their total, see
//! `town_totals`).

use super::super::incidents::Group;
use super::State;

impl State<'_> {
    /// Joins the one named part of a town whose counts all restate the town's incident to
    /// that incident.
    pub(super) fn restated_parts(&mut self) {
        let mut joined = Vec::new();
        for gi in 0..self.out.groups.len() {
            let Some(ti) = self.town_of_part(gi) else {
                continue;
            };
            let moved: Vec<(usize, usize)> = self.out.groups[gi].figures.clone();
            let sentences: Vec<usize> = self.out.groups[gi].sentences.clone();
            let town = &mut self.out.groups[ti];
            town.figures.extend(moved);
            for si in sentences {
                super::push_unique(&mut town.sentences, si);
            }
            town.sentences.sort_unstable();
            joined.push(gi);
        }
        for gi in joined.into_iter().rev() {
            self.out.groups.remove(gi);
        }
    }

    /// The town incident group `gi` restates, when `gi` is the only named part of that town
    /// and each of its counts is one of the town incident's.
    fn town_of_part(&self, gi: usize) -> Option<usize> {
        let groups = &self.out.groups;
        let part = &groups[gi];
        part.subplace.as_ref()?;
        let id = &part.place.found.entry.id;
        let parts = groups
            .iter()
            .filter(|g| g.subplace.is_some() && &g.place.found.entry.id == id)
            .count();
        if parts != 1 || part.figures.is_empty() {
            return None;
        }
        let ti = groups
            .iter()
            .position(|g| g.subplace.is_none() && &g.place.found.entry.id == id)?;
        let restates = part.figures.iter().all(|&f| self.held_by(&groups[ti], f));
        let apart = part.sentences.iter().any(|&si| self.dated_apart(ti, si));
        (restates && !apart).then_some(ti)
    }

    /// True when group `g` holds a figure of the same measure and value as figure `fi` of
    /// sentence `si`.
    fn held_by(&self, g: &Group, (si, fi): (usize, usize)) -> bool {
        let f = &self.readings[si].figures[fi];
        f.measure.is_some() && self.holds_count(g, f)
    }
}
