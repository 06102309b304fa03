//! An attack on property in which no one is hurt destroys property (ACLED's Looting/property
//! destruction); an arson attack is one too. People hurt there, a mob that attacked, or fire
//! at a building held by a side tell another kind; shops and restaurants counted are no
//! people. Sentences written for these tests.

use incimap::model::SubEventType;

use crate::common;

fn kind(text: &str) -> Option<SubEventType> {
    let ex = common::read_sentence("2024-06-03", text);
    assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
    ex.incidents[0].sub_event_type
}

#[test]
fn an_attack_on_a_building_with_no_one_hurt_destroys_property() {
    for text in [
        "On 1 June, gunmen attacked a warehouse in Kitale and damaged its doors.",
        "On 1 June, unknown assailants attacked the offices of a radio station in Kitale. No \
         casualties were reported.",
        "On 1 June, a militant cell carried out an arson attack on a textile factory in Kitale.",
        "Op 1 juni pleegden gewapende mannen een aanval op een fabriek in Kitale.",
    ] {
        assert_eq!(
            kind(text),
            Some(SubEventType::LootingPropertyDestruction),
            "{text}"
        );
    }
}

#[test]
fn people_hurt_a_mob_or_fire_at_a_held_building_tell_another_kind() {
    for text in [
        "On 1 June, gunmen attacked a warehouse in Kitale, killing three.",
        "On 1 June, an arson attack on a house in Kitale killed two children.",
        "On 1 June, a crowd of residents attacked the offices of the county in Kitale.",
        "On 1 June, troops fired machine guns at a factory held by rebels in Kitale.",
    ] {
        assert_ne!(
            kind(text),
            Some(SubEventType::LootingPropertyDestruction),
            "{text}"
        );
    }
}

#[test]
fn shops_and_restaurants_counted_are_no_people() {
    // "killed at two convenience stores": the two count stores, not the dead.
    for text in [
        "On 1 June, three people were killed at two convenience stores in Kitale.",
        "On 1 June, gunmen attacked two restaurants in Kitale, killing three people.",
    ] {
        let ex = common::read_sentence("2024-06-02", text);
        let best = common::all_best(&ex);
        assert_eq!(best, [Some(3)], "{text}");
    }
}
