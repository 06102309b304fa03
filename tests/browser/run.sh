#!/usr/bin/env bash
# The interactive map in a real browser: writes map.html for the embedded example and for a
# fixture of markup-laden names, then opens both in Debian's Chromium with the network blocked
# (tests/browser/map_html.mjs). Needs chromium (apt) and node/npm; .ci/run installs them.
# Screenshots go to target/browser-test/. INCIMAP_BLESS=1 rewrites the reference screenshot.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet
bin=target/debug/incimap
out=target/browser-test
rm -rf "$out"
mkdir -p "$out"
"$bin" map -o "$out/example" --format html,geojson
"$bin" map -o "$out/example-nl" --format html,geojson --lang nl --theme dark
"$bin" map tests/fixtures/html-injection.jsonl -o "$out/injection" --format html,geojson
# A large set (5,000 incidents on a fixed grid) to see the page group and ungroup them.
node -e '
const types = ["Battles", "Protests", "Riots"];
const rows = ["date,place,country,event_type,killed,source,lon,lat"];
for (let k = 0; k < 5000; k++) {
  const lon = (36 + (k % 100) * 0.06).toFixed(4), lat = (33 + Math.floor(k / 100) * 0.08).toFixed(4);
  rows.push(`2020-01-${String(1 + (k % 28)).padStart(2, "0")},Place ${k},SY,${types[k % 3]},${k % 13},Monitor,${lon},${lat}`);
}
require("fs").writeFileSync(process.argv[1], rows.join("\n") + "\n");
' "$out/large.csv"
"$bin" map "$out/large.csv" -o "$out/large" --format html,geojson
# More incidents than a page holds (60,000 > 50,000): the page of the static map's groups.
node -e '
const types = ["Battles", "Protests", "Riots"];
const rows = ["date,place,country,event_type,killed,source,lon,lat"];
for (let k = 0; k < 60000; k++) {
  const lon = (36 + (k % 300) * 0.02).toFixed(4), lat = (33 + Math.floor(k / 300) * 0.02).toFixed(4);
  rows.push(`2020-${String(1 + (k % 12)).padStart(2, "0")}-01,Place ${k % 4000},SY,${types[k % 3]},${k % 17},Monitor ${k % 4},${lon},${lat}`);
}
require("fs").writeFileSync(process.argv[1], rows.join("\n") + "\n");
' "$out/groups.csv"
"$bin" map "$out/groups.csv" -o "$out/groups" --format html
(cd tests/browser && npm ci --no-audit --no-fund --silent)
node tests/browser/map_html.mjs "$out"
