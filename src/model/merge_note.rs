//! Model (shared by every stage): where a report came from, and what the merge stage did
//! with it (which reports became one incident and why, which near-misses were kept apart).

use serde::{Deserialize, Serialize};

use super::Incident;

/// What kind of input a report was read from: articles merge by default, table rows only
/// when asked ([`crate::merge::MergeMode::All`]), since each data set's coders already de-duplicate their rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OriginKind {
    Article,
    Table,
}

/// Where one report (an incident as one input gave it) was read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Origin {
    pub kind: OriginKind,
    /// The file (or `<embedded example>`).
    pub file: String,
    /// 1-based line of a table row or JSON line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The data set a table row belongs to ("ACLED", "UCDP GED"), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset: Option<String>,
}

impl Origin {
    /// A report of an article file.
    pub fn article(file: impl Into<String>) -> Origin {
        Origin {
            kind: OriginKind::Article,
            file: file.into(),
            line: None,
            dataset: None,
        }
    }

    /// A row of a table file (`dataset`: "ACLED", "UCDP GED", or none for incimap's own).
    pub fn table(file: impl Into<String>, line: Option<u64>, dataset: Option<&str>) -> Origin {
        Origin {
            kind: OriginKind::Table,
            file: file.into(),
            line,
            dataset: dataset.map(str::to_string),
        }
    }
}

/// An incident as one report gave it, with where the report was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    pub incident: Incident,
    pub origin: Origin,
}

/// One report, as an explanation names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ReportRef {
    /// The report's own incident id (before merging).
    pub id: String,
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The outlet or data set, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Place and date as the report gave them ("Ariha, 2015-08-03").
    pub what: String,
}

/// Reports merged into one incident, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeNote {
    /// The merged incident's id.
    pub incident: String,
    pub title: String,
    pub reports: Vec<ReportRef>,
    /// Why the reports describe the same event (place, date, type, shared figures, actors).
    pub reasons: Vec<String>,
}

/// Two reports that were alike but kept apart, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptApart {
    pub a: ReportRef,
    pub b: ReportRef,
    /// What they share.
    pub alike: Vec<String>,
    /// What kept them apart.
    pub why: Vec<String>,
}

/// What the merge stage did.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MergeExplanation {
    /// Reports in.
    pub reports: usize,
    /// Incidents out (merged ones count once).
    pub incidents: usize,
    pub merged: Vec<MergeNote>,
    pub kept_apart: Vec<KeptApart>,
}
