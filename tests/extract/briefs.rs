//! Brief reports (a few sentences about one event, as event data sets and wire briefs write
//! them): a count in a clause or sentence that names no place belongs to the one incident
//! the report tells, unless the text says the place is unknown. Sentences written for these
//! tests.

use incimap::extract::Extraction;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-06-03", text)
}

/// (place as written, best killed) of every incident.
fn killed(ex: &Extraction) -> Vec<(String, Option<u64>)> {
    common::best_by_place(ex, incimap::model::Measure::Killed)
}

#[test]
fn a_count_in_a_clause_without_a_place_goes_to_the_sentence_s_one_town() {
    // The count's clause names no place; the sentence names a ward the gazetteer lacks with
    // its town and province in brackets: the town is the one place it can be.
    let ex = read(
        "On 1 June, bandits clashed with the police during an attack on the police station \
         of Kaplelach ward (Nyahururu, Laikipia). One bandit was killed and the police drove \
         off the attackers.",
    );
    assert_eq!(killed(&ex), [("Nyahururu".to_string(), Some(1))]);
}

#[test]
fn in_a_brief_the_next_sentence_goes_on_with_the_one_incident() {
    // The first sentence also names a community and a neighbourhood the gazetteer lacks, so
    // no town alone is in focus; the brief still tells one incident.
    let ex = read(
        "On 2 June, in Webuye, police raided the Kaplelach community, Bondeni \
         neighbourhood. A shoot-out broke out and two suspects died.",
    );
    assert_eq!(killed(&ex), [("Webuye".to_string(), Some(2))]);
}

#[test]
fn in_a_longer_article_a_sentence_without_a_place_needs_one() {
    // Five sentences: no brief. The count after the raid is not put at the town.
    let ex = read(
        "On 2 June, in Webuye, police raided the Kaplelach community, Bondeni \
         neighbourhood. Residents protested. Traders closed their shops. The county \
         appealed for calm. Across the country two suspects died in such raids.",
    );
    assert!(
        killed(&ex).iter().all(|(_, k)| k.is_none()),
        "{:?}",
        killed(&ex)
    );
}

#[test]
fn a_death_at_an_unspecified_location_is_no_death_at_the_town() {
    let ex = read(
        "On 2 June, rebels fired mortars at army positions near Webuye. During the day, \
         one soldier was killed at an unspecified location.",
    );
    assert_eq!(killed(&ex), [("Webuye".to_string(), None)]);
    assert_eq!(ex.unattached.len(), 1, "{:?}", ex.unattached);
}

#[test]
fn a_village_west_of_a_town_given_with_its_province_is_near_that_town() {
    // The village is not in the gazetteer and the province in brackets only holds the town:
    // the town the village lies west of is the one place the deaths can be put near.
    let ex = read(
        "On 1 June, troops attacked a camp in Kamoro village west of Kitale town (Kitale, \
         Trans Nzoia). Two soldiers were killed.",
    );
    assert_eq!(killed(&ex), [("Kitale".to_string(), Some(2))]);
    assert_eq!(
        ex.incidents[0].place.precision,
        incimap::model::GeoPrecision::NearTown
    );
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
}

#[test]
fn a_brief_goes_on_at_the_one_town_of_its_first_sentence() {
    // The first sentence names no kind of event and ends at a community the gazetteer
    // lacks; the community, in its one town, is where the next sentence's deaths are.
    let ex = read(
        "On 1 June, in Nanyuki, Laikipia, police carried out an operation against drug \
         dealers in the Kwa Mbuzi community, an area controlled by a gang. Two men died and \
         the police seized two pistols.",
    );
    assert_eq!(killed(&ex), [("Kwa Mbuzi, Nanyuki".to_string(), Some(2))]);
}

#[test]
fn a_count_told_at_a_place_the_gazetteer_lacks_moves_the_story_away() {
    // The second sentence tells of a village the gazetteer lacks; the third goes on about
    // that blast, not about the shelling of the town told first.
    let ex = read(
        "Shells killed two traders in Nyeri on Monday. Three herders were killed by a bomb \
         in Kazimoto village. The blast also wounded two others.",
    );
    assert_eq!(killed(&ex), [("Nyeri".to_string(), Some(2))]);
    let injured = common::best_by_place(&ex, incimap::model::Measure::Injured);
    assert_eq!(injured, [("Nyeri".to_string(), None)]);
}

#[test]
fn a_count_at_a_new_name_after_a_locative_is_not_put_at_the_town_before() {
    // "Upper Kazimoto" is no place the gazetteer knows: its 49 dead are not Nyeri's.
    let ex = read(
        "Shells hit Nyeri on Monday, killing two traders. The police said 49 people had \
         been killed in Upper Kazimoto in two days of attacks.",
    );
    assert_eq!(killed(&ex), [("Nyeri".to_string(), Some(2))]);
    assert!(
        ex.unattached.iter().any(|u| u.value == 49),
        "{:?}",
        ex.unattached
    );
    // A name told before with the incident goes on there.
    let ex = read(
        "Militiamen attacked the villages of Kazimoto and Ndururi near Nyeri on Monday. \
         They killed 4 civilians in Kazimoto.",
    );
    assert_eq!(killed(&ex), [("Nyeri".to_string(), Some(4))]);
    // A capitalised word before a noun is an adjective, not a place.
    let ex = read("Shells hit Nyeri on Monday, killing two traders in Kenyan army raids.");
    assert_eq!(killed(&ex), [("Nyeri".to_string(), Some(2))]);
}
