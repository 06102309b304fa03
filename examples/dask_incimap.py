"""incimap on Dask: a large incident table read, located and written partition by partition
on a `dask.distributed` cluster, with `dask-geopandas` for the geometry.

    pip install ./python dask[distributed] dask-geopandas
    python examples/dask_incimap.py acled.csv out/ --partitions 8 --workers 2 \
        --bbox 36 34 44 37.5

What runs where:
- Dask reads the CSV in partitions of raw rows (every cell as text, so nothing is guessed
  before incimap reads it) and sends each to a worker.
- On the worker, `incimap.read(partition)` reads the rows as the `incimap` command reads
  the file (any layout: ACLED, UCDP GED, incimap's own), locates them and returns the
  incidents as Arrow, and every rejected row with its reason; `incimap.to_geodataframe`
  makes a GeoDataFrame of them. Nothing is shared between partitions: a table row's
  incident does not depend on the other rows, so the result does not depend on how the
  table is cut. (Articles merge reports across articles: keep an article set whole in one
  partition (`extract_articles`: a shuffle on the article's set).)
- The incidents are written as partitioned GeoParquet by dask-geopandas
  (`out/incidents/part.N.parquet`), their JSON Lines (incimap's lossless form) sorted into
  `out/incidents.jsonl`, the rejected rows (the columns of `incimap --errors`, with the
  partition) into `out/rejected.csv`.

- With `--bbox`, each partition's incidents are also summed by hexagon of the map with that
  fixed frame (`incimap.hex_sums`), and the partitions' sums combined (`combine_hex_sums`:
  counts and sums added, the earliest first and latest last day) into `out/hexagons.csv`:
  the groups `incimap map --bbox ... --aggregate hex` draws of the whole table.

Line numbers in rejected rows count within the partition's CSV (line 2 is its first row);
the row itself is in `record`.
"""

import argparse
import os
import sys

import dask.dataframe as dd
import dask_geopandas
import geopandas
import pandas as pd
from dask.distributed import Client, LocalCluster

import incimap


def incidents_of(rows: pd.DataFrame, partition_info=None) -> geopandas.GeoDataFrame:
    """One partition of raw rows → its located incidents."""
    name = f"partition {partition_info['number']}" if partition_info else "partition"
    result = incimap.read(rows, name=name, threads=1)
    return incimap.to_geodataframe(result.incidents)


def rejected_of(rows: pd.DataFrame, partition_info=None) -> pd.DataFrame:
    """One partition of raw rows → its rejected rows (file names the partition)."""
    name = f"partition {partition_info['number']}" if partition_info else "partition"
    rejected = incimap.read(rows, name=name, threads=1).rejected.to_pandas()
    return rejected.astype({"line": "Int64"})


def json_lines_of(incidents: geopandas.GeoDataFrame) -> pd.DataFrame:
    """Incidents → their JSON Lines, one line a row."""
    text = incimap.to_json_lines(incidents).decode("utf-8")
    return pd.DataFrame({"line": pd.Series(text.splitlines(), dtype=object)})


def hex_sums_of(incidents: geopandas.GeoDataFrame, bbox) -> pd.DataFrame:
    """One partition's incidents → their hexagon sums on the map with the frame `bbox`."""
    return incimap.hex_sums(incidents, bbox=bbox).to_pandas()


def combine_hex_sums(parts: pd.DataFrame) -> pd.DataFrame:
    """Hexagon sums of several partitions → the sums of them all, by hexagon and event type
    (sorted by q, r, event type; the hexagon's centre is the same in every part)."""
    combined = parts.groupby(["q", "r", "event_type"], dropna=False, sort=False).agg(
        lon=("lon", "first"),
        lat=("lat", "first"),
        incidents=("incidents", "sum"),
        reported=("reported", "sum"),
        total=("total", "sum"),
        first=("first", "min"),
        last=("last", "max"),
    )
    combined = combined.reset_index()
    order = combined.assign(event_order=combined["event_type"].fillna(""))
    order = order.sort_values(["q", "r", "event_order"], kind="stable")
    return combined.loc[order.index].reset_index(drop=True)


def read_raw(path: str, partitions: int) -> dd.DataFrame:
    """The table as text cells (empty cells stay empty strings), in `partitions` parts."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return dd.from_pandas(frame, npartitions=partitions, sort=False)


def run(path: str, out_dir: str, partitions: int, client: Client, bbox=None) -> dict:
    """Reads `path` on the cluster in `partitions` parts; writes the outputs into
    `out_dir`; returns the figures (incidents, rejected, partitions, and with `bbox` the
    combined hexagon sums)."""
    raw = read_raw(path, partitions).persist()
    sample = raw.get_partition(0).head(200)
    meta = incidents_of(sample).iloc[:0]
    incidents = dask_geopandas.from_dask_dataframe(
        raw.map_partitions(incidents_of, meta=meta)
    ).persist()
    os.makedirs(out_dir, exist_ok=True)
    incidents.to_parquet(os.path.join(out_dir, "incidents"))

    lines = incidents.map_partitions(
        json_lines_of, meta=pd.DataFrame({"line": pd.Series([], dtype=object)})
    ).compute()
    text = "".join(line + "\n" for line in sorted(lines["line"]))
    with open(os.path.join(out_dir, "incidents.jsonl"), "w", encoding="utf-8") as f:
        f.write(text)

    rejected_meta = rejected_of(sample.iloc[:0])
    rejected = raw.map_partitions(rejected_of, meta=rejected_meta).compute()
    rejected.to_csv(os.path.join(out_dir, "rejected.csv"), index=False)
    figures = {
        "incidents": len(lines),
        "rejected": len(rejected),
        "partitions": raw.npartitions,
    }
    if bbox is not None:
        sums_meta = hex_sums_of(meta, bbox).iloc[:0]
        parts = incidents.map_partitions(hex_sums_of, bbox, meta=sums_meta).compute()
        hexagons = combine_hex_sums(parts)
        hexagons.to_csv(os.path.join(out_dir, "hexagons.csv"), index=False)
        figures["hexagons"] = hexagons
    return figures


def extracted_of(articles: pd.DataFrame) -> pd.DataFrame:
    """One partition of articles (`id`, `published`, `text`) → its incidents' JSON Lines,
    one line a row. Reports of one event merge within the partition."""
    if articles.empty:
        return pd.DataFrame({"line": pd.Series([], dtype=object)})
    result = incimap.extract(articles[["id", "published", "text"]], threads=1)
    return json_lines_of(result.incidents)


def extract_articles(articles: pd.DataFrame, partitions: int, client: Client) -> list:
    """Extracts a table of articles (`id`, `published`, `text`, and `set`: the articles
    that may report one event share a set) in `partitions` parts, each set kept whole in
    one part so that its reports merge as on one machine; the sorted JSON Lines."""
    frame = dd.from_pandas(articles, npartitions=partitions, sort=False)
    whole_sets = frame.shuffle("set", npartitions=partitions)
    meta = pd.DataFrame({"line": pd.Series([], dtype=object)})
    lines = whole_sets.map_partitions(extracted_of, meta=meta).compute()
    return sorted(lines["line"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a CSV table (ACLED, UCDP GED, incimap)")
    parser.add_argument("out_dir")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--bbox", type=float, nargs=4, metavar=("LON_MIN", "LAT_MIN",
                        "LON_MAX", "LAT_MAX"), help="also sum by hexagon of this map frame")
    args = parser.parse_args()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1) as cluster:
        with Client(cluster) as client:
            figures = run(args.input, args.out_dir, args.partitions, client, args.bbox)
    print(
        f"{figures['incidents']} incidents, {figures['rejected']} rejected rows "
        f"({figures['partitions']} partitions) → {args.out_dir}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
