#!/usr/bin/env bash
# Times `incimap map` against geopandas + matplotlib on the same 100,000 random incidents
# (fixed seed), each drawing a 1600x1200 PNG of proportional symbols, in one run, and prints
# wall time and peak memory of each. Usage: scripts/bench-render.sh [ROWS]
# Needs: cargo, python3; geopandas and matplotlib are installed into a venv under /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
venv=/tmp/incimap-bench-venv
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q geopandas matplotlib; }
cargo build --release -q
python3 - "$rows" "$work/in.csv" <<'PY'
import random, sys
random.seed(20240601)
rows, path = int(sys.argv[1]), sys.argv[2]
types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"]
with open(path, "w") as f:
    f.write("date,place,country,event_type,killed,lon,lat\n")
    for i in range(rows):
        f.write(f"2020-{random.randint(1,12):02d}-{random.randint(1,28):02d},P{i},SY,{random.choice(types)},"
                f"{random.randint(0,500)},{random.uniform(35,43):.5f},{random.uniform(32,38):.5f}\n")
PY
cat > "$work/plot.py" <<'PY'
import sys
import geopandas as gpd, pandas as pd, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
df = pd.read_csv(sys.argv[1])
gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df.lon, df.lat), crs="EPSG:4326")
fig, ax = plt.subplots(figsize=(16, 12), dpi=100)
gdf.plot(ax=ax, column="event_type", markersize=gdf.killed / 5, alpha=0.45, legend=True)
ax.set_title(f"{len(gdf)} incidents")
fig.savefig(sys.argv[2])
PY
echo "rows: $rows"
/usr/bin/time -f "incimap map (png):        %e s, peak %M KB" ./target/release/incimap map "$work/in.csv" -o "$work/out" --format png 2>&1 | tail -1
/usr/bin/time -f "geopandas + matplotlib:   %e s, peak %M KB" "$venv/bin/python" "$work/plot.py" "$work/in.csv" "$work/gpd.png" 2>&1 | tail -1
