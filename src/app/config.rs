//! The command line validated (ripgrep's "high" arguments): what each command runs with,
//! and the checks that turn [`super::args`] into it (ranges, formats, bounding box, country
//! code). Every refusal is a [`Usage`] error that says what was expected.

use std::path::PathBuf;

use super::args::{Cli, Command, ExportArgs, GazetteerCommand, InputArgs, MapArgs};
use super::extract::ExtractConfig;
use super::Usage;
use incimap::export::{Destination, ExportFormat, PartitionKey};
use incimap::pipeline::{ExportOptions, Inputs};
use incimap::render::{Aggregate, Facet, Lang, MapOptions, ProjectionChoice, SizeBy, Theme};

type Result<T, E = Usage> = std::result::Result<T, E>;

/// What the command line asks for, validated.
#[derive(Debug, Clone)]
pub enum Config {
    Map(Box<MapConfig>),
    Export(Box<ExportOptions>),
    Extract(ExtractConfig),
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

#[derive(Debug, Clone)]
pub struct MapConfig {
    pub input: Inputs,
    pub output_dir: PathBuf,
    pub formats: MapFormats,
    pub options: MapOptions,
}

impl Cli {
    /// Validates the arguments into a [`Config`].
    pub fn into_config(self) -> Result<Config> {
        match self.command {
            Command::Map(args) => Ok(Config::Map(Box::new(args.into_config()?))),
            Command::Export(args) => Ok(Config::Export(Box::new(args.into_config()?))),
            Command::Extract(args) => Ok(Config::Extract(args.into_config()?)),
            Command::Geocode(args) => {
                if !(1..=100).contains(&args.limit) {
                    return Err(Usage(format!(
                        "--limit: expected 1 to 100, got {}",
                        args.limit
                    )));
                }
                Ok(Config::Geocode(GeocodeConfig {
                    names: args.names,
                    country: country(args.country)?,
                    limit: args.limit,
                    json: args.json,
                }))
            }
            Command::Gazetteer(GazetteerCommand::Build {
                geonames,
                alternate_names,
                output,
            }) => Ok(Config::GazetteerBuild {
                geonames,
                alternate_names,
                output,
            }),
        }
    }
}

impl MapArgs {
    /// Validates `incimap map`'s flags: page size, resolution, theme, language, extent,
    /// aggregation, projection, facets, and which files to write.
    fn into_config(self) -> Result<MapConfig> {
        let args = self;
        if !(100..=20_000).contains(&args.width) || !(100..=20_000).contains(&args.height) {
            return Err(Usage(format!(
                "--width and --height: expected 100 to 20000 px, got {}×{}",
                args.width, args.height
            )));
        }
        if !(24..=1200).contains(&args.dpi) {
            return Err(Usage(format!(
                "--dpi: expected 24 to 1200, got {}",
                args.dpi
            )));
        }
        let theme = Theme::parse(&args.theme).ok_or_else(|| {
            Usage(format!(
                "--theme: expected light, dark or print, got {:?}",
                args.theme
            ))
        })?;
        let lang = Lang::parse(&args.lang)
            .ok_or_else(|| Usage(format!("--lang: expected en or nl, got {:?}", args.lang)))?;
        let options = MapOptions {
            width_px: f64::from(args.width),
            height_px: f64::from(args.height),
            title: args.title,
            size_by: SizeBy::parse(&args.size_by),
            png_scale: args.dpi as f32 / 96.0,
            theme,
            lang,
            bbox: args.bbox.as_deref().map(parse_bbox).transpose()?,
            aggregate: Aggregate::parse(&args.aggregate).ok_or_else(|| {
                Usage(format!(
                    "--aggregate: expected auto, none, place or hex, got {:?}",
                    args.aggregate
                ))
            })?,
            projection: ProjectionChoice::parse(&args.projection).ok_or_else(|| {
                Usage(format!(
                    "--projection: expected auto, laea or equal-earth, got {:?}",
                    args.projection
                ))
            })?,
            label_field: args.label,
            facet: Facet::parse(&args.facet).ok_or_else(|| {
                Usage(format!(
                    "--facet: expected none, year or month, got {:?}",
                    args.facet
                ))
            })?,
        };
        let input = args.input.into_config()?;
        Ok(MapConfig {
            input,
            output_dir: args.output,
            formats: MapFormats::parse(&args.format)?,
            options,
        })
    }
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
                    return Err(Usage(format!(
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
            return Err(Usage(
                "--format: expected at least one of svg, png, pdf, geojson, html".into(),
            ));
        }
        Ok(formats)
    }
}

/// Parses `lon_min,lat_min,lon_max,lat_max`.
pub fn parse_bbox(text: &str) -> Result<[f64; 4]> {
    let bad = || {
        Usage(format!(
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
    let valid = incimap::model::valid_lon_lat(lon_min, lat_min)
        && incimap::model::valid_lon_lat(lon_max, lat_max);
    if !valid || lon_min >= lon_max || lat_min >= lat_max {
        return Err(Usage(format!(
            "--bbox: expected lon_min < lon_max within -180..180 and lat_min < lat_max within -90..90, got {text:?}"
        )));
    }
    Ok([lon_min, lat_min, lon_max, lat_max])
}

impl ExportArgs {
    pub(super) fn into_config(self) -> Result<ExportOptions> {
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
            (Some(to), _) => ExportFormat::from_name(to).ok_or_else(|| {
                Usage(format!(
                    "--to: expected geojson, csv, kml, jsonl or geoparquet, got {to:?}"
                ))
            })?,
            // A partitioned export writes a folder of GeoParquet files (a folder name with an
            // extension of another format is taken as that format, refused below).
            (None, ext) if partition_by.is_some() => ext
                .and_then(ExportFormat::from_name)
                .unwrap_or(ExportFormat::GeoParquet),
            // Standard output and special files (/dev/stdout, a FIFO): GeoJSON unless --to.
            (None, None) if !matches!(Destination::of(&self.output), Destination::Atomic(_)) => {
                ExportFormat::GeoJson
            }
            (None, _) if self.output.as_os_str() == "-" => ExportFormat::GeoJson,
            (None, Some(ext)) if ExportFormat::from_name(ext).is_some() => {
                ExportFormat::from_name(ext).unwrap_or(ExportFormat::GeoJson)
            }
            _ => {
                return Err(Usage(format!(
                    "-o: expected a file ending in .geojson, .json, .csv, .kml, .jsonl or .parquet, or -, or give --to; got {}",
                    self.output.display()
                )))
            }
        };
        if partition_by.is_some() && format != ExportFormat::GeoParquet {
            return Err(Usage(
                "--partition-by: only for --to geoparquet (a folder of Parquet files)".into(),
            ));
        }
        if partition_by.is_some() && self.output.as_os_str() == "-" {
            return Err(Usage(
                "--partition-by: -o must be a folder, not standard output".into(),
            ));
        }
        Ok(ExportOptions {
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

fn parse_partition_key(name: &str) -> Result<PartitionKey> {
    match name.to_ascii_lowercase().as_str() {
        "year" => Ok(PartitionKey::Year),
        "country" | "country_code" => Ok(PartitionKey::Country),
        _ => Err(Usage(format!(
            "--partition-by: expected year or country, got {name:?}"
        ))),
    }
}

impl InputArgs {
    pub(super) fn into_config(self) -> Result<Inputs> {
        let usage = |flag: &str, e: incimap::ParseError| Usage(format!("{flag}: {e}"));
        let country = country(self.country)?;
        let mut filter = incimap::filter::Filter {
            country: country.clone(),
            ..Default::default()
        };
        if let Some(d) = &self.since {
            filter.since = Some(incimap::filter::parse_since(d).map_err(|e| usage("--since", e))?);
        }
        if let Some(d) = &self.until {
            filter.until = Some(incimap::filter::parse_until(d).map_err(|e| usage("--until", e))?);
        }
        for t in &self.event_types {
            let t = incimap::filter::parse_event_type(t).map_err(|e| usage("--event-type", e))?;
            filter.event_types.push(t);
        }
        for m in &self.min {
            filter
                .min
                .push(incimap::filter::parse_min(m).map_err(|e| usage("--min", e))?);
        }
        let mut read = incimap::ingest::ReadOptions::default();
        if let Some(d) = &self.delimiter {
            let d = incimap::ingest::ReadOptions::parse_delimiter(d)
                .map_err(|e| usage("--delimiter", e))?;
            read.delimiter = Some(d);
        }
        if let Some(f) = &self.date_format {
            read.dates = incimap::ingest::DateReader::with_format(f)
                .map_err(|e| usage("--date-format", e))?;
        }
        let mut input = Inputs::new(self.inputs);
        input.country = country;
        input.filter = filter;
        input.read = read;
        input.errors = self.errors;
        input.hint_words = Some(super::wording::date_hint_text);
        input.merge = self.merge.mode();
        Ok(input)
    }
}

pub(super) fn country(code: Option<String>) -> Result<Option<String>> {
    match code {
        None => Ok(None),
        Some(c) if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()) => {
            Ok(Some(c.to_ascii_uppercase()))
        }
        Some(c) => Err(Usage(format!(
            "--country: expected a two-letter ISO 3166-1 code such as SY, got {c:?}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Config> {
        use clap::Parser;
        Cli::try_parse_from(args)
            .map_err(|e| Usage(e.to_string()))?
            .into_config()
    }

    #[test]
    fn map_defaults_to_output_and_largest() {
        let Config::Map(config) = parse(&["incimap", "map"]).unwrap() else {
            panic!()
        };
        assert_eq!(config.output_dir, PathBuf::from("output"));
        assert_eq!(config.options.size_by, SizeBy::Largest);
        assert!(config.input.inputs.is_empty());
        assert_eq!(
            (config.options.width_px, config.options.height_px),
            (1600.0, 1200.0)
        );
        assert!(
            config.formats.svg
                && config.formats.png
                && config.formats.pdf
                && config.formats.geojson
                && config.formats.html
        );
    }

    #[test]
    fn bad_arguments_are_refused_with_what_was_expected() {
        let err = parse(&["incimap", "map", "--country", "Syria"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("two-letter"), "{err}");
        let err = parse(&["incimap", "export", "-o", "x.shp"])
            .unwrap_err()
            .to_string();
        assert!(err.contains(".geojson"), "{err}");
        let err = parse(&["incimap", "map", "--width", "5"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("100 to 20000"), "{err}");
    }
}
