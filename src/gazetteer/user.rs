//! Gazetteer (used by geocode and extract): a user's own place file (`--gazetteer FILE`).
//!
//! TSV (when the header line has a tab) or CSV, UTF-8, one header line. Columns, by name in
//! any order:
//!
//! | column | required | meaning |
//! | --- | --- | --- |
//! | `name` | yes | the place's name |
//! | `lon`, `lat` | yes | WGS84 degrees, −180…180 / −90…90 |
//! | `aliases` | no | other names, separated by `\|` or `;` |
//! | `country` | no | ISO 3166-1 alpha-2 |
//! | `kind` | no | `site` (camp, prison, facility), `town` (city, village, populated), `admin2` (district), `admin1` (province, governorate), `country`; default `town` |
//! | `precision` | no | `site`, `town`, `near_town`, `admin2`, `admin1`, `country`; default from the kind |
//! | `id` | no | `geonames:N` replaces that GeoNames entry; any other text is kept; default `user:<name>` |
//! | `admin1` | no | GeoNames admin1 code `CC.A1` |
//! | `population` | no | whole number |
//!
//! A bad row (invalid UTF-8, missing name, unparsable or out-of-range coordinates, unknown
//! kind, duplicate id) is reported with its line number and skipped; the other rows are kept.

use std::collections::HashMap;
use std::str::FromStr;

use super::format::{self, Record, RecordId};
use crate::error::RecordError;
use crate::model::GeoPrecision;

/// Parses a user place table into index records and the errors of the rows it skipped.
pub(crate) fn parse_places(bytes: &[u8], source: &str) -> (Vec<Record>, Vec<RecordError>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let tab = first_line.contains(&b'\t');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tab { b'\t' } else { b',' })
        .quoting(!tab)
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes);
    let mut errors = Vec::new();
    let header: Vec<String> = match reader.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|c| String::from_utf8_lossy(c).trim().to_ascii_lowercase())
            .collect(),
        Err(e) => {
            errors.push(RecordError::new(
                source,
                Some(1),
                format!("cannot read the header: {e}"),
            ));
            return (Vec::new(), errors);
        }
    };
    let col = |name: &str| header.iter().position(|h| h == name);
    let (Some(name_col), Some(lon_col), Some(lat_col)) = (col("name"), col("lon"), col("lat"))
    else {
        errors.push(RecordError::new(
            source,
            Some(1),
            format!(
                "the header needs the columns name, lon and lat; found: {}",
                header.join(", ")
            ),
        ));
        return (Vec::new(), errors);
    };
    let optional = Columns {
        aliases: col("aliases"),
        country: col("country"),
        kind: col("kind"),
        precision: col("precision"),
        id: col("id"),
        admin1: col("admin1"),
        population: col("population"),
    };
    let mut records = Vec::new();
    let mut ids: HashMap<RecordId, u64> = HashMap::new();
    for row in reader.byte_records() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = e.position().map(|p| p.line());
                errors.push(RecordError::new(
                    source,
                    line,
                    format!("unreadable row: {e}"),
                ));
                continue;
            }
        };
        let line = row.position().map_or(0, |p| p.line());
        let err = |column: &str, message: String| {
            RecordError::new(source, Some(line), message).in_column(column)
        };
        let field = |i: Option<usize>, column: &str| -> Result<String, RecordError> {
            match i.and_then(|i| row.get(i)) {
                None => Ok(String::new()),
                Some(raw) => std::str::from_utf8(raw)
                    .map(|s| s.trim().chars().filter(|c| !c.is_control()).collect())
                    .map_err(|_| err(column, "invalid UTF-8".into())),
            }
        };
        let parsed = (|| -> Result<Record, RecordError> {
            let name = field(Some(name_col), "name")?.replace('|', "/");
            if name.is_empty() {
                return Err(err("name", "empty name".into()));
            }
            let lon =
                coordinate(&field(Some(lon_col), "lon")?, 180.0).map_err(|m| err("lon", m))?;
            let lat = coordinate(&field(Some(lat_col), "lat")?, 90.0).map_err(|m| err("lat", m))?;
            let country = field(optional.country, "country")?.to_ascii_uppercase();
            if !country.is_empty()
                && (country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()))
            {
                return Err(err(
                    "country",
                    format!("expected an ISO 3166-1 alpha-2 code, got {country:?}"),
                ));
            }
            let (kind, default_precision) =
                kind(&field(optional.kind, "kind")?).map_err(|m| err("kind", m))?;
            let precision = match field(optional.precision, "precision")?.as_str() {
                "" => default_precision,
                p => precision(p).map_err(|m| err("precision", m))?,
            };
            let id = match field(optional.id, "id")?.as_str() {
                "" => RecordId::Text(format!("user:{}", super::fold(&name).replace(' ', "-"))),
                id => match id.strip_prefix("geonames:").map(str::parse::<u32>) {
                    Some(Ok(n)) => RecordId::Geonames(n),
                    _ => RecordId::Text(id.to_string()),
                },
            };
            if matches!(&id, RecordId::Text(t) if t.len() > 200) {
                return Err(err("id", "id longer than 200 bytes".into()));
            }
            let population = match field(optional.population, "population")?.as_str() {
                "" => 0,
                p => p.parse().map_err(|_| {
                    err("population", format!("expected a whole number, got {p:?}"))
                })?,
            };
            let mut names = vec![name];
            for alias in field(optional.aliases, "aliases")?.split(['|', ';']) {
                if !alias.trim().is_empty() {
                    names.push(alias.trim().to_string());
                }
            }
            Ok(Record {
                id,
                kind,
                feature: 0,
                precision,
                country,
                admin1: field(optional.admin1, "admin1")?,
                lat,
                lon,
                population,
                names,
            })
        })();
        match parsed {
            Ok(record) => {
                if let Some(first) = ids.get(&record.id) {
                    let id = match &record.id {
                        RecordId::Geonames(n) => format!("geonames:{n}"),
                        RecordId::Text(t) => t.clone(),
                    };
                    errors.push(err(
                        "id",
                        format!("duplicate id {id} (first on line {first}); row skipped"),
                    ));
                    continue;
                }
                ids.insert(record.id.clone(), line);
                records.push(record);
            }
            Err(e) => errors.push(e),
        }
    }
    (records, errors)
}

struct Columns {
    aliases: Option<usize>,
    country: Option<usize>,
    kind: Option<usize>,
    precision: Option<usize>,
    id: Option<usize>,
    admin1: Option<usize>,
    population: Option<usize>,
}

fn coordinate(text: &str, limit: f64) -> Result<f64, String> {
    let value: f64 = text
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("expected a number of degrees, got {text:?}"))?;
    if !value.is_finite() || value.abs() > limit {
        return Err(format!("{value} is out of range [-{limit}, {limit}]"));
    }
    Ok(value)
}

fn kind(text: &str) -> Result<(u8, u8), String> {
    Ok(match text.trim().to_ascii_lowercase().as_str() {
        "" | "town" | "city" | "village" | "populated" | "place" => {
            (format::KIND_POPULATED, format::PREC_TOWN)
        }
        "site" | "camp" | "prison" | "facility" => (format::KIND_SITE, format::PREC_SITE),
        "admin2" | "district" => (format::KIND_ADMIN2, format::PREC_ADMIN2),
        "admin1" | "province" | "governorate" => (format::KIND_ADMIN1, format::PREC_ADMIN1),
        "country" => (format::KIND_COUNTRY, format::PREC_COUNTRY),
        other => {
            return Err(format!(
                "expected a kind (site, town, admin2, admin1, country), got {other:?}"
            ))
        }
    })
}

fn precision(text: &str) -> Result<u8, String> {
    match GeoPrecision::from_str(text).map_err(|e| e.to_string())? {
        GeoPrecision::Site => Ok(format::PREC_SITE),
        GeoPrecision::Town => Ok(format::PREC_TOWN),
        GeoPrecision::NearTown => Ok(format::PREC_NEAR_TOWN),
        GeoPrecision::Admin2 => Ok(format::PREC_ADMIN2),
        GeoPrecision::Admin1 => Ok(format::PREC_ADMIN1),
        GeoPrecision::Country => Ok(format::PREC_COUNTRY),
        GeoPrecision::Unknown => {
            Err("precision 'unknown' is not allowed for a gazetteer entry".into())
        }
    }
}
