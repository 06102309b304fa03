//! The extractor reads a place name inside the division named with it ("X, Y", "X (Y)",
//! "X in Y"), and does not put a village that the gazetteer lacks at a namesake in another
//! division. Sentences written for these tests; places from the built-in gazetteer: two
//! Hungarian villages called Kardos of the same size (one in Békés county, near its seat
//! Békéscsaba, one in Csongrád county, whose seat shares its name), the counties Baranya and
//! Tolna, and Kiminini and
//! Kitale, two towns of Trans Nzoia county in Kenya; Bama and Maiduguri, two towns of Borno
//! state in Nigeria, 60 km apart; Kasese district in Uganda.

use incimap::extract::Extraction;

/// Kardos in Békés county.
const KARDOS_BEKES: &str = "geonames:717163";
/// Kardos in Csongrád county.
const KARDOS_CSONGRAD: &str = "geonames:719393";

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

fn ids(ex: &Extraction, name: &str) -> Vec<String> {
    common::mention_ids(ex, name)
}

#[test]
fn a_bare_village_name_two_counties_share_is_no_place() {
    // Nothing says which Kardos: neither is drawn (see also `tied_namesakes`).
    let ex = read("Farmers blocked a road near Kardos.");
    assert!(ids(&ex, "Kardos").is_empty(), "{:?}", ex.places);
}

#[test]
fn the_county_named_after_a_comma_picks_the_village_in_it() {
    // "Csongrád" is both a county and its seat: the county reading counts as a container
    // even though the town is the name's best reading on its own.
    let ex = read("Farmers blocked a road near Kardos, Csongrád.");
    assert_eq!(ids(&ex, "Kardos"), [KARDOS_CSONGRAD]);
}

#[test]
fn the_county_in_parentheses_picks_the_village_in_it() {
    let ex = read("Farmers blocked a road near Kardos (Csongrad).");
    assert_eq!(ids(&ex, "Kardos"), [KARDOS_CSONGRAD]);
}

#[test]
fn a_word_for_the_kind_of_place_may_stand_before_the_county() {
    let ex = read("Farmers blocked a road near Kardos village (Csongrád).");
    assert_eq!(ids(&ex, "Kardos"), [KARDOS_CSONGRAD]);
    let ex = read("A barn burned in Kardos village in Csongrád.");
    assert_eq!(ids(&ex, "Kardos"), [KARDOS_CSONGRAD]);
}

#[test]
fn in_and_a_county_prefers_the_village_in_that_county() {
    let ex = read("A barn burned in Kardos in Csongrád county.");
    assert_eq!(ids(&ex, "Kardos"), [KARDOS_CSONGRAD]);
}

#[test]
fn a_name_repeated_without_its_county_keeps_the_same_reading() {
    let ex = read("Farmers blocked a road near Kardos, Csongrád. Later, smoke rose near Kardos.");
    assert_eq!(ids(&ex, "Kardos"), [KARDOS_CSONGRAD, KARDOS_CSONGRAD]);
}

#[test]
fn a_village_named_in_a_county_that_has_none_of_that_name_is_not_placed_elsewhere() {
    // No Kardos in Baranya county: the gazetteer lacks the village meant, and neither
    // namesake may stand for it. The county itself is still recognised.
    let ex = read("Farmers blocked a road near Kardos, Baranya.");
    assert!(ids(&ex, "Kardos").is_empty(), "{:?}", ex.places);
    assert_eq!(ids(&ex, "Baranya").len(), 1);
    assert!(ex.incidents.iter().all(|i| i.place.name != "Kardos"));
}

#[test]
fn a_list_of_places_is_not_a_village_and_its_county() {
    // "X, Y and Z" names three places side by side: Baranya does not hold Kardos here (and
    // the county seat named after it tells which Kardos).
    let ex = read("Farmers blocked roads in Kardos, Baranya and Tolna, and near Békéscsaba.");
    assert_eq!(ids(&ex, "Kardos"), [KARDOS_BEKES]);
}

#[test]
fn a_large_town_is_kept_when_the_next_name_is_another_division() {
    // Two well-known places side by side without "and": the city is not dropped.
    let ex = read("Students marched in Szeged, Baranya.");
    assert_eq!(ids(&ex, "Szeged").len(), 1);
}

#[test]
fn countries_named_one_after_another_are_all_kept() {
    // A country is never a namesake of something the gazetteer lacks, whatever follows it.
    let ex = read("Buyers came from Hungary, Austria, Slovakia.");
    for name in ["Hungary", "Austria", "Slovakia"] {
        assert_eq!(ids(&ex, name).len(), 1, "{name}: {:?}", ex.places);
    }
}

#[test]
fn a_village_followed_by_its_own_country_stays() {
    let ex = read("Farmers blocked a road near Kardos, Hungary.");
    assert_eq!(ids(&ex, "Kardos"), [KARDOS_BEKES]);
}

#[test]
fn a_village_the_text_puts_in_its_county_is_no_namesake_abroad() {
    // The only country named is another one; the village would otherwise be taken for a
    // namesake in a country the article gives no other sign of.
    let ex = read("Farmers blocked a road near Kardos, Csongrád. They sell wheat to Austria.");
    assert_eq!(ids(&ex, "Kardos"), [KARDOS_CSONGRAD]);
}

#[test]
fn after_a_village_in_it_a_province_named_like_its_city_is_the_province() {
    // Lublin is a Polish city and the province around it; Sitno is a village there.
    const LUBLIN_PROVINCE: &str = "geonames:858785";
    const LUBLIN_CITY: &str = "geonames:765876";
    let ex = read("Farmers blocked a road near Sitno in Lublin.");
    assert_eq!(ids(&ex, "Lublin"), [LUBLIN_PROVINCE]);
    let ex = read("Students marched in Lublin.");
    assert_eq!(ids(&ex, "Lublin"), [LUBLIN_CITY]);
    // Not next to each other: where people came from does not place the march.
    let ex = read("Farmers from Sitno marched in Lublin.");
    assert_eq!(ids(&ex, "Lublin"), [LUBLIN_CITY]);
}

#[test]
fn a_town_named_like_its_county_is_the_town_after_a_bare_locative() {
    // The gazetteer calls the division "Kericho County"; "in Kericho" names the town, and
    // the deaths are an incident there, not a county-wide figure.
    let ex = read("Three traders were killed in Kericho on Monday.");
    assert_eq!(ids(&ex, "Kericho"), ["geonames:192900"]);
    assert_eq!(ex.incidents.len(), 1);
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
    // With a word for a division it is the county.
    let ex = read("Three traders were killed in Kericho County on Monday.");
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
}

#[test]
fn a_division_written_with_its_word_in_the_gazetteer_s_name_stays_the_division() {
    // The gazetteer spells the division "Ibb Governorate": "at" before it does not make
    // the name the town.
    let ex = read("Two traders were killed at Ibb Governorate on Monday.");
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
    assert_eq!(ex.regional.len(), 1);
}

#[test]
fn a_town_named_like_its_county_is_the_town_a_strike_hit() {
    // "Nyeri County" in the gazetteer: what shells hit is the town of that name.
    let ex = read("Mortar shells hit Nyeri on Monday, killing four traders.");
    assert_eq!(ids(&ex, "Nyeri"), ["geonames:182701"]);
    assert_eq!(ex.incidents.len(), 1);
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
}

#[test]
fn a_town_in_a_district_the_text_names_as_one_is_one_incident() {
    // "Bulandshahr district" reads as the town Bulandshahr; the text says it is a district
    // holding Khurja, so the brief's count goes to Khurja (with two incidents it went to neither).
    let ex = read(
        "On Monday, gunmen attacked traders over a land dispute in Khurja subdivision of \
         Bulandshahr district (Uttar Pradesh). 2 killed.",
    );
    let places: Vec<(String, Option<u64>)> =
        common::best_by_place(&ex, incimap::model::Measure::Killed);
    assert_eq!(places, [("Khurja".to_string(), Some(2))]);
}

#[test]
fn a_town_named_like_a_strike_verb_is_still_a_town() {
    // "hit" is a verb of strikes in the lexicon; "Hit" in Anbar is a town all the same.
    let ex = read("Two farmers were killed in Hit on Monday.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert_eq!(ex.incidents[0].place.country_code.as_deref(), Some("IQ"));
}

#[test]
fn a_capitalised_word_for_a_division_after_a_name_does_not_hide_the_place() {
    // "Municipality", "LGA", "Subcounty": the kind of division the name stands for, not the
    // second half of an unknown name.
    for kind in ["Municipality", "LGA", "Subcounty"] {
        let ex = read(&format!(
            "On 1 May, gunmen attacked a village in Webuye {kind}, killing two farmers."
        ));
        assert_eq!(ex.incidents.len(), 1, "{kind}: {:?}", ex.incidents);
        assert_eq!(ex.incidents[0].place.name, "Webuye", "{kind}");
    }
}

#[test]
fn a_district_named_after_a_town_is_the_district_and_picks_the_town_in_its_state() {
    // Bhojpur is a district of Bihar and, read alone, a small town in Nepal; Jagdishpur is
    // a town in Bihar and one in Uttar Pradesh. In brackets after the town the name is the
    // district: no incident in Nepal, and the Jagdishpur of Bihar.
    const JAGDISHPUR_BIHAR: &str = "geonames:1269573";
    for place in ["Jagdishpur (Bhojpur)", "Jagdishpur, Bhojpur"] {
        let ex = read(&format!(
            "Students held a sit-in at the college in {place}."
        ));
        assert_eq!(ids(&ex, "Jagdishpur"), [JAGDISHPUR_BIHAR], "{place}");
        let countries: Vec<_> = ex
            .incidents
            .iter()
            .map(|i| i.place.country_code.clone())
            .collect();
        assert_eq!(countries, [Some("IN".to_string())], "{place}");
    }
}

#[test]
fn a_capital_given_with_its_district_and_province_is_an_address() {
    // "in a quarter of A (A, Province)": the city named with the divisions that hold it
    // is where the march was, not its government speaking.
    // Kumasi is a city of millions and a district of the same name in Ashanti.
    let ex = read("Traders marched in the Kwa Njenga area of Kumasi (Kumasi, Ashanti) on Monday.");
    let names: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
    assert_eq!(names, ["Kumasi"]);
}

#[test]
fn a_word_for_the_place_s_kind_between_it_and_its_region_keeps_one_incident() {
    // "Kasulu district, Kigoma", "Kasulu district of Kigoma": Kigoma (a town and the region
    // named after it) only says where Kasulu lies, so the next sentence's toll has one
    // place to go to.
    for place in ["Kasulu district, Kigoma", "Kasulu district of Kigoma"] {
        let ex = read(&format!(
            "On Monday, a farmer stepped on a landmine in {place}. The explosion killed two and injured four."
        ));
        let names: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
        assert_eq!(names, ["Kasulu"], "{place}");
        let tolls: Vec<u64> = ex.incidents[0]
            .figures
            .iter()
            .filter_map(|f| f.best)
            .collect();
        assert_eq!(tolls, [2, 4], "{place}");
    }
    // The province may be written in words the gazetteer joins: "Lop Buri" is the
    // province it calls "Lopburi", which holds Ban Mi.
    let ex = read(
        "On Monday, a farmer stepped on a landmine in Ban Mi district of Lop Buri. The explosion killed two.",
    );
    let names: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
    assert_eq!(names, ["Ban Mi"]);
}

#[test]
fn in_the_area_of_a_town_is_at_that_town() {
    // "the area of", "the region of" after "in": the words say where the firing was, even
    // when the sentence names no kind of event that would make a place its scene.
    for text in [
        "On Monday, soldiers fired small arms at the positions of the militia in the area of Webuye, Bungoma.",
        "On Monday, soldiers fired small arms at the positions of the militia in the region of Webuye.",
    ] {
        let ex = read(text);
        let names: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
        assert_eq!(names, ["Webuye"], "{text}");
    }
    // Without a locative, "the area of" is no place of an event.
    let ex = read("The governor praised the farmers of the area of Webuye.");
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
}

#[test]
fn a_town_and_the_division_named_after_it_are_one_sign_of_their_country() {
    // "Nyeri" reads as a Kenyan town and the county named after it: one place in effect, so
    // a sign of Kenya as good as a name with one reading. Before, only names with a single
    // reading counted, and a small French town named twice made Nyeri a stray namesake.
    let ex = read(
        "Buses carrying 40 families left Kakamega and Nyeri on Monday. Foix sent a \
         delegation. Foix promised help.",
    );
    let countries: Vec<(String, String)> = ex
        .places
        .iter()
        .map(|m| (m.text.clone(), m.country_code.clone()))
        .collect();
    assert!(
        countries.contains(&("Nyeri".to_string(), "KE".to_string())),
        "{countries:?}"
    );
}

/// (place, best of the first figure) of every incident.
fn placed(ex: &Extraction) -> Vec<(String, Option<u64>)> {
    ex.incidents
        .iter()
        .map(|i| (i.place.name.clone(), i.figures.first().and_then(|f| f.best)))
        .collect()
}

#[test]
fn a_town_said_to_lie_in_a_larger_town_nearby_is_the_event_place() {
    // Ruiru lies some 20 km from Nairobi: "Ruiru in Nairobi" is where it happened, told in
    // either order, with an area word between ("in the north of").
    for text in [
        "Gunmen attacked a bank in Ruiru in Nairobi on Tuesday, killing 2 guards.",
        "In an attack on a bank in Ruiru in the north of Nairobi 2 guards were killed.",
        "Bij een aanval op een bank in Ruiru in het noorden van Nairobi zijn 2 bewakers gedood.",
    ] {
        let ex = read(text);
        assert_eq!(placed(&ex), [("Ruiru".to_string(), Some(2))], "{text}");
    }
    // A town far from the other is no part of it: the nearer place to the figure decides.
    let ex = read("Fighters from Kitui in Nairobi killed 5 people on Tuesday.");
    assert_eq!(placed(&ex), [("Nairobi".to_string(), Some(5))]);
}

#[test]
fn a_bracket_with_a_district_and_its_province_names_no_second_town() {
    // "A (B, Province)": the way a coder writes the district and the province of a town. B
    // is a town of A's province that lends the district its name: one incident, at A, and
    // the next sentence's toll stays with it.
    let ex = common::read_sentence(
        "2024-05-02",
        "On Monday, militiamen and the police clashed in Kiminini (Kitale, Trans Nzoia). \
         Two police officers were shot dead.",
    );
    let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
    assert_eq!(places, ["Kiminini"], "{:?}", ex.incidents);
    let killed = ex.incidents[0].figure(&incimap::model::Measure::Killed);
    assert_eq!(killed.and_then(|f| f.best), Some(2), "{:?}", ex.unattached);
}

#[test]
fn a_town_with_its_kind_word_before_its_district_and_province_is_one_incident() {
    // "A town (B, Province)": B, the district's town, only says where A lies; no incident
    // of its own, with or without figures.
    for text in [
        "On 8 June 2024, traders held a protest in Kiminini town (Kitale, Trans Nzoia) demanding \
         lower market fees.",
        "On 8 June 2024, traders held a protest in Kiminini town (Kitale, Trans Nzoia). Police \
         dispersed them.",
    ] {
        let ex = common::read_sentence("2024-06-08", text);
        let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
        assert_eq!(places, ["Kiminini"], "{text}");
    }
}

#[test]
fn a_place_in_brackets_after_a_town_only_says_where_it_is() {
    // "A (B)": B is A's district town, or a quarter of A; either way no incident of its own.
    for (text, place) in [
        (
            "On 8 June 2024, traders held a sit-in outside the county offices in Kiminini \
             (Kitale), denouncing power cuts.",
            "Kiminini",
        ),
        (
            "On 8 June 2024, residents of several estates protested in Nairobi (Kibera) to \
             demand relief payments.",
            "Nairobi",
        ),
        (
            "On 8 June 2024, women demonstrated along the highway at Kiminini (Municipality of \
             Kitale, Trans Nzoia), demanding food parcels.",
            "Kiminini",
        ),
    ] {
        let ex = common::read_sentence("2024-06-08", text);
        let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
        assert_eq!(places, [place], "{text}");
    }
}

#[test]
fn a_far_town_of_the_same_province_said_to_hold_a_town_stands_for_its_province() {
    // Maiduguri is no place of the fighting: it names the province (state) Bama lies in.
    let ex = read(
        "On Monday, clashes erupted in a market in Bama town in Maiduguri. Six fighters were \
         killed.",
    );
    assert_eq!(
        common::best_by_place(&ex, incimap::model::Measure::Killed),
        [("Bama".to_string(), Some(6))]
    );
}

#[test]
fn a_blast_told_by_its_verb_in_a_village_the_gazetteer_lacks_is_placed_at_its_district() {
    let ex = read(
        "On Monday, a bomb exploded near a school in Kuvolu village (Kasese district). Two \
         pupils were wounded.",
    );
    assert_eq!(
        common::best_by_place(&ex, incimap::model::Measure::Injured),
        [("Kuvolu, Kasese".to_string(), Some(2))]
    );
    assert_eq!(
        ex.incidents[0].sub_event_type,
        Some(incimap::model::SubEventType::RemoteExplosiveLandmineIed)
    );
}

#[test]
fn a_dutch_town_noun_right_before_the_name_asks_for_the_town() {
    // "de stad Wajir": the town, not the county of the same name.
    let ex = common::read_sentence(
        "2024-09-18",
        "Volgens de politie hebben strijders op maandag de stad Wajir met raketten beschoten, \
         waarbij vier mensen gewond raakten.",
    );
    assert_eq!(
        common::incident_places(&ex),
        [("Wajir".to_string(), incimap::model::GeoPrecision::Town)],
        "{:?}",
        ex.regional
    );
}

#[test]
fn a_small_town_far_from_the_town_named_after_it_is_a_namesake() {
    // Bondo lies in Siaya county, 700 km from Malindi: "Bondo, Malindi" is a place near
    // Malindi the gazetteer lacks, told as such.
    let read = |text: &str| common::incident_places(&common::read_sentence("2024-09-18", text));
    use incimap::model::GeoPrecision;
    assert_eq!(
        read("On Monday gunmen shot dead a trader in Bondo, Malindi."),
        [("Bondo, Malindi".to_string(), GeoPrecision::NearTown)]
    );
    // Near the town, or with a county after it, the town stays.
    assert_eq!(
        read("On Monday gunmen shot dead a trader in Bondo, Kisumu."),
        [("Bondo".to_string(), GeoPrecision::Town)]
    );
    // Two towns of a list are places side by side.
    let listed = read("On Monday gunmen shot dead traders in Bondo, Malindi and Voi.");
    assert!(
        !listed.iter().any(|(name, _)| name == "Bondo, Malindi"),
        "{listed:?}"
    );
}

#[test]
fn of_and_a_county_prefers_the_village_in_that_county() {
    // "X of the Y county": X is a place in that county, not the head of a longer name.
    let ex = read("A barn burned in Kardos of the Csongrád county.");
    assert_eq!(ids(&ex, "Kardos"), [KARDOS_CSONGRAD]);
    let ex = read("Farmers blocked a road in Kardos of Csongrád county on Monday.");
    assert_eq!(ids(&ex, "Kardos"), [KARDOS_CSONGRAD]);
}

#[test]
fn a_division_the_gazetteer_lacks_between_a_place_and_its_province_still_holds_it() {
    // "Ibarra" is a town in Ecuador; here a village in a Kenyan district the gazetteer
    // lacks, in Nyeri county.
    let ex =
        read("On Monday, gunmen killed two herders in Ibarra area of Kolbeyiri district, Nyeri.");
    assert!(ids(&ex, "Ibarra").is_empty(), "{:?}", ex.incidents);
    let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
    assert_eq!(places, ["Kolbeyiri, Nyeri"]);
    // With the town's own country after the district, the town stands.
    let ex =
        read("On Monday, gunmen killed two herders in Ibarra area of Kolbeyiri district, Ecuador.");
    assert_eq!(ids(&ex, "Ibarra").len(), 1, "{:?}", ex.incidents);
}

#[test]
fn a_word_for_a_district_after_a_name_asks_for_the_country_that_has_that_district() {
    // "Guma" is a district (local government area) in Nigeria and a town in China: "Guma
    // LGA" is the district.
    let ex = read("Gunmen killed four farmers in Guma LGA on Sunday.");
    assert_eq!(
        common::mention_countries(&ex, "Guma"),
        ["NG"],
        "{:?}",
        ex.places
    );
    // Without the word, nothing says which.
    let ex = read("Gunmen killed four farmers in Guma on Sunday.");
    assert_ne!(
        common::mention_countries(&ex, "Guma"),
        ["NG"],
        "{:?}",
        ex.places
    );
}

#[test]
fn a_district_named_after_the_province_it_is_told_in_is_no_district_of_another() {
    // The built-in gazetteer holds a Jaghatu district only in Wardak: in a sentence about
    // Ghazni province that reading contradicts the text, so the count stays Ghazni's.
    let ex = common::read_sentence(
        "2024-05-08",
        "A roadside bomb in southern Ghazni province killed two policemen in the district of \
         Jaghatu on Monday.",
    );
    assert!(ex.incidents.is_empty(), "{:?}", common::tolls(&ex));
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
    // Told with its own province, or with none, the district is read.
    for text in [
        "A roadside bomb killed two policemen in the district of Jaghatu on Monday.",
        "A roadside bomb in Wardak province killed two policemen in the district of Jaghatu \
         on Monday.",
    ] {
        let ex = common::read_sentence("2024-05-08", text);
        assert_eq!(
            common::tolls(&ex),
            [("Jaghatu".to_string(), Some(2), None)],
            "{text}"
        );
    }
}

#[test]
fn a_division_after_a_comma_and_in_only_holds_the_town_before_it() {
    // The lead counts in the country; the next sentence names the town and the district
    // holding it (Hima lies in Kasese district, Uganda): one incident at the town, with the
    // lead's count, and none at the district.
    for text in [
        "In Uganda five policemen were killed in an attack in the west of the country. The \
         attack took place on Monday in Hima, in Kasese district, near the border.",
        "In Uganda five policemen were killed in an attack in the west of the country. The \
         attack took place on Monday in Hima, in the district of Kasese, near the border.",
        "In Oeganda zijn bij een aanval in het westen van het land vijf politieagenten om het \
         leven gekomen. De aanval deed zich maandag voor in Hima, in het district Kasese, bij \
         de grens.",
    ] {
        let ex = common::read_sentence("2024-05-08", text);
        assert_eq!(
            common::tolls(&ex),
            [("Hima".to_string(), Some(5), None)],
            "{text}"
        );
    }
}
