//! The command line as typed (ripgrep's "low" arguments): every flag, its help and its
//! default, and nothing else. [`super::config`] validates them into what a command runs with.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const AFTER_HELP: &str =
    "Data credits: places from GeoNames (CC BY 4.0); basemap from Natural Earth.
Exit codes: 0 all good; 1 failure; 2 finished, but something in the input did not make it into
the output (skipped records or files, places not located, figures not attached); 64 usage error
(bad option or value, an output that is an input); 128+N stopped by signal N.";

/// incimap: news reports and incident tables → geocoded incidents, GeoJSON and maps.
#[derive(Debug, Parser)]
#[command(name = "incimap", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Your own places (TSV/CSV: name, lon, lat, aliases, country, kind, precision; or a .gaz
    /// index from `incimap gazetteer build`), used before the built-in gazetteer. Repeatable;
    /// later files take precedence.
    #[arg(long = "gazetteer", global = true, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    /// List every warning and every label that found no room, not only a summary.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// (Parsed once per run, so the size of its variants does not matter.)
#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)]
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
    Extract(ExtractArgs),
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
    /// Input files or directories (.csv, .jsonl, .json). `-`: standard input (its format told
    /// from its content). None: the embedded example set.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Keep incidents in this country (ISO 3166-1 alpha-2, e.g. SY); also the context for
    /// place names without one.
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
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
    /// Day-first or month-first input dates, e.g. "%d/%m/%Y" (%d %m %b %Y %y %H %M %S); needed
    /// only when a whole date column allows both readings.
    #[arg(long = "date-format", value_name = "FORMAT")]
    pub date_format: Option<String>,
    /// Write every rejected record, and every record whose place was not found (file, line,
    /// column, reason, raw record), to this CSV file: rows in = features out + rows here.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    #[command(flatten)]
    pub merge: MergeArgs,
}

/// Whether reports of one event from several sources become one incident.
#[derive(Debug, Args, Default)]
pub struct MergeArgs {
    /// Merge table rows too (ACLED, UCDP GED, incimap tables): rows of different data sets
    /// about one event become one incident with each data set's figure as a claim. Articles
    /// merge without it.
    #[arg(long, conflicts_with = "no_merge")]
    pub merge: bool,
    /// Keep every report apart, articles included.
    #[arg(long = "no-merge")]
    pub no_merge: bool,
}

impl MergeArgs {
    pub fn mode(&self) -> incimap::merge::MergeMode {
        use incimap::merge::MergeMode;
        match (self.merge, self.no_merge) {
            (_, true) => MergeMode::None,
            (true, false) => MergeMode::All,
            (false, false) => MergeMode::Articles,
        }
    }
}

#[derive(Debug, Args)]
pub struct MapArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output directory for map.svg, map.png, map.pdf, incidents.geojson and map.html.
    #[arg(short, long, value_name = "DIR", default_value = "output")]
    pub output: PathBuf,
    /// Which files to write, comma-separated: svg, png, pdf, geojson, html (the interactive
    /// map: one file that opens from disk with no network).
    #[arg(long, value_name = "LIST", default_value = "svg,png,pdf,geojson,html")]
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
    /// Output format: geojson, csv, kml, jsonl or geoparquet (default: from the -o extension,
    /// .parquet for GeoParquet; geojson for -).
    #[arg(long, value_name = "FORMAT")]
    pub to: Option<String>,
    /// GeoJSON without the nested figures/sources/mentions properties.
    #[arg(long)]
    pub flat: bool,
    /// GeoJSON indented as `map`'s incidents.geojson (the default is one feature per line,
    /// as ogr2ogr writes it: a third of the bytes, and faster, for large tables).
    #[arg(long)]
    pub pretty: bool,
    /// Sort by date, then id (as `map` does), holding every incident in memory; the default
    /// streams in input order.
    #[arg(long)]
    pub sorted: bool,
    /// GeoParquet only: one file per year or country, Hive-style, in the folder given by -o
    /// (DIR/year=2020/part-0.parquet, DIR/country_code=SY/part-0.parquet).
    #[arg(long, value_name = "year|country")]
    pub partition_by: Option<String>,
}

/// Arguments of `incimap extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files (.txt, .md; first line `date YYYY-MM` or `date YYYY-MM-DD`); a directory
    /// means every .txt and .md file in it; `-` is standard input.
    #[arg(value_name = "ARTICLE", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Language of the articles (default: detected per article).
    #[arg(long, value_name = "nl|en")]
    pub lang: Option<String>,
    /// Output form: jsonl (incimap's incident form, one per line), json (an object with
    /// `incidents`, `regional` and `unattached` figures) or table.
    #[arg(long, value_name = "FORMAT", default_value = "jsonl")]
    pub format: String,
    /// Print each incident with its sentences, figures «highlighted» and places [bracketed].
    #[arg(long)]
    pub explain: bool,
    /// List every recognised place (JSON Lines: offsets, gazetteer id, coordinates).
    #[arg(long)]
    pub mentions: bool,
    /// Country context for ranking place names (ISO 3166-1 alpha-2, e.g. SY).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Reports of one event in several articles become one incident (the default);
    /// `--no-merge` keeps every article's incidents apart.
    #[command(flatten)]
    pub merge: MergeArgs,
}
