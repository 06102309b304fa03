//! Stage 3, render: right-to-left words in the right order in PNG and PDF. usvg shapes each
//! word of Hebrew or Arabic right to left but lays the words of a line out left to right, so
//! "שלום עולם" came out with its words swapped. Before the SVG goes to usvg (not in the SVG
//! file itself, which browsers and editors lay out correctly), the text of every element is
//! put in visual order with the Unicode bidi algorithm (`unicode-bidi`): the level runs in
//! display order, and inside each right-to-left run the words reversed (each word stays in
//! logical order, for usvg to shape).

use std::borrow::Cow;

use unicode_bidi::{BidiClass, BidiInfo};

/// True for text with a right-to-left letter (Hebrew, Arabic, …).
fn has_rtl(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(unicode_bidi::bidi_class(c), BidiClass::R | BidiClass::AL))
}

/// One line of text in the word order usvg needs to display it right.
pub fn visual_words(line: &str) -> Cow<'_, str> {
    if !has_rtl(line) {
        return Cow::Borrowed(line);
    }
    let info = BidiInfo::new(line, None);
    let mut out = String::with_capacity(line.len());
    for paragraph in &info.paragraphs {
        let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
        for run in runs {
            let text = &line[run.clone()];
            if levels[run.start].is_rtl() {
                let words: Vec<&str> = text.split(' ').rev().collect();
                out.push_str(&words.join(" "));
            } else {
                out.push_str(text);
            }
        }
    }
    Cow::Owned(out)
}

/// The SVG with the text between tags in visual word order (only text with right-to-left
/// letters changes; markup never holds any).
pub fn for_renderer(svg: &str) -> Cow<'_, str> {
    if !has_rtl(svg) {
        return Cow::Borrowed(svg);
    }
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(open) = rest.find('>') {
        let (markup, after) = rest.split_at(open + 1);
        out.push_str(markup);
        let end = after.find('<').unwrap_or(after.len());
        out.push_str(&visual_words(&after[..end]));
        rest = &after[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_words_are_put_in_display_order() {
        assert_eq!(visual_words("Hasakah"), "Hasakah");
        assert_eq!(visual_words("שלום עולם"), "עולם שלום");
        assert_eq!(visual_words("מחנה אל הול"), "הול אל מחנה");
        assert_eq!(visual_words("مرحبا بالعالم"), "بالعالم مرحبا");
        let svg = "<text x=\"1\">שלום עולם</text><text>Suluk</text>";
        assert_eq!(
            for_renderer(svg),
            "<text x=\"1\">עולם שלום</text><text>Suluk</text>"
        );
    }
}
