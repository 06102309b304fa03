//! Text from the input made safe to print on a terminal: control characters (ESC and the
//! rest of C0 and C1, DEL) are shown as `\u{1b}` escapes, so a name in a file cannot move the
//! cursor, recolour the terminal or hide a message. Line breaks and tabs stay.

use std::borrow::Cow;

fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` with every control character but `\n` and `\t` escaped.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_run() {
        assert_eq!(printable("Suluk"), "Suluk");
        assert_eq!(printable("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(printable("x\ry\u{9b}z\n"), "x\\u{d}y\\u{9b}z\n");
    }
}
