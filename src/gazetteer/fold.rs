//! Gazetteer: name folding, one function used for both the index and the query.
//!
//! First version: lower-case, apostrophe-like characters dropped, hyphens and dots to spaces,
//! spaces collapsed. (Transliteration equivalences and Arabic normalization come with the
//! world gazetteer.)

/// Folds a place name to its matching key.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for ch in name.chars().flat_map(char::to_lowercase) {
        match ch {
            '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{02BF}' | '\u{02BE}' => {}
            c if c.is_whitespace() || c == '-' || c == '.' || c == '_' => space = true,
            c if c.is_control() => {}
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_punctuation_case_and_spaces() {
        assert_eq!(fold("'Ayn 'Isa"), "ayn isa");
        assert_eq!(fold("  al-Hasakah. "), "al hasakah");
        assert_eq!(fold("Ras  al\u{2019}Ain"), "ras alain");
        assert_eq!(fold(""), "");
    }
}
