//! Places that say where words were spoken or filed, or where a journey began or was going,
//! are no places of the event: "a spokesman said in A", "A/B: ..." at the top of a report,
//! "a bus travelling from A to B was ambushed", "the wounded were rushed to a hospital in
//! A", "according to an official in A, the nurse was killed in the attack". Sentences written for these tests; Kenyan
//! towns from the built-in gazetteer.

use incimap::extract::Extraction;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-05-10", text)
}

fn incidents(ex: &Extraction) -> Vec<(String, u64)> {
    common::first_bests(ex)
}

#[test]
fn the_town_a_spokesman_said_something_in_is_where_he_spoke() {
    // The only town named is where the words were said: the count stays unattached.
    let ex = read("Gunmen killed five soldiers at a checkpoint, a military spokesman said in Nairobi on Monday.");
    assert!(ex.incidents.is_empty(), "{:?}", incidents(&ex));
    assert_eq!(ex.unattached.len(), 1);
    for text in [
        "A military spokesman said in Nairobi that gunmen killed five soldiers near Garissa.",
        "Een legerwoordvoerder zei in Nairobi dat bij Garissa vijf soldaten zijn gedood.",
    ] {
        let ex = read(text);
        assert_eq!(incidents(&ex), [("Garissa".to_string(), 5)], "{text}");
    }
}

#[test]
fn a_passive_report_in_a_town_still_places_the_event_there() {
    // "were reported in A" tells where the clashes were, not where someone spoke.
    let ex = read("Clashes were reported in Garissa on Monday, leaving four people dead.");
    assert_eq!(incidents(&ex), [("Garissa".to_string(), 4)]);
}

#[test]
fn two_places_a_report_was_filed_from_are_no_event_places() {
    let ex = read("Nairobi/Garissa: Gunmen attacked a bus on Tuesday, killing 4 passengers.");
    assert!(ex.incidents.is_empty(), "{:?}", incidents(&ex));
    let ex =
        read("Nairobi/Garissa: Gunmen attacked a bus near Witu on Tuesday, killing 4 passengers.");
    assert_eq!(incidents(&ex), [("Witu".to_string(), 4)]);
}

#[test]
fn where_a_journey_began_or_was_going_is_not_where_it_was_attacked() {
    for text in [
        "A bus travelling from Garissa to Nairobi was ambushed on Monday, killing six passengers.",
        "A convoy on its way to Garissa was ambushed on Monday, killing six passengers.",
        "Een bus op weg van Garissa naar Nairobi werd maandag overvallen, waarbij zes passagiers \
         omkwamen.",
    ] {
        let ex = read(text);
        assert!(ex.incidents.is_empty(), "{text}: {:?}", incidents(&ex));
        assert_eq!(ex.unattached.len(), 1, "{text}");
    }
    // Where the ambush was, when the sentence names it.
    let ex = read(
        "A bus travelling from Nairobi to Garissa was ambushed near Witu, killing six passengers.",
    );
    assert_eq!(incidents(&ex), [("Witu".to_string(), 6)]);
}

#[test]
fn the_town_the_wounded_or_the_dead_were_taken_to_is_not_where_they_were_hurt() {
    for text in [
        "Gunmen attacked Kolbeyiri village on Monday. The ten wounded were rushed to a hospital \
         in the capital Nairobi.",
        "The bodies were taken to the morgue in Nairobi after Monday's attack on Kolbeyiri, \
         which killed four.",
        "Gewapende mannen vielen maandag Kolbeyiri aan. Tien gewonden werden naar een \
         ziekenhuis in Nairobi overgebracht.",
    ] {
        let ex = read(text);
        assert!(ex.incidents.is_empty(), "{text}: {:?}", incidents(&ex));
    }
    // Where the dead were taken from the town the attack was in, the attack stays there.
    let ex = read(
        "Gunmen killed five people at Witu on Monday. The bodies and the wounded were taken to \
         hospitals in Nairobi. The group said it had killed 25 soldiers.",
    );
    assert_eq!(incidents(&ex), [("Witu".to_string(), 5)]);
    // A hospital that is itself hit is where it happened.
    let ex = read("A rocket hit a hospital in Garissa on Monday, killing three patients.");
    assert_eq!(incidents(&ex), [("Garissa".to_string(), 3)]);
}

#[test]
fn the_town_of_a_source_given_with_according_to_is_not_where_an_event_told_before_was() {
    for text in [
        "About twenty civilians were killed on Saturday in an attack on Kolbeyiri, a village in \
         northern Kenya. According to a health official in Garissa, the head nurse of Kolbeyiri \
         was killed in the attack.",
        "Zaterdag zijn bij een aanval op Kolbeyiri, een dorp in het noorden van Kenia, zo'n \
         twintig burgers gedood. Volgens een gezondheidsfunctionaris in Garissa werd de \
         hoofdverpleger van Kolbeyiri gedood bij de aanval.",
    ] {
        let ex = read(text);
        assert!(ex.incidents.is_empty(), "{text}: {:?}", incidents(&ex));
    }
    // Opening the article, the source's town is the only sign of where it happened.
    let ex = read(
        "According to a police official in Garissa, five people were killed in the attack on \
         Saturday.",
    );
    assert_eq!(incidents(&ex), [("Garissa".to_string(), 5)]);
}
