//! A bare name that several small places far apart bear alike, with nothing in the text to
//! choose between them, is no place: the figure is kept unattached with the places it could
//! be; with no figure, the article's warning names them. A province the text names, a town it names nearby, or the district a town gives its
//! name to settles which one. Sentences written for these tests; places from the built-in
//! gazetteer: two villages called Lozove in Ukraine (in Crimea and in Khmelnytskyi), towns
//! called Riverdale in several American states, and two towns called Amethi in Uttar
//! Pradesh, one of which gives its name to a district; the Burkinabe province of Bam and the
//! Iranian city of that name.

use incimap::extract::Extraction;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

#[test]
fn a_village_name_shared_far_apart_is_no_place() {
    for text in [
        "Gunmen shot dead three farmers in Lozove on Sunday.",
        "Two men were shot dead outside a petrol station in Riverdale on Friday night.",
    ] {
        let ex = read(text);
        assert!(ex.incidents.is_empty(), "{text}: {:?}", ex.incidents);
        assert!(
            ex.unattached
                .iter()
                .any(|u| u.reason.contains("names several small places far apart")),
            "{text}: {:?}",
            ex.unattached
        );
    }
    // The reason lists the places, to let a reader say which one was meant.
    let ex = read("Gunmen shot dead three farmers in Lozove on Sunday.");
    let reason = &ex.unattached[0].reason;
    assert!(
        reason.contains("UA, Crimea") && reason.contains("UA, Khmelnytskyi"),
        "{reason}"
    );
}

#[test]
fn a_province_named_in_the_text_settles_which_namesake() {
    let ex = read(
        "Two men were shot dead outside a petrol station in Riverdale on Friday night, \
         police in Illinois said.",
    );
    assert_eq!(
        common::mention_ids(&ex, "Riverdale"),
        vec!["geonames:4907683".to_string()]
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let ex = read("Gunmen shot dead three farmers in Lozove in Khmelnytskyi province on Sunday.");
    assert_eq!(
        common::mention_ids(&ex, "Lozove"),
        vec!["geonames:702737".to_string()]
    );
}

#[test]
fn a_town_named_nearby_settles_which_namesake() {
    // (The smaller Lozove, in the province of Khmelnytskyi, near the city of that name.)
    let ex =
        read("Gunmen shot dead three farmers in Lozove on Sunday and fled towards Khmelnytskyi.");
    assert_eq!(
        common::mention_ids(&ex, "Lozove"),
        vec!["geonames:702737".to_string()]
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
}

#[test]
fn the_town_that_names_a_district_is_the_one_meant() {
    // Two towns called Amethi of much the same size; the district of Amethi lies around
    // one of them.
    let ex = read("A trader was beaten to death in Amethi over a land dispute.");
    assert_eq!(
        common::mention_ids(&ex, "Amethi"),
        vec!["geonames:1278806".to_string()]
    );
}

#[test]
fn namesakes_abroad_are_no_tie_in_a_text_about_another_country() {
    // Five villages called Maasaran, all in Indonesia: in a text about Kenya the name is a
    // village the gazetteer lacks, not a choice between those five.
    let ex = read(
        "On Sunday, gunmen shot dead three farmers in Maasaran. Police in Kitale said the \
         attackers fled towards Eldoret, Kenya.",
    );
    let reason = &ex.unattached[0].reason;
    assert!(reason.contains("is not in the gazetteer"), "{reason}");
    // Alone, the reason names their province once, with how many lie there.
    let ex = read("Gunmen shot dead three farmers in Maasaran on Sunday.");
    let reason = &ex.unattached[0].reason;
    assert!(reason.ends_with("(ID, East Java (5))"), "{reason}");
}

#[test]
fn an_event_at_a_shared_name_without_figures_says_why_it_has_no_place() {
    // No figure carries the reason here: the article's warning names the name and the
    // places it could be, instead of only "no place recognised".
    let ex = read("Shelling was reported near Lozove on Sunday.");
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
    let warned = ex.warnings.iter().map(|w| w.to_string()).any(|w| {
        w.contains("\"Lozove\" names several small places far apart")
            && w.contains("UA, Crimea")
            && w.contains("UA, Khmelnytskyi")
    });
    assert!(warned, "{:?}", ex.warnings);
}

#[test]
fn a_division_written_with_its_kind_is_named_by_its_own_name() {
    // The gazetteer writes a Burkinabe province "Province du Bam"; an Iranian city is called
    // Bam too. "Bam" is the province's own name, no other name of it: in a text about
    // Burkina Faso it is the province; in one about no country, the city.
    for text in [
        "Burkina Faso: gunmen killed 12 people in Bam on Saturday.",
        "Gunmen killed 12 people in a village in Bam province in Burkina Faso on Saturday.",
    ] {
        let ex = read(text);
        assert_eq!(common::mention_countries(&ex, "Bam"), ["BF"], "{text}");
    }
    let ex = read("Gunmen killed 12 people in Bam on Saturday.");
    assert_eq!(common::mention_countries(&ex, "Bam"), ["IR"]);
}
