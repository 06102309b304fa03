//! Stage 1, extract: a bare name that several small places far apart bear alike, with
//! nothing in the text to choose between them. The gazetteer's ranking then falls back on
//! population alone, and between two villages of a few thousand people that is a coin toss:
//! the name is reported as unread (with the places it could be) rather than drawn at the
//! larger village.
//!
//! Whatever the text says of where it is decides before this: its country or division named
//! ("X, Y", "X in Y", a country's name elsewhere in the text weighs for its readings), a
//! place nearby, a word for a division. Only readings still as likely as the chosen one
//! after all of that are namesakes the text leaves open.

use super::super::coherence::{inside, Holders};
use super::super::place_index::Toponym;
use super::{Doc, Name};
use crate::gazetteer::{fold, EntryKind};
use crate::reference::distance_km;

/// From this size on a town is what its name most often means, whatever villages share
/// it (as [`super::FOREIGN_MIN`] lets such a town stand alone in a foreign country).
const NAMESAKE_MAX: u64 = 50_000;
/// Readings whose scores in context differ by less than this are equally likely: the
/// population term is 0.1 a tenfold, so this is a population under three times as large.
const TIE: f64 = 0.05;
/// Namesakes closer than this may be one place in two entries (a village and its
/// locality): choosing either draws it in the right area.
const APART_KM: f64 = 50.0;

/// What the namesakes of a chosen reading make of it.
pub(super) enum Namesakes {
    /// None is as likely, or only the chosen reading has support: it stands.
    Stand,
    /// Of the readings as likely, only this other one has support: it is the place.
    Choose(Toponym),
    /// These other readings are as likely and the text says not which: no reading.
    Tied(Vec<Toponym>),
}

impl Doc<'_> {
    /// Weighs reading `entry` of name `k` against the other readings the text leaves as
    /// likely: small towns of the same own name, far from it, that score within [`TIE`] in
    /// context. Where exactly one of them has [support](Doc::supported) and `entry` has
    /// none, that one is the place; where `entry` has support, only those with support are
    /// its rivals. Nothing to weigh when the text says where the name lies (its division or
    /// country right after it, "X in Y", a word for a division) or `entry` is a large town
    /// or a seat.
    pub(super) fn namesakes(
        &self,
        k: usize,
        name: &Name<'_>,
        holders: &Holders<'_>,
        previous: Option<&Toponym>,
        entry: &Toponym,
    ) -> Namesakes {
        let situated = name.prefer_admin
            || name.contained
            || name.ends_address
            || holders.firm
            || previous.is_some()
            || !name.district_countries.is_empty();
        // (A part of a town has its own test: `far_town_part`.)
        if situated || self.town_part_named(k) || !small_town(entry) {
            return Namesakes::Stand;
        }
        let list = &self.lists[k];
        let Some(chosen) = list.iter().find(|(t, _)| t.id == entry.id) else {
            return Namesakes::Stand;
        };
        let best = self.score(k, name, holders, previous, chosen);
        let own = fold(&entry.name);
        let tied: Vec<&Toponym> = list
            .iter()
            .filter(|(t, _)| t.id != entry.id && small_town(t) && t.literal == entry.literal)
            .filter(|(t, _)| fold(&t.name) == own)
            .filter(|(t, _)| distance_km(entry.lon, entry.lat, t.lon, t.lat) > APART_KM)
            .filter(|c| best - self.score(k, name, holders, previous, c) < TIE)
            .map(|(t, _)| t)
            .collect();
        if tied.is_empty() {
            return Namesakes::Stand;
        }
        let supported: Vec<&Toponym> = (tied.iter().copied())
            .filter(|t| self.supported(k, t))
            .collect();
        let owned = |ts: Vec<&Toponym>| ts.into_iter().cloned().collect();
        match (self.supported(k, entry), supported.as_slice()) {
            (true, []) => Namesakes::Stand,
            (false, [one]) => Namesakes::Choose((*one).clone()),
            (true, _) => Namesakes::Tied(owned(supported)),
            (false, _) => Namesakes::Tied(owned(tied)),
        }
    }

    /// True when something beyond the name's own score points to reading `t` of name `k`:
    /// a province named elsewhere in the text holds it, another place the text names (as
    /// first read) lies near it, or a district of the same name lies around it (the town
    /// that gives a district its name is the one a reader knows).
    fn supported(&self, k: usize, t: &Toponym) -> bool {
        let near = |c: &Toponym| distance_km(t.lon, t.lat, c.lon, c.lat) <= APART_KM;
        let own = fold(&t.name);
        let district = self.lists[k].iter().any(|(c, _)| {
            matches!(c.kind, EntryKind::Admin1 | EntryKind::Admin2)
                && fold(&c.name)
                    .strip_prefix(own.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
                && near(c)
        });
        let mut others = self
            .lists
            .iter()
            .filter(|l| !std::rc::Rc::ptr_eq(l, &self.lists[k]));
        district
            || others.any(|l| {
                let holds = l
                    .iter()
                    .any(|(c, _)| c.kind == EntryKind::Admin1 && inside(t, c));
                let first_near = l.first().is_some_and(|(c, _)| {
                    matches!(c.kind, EntryKind::Populated | EntryKind::Admin2) && near(c)
                });
                holds || first_near
            })
    }
}

/// A town below [`NAMESAKE_MAX`] that seats no division.
fn small_town(t: &Toponym) -> bool {
    t.kind == EntryKind::Populated && t.population < NAMESAKE_MAX && !t.seat
}
