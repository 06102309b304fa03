//! Stage 1, ingest/extract: which place a cluster of figures belongs to. The place phrase of
//! the figures' own clause wins: the first one after them ("killed in A"), else the last one
//! before them ("In A, five were killed"). What the chosen phrase stands for (a town, a part
//! of one, a division, a name the gazetteer lacks) is read in `target`.

use super::super::incidents::Reading;
use super::super::lexicon::{Lexicon, Sec};
use super::{town_like, Candidate, State, Target, FORWARD_WORDS};
use crate::gazetteer::EntryKind;

impl State<'_> {
    /// The target of the figures at tokens `first..=last` of sentence `si`.
    pub(super) fn target(
        &self,
        si: usize,
        r: &Reading,
        cands: &[Candidate],
        first: usize,
        last: usize,
    ) -> Target {
        let usable: Vec<&Candidate> = cands.iter().filter(|c| !c.origin).collect();
        // A place after another count of the same measure is that count's ("19 were killed,
        // hours after an attack left dozens dead in A").
        let others =
            |c: &&Candidate| c.token > last && self.own_count_between(r, (first, last), c.token);
        let free: Vec<&Candidate> = usable.iter().copied().filter(|c| !others(c)).collect();
        let forward = usable.iter().position(|c| {
            c.token > last
                && c.token - last <= FORWARD_WORDS
                && !self.breaks(last, c.token)
                && !others(c)
        });
        let back = usable
            .iter()
            .rposition(|c| c.end <= first && !self.breaks(c.end, first));
        // "... days after a bombing killed 120": with no place of its own, a figure of an
        // earlier event is no figure of the incident in focus.
        if forward.is_none() && back.is_none() {
            if let Some(why) = self.earlier_event(r, first) {
                return Target::Nowhere { why };
            }
        }
        // "... killed 26 people in the province": a division named after the figures, with
        // no place between, is where they are; with no place at all, one named before.
        if forward.is_none() {
            let look_back = back.is_none();
            if let Some(why) = self.definite_division(r, (first, last), look_back) {
                return Target::Regional { area: None, why };
            }
        }
        let chosen = match (forward, back) {
            (Some(f), Some(b))
                if self.opens_sentence(r, usable[b]) && self.turns(last, usable[f]) =>
            {
                b
            }
            (Some(f), _) => f,
            (None, Some(b)) => b,
            (None, None) => {
                // "19 were killed in raids on several towns east of the capital": a total
                // over places the clause does not name, not a count of the incident in focus.
                let reach = (last + FORWARD_WORDS).min(r.sentence.end);
                let end = (last + 1..reach)
                    .find(|&k| self.breaks(last, k))
                    .unwrap_or(reach);
                // (Or counts that tell a regional figure again.)
                let regional = (self.several_places(r, first, end).map(|why| (None, why)))
                    .or_else(|| self.restated_regional(r, first, last));
                if let Some((area, why)) = regional {
                    return Target::Regional { area, why };
                }
                let t = if usable.is_empty() {
                    self.no_place_at_all(si, r)
                } else if free.is_empty() {
                    Target::Nowhere {
                        why: "the only place named is another count's".into(),
                    }
                } else {
                    self.no_place_in_clause(si, r, &free)
                };
                // The same count told again with no place of its own.
                return match t {
                    Target::Nowhere { .. } => {
                        self.restated(r, first, last).map_or(t, Target::Focus)
                    }
                    t => t,
                };
            }
        };
        let t = self.placed_at(si, r, &usable, chosen, (first, last));
        self.told_again_for_a_part(r, usable[chosen], t, (first, last))
    }

    /// "... attacked the village of A in B province. At least 12 civilians were killed in
    /// northwestern Country": the counts an incident holds, told again for a part of the
    /// country (`c`, where target `t` put them), are that incident's.
    fn told_again_for_a_part(
        &self,
        r: &Reading,
        c: &Candidate,
        t: Target,
        (first, last): (usize, usize),
    ) -> Target {
        let part = c.known.is_some_and(|k| r.places[k].country_part);
        match t {
            Target::Regional { .. } if part => {
                self.restated(r, first, last).map_or(t, Target::Focus)
            }
            t => t,
        }
    }

    /// The target of figures whose clause names no place though their sentence does: the
    /// incident in focus when the sentence names its place too, else the sentence's one town
    /// when nothing is in focus ("1 policeman was shot dead while shopping in A").
    fn no_place_in_clause(&self, si: usize, r: &Reading, usable: &[&Candidate]) -> Target {
        let named = |g: &usize| {
            let id = &self.out.groups[*g].place.found.entry.id;
            usable
                .iter()
                .any(|c| c.known.is_some_and(|k| &r.places[k].found.entry.id == id))
        };
        if let Some(g) = self.focus_group(si).filter(named) {
            return Target::Focus(g);
        }
        if let Some(only) = self.sole_town(r, usable).filter(|_| self.focus.is_none()) {
            return self.resolve(si, r, usable, only);
        }
        Target::Nowhere {
            why: "no place named before or after the figure in its clause".into(),
        }
    }

    /// The target of figures whose clause names the place `usable[chosen]`: a total over
    /// several places, the town a division after it holds, or that place.
    fn placed_at(
        &self,
        si: usize,
        r: &Reading,
        usable: &[&Candidate],
        chosen: usize,
        (first, last): (usize, usize),
    ) -> Target {
        let c = usable[chosen];
        if let Some(why) = self.several_places(r, first.min(c.token), last.max(c.end)) {
            return Target::Regional { area: None, why };
        }
        let division = |c: &Candidate| {
            c.known.is_some_and(|k| {
                matches!(
                    r.places[k].found.entry.kind,
                    EntryKind::Admin1 | EntryKind::Country | EntryKind::Region
                )
            })
        };
        // "Dadri, Gautam Buddha Nagar", "Foo (Bar District)": after a comma or a bracket, a district
        // or the province a place lies in holds it; it is not a second place.
        let holds = |a: &Candidate, b: &Candidate| division(b) || self.holds(r, a, b);
        // "attacked a village in A state, killing seven": the village the lead names next.
        if let Some(lead) = self.unnamed_settlement_in(r, usable, chosen) {
            return lead;
        }
        // "X (District, Province)", "X, Province": the division only says where X lies.
        let chosen = if division(c) {
            // ("in A's provincial capital B": at B.)
            self.capital_named_after(r, usable, chosen)
                .or_else(|| {
                    usable[..chosen]
                        .iter()
                        .rposition(|x| {
                            x.known.is_some_and(|k| town_like(&r.places[k]))
                                && c.token >= x.end
                                && c.token - x.end <= 6
                        })
                        .or_else(|| self.unknown_held(r, usable, chosen))
                })
                .unwrap_or(chosen)
        } else if chosen > 0 && self.holds(r, usable[chosen - 1], c) {
            chosen - 1
        } else if chosen > 0 && self.unknown_in(usable[chosen - 1], c) {
            // "shelled Foo in A", "Foo village in A": the event is at Foo, in A.
            chosen - 1
        } else {
            chosen
        };
        if let Some(area) = coordinated(self.lex, usable, chosen, self.words, holds) {
            return Target::Regional {
                area: Some(area),
                why: "a total for several places named together".into(),
            };
        }
        // "Foo town (A, Province)", "Foo, A": at Foo, by A, where Foo can be placed there.
        let by = usable[chosen].known.is_some() && chosen > 0;
        if by && self.unknown_before(r, usable[chosen - 1], usable[chosen]) {
            if let local @ Target::Local { .. } = self.resolve(si, r, usable, chosen - 1) {
                return local;
            }
        }
        self.resolve(si, r, usable, chosen)
    }

    /// "shelled Foo in the countryside of A", "Foo (A)", "Foo, A": the name the gazetteer
    /// lacks right before the division `usable[chosen]`, which only says where it lies (its
    /// index in `usable`).
    fn unknown_held(&self, r: &Reading, usable: &[&Candidate], chosen: usize) -> Option<usize> {
        let b = chosen.checked_sub(1)?;
        // (Only a province says where: a country or world region named after a name the
        // gazetteer lacks leaves a figure for that whole area.)
        let k = usable[chosen].known?;
        let held = self.unknown_held_by(r, usable[b], usable[chosen]);
        (held && self.holds_unknown_places(r, k)).then_some(b)
    }

    /// True when `r.places[k]` is a province that may hold an incident at a place the
    /// gazetteer lacks: its name is no other country's province, or another place of the
    /// article lies in its country ("La Libertad" alone may be Peru's or El Salvador's).
    pub(super) fn holds_unknown_places(&self, r: &Reading, k: usize) -> bool {
        let p = &r.places[k];
        let entry = &p.found.entry;
        entry.kind == EntryKind::Admin1
            && (!p.rival_provinces
                || self.readings.iter().flat_map(|x| x.places.iter()).any(|o| {
                    o.found.entry.country_code == entry.country_code && o.found.entry.id != entry.id
                }))
    }

    /// The one town a sentence names, when its other place phrases are names the gazetteer
    /// lacks or divisions ("in the Foo area of A city, Province"): its index in `usable`.
    pub(super) fn sole_town(&self, r: &Reading, usable: &[&Candidate]) -> Option<usize> {
        let town_at = |c: &Candidate| c.known.filter(|&k| town_like(&r.places[k]));
        let first = usable.iter().position(|c| town_at(c).is_some())?;
        let id = |c: &Candidate| c.known.map(|k| &r.places[k].found.entry.id);
        let fits = |c: &Candidate| match c.known {
            None => true,
            Some(k) if town_like(&r.places[k]) => id(c) == id(usable[first]),
            Some(k) => matches!(
                r.places[k].found.entry.kind,
                EntryKind::Admin1 | EntryKind::Admin2 | EntryKind::Country
            ),
        };
        usable.iter().all(|c| fits(c)).then_some(first)
    }

    /// The candidate starts its sentence's clause ("In A, ..."): at most two words before it.
    fn opens_sentence(&self, r: &Reading, c: &Candidate) -> bool {
        c.token.saturating_sub(r.sentence.start) <= 3
    }

    /// A new clause starts between the figures and the candidate ("..., while in B ...").
    fn turns(&self, last: usize, c: &Candidate) -> bool {
        (last + 1..c.token).any(|j| {
            self.lex.has(Sec::Clause, self.words[j])
                || Sec::ClauseTurns.in_any_language(self.words[j])
        })
    }
}

/// "in A and B", "A, B and C": the chosen place is one of several named together; returns
/// their names. Names joined by commas only are an address ("in A, B, C"), not a list.
fn coordinated(
    lex: &Lexicon,
    usable: &[&Candidate],
    chosen: usize,
    words: &[&str],
    holds: impl Fn(&Candidate, &Candidate) -> bool,
) -> Option<String> {
    // "Morelia, Michoacan": a division after a place holds it; it is not a second place.
    let joined = |a: &Candidate, b: &Candidate| {
        !holds(a, b)
            && b.token >= a.end
            && b.token - a.end <= 2
            && words[a.end..b.token]
                .iter()
                .all(|w| *w == "," || lex.has(Sec::Coordinators, w))
    };
    let mut s = chosen;
    while s > 0 && joined(usable[s - 1], usable[s]) {
        s -= 1;
    }
    let mut e = chosen;
    while e + 1 < usable.len() && joined(usable[e], usable[e + 1]) {
        e += 1;
    }
    // "in Foo, Bar, Baz" without "and" is an address, each name inside the next: one
    // place, not several.
    let listed = (s..e).any(|k| {
        words[usable[k].end..usable[k + 1].token]
            .iter()
            .any(|w| lex.has(Sec::Coordinators, w))
    });
    (e > s && listed).then(|| {
        usable[s..=e]
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// True when a name the gazetteer knows in another use lies inside candidate `c` ("in
/// northern Yemen (Province)": Yemen is a country, not a village the gazetteer lacks).
pub(super) fn names_a_known_place(r: &Reading, c: &Candidate) -> bool {
    r.places
        .iter()
        .any(|p| p.found.start < c.end && c.token < p.found.end)
}
