//! Gazetteer unit tests: bad input, user place files, the GeoNames builder and the commands
//! (the table test of spellings is `tests/commands/gazetteer_table.rs`).

use super::*;

fn found<'g>(r: Resolution<'g>) -> Candidate<'g> {
    match r {
        Resolution::Found { best, .. } => best,
        Resolution::NotFound { suggestions } => panic!("not found; suggestions {suggestions:?}"),
    }
}

fn not_found(r: Resolution<'_>) -> Vec<String> {
    match r {
        Resolution::NotFound { suggestions } => suggestions,
        Resolution::Found { best, .. } => {
            panic!("unexpectedly found {} ({})", best.entry.id, best.reason)
        }
    }
}

#[test]
fn the_builtin_gazetteer_is_the_world() {
    let g = Gazetteer::builtin();
    assert!(g.len() > 280_000, "{}", g.len());
    assert!(g.name_count() > 800_000, "{}", g.name_count());
    assert!(std::ptr::eq(g, Gazetteer::builtin()), "opened once");
}

#[test]
fn bad_names_are_not_found_without_panicking() {
    let g = Gazetteer::builtin();
    let ctx = Context::default();
    for name in ["", "   ", "-- . ''", "\u{0}\u{1}\u{7f}", "\u{200B}"] {
        assert!(not_found(g.resolve(name, &ctx)).is_empty(), "{name:?}");
    }
    let long = "Hasakah".repeat(1500);
    assert!(not_found(g.resolve(&long, &ctx)).is_empty());
    let long_one_word = "x".repeat(10_000);
    assert!(not_found(g.resolve(&long_one_word, &ctx)).is_empty());
    // Control characters inside a name are separators, not part of it.
    let best = found(g.resolve("Ain\u{0}Issa\u{7}", &Context::country(Some("SY"))));
    assert_eq!(best.entry.id, "geonames:172134");
}

#[test]
fn unknown_names_give_suggestions_never_a_guess() {
    let g = Gazetteer::builtin();
    let suggestions = not_found(g.resolve("Hasakahq", &Context::country(Some("SY"))));
    assert!(suggestions.len() <= 5);
    assert!(
        suggestions.iter().any(|s| s.contains("Ḩasakah")),
        "{suggestions:?}"
    );
    // Short names never match approximately.
    assert!(matches!(
        g.resolve("Hqz", &Context::default()),
        Resolution::NotFound { .. }
    ));
}

#[test]
fn misspellings_match_approximately_and_say_so() {
    let g = Gazetteer::builtin();
    let best = found(g.resolve("Qamushli", &Context::country(Some("SY"))));
    assert_eq!(best.entry.id, "geonames:173377");
    assert!(best.reason.contains("approximate match"), "{}", best.reason);
}

#[test]
fn machine_romanisations_rank_below_real_names() {
    let g = Gazetteer::builtin();
    let best = found(g.resolve("alhskt", &Context::default()));
    assert!(
        best.reason.contains("machine romanisation"),
        "{}",
        best.reason
    );
}

#[test]
fn a_city_bearing_the_name_as_its_own_beats_a_larger_one_with_it_as_another_spelling() {
    // Cancún bears "Cancun" as its own name; for Changchun, several times larger, it is one
    // of many spellings in other languages.
    let g = Gazetteer::builtin();
    let best = found(g.resolve("Cancun", &Context::default()));
    assert_eq!(best.entry.country_code, "MX", "{}", best.reason);
    // A town of that size does not push a spelling variant of a great city aside: "Odessa"
    // is Odesa more than the Texan town that bears it.
    let best = found(g.resolve("Odessa", &Context::default()));
    assert_eq!(best.entry.country_code, "UA", "{}", best.reason);
    let best = found(g.resolve("St. Petersburg", &Context::default()));
    assert_eq!(best.entry.country_code, "RU", "{}", best.reason);
}

#[test]
fn a_town_bearing_a_name_is_not_pushed_aside_by_a_country_it_only_resembles() {
    // "Salvador" is a Brazilian city's own name and El Salvador's only without its article;
    // "Uman" a Ukrainian city's and Oman's only as a folded romanisation; "Tanga" a Tanzanian
    // city's and Tonga's only in a language incimap does not read.
    let g = Gazetteer::builtin();
    for (name, country) in [("Salvador", "BR"), ("Uman", "UA"), ("Tanga", "TZ")] {
        let best = found(g.resolve(name, &Context::default()));
        assert_eq!(
            best.entry.kind,
            EntryKind::Populated,
            "{name}: {}",
            best.reason
        );
        assert_eq!(best.entry.country_code, country, "{name}: {}", best.reason);
    }
    // A country's own name still reads as the country.
    for (name, country) in [
        ("El Salvador", "SV"),
        ("Oman", "OM"),
        ("Tonga", "TO"),
        ("Holland", "NL"),
    ] {
        let best = found(g.resolve(name, &Context::default()));
        assert_eq!(
            best.entry.kind,
            EntryKind::Country,
            "{name}: {}",
            best.reason
        );
        assert_eq!(best.entry.country_code, country, "{name}");
    }
}

#[test]
fn context_admin1_and_co_location_add_points() {
    let g = Gazetteer::builtin();
    let ctx = Context {
        admin1: Some("SY.01".into()),
        near: vec![(40.74772, 36.50237)],
        ..Context::default()
    };
    let best = found(g.resolve("al-Hol", &ctx));
    assert_eq!(best.entry.id, "geonames:173797");
    assert!(
        best.reason.contains("context admin1 SY.01"),
        "{}",
        best.reason
    );
    assert!(
        best.reason.contains("km from a place already resolved"),
        "{}",
        best.reason
    );
    let by_name = Context {
        admin1: Some("Hasakah".into()),
        ..Context::default()
    };
    assert!(found(g.resolve("al-Hol", &by_name))
        .reason
        .contains("context admin1"));
}

const USER_TSV: &str = "name\taliases\tlon\tlat\tcountry\tkind\tprecision\n\
Roj camp\tMukhayyam Roj|Roj IDP camp\t42.0871\t36.9893\tSY\tcamp\tsite\n\
Bad lon\t\t200\t36\tSY\tcamp\tsite\n\
Bad lat\t\t40\t-95.5\tSY\t\t\n\
\t\t40\t36\tSY\t\t\n\
Not a number\t\tforty\t36\tSY\t\t\n\
Odd kind\t\t40\t36\tSY\tvolcano\t\n\
Roj camp\t\t42\t37\tSY\tcamp\t\n\
Tiny hamlet\t\t40.5\t36.5\tSY\ttown\tnear_town\n";

#[test]
fn user_places_take_precedence_and_bad_rows_are_reported_by_line() {
    let base = Gazetteer::builtin();
    let (g, errors) = base.with_user_places(USER_TSV.as_bytes(), "mine.tsv");
    let g = g.expect("usable rows");
    let lines: Vec<Option<u64>> = errors.iter().map(|e| e.line).collect();
    assert_eq!(
        lines,
        vec![Some(3), Some(4), Some(5), Some(6), Some(7), Some(8)],
        "{errors:?}"
    );
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(
        text[0].contains("mine.tsv:3: column 'lon': 200 is out of range"),
        "{text:?}"
    );
    assert!(
        text[1].contains("column 'lat': -95.5 is out of range"),
        "{text:?}"
    );
    assert!(text[2].contains("empty name"), "{text:?}");
    assert!(
        text[5].contains("duplicate id user:roj camp")
            || text[5].contains("duplicate id user:roj-camp")
    );
    assert!(text[5].contains("first on line 2"), "{text:?}");
    let best = found(g.resolve("Roj camp", &Context::default()));
    assert_eq!(best.entry.id, "user:roj-camp");
    assert_eq!(best.entry.precision, GeoPrecision::Site);
    assert!(
        best.reason.contains("from mine.tsv (takes precedence)"),
        "{}",
        best.reason
    );
    assert_eq!(
        found(g.resolve("Roj IDP camp", &Context::default()))
            .entry
            .id,
        "user:roj-camp"
    );
    let hamlet = found(g.resolve("Tiny hamlet", &Context::default()));
    assert_eq!(
        (hamlet.entry.kind, hamlet.entry.precision),
        (EntryKind::Populated, GeoPrecision::NearTown)
    );
    // The world is still there underneath.
    assert_eq!(
        found(g.resolve("Raqqa", &Context::default())).entry.id,
        "geonames:172955"
    );
}

#[test]
fn user_files_with_invalid_utf8_csv_quoting_and_replaced_geonames_ids() {
    let mut bytes = b"id,name,lon,lat,country\n".to_vec();
    bytes.extend_from_slice(b"geonames:172134,\"Ain Issa, town\",38.9,36.4,SY\n");
    bytes.extend_from_slice(b"x1,Bad \xFF\xFE name,40,36,SY\n");
    bytes.extend_from_slice(b"x2,Good name,40.1,36.1,sy\n");
    let (g, errors) = Gazetteer::default().with_user_places(&bytes, "mine.csv");
    let g = g.expect("usable rows");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, Some(3));
    assert!(errors[0].to_string().contains("invalid UTF-8"));
    let over = Gazetteer::builtin().with(&g);
    let best = found(over.resolve("Ain Issa town", &Context::default()));
    assert_eq!(best.entry.id, "geonames:172134");
    assert_eq!(best.entry.lon, 38.9);
    // The replaced entry appears once, from the user layer.
    let Resolution::Found { alternatives, .. } = over.resolve("'Ayn 'Isa", &Context::default())
    else {
        panic!()
    };
    assert!(alternatives.iter().all(|a| a.entry.id != "geonames:172134"));
    assert_eq!(
        found(g.resolve("Good name", &Context::default()))
            .entry
            .country_code,
        "SY"
    );
}

#[test]
fn user_files_without_usable_rows_or_columns_fail_with_a_message() {
    let (g, errors) = Gazetteer::default().with_user_places(b"place,x,y\nA,1,2\n", "t.csv");
    assert!(g.is_none());
    assert!(errors[0]
        .to_string()
        .contains("needs the columns name, lon and lat"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.tsv");
    std::fs::write(&path, "name\tlon\tlat\n").unwrap();
    assert!(Gazetteer::builtin().with_user_file(&path).is_err());
    assert!(Gazetteer::builtin()
        .with_user_file(&dir.path().join("missing.tsv"))
        .is_err());
}

/// A few rows in the format of GeoNames' allCountries.txt / alternateNamesV2.txt.
const DUMP: &str = "173811\tAl Ḩasakah\tAl Hasakah\tHasakah,Hassakeh,الحسكة\t36.50237\t40.74772\tP\tPPLA\tSY\t\t01\t\t\t\t188160\t\t300\tAsia/Damascus\t2023-01-01\n\
173813\tAl-Hasakah\tAl-Hasakah\tHasakah Governorate\t36.5\t40.9\tA\tADM1\tSY\t\t01\t\t\t\t0\t\t\tAsia/Damascus\t2023-01-01\n\
163843\tSyria\tSyria\tSyrie,Syrien\t35\t38\tA\tPCLI\tSY\t\t00\t\t\t\t22933531\t\t\tAsia/Damascus\t2023-01-01\n\
999001\tSome Hill\tSome Hill\t\t36\t40\tT\tHLL\tSY\t\t01\t\t\t\t0\t\t\tAsia/Damascus\t2023-01-01\n\
999002\tBroken\tBroken\t\tnorth\t40\tP\tPPL\tSY\t\t01\t\t\t\t0\t\t\tAsia/Damascus\t2023-01-01\n\
999003\tCamp X\tCamp X\t\t36.1\t40.1\tS\tCMPRF\tSY\t\t01\t\t\t\t0\t\t\tAsia/Damascus\t2023-01-01\n\
short row\n";

const ALT: &str = "1\t173811\tnl\tHasseke\t\t\t\t\t\t\n\
2\t173811\tlink\thttps://en.wikipedia.org/wiki/Al-Hasakah\t\t\t\t\t\t\n\
3\t163843\tnl\tSyrië\t\t\t\t\t\t\n";

#[test]
fn a_gazetteer_builds_from_geonames_dumps_and_loads() {
    let (bytes, report) = build_from_geonames(DUMP.as_bytes(), Some(ALT.as_bytes())).unwrap();
    assert_eq!(report.records, 4, "{report:?}");
    assert_eq!(report.skipped_count, 2, "{report:?}");
    assert_eq!(report.skipped[0].line, Some(5));
    assert_eq!(report.skipped[1].line, Some(7));
    assert_eq!(report.alternate_names, 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my.gaz");
    std::fs::write(&path, &bytes).unwrap();
    let g = Gazetteer::load(&path).unwrap();
    let sy = Context::country(Some("SY"));
    let city = found(g.resolve("Hasseke", &sy));
    assert_eq!(
        (city.entry.id.as_str(), city.entry.feature_code.as_deref()),
        ("geonames:173811", Some("PPLA"))
    );
    assert_eq!(city.entry.admin1.as_deref(), Some("Al-Hasakah"));
    assert_eq!(
        found(g.resolve("Syrië", &sy)).entry.kind,
        EntryKind::Country
    );
    assert_eq!(
        found(g.resolve("Hasakah governorate", &sy)).entry.kind,
        EntryKind::Admin1
    );
    assert_eq!(found(g.resolve("Camp X", &sy)).entry.kind, EntryKind::Site);
    assert!(matches!(
        g.resolve("Some Hill", &sy),
        Resolution::NotFound { .. }
    ));
    // Loading it as a user file puts it over the built-in data.
    let (over, errors) = Gazetteer::builtin().with_user_file(&path).unwrap();
    assert!(errors.is_empty());
    assert_eq!(over.sources().len(), 2);
    // A corrupt or foreign file is an error, not a panic.
    let mut corrupt = bytes.clone();
    corrupt[format::HEADER_SIZE + 8] ^= 0xFF;
    assert!(Gazetteer::from_index_bytes(corrupt, "corrupt").is_err());
    assert!(Gazetteer::from_index_bytes(b"INCIGAZ1 too short".to_vec(), "short").is_err());
    assert!(Gazetteer::from_index_bytes(Vec::new(), "empty").is_err());
}

#[test]
fn the_fuzzy_walk_finds_what_the_automaton_search_finds() {
    // Every 2,000th folded key of the world index, as is and with a letter dropped, replaced
    // or added: the walk returns the same postings, distances and order as fst's search.
    let g = Gazetteer::builtin();
    let index = &g.layers.last().expect("world layer").index;
    let keys = g.folded_names();
    let mut queries: Vec<String> = Vec::new();
    for k in keys.iter().step_by(2000) {
        let chars: Vec<char> = k.chars().collect();
        let mid = chars.len() / 2;
        queries.push(k.clone());
        queries.push(
            chars[..mid]
                .iter()
                .chain(&chars[(mid + 1).min(chars.len())..])
                .collect(),
        );
        queries.push(
            chars[..mid]
                .iter()
                .chain(['x'].iter())
                .chain(&chars[mid..])
                .collect(),
        );
        let mut swapped = chars.clone();
        if let Some(c) = swapped.get_mut(1) {
            *c = 'e';
        }
        queries.push(swapped.into_iter().collect());
    }
    queries.extend(
        [
            "hasaka",
            "kamishliye",
            "ain isa",
            "حسكه",
            "",
            "a",
            "abcdefghijklmnop",
        ]
        .map(String::from),
    );
    for q in &queries {
        for k in 1..=2 {
            for cap in [3, 400] {
                let (mut walk, mut stream) = (Vec::new(), Vec::new());
                index.fuzzy(q, k, cap, &mut walk);
                index.fuzzy_stream(q, k, cap, &mut stream);
                assert_eq!(walk, stream, "{q:?} k={k} cap={cap}");
            }
        }
    }
}

#[test]
fn the_countries_come_one_per_code() {
    let countries = Gazetteer::builtin().countries();
    assert!(countries.len() >= 240, "{}", countries.len());
    assert!(countries.iter().all(|c| c.kind == EntryKind::Country));
    let mut codes: Vec<&str> = countries.iter().map(|c| c.country_code.as_str()).collect();
    codes.sort_unstable();
    let all = codes.len();
    codes.dedup();
    assert_eq!(codes.len(), all);
    let turkey = countries.iter().find(|c| c.country_code == "TR");
    assert_eq!(turkey.map(|c| c.name.as_str()), Some("Turkey"));
}
