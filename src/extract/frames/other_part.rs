//! Stage 1, ingest/extract: a sentence that tells a new event in a part of the country it
//! names no town of ("Later a convoy was attacked in the north of the country", "Later is in
//! het noorden van het land een konvooi aangevallen"): the story moves away from the incident
//! in focus, and the counts told next of that event ("Ten were killed there") are no counts
//! of it.

use super::super::lexicon::Sec;
use super::State;

/// Why the counts of such an event are no incident's.
pub(super) const OTHER_PART: &str =
    "a new event told in a part of the country that names no town of it";

/// How many words ("part") may stand between a direction and the link to the country ("the
/// northern part of the country").
const PART_WORDS: usize = 2;

impl State<'_> {
    /// True when sentence `si` names no town and tells a new event (an event word and an
    /// indefinite article) in a part of the country it names by a direction only.
    pub(super) fn new_event_in_another_part(&self, si: usize) -> bool {
        let r = &self.readings[si];
        let (from, to) = (r.sentence.start, r.sentence.end);
        let words = self.words;
        let event = (from..to).any(|i| self.lex.is_event_word(words[i]));
        let indefinite = (from..to).any(|i| self.lex.has(Sec::Indefinite, words[i]));
        event && indefinite && self.part_of_the_country(from, to)
    }

    /// True when tokens `from..to` name a part of the country by a direction only ("in the
    /// north of the country", "the northern part of the country", "in het noorden van het
    /// land").
    fn part_of_the_country(&self, from: usize, to: usize) -> bool {
        let words = self.words;
        let country_at = |j: usize| {
            j + 2 < to
                && self.lex.has(Sec::CountryPartLinks, words[j])
                && self.lex.is_definite(words[j + 1])
                && self.lex.has(Sec::CountryNouns, words[j + 2])
        };
        (from..to)
            .filter(|&i| self.lex.has(Sec::Directional, words[i]))
            .any(|i| (i + 1..=i + 1 + PART_WORDS).any(country_at))
    }
}
