//! Model: the text form of a list of names (`actors`, `tags`) in the flat formats, where a
//! list must fit in one cell or one string property (CSV, GeoJSON properties).
//!
//! Items are joined with `; `, which is what people type in a spreadsheet. When that would
//! not read back as the same list (an item holds a `;`, is empty, starts or ends with a
//! space, or the first starts with `[`) the list is written as a JSON array of strings instead, and the reader takes a
//! cell that starts with `[` as such an array.

use std::borrow::Cow;

/// The text of a list: `a; b`, or a JSON array when `; ` would not round-trip.
///
/// ```
/// use incimap::model::{list_text, parse_list_text};
/// let plain = vec!["SDF".to_string(), "IS".to_string()];
/// assert_eq!(list_text(&plain), "SDF; IS");
/// let odd = vec!["Ahrar al-Sham; allies".to_string()];
/// assert_eq!(list_text(&odd), r#"["Ahrar al-Sham; allies"]"#);
/// assert_eq!(parse_list_text(&list_text(&odd)).unwrap(), odd);
/// ```
pub fn list_text(items: &[String]) -> Cow<'_, str> {
    let needs_json = items
        .iter()
        .any(|i| i.contains(';') || i.trim() != i || i.is_empty())
        || items.first().is_some_and(|i| i.starts_with('['));
    match items {
        _ if needs_json => serde_json::to_string(items).unwrap_or_default().into(),
        [] => "".into(),
        [one] => one.as_str().into(),
        _ => items.join("; ").into(),
    }
}

/// Reads [`list_text`]'s form back: a JSON array of strings when the text starts with `[`,
/// otherwise the `;`-separated items, trimmed, empty ones left out.
pub fn parse_list_text(text: &str) -> Result<Vec<String>, serde_json::Error> {
    if text.trim_start().starts_with('[') {
        return serde_json::from_str(text);
    }
    Ok(text
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_reads_back_as_written() {
        let lists: Vec<Vec<String>> = vec![
            vec![],
            vec!["a".into()],
            vec!["a".into(), "b c".into()],
            vec!["a; b".into()],
            vec!["a;b".into(), "c".into()],
            vec![" padded ".into()],
            vec!["".into()],
            vec!["[not json".into()],
            vec!["quote \" and \\ backslash".into(), "عين عيسى".into()],
        ];
        for list in lists {
            let text = list_text(&list);
            assert_eq!(parse_list_text(&text).unwrap(), list, "{text}");
        }
        assert_eq!(list_text(&["a".into(), "b".into()]), "a; b");
        assert_eq!(list_text(&["a; b".into()]), "[\"a; b\"]");
    }
}
