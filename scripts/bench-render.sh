#!/usr/bin/env bash
# Whole-process speed and peak memory of `incimap map` (issue #12 target: any map of up to
# 100,000 incidents in under 1.5 s, under 500 MB), against geopandas + matplotlib drawing the
# same incidents as proportional symbols over the same Natural Earth land (basemap/land.tsv)
# to a PNG of the same size (1600×1200), in one run. Prints wall time, peak RSS and the ratio.
#
#   scripts/bench-render.sh [ACLED.csv] [ROWS]
#
# ACLED.csv: a real ACLED export (default: the worldwide April 2020 table in
# ../shared/corpora/tables/, skipped when absent); ROWS: size of the generated table
# (scripts/gen-incidents.py, fixed seed; default 100000).
# incimap runs twice per case: all default outputs (SVG, PNG, PDF, GeoJSON, HTML) and PNG
# only, the fair match for matplotlib's one PNG. Note `uptime` before trusting the figures.
# Needs: cargo, python3; geopandas and matplotlib are installed into a venv under /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
acled=${1:-../shared/corpora/tables/acled-world-2020-04.csv}
rows=${2:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
venv=/tmp/incimap-bench-venv
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q geopandas matplotlib; }
CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1} cargo build --release -q
python3 scripts/gen-incidents.py "$rows" "$work/generated.csv"

cat > "$work/plot.py" <<'PY'
"""Proportional symbols (area ∝ value) coloured by event type over Natural Earth land."""
import sys
import geopandas as gpd, pandas as pd, matplotlib
from shapely.geometry import Polygon
matplotlib.use("Agg")
import matplotlib.pyplot as plt

def decode(text):
    """Google encoded polyline (precision 1e5, lat/lon order) → [(lon, lat)]."""
    points, i, lat, lon = [], 0, 0, 0
    while i < len(text):
        deltas = []
        for _ in range(2):
            result, shift = 0, 0
            while True:
                b = ord(text[i]) - 63
                i += 1
                result |= (b & 0x1F) << shift
                shift += 5
                if b < 0x20:
                    break
            deltas.append(~(result >> 1) if result & 1 else result >> 1)
        lat += deltas[0]
        lon += deltas[1]
        points.append((lon / 1e5, lat / 1e5))
    return points

csv_path, land_path, png_path = sys.argv[1:4]
rings = []
with open(land_path) as f:
    next(f)
    for line in f:
        for part in line.rstrip("\n").split("\t")[-1].split(" "):
            ring = decode(part) if part else []
            if len(ring) >= 4:
                rings.append(Polygon(ring))
land = gpd.GeoSeries(rings, crs="EPSG:4326")
df = pd.read_csv(csv_path, low_memory=False)
lon = "longitude" if "longitude" in df else "lon"
lat = "latitude" if "latitude" in df else "lat"
value = "fatalities" if "fatalities" in df else "killed"
gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df[lon], df[lat]), crs="EPSG:4326")
fig, ax = plt.subplots(figsize=(16, 12), dpi=100)
minx, miny, maxx, maxy = gdf.total_bounds
ax.set_xlim(minx - 1, maxx + 1)
ax.set_ylim(miny - 1, maxy + 1)
land.plot(ax=ax, color="#eeeae2", edgecolor="#999999", linewidth=0.4)
gdf.plot(ax=ax, column="event_type", markersize=4 + gdf[value].fillna(0) * 2, alpha=0.45,
         legend=True)
ax.set_title(f"{len(gdf)} incidents")
fig.savefig(png_path)
PY

measure() { # LABEL COMMAND... → "seconds kb"
    local label=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
        # incimap exits 2 when some rows were rejected (the ACLED table's cut-off last row);
        # anything else is a failure.
        [ "$?" = 2 ] || { cat "$work/stderr" >&2; exit 1; }
    }
    read -r secs kb < <(tail -n 1 "$work/time")
    printf '  %-34s %6.2f s  peak %5d MB\n' "$label" "$secs" "$((kb / 1024))"
    echo "$secs" >"$work/last"
}

case_() { # NAME CSV
    local name=$1 csv=$2
    echo "$name ($(($(wc -l <"$csv") - 1)) rows):"
    measure "incimap map, all five outputs" ./target/release/incimap map "$csv" -o "$work/all"
    measure "incimap map --format png" ./target/release/incimap map "$csv" -o "$work/png" --format png
    local ours
    ours=$(cat "$work/last")
    measure "geopandas + matplotlib (png)" "$venv/bin/python" "$work/plot.py" "$csv" basemap/land.tsv "$work/gpd.png"
    python3 -c "import sys; print(f'  ratio (png): geopandas/incimap = {float(sys.argv[2]) / float(sys.argv[1]):.1f}x')" "$ours" "$(cat "$work/last")"
}

echo "load: $(uptime | sed 's/.*load average: //')"
if [ -f "$acled" ]; then
    case_ "ACLED world, $(basename "$acled")" "$acled"
else
    echo "($acled not found: the ACLED case is skipped)"
fi
case_ "generated, scripts/gen-incidents.py $rows" "$work/generated.csv"
echo "load: $(uptime | sed 's/.*load average: //')"
