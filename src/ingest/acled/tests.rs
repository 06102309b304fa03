//! Tests of the ACLED reader: dates, precisions and the rows it rejects.

use super::*;
use crate::ingest::tables::{read_rows, read_table};
use crate::ingest::Records;

const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

#[test]
fn an_acled_row_maps_onto_the_model() {
    let row = "SYR900001,2019-10-13,2019,1,Political violence,Battles,Armed clash,Military Forces of Turkey (2016-),Syrian National Army,8,SDF: Syrian Democratic Forces,,2,28,,760,Middle East,Syria,Ar-Raqqa,Tell Abiad,Suluk,Suluk,36.5960,39.1299,2,SOHR; Hawar News,National,\"Clashes near Suluk, both sides report losses.\",7,,1571000000\n";
    let incidents = read_rows(HEADER, row, "a.csv");
    let inc = &incidents[0];
    assert_eq!(inc.id, "SYR900001");
    assert_eq!(inc.title, "Armed clash at Suluk");
    assert_eq!(inc.place.country_code.as_deref(), Some("SY"));
    assert_eq!(inc.place.lon_lat(), Some((39.1299, 36.596)));
    assert_eq!(inc.place.precision, GeoPrecision::NearTown);
    assert_eq!(inc.figure(&Measure::Killed).unwrap().best, Some(7));
    assert_eq!(inc.actors.len(), 3);
    assert_eq!(inc.sources.len(), 2);
    assert_eq!(inc.extra["disorder_type"], "Political violence");
    assert_eq!(inc.place.admin2.as_deref(), Some("Tell Abiad"));
    assert_eq!(inc.place.admin3.as_deref(), Some("Suluk"));
    assert!(!inc.extra.contains_key("admin2"));
    assert!(!inc.extra.contains_key("year"));
}

#[test]
fn bad_codes_are_rejected_with_the_column() {
    let text = format!(
        "{HEADER}\nSYR1,2019-10-13,2019,7,,Battles,Armed clash,A,,,,,,,,760,,Syria,,,,X,36.5,39.1,1,S,,,0,,\n\
SYR2,2019-10-13,2019,1,,Battles,Armed clash,A,,,,,,,,760,,Syria,,,,X,136.5,39.1,1,S,,,0,,\n"
    );
    let Records {
        incidents,
        rejected: errors,
        ..
    } = read_table(text.as_bytes(), "a.csv", &ReadOptions::default());
    assert!(incidents.is_empty());
    assert!(errors[0]
        .to_string()
        .starts_with("a.csv:2: column 'time_precision'"));
    assert!(
        errors[1].to_string().contains("look swapped"),
        "{}",
        errors[1]
    );
}
