//! One person named without a number: "a man", "the victim", "his wife", "killing him" count
//! one when the clause says what happened to them, and only then. Sentences written for these
//! tests.

use incimap::extract::Extraction;
use incimap::model::{GeoPrecision, Measure};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-06-03", text)
}

/// (place as written, best killed) of every incident.
fn killed(ex: &Extraction) -> Vec<(String, Option<u64>)> {
    common::best_by_place(ex, Measure::Killed)
}

fn one(place: &str, n: u64) -> Vec<(String, Option<u64>)> {
    vec![(place.to_string(), Some(n))]
}

#[test]
fn an_object_pronoun_after_a_killing_verb_counts_one() {
    let ex = read("On 1 June, a sniper opened fire on a farmer near Kitale, killing him.");
    assert_eq!(killed(&ex), one("Kitale", 1));
    let ex = read("On 1 June, gunmen shot her dead outside her shop in Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 1));
}

#[test]
fn her_before_a_noun_is_a_determiner_of_one_person() {
    let ex = read("On 1 June, gunmen killed her husband in Kericho.");
    assert_eq!(killed(&ex), one("Kericho", 1));
}

#[test]
fn a_definite_person_counts_one_with_the_measure_right_after_it() {
    let ex = read("On 1 June, a bomb hit a minibus in Kericho, killing the driver.");
    assert_eq!(killed(&ex), one("Kericho", 1));
    let ex = read("On 1 June, youths beat up a guard in Kericho. The guard later died.");
    assert_eq!(killed(&ex), one("Kericho", 1));
}

#[test]
fn a_definite_person_far_from_the_measure_counts_no_one() {
    // The measure speaks of another death, long before, not of the person.
    let ex = read(
        "On 1 June, police arrested a man in Kericho. The suspect was wanted in connection \
         with the killing of a herder.",
    );
    assert_eq!(killed(&ex), [("Kericho".to_string(), None)]);
}

#[test]
fn a_person_word_before_a_plural_noun_for_people_is_no_person() {
    // "civilian deaths": the deaths are the head of the phrase, not one civilian.
    let ex = read(
        "Shelling killed 12 people in Kericho on 1 June. The latest civilian deaths come as \
         talks stall.",
    );
    assert_eq!(killed(&ex), one("Kericho", 12));
}

#[test]
fn several_words_may_describe_the_one_person() {
    let ex = read("On 1 June, a former military police officer was shot to death in Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 1));
}

#[test]
fn a_clash_resulting_in_the_death_of_someone_counts_that_death() {
    let ex = read(
        "On 1 June, two clans clashed at the market of Kitale, leading to the death of a \
         bystander.",
    );
    assert_eq!(killed(&ex), one("Kitale", 1));
}

#[test]
fn dutch_object_pronouns_and_definite_persons_count_one() {
    let ex = read("Op 1 juni schoten gewapende mannen in Kericho op een boer en doodden hem.");
    assert_eq!(killed(&ex), one("Kericho", 1));
    let ex = read("Op 1 juni werd een bewaker in Kericho aangevallen. De bewaker overleed later.");
    assert_eq!(killed(&ex), one("Kericho", 1));
}

#[test]
fn a_brief_goes_on_with_its_one_incident_until_another_place_is_named() {
    // The count stands two sentences after the place; nothing in between names a place.
    let ex = read(
        "On 2 June, armed men on a motorbike attacked a trader in Kitale. The attackers \
         fled. 1 fatality.",
    );
    assert_eq!(killed(&ex), one("Kitale", 1));
}

#[test]
fn a_full_stop_after_a_bracket_ends_the_sentence() {
    // ")." is no initial ("J."): the count is a sentence of its own, told after the place.
    let ex = read(
        "On 2 June, a trader was attacked over a land dispute in Kitale (Trans Nzoia). \
         2 killed.",
    );
    assert_eq!(killed(&ex), one("Kitale", 2));
}

#[test]
fn a_brief_count_without_a_place_goes_where_the_sentence_before_ends() {
    // The first sentence names no kind of event, so it makes no incident by itself; the
    // report of no casualties after it is about what happened there, on the day it names.
    let ex = read(
        "On 2 June 2024, the air force targeted a fuel truck on the outskirts of Kitale. \
         No casualties reported.",
    );
    assert_eq!(killed(&ex), one("Kitale", 0));
    let incident = &ex.incidents[0];
    assert_eq!(incident.date.start.to_string(), "2024-06-02");
    assert_eq!(incident.place.precision, GeoPrecision::NearTown);
}

#[test]
fn the_vicinity_of_a_town_is_near_it() {
    let ex = read("On 2 June, soldiers clashed with rebels in the vicinity of Kitale.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert_eq!(ex.incidents[0].place.precision, GeoPrecision::NearTown);
}

#[test]
fn a_measure_naming_its_victim_after_of_counts_no_one_before_it() {
    // The protesters are not the dead: "the killing of" names whom it happened to.
    let ex = read(
        "On 1 June, about 40 teachers marched in Kericho to condemn the killing of a colleague \
         the week before.",
    );
    assert_eq!(killed(&ex), [("Kericho".to_string(), None)]);
    assert!(
        ex.unattached.iter().all(|u| u.measure.is_none()),
        "{:?}",
        ex.unattached
    );
}

#[test]
fn names_joined_by_commas_only_are_an_address_not_a_list() {
    // Each name lies in the next one: the count is the town's, not a total for three places.
    // (Chepseon is no gazetteer place: it is told as a place near Litein.)
    let ex = read("On 1 June, a herder was shot dead in Chepseon, Litein, Kenya.");
    assert_eq!(killed(&ex), one("Chepseon, Litein", 1));
    let ex = read("On 1 June, a herder was shot dead in Pujili, Cotopaxi, Ecuador.");
    assert_eq!(killed(&ex), one("Pujili", 1));
    // With "and", the names are several places and the count is their total.
    let ex = read("On 1 June, four herders were shot dead in Kericho and Litein.");
    assert!(
        killed(&ex).iter().all(|(_, k)| k.is_none()),
        "{:?}",
        killed(&ex)
    );
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
}

#[test]
fn two_persons_joined_by_and_are_two() {
    let ex = read("On 1 June, a former councillor and his wife were shot dead in Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 2));
    let ex = read("On 1 June, gunmen killed a police officer and a civilian in Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 2));
    // "a member of the ...", "a man, the director of ...": one person described twice.
    let ex = read("On 1 June, gunmen killed a member of the county assembly in Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 1));
    // A woman and her children: more than the words count.
    let ex = read("On 1 June, a woman and her children were killed in Kitale.");
    assert_eq!(killed(&ex), [("Kitale".to_string(), None)]);
    // A clause after the pair speaks of someone else.
    let ex = read(
        "On 1 June, gunmen raided a farm near Kitale, killing a herder and his son, and \
         wounding his brother.",
    );
    assert_eq!(killed(&ex), one("Kitale", 2));
    // (A third person: see listed_persons.rs.)
}

#[test]
fn one_person_joined_to_a_count_with_a_determiner_is_one_more() {
    // "a shopkeeper and his three sons": the sons counted apart, and the shopkeeper too,
    // whatever the word for the one person (a trade, an office, a rank).
    for person in ["shopkeeper", "commander", "leader", "farmer"] {
        let text = format!("On 1 June, a {person} and his three sons were shot dead in Kitale.");
        assert_eq!(killed(&read(&text)), one("Kitale", 4), "{text}");
    }
    let ex = read("On 1 June, gunmen killed a teacher and her two daughters in Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 3));
}

#[test]
fn the_words_after_a_list_of_persons_are_not_whom_it_counts() {
    // "sustained severe" is what happened to them, not who they are.
    let ex = read("On 1 June, a herder and a boy sustained severe injuries in a blast in Kitale.");
    let injured: Vec<_> = ex
        .incidents
        .iter()
        .flat_map(|i| &i.figures)
        .filter(|f| f.measure == Measure::Injured)
        .collect();
    assert_eq!(injured.len(), 1, "{injured:?}");
    assert_eq!(injured[0].best, Some(2));
    let subject = injured[0].subject.as_deref().unwrap_or_default();
    assert!(!subject.contains("sustained"), "{subject}");
}

#[test]
fn a_person_named_with_a_group_word_or_an_of_phrase_counts_one() {
    // "gang" is a word for a group, but "a gang member" is one person.
    let ex = read("On Monday a gang member was shot dead by police in Eldoret.");
    assert_eq!(killed(&ex), one("Eldoret", 1));
    // "of" is no "or" in English: "the chairman of a local association" is one person.
    let ex =
        read("On Monday the chairman of a local traders association was shot dead in Eldoret.");
    assert_eq!(killed(&ex), one("Eldoret", 1));
    // A group is still no one person.
    let ex = read("On Monday a gang was chased away by police in Eldoret.");
    assert_eq!(killed(&ex), [("Eldoret".to_string(), None)]);
}

#[test]
fn a_measure_that_describes_other_people_counts_no_one_person() {
    // The reporter saw the wounded; he was not wounded himself.
    let ex = read("On 1 June, a reporter in Kitale saw wounded children at the clinic.");
    let injured = common::best_by_place(&ex, Measure::Injured);
    assert!(
        injured.iter().all(|(_, best)| best.is_none()),
        "{injured:?}"
    );
    // The same person told as the one it happened to counts one.
    let ex = read("On 1 June, a reporter was wounded in Kitale.");
    assert_eq!(
        common::best_by_place(&ex, Measure::Injured),
        one("Kitale", 1)
    );
}

#[test]
fn describing_words_joined_by_and_still_describe_one_person() {
    let ex = read("On 1 June, a theft and robbery suspect was shot dead by police in Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 1));
}

#[test]
fn the_passive_verb_after_a_relative_clause_says_what_happened_to_the_person() {
    let ex = read(
        "On 1 June, a trader who had run a shop near the bus park for a decade was shot dead \
         by robbers in Kitale.",
    );
    assert_eq!(killed(&ex), one("Kitale", 1));
    // A number inside the clause belongs to other people: no verb after it speaks of the
    // person.
    let ex = read(
        "On 1 June, a trader who sold goods to 30 families was questioned after shops were \
         burnt in Kitale.",
    );
    assert_eq!(killed(&ex), [("Kitale".to_string(), None)]);
}

#[test]
fn a_sentence_opening_in_a_town_holds_the_unnamed_area_it_names_later() {
    let ex = read(
        "On 1 June, in Eldoret, Uasin Gishu, the body of a woman was found in a wooded area \
         behind the stadium.",
    );
    assert_eq!(killed(&ex), one("a wooded area, Eldoret", 1));
    // An unnamed village is a place of its own, not the town.
    let ex = read(
        "On 1 June, in Eldoret, Uasin Gishu, police said a man was shot dead in a nearby \
         village.",
    );
    assert!(
        killed(&ex).iter().all(|(_, n)| n.is_none()),
        "{:?}",
        killed(&ex)
    );
}

#[test]
fn a_killing_verb_after_fatally_counts_the_dead() {
    let ex = read("On 1 June, a guard fatally shot a customer outside a bar in Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 1));
    // Any harm that "fatally" qualifies killed.
    let ex = read("On 1 June, two suspected thieves were fatally assaulted by a mob in Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 2));
    let ex = read("Op 1 juni werden twee vermeende dieven in Kitale dodelijk mishandeld.");
    assert_eq!(killed(&ex), one("Kitale", 2));
}

#[test]
fn a_measure_naming_its_own_count_after_of_does_not_count_the_one_before() {
    // "the killing of 1 ... and injuring of 3 others": each noun counts what follows it.
    let ex = read(
        "On 1 June, bandits fought police in Kitale, which led to the killing of 2 bandits and \
         injuring of 4 others.",
    );
    assert_eq!(killed(&ex), one("Kitale", 2));
}

#[test]
fn an_age_describes_the_one_person() {
    let ex = read("On 1 June, a 17-year-old student was shot dead by police in Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 1));
    let ex = read("On 1 June, a 40 year old farmer died in an attack in Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 1));
}

#[test]
fn a_count_before_reported_is_what_was_reported_not_who_reported_it() {
    let ex =
        read("On 1 June, a mob attacked two suspected thieves in Kitale. 2 fatalities reported.");
    assert_eq!(killed(&ex), one("Kitale", 2));
}

#[test]
fn a_person_named_by_the_death_a_protest_is_about_is_no_toll_of_the_protest() {
    let ex = read(
        "On 1 June, youths burned tyres during a demonstration in Kitale over the death of a \
         16-year-old boy killed by police.",
    );
    assert_eq!(killed(&ex), [("Kitale".to_string(), None)]);
    // "Leading to the death of" counts the death it names.
    let ex = read(
        "On 1 June, two clans clashed at the market of Kitale, leading to the death of a \
         bystander.",
    );
    assert_eq!(killed(&ex), one("Kitale", 1));
}

#[test]
fn members_of_a_community_are_people_not_a_place() {
    // "the Hadza community" is who the victims were; the place is near Kitale.
    let ex = read("On 1 June, soldiers executed two members of the Hadza community near Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 2));
}

#[test]
fn suspects_and_operatives_are_people() {
    // Captured, not killed: a count of things would be dropped, a count of people is kept.
    let ex =
        read("On 1 June, soldiers captured 2 militia operatives attempting to cross near Kitale.");
    let captured = common::best_by_place(&ex, Measure::Captured);
    assert_eq!(captured, one("Kitale", 2));
    let ex = read("On 1 June, police arrested 3 robbery suspects in a raid in Kitale.");
    let detained = common::best_by_place(&ex, Measure::Detained);
    assert_eq!(detained, one("Kitale", 3));
}

#[test]
fn a_persons_body_found_counts_one_dead() {
    let ex = read("On 1 June, a man's body was found on a farm near Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 1));
    // A body without a person named counts no one.
    let ex = read("On 1 June, police said the body was found on a farm near Kitale.");
    assert_eq!(killed(&ex), [("Kitale".to_string(), None)]);
}

#[test]
fn a_person_killed_and_another_injured_in_one_sentence_are_each_counted() {
    // The measure after "and" opens a clause of its own, not a longer name of the first
    // person.
    let ex = read("On 1 June, a shell hit a house in Kericho, killing a girl and injuring a boy.");
    assert_eq!(killed(&ex), one("Kericho", 1));
    let injured = common::best_by_place(&ex, Measure::Injured);
    assert_eq!(injured, one("Kericho", 1));
    let ex =
        read("On 1 June, a shell hit a house in Kericho, killing a girl and injuring her father.");
    assert_eq!(killed(&ex), one("Kericho", 1));
}

#[test]
fn words_for_one_offender_are_one_person() {
    for text in [
        "On 1 June, villagers beat a suspected thief to death in Kericho.",
        "On 1 June, police shot dead a kidnapper in Kericho.",
    ] {
        assert_eq!(killed(&read(text)), one("Kericho", 1), "{text}");
    }
}

#[test]
fn his_or_her_wounds_and_death_say_one_person_died() {
    // "died of her wounds": the wounds killed; "causing his death": his is the one who died.
    for text in [
        "On 1 June, a trader was shot in Kericho. She died of her wounds in hospital.",
        "On 1 June, a landmine exploded under a cart in Kericho, causing his death.",
        "On 1 June, a bus driver was stabbed in Kericho and later succumbed to his injuries.",
    ] {
        let ex = read(text);
        assert_eq!(killed(&ex), one("Kericho", 1), "{text}");
        assert!(
            common::best_by_place(&ex, Measure::Injured)
                .iter()
                .all(|(_, n)| n.is_none()),
            "{text}: {:?}",
            ex.incidents
        );
        let subjects: Vec<_> = ex.incidents[0]
            .figures
            .iter()
            .map(|f| f.subject.clone())
            .collect();
        assert!(
            !subjects.contains(&Some("death".to_string())),
            "{subjects:?}"
        );
    }
}

#[test]
fn a_state_word_before_the_person_describes_them_and_the_verb_says_their_fate() {
    // "displaced", "abducted": what the person was before; "was killed", "died": what befell
    // them now.
    let ex = read("On 1 June, a displaced woman was killed by a stray shell in Kericho.");
    assert_eq!(killed(&ex), one("Kericho", 1));
    let ex =
        read("On 1 June, in Kericho, a 60-year-old displaced farmer died when a mine exploded.");
    assert_eq!(killed(&ex), one("Kericho", 1));
    let ex = read("On 1 June, three abducted traders were found killed near Kericho.");
    assert_eq!(killed(&ex), one("Kericho", 3));
}

#[test]
fn personnel_after_an_indefinite_article_is_one_person_and_before_were_several() {
    // "a police personnel" (common in South Asian and African English) is one officer; "the
    // personnel were" says how many no more than "the troops were" does.
    let ex = read("On 1 June, a police personnel was injured in a grenade blast in Kericho.");
    assert_eq!(
        common::best_by_place(&ex, Measure::Injured),
        one("Kericho", 1)
    );
    let ex = read("On 1 June, gunmen shot and killed a security personnel in Kericho.");
    assert_eq!(killed(&ex), one("Kericho", 1));
    let ex = read("On 1 June, the personnel were injured in a grenade blast in Kericho.");
    assert!(
        ex.incidents.iter().all(|i| i.figures.is_empty()),
        "{:?}",
        common::best_by_place(&ex, Measure::Injured)
    );
}

#[test]
fn an_ordinal_ranks_the_person_and_counts_no_one() {
    let ex = read("On 1 June, gunmen shot dead a 1st lieutenant of the army in Kericho.");
    assert_eq!(killed(&ex), one("Kericho", 1));
    let ex = read("On 1 June, gunmen shot dead a 2nd lieutenant and two soldiers in Kericho.");
    assert_eq!(killed(&ex), one("Kericho", 3));
    let ex = read("Op 1 juni is in Kericho een 1e luitenant van het leger doodgeschoten.");
    assert_eq!(killed(&ex), one("Kericho", 1));
}

#[test]
fn a_short_form_in_brackets_does_not_cut_the_person_from_the_verb() {
    // "the leader of the Foo Movement (FM) was shot dead": the bracket is an aside.
    for text in [
        "On Monday, the leader of the Mombasa Traders Union (MTU) was shot dead in Mombasa.",
        "On Monday, the chairman of the county assembly (CA) was killed by gunmen in Mombasa.",
    ] {
        assert_eq!(killed(&read(text)), one("Mombasa", 1), "{text}");
    }
    // A bracket with a clause of its own still ends the phrase.
    let text = "On Monday, the leader of the union (which had called a strike, police said) \
                was shot dead in Mombasa.";
    assert_ne!(killed(&read(text)), one("Mombasa", 1), "{text}");
}

#[test]
fn holders_of_an_office_or_a_trade_count_one() {
    for sentence in [
        "On 1 June, a village sarpanch was beaten to death by a mob in Kitale.",
        "On 1 June, gunmen shot dead a tribal chieftain in Kitale.",
        "On 1 June, the deputy governor was killed by a roadside bomb in Kitale.",
        "On 1 June, a herdsman was hacked to death near his cattle in Kitale.",
    ] {
        assert_eq!(killed(&read(sentence)), one("Kitale", 1), "{sentence}");
    }
    // Who speaks of a toll is not counted in it.
    let ex = read("On 1 June, a spokesman said three guards were killed in Kitale.");
    assert_eq!(killed(&ex), one("Kitale", 3));
}

#[test]
fn a_name_after_a_religious_or_tribal_title_is_a_person() {
    // "Sheikh" is a word for one person and also a title: the name after it is a person's,
    // not a district named Hamdan.
    let ex = read("On 1 June, Sheikh Hamdan praised the rescue teams in Kitale.");
    assert_eq!(
        common::places(&ex),
        [("Kitale".to_string(), "KE".to_string())]
    );
}
