//! Stage 1, ingest/extract: which place a cluster of figures belongs to. The place phrase of
//! the figures' own clause wins: the first one after them ("killed in A"), else the last one
//! before them ("In A, five were killed"). A name the gazetteer lacks is a part of a town when
//! the text calls it a neighbourhood, district or street, and unknown otherwise.

use super::super::incidents::Reading;
use super::super::lexicon::Lexicon;
use super::super::lexicon::Sec;
use super::super::places::PlaceUse;
use super::{town_like, Candidate, State, Target, FORWARD_WORDS};
use crate::gazetteer::EntryKind;
use crate::reference::fold::fold;

/// How far (in words) after a part of a town its town may be named ("... neighbourhood in
/// the city of Aleppo").
const TOWN_AFTER_PART: usize = 6;
/// How far (in words) after an unnamed part of a town its town may be named ("a
/// neighbourhood of the country's central city of A").
const PART_TOWN_WORDS: usize = 8;
/// How long (in words) a bracketed aside may be.
const ASIDE_WORDS: usize = 12;
/// A report of at most this many sentences (headline and dateline included) is a brief:
/// one event told in a few sentences.
const BRIEF_SENTENCES: usize = 4;

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
        let forward = usable.iter().position(|c| {
            c.token > last && c.token - last <= FORWARD_WORDS && !self.breaks(last, c.token)
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
                let t = if usable.is_empty() {
                    self.no_place_at_all(si, r)
                } else {
                    self.no_place_in_clause(si, r, &usable)
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
        self.placed_at(si, r, &usable, chosen, (first, last))
    }

    /// The target of figures in a sentence that names no place: the facility it speaks of
    /// ("the prison"), the one place of a recent sentence, the town it calls "the city", or
    /// the incident in focus.
    fn no_place_at_all(&self, si: usize, r: &Reading) -> Target {
        // "the prison": the incident at that facility.
        let site = r.definite_sites.iter().find_map(|s| {
            self.out
                .groups
                .iter()
                .position(|g| g.place.site.as_deref() == Some(s.as_str()))
        });
        let place = self
            .place_focus
            .filter(|&(_, fs)| si - fs <= super::FOCUS_SENTENCES)
            .filter(|&(_, fs)| self.focus.is_none_or(|(_, gs)| fs > gs));
        // "the city", "the town": the town last named.
        let town = self
            .town
            .filter(|_| self.names_the_town(r))
            .map(|place| (place, 0));
        if let (None, Some((place, _))) = (site, place.or(town)) {
            return Target::Local {
                place,
                subplace: None,
                near: false,
            };
        }
        match site
            .or_else(|| self.focus_group(si))
            .or_else(|| self.told_just_before(si))
        {
            Some(g) => Target::Focus(g),
            None => self.continues_the_brief(si).unwrap_or(Target::Nowhere {
                why: super::NO_PLACE.into(),
            }),
        }
    }

    /// In a brief report with no incident yet, a sentence naming no place goes on with the
    /// sentence before it ("Forces fired at positions in A. No injuries reported."): its
    /// figures go where they would at the end of that sentence.
    fn continues_the_brief(&self, si: usize) -> Option<Target> {
        if self.readings.len() > BRIEF_SENTENCES || !self.out.groups.is_empty() {
            return None;
        }
        let before = si.checked_sub(1)?;
        let r = &self.readings[before];
        let cands = self.candidates(r);
        if r.places.is_empty() || cands.iter().all(|c| c.origin) {
            return None;
        }
        let end = r.sentence.end.checked_sub(1)?;
        match self.target(before, r, &cands, end, end) {
            t @ (Target::Local { .. } | Target::Regional { .. }) => Some(t),
            // "... in A, Province, police raided the Foo community. Two died.": the one town
            // of that sentence, when its last place is a name the gazetteer lacks.
            _ => {
                let usable: Vec<&Candidate> = cands.iter().filter(|c| !c.origin).collect();
                let only = self.sole_town(r, &usable)?;
                match self.resolve(before, r, &usable, only) {
                    t @ Target::Local { .. } => Some(t),
                    _ => None,
                }
            }
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
        // "X (District, Province)", "X, Province": the division only says where X lies.
        let chosen = if division(c) {
            usable[..chosen]
                .iter()
                .rposition(|x| {
                    x.known.is_some_and(|k| town_like(&r.places[k]))
                        && c.token >= x.end
                        && c.token - x.end <= 6
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
        self.resolve(si, r, usable, chosen)
    }

    /// True when `b`, right after `a` behind a comma or an opening bracket, is the district
    /// or province that holds `a` ("Dadri, Gautam Buddha Nagar", "Jos, Plateau"): a district
    /// (admin2), or a name the province of `a` starts with.
    pub(super) fn holds(&self, r: &Reading, a: &Candidate, b: &Candidate) -> bool {
        let (Some(ka), Some(kb)) = (a.known, b.known) else {
            return false;
        };
        let behind_comma = self.container_follows(a.end, b.token);
        let (inner, outer) = (&r.places[ka].found.entry, &r.places[kb].found.entry);
        let province = inner.admin1.as_deref().is_some_and(|admin1| {
            // "Lop Buri" names the province GeoNames spells "Lopburi".
            let squeeze = |s: &str| fold(s).replace([' ', '-'], "");
            let (admin1, name) = (squeeze(admin1), squeeze(&b.name));
            name.len() >= 3 && admin1.starts_with(&name)
        });
        // "A subdivision of B district": the text calls B a division, whatever reading of B
        // the gazetteer gave (often the town the district is named after).
        let division_said = self
            .words
            .get(b.end)
            .is_some_and(|w| self.lex.value(Sec::KindAdmin, w).is_some())
            && inner.country_code == outer.country_code
            && inner.admin1 == outer.admin1;
        // "A (B, Province)": a bracket after a town that names B and then one more name, the
        // way a coder writes a place's district and province; B lies in A's province.
        let bracket_pair = self.words.get(a.end) == Some(&"(")
            && self.words.get(b.end) == Some(&",")
            && (b.end + 2..b.end + 6).any(|k| self.words.get(k) == Some(&")"))
            && inner.country_code == outer.country_code
            && inner.admin1.is_some()
            && inner.admin1 == outer.admin1;
        behind_comma
            && inner.id != outer.id
            && (outer.kind == EntryKind::Admin2 || province || division_said || bracket_pair)
    }

    /// True when `a` is a name the gazetteer lacks (no part of a town) and "in", perhaps after
    /// its kind of place, joins it to the known place `b` right after it: "Foo village in A",
    /// "shelled Foo in A", "the Foo area in the limits of A" (an `area_of` word).
    pub(super) fn unknown_in(&self, a: &Candidate, b: &Candidate) -> bool {
        let kind = |w: &str| matches!(self.lex.value(Sec::PlaceParts, w), Some("place" | "area"));
        let Some(gap) = self.words.get(a.end..b.token) else {
            return false;
        };
        let area_of = |art: &str, area: &str, of: &str| {
            self.lex.has(Sec::Articles, art)
                && self.lex.has(Sec::AreaOf, area)
                && matches!(of, "of" | "van")
        };
        let (lead, rest) = match gap {
            ["in", rest @ ..] => (true, rest),
            [noun, "in", rest @ ..] => (kind(noun), rest),
            _ => (false, gap),
        };
        // "Foo area in the west of A": an area in a quarter of A seen from its centre (a
        // village "in the north of A" may be in A's province).
        let area_noun =
            matches!(gap.first(), Some(w) if self.lex.value(Sec::PlaceParts, w) == Some("area"));
        let side_of = |art: &str, side: &str, of: &str| {
            area_noun
                && self.lex.has(Sec::Articles, art)
                && self.lex.has(Sec::Directional, side)
                && matches!(of, "of" | "van")
        };
        let joined = lead
            && match rest {
                [] => true,
                [art, area, of] => area_of(art, area, of) || side_of(art, area, of),
                _ => false,
            };
        a.known.is_none() && !a.part_of_town && b.known.is_some() && joined
    }

    /// True when the words from `end` to `next` join a place to the division that holds it:
    /// a comma or an opening bracket ("A, B", "A (B"), after the place's own kind of division
    /// when it has one ("A district, B"), or "of" after such a word ("A district of B").
    fn container_follows(&self, end: usize, next: usize) -> bool {
        let Some(gap) = self.words.get(end..next) else {
            return false;
        };
        let division =
            |w: &str| self.lex.value(Sec::KindAdmin, w).is_some() || self.lex.has(Sec::KindTown, w);
        match gap {
            [sep] => matches!(*sep, "," | "("),
            [kind, sep] => division(kind) && matches!(*sep, "," | "(" | "of"),
            _ => false,
        }
    }

    /// The one town a sentence names, when its other place phrases are names the gazetteer
    /// lacks or divisions ("in the Foo area of A city, Province"): its index in `usable`.
    fn sole_town(&self, r: &Reading, usable: &[&Candidate]) -> Option<usize> {
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

    /// In a brief report (at most [`BRIEF_SENTENCES`] sentences, one incident so far), that
    /// incident when the sentences since it was last told name no place ("... clashed in A.
    /// The victim died. 1 fatality."): a sentence naming no place goes on with it. Longer
    /// articles move on to other things between their incidents, so there a figure needs a
    /// place.
    fn told_just_before(&self, si: usize) -> Option<usize> {
        if self.readings.len() > BRIEF_SENTENCES || self.out.groups.len() != 1 {
            return None;
        }
        let told = self.out.groups[0]
            .sentences
            .iter()
            .copied()
            .filter(|&s| s < si)
            .max()?;
        let moved = self.moved_away.is_some_and(|m| m > told);
        (!moved && (told + 1..si).all(|s| self.readings[s].places.is_empty())).then_some(0)
    }

    /// The target a candidate stands for.
    fn resolve(&self, si: usize, r: &Reading, usable: &[&Candidate], chosen: usize) -> Target {
        let c = usable[chosen];
        if let Some(k) = c.known {
            let p = &r.places[k];
            return match p.found.entry.kind {
                EntryKind::Country => Target::Regional {
                    area: Some(c.name.clone()),
                    why: "a figure for a whole country".into(),
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
            };
        }
        if !c.part_of_town {
            let unnamed = self.lex.has(Sec::Indefinite, self.words[c.token]);
            // "Foo village (Bar, Province)", "Foo village near Bar": the town or district it
            // is named with, at that precision.
            // "the village of Foo, near Bar (Baz)": through one more unknown name.
            let next_to = |from: usize, end: usize| {
                usable[from..]
                    .iter()
                    .position(|x| x.token >= end && x.token - end <= 3)
                    .map(|p| from + p)
            };
            let container = next_to(chosen + 1, c.end)
                .and_then(|n| match usable[n].known {
                    None if !usable[n].part_of_town => next_to(n + 1, usable[n].end),
                    _ => Some(n),
                })
                .and_then(|n| usable[n].known)
                // "the Foo area in the limits of A": joined by more words than a bracket.
                .or_else(|| {
                    usable
                        .get(chosen + 1)
                        .filter(|n| self.unknown_in(c, n))
                        .and_then(|n| n.known)
                })
                .filter(|&k| town_like(&r.places[k]));
            // "a street in A", "an area of A", "a neighbourhood of the country's central city
            // of A": an unnamed part of the town, in it.
            let holding_town = usable[chosen + 1..]
                .iter()
                .take_while(|x| x.token >= c.end && x.token - c.end <= PART_TOWN_WORDS)
                .filter_map(|x| x.known)
                .find(|&k| town_like(&r.places[k]));
            if let (true, Some(k)) = (unnamed, holding_town) {
                if self.unnamed_part_inside(r, c, &r.places[k]) {
                    return Target::Local {
                        place: (si, k),
                        subplace: Some(c.name.clone()),
                        near: false,
                    };
                }
            }
            // "In A, police found a body in a field": the sentence opens in the town.
            if let Some(k) = self.opening_town(r, c).filter(|_| unnamed) {
                return Target::Local {
                    place: (si, k),
                    subplace: Some(c.name.clone()),
                    near: false,
                };
            }
            if let (false, Some(k)) = (unnamed, container) {
                return Target::Local {
                    place: (si, k),
                    subplace: Some(c.name.clone()),
                    near: true,
                };
            }
            return Target::Nowhere {
                why: if unnamed {
                    // "at a camp" may be the lead's facility; "in a village" is a place of
                    // its own.
                    let noun = self.words[c.end - 1];
                    let facility = self.lex.value(Sec::Sites, noun).is_some();
                    let prefix = if facility {
                        super::UNNAMED
                    } else {
                        super::UNNAMED_PLACE
                    };
                    format!("{prefix} {:?}", c.name)
                } else {
                    format!("{:?} {}", c.name, super::NOT_IN_GAZETTEER)
                },
            };
        }
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

    /// True when the unnamed place `c` ("a rebel-held area", "a street") is a part of town or
    /// an area, and a `within` word puts it in the town `town` right after it ("... of A",
    /// "... in the city of A").
    fn unnamed_part_inside(&self, r: &Reading, c: &Candidate, town: &PlaceUse) -> bool {
        let noun = self.words[c.end - 1];
        let part = matches!(self.lex.value(Sec::PlaceParts, noun), Some("part" | "area"));
        // A country's possessive and the town's adjectives before its kind say which town
        // ("of Syria's central city of A").
        let country = |i: usize| {
            r.places
                .iter()
                .any(|p| p.found.start == i && p.found.entry.kind == EntryKind::Country)
        };
        let before_kind = |i: usize| {
            !self.toks[i].cap
                && (i + 1..town.found.start)
                    .take_while(|&j| !self.lex.has(Sec::Within, self.words[j]))
                    .any(|j| self.lex.has(Sec::KindTown, self.words[j]))
        };
        let between: Vec<&str> = (c.end..town.found.start)
            .filter(|&i| {
                let w = self.words[i];
                !self.lex.has(Sec::Articles, w)
                    && !self.lex.has(Sec::KindTown, w)
                    && !country(i)
                    && (self.lex.has(Sec::Within, w) || !before_kind(i))
            })
            .map(|i| self.words[i])
            .collect();
        let within = match between.as_slice() {
            [w] => self.lex.has(Sec::Within, w),
            // "in the city of A"
            [w, of] => self.lex.has(Sec::Within, w) && self.lex.has(Sec::Within, of),
            _ => false,
        };
        part && within
    }

    /// True when a clause surely ends between tokens `a` and `b`.
    /// A bracketed aside closed before `b` ("3 civilians (beheaded) in A") is no break.
    pub(super) fn breaks(&self, a: usize, b: usize) -> bool {
        self.breaks_between(a, b, true)
    }

    /// [`Self::breaks`], where quote marks break only when `quotes_break`.
    pub(super) fn breaks_between(&self, a: usize, b: usize, quotes_break: bool) -> bool {
        let mut i = a + 1;
        while i < b {
            if self.words[i] == "(" {
                if let Some(close) = (i + 1..b).find(|&j| self.words[j] == ")") {
                    i = close + 1;
                    continue;
                }
            }
            // The end of an aside the figure stands in ("five (two of them children) in A").
            let closes_aside = self.words[i] == ")"
                && (a.saturating_sub(ASIDE_WORDS)..=a)
                    .rev()
                    .take_while(|&j| self.words[j] != ")")
                    .any(|j| self.words[j] == "(");
            let quote = !quotes_break && is_quote(self.words[i]);
            if self.lex.has(Sec::ClauseBreaks, self.words[i])
                && !closes_aside
                && !quote
                && !self.glued_hyphen(i)
            {
                return true;
            }
            i += 1;
        }
        false
    }

    /// True when token `i` is a hyphen written between two words without spaces, as in a
    /// number joined to its noun ("a 30-minute firefight"): part of a word, no dash between
    /// clauses.
    fn glued_hyphen(&self, i: usize) -> bool {
        let (Some(prev), Some(hyphen), Some(next)) = (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
            self.toks.get(i + 1),
        ) else {
            return false;
        };
        hyphen.lower == "-" && prev.end == hyphen.start && hyphen.end == next.start
    }

    /// True when the sentence speaks of "the city" or "the town" (a definite town noun).
    fn names_the_town(&self, r: &Reading) -> bool {
        (r.sentence.start + 1..r.sentence.end).any(|i| {
            self.lex.has(Sec::KindTown, self.words[i])
                && self.lex.has(Sec::Articles, self.words[i - 1])
                && !self.lex.has(Sec::Indefinite, self.words[i - 1])
        })
    }

    /// The candidate starts its sentence's clause ("In A, ..."): at most two words before it.
    fn opens_sentence(&self, r: &Reading, c: &Candidate) -> bool {
        c.token.saturating_sub(r.sentence.start) <= 3
    }

    /// A new clause starts between the figures and the candidate ("..., while in B ...").
    fn turns(&self, last: usize, c: &Candidate) -> bool {
        (last + 1..c.token).any(|j| {
            self.lex.has(Sec::Clause, self.words[j]) || matches!(self.words[j], "meanwhile" | "and")
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

fn is_quote(word: &str) -> bool {
    matches!(word, "\"" | "\u{201C}" | "\u{201D}" | "'")
}
