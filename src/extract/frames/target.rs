//! Stage 1, ingest/extract: what the place phrase chosen for a cluster of figures stands
//! for: a known town (perhaps with a named part of it), a whole division or country, or a
//! name the gazetteer lacks, placed at the town it is named with when the text says so.

use super::super::coherence::{after_kind_word, of_then};
use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::super::names::possessive_word;
use super::super::numbers::is_count_token;
use super::super::places::PlaceUse;
use super::super::time_phrase::time_phrase_len;
use super::place::names_a_known_place;
use super::{town_like, Candidate, State, Target};
use crate::gazetteer::EntryKind;
use crate::reference::fold::fold;

/// How far (in words) after a part of a town its town may be named ("... neighbourhood in
/// the city of Aleppo").
const TOWN_AFTER_PART: usize = 6;
/// How far (in words) after an unnamed part of a town its town may be named ("a
/// neighbourhood of the country's central city of A").
const PART_TOWN_WORDS: usize = 8;

/// How many words may stand between an unnamed place and the name that situates it ("south
/// of the town of A").
const SITUATING_WORDS: usize = 5;

/// Most names the gazetteer lacks between a name it lacks and the known place that holds
/// them all ("Foo village (Bar area) in Qux district, Province").
const UNKNOWN_CHAIN: usize = 3;
/// How many words after a name the gazetteer lacks the same name, known, may stand to be
/// that place ("Foo Town, Foo Township, Foo District").
const SAME_NAME_WORDS: usize = 8;

impl State<'_> {
    /// The target a candidate stands for.
    pub(super) fn resolve(
        &self,
        si: usize,
        r: &Reading,
        usable: &[&Candidate],
        chosen: usize,
    ) -> Target {
        let c = usable[chosen];
        if let Some(k) = c.known {
            return known_place(si, r, usable, chosen, k);
        }
        // "Foo Town, Foo Township, Foo District": the name the gazetteer has right after,
        // written again with another word for its kind, is that place.
        let next_known = (usable.get(chosen + 1..).unwrap_or_default().iter())
            .position(|x| x.known.is_some())
            .map(|p| chosen + 1 + p);
        let again = next_known.filter(|&n| {
            usable[n].token <= c.end + SAME_NAME_WORDS && fold(&usable[n].name) == fold(&c.name)
        });
        if let Some(n) = again {
            return self.resolve(si, r, usable, n);
        }
        if !c.part_of_town {
            return self.unknown_name(si, r, usable, chosen);
        }
        self.part_of_town(si, r, usable, chosen)
    }

    /// A name the gazetteer lacks and the text calls no part of a town: in the town the
    /// sentence names it with, or nowhere.
    fn unknown_name(&self, si: usize, r: &Reading, usable: &[&Candidate], chosen: usize) -> Target {
        let c = usable[chosen];
        let unnamed = self.lex.has(Sec::Indefinite, self.words[c.token]);
        let placed = if unnamed {
            self.unnamed_place(si, r, usable, chosen)
        } else {
            self.named_unknown_place(si, r, usable, chosen)
        };
        placed.unwrap_or_else(|| Target::Nowhere {
            why: self.why_unknown(c, unnamed),
        })
    }

    /// Where an unnamed place ("an area", "a street") the gazetteer cannot know lies: in the
    /// town or name it is part of or situated by, if the sentence says so.
    fn unnamed_place(
        &self,
        si: usize,
        r: &Reading,
        usable: &[&Candidate],
        chosen: usize,
    ) -> Option<Target> {
        let c = usable[chosen];
        // "at an unspecified area of Foo county (Province)": the area of a name the gazetteer
        // lacks is wherever that name is placed.
        if let Some(next) = usable.get(chosen + 1).filter(|n| self.area_of(c, n)) {
            if next.known.is_none() && !self.lex.has(Sec::Indefinite, self.words[next.token]) {
                if let local @ Target::Local { .. } = self.unknown_name(si, r, usable, chosen + 1) {
                    return Some(local);
                }
            }
        }
        // "a street in A", "an area of A", "a neighbourhood of the country's central city
        // of A": an unnamed part of the town, in it.
        let holding_town = usable[chosen + 1..]
            .iter()
            .take_while(|x| x.token >= c.end && x.token - c.end <= PART_TOWN_WORDS)
            .filter_map(|x| x.known)
            .find(|&k| town_like(&r.places[k]));
        if let Some(k) = holding_town {
            if self.unnamed_part_inside(r, c, &r.places[k]) {
                return Some(subplace_of(si, k, c, false));
            }
        }
        // "a village in A state": the village the lead goes on to name, else A's figure.
        let province_next = usable
            .get(chosen + 1)
            .is_some_and(|n| n.token > c.end && n.token - c.end <= 4);
        if let Some(t) = province_next
            .then(|| self.unnamed_settlement_in(r, usable, chosen + 1))
            .flatten()
        {
            return Some(t);
        }
        // "In A, police found a body in a field": the sentence opens in the town.
        if let Some(k) = self.opening_town(r, c) {
            return Some(subplace_of(si, k, c, false));
        }
        self.unnamed_stretch(si, r, usable, chosen)
    }

    /// "in an agricultural area south of the town of A": an unnamed stretch of land situated
    /// by a named town is near it, wherever that town is placed ("a village near A" is a
    /// place of its own; "a location in Province" is the province's, regional).
    fn unnamed_stretch(
        &self,
        si: usize,
        r: &Reading,
        usable: &[&Candidate],
        chosen: usize,
    ) -> Option<Target> {
        let c = usable[chosen];
        let stretch = self.lex.value(Sec::PlaceParts, self.words[c.end - 1]) == Some("area");
        let next = usable
            .get(chosen + 1)
            .filter(|n| stretch && self.situated_by(c, n))?;
        let placed = match next.known {
            Some(k) if !town_like(&r.places[k]) => Target::Nowhere {
                why: self.why_unknown(c, true),
            },
            Some(k) => Target::Local {
                place: (si, k),
                subplace: None,
                near: true,
            },
            None => self.unknown_name(si, r, usable, chosen + 1),
        };
        // (Where that name is placed nowhere, its reason is the figure's: the text names a
        // place, one the gazetteer lacks.)
        Some(match placed {
            Target::Local { place, .. } => Target::Local {
                place,
                subplace: Some(c.name.clone()),
                near: true,
            },
            other => other,
        })
    }

    /// Where a named place the gazetteer lacks lies: near the town or in the province the
    /// sentence names it with, if it does.
    fn named_unknown_place(
        &self,
        si: usize,
        r: &Reading,
        usable: &[&Candidate],
        chosen: usize,
    ) -> Option<Target> {
        let c = usable[chosen];
        if let Some(k) = self.named_with_town(r, usable, chosen) {
            return Some(subplace_of(si, k, c, true));
        }
        // "On Monday, in A, B, gunmen killed a man in the Foo community": near A.
        if let Some(k) = self.opening_town_and_province(r, c) {
            return Some(subplace_of(si, k, c, true));
        }
        // "shelled Foo in the countryside of Province", "Foo village (Province)": a named
        // place the gazetteer lacks, in the province named with it: the event is in that
        // province, at its precision, under the name the text gives.
        let held = usable
            .get(chosen + 1)
            .filter(|n| self.unknown_held_by(r, c, n))
            .and_then(|n| n.known);
        let province = (!names_a_known_place(r, c))
            .then(|| self.named_with(r, usable, chosen, is_province).or(held))
            .flatten()
            .filter(|&k| self.holds_unknown_places(r, k));
        province.map(|k| subplace_of(si, k, c, true))
    }

    /// True when the words between the unnamed place `c` and the name `next` situate it by
    /// that name: a word of reference ("south of", "close to") or of place ("near", "in"),
    /// then at most an article and a word for a town ("south of the town of A").
    fn situated_by(&self, c: &Candidate, next: &Candidate) -> bool {
        let (lex, words) = (self.lex, self.words);
        if next.token <= c.end || next.token - c.end > SITUATING_WORDS {
            return false;
        }
        let relation_end = lex
            .patterns(Sec::Reference)
            .match_at(words, c.end, next.token)
            .map(|m| m.end)
            .or_else(|| lex.has(Sec::AtPlace, words[c.end]).then_some(c.end + 1));
        relation_end.is_some_and(|end| {
            words[end..next.token].iter().all(|w| {
                lex.has(Sec::Articles, w) || lex.has(Sec::KindTown, w) || lex.has(Sec::CompassOf, w)
            })
        })
    }

    /// True when the unnamed area `c` is the area of the place `next` names right after it
    /// ("an area of Foo", "a region of the Bar district").
    fn area_of(&self, c: &Candidate, next: &Candidate) -> bool {
        self.lex.has(Sec::AreaOf, self.words[c.end - 1])
            && of_then(self.lex, self.toks, c.end, next.token)
    }

    /// "Foo village (Bar, Province)", "Foo village near Bar": the town or district the
    /// unknown name `usable[chosen]` is named with (its place in `r.places`), at that
    /// precision.
    fn named_with_town(&self, r: &Reading, usable: &[&Candidate], chosen: usize) -> Option<usize> {
        self.named_with(r, usable, chosen, town_like)
    }

    /// The known place of the kind `fits` accepts that the unknown name `usable[chosen]` is
    /// named with: right after it (through one more unknown name), or joined to it as what
    /// holds it ("the Foo area in the limits of A").
    fn named_with(
        &self,
        r: &Reading,
        usable: &[&Candidate],
        chosen: usize,
        fits: fn(&PlaceUse) -> bool,
    ) -> Option<usize> {
        let c = usable[chosen];
        // "the village of Foo, near Bar (Baz)", "Foo village (Bar area) in Qux district,
        // Province": through a few more unknown names, each right after the one before.
        // ("the Foo village on Tuesday in A": a time between them is no distance.)
        // ("Foo village in northern A's B province": a compass word and a country in the
        // possessive only say which B is meant.)
        let qualifier = |j: usize| {
            self.lex.has(Sec::Directional, self.words[j])
                || self.toks[j].cap && possessive_word(&self.toks[j].lower)
        };
        let next_to = |from: usize, end: usize| {
            let kind_end = after_kind_word(self.lex, self.toks, end);
            let words = self.words.get(kind_end..).unwrap_or_default();
            let time = time_phrase_len(self.lex, words.iter().copied());
            let gap = |x: &&Candidate| {
                let qualifiers = (end..x.token).filter(|&j| qualifier(j)).count();
                (x.token - end - usize::from(x.token >= kind_end + time) * time)
                    .saturating_sub(qualifiers)
            };
            // ("seven in Foo; four in A": a count before a locative starts another item.)
            let counted = |x: &&Candidate| {
                (end..x.token).any(|j| {
                    is_count_token(self.lex, self.toks, self.words, j)
                        && self.lex.has(Sec::Locative, self.words[j + 1])
                })
            };
            usable[from..]
                .iter()
                .position(|x| x.token >= end && gap(x) <= 3 && !counted(x))
                .map(|p| from + p)
        };
        let mut next = next_to(chosen + 1, c.end);
        for _ in 0..UNKNOWN_CHAIN {
            match next.map(|n| usable[n]) {
                Some(x) if x.known.is_none() && !x.part_of_town => {
                    next = next.and_then(|n| next_to(n + 1, x.end));
                }
                _ => break,
            }
        }
        next.and_then(|n| usable[n].known)
            // "the Foo area in the limits of A": joined by more words than a bracket.
            .or_else(|| {
                usable
                    .get(chosen + 1)
                    .filter(|n| self.unknown_in(c, n))
                    .and_then(|n| n.known)
            })
            .filter(|&k| fits(&r.places[k]))
    }

    /// Why a name the gazetteer lacks is placed nowhere: an unnamed facility or place ("at a
    /// camp", "in a village"), or a name to add to the gazetteer.
    fn why_unknown(&self, c: &Candidate, unnamed: bool) -> String {
        if unnamed {
            // "at a camp" may be the lead's facility; "in a village" is a place of
            // its own.
            let noun = self.words[c.end - 1];
            let facility = self.lex.value(Sec::Sites, noun).is_some();
            // ("in a village" the lead may name in the next sentence.)
            let settlement = self.lex.has(Sec::KindTown, noun);
            let prefix = if facility {
                super::UNNAMED
            } else if settlement {
                super::UNNAMED_TOWN
            } else {
                super::UNNAMED_PLACE
            };
            format!("{prefix} {:?}", c.name)
        } else if let Some(a) = self.elsewhere.iter().find(|a| a.start == c.token) {
            super::unread_why(&c.name, &a.why)
        } else {
            format!("{:?} {}", c.name, super::NOT_IN_GAZETTEER)
        }
    }

    /// A part of a town the gazetteer lacks ("the Foo neighbourhood"): in the town named
    /// just after it, else before it, else the one that situates it, else the town last
    /// named.
    fn part_of_town(&self, si: usize, r: &Reading, usable: &[&Candidate], chosen: usize) -> Target {
        let c = usable[chosen];
        let town_in = |x: &&&Candidate| x.known.is_some_and(|k| town_like(&r.places[k]));
        let after = usable[chosen + 1..]
            .iter()
            .filter(town_in)
            .find(|x| x.token >= c.end && x.token - c.end <= TOWN_AFTER_PART);
        let before = usable[..chosen].iter().rev().find(town_in);
        // "the Foo shrine in the suburbs of A": a town that only situates still holds it.
        let situating = r.places.iter().position(|p| {
            town_like(p) && p.found.start >= c.end && p.found.start - c.end <= TOWN_AFTER_PART
        });
        let town = after
            .or(before)
            .and_then(|x| x.known.map(|k| (si, k)))
            .or(situating.map(|k| (si, k)))
            .or(self.town);
        match town {
            Some(place) => Target::Local {
                place,
                subplace: Some(c.name.clone()),
                near: false,
            },
            None => Target::Nowhere {
                why: format!("{:?} is part of a town the text does not name", c.name),
            },
        }
    }
}

/// The named or unnamed place `c` the gazetteer lacks, at (or `near`) place `k` of sentence
/// `si`, under the name the text gives.
fn subplace_of(si: usize, k: usize, c: &Candidate, near: bool) -> Target {
    Target::Local {
        place: (si, k),
        subplace: Some(c.name.clone()),
        near,
    }
}

/// True for a province (a first-level division).
fn is_province(p: &PlaceUse) -> bool {
    p.found.entry.kind == EntryKind::Admin1
}

/// A place the gazetteer knows (`r.places[k]`): a country, world region or province is a
/// regional figure; anything else is local, with the named part of the town just before it.
fn known_place(si: usize, r: &Reading, usable: &[&Candidate], chosen: usize, k: usize) -> Target {
    let c = usable[chosen];
    let p = &r.places[k];
    match p.found.entry.kind {
        EntryKind::Country => Target::Regional {
            area: Some(c.name.clone()),
            why: super::COUNTRY_ONLY.into(),
        },
        EntryKind::Region => Target::Regional {
            area: Some(c.name.clone()),
            why: "a figure for a whole world region".into(),
        },
        EntryKind::Admin1 => Target::Regional {
            area: Some(c.name.clone()),
            why: super::PROVINCE_ONLY.into(),
        },
        _ => Target::Local {
            place: (si, k),
            // "the Foo neighbourhood in A": the part named just before its town.
            subplace: chosen
                .checked_sub(1)
                .map(|b| usable[b])
                .filter(|b| b.part_of_town && c.token >= b.end && c.token - b.end <= 3)
                .map(|b| b.name.clone()),
            near: false,
        },
    }
}
