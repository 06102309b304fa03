//! "Another" with the word for the person left out counts one more person: "a soldier was
//! killed and another was wounded", "killing one farmer and wounding another". Not when a
//! count follows it ("wounded another 12 people": those twelve). Standing alone it is one
//! more of the people counted before it ("one rebel ... another": a rebel). Sentences written
//! for these tests; Kasulu (Tanzania) from the built-in gazetteer.

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

#[test]
fn another_with_its_person_left_out_is_one_more() {
    for text in [
        "A soldier was killed and another was wounded when a bomb exploded in Kasulu.",
        "A soldier was killed and another wounded when a bomb exploded in Kasulu.",
        "Gunmen killed one farmer and wounded another in Kasulu on Monday.",
        "A bomb exploded in Kasulu on Monday, killing one soldier and wounding another.",
    ] {
        let got = common::tolls(&read(text));
        assert_eq!(got, [("Kasulu".to_string(), Some(1), Some(1))], "{text}");
    }
}

#[test]
fn another_before_a_count_is_that_count() {
    let text = "The blast killed two soldiers and wounded another 12 people in Kasulu.";
    let got = common::tolls(&read(text));
    assert_eq!(got, [("Kasulu".to_string(), Some(2), Some(12))]);
}

#[test]
fn another_standing_alone_is_one_more_of_the_people_counted_before() {
    // The wounded one is a rebel too, not a person of no side beside the civilians.
    let ex = read(
        "Forces fired at positions near Kasulu on Monday, killing one rebel and wounding \
         another. Five civilians were wounded.",
    );
    let injured: Vec<(Option<String>, Option<u64>)> = ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == Measure::Injured)
        .map(|f| (f.subject.clone(), f.best))
        .collect();
    assert_eq!(
        injured,
        [
            (Some("rebel".to_string()), Some(1)),
            (Some("civilians".to_string()), Some(5))
        ]
    );
}
