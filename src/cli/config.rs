//! Command line: the validated configuration each command runs with, and the checks that
//! turn arguments into it (formats, bounding box, country code).

use std::path::PathBuf;

use super::{ExportArgs, InputArgs};
use crate::error::{Error, Result};
use crate::export::target::Destination;
use crate::render::MapOptions;

/// What the command line asks for, validated.
#[derive(Debug, Clone)]
pub enum Config {
    Map(Box<MapConfig>),
    Export(Box<ExportConfig>),
    Extract(crate::extract::ExtractConfig),
    Geocode(GeocodeConfig),
    GazetteerBuild {
        geonames: PathBuf,
        alternate_names: Option<PathBuf>,
        output: PathBuf,
    },
}

#[derive(Debug, Clone)]
pub struct GeocodeConfig {
    pub names: Vec<String>,
    pub country: Option<String>,
    pub limit: usize,
    pub json: bool,
}

/// The inputs of `map` and `export` and how to read and filter them.
#[derive(Debug, Clone)]
pub struct InputConfig {
    pub inputs: Vec<PathBuf>,
    pub country: Option<String>,
    pub filter: crate::filter::Filter,
    pub read: crate::ingest::ReadOptions,
    /// `--errors FILE`: the rejected records as CSV.
    pub errors: Option<PathBuf>,
    /// Which reports of one event merge (`--merge`, `--no-merge`; articles by default).
    pub merge: crate::merge::MergeMode,
}

#[derive(Debug, Clone)]
pub struct MapConfig {
    pub input: InputConfig,
    pub output_dir: PathBuf,
    pub formats: MapFormats,
    pub options: MapOptions,
}

/// Which files `incimap map` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapFormats {
    pub svg: bool,
    pub png: bool,
    pub pdf: bool,
    pub geojson: bool,
    /// The interactive map, one self-contained `map.html`.
    pub html: bool,
}

impl MapFormats {
    /// Parses "svg,png,pdf,geojson,html" (any subset, in any order).
    pub fn parse(list: &str) -> Result<MapFormats> {
        let mut formats = MapFormats {
            svg: false,
            png: false,
            pdf: false,
            geojson: false,
            html: false,
        };
        for item in list
            .split(',')
            .map(|s| s.trim().to_ascii_lowercase())
            .filter(|s| !s.is_empty())
        {
            match item.as_str() {
                "svg" => formats.svg = true,
                "png" => formats.png = true,
                "pdf" => formats.pdf = true,
                "geojson" | "json" => formats.geojson = true,
                "html" => formats.html = true,
                other => {
                    return Err(Error::Usage(format!(
                        "--format: expected svg, png, pdf, geojson or html, got {other:?}"
                    )));
                }
            }
        }
        if formats
            == (MapFormats {
                svg: false,
                png: false,
                pdf: false,
                geojson: false,
                html: false,
            })
        {
            return Err(Error::Usage(
                "--format: expected at least one of svg, png, pdf, geojson, html".into(),
            ));
        }
        Ok(formats)
    }
}

/// Parses `lon_min,lat_min,lon_max,lat_max`.
pub fn parse_bbox(text: &str) -> Result<[f64; 4]> {
    let bad = || {
        Error::Usage(format!(
            "--bbox: expected lon_min,lat_min,lon_max,lat_max in degrees, got {text:?}"
        ))
    };
    let values: Vec<f64> = text
        .split(',')
        .map(|v| v.trim().parse::<f64>())
        .collect::<std::result::Result<_, _>>()
        .map_err(|_| bad())?;
    let [lon_min, lat_min, lon_max, lat_max] = values[..] else {
        return Err(bad());
    };
    let valid = crate::model::valid_lon_lat(lon_min, lat_min)
        && crate::model::valid_lon_lat(lon_max, lat_max);
    if !valid || lon_min >= lon_max || lat_min >= lat_max {
        return Err(Error::Usage(format!(
            "--bbox: expected lon_min < lon_max within -180..180 and lat_min < lat_max within -90..90, got {text:?}"
        )));
    }
    Ok([lon_min, lat_min, lon_max, lat_max])
}

/// The export format, from `--to` or the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    GeoJson,
    JsonLines,
    Csv,
    Kml,
    GeoParquet,
}

impl ExportFormat {
    fn parse(name: &str) -> Option<ExportFormat> {
        match name.to_ascii_lowercase().as_str() {
            "geojson" | "json" => Some(ExportFormat::GeoJson),
            "jsonl" | "ndjson" => Some(ExportFormat::JsonLines),
            "csv" => Some(ExportFormat::Csv),
            "kml" => Some(ExportFormat::Kml),
            "geoparquet" | "parquet" => Some(ExportFormat::GeoParquet),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ExportConfig {
    pub input: InputConfig,
    pub output: PathBuf,
    pub format: ExportFormat,
    pub flat: bool,
    /// GeoJSON indented (`--pretty`) rather than one feature per line.
    pub pretty: bool,
    pub sorted: bool,
    /// GeoParquet in Hive-style partitions under the output folder (`--partition-by`).
    pub partition_by: Option<crate::export::PartitionKey>,
}

impl ExportArgs {
    pub(super) fn into_config(self) -> Result<ExportConfig> {
        let ext = self
            .output
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let partition_by = self
            .partition_by
            .as_deref()
            .map(parse_partition_key)
            .transpose()?;
        let format = match (&self.to, ext.as_deref()) {
            (Some(to), _) => ExportFormat::parse(to).ok_or_else(|| {
                Error::Usage(format!(
                    "--to: expected geojson, csv, kml, jsonl or geoparquet, got {to:?}"
                ))
            })?,
            // A partitioned export writes a folder of GeoParquet files (a folder name with an
            // extension of another format is taken as that format, refused below).
            (None, ext) if partition_by.is_some() => ext
                .and_then(ExportFormat::parse)
                .unwrap_or(ExportFormat::GeoParquet),
            // Standard output and special files (/dev/stdout, a FIFO): GeoJSON unless --to.
            (None, None) if !matches!(Destination::of(&self.output), Destination::Atomic(_)) => {
                ExportFormat::GeoJson
            }
            (None, _) if self.output.as_os_str() == "-" => ExportFormat::GeoJson,
            (None, Some(ext)) if ExportFormat::parse(ext).is_some() => {
                ExportFormat::parse(ext).unwrap_or(ExportFormat::GeoJson)
            }
            _ => {
                return Err(Error::Usage(format!(
                    "-o: expected a file ending in .geojson, .json, .csv, .kml, .jsonl or .parquet, or -, or give --to; got {}",
                    self.output.display()
                )))
            }
        };
        if partition_by.is_some() && format != ExportFormat::GeoParquet {
            return Err(Error::Usage(
                "--partition-by: only for --to geoparquet (a folder of Parquet files)".into(),
            ));
        }
        if partition_by.is_some() && self.output.as_os_str() == "-" {
            return Err(Error::Usage(
                "--partition-by: -o must be a folder, not standard output".into(),
            ));
        }
        Ok(ExportConfig {
            input: self.input.into_config()?,
            output: self.output,
            format,
            flat: self.flat,
            pretty: self.pretty,
            sorted: self.sorted,
            partition_by,
        })
    }
}

fn parse_partition_key(name: &str) -> Result<crate::export::PartitionKey> {
    use crate::export::PartitionKey;
    match name.to_ascii_lowercase().as_str() {
        "year" => Ok(PartitionKey::Year),
        "country" | "country_code" => Ok(PartitionKey::Country),
        _ => Err(Error::Usage(format!(
            "--partition-by: expected year or country, got {name:?}"
        ))),
    }
}

impl InputArgs {
    pub(super) fn into_config(self) -> Result<InputConfig> {
        let usage = |flag: &str, e: crate::ParseError| Error::Usage(format!("{flag}: {e}"));
        let country = country(self.country)?;
        let mut filter = crate::filter::Filter {
            country: country.clone(),
            ..Default::default()
        };
        if let Some(d) = &self.since {
            filter.since = Some(crate::filter::parse_since(d).map_err(|e| usage("--since", e))?);
        }
        if let Some(d) = &self.until {
            filter.until = Some(crate::filter::parse_until(d).map_err(|e| usage("--until", e))?);
        }
        for t in &self.event_types {
            let t = crate::filter::parse_event_type(t).map_err(|e| usage("--event-type", e))?;
            filter.event_types.push(t);
        }
        for m in &self.min {
            filter
                .min
                .push(crate::filter::parse_min(m).map_err(|e| usage("--min", e))?);
        }
        let mut read = crate::ingest::ReadOptions::default();
        if let Some(d) = &self.delimiter {
            let d = crate::ingest::ReadOptions::parse_delimiter(d)
                .map_err(|e| usage("--delimiter", e))?;
            read.delimiter = Some(d);
        }
        if let Some(f) = &self.date_format {
            read.dates =
                crate::ingest::DateReader::with_format(f).map_err(|e| usage("--date-format", e))?;
        }
        Ok(InputConfig {
            inputs: self.inputs,
            country,
            filter,
            read,
            errors: self.errors,
            merge: self.merge.mode(),
        })
    }
}

pub(super) fn country(code: Option<String>) -> Result<Option<String>> {
    match code {
        None => Ok(None),
        Some(c) if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()) => {
            Ok(Some(c.to_ascii_uppercase()))
        }
        Some(c) => Err(Error::Usage(format!(
            "--country: expected a two-letter ISO 3166-1 code such as SY, got {c:?}"
        ))),
    }
}
