//! Words of the language that say what happened to the people counted, and how many: one
//! side's word for its dead ("martyrs"), being driven from home, "half a dozen", the nouns
//! that name a group of people, and numbers beside them that count no one (strikes and
//! provinces counted, an age after "the age of"). Sentences written for these tests; places from the
//! built-in gazetteer (Kasulu in Tanzania, Nairobi in Kenya).

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

/// (measure, best) of every figure of the only incident.
fn figures(sentence: &str) -> Vec<(Measure, Option<u64>)> {
    let ex = read(sentence);
    assert_eq!(ex.incidents.len(), 1, "{sentence}: {:?}", ex.incidents);
    ex.incidents[0]
        .figures
        .iter()
        .map(|f| (f.measure.clone(), f.best))
        .collect()
}

#[test]
fn martyrs_are_dead_in_the_words_of_their_side() {
    assert_eq!(
        figures("Eleven people fell as martyrs when a car bomb exploded in Kasulu on Monday."),
        [(Measure::Killed, Some(11))]
    );
    assert_eq!(
        figures("A car bomb in Kasulu on Monday left 9 martyrs and 30 wounded."),
        [(Measure::Killed, Some(9)), (Measure::Injured, Some(30))]
    );
}

#[test]
fn people_driven_from_their_homes_are_displaced() {
    let ex = read("Shelling drove 400 families from Kasulu on Monday.");
    // "drove ... from" names the place left, not a displacement figure by itself.
    assert!(ex.incidents.iter().all(|i| i.figures.is_empty()), "{ex:?}");
    assert_eq!(
        figures("In Kasulu, 400 people were driven from their homes by the shelling on Monday."),
        [(Measure::Displaced, Some(400))]
    );
    assert_eq!(
        figures("In Kasulu, 700 people were forced to flee the fighting on Monday."),
        [(Measure::Displaced, Some(700))]
    );
}

#[test]
fn half_a_dozen_is_six_and_a_couple_two() {
    assert_eq!(
        figures("Half a dozen soldiers were killed in an ambush near Kasulu on Monday."),
        [(Measure::Killed, Some(6))]
    );
    assert_eq!(
        figures("A couple of guards were wounded in an attack in Kasulu on Monday."),
        [(Measure::Injured, Some(2))]
    );
}

#[test]
fn citizens_and_nationals_are_people_counted() {
    assert_eq!(
        figures("Police arrested 35 foreign nationals in Kasulu on Monday."),
        [(Measure::Detained, Some(35))]
    );
    assert_eq!(
        figures("Gunmen killed 4 local inhabitants in Kasulu on Monday."),
        [(Measure::Killed, Some(4))]
    );
}

#[test]
fn where_people_had_come_from_is_not_where_it_happened() {
    let ex = read("In Nairobi, police arrested 40 migrants who had come from Kasulu on Monday.");
    let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
    assert_eq!(places, ["Nairobi"], "{:?}", ex.incidents);
}

#[test]
fn a_dutch_separable_verb_for_dying_counts_the_dead() {
    // "omkomen" split in a main clause: "kwamen ... om".
    assert_eq!(
        figures("Bij een luchtaanval op Kasulu kwamen zaterdag negen burgers om."),
        [(Measure::Killed, Some(9))]
    );
    assert_eq!(
        figures("Bij gevechten in Kasulu kwamen drie agenten om bij een hinderlaag."),
        [(Measure::Killed, Some(3))]
    );
    // "kwamen ... om te": they came in order to do something; nobody died.
    let ex = read("In Kasulu kwamen duizenden mensen naar het plein om te protesteren.");
    assert!(
        ex.incidents
            .iter()
            .all(|i| i.figures.iter().all(|f| f.measure != Measure::Killed)),
        "{:?}",
        ex.incidents
    );
}

#[test]
fn the_toll_is_of_the_dead() {
    assert_eq!(
        figures("The toll from the bombing in Kasulu rose to 14, police said."),
        [(Measure::Killed, Some(14))]
    );
}

#[test]
fn a_crowd_is_not_the_toll_of_the_killing_it_protests() {
    // "the abduction and killing of a man": the killing names its own victim, also when it
    // is the second of two joined nouns; the crowd before it died nowhere.
    assert!(
        figures(
            "On Monday, hundreds of people marched in Kasulu demanding justice for the \
             abduction and killing of a shopkeeper."
        )
        .iter()
        .all(|(m, _)| *m != Measure::Killed),
        "a crowd read as dead"
    );
    // A word for the people who attacked counts only the number it belongs to: the gunmen
    // of the killing are not the marchers.
    assert!(
        figures(
            "On Monday, hundreds of people marched in Kasulu over the killing of a shopkeeper \
             by unknown gunmen."
        )
        .is_empty(),
        "a crowd read as attackers"
    );
    // A coder's size tag after the last full stop is no count of the killing before it.
    assert!(
        figures(
            "On Monday, hundreds of people marched in Kasulu over the death of a shopkeeper. \
             They blamed the police for the killing. [size=hundreds]"
        )
        .iter()
        .all(|(m, _)| *m != Measure::Killed),
        "a size tag read as dead"
    );
    // The same words still count their own number.
    assert_eq!(
        figures("On Monday, six gunmen killed two guards in Kasulu."),
        [(Measure::Attackers, Some(6)), (Measure::Killed, Some(2))]
    );
}

#[test]
fn a_count_of_weapons_or_neighbourhoods_is_no_toll() {
    // A missile counted, with the words for deaths told after it: no one is counted dead.
    assert!(
        figures(
            "On Monday, air defences in Kasulu intercepted at least one missile, with no \
             report of fatalities."
        )
        .iter()
        .all(|(m, v)| !(*m == Measure::Killed && v.unwrap_or(0) > 0)),
        "a missile read as dead"
    );
    // Districts of a town under a curfew after a death: a count of districts.
    assert!(
        figures(
            "On Monday, the authorities closed 12 neighbourhoods of Kasulu as a trader died \
             of the fever."
        )
        .iter()
        .all(|(m, v)| !(*m == Measure::Killed && *v == Some(12))),
        "neighbourhoods read as dead"
    );
}

#[test]
fn a_dutch_count_of_weapons_or_neighbourhoods_is_no_toll() {
    assert!(
        figures(
            "Bij een aanval op Kasulu vuurden strijders maandag minstens één raket af, zonder \
             doden."
        )
        .iter()
        .all(|(m, v)| !(*m == Measure::Killed && v.unwrap_or(0) > 0)),
        "a rocket read as dead"
    );
    assert!(
        figures(
            "Maandag sloot de overheid twaalf wijken van Kasulu af nadat een handelaar stierf."
        )
        .iter()
        .all(|(m, v)| !(*m == Measure::Killed && *v == Some(12))),
        "neighbourhoods read as dead"
    );
}

#[test]
fn corpses_are_dead_and_assailants_are_people() {
    assert_eq!(
        figures("Villagers found four corpses of herders in a ditch near Kasulu on Monday."),
        [(Measure::Killed, Some(4))]
    );
    assert_eq!(
        figures("Op maandag werden bij Kasulu drie lijken gevonden."),
        [(Measure::Killed, Some(3))]
    );
    // Who did it, counted as people (not as things without a measure).
    assert_eq!(
        figures("A trader was robbed by three armed assailants in Kasulu on Monday."),
        [(Measure::Attackers, Some(3))]
    );
}

#[test]
fn people_evacuated_are_displaced() {
    // ... also when counted first as the people who live there.
    assert_eq!(
        figures("About 2,500 residents fled from Kasulu after clashes on Monday."),
        [(Measure::Displaced, Some(2500))]
    );
    assert_eq!(
        figures("About 2,500 residents were evacuated from Kasulu after clashes on Monday."),
        [(Measure::Displaced, Some(2500))]
    );
    assert_eq!(
        figures("Maandag werden ongeveer 2500 bewoners geëvacueerd uit Kasulu na gevechten."),
        [(Measure::Displaced, Some(2500))]
    );
}

#[test]
fn a_count_before_an_active_verb_of_several_words_and_its_victim_is_the_attackers() {
    // "shot dead a farmer": the verb has an object, so the count before it did the killing.
    for text in [
        "On Monday, two militants shot dead a farmer in Kasulu.",
        "On Monday, two militants shot and killed a farmer in Kasulu.",
    ] {
        assert_eq!(
            figures(text),
            [(Measure::Attackers, Some(2)), (Measure::Killed, Some(1))],
            "{text}"
        );
    }
    // In the passive the count is of the dead.
    assert_eq!(
        figures("On Monday, two militants were shot dead in Kasulu."),
        [(Measure::Killed, Some(2))]
    );
}

#[test]
fn groups_counted_are_sides_not_people() {
    assert_eq!(
        figures("On Monday, six people were injured in a clash between two groups in Kasulu."),
        [(Measure::Injured, Some(6))]
    );
    assert_eq!(
        figures("Clashes between two clans killed four herders near Kasulu on Monday."),
        [(Measure::Killed, Some(4))]
    );
    assert_eq!(
        figures("Bij Kasulu raakten maandag twee groepen slaags; vier mensen raakten gewond."),
        [(Measure::Injured, Some(4))]
    );
}

#[test]
fn dead_and_wounded_counted_together_are_casualties_not_a_death_toll() {
    // One number for both: no killed figure and no injured figure can be read from it.
    let casualties = Measure::Other("casualties".into());
    for sentence in [
        "A car bomb exploded in Kasulu on Monday, killing and wounding 14 soldiers.",
        "Twenty people were killed or injured when a bomb went off in Kasulu on Monday.",
        "Op maandag vielen bij een bomaanslag in Kasulu twintig doden en gewonden.",
    ] {
        let got = figures(sentence);
        assert_eq!(got.len(), 1, "{sentence}: {got:?}");
        assert_eq!(got[0].0, casualties, "{sentence}");
    }
    // Two numbers, one for each: a toll and a count of injured.
    assert_eq!(
        figures("A car bomb exploded in Kasulu on Monday, killing 3 and wounding 14 soldiers."),
        [(Measure::Killed, Some(3)), (Measure::Injured, Some(14))]
    );
}

#[test]
fn a_participle_after_and_governs_the_count_after_it() {
    assert_eq!(
        figures("On Monday troops raided a camp near Kasulu, killing 4 fighters and arresting 9."),
        [(Measure::Killed, Some(4)), (Measure::Detained, Some(9))]
    );
    assert_eq!(
        figures("On Monday gunmen attacked Kasulu, killing 2 and abducting 11 villagers."),
        [(Measure::Killed, Some(2)), (Measure::Captured, Some(11))]
    );
}

#[test]
fn burnt_alive_and_beaten_to_death_are_killings() {
    for sentence in [
        "A mob burnt alive two suspected thieves in Kasulu on Monday.",
        "Two suspected thieves were burned alive by a mob in Kasulu on Monday.",
        "Twee vermoedelijke dieven werden maandag in Kasulu doodgeslagen door een menigte.",
        "Een menigte heeft maandag in Kasulu twee vermoedelijke dieven gelyncht.",
        "Twee vermoedelijke dieven werden maandag in Kasulu door een menigte levend verbrand.",
    ] {
        assert_eq!(
            figures(sentence),
            [(Measure::Killed, Some(2))],
            "{sentence}"
        );
    }
}

#[test]
fn armed_people_counted_where_no_attack_is_told_are_no_attackers() {
    // Gunmen who stay or leave are counted, but nobody attacked: no figure of the event.
    assert_eq!(
        figures("Some 160 gunmen remained in Kasulu on Monday after the deal."),
        []
    );
    assert_eq!(
        figures("About 200 gunmen were evacuated from Kasulu on Monday."),
        []
    );
    // Who stormed a post, or robbed a trader, did it.
    assert_eq!(
        figures("Five gunmen stormed a police post in Kasulu on Monday."),
        [(Measure::Attackers, Some(5))]
    );
}

#[test]
fn the_injury_of_people_counts_them_injured_like_their_death_counts_them_dead() {
    assert_eq!(
        figures(
            "Shells landed on a market in Kasulu on Monday, causing the death of one trader and \
             the injury of 13 others."
        ),
        [(Measure::Killed, Some(1)), (Measure::Injured, Some(13))]
    );
}

#[test]
fn vehicles_counted_are_no_people() {
    // Two motorcycles carried the attackers; only the driver is a death.
    assert_eq!(
        figures("Officials said a driver was killed in an attack by two motorcycles near Kasulu."),
        [(Measure::Killed, Some(1))]
    );
    assert_eq!(
        figures("Militants burned three boats and killed a fisherman near Kasulu."),
        [(Measure::Killed, Some(1))]
    );
}

#[test]
fn strikes_and_provinces_counted_are_no_toll() {
    // The strikes and the provinces are what is counted beside the dead, not the dead.
    for (sentence, counted) in [
        (
            "Ten people were killed in two airstrikes on Kasulu on Monday.",
            2,
        ),
        (
            "Ten people were killed in three provinces on Monday, including in Kasulu.",
            3,
        ),
        (
            "Tien mensen kwamen maandag om bij twee luchtaanvallen op Kasulu.",
            2,
        ),
    ] {
        let ex = read(sentence);
        let read_as_dead = ex
            .incidents
            .iter()
            .flat_map(|i| &i.figures)
            .flat_map(|f| &f.claims)
            .any(|c| c.value == counted);
        let loose_dead = ex
            .regional
            .iter()
            .chain(&ex.unattached)
            .any(|u| u.value == counted && u.measure == Some(Measure::Killed));
        assert!(!read_as_dead && !loose_dead, "{sentence}: {ex:?}");
    }
}

#[test]
fn an_age_after_of_is_no_count() {
    // "under the age of 18" says how old the wounded were, not how many.
    for sentence in [
        "A blast in Kasulu on Monday wounded 30 people, including 14 under the age of 18.",
        "Een explosie in Kasulu verwondde maandag 30 mensen, onder wie 14 onder de leeftijd van 18.",
    ] {
        let ex = read(sentence);
        let values: Vec<u64> = ex
            .incidents
            .iter()
            .flat_map(|i| &i.figures)
            .flat_map(|f| f.claims.iter().chain(f.parts.iter().flat_map(|p| &p.claims)))
            .map(|c| c.value)
            .collect();
        assert!(values.contains(&30), "{sentence}: {values:?}");
        assert!(!values.contains(&18), "{sentence}: {values:?}");
    }
}

#[test]
fn a_time_of_day_with_a_decimal_point_counts_no_one() {
    for sentence in [
        "The attackers reached Kasulu at about 13.00 on Tuesday and killed two people.",
        "The attackers reached Kasulu at 04.30 on Tuesday and killed two people.",
    ] {
        assert_eq!(
            figures(sentence),
            [(Measure::Killed, Some(2))],
            "{sentence}"
        );
    }
    // A decimal before a word for millions is still a number (too large for one event's
    // toll: a regional figure).
    let ex = read("Floods in Kasulu drove 1.5 million people from their homes on Tuesday.");
    let values: Vec<u64> = ex.regional.iter().map(|f| f.value).collect();
    assert_eq!(values, [1_500_000]);
}

#[test]
fn the_same_one_is_a_thing_named_before_not_one_attacker() {
    assert_eq!(
        figures(
            "An armed group (possibly the same one) attacked Kasulu on Tuesday, killing two \
             people."
        ),
        [(Measure::Killed, Some(2))]
    );
}

#[test]
fn people_who_were_attacked_are_no_attackers() {
    let ex = read("Four traders were attacked in Kasulu on Tuesday.");
    assert!(
        ex.incidents
            .iter()
            .all(|i| i.figures.iter().all(|f| f.measure != Measure::Attackers)),
        "{:?}",
        ex.incidents
    );
    // The active verb still counts the attackers.
    assert_eq!(
        figures("Forty gunmen attacked Kasulu on Tuesday."),
        [(Measure::Attackers, Some(40))]
    );
}

#[test]
fn a_vague_count_of_animals_or_things_counts_no_one() {
    for sentence in [
        "Raiders attacked Kasulu on Saturday and fled with hundreds of cattle.",
        "Raiders attacked Kasulu on Saturday and fled with dozens of vehicles.",
    ] {
        assert_eq!(figures(sentence), [], "{sentence}");
    }
    // People counted so are still counted.
    assert_eq!(
        figures("Raiders attacked Kasulu on Saturday and hundreds of residents fled."),
        [(Measure::Displaced, Some(100))]
    );
}

#[test]
fn munitions_counted_are_no_people_and_neutralised_fighters_are_dead() {
    // The count of bullets shares the verb of the dead but counts no one.
    let ex = read(
        "Police said 14 bandits were killed and hundreds of bullets seized in Garissa on Friday.",
    );
    assert_eq!(
        common::tolls(&ex),
        [("Garissa".to_string(), Some(14), None)]
    );
    assert_eq!(
        ex.incidents[0].figures.len(),
        1,
        "{:?}",
        ex.incidents[0].figures
    );
    // An army's "neutralised" tells fighters killed.
    assert_eq!(
        figures("Troops repelled an attack on a base in Mandera. Nine assailants were neutralised, the army said."),
        [(Measure::Killed, Some(9))]
    );
}

#[test]
fn the_attackers_noun_before_the_verb_does_not_count_its_object() {
    // "Gunmen shot two men": the two men are who was shot, not the gunmen.
    let ex = read("Gunmen shot two men in Kasulu on Monday.");
    let measures: Vec<Measure> = ex
        .incidents
        .iter()
        .flat_map(|i| i.figures.iter().map(|f| f.measure.clone()))
        .collect();
    assert!(!measures.contains(&Measure::Attackers), "{measures:?}");
    // The count of the attackers themselves stays theirs.
    assert_eq!(
        figures("About 30 gunmen stormed a village near Kasulu on Monday."),
        [(Measure::Attackers, Some(30))]
    );
    assert_eq!(
        figures("Gunmen shot dead two men in Kasulu on Monday."),
        [(Measure::Killed, Some(2))]
    );
}

#[test]
fn a_side_that_lost_its_soldiers_counts_its_dead() {
    assert_eq!(
        figures("Militants overran our base in Kasulu on Monday. We lost seven soldiers, an officer said."),
        [(Measure::Killed, Some(7))]
    );
    assert_eq!(
        figures("The army said it had lost five soldiers in the attack on Kasulu."),
        [(Measure::Killed, Some(5))]
    );
    // Not when what was lost is no life.
    let ex = read("Five soldiers lost contact with their unit near Kasulu on Monday.");
    let killed = ex
        .incidents
        .iter()
        .flat_map(|i| i.figures.iter())
        .any(|f| f.measure == Measure::Killed);
    assert!(!killed, "{:?}", ex.incidents);
}
