//! The characters XML 1.0 allows. The rest (C0 controls but tab, line feed and carriage
//! return; U+FFFE, U+FFFF) cannot even be escaped, so every XML output (KML, SVG, and the
//! PDF and PNG drawn from the SVG) replaces them with U+FFFD REPLACEMENT CHARACTER and stays
//! well-formed whatever the input holds.

/// True for a character XML 1.0 allows in a document.
pub fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `c`, or U+FFFD when XML does not allow it.
pub fn xml_char(c: char) -> char {
    if allowed_in_xml(c) {
        c
    } else {
        '\u{FFFD}'
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_become_the_replacement_character() {
        for c in ['\u{0}', '\u{1b}', '\u{FFFE}', '\u{FFFF}'] {
            assert_eq!(xml_char(c), '\u{FFFD}', "{c:?}");
        }
        for c in ['a', '\t', '\u{85}', 'ع', '\u{FFFD}', '\u{1F600}'] {
            assert_eq!(xml_char(c), c, "{c:?}");
        }
    }
}
