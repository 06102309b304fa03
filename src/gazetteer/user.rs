//! Gazetteer (used by geocode and extract): a user's own place file, laid over another
//! gazetteer with [`Gazetteer::with_user_file`](super::Gazetteer::with_user_file).
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
    let mut reader = reader_of(bytes);
    let columns = match Columns::of(&mut reader, source) {
        Ok(columns) => columns,
        Err(error) => return (Vec::new(), vec![error]),
    };
    let mut records = Vec::new();
    let mut errors = Vec::new();
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
        let place = PlaceRow {
            row: &row,
            columns: &columns,
            source,
            line: row.position().map_or(0, |p| p.line()),
        };
        match place.record() {
            Ok(record) => match ids.get(&record.id) {
                Some(first) => errors.push(place.duplicate(&record.id, *first)),
                None => {
                    ids.insert(record.id.clone(), place.line);
                    records.push(record);
                }
            },
            Err(e) => errors.push(e),
        }
    }
    (records, errors)
}

/// A reader of the table: TSV (unquoted) when the header line has a tab, else CSV; a BOM
/// is left out.
fn reader_of(bytes: &[u8]) -> csv::Reader<&[u8]> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let tab = first_line.contains(&b'\t');
    csv::ReaderBuilder::new()
        .delimiter(if tab { b'\t' } else { b',' })
        .quoting(!tab)
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes)
}

/// The positions of the columns, by name.
struct Columns {
    name: usize,
    lon: usize,
    lat: usize,
    aliases: Option<usize>,
    country: Option<usize>,
    kind: Option<usize>,
    precision: Option<usize>,
    id: Option<usize>,
    admin1: Option<usize>,
    population: Option<usize>,
}

impl Columns {
    /// The columns of the header; `name`, `lon` and `lat` are required.
    fn of(reader: &mut csv::Reader<&[u8]>, source: &str) -> Result<Columns, RecordError> {
        let header: Vec<String> = match reader.byte_headers() {
            Ok(h) => h
                .iter()
                .map(|c| String::from_utf8_lossy(c).trim().to_ascii_lowercase())
                .collect(),
            Err(e) => {
                let message = format!("cannot read the header: {e}");
                return Err(RecordError::new(source, Some(1), message));
            }
        };
        let col = |name: &str| header.iter().position(|h| h == name);
        let (Some(name), Some(lon), Some(lat)) = (col("name"), col("lon"), col("lat")) else {
            return Err(RecordError::new(
                source,
                Some(1),
                format!(
                    "the header needs the columns name, lon and lat; found: {}",
                    header.join(", ")
                ),
            ));
        };
        Ok(Columns {
            name,
            lon,
            lat,
            aliases: col("aliases"),
            country: col("country"),
            kind: col("kind"),
            precision: col("precision"),
            id: col("id"),
            admin1: col("admin1"),
            population: col("population"),
        })
    }
}

/// One row of the table being read, and where it is (for messages).
struct PlaceRow<'r> {
    row: &'r csv::ByteRecord,
    columns: &'r Columns,
    source: &'r str,
    line: u64,
}

impl PlaceRow<'_> {
    fn err(&self, column: &str, message: String) -> RecordError {
        RecordError::new(self.source, Some(self.line), message).in_column(column)
    }

    /// The trimmed text of a column without control characters ("" when it is missing).
    fn field(&self, index: Option<usize>, column: &str) -> Result<String, RecordError> {
        match index.and_then(|i| self.row.get(i)) {
            None => Ok(String::new()),
            Some(raw) => std::str::from_utf8(raw)
                .map(|s| s.trim().chars().filter(|c| !c.is_control()).collect())
                .map_err(|_| self.err(column, "invalid UTF-8".into())),
        }
    }

    /// The row as an index record.
    fn record(&self) -> Result<Record, RecordError> {
        let columns = self.columns;
        let name = self.field(Some(columns.name), "name")?.replace('|', "/");
        if name.is_empty() {
            return Err(self.err("name", "empty name".into()));
        }
        let lon = coordinate(&self.field(Some(columns.lon), "lon")?, 180.0)
            .map_err(|m| self.err("lon", m))?;
        let lat = coordinate(&self.field(Some(columns.lat), "lat")?, 90.0)
            .map_err(|m| self.err("lat", m))?;
        let country = self.country()?;
        let (kind, default_precision) =
            kind(&self.field(columns.kind, "kind")?).map_err(|m| self.err("kind", m))?;
        let precision = match self.field(columns.precision, "precision")?.as_str() {
            "" => default_precision,
            p => precision(p).map_err(|m| self.err("precision", m))?,
        };
        let id = self.id(&name)?;
        let population = match self.field(columns.population, "population")?.as_str() {
            "" => 0,
            p => p.parse().map_err(|_| {
                self.err("population", format!("expected a whole number, got {p:?}"))
            })?,
        };
        let mut names = vec![name];
        for alias in self.field(columns.aliases, "aliases")?.split(['|', ';']) {
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
            admin1: self.field(columns.admin1, "admin1")?,
            lat,
            lon,
            population,
            names,
        })
    }

    /// The country code, upper case: two letters, or none.
    fn country(&self) -> Result<String, RecordError> {
        let country = self
            .field(self.columns.country, "country")?
            .to_ascii_uppercase();
        if !country.is_empty()
            && (country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            return Err(self.err(
                "country",
                format!("expected an ISO 3166-1 alpha-2 code, got {country:?}"),
            ));
        }
        Ok(country)
    }

    /// The id: `geonames:N` replaces that GeoNames entry, other text is kept (200 bytes at
    /// most), none gives `user:<folded name>`.
    fn id(&self, name: &str) -> Result<RecordId, RecordError> {
        let id = match self.field(self.columns.id, "id")?.as_str() {
            "" => RecordId::Text(format!("user:{}", super::fold(name).replace(' ', "-"))),
            id => match id.strip_prefix("geonames:").map(str::parse::<u32>) {
                Some(Ok(n)) => RecordId::Geonames(n),
                _ => RecordId::Text(id.to_string()),
            },
        };
        if matches!(&id, RecordId::Text(t) if t.len() > 200) {
            return Err(self.err("id", "id longer than 200 bytes".into()));
        }
        Ok(id)
    }

    /// The error of a row whose id an earlier row (on line `first`) has.
    fn duplicate(&self, id: &RecordId, first: u64) -> RecordError {
        let id = match id {
            RecordId::Geonames(n) => format!("geonames:{n}"),
            RecordId::Text(t) => t.clone(),
        };
        self.err(
            "id",
            format!("duplicate id {id} (first on line {first}); row skipped"),
        )
    }
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
