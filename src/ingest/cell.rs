//! Stage 1, ingest: the values an analyst types into a table cell — counts such as `136`,
//! `700+`, `100-700`, `~5000`, `hundreds` (coordinates: `coordinates.rs`).

use crate::error::ParseError;
use crate::model::{Claim, Qualifier, MAX_COUNT};

const COUNT_FORMS: &str =
    "a whole number such as 136, 5,000, 700+, >700, 100-700, ~5000, <50, or a vague amount (dozens, hundreds, thousands)";

/// Vague amounts and their conservative values (ACLED's reading: "hundreds" = 100).
const VAGUE: [(&str, u64); 8] = [
    ("dozens", 12),
    ("scores", 20),
    ("tens", 10),
    ("tientallen", 12),
    ("hundreds", 100),
    ("honderden", 100),
    ("thousands", 1000),
    ("duizenden", 1000),
];

/// How R, pandas, SQL and spreadsheet exports write a missing value: read as an empty cell.
const MISSING: [&str; 12] = [
    "NA", "N/A", "n/a", "NaN", "nan", "NULL", "null", "Null", "None", "none", "-", "--",
];

/// True for a cell that only says the value is missing (`NA`, `NaN`, `NULL`, `None`, `-`).
pub fn is_missing(cell: &str) -> bool {
    MISSING.contains(&cell.trim())
}

/// A whole number as a table writes it: `6`, or `6.0` / `6.00` as pandas writes integral
/// floats (three decimals, `6.000`, are a thousands group and not read here).
pub fn parse_whole_number(text: &str) -> Option<u64> {
    let text = text.trim();
    let digits = text
        .strip_suffix(".00")
        .or_else(|| text.strip_suffix(".0"))
        .unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A numeric code cell (`2`, or `2.0` from pandas) as its integer text, other text as it is.
pub fn code_text(text: &str) -> std::borrow::Cow<'_, str> {
    match parse_whole_number(text) {
        Some(n) if text.contains('.') => n.to_string().into(),
        _ => text.into(),
    }
}

/// Parses a count cell into one or two claims (two for a range `low-high`). Empty cells give
/// `Ok(vec![])`. The claims carry the cell text; the caller adds the source.
/// A count above [`MAX_COUNT`] is refused.
pub fn parse_count_cell(cell: &str) -> Result<Vec<Claim>, ParseError> {
    let claims = parse_claims(cell)?;
    match claims.iter().find(|c| c.value > MAX_COUNT) {
        Some(_) => Err(too_large(cell.trim())),
        None => Ok(claims),
    }
}

/// The error for a count above [`MAX_COUNT`].
pub fn too_large(text: &str) -> ParseError {
    ParseError::new(format!(
        "a count of at most {MAX_COUNT} (ten billion: more people than live on Earth), got {text:?}"
    ))
}

fn parse_claims(cell: &str) -> Result<Vec<Claim>, ParseError> {
    let text = cell.trim();
    if text.is_empty() || is_missing(text) {
        return Ok(Vec::new());
    }
    let bad = || ParseError::new(format!("{COUNT_FORMS}, got {}", crate::error::echo(text)));
    let lower = text.to_lowercase();
    if let Some(&(_, value)) = VAGUE.iter().find(|(word, _)| *word == lower) {
        return Ok(vec![Claim::new(value, Qualifier::Vague).with_text(text)]);
    }
    let (qualifier, rest) = if let Some(rest) = lower.strip_suffix('+') {
        (Qualifier::MoreThan, rest)
    } else if let Some(rest) = lower.strip_prefix(">=").or_else(|| lower.strip_prefix('≥')) {
        (Qualifier::AtLeast, rest)
    } else if let Some(rest) = lower.strip_prefix('>') {
        (Qualifier::MoreThan, rest)
    } else if let Some(rest) = lower.strip_prefix("<=").or_else(|| lower.strip_prefix('≤')) {
        (Qualifier::AtMost, rest)
    } else if let Some(rest) = lower.strip_prefix('<') {
        (Qualifier::AtMost, rest)
    } else if let Some(rest) = lower.strip_prefix('~').or_else(|| lower.strip_prefix("c.")) {
        (Qualifier::About, rest)
    } else {
        (Qualifier::Exact, lower.as_str())
    };
    let rest = rest.trim();
    if qualifier == Qualifier::Exact {
        if let Some((low, high)) = split_range(rest) {
            let low = parse_whole(low).ok_or_else(bad)?;
            let high = parse_whole(high).ok_or_else(bad)?;
            if low > high {
                return Err(ParseError::new(format!(
                    "a range low-high with low <= high, got {text:?}"
                )));
            }
            return Ok(vec![
                Claim::new(low, Qualifier::AtLeast).with_text(text),
                Claim::new(high, Qualifier::AtMost).with_text(text),
            ]);
        }
    }
    let value = parse_whole(rest).ok_or_else(bad)?;
    Ok(vec![Claim::new(value, qualifier).with_text(text)])
}

fn split_range(text: &str) -> Option<(&str, &str)> {
    for sep in ['–', '—', '-'] {
        if let Some((a, b)) = text.split_once(sep) {
            if !a.trim().is_empty() && !b.trim().is_empty() {
                return Some((a.trim(), b.trim()));
            }
        }
    }
    None
}

/// A whole number, allowing thousands separators (`,` `.` space, narrow no-break space) only
/// between groups of exactly three digits, so that "2.5" is refused rather than read as 25.
fn parse_whole(text: &str) -> Option<u64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(value) = parse_whole_number(text) {
        return Some(value);
    }
    let groups: Vec<&str> = text
        .split([',', '.', ' ', '\u{202F}', '\u{00A0}'])
        .collect();
    let well_formed = groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && groups.iter().skip(1).all(|g| g.len() == 3)
        && groups[0].len() <= if groups.len() > 1 { 3 } else { 20 };
    if !well_formed {
        return None;
    }
    groups.concat().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(cell: &str) -> (u64, Qualifier) {
        let claims = parse_count_cell(cell).unwrap();
        assert_eq!(claims.len(), 1, "{cell}");
        (claims[0].value, claims[0].qualifier)
    }

    #[test]
    fn counts_in_the_forms_analysts_type() {
        assert_eq!(one("136"), (136, Qualifier::Exact));
        assert_eq!(one("700+"), (700, Qualifier::MoreThan));
        assert_eq!(one(">= 45"), (45, Qualifier::AtLeast));
        assert_eq!(one("~5000"), (5000, Qualifier::About));
        assert_eq!(one("5,000"), (5000, Qualifier::Exact));
        assert_eq!(one("5.000"), (5000, Qualifier::Exact));
        assert_eq!(one("12 000"), (12000, Qualifier::Exact));
        assert_eq!(one("Hundreds"), (100, Qualifier::Vague));
        assert_eq!(one("<50"), (50, Qualifier::AtMost));
        let range = parse_count_cell("100-700").unwrap();
        assert_eq!((range[0].value, range[1].value), (100, 700));
        assert!(parse_count_cell("  ").unwrap().is_empty());
    }

    #[test]
    fn integral_floats_and_missing_markers() {
        assert_eq!(one("6.0"), (6, Qualifier::Exact));
        assert_eq!(one("12.00"), (12, Qualifier::Exact));
        assert_eq!(one("6.000"), (6000, Qualifier::Exact));
        for missing in ["NA", "NaN", "NULL", "None", "-"] {
            assert!(parse_count_cell(missing).unwrap().is_empty(), "{missing}");
        }
        assert_eq!(parse_whole_number("6.0"), Some(6));
        assert_eq!(parse_whole_number("6.5"), None);
    }

    #[test]
    fn malformed_counts_say_what_was_expected() {
        for bad in ["many", "2.5", "1,00", "-3", "700-100", "12a"] {
            let err = parse_count_cell(bad).unwrap_err().to_string();
            assert!(err.starts_with("expected "), "{bad}: {err}");
            assert!(err.contains(bad), "{bad}: {err}");
        }
    }
}
