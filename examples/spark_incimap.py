"""incimap on Spark: a large incident table read, located and written partition by partition
with PySpark's `mapInArrow`, as partitioned GeoParquet.

    pip install ./python pyspark          # and a Java 17 runtime (Debian: openjdk-17-jre-headless)
    python examples/spark_incimap.py acled.csv out/ --partitions 8 --bbox 36 34 44 37.5

What runs where:
- Spark reads the CSV on its executors as text columns (nothing typed before incimap reads
  it) and cuts it into `--partitions` partitions.
- `mapInArrow` hands each partition to a Python worker as Arrow record batches. There,
  `incimap.read` reads the rows as the `incimap` command reads the file (ACLED, UCDP GED,
  incimap's own layout), locates them, and returns the incidents as Arrow and every
  rejected row with its reason; the worker writes the partition's incidents as one
  GeoParquet file (`out/incidents/part-NNNNN.parquet`, incimap's writer: WKB points, the
  `geo` metadata, zstd) and hands back their JSON Lines and the rejected rows.
- The driver collects those small rows: `out/incidents.jsonl` (sorted) and
  `out/rejected.csv` (the columns of `incimap --errors`, the file naming the partition).

- With `--bbox`, a second `mapInArrow` sums each partition's incidents by hexagon of the
  map with that fixed frame (`incimap.hex_sums`), and Spark combines the partitions' sums
  (`groupBy` hexagon and event type: counts and sums added, the earliest first and latest
  last day) into `out/hexagons.csv`: the groups `incimap map --bbox ... --aggregate hex`
  draws of the whole table.

A table row's incident does not depend on the other rows, so the result does not depend on
how Spark cuts the table. Articles merge reports of one event across articles: keep the
articles that may report one event in one partition (`extract_articles`: a repartition on
the article's set). The workers must run a Python that has incimap installed: this
script sets PYSPARK_PYTHON to its own interpreter.
"""

import argparse
import csv
import os
import sys

import pyarrow as pa

import incimap

# The rows the workers hand back: an incident's JSON line, or a rejected row.
RESULT_SCHEMA = "kind string, line string, file string, reason string, record string"


def process(out_dir: str):
    """The function Spark runs on every partition (Arrow batches in, result rows out)."""

    def run(batches):
        from pyspark import TaskContext

        part = TaskContext.get().partitionId()
        batches = list(batches)
        if not batches:  # an empty partition
            return
        table = pa.Table.from_batches(batches)
        # Spark reads an empty CSV cell as null; incimap reads it as empty, as in the file.
        table = pa.table(
            {name: table.column(name).fill_null("") for name in table.column_names}
        )
        result = incimap.read(table, name=f"partition {part}", threads=1)
        folder = os.path.join(out_dir, "incidents")
        os.makedirs(folder, exist_ok=True)
        if result.incidents.num_rows:
            incimap.write_geoparquet(
                result.incidents, os.path.join(folder, f"part-{part:05d}.parquet")
            )
        lines = incimap.to_json_lines(result.incidents).decode("utf-8").splitlines()
        rejected = result.rejected.to_pylist()
        yield pa.RecordBatch.from_pydict(
            {
                "kind": ["incident"] * len(lines) + ["rejected"] * len(rejected),
                "line": lines + [None] * len(rejected),
                "file": [None] * len(lines) + [r["file"] for r in rejected],
                "reason": [None] * len(lines) + [r["reason"] for r in rejected],
                "record": [None] * len(lines) + [r["record"] for r in rejected],
            },
            schema=pa.schema(
                [(n, pa.string()) for n in ["kind", "line", "file", "reason", "record"]]
            ),
        )

    return run


# A partition's hexagon sums, as Spark types (incimap's counts are unsigned).
HEX_SCHEMA = pa.schema(
    [("q", pa.int64()), ("r", pa.int64()), ("lon", pa.float64()), ("lat", pa.float64()),
     ("event_type", pa.string()), ("incidents", pa.int64()), ("reported", pa.int64()),
     ("total", pa.int64()), ("first", pa.string()), ("last", pa.string())]
)
HEX_DDL = ("q long, r long, lon double, lat double, event_type string, incidents long, "
           "reported long, total long, first string, last string")


def hex_partition(bbox):
    """The function Spark runs on every partition for the hexagon sums of the map with the
    frame `bbox` (Arrow batches of raw rows in, the partition's sums out)."""

    def run(batches):
        batches = list(batches)
        if not batches:
            return
        table = pa.Table.from_batches(batches)
        table = pa.table(
            {name: table.column(name).fill_null("") for name in table.column_names}
        )
        incidents = incimap.read(table, threads=1).incidents
        sums = incimap.hex_sums(incidents, bbox=bbox).cast(HEX_SCHEMA)
        yield from sums.to_batches()

    return run


def combined_hex_sums(raw, bbox):
    """The partitions' hexagon sums, combined by Spark into the sums of the whole table (a
    pandas frame sorted by q, r, event type)."""
    from pyspark.sql import functions as F

    parts = raw.mapInArrow(hex_partition(bbox), HEX_DDL)
    combined = parts.groupBy("q", "r", "event_type").agg(
        F.first("lon").alias("lon"),
        F.first("lat").alias("lat"),
        F.sum("incidents").alias("incidents"),
        F.sum("reported").alias("reported"),
        F.sum("total").alias("total"),
        F.min("first").alias("first"),
        F.max("last").alias("last"),
    )
    frame = combined.orderBy("q", "r", F.coalesce("event_type", F.lit(""))).toPandas()
    return frame[["q", "r", "event_type", "lon", "lat", "incidents", "reported", "total",
                  "first", "last"]]


def extract_partition(batches):
    """The function Spark runs on every partition of articles (`id`, `published`, `text`):
    their incidents' JSON Lines. Reports of one event merge within the partition."""
    batches = list(batches)
    if not batches:  # an empty partition (more partitions than sets)
        return
    table = pa.Table.from_batches(batches)
    if table.num_rows == 0:
        return
    result = incimap.extract(table.select(["id", "published", "text"]), threads=1)
    lines = incimap.to_json_lines(result.incidents).decode("utf-8").splitlines()
    yield pa.RecordBatch.from_pydict({"line": lines}, schema=pa.schema([("line", pa.string())]))


def extract_articles(articles, partitions: int, spark) -> list:
    """Extracts a pandas table of articles (`id`, `published`, `text`, and `set`: the
    articles that may report one event share a set) in `partitions` parts, each set kept
    whole in one part (`repartition` on the set) so that its reports merge as on one
    machine; the sorted JSON Lines."""
    frame = spark.createDataFrame(articles[["id", "published", "text", "set"]])
    whole_sets = frame.repartition(partitions, "set")
    rows = whole_sets.mapInArrow(extract_partition, "line string").collect()
    return sorted(r["line"] for r in rows)


def session(partitions: int):
    """A local Spark with two cores; the workers run this interpreter."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master("local[2]")
        .appName("incimap")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .getOrCreate()
    )


def run(path: str, out_dir: str, partitions: int, spark, bbox=None) -> dict:
    """Reads `path` with Spark in `partitions` parts; writes the outputs into `out_dir`;
    returns the figures (incidents, rejected, partitions, and with `bbox` the combined
    hexagon sums)."""
    raw = (
        spark.read.option("header", True)
        .option("inferSchema", False)
        .option("escape", '"')
        .option("multiLine", True)
        .csv(path)
    )
    raw = raw.repartition(partitions)
    rows = raw.mapInArrow(process(os.path.abspath(out_dir)), RESULT_SCHEMA).collect()
    lines = sorted(r["line"] for r in rows if r["kind"] == "incident")
    rejected = [r for r in rows if r["kind"] == "rejected"]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "incidents.jsonl"), "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines))
    with open(os.path.join(out_dir, "rejected.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["file", "reason", "record"])
        writer.writerows((r["file"], r["reason"], r["record"]) for r in rejected)
    figures = {
        "incidents": len(lines),
        "rejected": len(rejected),
        "partitions": raw.rdd.getNumPartitions(),
    }
    if bbox is not None:
        hexagons = combined_hex_sums(raw, bbox)
        hexagons.to_csv(os.path.join(out_dir, "hexagons.csv"), index=False)
        figures["hexagons"] = hexagons
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a CSV table (ACLED, UCDP GED, incimap)")
    parser.add_argument("out_dir")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--bbox", type=float, nargs=4, metavar=("LON_MIN", "LAT_MIN",
                        "LON_MAX", "LAT_MAX"), help="also sum by hexagon of this map frame")
    args = parser.parse_args()
    spark = session(args.partitions)
    try:
        figures = run(args.input, args.out_dir, args.partitions, spark, args.bbox)
    finally:
        spark.stop()
    print(
        f"{figures['incidents']} incidents, {figures['rejected']} rejected rows "
        f"({figures['partitions']} partitions) → {args.out_dir}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
