"""incimap from Python: news reports and incident tables into geocoded incidents, GeoJSON,
GeoParquet and maps, on batches, with Apache Arrow in and out.

A thin binding of the Rust library the ``incimap`` command is built from: the same readers,
geocoder, extractor, writers and renderer, the same messages. Every function works on a whole
batch (a file, a table, many articles, many names) and releases the GIL while it works.

Incidents are a :class:`pyarrow.Table`: the columns of ``incimap export --to csv`` (typed:
counts and years as integers, coordinates as doubles), a WKB point ``geometry`` in OGC:CRS84
and its ``bbox`` covering, with the GeoParquet ``geo`` metadata in the schema. Records that do
not become incidents are never dropped: every call that reads returns them in ``rejected``
(the columns of ``incimap --errors``: file, line, column, reason, record).

    >>> import incimap
    >>> result = incimap.read("acled.csv")
    >>> result.incidents.num_rows, result.rejected.num_rows
    >>> incimap.write_geoparquet(result.incidents, "incidents.parquet")
    >>> frame = incimap.to_geodataframe(result.incidents)   # with geopandas installed

Data credits (carried by every export and map): GeoNames (CC BY 4.0), Natural Earth.
"""

from __future__ import annotations

import io
import os
from typing import Any, Iterable, NamedTuple, Optional, Sequence, Union

import pyarrow as pa
import pyarrow.csv as pa_csv

from . import _incimap
from ._incimap import CREDITS, IncimapError

__all__ = [
    "CREDITS",
    "IncimapError",
    "Result",
    "read",
    "extract",
    "geocode",
    "to_geodataframe",
    "write_geojson",
    "write_geoparquet",
    "write_json_lines",
    "to_json_lines",
    "render_map",
    "hex_sums",
]

PathLike = Union[str, "os.PathLike[str]"]

#: Columns of an incidents table that are derived from the point (left out when the table is
#: read back: the point is in ``longitude`` and ``latitude``).
_GEOMETRY_COLUMNS = ("geometry", "bbox")


class Result(NamedTuple):
    """What a read or an extraction gave.

    ``incidents``: the located incidents (see the module's documentation).
    ``rejected``: every record that did not become a located incident, with file, line,
    column, reason and the raw record (``incimap --errors``): rows in = incidents + rejected.
    ``warnings``: notes about records that were kept (a range widened, a date order chosen,
    a regional figure kept apart).
    """

    incidents: pa.Table
    rejected: pa.Table
    warnings: pa.Table


def _threads(threads: Optional[int]) -> int:
    if threads is None:
        return 0
    if threads < 0:
        raise ValueError(f"threads: expected 0 (every core) or more, got {threads}")
    return threads


def _as_table(data: Any, what: str) -> pa.Table:
    """A pyarrow Table from a Table, RecordBatch, (Geo)DataFrame or mapping of columns."""
    if isinstance(data, pa.Table):
        return data
    if isinstance(data, pa.RecordBatch):
        return pa.Table.from_batches([data])
    if hasattr(data, "columns") and hasattr(data, "dtypes"):  # pandas / geopandas
        frame = data
        geometry = getattr(frame, "_geometry_column_name", None)
        if geometry is not None:
            # The point is in `longitude` and `latitude` (the table's own columns).
            frame = frame.drop(columns=[geometry])
        return pa.Table.from_pandas(frame, preserve_index=False)
    if hasattr(data, "__arrow_c_stream__"):  # any other Arrow stream (polars, DuckDB, ...)
        return pa.table(data)
    if isinstance(data, dict):
        return pa.table(data)
    raise TypeError(
        f"{what}: expected a pyarrow Table or RecordBatch, a pandas DataFrame or a dict of "
        f"columns, got {type(data).__name__}"
    )


def _csv_bytes(table: pa.Table) -> bytes:
    """A table as CSV (header, then rows), the form incimap reads every table layout from."""
    keep = [name for name in table.column_names if name not in _GEOMETRY_COLUMNS]
    table = table.select(keep)
    out = io.BytesIO()
    pa_csv.write_csv(table, out)
    return out.getvalue()


def _result(tables: tuple) -> Result:
    return Result(*tables)


def read(
    source: Any,
    *,
    name: Optional[str] = None,
    country: Optional[str] = None,
    merge: str = "articles",
    threads: Optional[int] = None,
) -> Result:
    """Reads incidents from files or data of any format incimap reads.

    ``source`` is one of:

    - a path or a list of paths: files (``.csv``/``.tsv`` of any layout — ACLED, UCDP GED,
      incimap's own —, ``.jsonl``, ``.json``, ``.geojson``, articles as ``.txt``/``.md``) or
      directories (every supported file in them, sorted), exactly as ``incimap export``
      reads them; ``"-"`` is standard input;
    - ``bytes``: the content of such a file, its format told from the content;
    - a table (``pyarrow.Table``/``RecordBatch``, pandas DataFrame, dict of columns) of any
      table layout, read as its CSV. Messages name it ``name`` (default ``<table>``) and
      give CSV lines: line 2 is the table's first row.

    ``country``: ISO 3166-1 alpha-2 code ranking ambiguous place names. ``merge``:
    ``"articles"`` (reports of one event in several articles become one incident, the
    default of the ``incimap`` command), ``"all"`` (table rows too) or ``"none"``.
    ``threads``: worker threads (default: every core).

    Raises :class:`IncimapError` when an input does not exist (nothing is read then).
    """
    threads = _threads(threads)
    if isinstance(source, (str, os.PathLike)):
        paths = [os.fspath(source)]
    elif isinstance(source, (list, tuple)) and all(
        isinstance(p, (str, os.PathLike)) for p in source
    ):
        paths = [os.fspath(p) for p in source]
    else:
        paths = None
    if paths is not None:
        return _result(_incimap.read_paths(paths, country, merge, threads))
    if isinstance(source, (bytes, bytearray, memoryview)):
        data, label = bytes(source), name or "<bytes>"
    else:
        data, label = _csv_bytes(_as_table(source, "source")), name or "<table>"
    return _result(_incimap.read_bytes(data, label, country, merge, threads))


def extract(
    articles: Any = None,
    *,
    ids: Optional[Sequence[str]] = None,
    texts: Optional[Sequence[str]] = None,
    published: Optional[Sequence[Optional[str]]] = None,
    language: Optional[str] = None,
    country: Optional[str] = None,
    merge: bool = True,
    threads: Optional[int] = None,
) -> Result:
    """Extracts incidents from many news articles in one call (as ``incimap extract``).

    Give the articles as a table with columns ``id``, ``text`` and optionally ``published``
    (``YYYY-MM-DD`` or ``YYYY-MM``, or a date column), or as the lists ``ids``, ``texts`` and
    ``published``. An article's id names it in sources and messages. Without a publication
    date the text's own ``date …`` first line is used; with one, the article is read as the
    file ``date <published>`` + newline + text (offsets in the incidents count from there).

    ``language``: ``"en"`` or ``"nl"`` (detected by default). ``merge``: reports of one event
    in several articles become one incident. Figures that fit no incident are in
    ``rejected``; regional figures (kept, never drawn at a town) in ``warnings``.
    """
    if articles is None:
        if ids is None or texts is None:
            raise TypeError("extract: give a table of articles, or ids= and texts=")
        columns = {"id": list(ids), "text": list(texts)}
        if published is not None:
            columns["published"] = list(published)
        table = pa.table(
            {k: pa.array(v, type=pa.string()) for k, v in columns.items()}
        )
    else:
        table = _as_table(articles, "articles")
    if "published" in table.column_names:
        index = table.column_names.index("published")
        column = table.column("published")
        if pa.types.is_timestamp(column.type):
            # A day, not a moment: the article's date header takes YYYY-MM-DD.
            column = column.cast(pa.date32())
        table = table.set_column(index, "published", column.cast(pa.string()))
    return _result(
        _incimap.extract(table, language, country, merge, _threads(threads))
    )


def geocode(
    names: Any,
    countries: Optional[Sequence[Optional[str]]] = None,
    admin1: Optional[Sequence[Optional[str]]] = None,
    *,
    limit: int = 1,
) -> pa.Table:
    """Looks many place names up in the built-in gazetteer (as ``incimap geocode``).

    ``names``: a list of names, or a table with a ``name`` column and optionally ``country``
    (ISO alpha-2) and ``admin1`` (a province's code or name) giving each name's context.
    Returns one row per candidate, best first (``query`` is the name's position, ``rank`` 0
    the best, up to ``limit`` each): ``gazetteer_id``, ``name``, ``country_code``,
    ``admin1``, ``admin1_code``, ``kind``, ``feature_code``, ``precision``, ``lon``, ``lat``,
    ``population`` (0: unknown), ``score`` and ``reason`` (why it ranked so), as ``incimap
    geocode --json`` gives them. A name not found has one row with no candidate and its
    ``suggestions`` (``; ``-separated) — never a guess.
    """
    tabular = isinstance(names, (pa.Table, pa.RecordBatch, dict)) or hasattr(
        names, "columns"
    )
    if not tabular:
        names = list(names)
        columns = {"name": pa.array(names, type=pa.string())}
        for key, values in (("country", countries), ("admin1", admin1)):
            if values is not None:
                values = list(values)
                if len(values) != len(names):
                    raise ValueError(
                        f"{key}: {len(values)} values for {len(names)} names"
                    )
                columns[key] = pa.array(values, type=pa.string())
        table = pa.table(columns)
    else:
        table = _as_table(names, "names")
    if limit < 1:
        raise ValueError(f"limit: expected 1 or more, got {limit}")
    return _incimap.geocode(table, limit)


def _incidents_csv(incidents: Any) -> bytes:
    return _csv_bytes(_as_table(incidents, "incidents"))


def write_geojson(
    incidents: Any, path: PathLike, *, flat: bool = False, pretty: bool = False
) -> int:
    """Writes incidents (a table as :func:`read` returns, or a (Geo)DataFrame of its columns)
    as GeoJSON, byte for byte as ``incimap export --to geojson`` (atomically: a reader never
    sees a half-written file; ``"-"`` is standard output). ``flat`` leaves out the nested
    figures, sources and mentions; ``pretty`` indents. Returns the number of incidents."""
    return _incimap.write_records(
        _incidents_csv(incidents), "geojson", os.fspath(path), flat, pretty
    )


def write_geoparquet(incidents: Any, path: PathLike) -> int:
    """Writes incidents as GeoParquet 1.1 (WKB points in OGC:CRS84, bbox covering, ``geo``
    metadata in the footer and the Arrow schema, zstd), as ``incimap export --to
    geoparquet``; atomically. Returns the number of rows written."""
    return _incimap.write_geoparquet(_incidents_csv(incidents), os.fspath(path))


def to_json_lines(incidents: Any) -> bytes:
    """Incidents as incimap's JSON Lines, byte for byte as ``incimap export --to jsonl``
    (one incident a line; the form that keeps every field, every claim and its source)."""
    return _incimap.write_records(_incidents_csv(incidents), "jsonl")


def write_json_lines(incidents: Any, path: PathLike) -> int:
    """Writes :func:`to_json_lines` to ``path`` (atomically; ``"-"`` is standard output).
    Returns the number of incidents."""
    return _incimap.write_records(_incidents_csv(incidents), "jsonl", os.fspath(path))


def render_map(
    incidents: Any,
    *,
    format: str = "svg",
    width_px: float = 1600.0,
    height_px: float = 1200.0,
    title: Optional[str] = None,
    size_by: Optional[str] = None,
    bbox: Optional[Iterable[float]] = None,
    png_scale: float = 1.0,
) -> Union[str, bytes]:
    """Renders incidents as the map ``incimap map`` draws: SVG text (``format="svg"``) or
    PNG bytes (``format="png"``). ``size_by``: ``"largest"`` (default) or a measure
    (``"killed"``, ...). ``bbox``: (lon_min, lat_min, lon_max, lat_max), fitted to the data
    by default. An empty table is an error (no empty map)."""
    box = None if bbox is None else tuple(float(v) for v in bbox)
    if box is not None and len(box) != 4:
        raise ValueError("bbox: expected (lon_min, lat_min, lon_max, lat_max)")
    image, _unlabelled = _incimap.render_map(
        _incidents_csv(incidents),
        format,
        float(width_px),
        float(height_px),
        title,
        size_by,
        box,
        float(png_scale),
    )
    return image


def hex_sums(
    incidents: Any,
    *,
    bbox: Iterable[float],
    width_px: float = 1600.0,
    height_px: float = 1200.0,
    size_by: Optional[str] = None,
) -> pa.Table:
    """The hexagon sums of a batch of incidents on the map with the fixed frame ``bbox``
    (lon_min, lat_min, lon_max, lat_max) and page size, as ``incimap map --bbox ...
    --aggregate hex`` groups them: one row per hexagon and event type with ``q``, ``r`` (the
    hexagon), ``lon``, ``lat`` (its centre), ``event_type``, ``incidents``, ``reported``
    (those with a sizing figure), ``total`` (the sum of the sizing figures, ``size_by``:
    ``"largest"`` or a measure), ``first`` and ``last`` (days, ``YYYY-MM-DD``). Incidents
    outside the frame are left off, as on the map.

    The sums of the partitions of a table combine into the sums of the whole table, which are
    the groups the map draws (a symbol's value is its hexagon's ``total``, the incidents it
    stands for its ``incidents``)::

        parts.groupby(["q", "r", "event_type"], dropna=False).agg(
            lon=("lon", "first"), lat=("lat", "first"), incidents=("incidents", "sum"),
            reported=("reported", "sum"), total=("total", "sum"),
            first=("first", "min"), last=("last", "max"))
    """
    box = tuple(float(v) for v in bbox)
    if len(box) != 4:
        raise ValueError("bbox: expected (lon_min, lat_min, lon_max, lat_max)")
    return _incimap.hex_sums(
        _incidents_csv(incidents), box, float(width_px), float(height_px), size_by
    )


def to_geodataframe(incidents: pa.Table) -> Any:
    """Incidents as a ``geopandas.GeoDataFrame`` (points from the WKB ``geometry``, CRS
    OGC:CRS84). Needs geopandas (``pip install geopandas``)."""
    try:
        import geopandas
    except ImportError as error:
        raise ImportError(
            "incimap.to_geodataframe needs geopandas: pip install geopandas"
        ) from error
    table = _as_table(incidents, "incidents")
    properties = table.select(
        [n for n in table.column_names if n not in _GEOMETRY_COLUMNS]
    )
    frame = properties.to_pandas()
    if "geometry" in table.column_names:
        wkb = table.column("geometry").to_pylist()
        geometry = geopandas.GeoSeries.from_wkb(wkb, crs="OGC:CRS84")
    else:
        geometry = geopandas.points_from_xy(
            frame["longitude"], frame["latitude"], crs="OGC:CRS84"
        )
    return geopandas.GeoDataFrame(frame, geometry=geometry, crs="OGC:CRS84")
