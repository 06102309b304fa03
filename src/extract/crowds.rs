//! Stage 1, extract: violence by crowds. ACLED's definitions decide: a demonstration that
//! turns violent (stones thrown, a riot) is a Violent demonstration, not a
//! Peaceful protest; a clash fought with stones and sticks, by a mob, is Mob violence, not an
//! Armed clash between organised armed groups. The cues are the lexicon's `events`.

use super::events::EventCue;
use super::incidents::Reading;
use super::lexicon::{Lexicon, Sec};
use super::victims::{side_of_words, word_side, Victims};
use crate::model::SubEventType;

/// The sub-event type `chosen`, corrected by the other cues of its incident: a peaceful
/// protest with a clash of its crowd (`crowd`: "protesters clashed with the police") is a
/// violent demonstration (other violence told beside a protest: [`super::protest_kind`]);
/// an armed clash told with the signs of a mob (stones, "a mob", a crowd) is mob violence.
pub fn by_crowd<'c>(
    chosen: SubEventType,
    crowd: bool,
    cues: impl IntoIterator<Item = &'c EventCue> + Clone,
) -> SubEventType {
    let mut all = cues.into_iter().map(|c| c.sub_type);
    match chosen {
        SubEventType::PeacefulProtest if crowd => SubEventType::ViolentDemonstration,
        SubEventType::ArmedClash if crowd || all.any(|s| s == SubEventType::MobViolence) => {
            SubEventType::MobViolence
        }
        SubEventType::Attack if crowd => SubEventType::MobViolence,
        other => other,
    }
}

/// How many words before a clash word may name who clashed.
const CROWD_WORDS: usize = 4;

/// True when the clash word of `cue` ("clashed") follows the people who clashed and they are
/// no armed side ("villagers clashed with the police", "rival supporters clashed"): a crowd,
/// not two armed groups. Named kinds of violence only (not "attacked").
pub fn crowd_clash(lex: &Lexicon, text: &str, r: &Reading, cue: &EventCue) -> bool {
    if cue.fallback || cue.sub_type != SubEventType::ArmedClash {
        return false;
    }
    // ("a shoot-out between the police and suspects": both sides fired; no crowd.)
    let word = r.lower_word(text, cue.token).unwrap_or_default();
    if lex.has(Sec::Gunfights, &word) {
        return false;
    }
    let from = cue.token.saturating_sub(CROWD_WORDS).max(r.sentence.start);
    let words = (from..cue.token)
        .rev()
        .filter_map(|k| r.lower_word(text, k));
    side_of_words(lex, words) == Some(Victims::Civilians)
        || (from..cue.token).rev().any(|k| a_people(lex, text, r, k))
        || between_a_crowd(lex, text, r, cue)
        // (An armed group that fought residents fought a communal militia or attacked them.)
        || with_a_crowd(lex, text, r, cue) && doers(lex, text, r, cue) != Some("armed group")
}

/// The side of the people named nearest before the clash word in its sentence (a word for
/// people, not for what was hit: "raided the village and clashed" names the raiders; an
/// `armed_words` word names an armed group).
fn doers<'l>(lex: &'l Lexicon, text: &str, r: &Reading, cue: &EventCue) -> Option<&'l str> {
    (r.sentence.start..cue.token).rev().find_map(|k| {
        let w = r.lower_word(text, k).unwrap_or_default();
        // ("armed youth attacked ... and clashed with residents")
        let armed = lex.has(Sec::ArmedWords, &w).then_some("armed group");
        armed
            .or_else(|| lex.value(Sec::PersonSides, &w))
            .or_else(|| lex.value(Sec::Sides, &w))
    })
}

/// How many words after the word that joins a clash to its other side ("with") may name
/// that side.
const PARTNER_WORDS: usize = 4;

/// True when the other side of a clash, after a `clash_partners` word, is no armed side:
/// "the police clashed with market vendors", "soldiers fought with residents".
fn with_a_crowd(lex: &Lexicon, text: &str, r: &Reading, cue: &EventCue) -> bool {
    let end = r.sentence.end;
    let word = |k: usize| r.lower_word(text, k).unwrap_or_default();
    let Some(with) =
        (cue.end..end.min(cue.end + 2)).find(|&k| lex.has(Sec::ClashPartners, &word(k)))
    else {
        return false;
    };
    let partner = with + 1..end.min(with + 1 + PARTNER_WORDS);
    if partner.clone().any(|k| lex.has(Sec::ArmedWords, &word(k))) {
        return false;
    }
    side_of_words(lex, partner.clone().map(word)) == Some(Victims::Civilians)
        || partner.into_iter().any(|k| a_people(lex, text, r, k))
}

/// True when token `k` is a capitalised plural word for a people ("Palestinians",
/// "Venezolanen"): a crowd of no armed side.
fn a_people(lex: &Lexicon, text: &str, r: &Reading, k: usize) -> bool {
    let Some(word) = r.lower_word(text, k) else {
        return false;
    };
    let plural = Sec::PluralEndings.ends_in_any_language(&word);
    let capital = r
        .word(text, k)
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    plural
        && capital
        && lex
            .value(Sec::Nationalities, &word)
            .is_some_and(|v| v != "none")
}

/// True when a word for violence without its kind (`cue`: "beat", "attacked") has many
/// people of no armed side as its doers and a person as its object: "villagers beat up a suspected
/// thief", "a group of traders attacked a policewoman". An attack by a crowd is mob
/// violence. Not "five civilians killed in the shelling" (no object: the civilians are the
/// victims) nor "a farmer was attacked" (passive).
pub fn crowd_assault(lex: &Lexicon, text: &str, r: &Reading, cue: &EventCue) -> bool {
    let violence = matches!(
        cue.sub_type,
        SubEventType::Attack | SubEventType::ArmedClash
    );
    if !cue.fallback || !violence || cue.token <= r.sentence.start {
        return false;
    }
    let word = |k: usize| r.lower_word(text, k).unwrap_or_default();
    if lex.has(Sec::PassiveAuxiliaries, &word(cue.token - 1)) {
        return false;
    }
    let mut next = cue.token + 1;
    if Sec::VerbParticles.in_any_language(&word(next)) {
        next += 1;
    }
    let object = word(next);
    let has_object = lex.has(Sec::Articles, &object)
        || object.chars().any(|c| c.is_ascii_digit())
        || lex.value(Sec::Numbers, &object).is_some()
        || lex.has(Sec::PluralPronouns, &object)
        || lex.has(Sec::OnePersonPronouns, &object)
        || word_side(lex, &object).is_some();
    // Many people of no armed side ("villagers", "residents"): one man is no crowd.
    let from = cue.token.saturating_sub(CROWD_WORDS).max(r.sentence.start);
    let doers = (from..cue.token).rev().map(word).find_map(|w| {
        let side = word_side(lex, &w)?;
        Some(side == "civilian" && lex.value(Sec::Sides, &w).is_some())
    });
    next < r.sentence.end && has_object && doers == Some(true)
}

/// How many words may stand between a clash word and "between" ("a clash took place
/// between", "clashes broke out in the town between").
const BETWEEN_WORDS: usize = 6;
/// How many words after "between" may name the two sides.
const SIDES_WORDS: usize = 8;

/// True when the clash of `cue` is "between" (a `range_openers` word) two sides of which one
/// is no armed side: "a clash erupted between police and shopkeepers", "clashes between two
/// groups of the Foo community". The sides end where the clause goes on ("in", "over",
/// "killing", a comma).
fn between_a_crowd(lex: &Lexicon, text: &str, r: &Reading, cue: &EventCue) -> bool {
    let end = r.sentence.end;
    let word = |k: usize| r.lower_word(text, k).unwrap_or_default();
    let Some(between) = (cue.token + 1..end.min(cue.token + 2 + BETWEEN_WORDS))
        .take_while(|&k| word(k) != "," && !lex.has(Sec::ClauseBreaks, &word(k)))
        .find(|&k| lex.has(Sec::RangeOpeners, &word(k)))
    else {
        return false;
    };
    for k in between + 1..end.min(between + 1 + SIDES_WORDS) {
        let w = word(k);
        let joins = lex.has(Sec::Coordinators, &w)
            || lex.has(Sec::Articles, &w)
            || Sec::GenitiveOf.in_any_language(&w);
        let clause_goes_on = !w.chars().any(char::is_alphanumeric)
            || lex.has(Sec::Stop, &w) && !joins
            || lex.value(Sec::Measures, &w).is_some();
        if clause_goes_on {
            return false;
        }
        if word_side(lex, &w) == Some("civilian") || a_people(lex, text, r, k) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(sub_type: SubEventType) -> EventCue {
        EventCue {
            token: 0,
            end: 1,
            sub_type,
            fallback: false,
            unnamed_ground: false,
            ground_at: None,
        }
    }

    #[test]
    fn a_protest_whose_crowd_clashed_is_a_violent_demonstration() {
        let told = [cue(SubEventType::PeacefulProtest)];
        assert_eq!(
            by_crowd(SubEventType::PeacefulProtest, true, &told),
            SubEventType::ViolentDemonstration
        );
        let calm = [
            cue(SubEventType::PeacefulProtest),
            cue(SubEventType::Arrests),
        ];
        assert_eq!(
            by_crowd(SubEventType::PeacefulProtest, false, &calm),
            SubEventType::PeacefulProtest
        );
    }

    #[test]
    fn a_clash_with_stones_is_mob_violence_and_with_guns_stays_a_clash() {
        let stones = [
            cue(SubEventType::ArmedClash),
            cue(SubEventType::MobViolence),
        ];
        assert_eq!(
            by_crowd(SubEventType::ArmedClash, false, &stones),
            SubEventType::MobViolence
        );
        let shelling = [
            cue(SubEventType::ArmedClash),
            cue(SubEventType::ShellingArtilleryMissileAttack),
        ];
        assert_eq!(
            by_crowd(SubEventType::ArmedClash, false, &shelling),
            SubEventType::ArmedClash
        );
    }
}
