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

/// Escapes `text` into `out` for markup (XML, SVG, HTML): `&`, `<`, `>` and `"` as their
/// entities, `'` as `apostrophe` (`&apos;` or `&#39;`), and every other character as `keep`
/// maps it (`None` leaves it out).
pub fn escape_markup(
    text: &str,
    out: &mut String,
    apostrophe: &str,
    keep: impl Fn(char) -> Option<char>,
) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str(apostrophe),
            c => out.extend(keep(c)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_the_five_characters_and_maps_the_rest() {
        let mut out = String::new();
        escape_markup("a<b>&\"c'\u{0}", &mut out, "&apos;", |c| Some(xml_char(c)));
        assert_eq!(out, "a&lt;b&gt;&amp;&quot;c&apos;\u{FFFD}");
        let mut out = String::new();
        escape_markup("x'\u{7}y", &mut out, "&#39;", |c| {
            (c != '\u{7}').then_some(c)
        });
        assert_eq!(out, "x&#39;y");
    }

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
