//! What became of a protest decides its kind, as ACLED defines it: a crowd that burns,
//! vandalises or clashes makes a violent demonstration; authorities who disperse the crowd,
//! fire tear gas or arrest protesters make a protest with intervention; what the protest is
//! about (an arrest, a riot elsewhere) changes nothing. Sentences written for these tests.

use incimap::model::SubEventType;

use crate::common;

fn kind(text: &str) -> Option<SubEventType> {
    let ex = common::read_sentence("2024-06-03", text);
    assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
    ex.incidents[0].sub_event_type
}

#[test]
fn a_protest_the_police_broke_up_is_a_protest_with_intervention() {
    let cases = [
        "On 1 June, traders protested in Nyeri over market fees. Police dispersed them.",
        "On 1 June, nurses marched in Nyeri to demand their pay. The police intervened and \
         fired tear gas at the marchers.",
        "On 1 June, students held a sit-in in Nyeri against fee increases. Police arrested \
         twelve of them.",
        "On 1 June, about 60 farmers demonstrated in Nyeri over maize prices. Eight \
         demonstrators were detained by the police.",
        "Op 1 juni betoogden boeren in Nyeri tegen de maïsprijzen. De politie greep in en \
         zette traangas in.",
    ];
    for text in cases {
        assert_eq!(
            kind(text),
            Some(SubEventType::ProtestWithIntervention),
            "{text}"
        );
    }
}

#[test]
fn a_protest_whose_crowd_burned_or_vandalised_is_a_violent_demonstration() {
    let cases = [
        "On 1 June, youths protested in Nyeri after a power cut. They set fire to a county \
         office.",
        "On 1 June, residents demonstrated in Nyeri over water shortages. They vandalised \
         the water company's offices.",
        "On 1 June, motorcycle taxi riders protested in Nyeri. Clashes with the police broke \
         out when officers tried to clear the road.",
        // Violence of the crowd decides even when the police also intervened.
        "On 1 June, traders demonstrated in Nyeri; they burned tyres and the police \
         dispersed them with tear gas.",
    ];
    for text in cases {
        assert_eq!(
            kind(text),
            Some(SubEventType::ViolentDemonstration),
            "{text}"
        );
    }
}

#[test]
fn what_a_protest_is_about_does_not_change_its_kind() {
    let cases = [
        // An arrest the protest is about.
        "On 1 June, lawyers protested in Nyeri against the arrest of a colleague.",
        "On 1 June, relatives protested in Nyeri, demanding the release of two men who were \
         detained last week.",
        // Riots and an attack told as the cause or as comment.
        "On 1 June, residents protested in Nyeri after riots in the county prison.",
        "On 1 June, journalists protested in Nyeri. They called the raid on their newspaper \
         an attack on the press.",
        // What was done to others, joined to the topic with "and".
        "On 1 June, shopkeepers protested in Nyeri against the looting and burning of their \
         stalls.",
        // A burned effigy is a sign, not violence.
        "On 1 June, students protested in Nyeri and burned an effigy of the governor.",
        // An arrest of someone else, told apart.
        "On 1 June, teachers protested in Nyeri over late salaries. Their union leader was \
         arrested in March.",
        // No arrests is no intervention.
        "On 1 June, farmers protested peacefully in Nyeri. There were no arrests.",
    ];
    for text in cases {
        assert_eq!(kind(text), Some(SubEventType::PeacefulProtest), "{text}");
    }
}

#[test]
fn a_district_named_after_a_town_does_not_hide_the_protest_in_focus() {
    // The county only holds the town: the next sentence still tells of this protest.
    let text =
        "On 1 June, traders protested in Haldwani town (Nainital district) over market fees. \
                The police intervened.";
    assert_eq!(kind(text), Some(SubEventType::ProtestWithIntervention));
}

#[test]
fn the_words_of_these_phrases_do_not_cut_names() {
    // "water cannon" is a phrase of the lexicon; "Water" alone is no common word, so "the
    // Water Corporation" stays one name and "Corporation" is never read as a town.
    let ex = common::read_sentence(
        "2024-06-03",
        "On 1 June, the Water Corporation told swimmers to stay away from the beach in Malindi.",
    );
    let mentioned: Vec<String> = common::places(&ex).into_iter().map(|(a, _)| a).collect();
    assert!(
        !mentioned.iter().any(|m| m == "Corporation"),
        "{mentioned:?}"
    );
}

#[test]
fn a_division_of_the_town_s_own_name_keeps_the_story_in_the_town() {
    // "in A, A Commune": the commune named after the town is no second place, so what the
    // next sentence tells (the police broke the march up) is still of the march in A.
    assert_eq!(
        kind(
            "On 1 June, hundreds of residents marched in Nyeri, Nyeri Commune, against the \
             election results. Police dispersed the marchers with tear gas."
        ),
        Some(SubEventType::ProtestWithIntervention)
    );
    // A commune of another name is a place of its own the gazetteer lacks: the next
    // sentence may be about it, and is not put at Nyeri.
    assert_eq!(
        kind(
            "On 1 June, hundreds of residents marched in Nyeri, Gakindu Commune, against the \
             election results. Police dispersed the marchers with tear gas."
        ),
        Some(SubEventType::PeacefulProtest)
    );
}

#[test]
fn a_death_during_a_protest_is_a_death_at_it() {
    use incimap::model::Measure;
    let at = common::read_sentence(
        "2024-06-03",
        "On 1 June, nine inmates were shot dead by guards during a protest over food at the \
         prison in Nyeri.",
    );
    assert_eq!(
        common::best_by_place(&at, Measure::Killed),
        [("Nyeri".to_string(), Some(9))]
    );
    // A death the protest is about stays out of its toll.
    let about = common::read_sentence(
        "2024-06-03",
        "On 1 June, traders protested in Nyeri after a guard killed two hawkers.",
    );
    assert_eq!(
        common::best_by_place(&about, Measure::Killed),
        [("Nyeri".to_string(), None)]
    );
}

#[test]
fn guns_fired_in_the_air_by_the_crowd_make_it_violent_by_the_police_an_intervention() {
    assert_eq!(
        kind(
            "On 1 June, unpaid guards demonstrated outside the county offices in Nyeri, firing \
             their rifles into the air for an hour."
        ),
        Some(SubEventType::ViolentDemonstration)
    );
    assert_eq!(
        kind(
            "On 1 June, traders protested in Nyeri over market fees, and police fired shots into \
             the air to scatter them."
        ),
        Some(SubEventType::ProtestWithIntervention)
    );
}
