//! Stage 1, ingest/extract: which place a cluster of figures belongs to. The place phrase of
//! the figures' own clause wins: the first one after them ("killed in A"), else the last one
//! before them ("In A, five were killed"). A name the gazetteer lacks is a part of a town when
//! the text calls it a neighbourhood, district or street, and unknown otherwise.

use super::super::incidents::{Group, Reading};
use super::super::places::{filler, PlaceUse, Role};
use super::{is_word, push_unique, town_like, Candidate, State, Target, FORWARD_WORDS};
use crate::gazetteer::EntryKind;

/// Cities from this size on become an incident without a figure only after a locative.
const METONYMY_MIN: u64 = 1_000_000;
/// How far (in words) after a part of a town its town may be named ("... neighbourhood in
/// the city of Aleppo").
const TOWN_AFTER_PART: usize = 6;

impl State<'_> {
    /// The place phrases of a sentence, in text order.
    pub(super) fn candidates(&self, r: &Reading) -> Vec<Candidate> {
        let (from, to) = (r.sentence.start, r.sentence.end);
        let mut out: Vec<Candidate> = Vec::new();
        for (k, p) in r.places.iter().enumerate() {
            let usable = match p.role {
                Role::Event => true,
                Role::Country => p.plain_country,
                Role::Reference | Role::Mention => false,
            };
            // "DAMASCUS (Reuters) -": where the report was filed.
            let dateline = super::super::names::dateline(self.toks, p.found.start, p.found.end);
            if dateline {
                continue;
            }
            if !usable {
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
        self.unknown_names(from, to, &mut out);
        self.unnamed_places(from, to, &mut out);
        out.sort_by_key(|c| c.token);
        out
    }

    /// A lexicon's `place_parts` noun for a part of a town right after a name ("X
    /// neighbourhood").
    fn part_noun_after(&self, end: usize, to: usize) -> Option<&str> {
        (end < to)
            .then(|| self.lex.value("place_parts", self.words[end]))
            .flatten()
            .filter(|kind| *kind == "part")
    }

    /// True when the words governing the name (fillers skipped) say it is where fire came
    /// from ("shells fired from A", "terrorists positioned in B").
    fn governed_by_origin(&self, start: usize, from: usize) -> bool {
        let mut j = start;
        while j > from && filler(self.lex, self.words[j - 1]) {
            j -= 1;
        }
        j > from
            && self
                .lex
                .patterns("origin")
                .find_all(self.words, from, j)
                .iter()
                .any(|m| m.end == j)
    }

    /// Names the gazetteer does not hold, recognised by a place noun: "Foo neighbourhood",
    /// "Bar village", "the village of Baz".
    fn unknown_names(&self, from: usize, to: usize, out: &mut Vec<Candidate>) {
        let taken = |i: usize, out: &[Candidate]| out.iter().any(|c| (c.token..c.end).contains(&i));
        for i in from..to {
            let Some(kind) = self.lex.value("place_parts", self.words[i]) else {
                continue;
            };
            let part_of_town = kind == "part";
            // "X neighbourhood": cased words right before the noun.
            let mut s = i;
            while s > from && i - s < 4 && self.name_word(s - 1) {
                s -= 1;
            }
            // "the village of X": cased words right after "of".
            // ("the Syrian town of X": the words before the noun are then no name.)
            let of = self.words.get(i + 1) == Some(&"of");
            let (start, end) = if of {
                let mut e = i + 2;
                while e < to && e - i < 6 && self.name_word(e) {
                    e += 1;
                }
                if e == i + 2 || taken(i + 2, out) {
                    continue;
                }
                (i + 2, e)
            } else if s < i && !taken(s, out) && !taken(i - 1, out) {
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
                origin: self.governed_by_origin(start.min(i), from),
            });
        }
    }

    /// Places named without a name: "in a northern village", "at an area near ...". Figures
    /// there are tied to no known place.
    fn unnamed_places(&self, from: usize, to: usize, out: &mut Vec<Candidate>) {
        for i in from + 1..to {
            if self.lex.value("place_parts", self.words[i]).is_none() {
                continue;
            }
            let article = (i.saturating_sub(3).max(from)..i)
                .find(|&j| matches!(self.words[j], "a" | "an" | "een"));
            let Some(a) = article else { continue };
            let locative = a > from && self.lex.has("locative", self.words[a - 1]);
            let plain = (a + 1..i).all(|j| is_word(&self.toks[j]) && !self.toks[j].cap);
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

    /// A word that can be part of a proper name: capitalised, or an Arabic article or a
    /// particle inside a name ("al-Zahraa", "Bab al Faraj").
    fn name_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        is_word(t)
            && (super::super::toponyms::cased(t, self.text)
                || t.lower.starts_with("al-")
                || t.lower.starts_with("el-")
                || matches!(t.lower.as_str(), "al" | "el" | "ad" | "ar" | "as" | "ash"))
            && !self.lex.has("stop", &t.lower)
            && !self.lex.has("articles", &t.lower)
            && !self.lex.has("clause_breaks", &t.lower)
    }

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
        let chosen = match (forward, back) {
            (Some(f), Some(b))
                if self.opens_sentence(r, usable[b]) && self.turns(last, usable[f]) =>
            {
                b
            }
            (Some(f), _) => f,
            (None, Some(b)) => b,
            (None, None) if usable.is_empty() => {
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
                return match site.or_else(|| self.focus_group(si)) {
                    Some(g) => Target::Focus(g),
                    None => Target::Nowhere {
                        why: super::NO_PLACE.into(),
                    },
                };
            }
            // The clause names no place of its own: the incident in focus, when the sentence
            // names its place elsewhere too.
            (None, None) => {
                let named = |g: &usize| {
                    let id = &self.out.groups[*g].place.found.entry.id;
                    usable
                        .iter()
                        .any(|c| c.known.is_some_and(|k| &r.places[k].found.entry.id == id))
                };
                return match self.focus_group(si).filter(named) {
                    Some(g) => Target::Focus(g),
                    None => Target::Nowhere {
                        why: "no place named before or after the figure in its clause".into(),
                    },
                };
            }
        };
        let c = usable[chosen];
        if let Some(why) = self.several_places(r, first.min(c.token), last.max(c.end)) {
            return Target::Regional { area: None, why };
        }
        let division = |c: &Candidate| {
            c.known.is_some_and(|k| {
                matches!(
                    r.places[k].found.entry.kind,
                    EntryKind::Admin1 | EntryKind::Country
                )
            })
        };
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
        } else {
            chosen
        };
        if let Some(area) = coordinated(&usable, chosen, self.words, division) {
            return Target::Regional {
                area: Some(area),
                why: "a total for several places named together".into(),
            };
        }
        self.resolve(si, r, &usable, chosen)
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
                EntryKind::Admin1 => Target::Regional {
                    area: Some(c.name.clone()),
                    why: "placed only in a province, not at a town".into(),
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
            let unnamed = matches!(self.words[c.token], "a" | "an" | "een");
            // "Foo village (Bar, Province)", "Foo village near Bar": the town or district it
            // is named with, at that precision.
            let container = usable[chosen + 1..]
                .iter()
                .find(|x| x.token >= c.end && x.token - c.end <= 3)
                .and_then(|x| x.known)
                .filter(|&k| town_like(&r.places[k]));
            if let (false, Some(k)) = (unnamed, container) {
                return Target::Local {
                    place: (si, k),
                    subplace: Some(c.name.clone()),
                    near: true,
                };
            }
            return Target::Nowhere {
                why: if unnamed {
                    format!("{} {:?}", super::UNNAMED, c.name)
                } else {
                    format!(
                        "{:?} is not in the gazetteer (add it with --gazetteer FILE)",
                        c.name
                    )
                },
            };
        }
        let town_in = |x: &&&Candidate| x.known.is_some_and(|k| town_like(&r.places[k]));
        let after = usable[chosen + 1..]
            .iter()
            .filter(town_in)
            .find(|x| x.token >= c.end && x.token - c.end <= TOWN_AFTER_PART);
        let before = usable[..chosen].iter().rev().find(town_in);
        let town = after
            .or(before)
            .and_then(|x| x.known.map(|k| (si, k)))
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

    /// True when a locative ("in", "at", "on", "near") governs the name at `start`.
    fn governed(&self, start: usize, from: usize) -> bool {
        let mut j = start;
        while j > from && filler(self.lex, self.words[j - 1]) {
            j -= 1;
        }
        j > from && (self.lex.has("locative", self.words[j - 1]) || self.words[j - 1] == "on")
    }

    /// True when a clause surely ends between tokens `a` and `b`.
    fn breaks(&self, a: usize, b: usize) -> bool {
        (a + 1..b).any(|i| self.lex.has("clause_breaks", self.words[i]))
    }

    /// True when the sentence speaks of "the city" or "the town" (a definite town noun).
    fn names_the_town(&self, r: &Reading) -> bool {
        (r.sentence.start + 1..r.sentence.end).any(|i| {
            self.lex.has("kind_town", self.words[i])
                && self.lex.has("articles", self.words[i - 1])
                && !matches!(self.words[i - 1], "a" | "an" | "een")
        })
    }

    /// The candidate starts its sentence's clause ("In A, ..."): at most two words before it.
    fn opens_sentence(&self, r: &Reading, c: &Candidate) -> bool {
        c.token.saturating_sub(r.sentence.start) <= 3
    }

    /// A new clause starts between the figures and the candidate ("..., while in B ...").
    fn turns(&self, last: usize, c: &Candidate) -> bool {
        (last + 1..c.token).any(|j| {
            self.lex.has("clause", self.words[j]) || matches!(self.words[j], "meanwhile" | "and")
        })
    }

    /// A `several_places` cue between the figures and their place ("attacks on several
    /// neighbourhoods"), as the reason the figure is a total.
    fn several_places(&self, r: &Reading, from: usize, to: usize) -> Option<String> {
        let (s, e) = (
            from.saturating_sub(3).max(r.sentence.start),
            (to + 3).min(r.sentence.end),
        );
        let m = self
            .lex
            .patterns("several_places")
            .find_all(self.words, s, e)
            .into_iter()
            .next()?;
        Some(format!(
            "a total over several places ({:?})",
            self.words[m.start..m.end].join(" ")
        ))
    }

    /// A `cumulative` cue tied to the figure at `token` ("since April", "so far", "the war
    /// has killed"): the figure is a total over a period.
    pub(super) fn cumulative(&self, r: &Reading, token: usize) -> Option<String> {
        let (from, to) = (r.sentence.start, r.sentence.end);
        // Other totals between the cue and the figure stop it; the parts of a breakdown do not.
        let others: Vec<usize> = r
            .figures
            .iter()
            .filter(|f| f.part_of == super::super::figures::PartOf::None)
            .map(|f| f.token)
            .filter(|&t| t != token)
            .collect();
        let found = self
            .lex
            .patterns("cumulative")
            .find_all(self.words, from, to)
            .into_iter()
            .find(|m| {
                let (a, b) = if m.start > token {
                    (token, m.start)
                } else {
                    (m.end.min(token), token)
                };
                let near = if m.start > token {
                    b - a <= 15
                } else {
                    b - a <= 10
                };
                near && !others.iter().any(|&t| t > a && t < b)
            })?;
        Some(format!(
            "a total over a period or the whole conflict ({:?})",
            self.words[found.start..found.end].join(" ")
        ))
    }

    /// The group already made for the place `k` of sentence `si`, if any.
    pub(super) fn existing_group(&self, si: usize, k: usize) -> Option<usize> {
        let id = &self.readings[si].places[k].found.entry.id;
        self.out
            .groups
            .iter()
            .position(|g| &g.place.found.entry.id == id && g.subplace.is_none())
    }

    /// The group of a place (and part of it), created on first use.
    pub(super) fn group_for(
        &mut self,
        si: usize,
        place: (usize, usize),
        subplace: Option<String>,
        near: bool,
    ) -> usize {
        let p: &PlaceUse = &self.readings[place.0].places[place.1];
        let id = p.found.entry.id.as_str();
        let sub = subplace.as_ref().map(|s| s.to_lowercase());
        let found = self.out.groups.iter().position(|g| {
            g.place.found.entry.id == id && g.subplace.as_ref().map(|s| s.to_lowercase()) == sub
        });
        let g = match found {
            Some(g) => {
                // The town named again with its facility ("the prison in A").
                if self.out.groups[g].place.site.is_none() && p.site.is_some() {
                    self.out.groups[g].place = p.clone();
                }
                g
            }
            None => {
                let mut place = p.clone();
                // A village the gazetteer lacks, placed at the town it is said to be near.
                if near && place.found.entry.kind == EntryKind::Populated {
                    place.precision = crate::model::GeoPrecision::NearTown;
                }
                self.out.groups.push(Group {
                    place,
                    subplace,
                    sentences: Vec::new(),
                    figures: Vec::new(),
                    mentions: Vec::new(),
                });
                let g = self.out.groups.len() - 1;
                if g == 0 {
                    self.first_group(g);
                }
                g
            }
        };
        push_unique(&mut self.out.groups[g].sentences, si);
        g
    }

    /// An event place in a sentence with an event and no figure placed is an incident too
    /// ("an air strike hit A", "protesters gathered in B").
    pub(super) fn figureless(&mut self, si: usize, cands: &[Candidate], located: bool) {
        let r = &self.readings[si];
        if r.events.is_empty() || located {
            return;
        }
        if self.cumulative(r, r.sentence.start).is_some() {
            return;
        }
        // A capital or a city of millions named without "in", "at" or "near" is mostly its
        // government or its people ("Washington said", "Moscow has sent").
        let from = r.sentence.start;
        let known: Vec<usize> = cands
            .iter()
            .filter(|c| !c.origin)
            .filter_map(|c| c.known)
            .filter(|&k| town_like(&r.places[k]) && r.places[k].role == Role::Event)
            .filter(|&k| {
                let p = &r.places[k];
                p.found.entry.population < METONYMY_MIN || self.governed(p.found.start, from)
            })
            .collect();
        for k in known {
            self.group_for(si, (si, k), None, false);
        }
    }

    /// Places that only situate or are named beside each incident's sentences.
    pub(super) fn attach_mentions(&mut self) {
        for g in &mut self.out.groups {
            for &si in &g.sentences {
                for p in self.readings[si]
                    .places
                    .iter()
                    .filter(|p| matches!(p.role, Role::Reference | Role::Mention))
                {
                    let k = key(p);
                    if k != key(&g.place) && !g.mentions.iter().any(|m| key(m) == k) {
                        g.mentions.push(p.clone());
                    }
                }
            }
        }
    }
}

/// The gazetteer id of a place use (its site entry when one matched).
fn key(p: &PlaceUse) -> &str {
    p.site_entry
        .as_ref()
        .map_or(p.found.entry.id.as_str(), |s| s.id.as_str())
}

/// "in A and B", "A, B and C": the chosen place is one of several named together; returns
/// their names.
fn coordinated(
    usable: &[&Candidate],
    chosen: usize,
    words: &[&str],
    division: impl Fn(&Candidate) -> bool,
) -> Option<String> {
    // "Morelia, Michoacan": a division after a place holds it; it is not a second place.
    let joined = |a: &Candidate, b: &Candidate| {
        !division(b)
            && b.token >= a.end
            && b.token - a.end <= 2
            && words[a.end..b.token]
                .iter()
                .all(|w| matches!(*w, "and" | "or" | "," | "&" | "en" | "of"))
    };
    let mut s = chosen;
    while s > 0 && joined(usable[s - 1], usable[s]) {
        s -= 1;
    }
    let mut e = chosen;
    while e + 1 < usable.len() && joined(usable[e], usable[e + 1]) {
        e += 1;
    }
    (e > s).then(|| {
        usable[s..=e]
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    })
}
