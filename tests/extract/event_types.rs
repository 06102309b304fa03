//! The kind of event follows ACLED's definitions: an attack named only as such is violence
//! against civilians when it hit civilians and an armed clash when it hit armed people; a
//! clash fought with stones is mob violence; a demonstration with stones thrown is violent; a
//! blast is an explosion.
//! Sentences written for these tests.

use incimap::model::SubEventType;

use crate::common;

fn kind(text: &str) -> Option<SubEventType> {
    let ex = common::read_sentence("2024-06-03", text);
    assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
    ex.incidents[0].sub_event_type
}

#[test]
fn an_attack_on_civilians_is_violence_against_civilians() {
    let cases = [
        "On 1 June, gunmen attacked a farmer near Kitale.",
        "On 1 June, armed men attacked the village of Chepkoilel near Kitale.",
        "On 1 June, bandits shot dead two traders in Kitale.",
        "On 1 June, gunmen carried out an attack on a market in Kitale.",
    ];
    for text in cases {
        assert_eq!(kind(text), Some(SubEventType::Attack), "{text}");
    }
}

#[test]
fn an_attack_on_armed_people_is_an_armed_clash() {
    let cases = [
        "On 1 June, militants attacked a police post in Kitale, killing two officers.",
        "On 1 June, two soldiers were shot dead by rebels in Kitale.",
        "On 1 June, a policeman was killed by gunmen in Kitale.",
    ];
    for text in cases {
        assert_eq!(kind(text), Some(SubEventType::ArmedClash), "{text}");
    }
}

#[test]
fn a_named_kind_of_violence_is_kept_whoever_it_hit() {
    let text = "On 1 June, rebels clashed with the army in Kitale, killing three civilians.";
    assert_eq!(kind(text), Some(SubEventType::ArmedClash));
}

#[test]
fn crowds_throwing_stones_are_mob_violence_or_a_violent_demonstration() {
    let text = "On 1 June, two groups of villagers clashed and pelted stones at each other in \
                Kitale.";
    assert_eq!(kind(text), Some(SubEventType::MobViolence));
    let text = "On 1 June, traders protested against new taxes in Kitale and threw stones at \
                the county offices.";
    assert_eq!(kind(text), Some(SubEventType::ViolentDemonstration));
    // A protest against a killing is still peaceful.
    let text = "On 1 June, teachers protested in Kitale against the killing of a colleague.";
    assert_eq!(kind(text), Some(SubEventType::PeacefulProtest));
}

#[test]
fn rallies_and_marches_are_protests_and_fire_from_both_sides_a_clash() {
    let text = "On 1 June, nurses rallied outside the county hospital in Kitale demanding unpaid \
                wages.";
    assert_eq!(kind(text), Some(SubEventType::PeacefulProtest));
    let text = "On 1 June, soldiers and rebels exchanged artillery fire near Kitale.";
    assert_eq!(kind(text), Some(SubEventType::ArmedClash));
    let text = "Op 1 juni was er een vuurgevecht tussen soldaten en rebellen bij Kitale.";
    assert_eq!(kind(text), Some(SubEventType::ArmedClash));
}

#[test]
fn more_words_for_kinds_of_events() {
    let cases = [
        (
            "On 1 June, police and a gang were caught in a shoot-out in Kitale.",
            SubEventType::ArmedClash,
        ),
        // Whom it hit decides an ambush, an assassination or opened fire.
        (
            "On 1 June, rebels ambushed an army convoy near Kitale.",
            SubEventType::ArmedClash,
        ),
        (
            "On 1 June, gunmen opened fire on a farmer near Kitale.",
            SubEventType::Attack,
        ),
        (
            "On 1 June, the body of a trader was found on a farm near Kitale.",
            SubEventType::Attack,
        ),
        // In the passive, whom it hit stands before the verb.
        (
            "On 1 June, a police patrol was shot at by gunmen near Kitale.",
            SubEventType::ArmedClash,
        ),
        (
            "On 1 June, a herder was shot by bandits near Kitale.",
            SubEventType::Attack,
        ),
        (
            "On 1 June, troops conducted a patrol in Kitale.",
            SubEventType::ChangeToGroupActivity,
        ),
        (
            "On 1 June, soldiers demolished a market stall in Kitale.",
            SubEventType::LootingPropertyDestruction,
        ),
        // A blast is an explosion, whatever it killed.
        (
            "On 1 June, a blast near a police station in Kitale killed five people.",
            SubEventType::RemoteExplosiveLandmineIed,
        ),
        (
            "Bij een ontploffing bij een politiebureau in Kitale vielen op 1 juni vijf doden.",
            SubEventType::RemoteExplosiveLandmineIed,
        ),
    ];
    for (text, want) in cases {
        assert_eq!(kind(text), Some(want), "{text}");
    }
}

#[test]
fn an_acronym_that_spells_a_word_is_part_of_the_subject() {
    // "IS" is no verb here: the dead are "IS fighters", armed people, so a killing is a clash.
    let ex = common::read_sentence(
        "2024-06-03",
        "On 1 June, soldiers killed 4 IS fighters near Kitale.",
    );
    let killed = &ex.incidents[0].figures[0];
    assert_eq!(killed.subject.as_deref(), Some("IS fighters"));
    assert_eq!(
        ex.incidents[0].sub_event_type,
        Some(SubEventType::ArmedClash)
    );
}

#[test]
fn a_clash_of_unarmed_people_is_mob_violence_and_burning_tyres_a_violent_demonstration() {
    let text = "On 1 June, villagers clashed with the police over a land dispute in Kitale.";
    assert_eq!(kind(text), Some(SubEventType::MobViolence));
    // Armed men clashing are no crowd.
    let text = "On 1 June, armed men clashed with a vigilante group in Kitale.";
    assert_eq!(kind(text), Some(SubEventType::ArmedClash));
    let text = "On 1 June, residents blocked a road with burning tyres in Kitale.";
    assert_eq!(kind(text), Some(SubEventType::ViolentDemonstration));
}

#[test]
fn a_death_a_protest_is_about_is_no_death_at_the_protest() {
    let text = "On 1 June, about 200 residents rallied in Kitale after a guard shot dead two \
                traders.";
    let ex = common::read_sentence("2024-06-03", text);
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert!(
        ex.incidents[0]
            .figure(&incimap::model::Measure::Killed)
            .is_none(),
        "{:?}",
        ex.incidents[0].figures
    );
    assert!(
        ex.unattached
            .iter()
            .any(|u| u.reason.contains("protest is about")),
        "{:?}",
        ex.unattached
    );
    // Protesters counted are deaths at the protest.
    let text = "On 1 June, police shot dead three protesters at a rally in Kitale.";
    let ex = common::read_sentence("2024-06-03", text);
    let killed = ex.incidents[0].figure(&incimap::model::Measure::Killed);
    assert_eq!(killed.and_then(|f| f.best), Some(3));
    // A demonstration that turned violent counts its dead.
    let text = "On 1 June, two people were killed when a demonstration in Kitale turned violent.";
    let ex = common::read_sentence("2024-06-03", text);
    let killed = ex.incidents[0].figure(&incimap::model::Measure::Killed);
    assert_eq!(killed.and_then(|f| f.best), Some(2));
}

#[test]
fn a_hold_up_is_looting_not_a_detention() {
    // "held up a lorry": armed men robbed it; nobody was held, and it is still an event.
    let text = "On 1 June, about twenty armed men held up a lorry carrying maize near Kitale.";
    assert_eq!(
        kind(text),
        Some(SubEventType::LootingPropertyDestruction),
        "{text}"
    );
}

#[test]
fn protesters_who_clash_with_the_police_are_a_violent_demonstration() {
    let text = "On 1 June, protesters clashed with police in Kitale, leaving 6 officers injured.";
    assert_eq!(
        kind(text),
        Some(SubEventType::ViolentDemonstration),
        "{text}"
    );
    // A march told without violence stays peaceful.
    let text = "On 1 June, hundreds of protesters marched through Kitale.";
    assert_eq!(kind(text), Some(SubEventType::PeacefulProtest), "{text}");
}

#[test]
fn killing_told_as_a_participle_is_violence() {
    let text = "On 1 June, gunmen entered a farm in Kitale, killing two workers.";
    assert!(kind(text).is_some(), "{text}");
}

#[test]
fn aircraft_that_strike_are_an_air_strike() {
    // No word for the strike itself: the aircraft and what they did say it.
    let cases = [
        "On 1 June, government jets struck the town of Kitale.",
        "On 1 June, warplanes on Sunday hit rebel positions in Kitale.",
        "On 1 June, helicopters dropped barrel bombs on Kitale.",
        "On 1 June, the town of Kitale was struck by jets.",
    ];
    for text in cases {
        assert_eq!(kind(text), Some(SubEventType::AirDroneStrike), "{text}");
    }
    // Aircraft that only fly strike nothing.
    let ex = common::read_sentence(
        "2024-06-03",
        "On 1 June, a plane carrying the minister landed in Kitale.",
    );
    assert!(
        ex.incidents
            .iter()
            .all(|i| i.sub_event_type != Some(SubEventType::AirDroneStrike)),
        "{:?}",
        ex.incidents
    );
}

#[test]
fn dutch_aircraft_that_strike_are_an_air_strike() {
    let text = "Op 1 juni bestookten straaljagers van het leger de stad Kitale.";
    assert_eq!(kind(text), Some(SubEventType::AirDroneStrike), "{text}");
}

#[test]
fn driving_a_force_out_of_a_town_takes_it() {
    let text = "On 1 June, the rebels drove the army out of the town of Kitale.";
    assert_eq!(
        kind(text),
        Some(SubEventType::NonStateActorOvertakesTerritory),
        "{text}"
    );
}

#[test]
fn a_clash_between_a_crowd_and_anyone_is_mob_violence() {
    // One side named after "between" is no armed side: mob violence.
    for text in [
        "On 1 June, a clash took place between two groups of the Saboti community in Kitale over a plot of land.",
        "On 1 June, a clash erupted between police and shopkeepers in Kitale.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::MobViolence), "{text}");
    }
    // Two armed sides: an armed clash, whoever the clause goes on to say was hurt.
    for text in [
        "On 1 June, clashes erupted between soldiers and rebels in Kitale, killing two villagers.",
        "On 1 June, clashes between militants and troops killed two villagers in Kitale.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::ArmedClash), "{text}");
    }
}

#[test]
fn people_who_take_to_the_streets_or_gather_to_demand_something_protest() {
    for text in [
        "On 1 June, hundreds of traders took to the streets of Kitale over new market fees.",
        "On 1 June, nurses gathered outside the county offices in Kitale to demand their pay.",
        "On 1 June, some 200 students marched through Kitale chanting slogans.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::PeacefulProtest), "{text}");
    }
}

#[test]
fn heavy_weapons_fired_with_small_arms_are_a_clash() {
    // Mortars or grenade launchers beside small arms: the sides were within rifle range.
    let cases = [
        "On 1 June, rebels fired mortars and small arms at army positions near Kitale.",
        "On 1 June, militants attacked a checkpoint in Kitale with grenade launchers and small \
         arms, wounding two soldiers.",
    ];
    for text in cases {
        assert_eq!(kind(text), Some(SubEventType::ArmedClash), "{text}");
    }
    // Shells alone stay shelling; fire that hit only civilians stays one-sided.
    let text = "On 1 June, rebels fired mortars at army positions near Kitale.";
    assert_eq!(
        kind(text),
        Some(SubEventType::ShellingArtilleryMissileAttack)
    );
    let text = "On 1 June, gunmen shot dead two farmers in Kitale with small arms.";
    assert_eq!(kind(text), Some(SubEventType::Attack));
}

#[test]
fn fire_answered_or_traded_is_a_clash_whatever_was_fired_first() {
    // The side fired at shot back: both sides were armed.
    let cases = [
        "On 1 June, a suspect was shot dead in Kitale after exchanging fire with police.",
        "On 1 June, gunmen opened fire on a patrol in Kitale and the officers returned fire.",
        "On 1 June, rebels shelled an army camp near Kitale. The troops fired back, killing \
         three rebels.",
        "On 1 June, militants attacked a police post in Kitale. After a heavy exchange of \
         gunfire, the militants withdrew.",
    ];
    for text in cases {
        assert_eq!(kind(text), Some(SubEventType::ArmedClash), "{text}");
    }
    let text = "Op 1 juni beschoten rebellen een legerkamp bij Kitale. De soldaten schoten \
                terug.";
    let ex = common::read_sentence("2024-06-03", text);
    assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
    assert_eq!(
        ex.incidents[0].sub_event_type,
        Some(SubEventType::ArmedClash)
    );
}

#[test]
fn the_air_force_striking_a_place_is_an_air_strike() {
    let text = "On 1 June, the air force targeted a rebel camp near Kitale.";
    assert_eq!(kind(text), Some(SubEventType::AirDroneStrike), "{text}");
    let text = "Op 1 juni bestookte de luchtmacht een kamp van rebellen bij Kitale.";
    assert_eq!(kind(text), Some(SubEventType::AirDroneStrike), "{text}");
}

#[test]
fn taking_goods_or_people_away_with_people_hurt_is_violence_against_them() {
    // Looting and arrests are events in which no one is hurt; with casualties counted, what
    // was done to the people decides, and the victims tell its kind.
    let cases = [
        "On 1 June, bandits raided a farm near Kitale, killed the owner and stole 30 cows.",
        "On 1 June, gunmen shot dead a shopkeeper in Kitale and looted his shop.",
        "On 1 June, soldiers arrested five youths in Kitale and beat them, wounding two.",
    ];
    for text in cases {
        assert_eq!(kind(text), Some(SubEventType::Attack), "{text}");
    }
    let text = "On 1 June, gunmen looted a shop in Kitale.";
    assert_eq!(kind(text), Some(SubEventType::LootingPropertyDestruction));
    let text = "On 1 June, police arrested three traders in Kitale.";
    assert_eq!(kind(text), Some(SubEventType::Arrests));
}

#[test]
fn a_clash_of_armed_sides_told_beside_a_protest_does_not_make_it_violent() {
    let text = "On 1 June, hundreds protested in Kitale. The uprising began as a peaceful \
                protest and turned into clashes between rebel groups.";
    assert_eq!(kind(text), Some(SubEventType::PeacefulProtest));
    let text = "On 1 June, hundreds protested in Kitale. They clashed with police.";
    assert_eq!(kind(text), Some(SubEventType::ViolentDemonstration));
}

#[test]
fn what_was_seized_tells_ground_from_goods() {
    let text = "On 1 June, rebels seized the town of Kitale after heavy fighting.";
    assert_eq!(
        kind(text),
        Some(SubEventType::NonStateActorOvertakesTerritory)
    );
    let text = "On 1 June, bandits seized a lorry carrying maize near Kitale.";
    assert_eq!(kind(text), Some(SubEventType::LootingPropertyDestruction));
    let text = "On 1 June, soldiers seized rifles and ammunition from a house in Kitale.";
    assert_eq!(kind(text), Some(SubEventType::DisruptedWeaponsUse));
    // A seizure of goods says least: the attack told with it decides.
    let text = "On 1 June, militants attacked a police post in Kitale and seized two vehicles.";
    assert_eq!(kind(text), Some(SubEventType::ArmedClash));
}

#[test]
fn an_assault_or_a_raid_is_told_by_whom_it_hit() {
    // "assaulted", "raided" say violence, not its kind: on civilians it is an attack.
    let cases = [
        "On 1 June, soldiers assaulted a vendor at a roadblock in Kitale.",
        "On 1 June, police assaulted two refugees in Kitale.",
        "On 1 June, gunmen raided a house in Kitale and beat an activist.",
    ];
    for text in cases {
        assert_eq!(kind(text), Some(SubEventType::Attack), "{text}");
    }
}

#[test]
fn an_attack_by_a_crowd_of_civilians_is_mob_violence() {
    let text = "On 1 June, villagers beat up two suspected cattle thieves in Kitale.";
    assert_eq!(kind(text), Some(SubEventType::MobViolence));
    // Civilians as victims, one attacker, or a passive: no crowd did it.
    let cases = [
        (
            "On 1 June, five civilians killed in shelling in Kitale.",
            None,
        ),
        (
            "On 1 June, a man attacked a trader in Kitale.",
            Some(SubEventType::Attack),
        ),
        (
            "On 1 June, two farmers were attacked in Kitale.",
            Some(SubEventType::Attack),
        ),
    ];
    for (text, expected) in cases {
        let got = kind(text);
        assert_ne!(got, Some(SubEventType::MobViolence), "{text}");
        if expected.is_some() {
            assert_eq!(got, expected, "{text}");
        }
    }
}

#[test]
fn a_motorcade_banged_pots_a_blocked_highway_or_a_gathering_for_a_cause_are_protests() {
    for text in [
        "On 1 June, taxi owners did a motorcade in Nyeri to demand lower fuel prices.",
        "On 1 June, residents banged pots in Nyeri against the curfew.",
        "On 1 June, farmers blocked the highway at Nyeri for three hours.",
        "On 1 June, traders blocked the main bridge in Nyeri demanding the return of their stalls.",
        "On 1 June, teachers gathered at the county offices in Nyeri demanding unpaid wages.",
        "On 1 June, dozens of people gathered in Nyeri in support of the sacked governor.",
        "Op 1 juni blokkeerden boeren de snelweg bij Nyeri.",
        "Op 1 juni sloegen bewoners in Nyeri op potten en pannen tegen de avondklok.",
        "Op 1 juni verzamelden zich leraren in Nyeri en eisten hun achterstallige loon.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::PeacefulProtest), "{text}");
    }
}

#[test]
fn a_member_of_a_gang_killed_is_armed_not_a_civilian() {
    // The word before "member" names the group; a gang is an armed side in ACLED's terms.
    for text in [
        "On 1 June, in Kitale, a suspected gang member was shot and killed by unknown armed men.",
        "On 1 June, in Kitale, two cartel members were shot dead by gunmen.",
        "Op 1 juni werden in Kitale twee leden van een bende doodgeschoten door gewapende mannen.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::ArmedClash), "{text}");
    }
    // A member of no armed group is still a civilian.
    assert_eq!(
        kind("On 1 June, in Kitale, a farmer was shot and killed by unknown armed men."),
        Some(SubEventType::Attack)
    );
}

#[test]
fn projectiles_are_shelling_and_fire_both_ways_a_clash() {
    assert_eq!(
        kind("On 1 June, monitors counted 14 projectiles landing near Kitale."),
        Some(SubEventType::ShellingArtilleryMissileAttack)
    );
    // Counted "in both directions" of a front: the two sides fired at each other.
    assert_eq!(
        kind("On 1 June, monitors counted 40 explosions in both directions of the front near Kitale."),
        Some(SubEventType::ArmedClash)
    );
    assert_eq!(
        kind("Op 1 juni telden waarnemers 30 projectielen in beide richtingen bij Kitale."),
        Some(SubEventType::ArmedClash)
    );
}

#[test]
fn people_making_a_demand_with_nothing_else_told_protest() {
    for text in [
        "On 1 June, nurses of the district hospital in Kitale demanded the payment of their wages.",
        "On 1 June, hundreds of traders came out on the streets of Kitale demanding lower taxes.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::PeacefulProtest), "{text}");
    }
    // A demand beside violence of its own kind keeps that kind.
    assert_eq!(
        kind("On 1 June, kidnappers seized a trader in Kitale and demanded a ransom."),
        Some(SubEventType::AbductionForcedDisappearance)
    );
    // Tyres set on fire make a protest violent.
    assert_eq!(
        kind(
            "On 1 June, workers set fire to tyres outside the mill in Kitale to demand their pay."
        ),
        Some(SubEventType::ViolentDemonstration)
    );
}

#[test]
fn property_set_on_fire_or_destroyed_and_forces_brought_in_are_strategic() {
    for text in [
        "On 1 June, armed men set three lorries of a timber firm on fire near Kitale.",
        "On 1 June, soldiers found and destroyed a hidden airstrip near Kitale.",
    ] {
        assert_eq!(
            kind(text),
            Some(SubEventType::LootingPropertyDestruction),
            "{text}"
        );
    }
    assert_eq!(
        kind("On 1 June, the army brought reinforcements of troops and trucks to its base in Kitale."),
        Some(SubEventType::ChangeToGroupActivity)
    );
    // "destroyed" describing a scene is no event of its own: the strike decides.
    assert_eq!(
        kind("On 1 June, an air strike hit destroyed buildings in Kitale, killing two people."),
        Some(SubEventType::AirDroneStrike)
    );
}

#[test]
fn a_fire_fight_written_as_two_words_is_a_clash() {
    for text in [
        "On 1 June, soldiers engaged in a fire fight with rebels in Kitale.",
        "On 1 June, police and bandits had a gun fight in Kitale.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::ArmedClash), "{text}");
    }
}

#[test]
fn a_word_that_only_begins_like_a_protest_is_no_protest() {
    // The faith of a victim says nothing of the event; in both languages.
    assert_eq!(
        kind("On 1 June, gunmen shot dead a Protestant pastor in Kitale."),
        Some(SubEventType::Attack)
    );
    assert_eq!(
        kind("Op 1 juni hebben gewapende mannen in Kitale een protestantse dominee doodgeschoten."),
        Some(SubEventType::Attack)
    );
    // Protesters still protest.
    assert_eq!(
        kind("On 1 June, hundreds of protesters marched in Kitale."),
        Some(SubEventType::PeacefulProtest)
    );
}

#[test]
fn whom_shots_or_a_killing_hit_tells_an_attack_from_a_clash() {
    // A rank, a member of a unit, a convoy: armed people.
    for text in [
        "On 1 June, gunmen assassinated a colonel of the army intelligence in Kitale.",
        "On 1 June, gunmen shot dead a member of the army's 3rd Brigade in Kitale.",
        "On 1 June, gunmen opened fire on an army convoy in Kitale.",
        "Op 1 juni hebben schutters in Kitale een kolonel van het leger doodgeschoten.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::ArmedClash), "{text}");
    }
    // A man, suspects killed by the police: civilians.
    for text in [
        "On 1 June, soldiers opened fire at a man near a checkpoint in Kitale.",
        "On 1 June, two drug suspects were killed during a police raid in Kitale.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::Attack), "{text}");
    }
}

#[test]
fn a_gunfight_is_a_clash_whoever_its_sides_are() {
    // Traders and suspects are civilians, but a shoot-out has fire from both sides: no
    // crowd's clash.
    for text in [
        "On 1 June, a shoot-out broke out between the police and cattle traders in Kitale.",
        "On 1 June, a shoot-out broke out between the police and robbery suspects in Kitale.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::ArmedClash), "{text}");
    }
    // A clash of the police and traders stays mob violence.
    assert_eq!(
        kind("On 1 June, clashes broke out between the police and traders in Kitale."),
        Some(SubEventType::MobViolence)
    );
}

#[test]
fn a_grenade_launcher_shells_and_a_thrown_grenade_is_a_grenade() {
    for text in [
        "On 1 June, soldiers fired grenade launchers and machine guns at rebel positions near Kitale.",
        "On 1 June, militants fired rocket-propelled grenades at a police post in Kitale.",
        "Op 1 juni vuurden rebellen granaatwerpers af op stellingen bij Kitale.",
    ] {
        assert_eq!(
            kind(text),
            Some(SubEventType::ShellingArtilleryMissileAttack),
            "{text}"
        );
    }
    for text in [
        "On 1 June, a man threw a grenade into a bar in Kitale.",
        "Op 1 juni gooide een man een granaat in een bar in Kitale.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::Grenade), "{text}");
    }
}

#[test]
fn shells_answered_with_fire_or_counted_both_ways_of_a_front_are_a_clash() {
    for text in [
        "On 1 June, army units responded to rebel shelling near Kitale.",
        "On 1 June, militants threw a grenade at soldiers in Kitale. The soldiers opened fire in response.",
        "On 1 June, monitors counted 30 explosions of mortar rounds in both directions of the frontline near Kitale.",
        "Op 1 juni reageerden soldaten op de beschietingen van rebellen bij Kitale.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::ArmedClash), "{text}");
    }
    // Shells fired one way stay shelling; a road blocked in both directions is no front.
    assert_eq!(
        kind("On 1 June, rebels shelled army positions near Kitale."),
        Some(SubEventType::ShellingArtilleryMissileAttack)
    );
}

#[test]
fn a_clash_with_people_of_no_armed_side_is_mob_violence() {
    for text in [
        "On 1 June, police officers fought with market vendors at the main market of Kitale.",
        "On 1 June, clashes erupted between Ugandans and the police at a border post in Busia.",
        "On 1 June, soldiers clashed with residents in Kitale.",
        "Op 1 juni raakte de politie slaags met handelaren in Kitale.",
        "Op 1 juni botsten agenten met handelaren op de markt van Kitale.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::MobViolence), "{text}");
    }
    // Armed people on the other side, or an armed group against residents, stay a clash.
    for text in [
        "On 1 June, police officers clashed with two armed men in Kitale.",
        "On 1 June, soldiers clashed with militants in Kitale.",
        "On 1 June, gunmen with rifles raided the village of Kaptama near Kitale and clashed with farmers.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::ArmedClash), "{text}");
    }
}

#[test]
fn fire_set_or_stones_thrown_in_any_form_make_a_protest_violent() {
    for text in [
        "On 1 June, inmates set alight their mattresses at the prison in Kitale, demanding visits.",
        "On 1 June, prisoners in Kitale protested, setting fire to their bedding.",
        "On 1 June, a group of traders demonstrated with stones in Kitale, demanding lower taxes.",
        "On 1 June, residents demonstrated in Kitale and threw rocks at passing buses.",
        "Op 1 juni protesteerden gevangenen in Kitale en staken hun matrassen in brand.",
    ] {
        assert_eq!(
            kind(text),
            Some(SubEventType::ViolentDemonstration),
            "{text}"
        );
    }
    // What the protest is about is no act of its crowd, and stones laid on a road are
    // not thrown.
    for text in [
        "On 1 June, residents of Kitale protested against the men who set alight a school.",
        "On 1 June, residents blocked the road with stones in Kitale to protest against power cuts.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::PeacefulProtest), "{text}");
    }
}

#[test]
fn supporters_of_political_parties_who_clash_are_a_mob() {
    let cases = [
        "On 1 June, members of the ruling party clashed with members of the opposition party \
         in Kitale.",
        "Leden van de partij raakten op 1 juni in Kitale slaags met de politie.",
    ];
    for text in cases {
        assert_eq!(kind(text), Some(SubEventType::MobViolence), "{text}");
    }
}

#[test]
fn machine_gun_or_sniper_fire_with_nothing_else_told_is_an_event() {
    // Rifles, machine guns and snipers of unnamed sides: an exchange of fire, unless whom
    // they hit says it was one-sided.
    let cases = [
        "On 1 June, rebels fired machine guns at a hill near Kitale.",
        "On 1 June, a soldier was wounded by sniper fire in Kitale.",
        "Op 1 juni raakte een soldaat in Kitale gewond door sluipschuttersvuur.",
    ];
    for text in cases {
        assert_eq!(kind(text), Some(SubEventType::ArmedClash), "{text}");
    }
    let text = "On 1 June, a sniper shot dead two farmers in Kitale.";
    assert_eq!(kind(text), Some(SubEventType::Attack));
}

#[test]
fn bombs_dropped_from_the_air_are_an_air_strike() {
    let cases = [
        "On 1 June, a bomb was dropped on a market in Kitale.",
        "On 1 June, a helicopter dropped two bombs near Kitale.",
        "On 1 June, a drone-borne explosive was dropped on a police post in Kitale.",
        "Op 1 juni werd een bom afgeworpen boven een markt in Kitale.",
    ];
    for text in cases {
        assert_eq!(kind(text), Some(SubEventType::AirDroneStrike), "{text}");
    }
}
