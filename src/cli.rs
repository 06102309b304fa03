//! Command line: clap arguments → validated configuration for [`crate::app`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::error::{Error, Result};
use crate::render::{Aggregate, Facet, Lang, MapOptions, ProjectionChoice, SizeBy, Theme};

const AFTER_HELP: &str =
    "Data credits: places from GeoNames (CC BY 4.0); basemap from Natural Earth.\n\
Exit codes: 0 all good; 1 failure; 2 finished, but some records or files were skipped.";

/// incimap: news reports and incident tables → geocoded incidents, GeoJSON and maps.
#[derive(Debug, Parser)]
#[command(name = "incimap", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Your own places (TSV/CSV: name, lon, lat, aliases, country, kind, precision; or a .gaz
    /// index from `incimap gazetteer build`), used before the built-in gazetteer. Repeatable;
    /// later files take precedence.
    #[arg(long = "gazetteer", global = true, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Draw a map (SVG and PNG) and write the GeoJSON, from inputs or the embedded example.
    #[command(after_help = "Examples:\n  \
incimap map                                  # the embedded example (Syria, 2019 and 2022) into output/\n  \
incimap map incidents.csv -o report/ --size-by killed --title \"Fighting in October\"\n  \
incimap map data/                            # every .csv, .jsonl and .json file in data/\n\n\
Data credits: places from GeoNames (CC BY 4.0); basemap from Natural Earth.")]
    Map(MapArgs),
    /// Write the incidents as GeoJSON (RFC 7946), CSV, KML or JSON Lines, streamed and filtered.
    #[command(after_help = "Examples:\n  \
incimap export -o incidents.geojson          # the embedded example\n  \
incimap export incidents.csv -o -            # GeoJSON to standard output\n  \
incimap export acled.csv -o out.kml --since 2019-10-01 --country SY --min killed=10\n  \
incimap export ged.csv --to csv -o - --event-type Battles\n  \
incimap export nl.csv --date-format %d-%m-%Y --errors rejected.csv -o out.geojson\n  \
incimap export incidents.csv -o out.jsonl    # incimap's JSON Lines form (round-trips exactly)\n\n\
Inputs: incimap CSV, ACLED and UCDP GED CSV (detected from the header), JSON Lines, JSON, GeoJSON.\n\
Data credits: places from GeoNames (CC BY 4.0); basemap from Natural Earth.")]
    Export(ExportArgs),
    /// Read news articles (.txt, .md; Dutch or English) into sourced incidents.
    #[command(after_help = "Examples:\n  \
incimap extract article.txt                  # incidents as JSON Lines on standard output\n  \
incimap extract *.txt --explain              # each incident with its sentences and figures highlighted\n  \
incimap extract *.txt --format table\n  \
incimap extract article.txt --mentions       # every recognised place with offsets and coordinates\n\n\
An article's first line `date YYYY-MM` or `date YYYY-MM-DD` gives its publication date.\n\
Data credits: places from GeoNames (CC BY 4.0).")]
    Extract(crate::extract::ExtractArgs),
    /// Look place names up in the gazetteer: candidates with coordinates, ids, scores, reasons.
    #[command(after_help = "Examples:\n  \
incimap geocode \"Ain Issa\" Hasakah \"عين عيسى\"\n  \
incimap geocode Hasakah --country SY --limit 3 --json\n  \
incimap geocode \"Camp Alpha\" --gazetteer my-places.tsv\n\n\
Exit code 2 when a name is not found (suggestions are printed).\n\
Data credits: places from GeoNames (CC BY 4.0).")]
    Geocode(GeocodeArgs),
    /// Build a full-size gazetteer (.gaz) from the GeoNames dumps you downloaded.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
}

#[derive(Debug, Args)]
pub struct GeocodeArgs {
    /// Place names as written ("Ain Issa", "al-Hasakah", "عين عيسى").
    #[arg(value_name = "NAME", required = true)]
    pub names: Vec<String>,
    /// Country context (ISO 3166-1 alpha-2, e.g. SY).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Candidates shown per name.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub limit: usize,
    /// JSON output (one object per name).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Build a .gaz index from allCountries.txt (or a country file) and, optionally,
    /// alternateNamesV2.txt; use it with --gazetteer FILE.
    #[command(after_help = "Example:\n  \
incimap gazetteer build --geonames allCountries.txt --alternate-names alternateNamesV2.txt -o world.gaz\n\n\
Data credits: GeoNames (CC BY 4.0).")]
    Build {
        /// GeoNames main table (19 tab-separated columns).
        #[arg(long, value_name = "FILE")]
        geonames: PathBuf,
        /// GeoNames alternate names table.
        #[arg(long, value_name = "FILE")]
        alternate_names: Option<PathBuf>,
        /// Output .gaz file.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

/// Inputs shared by every command.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Input files or directories (.csv, .jsonl, .json). None: the embedded example set.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Country context for place names without one (ISO 3166-1 alpha-2, e.g. SY).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
}

#[derive(Debug, Args)]
pub struct MapArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output directory for map.svg, map.png, map.pdf and incidents.geojson.
    #[arg(short, long, value_name = "DIR", default_value = "output")]
    pub output: PathBuf,
    /// Which files to write, comma-separated: svg, png, pdf, geojson.
    #[arg(long, value_name = "LIST", default_value = "svg,png,pdf,geojson")]
    pub format: String,
    /// What sizes the circles: a measure (killed, escaped, detained, …), "largest", or a numeric
    /// column of the input (e.g. of someone else's GeoJSON).
    #[arg(long, value_name = "MEASURE", default_value = "largest")]
    pub size_by: String,
    /// Map title (default: made from the incidents).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Page width in px.
    #[arg(long, default_value_t = 1600, value_name = "PX")]
    pub width: u32,
    /// Page height in px.
    #[arg(long, default_value_t = 1200, value_name = "PX")]
    pub height: u32,
    /// PNG resolution: 96 gives one PNG pixel per SVG px, 192 twice as many each way.
    #[arg(long, default_value_t = 96, value_name = "DPI")]
    pub dpi: u32,
    /// Colours: light, dark, or print (greyscale-safe).
    #[arg(long, default_value = "light", value_name = "THEME")]
    pub theme: String,
    /// Language of the legend and scale bar: en or nl.
    #[arg(long, default_value = "en", value_name = "LANG")]
    pub lang: String,
    /// Map extent instead of fitting the data: lon_min,lat_min,lon_max,lat_max.
    #[arg(long, value_name = "BBOX", allow_hyphen_values = true)]
    pub bbox: Option<String>,
    /// Group incidents into one symbol per place or per hexagon: auto (only beyond 1,500
    /// incidents), none, place, hex.
    #[arg(long, default_value = "auto", value_name = "HOW")]
    pub aggregate: String,
    /// Projection: auto (Lambert azimuthal equal-area centred on the data; Equal Earth for
    /// world-wide data), laea, or equal-earth.
    #[arg(long, default_value = "auto", value_name = "NAME")]
    pub projection: String,
    /// Name labels by this property instead of the place: title, id, or an input column.
    #[arg(long, value_name = "FIELD")]
    pub label: Option<String>,
    /// Small multiples: one panel per year or per month, sharing extent, scale and legend.
    #[arg(long, default_value = "none", value_name = "PERIOD")]
    pub facet: String,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output file, or "-" for standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Output format: geojson, csv, kml or jsonl (default: from the -o extension; geojson for -).
    #[arg(long, value_name = "FORMAT")]
    pub to: Option<String>,
    /// GeoJSON without the nested figures/sources/mentions properties.
    #[arg(long)]
    pub flat: bool,
    /// GeoJSON indented as `map`'s incidents.geojson (the default is one feature per line,
    /// as ogr2ogr writes it: a third of the bytes, and faster, for large tables).
    #[arg(long)]
    pub pretty: bool,
    /// Keep incidents whose date span ends on or after this day (YYYY-MM-DD, YYYY-MM, YYYY).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Keep incidents whose date span starts on or before this day.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Keep incidents of this ACLED event type or sub-event type (repeatable).
    #[arg(long = "event-type", value_name = "TYPE")]
    pub event_types: Vec<String>,
    /// Keep incidents with at least N for a measure, e.g. killed=10 (repeatable).
    #[arg(long, value_name = "MEASURE=N")]
    pub min: Vec<String>,
    /// Input field delimiter: a character or "tab" (default: detected from the header).
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
    /// Day-first or month-first input dates, e.g. "%d/%m/%Y" (%d %m %b %Y %y).
    #[arg(long = "date-format", value_name = "FORMAT")]
    pub date_format: Option<String>,
    /// Write every rejected record (file, line, column, reason, record) to this CSV file.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    /// Sort by date, then id (as `map` does), holding every incident in memory; the default
    /// streams in input order.
    #[arg(long)]
    pub sorted: bool,
}

/// What the command line asks for, validated.
#[derive(Debug, Clone)]
pub enum Config {
    Map(Box<MapConfig>),
    Export(ExportConfig),
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

#[derive(Debug, Clone)]
pub struct MapConfig {
    pub inputs: Vec<PathBuf>,
    pub country: Option<String>,
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
}

impl MapFormats {
    /// Parses "svg,png,pdf,geojson" (any subset, in any order).
    pub fn parse(list: &str) -> Result<MapFormats> {
        let mut formats = MapFormats {
            svg: false,
            png: false,
            pdf: false,
            geojson: false,
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
                other => {
                    return Err(Error::Usage(format!(
                        "--format: expected svg, png, pdf or geojson, got {other:?}"
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
            })
        {
            return Err(Error::Usage(
                "--format: expected at least one of svg, png, pdf, geojson".into(),
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
}

impl ExportFormat {
    fn parse(name: &str) -> Option<ExportFormat> {
        match name.to_ascii_lowercase().as_str() {
            "geojson" | "json" => Some(ExportFormat::GeoJson),
            "jsonl" | "ndjson" => Some(ExportFormat::JsonLines),
            "csv" => Some(ExportFormat::Csv),
            "kml" => Some(ExportFormat::Kml),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ExportConfig {
    pub inputs: Vec<PathBuf>,
    pub country: Option<String>,
    pub output: PathBuf,
    pub format: ExportFormat,
    pub flat: bool,
    /// GeoJSON indented (`--pretty`) rather than one feature per line.
    pub pretty: bool,
    pub filter: crate::filter::Filter,
    pub read: crate::ingest::ReadOptions,
    pub errors: Option<PathBuf>,
    pub sorted: bool,
}

impl ExportArgs {
    fn into_config(self) -> Result<ExportConfig> {
        let usage = |flag: &str, e: crate::ParseError| Error::Usage(format!("{flag}: {e}"));
        let ext = self
            .output
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let format = match (&self.to, ext.as_deref()) {
            (Some(to), _) => ExportFormat::parse(to).ok_or_else(|| {
                Error::Usage(format!("--to: expected geojson, csv, kml or jsonl, got {to:?}"))
            })?,
            (None, _) if self.output.as_os_str() == "-" => ExportFormat::GeoJson,
            (None, Some(ext)) if ExportFormat::parse(ext).is_some() => {
                ExportFormat::parse(ext).unwrap_or(ExportFormat::GeoJson)
            }
            _ => {
                return Err(Error::Usage(format!(
                    "-o: expected a file ending in .geojson, .json, .csv, .kml or .jsonl, or -, or give --to; got {}",
                    self.output.display()
                )))
            }
        };
        let country = country(self.input.country)?;
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
        Ok(ExportConfig {
            inputs: self.input.inputs,
            country,
            output: self.output,
            format,
            flat: self.flat,
            pretty: self.pretty,
            filter,
            read,
            errors: self.errors,
            sorted: self.sorted,
        })
    }
}

fn country(code: Option<String>) -> Result<Option<String>> {
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

impl Cli {
    /// Validates the arguments into a [`Config`].
    pub fn into_config(self) -> Result<Config> {
        match self.command {
            Command::Map(args) => {
                if !(100..=20_000).contains(&args.width) || !(100..=20_000).contains(&args.height) {
                    return Err(Error::Usage(format!(
                        "--width and --height: expected 100 to 20000 px, got {}×{}",
                        args.width, args.height
                    )));
                }
                if !(24..=1200).contains(&args.dpi) {
                    return Err(Error::Usage(format!(
                        "--dpi: expected 24 to 1200, got {}",
                        args.dpi
                    )));
                }
                let theme = Theme::parse(&args.theme).ok_or_else(|| {
                    Error::Usage(format!(
                        "--theme: expected light, dark or print, got {:?}",
                        args.theme
                    ))
                })?;
                let lang = Lang::parse(&args.lang).ok_or_else(|| {
                    Error::Usage(format!("--lang: expected en or nl, got {:?}", args.lang))
                })?;
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
                        Error::Usage(format!(
                            "--aggregate: expected auto, none, place or hex, got {:?}",
                            args.aggregate
                        ))
                    })?,
                    projection: ProjectionChoice::parse(&args.projection).ok_or_else(|| {
                        Error::Usage(format!(
                            "--projection: expected auto, laea or equal-earth, got {:?}",
                            args.projection
                        ))
                    })?,
                    label_field: args.label,
                    facet: Facet::parse(&args.facet).ok_or_else(|| {
                        Error::Usage(format!(
                            "--facet: expected none, year or month, got {:?}",
                            args.facet
                        ))
                    })?,
                };
                Ok(Config::Map(Box::new(MapConfig {
                    inputs: args.input.inputs,
                    country: country(args.input.country)?,
                    output_dir: args.output,
                    formats: MapFormats::parse(&args.format)?,
                    options,
                })))
            }
            Command::Export(args) => Ok(Config::Export(args.into_config()?)),
            Command::Extract(args) => Ok(Config::Extract(args.into_config()?)),
            Command::Geocode(args) => {
                if !(1..=100).contains(&args.limit) {
                    return Err(Error::Usage(format!(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Config> {
        Cli::try_parse_from(args)
            .map_err(|e| Error::Usage(e.to_string()))?
            .into_config()
    }

    #[test]
    fn map_defaults_to_output_and_largest() {
        let Config::Map(config) = parse(&["incimap", "map"]).unwrap() else {
            panic!()
        };
        assert_eq!(config.output_dir, PathBuf::from("output"));
        assert_eq!(config.options.size_by, SizeBy::Largest);
        assert!(config.inputs.is_empty());
        assert_eq!(
            (config.options.width_px, config.options.height_px),
            (1600.0, 1200.0)
        );
        assert!(
            config.formats.svg
                && config.formats.png
                && config.formats.pdf
                && config.formats.geojson
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
