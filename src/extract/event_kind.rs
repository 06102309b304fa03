//! Stage 1, extract: the kind of event an incident is (an ACLED sub-event type). The first
//! cue that names a kind of violence decides ("shelling", "clashed"); else the first cue at
//! all ("attacked", "killed"), whose kind the victims tell ([`super::victims`]); crowds turn a
//! clash into mob violence and a protest into a violent demonstration ([`super::crowds`]);
//! what the crowd and the authorities did at a protest tells its kind
//! ([`super::protest_kind`]). Heavy weapons fired beside small arms are a clash: the sides
//! were in range of each other's rifles; so are shells answered by fire from the side shelled.

use super::events::EventCue;
use super::figures::FigureMention;
use super::incidents::Reading;
use super::lexicon::{Lexicon, Sec};
use crate::model::{Measure, SubEventType};

/// The sub-event type of an incident told in `sentences`, whose figures are `figures`.
pub fn sub_event_type<'f>(
    lex: &Lexicon,
    text: &str,
    sentences: &[&Reading],
    figures: impl IntoIterator<Item = &'f FigureMention>,
) -> Option<SubEventType> {
    let figures: Vec<&FigureMention> = figures.into_iter().collect();
    let told = || {
        sentences
            .iter()
            .flat_map(|r| r.events.iter().map(move |e| (*r, e)))
    };
    // "seized a truck": goods, the weakest cue; any other kind of violence told decides.
    let goods = |r: &Reading, e: &EventCue| super::seizures::goods_seized(lex, text, r, e);
    // "shelled the town ... and captured three villages": the violence decides before ground
    // taken that the text does not name, which may lie apart from the incident.
    let (reading, cue) = told()
        .find(|(r, e)| !e.fallback && goods(r, e).is_none() && !e.unnamed_ground)
        .or_else(|| told().find(|(r, e)| !e.fallback && goods(r, e).is_none()))
        .or_else(|| told().find(|(r, e)| e.fallback || goods(r, e).is_none()))
        .or_else(|| told().next())?;
    let seized = goods(reading, cue).map(|sub_type| EventCue { sub_type, ..*cue });
    let cue = seized.as_ref().unwrap_or(cue);
    let hurt_people = people_hurt(cue, &figures);
    let cue = hurt_people.as_ref().unwrap_or(cue);
    // "attacked", "killed": the casualties' side; else whom the first such word hit
    // ("attacked a farmer", "attacked a police post").
    let victims = super::victims::victims(lex, figures.iter().copied()).or_else(|| {
        sentences.iter().find_map(|r| {
            let generic = r.events.iter().find(|e| e.fallback)?;
            super::victims::hit(lex, text, r, generic)
        })
    });
    // "villagers clashed with the police": a clash of people who are no armed side (told
    // by any cue of the incident: "protesters ... clashed with the police").
    let crowd = super::crowds::crowd_clash(lex, text, reading, cue)
        || told().any(|(r, e)| super::crowds::crowd_clash(lex, text, r, e))
        || super::crowds::crowd_assault(lex, text, reading, cue);
    // ("attacked a school, killing three": people were hit where the building was; "a mob
    // attacked an office": mob violence.)
    let victims = victims
        .filter(|v| *v != super::victims::Victims::Property || !someone_hurt(&figures) && !crowd);
    let by_victims = super::victims::by_victims(cue, victims);
    // Fire at civilians from afar and with rifles is still one-sided.
    let one_sided = victims == Some(super::victims::Victims::Civilians);
    let by_victims = if remote(by_victims) && !one_sided && fire_both_ways(lex, text, sentences) {
        SubEventType::ArmedClash
    } else {
        by_victims
    };
    let all = sentences.iter().flat_map(|r| r.events.iter());
    let kind = super::crowds::by_crowd(by_victims, crowd, all);
    Some(super::protest_kind::protest_kind(
        lex, text, sentences, kind,
    ))
}

/// "killed the owner and stole his cattle", "beat three men and then detained them", "killed
/// a policeman who was seizing weapons": taking goods, weapons or people away is what else
/// happened when the incident counts people killed or wounded (ACLED's looting, arrests and
/// weapons seized are events in which no one is hurt): violence done to them, whose kind the
/// victims tell.
fn people_hurt(cue: &EventCue, figures: &[&FigureMention]) -> Option<EventCue> {
    let taking = matches!(
        cue.sub_type,
        SubEventType::LootingPropertyDestruction
            | SubEventType::Arrests
            | SubEventType::DisruptedWeaponsUse
    );
    (taking && someone_hurt(figures)).then_some(EventCue {
        sub_type: SubEventType::Attack,
        fallback: true,
        ..*cue
    })
}

/// True when the incident counts someone killed or wounded.
fn someone_hurt(figures: &[&FigureMention]) -> bool {
    figures
        .iter()
        .any(|f| matches!(f.measure, Some(Measure::Killed | Measure::Injured)) && f.claim.value > 0)
}

/// Kinds of violence done from afar: shells, grenades, bombs.
fn remote(sub: SubEventType) -> bool {
    use SubEventType::*;
    matches!(
        sub,
        ShellingArtilleryMissileAttack | Grenade | RemoteExplosiveLandmineIed
    )
}

/// True when the incident's sentences name direct fire (the lexicon's `direct_fire`: "small
/// arms": mortars and grenade launchers fired with small arms are a fight at close range) or
/// fire answered (`answered_fire`: "fired back", "an exchange of fire"): an armed clash, not
/// shelling.
fn fire_both_ways(lex: &Lexicon, text: &str, sentences: &[&Reading]) -> bool {
    sentences.iter().any(|r| {
        let words: Vec<String> = (r.sentence.start..r.sentence.end)
            .map(|k| r.lower_word(text, k).unwrap_or_default())
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        [Sec::DirectFire, Sec::AnsweredFire]
            .into_iter()
            .any(|section| {
                !lex.patterns(section)
                    .find_all(&words, 0, words.len())
                    .is_empty()
            })
    })
}
