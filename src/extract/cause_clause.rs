//! Stage 1, extract: a count told in a clause about what led to the event. In "residents
//! set a bar alight after the body of a boy was found there" or "villagers beat a man after
//! two children died" the death is the cause, an earlier event of its own (often elsewhere,
//! or on another day): it is no casualty of the event the sentence reports. Such a count is
//! left unattached with the reason, never added to the toll of the event. (A cause told
//! with a place of its own, "after air strikes on B killed 30", is an event at that place.)
//!
//! Only a cause word after the event was told opens such a clause ("set it alight after
//! ..."): a sentence that opens with its cause ("After the shelling killed three people,
//! residents fled") often tells the event of the report there, and "the following day" (an
//! article before the word) opens no cause at all.

use super::lexicon::{Lexicon, Sec};

/// The token of the cause word (the lexicon's `cause_clauses`: "after", "following",
/// "because"; Dutch "nadat", "omdat") whose clause holds the count at `at`, in a sentence
/// that starts at `from`: the nearest such word before the count with no comma or clause
/// break (`clause_break`) between them, that follows the event told before it (no comma,
/// article or sentence start right before it). `None` otherwise.
pub(super) fn cause_opener(
    lex: &Lexicon,
    words: &[&str],
    from: usize,
    at: usize,
    clause_break: impl Fn(usize) -> bool,
) -> Option<usize> {
    let j = (from + 1..at)
        .rev()
        .find(|&j| lex.has(Sec::CauseClauses, words[j]))?;
    let closed = (j + 1..at).any(|k| words[k] == "," || clause_break(k));
    let before = words[j - 1];
    let told_before = before != "," && !lex.has(Sec::Articles, before);
    (!closed && told_before).then_some(j)
}

/// Why a count in a cause clause is no figure of the event.
pub(super) fn cause_reason(word: &str) -> String {
    format!("told as what led to the event (\"{word} ...\"): an earlier event, not its toll")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::Lexicon;

    /// The cause word before `count` in `sentence` (words split at spaces; ";" breaks).
    fn opener(sentence: &str, count: &str) -> Option<String> {
        let lex = Lexicon::get("en")?;
        let words: Vec<&str> = sentence.split(' ').collect();
        let at = words.iter().position(|w| *w == count)?;
        cause_opener(lex, &words, 0, at, |k| words[k] == ";").map(|j| words[j].to_string())
    }

    #[test]
    fn a_count_after_the_cause_word_of_a_clause_is_the_cause() {
        assert_eq!(
            opener("crowds burned a bar after two boys died", "two").as_deref(),
            Some("after")
        );
        assert_eq!(
            opener("police fired because three officers were hurt", "three").as_deref(),
            Some("because")
        );
    }

    #[test]
    fn a_cause_that_opens_the_clause_or_follows_the_count_is_not() {
        assert_eq!(opener("after gunmen stormed it , five died", "five"), None);
        assert_eq!(
            opener("after the raid killed five , people fled", "five"),
            None
        );
        assert_eq!(
            opener("on monday , after the raid killed five", "five"),
            None
        );
        assert_eq!(opener("five died after gunmen stormed it", "five"), None);
        assert_eq!(opener("on the following day four died", "four"), None);
        // The cause clause ends at a comma: what comes after is told of the event again.
        assert_eq!(
            opener("residents fled after clashes , and police held six", "six"),
            None
        );
    }
}
