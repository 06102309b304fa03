"""Type stubs of the native module ``incimap._incimap`` (the Rust binding). Use the
documented functions of ``incimap`` instead; these are its building blocks."""

from typing import List, Optional, Sequence, Tuple, Union

import pyarrow as pa

CREDITS: str

class IncimapError(Exception):
    """An error of the incimap library (its message is the one the incimap command prints)."""

_Tables = Tuple[pa.Table, pa.Table, pa.Table]

def read_paths(
    paths: Sequence[str],
    country: Optional[str] = None,
    merge: str = "articles",
    threads: int = 0,
) -> _Tables: ...
def read_bytes(
    data: bytes,
    name: str,
    country: Optional[str] = None,
    merge: str = "articles",
    threads: int = 0,
) -> _Tables: ...
def extract(
    articles: pa.Table,
    language: Optional[str] = None,
    country: Optional[str] = None,
    merge: bool = True,
    threads: int = 0,
) -> _Tables: ...
def geocode(queries: pa.Table, limit: int = 1) -> pa.Table: ...
def write_records(
    csv: bytes,
    to: str,
    path: Optional[str] = None,
    flat: bool = False,
    pretty: bool = False,
) -> Union[int, bytes]: ...
def write_geoparquet(csv: bytes, path: str) -> int: ...
def render_map(
    csv: bytes,
    format: str = "svg",
    width_px: float = 1600.0,
    height_px: float = 1200.0,
    title: Optional[str] = None,
    size_by: Optional[str] = None,
    bbox: Optional[Tuple[float, float, float, float]] = None,
    png_scale: float = 1.0,
) -> Tuple[Union[str, bytes], List[str]]: ...
def hex_sums(
    csv: bytes,
    bbox: Tuple[float, float, float, float],
    width_px: float = 1600.0,
    height_px: float = 1200.0,
    size_by: Optional[str] = None,
) -> pa.Table: ...
