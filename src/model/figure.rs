//! Model (shared by every stage): figures (how many were killed, escaped, held …) and the
//! claims they rest on, each with who said it and where it was read.
//!
//! # Best-estimate policy
//! A figure's `low`, `best` and `high` are derived from its claims by [`Figure::from_claims`]:
//! - every claim contributes its value; a vague amount counts at its conservative value
//!   ("hundreds" = 100, "dozens" = 12, "thousands" = 1,000, like ACLED);
//! - `low` is the smallest value claimed, `high` the largest;
//! - `best` is `low`: when sources disagree the most conservative claim stands, as in ACLED's
//!   fatality policy. A single claim is its own best estimate.
//!
//! Tables that carry their own best/low/high (UCDP, an analyst's CSV) keep them as given.

use serde::{Deserialize, Serialize};

use super::measure::Measure;

/// How a reported number was qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "84 IS fighters".
    Exact,
    /// "at least 136", "zeker 136", "minstens".
    AtLeast,
    /// "more than 700", "meer dan", "ruim".
    MoreThan,
    /// "about 12,000", "zo'n", "naar schatting".
    About,
    /// "at most", "up to", "bijna" (nearly).
    AtMost,
    /// A vague amount ("hundreds"); the value is its conservative reading.
    Vague,
}

impl Qualifier {
    /// True when the value is a floor ("700+").
    pub fn is_floor(self) -> bool {
        matches!(
            self,
            Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::Vague
        )
    }
}

/// Where a claim was read: a file (or URL) and a byte span in it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextSpan {
    pub file: String,
    pub start: usize,
    pub end: usize,
}

/// One reported value and who reported it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub value: u64,
    pub qualifier: Qualifier,
    /// The words as written ("meer dan 700", "honderden").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Who said it ("Kurdish authorities", "Syrian Observatory for Human Rights").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where it was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<TextSpan>,
    /// The document it was read from, set when reports of several documents were merged into
    /// one incident (see [`ClaimDoc`]); a single report's document is the incident's source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<ClaimDoc>,
}

/// The document a claim of a merged incident comes from: who published it, which file (and
/// which record of a table), and when.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClaimDoc {
    /// The outlet or data set ("Reuters", "ACLED", "UCDP GED").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// File path or URL the report was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The record of a table (its id, e.g. ACLED's `event_id_cnty`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// Publication date of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<super::DateSpan>,
}

impl Claim {
    pub fn new(value: u64, qualifier: Qualifier) -> Claim {
        Claim {
            value,
            qualifier,
            text: None,
            source: None,
            span: None,
            document: None,
        }
    }

    pub fn with_source(mut self, source: impl Into<String>) -> Claim {
        self.source = Some(source.into());
        self
    }

    pub fn with_text(mut self, text: impl Into<String>) -> Claim {
        self.text = Some(text.into());
        self
    }

    /// The value as a reader would write it: "700+", "~12,000", "136".
    pub fn short_label(&self) -> String {
        let n = group_thousands(self.value);
        match self.qualifier {
            Qualifier::Exact => n,
            Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::Vague => format!("{n}+"),
            Qualifier::About => format!("~{n}"),
            Qualifier::AtMost => format!("≤{n}"),
        }
    }
}

/// A count of people (or things) with its range and every claim behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub measure: Measure,
    /// Who is counted ("IS fighters", "guards", "civilians").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// A breakdown of this total by subject (136 killed = 84 + 45 + 7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Figure>,
}

impl Figure {
    /// A figure whose low/best/high follow the best-estimate policy (module docs).
    pub fn from_claims(measure: Measure, subject: Option<String>, claims: Vec<Claim>) -> Figure {
        let low = claims.iter().map(|c| c.value).min();
        let high = claims.iter().map(|c| c.value).max();
        Figure {
            measure,
            subject,
            low,
            best: low,
            high,
            claims,
            parts: Vec::new(),
        }
    }

    /// A figure with given values and no claims (from a table).
    pub fn from_value(measure: Measure, best: u64) -> Figure {
        Figure {
            measure,
            subject: None,
            low: Some(best),
            best: Some(best),
            high: Some(best),
            claims: Vec::new(),
            parts: Vec::new(),
        }
    }

    pub fn with_parts(mut self, parts: Vec<Figure>) -> Figure {
        self.parts = parts;
        self
    }

    /// The sum of the parts' best values, and whether it equals this figure's best value.
    /// `None` when there is no breakdown.
    pub fn breakdown_check(&self) -> Option<(u64, bool)> {
        if self.parts.is_empty() {
            return None;
        }
        let sum = self
            .parts
            .iter()
            .filter_map(|p| p.best)
            .fold(0u64, u64::saturating_add);
        Some((sum, Some(sum) == self.best))
    }

    /// True when the highest claim is itself a floor ("more than 700"), so the range is open.
    pub fn high_is_floor(&self) -> bool {
        self.claims
            .iter()
            .filter(|c| Some(c.value) == self.high)
            .any(|c| c.qualifier.is_floor())
    }

    /// "136", "700+", "100–700+", "~5,000": the range a label should show.
    pub fn range_label(&self) -> Option<String> {
        let best = self.best?;
        let high = self.high.unwrap_or(best);
        let low = self.low.unwrap_or(best);
        let plus = if self.high_is_floor() { "+" } else { "" };
        if low == high {
            if let [only] = self.claims.as_slice() {
                return Some(only.short_label());
            }
            return Some(format!("{}{plus}", group_thousands(high)));
        }
        Some(format!(
            "{}–{}{plus}",
            group_thousands(low),
            group_thousands(high)
        ))
    }

    /// True when the claims disagree (their values differ).
    pub fn is_disputed(&self) -> bool {
        matches!((self.low, self.high), (Some(l), Some(h)) if l != h)
    }
}

/// `12000` → `"12,000"` (English grouping; maps print figures this way in every language).
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflicting_claims_keep_both_and_best_is_conservative() {
        let fig = Figure::from_claims(
            Measure::Escaped,
            None,
            vec![
                Claim::new(700, Qualifier::MoreThan).with_source("Kurdish authorities"),
                Claim::new(100, Qualifier::Exact).with_source("Syrian Observatory"),
            ],
        );
        assert_eq!(
            (fig.low, fig.best, fig.high),
            (Some(100), Some(100), Some(700))
        );
        assert!(fig.is_disputed());
        assert_eq!(fig.range_label().as_deref(), Some("100–700+"));
    }

    #[test]
    fn breakdowns_are_checked_against_the_total() {
        let part = |n, who: &str| {
            let mut f = Figure::from_value(Measure::Killed, n);
            f.subject = Some(who.into());
            f
        };
        let total = Figure::from_claims(
            Measure::Killed,
            None,
            vec![Claim::new(136, Qualifier::AtLeast)],
        )
        .with_parts(vec![
            part(84, "IS fighters"),
            part(45, "guards"),
            part(7, "civilians"),
        ]);
        assert_eq!(total.breakdown_check(), Some((136, true)));
        assert_eq!(total.range_label().as_deref(), Some("136+"));
        let wrong = total.clone().with_parts(vec![part(84, "IS fighters")]);
        assert_eq!(wrong.breakdown_check(), Some((84, false)));
    }

    #[test]
    fn measures_parse_synonyms_and_keep_unknown_names() {
        assert_eq!(Measure::parse("Fatalities"), Measure::Killed);
        assert_eq!(Measure::parse("wounded"), Measure::Injured);
        assert_eq!(Measure::parse("Tents"), Measure::Other("tents".into()));
        let json = serde_json::to_string(&Measure::Present).unwrap();
        assert_eq!(json, "\"present\"");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(12000), "12,000");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }
}
