//! Command line: clap arguments → validated configuration for [`crate::app`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::error::{Error, Result};
use crate::render::SizeBy;

const AFTER_HELP: &str =
    "Data credits: places from GeoNames (CC BY 4.0); basemap from Natural Earth.\n\
Exit codes: 0 all good; 1 failure; 2 finished, but some records or files were skipped.";

/// incimap: news reports and incident tables → geocoded incidents, GeoJSON and maps.
#[derive(Debug, Parser)]
#[command(name = "incimap", version, about, after_help = AFTER_HELP)]
pub struct Cli {
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
    /// Write the incidents as GeoJSON (RFC 7946) for GIS tools, or as JSON Lines.
    #[command(after_help = "Examples:\n  \
incimap export -o incidents.geojson          # the embedded example\n  \
incimap export incidents.csv -o -            # GeoJSON to standard output\n  \
incimap export incidents.csv -o out.jsonl    # incimap's JSON Lines form (round-trips exactly)\n  \
incimap export incidents.csv -o flat.geojson --flat\n\n\
Data credits: places from GeoNames (CC BY 4.0); basemap from Natural Earth.")]
    Export(ExportArgs),
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
    /// Output directory for map.svg, map.png and incidents.geojson.
    #[arg(short, long, value_name = "DIR", default_value = "output")]
    pub output: PathBuf,
    /// What sizes the circles: a measure (killed, escaped, detained, …) or "largest".
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
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output file: .geojson / .json (GeoJSON) or .jsonl (JSON Lines); "-" for GeoJSON on stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// GeoJSON without the nested figures/sources/mentions properties.
    #[arg(long)]
    pub flat: bool,
}

/// What the command line asks for, validated.
#[derive(Debug, Clone)]
pub enum Config {
    Map(MapConfig),
    Export(ExportConfig),
}

#[derive(Debug, Clone)]
pub struct MapConfig {
    pub inputs: Vec<PathBuf>,
    pub country: Option<String>,
    pub output_dir: PathBuf,
    pub size_by: SizeBy,
    pub title: Option<String>,
    pub width_px: f64,
    pub height_px: f64,
}

/// The export format, from the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    GeoJson,
    JsonLines,
}

#[derive(Debug, Clone)]
pub struct ExportConfig {
    pub inputs: Vec<PathBuf>,
    pub country: Option<String>,
    pub output: PathBuf,
    pub format: ExportFormat,
    pub flat: bool,
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
                Ok(Config::Map(MapConfig {
                    inputs: args.input.inputs,
                    country: country(args.input.country)?,
                    output_dir: args.output,
                    size_by: SizeBy::parse(&args.size_by),
                    title: args.title,
                    width_px: f64::from(args.width),
                    height_px: f64::from(args.height),
                }))
            }
            Command::Export(args) => {
                let ext = args
                    .output
                    .extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase);
                let format = match ext.as_deref() {
                    _ if args.output.as_os_str() == "-" => ExportFormat::GeoJson,
                    Some("geojson") | Some("json") => ExportFormat::GeoJson,
                    Some("jsonl") | Some("ndjson") => ExportFormat::JsonLines,
                    _ => {
                        return Err(Error::Usage(format!(
                            "-o: expected a file ending in .geojson, .json or .jsonl, or -, got {}",
                            args.output.display()
                        )))
                    }
                };
                Ok(Config::Export(ExportConfig {
                    inputs: args.input.inputs,
                    country: country(args.input.country)?,
                    output: args.output,
                    format,
                    flat: args.flat,
                }))
            }
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
        assert_eq!(config.size_by, SizeBy::Largest);
        assert!(config.inputs.is_empty());
        assert_eq!((config.width_px, config.height_px), (1600.0, 1200.0));
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
