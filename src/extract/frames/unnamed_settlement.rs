//! Stage 1, ingest/extract: a count at a settlement the text does not name yet, in a province
//! ("gunmen attacked a village in northern A state, killing seven"). The lead of a report
//! often says so and names the village in the next sentence ("The gunmen stormed the Foo
//! village in the Bar district at dawn"): such counts wait for the first incident, as the
//! lead's counts without a place do; when no sentence right after names the village they
//! stay regional, in the province. So do the lead's counts placed only in a province
//! ("a suicide bomber killed three people in A province") until the next sentence names the
//! town of the event in that province ("... wounded in the attack in B, the provincial
//! capital").

use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::super::resolve::{capital_after_possessive, names_a_settlement_of_it};
use super::{town_like, Candidate, State, Target, COUNTRY_ONLY, NO_PLACE, PROVINCE_ONLY};
use crate::extract::places::{PlaceUse, Role};
use crate::gazetteer::EntryKind;

/// Why a count at an unnamed settlement of a province waits for the incident the lead goes
/// on to name (after the province-only reason, which it is when none follows).
pub(super) const UNNAMED_SETTLEMENT: &str = "(at a settlement it does not name)";

impl State<'_> {
    /// The target of counts whose clause names the province `usable[chosen]` right after an
    /// unnamed settlement it holds ("a village in A", "a town in northern Country's A"): the
    /// province, with a reason that lets them wait for the village's name.
    pub(super) fn unnamed_settlement_in(
        &self,
        r: &Reading,
        usable: &[&Candidate],
        chosen: usize,
    ) -> Option<Target> {
        let province = usable[chosen];
        let k = province.known?;
        if r.places[k].found.entry.kind != EntryKind::Admin1 {
            return None;
        }
        // ("a village in northern Country's A": through compass words and the country.)
        let country = |j: usize| {
            r.places.iter().any(|p| {
                p.found.entry.kind == EntryKind::Country
                    && (p.found.start..p.found.end).contains(&j)
            })
        };
        let situating = |j: &usize| {
            let w = self.words[*j];
            self.lex.has(Sec::Articles, w) || self.lex.has(Sec::Directional, w) || country(*j)
        };
        let in_at = (r.sentence.start..province.token)
            .rev()
            .find(|j| !situating(j))?;
        let kind_at = in_at.checked_sub(1)?;
        // ("a village", "a remote village": an indefinite article, at most one word between.)
        let indefinite = (kind_at.saturating_sub(2)..kind_at)
            .rev()
            .find(|&j| self.lex.has(Sec::Indefinite, self.words[j]))
            .is_some_and(|j| j >= r.sentence.start);
        let settlement = Sec::InWords.in_any_language(self.words[in_at])
            && self.lex.has(Sec::KindTown, self.words[kind_at])
            && indefinite;
        settlement.then(|| Target::Regional {
            area: Some(province.name.clone()),
            why: format!("{PROVINCE_ONLY} {UNNAMED_SETTLEMENT}"),
        })
    }

    /// "in A's provincial capital B", "in A's capital, B", "in the A town of B": the town
    /// named right after a division `usable[chosen]` in the possessive and a word for its
    /// capital, or after a word for a settlement and "of" (its index in `usable`): there the
    /// event is.
    pub(super) fn capital_named_after(
        &self,
        r: &Reading,
        usable: &[&Candidate],
        chosen: usize,
    ) -> Option<usize> {
        let next = usable.get(chosen + 1)?;
        if !next.known.is_some_and(|k| town_like(&r.places[k])) {
            return None;
        }
        let end = usable[chosen].end;
        if let Some(name) = names_a_settlement_of_it(self.lex, self.toks, usable[chosen].token, end)
        {
            return (next.token == name).then_some(chosen + 1);
        }
        let after = capital_after_possessive(self.lex, self.toks, end)?;
        let comma = self.words.get(after) == Some(&",");
        (next.token == after || comma && next.token == after + 1).then_some(chosen + 1)
    }

    /// Puts a count at an unnamed settlement of a province (`why`, the reason
    /// [`State::unnamed_settlement_in`] gave): while the article has no incident yet it waits
    /// for the lead's, else it is regional.
    pub(super) fn settlement_count(
        &mut self,
        si: usize,
        fi: usize,
        why: String,
        area: Option<String>,
    ) {
        if self.out.groups.is_empty() {
            self.pending.push((si, fi, why));
            self.pending_areas.push(((si, fi), area));
        } else {
            self.out.regional.push((si, fi, why, area));
        }
    }

    /// The province (its [`province_key`]) or country (its code) of a count of sentence `si`
    /// whose target is that province or country alone (`why`, `area`: its regional target),
    /// while the article has no incident yet and the sentence speaks of no several places:
    /// such a count waits for the lead's town ("Twelve people were killed in a suicide
    /// bombing in Nigeria. A woman blew herself up at a market in the town of A.").
    pub(super) fn lead_province(&self, si: usize, why: &str, area: Option<&str>) -> Option<String> {
        let r = &self.readings[si];
        // ("clashed in various locations in A state, killing 31": no one town's count.)
        let several = || {
            self.several_places(r, r.sentence.start, r.sentence.end)
                .is_some()
        };
        let kind = match why {
            PROVINCE_ONLY => EntryKind::Admin1,
            COUNTRY_ONLY => EntryKind::Country,
            _ => return None,
        };
        if !self.out.groups.is_empty() || several() {
            return None;
        }
        let area = area?;
        r.places
            .iter()
            .find(|p| {
                p.found.entry.kind == kind
                    && self.text.get(p.found.byte_start..p.found.byte_end) == Some(area)
            })
            .map(|p| match kind {
                EntryKind::Country => p.found.entry.country_code.clone(),
                _ => province_key(&p.found.entry.country_code, &p.found.entry.name),
            })
    }

    /// Puts a lead count placed only in a province (`key`, its [`province_key`]) to wait for
    /// the lead's incident.
    pub(super) fn province_count(
        &mut self,
        si: usize,
        fi: usize,
        why: String,
        area: Option<String>,
        key: String,
    ) {
        self.pending.push((si, fi, why));
        self.pending_areas.push(((si, fi), area));
        self.pending_provinces.push(((si, fi), key));
    }

    /// True when waiting count `at` was placed only in a province, and `place` (a town)
    /// lies in it; `None` when the count waits for another reason.
    pub(super) fn in_lead_province(&self, at: (usize, usize), place: &PlaceUse) -> Option<bool> {
        let (_, key) = self.pending_provinces.iter().find(|(k, _)| *k == at)?;
        let entry = &place.found.entry;
        // (A count placed only in a country waits for a town of that country.)
        if !key.contains('/') {
            return Some(&entry.country_code == key);
        }
        let town_in = entry
            .admin1
            .as_ref()
            .map(|a| province_key(&entry.country_code, a));
        Some(town_in.as_ref() == Some(key))
    }

    /// Counts that waited for the lead's incident in vain: those at an unnamed settlement of
    /// a province are regional there; those the lead put nowhere are regional in the province
    /// the next sentence places the event in; the others unattached.
    pub(super) fn release(&mut self, pending: Vec<(usize, usize, String)>) {
        for (si, fi, why) in pending {
            let area = self
                .pending_areas
                .iter()
                .find(|(at, _)| *at == (si, fi))
                .map(|(_, area)| area.clone());
            let told_next = || {
                (why.starts_with(NO_PLACE) || why == COUNTRY_ONLY)
                    .then(|| self.province_told_next(si))
                    .flatten()
            };
            // ("... killed 40 in central A. The attack took place in a village of B region":
            // the province the next sentence names is finer than the country.)
            if why == COUNTRY_ONLY && area.is_some() {
                if let Some(province) = told_next() {
                    let why = PROVINCE_ONLY.to_string();
                    self.out.regional.push((si, fi, why, Some(province)));
                    continue;
                }
            }
            match area {
                Some(area) => self.out.regional.push((si, fi, why, area)),
                None => match told_next() {
                    Some(province) => {
                        let why = PROVINCE_ONLY.to_string();
                        self.out.regional.push((si, fi, why, Some(province)));
                    }
                    None => self.out.unattached.push((si, fi, why)),
                },
            }
        }
    }

    /// The province the sentence after `si` places the event in when it tells the event again
    /// and names no town ("... a suicide bomber attacked a wedding in eastern Country. IS
    /// claimed the bombing in A province"): the one province it names as an event place.
    fn province_told_next(&self, si: usize) -> Option<String> {
        let next = si + 1;
        let r = self.readings.get(next)?;
        if r.sentence.heading || !self.tells_the_event_again(next) {
            return None;
        }
        let events: Vec<&PlaceUse> = r.places.iter().filter(|p| p.role == Role::Event).collect();
        if events.iter().any(|p| town_like(p)) {
            return None;
        }
        let mut provinces = events
            .iter()
            .filter(|p| p.found.entry.kind == EntryKind::Admin1);
        let only = provinces.next()?;
        if provinces.next().is_some() {
            return None;
        }
        self.text
            .get(only.found.byte_start..only.found.byte_end)
            .map(str::to_string)
    }
}

/// How a province is compared with the province a town lies in: its country and name.
fn province_key(country_code: &str, name: &str) -> String {
    format!("{country_code}/{}", name.to_lowercase())
}
