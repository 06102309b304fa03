//! Stage 1, ingest: a longitude and a latitude typed into two table cells, with a decimal
//! point or comma; a problem names the cell it is in, so that the message can name the column
//! as the file spells it.

use std::fmt;

use crate::error::{ParseError, RecordError};
use crate::model::{GeoPrecision, Place};

/// Which of the two cells a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CoordinateCell {
    Lon,
    Lat,
    /// The pair as a whole (both out of range, or they look swapped).
    Both,
}

/// A coordinate pair that did not parse: in which cell, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CoordinateError {
    pub(crate) cell: CoordinateCell,
    pub(crate) error: ParseError,
}

impl CoordinateError {
    fn new(cell: CoordinateCell, expected: String) -> CoordinateError {
        CoordinateError {
            cell,
            error: ParseError::new(expected),
        }
    }

    /// The record error of row `line` of `label`, naming the column as the file spells it:
    /// `lon_column`, `lat_column`, or both as `lon_column/lat_column`.
    pub(crate) fn in_row(
        &self,
        label: &str,
        line: Option<u64>,
        lon_column: &str,
        lat_column: &str,
    ) -> RecordError {
        let column = match self.cell {
            CoordinateCell::Lon => lon_column.to_string(),
            CoordinateCell::Lat => lat_column.to_string(),
            CoordinateCell::Both => format!("{lon_column}/{lat_column}"),
        };
        RecordError::new(label, line, self.error.to_string()).in_column(column)
    }
}

impl fmt::Display for CoordinateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt(f)
    }
}

/// One cell as degrees: a finite decimal number, "36.5" or "36,5"; an empty cell is none.
fn degrees(cell: &str, which: CoordinateCell, what: &str) -> Result<Option<f64>, CoordinateError> {
    let text = cell.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let normal = if text.contains('.') {
        text.to_string()
    } else {
        text.replacen(',', ".", 1)
    };
    normal
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or_else(|| {
            CoordinateError::new(
                which,
                format!("{what} as a decimal number of degrees, got {text:?}"),
            )
        })
}

/// Parses a longitude/latitude pair from two cells, accepting a decimal comma ("36,5"); two
/// empty cells are no coordinates. A cell that is not a number, one cell without the other
/// and a value out of range are refused as [`check_lon_lat`] says, naming the cell.
pub(crate) fn parse_lon_lat(
    lon_cell: &str,
    lat_cell: &str,
) -> Result<Option<(f64, f64)>, CoordinateError> {
    let lon = degrees(lon_cell, CoordinateCell::Lon, "a longitude")?;
    let lat = degrees(lat_cell, CoordinateCell::Lat, "a latitude")?;
    check_lon_lat(lon, lat)
}

/// Puts the point of a table row's coordinate cells (`cells`: longitude, latitude; named
/// `columns` in errors) on `place`, at a town's precision; `at` is the row's file label and
/// line. True when the place then has a name or a point, as every located row must.
pub(crate) fn put_point(
    place: &mut Place,
    cells: (&str, &str),
    columns: (&str, &str),
    at: (&str, Option<u64>),
) -> Result<bool, RecordError> {
    let point =
        parse_lon_lat(cells.0, cells.1).map_err(|e| e.in_row(at.0, at.1, columns.0, columns.1))?;
    if let Some((lon, lat)) = point {
        place.lon = Some(lon);
        place.lat = Some(lat);
        place.precision = GeoPrecision::Town;
    }
    Ok(!place.name.is_empty() || place.lon.is_some())
}

/// A longitude and a latitude, both or neither, each in range; the error names the cell at
/// fault (the one missing, the one out of range), or the pair when both are out of range or
/// they look swapped (the message then says so).
pub(crate) fn check_lon_lat(
    lon: Option<f64>,
    lat: Option<f64>,
) -> Result<Option<(f64, f64)>, CoordinateError> {
    let (lon, lat) = match (lon, lat) {
        (None, None) => return Ok(None),
        (None, Some(lat)) => {
            let expected = format!("a longitude with the latitude {lat}, or neither");
            return Err(CoordinateError::new(CoordinateCell::Lon, expected));
        }
        (Some(lon), None) => {
            let expected = format!("a latitude with the longitude {lon}, or neither");
            return Err(CoordinateError::new(CoordinateCell::Lat, expected));
        }
        (Some(lon), Some(lat)) => (lon, lat),
    };
    let lon_fits = (-180.0..=180.0).contains(&lon);
    let lat_fits = (-90.0..=90.0).contains(&lat);
    let swapped = crate::model::valid_lon_lat(lat, lon);
    match (lon_fits, lat_fits) {
        (true, true) => Ok(Some((lon, lat))),
        (false, true) => Err(CoordinateError::new(
            CoordinateCell::Lon,
            format!("a longitude in -180..180, got {lon}"),
        )),
        (true, false) if !swapped => Err(CoordinateError::new(
            CoordinateCell::Lat,
            format!("a latitude in -90..90, got {lat}"),
        )),
        _ => {
            let hint = if swapped {
                " (they look swapped: lat is out of range but would fit as lon)"
            } else {
                ""
            };
            Err(CoordinateError::new(
                CoordinateCell::Both,
                format!("lon in -180..180 and lat in -90..90, got lon {lon}, lat {lat}{hint}"),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell_of(lon: &str, lat: &str) -> CoordinateCell {
        parse_lon_lat(lon, lat).unwrap_err().cell
    }

    #[test]
    fn coordinates_with_decimal_commas_and_swaps() {
        assert_eq!(
            parse_lon_lat("38,86228", "36,3855").unwrap(),
            Some((38.86228, 36.3855))
        );
        assert_eq!(parse_lon_lat("", "").unwrap(), None);
        let swapped = parse_lon_lat("36.5", "140.7").unwrap_err();
        assert!(swapped.to_string().contains("look swapped"), "{swapped}");
        assert_eq!(swapped.cell, CoordinateCell::Both);
    }

    #[test]
    fn a_problem_names_the_cell_it_is_in() {
        assert_eq!(cell_of("38.8", ""), CoordinateCell::Lat);
        assert_eq!(cell_of("", "36.1"), CoordinateCell::Lon);
        assert_eq!(cell_of("NaN", "36"), CoordinateCell::Lon);
        assert_eq!(cell_of("38.8", "north"), CoordinateCell::Lat);
        assert_eq!(cell_of("38.8", "195"), CoordinateCell::Lat);
        assert_eq!(cell_of("38.8", "95"), CoordinateCell::Both);
        assert_eq!(cell_of("-200", "36"), CoordinateCell::Lon);
        assert_eq!(cell_of("200", "100"), CoordinateCell::Both);
        let err = parse_lon_lat("38.8", "3x.2").unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected a latitude as a decimal number of degrees, got \"3x.2\""
        );
        let row = err.in_row("events.csv", Some(7), "Longitude", "Latitude");
        assert_eq!(
            row.to_string(),
            "events.csv:7: column 'Latitude': expected a latitude as a decimal number of degrees, got \"3x.2\""
        );
        let both = parse_lon_lat("200", "100").unwrap_err();
        assert_eq!(
            both.in_row("a.csv", Some(2), "x", "y").column.as_deref(),
            Some("x/y")
        );
        assert_eq!(
            check_lon_lat(None, Some(36.6)).unwrap_err().to_string(),
            "expected a longitude with the latitude 36.6, or neither"
        );
    }
}
