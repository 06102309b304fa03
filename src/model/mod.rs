//! Model (shared by every stage): the incident and everything it carries.
//!
//! These are the only types that cross stage boundaries (ingest → geocode → export / render).
//! Their JSON form (one incident per line = JSON Lines) is documented in
//! `docs/incident-schema.md` and round-trips exactly.

pub mod columns;
mod date;
mod event;
mod figure;
mod list_text;
mod measure;
mod merge_note;
mod place;
pub mod properties;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use date::{days_in_month, Date, DatePrecision, DateSpan};
pub use event::{EventType, SubEventType};
pub use figure::{group_thousands, Claim, ClaimDoc, Figure, Qualifier, TextSpan};
pub use list_text::{list_text, parse_list_text};
pub use measure::{Measure, MAX_COUNT};
pub use merge_note::{
    KeptApart, MergeExplanation, MergeNote, Origin, OriginKind, ReportRef, Reported,
};
pub use place::{valid_lon_lat, GeoPrecision, Place, PlaceOffset};

/// A document an incident was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDoc {
    /// File path or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Publisher ("NOS", "ACLED", "UCDP GED").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date and its precision ("2019-10" → month).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateSpan>,
    /// Language of the document (ISO 639-1, "nl", "en").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// One incident: what happened, when, where, to how many, according to whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// Stable identifier: the same input always gives the same id.
    pub id: String,
    /// A short description ("IS detainees escape from the camp at Ain Issa").
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub date: DateSpan,
    pub place: Place,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<EventType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_event_type: Option<SubEventType>,
    /// Free tags ("prison-break", "escape").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Actors as reported ("Islamic State", "Syrian Democratic Forces").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceDoc>,
    /// Places the report names only as context ("the camp lies near Raqqa").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Place>,
    /// Columns of an input table that the model has no field for, kept as they were.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Incident {
    /// A bare incident; callers fill in the rest.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        date: DateSpan,
        place: Place,
    ) -> Incident {
        Incident {
            id: id.into(),
            title: title.into(),
            description: String::new(),
            date,
            place,
            event_type: None,
            sub_event_type: None,
            tags: Vec::new(),
            actors: Vec::new(),
            figures: Vec::new(),
            sources: Vec::new(),
            mentions: Vec::new(),
            extra: BTreeMap::new(),
        }
    }

    /// The headline figure for a measure: the first top-level figure of that measure without a
    /// subject (the total), else the one with the largest best value (the first listed on ties).
    pub fn figure(&self, measure: &Measure) -> Option<&Figure> {
        let same = || self.figures.iter().filter(move |f| &f.measure == measure);
        same().find(|f| f.subject.is_none()).or_else(|| {
            same().fold(None, |best: Option<&Figure>, f| match best {
                Some(b) if b.best.unwrap_or(0) >= f.best.unwrap_or(0) => Some(b),
                _ => Some(f),
            })
        })
    }

    /// Everyone a figure (or a part of a breakdown) is attributed to, sorted and without
    /// repeats ("Kurdish authorities", "Syrian Observatory for Human Rights").
    pub fn claim_sources(&self) -> Vec<&str> {
        let sources: std::collections::BTreeSet<&str> = self
            .figures
            .iter()
            .flat_map(|f| {
                f.claims
                    .iter()
                    .chain(f.parts.iter().flat_map(|p| p.claims.iter()))
            })
            .filter_map(|c| c.source.as_deref())
            .collect();
        sources.into_iter().collect()
    }

    /// The largest count of people the event itself concerns (the default symbol size).
    ///
    /// Event measures come first: killed, injured, escaped, recaptured, attackers, captured,
    /// displaced, missing. Only an incident without any of those is sized by who was held or
    /// present at the site (`detained`, `present`: a prison's or camp's population), so that
    /// "5,000 held in the prison" never outweighs "136 killed" in the attack on it.
    /// Ties go to the figure listed first; figures without a positive best value never size.
    pub fn largest_figure(&self) -> Option<&Figure> {
        let stock = |m: &Measure| matches!(m, Measure::Detained | Measure::Present);
        let largest = |event: bool| {
            let mut best: Option<&Figure> = None;
            let wanted = |f: &&Figure| f.measure.counts_people() && stock(&f.measure) != event;
            for fig in self.figures.iter().filter(wanted) {
                if best.is_none_or(|b| fig.best.unwrap_or(0) > b.best.unwrap_or(0)) {
                    best = Some(fig);
                }
            }
            best.filter(|f| f.best.unwrap_or(0) > 0)
        };
        largest(true).or_else(|| largest(false))
    }
}

/// A stable id from the parts that identify an incident: `inc-` and 16 hex digits of the
/// FNV-1a 64-bit hash of the parts joined by U+001F (no dependence on the std hasher, which
/// may change between Rust releases).
pub fn stable_id(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hash ^= 0x1f;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        for byte in part.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("inc-{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_ids_are_stable_and_distinct() {
        let a = stable_id(&["2019-10", "Ain Issa", "escape"]);
        assert_eq!(a, stable_id(&["2019-10", "Ain Issa", "escape"]));
        assert_ne!(a, stable_id(&["2019-10", "Ain Issaescape"]));
        assert_eq!(a.len(), 20);
        // Pinned so that a change of algorithm (which would change every exported id) is seen.
        assert_eq!(stable_id(&[""]), "inc-cbf29ce484222325");
    }

    #[test]
    fn headline_figure_prefers_the_total() {
        let mut inc = Incident::new(
            "x",
            "t",
            DateSpan::parse("2022-01").unwrap(),
            Place::named("Hasakah"),
        );
        let mut part = Figure::from_value(Measure::Killed, 84);
        part.subject = Some("IS fighters".into());
        inc.figures.push(part);
        inc.figures.push(Figure::from_value(Measure::Killed, 136));
        inc.figures.push(Figure::from_value(Measure::Present, 5000));
        inc.figures
            .push(Figure::from_value(Measure::Detained, 4000));
        inc.figures.push(Figure::from_value(Measure::Escaped, 100));
        assert_eq!(inc.figure(&Measure::Killed).unwrap().best, Some(136));
        assert_eq!(inc.largest_figure().unwrap().measure, Measure::Killed);
        // An arrest sweep, sized by its detainees when nothing else is counted.
        inc.figures.retain(|f| f.measure == Measure::Detained);
        assert_eq!(inc.largest_figure().unwrap().best, Some(4000));
    }
}
