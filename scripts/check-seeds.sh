#!/usr/bin/env bash
# Acceptance check of the extractor on the seed articles (../shared/seeds, not part of the
# repository): runs `incimap extract` on them and checks every "must" item of
# ../shared/seeds/EXPECTED.md. Exits non-zero and names each failed item.
#
#   scripts/check-seeds.sh            # builds the release binary first
#   INCIMAP=target/debug/incimap scripts/check-seeds.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${SEEDS:-../shared/seeds}
if [ -z "${INCIMAP:-}" ]; then
  cargo build --release --quiet
  INCIMAP=target/release/incimap
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
"$INCIMAP" extract "$SEEDS"/*.txt >"$out" 2>/dev/null || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
  echo "incimap extract failed with exit code $status" >&2
  exit 1
fi
python3 - "$out" <<'PY'
import json, math, sys

incidents = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
failures, passed = [], 0

def check(what, ok):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)

def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))

def near(place, lat, lon):
    return place.get("lat") is not None and km(place["lat"], place["lon"], lat, lon) <= 5.0

def incident_at(file_part, lat, lon):
    for inc in incidents:
        if any(file_part in (s.get("location") or "") for s in inc.get("sources", [])) and near(inc["place"], lat, lon):
            return inc
    return None

def figure(inc, measures):
    for f in inc.get("figures", []):
        if f["measure"] in measures and not f.get("subject") or f["measure"] in measures:
            return f
    return None

def claims(fig):
    return fig.get("claims", []) if fig else []

def has_claim(fig, value, qualifiers, source=None):
    return any(c["value"] == value and c["qualifier"] in qualifiers
               and (source is None or source.lower() in (c.get("source") or "").lower()) for c in claims(fig))

# --- 2019-10-ain-issa.txt -----------------------------------------------------------------
ain = incident_at("ain-issa", 36.3855, 38.86228)
check("Ain Issa: an incident within 5 km of 'Ayn 'Isa (geonames:172134)", ain is not None)
if ain:
    p = ain["place"]
    check("Ain Issa: country SY, admin1 Ar-Raqqah", p.get("country_code") == "SY" and "raq" in (p.get("admin1") or "").lower())
    check("Ain Issa: precision site or near_town", p.get("precision") in ("site", "near_town"))
    check("Ain Issa: the camp is the site", p.get("site") == "camp")
    check("Ain Issa: date 2019-10, precision month", ain["date"]["precision"] == "month" and ain["date"]["start"] == "2019-10-01")
    esc = figure(ain, ["escaped"])
    check("Ain Issa: figure escaped", esc is not None)
    if esc:
        check("Ain Issa: escaped low 100, best 100, high 700", (esc.get("low"), esc.get("best"), esc.get("high")) == (100, 100, 700))
        check("Ain Issa: escaped: more than 700 per the Kurdish authorities", has_claim(esc, 700, ["more_than"], "Koerdische autoriteiten"))
        check("Ain Issa: escaped: 100 per the Syrian Observatory", has_claim(esc, 100, ["exact"], "Observatori"))
        check("Ain Issa: escaped: 'hundreds' (vague, 100) kept", has_claim(esc, 100, ["vague"]))
        check("Ain Issa: escaped: 'hundreds' children and women per Save the Children",
              has_claim(esc, 100, ["vague"], "Save the Children") or any(has_claim(pt, 100, ["vague"], "Save the Children") for pt in esc.get("parts", [])))
    held = figure(ain, ["present", "detained"])
    check("Ain Issa: about 12,000 present/held in the camp", held is not None and held.get("best") == 12000 and has_claim(held, 12000, ["about"]))
    if held:
        check("Ain Issa: of whom 1,000 women (a part)", any(pt.get("best") == 1000 for pt in held.get("parts", [])))
    actors = [a.lower() for a in ain.get("actors", [])]
    check("Ain Issa: actors IS, guards, mercenaries", "islamic state" in actors and "guards" in actors and "mercenaries" in actors)
    check("Ain Issa: tags escape and camp", "escape" in ain.get("tags", []) and "camp" in ain.get("tags", []))

suluk = incident_at("ain-issa", 36.59596, 39.1299)
check("Suluk: an incident within 5 km of Sulūk (geonames:164895)", suluk is not None)
if suluk:
    check("Suluk: armed clash", suluk.get("sub_event_type") == "Armed clash" and suluk.get("event_type") == "Battles")
    check("Suluk: date precision month", suluk["date"]["precision"] == "month")
    st = suluk.get("extra", {}).get("statements", [])
    check("Suluk: Turkey's news agency says the town was captured",
          any("persbureau" in s["source"] and "territory" in s["says"] for s in st))
    check("Suluk: the Kurdish authorities say the fighting goes on",
          any("Koerdische autoriteiten" in s["source"] and s["says"] == "Armed clash" for s in st))

raqqa_mentioned = any(any(near(m, 35.95283, 39.00788) and m.get("gazetteer_id") == "geonames:172955" for m in inc.get("mentions", []))
                      for inc in incidents if any("ain-issa" in (s.get("location") or "") for s in inc.get("sources", [])))
check("Raqqa: a mention (geonames:172955)", raqqa_mentioned)
check("Raqqa: not an incident", not any(near(inc["place"], 35.95283, 39.00788) for inc in incidents))
check("Raqqa: carries no escape figures", not any(near(inc["place"], 35.95283, 39.00788) and figure(inc, ["escaped"]) for inc in incidents))

# --- 2022-01-hasakah.txt ------------------------------------------------------------------
has = incident_at("hasakah", 36.50237, 40.74772)
check("Hasakah: an incident within 5 km of Al Ḩasakah (geonames:173811)", has is not None)
if has:
    p = has["place"]
    check("Hasakah: country SY, admin1 Al-Hasakah", p.get("country_code") == "SY" and "hasak" in (p.get("admin1") or "").lower())
    check("Hasakah: the prison is the site", p.get("site") == "prison")
    check("Hasakah: date 2022-01, precision month", has["date"]["precision"] == "month" and has["date"]["start"] == "2022-01-01")
    k = figure(has, ["killed"])
    check("Hasakah: killed at least 136 per the Syrian Observatory", k is not None and k.get("best") == 136 and has_claim(k, 136, ["at_least"], "Observatori"))
    if k:
        parts = sorted(pt.get("best") for pt in k.get("parts", []))
        check("Hasakah: killed = 84 + 45 + 7", parts == [7, 45, 84])
    e = figure(has, ["escaped"])
    check("Hasakah: escaped low 100, best 100, high 800", e is not None and (e.get("low"), e.get("best"), e.get("high")) == (100, 100, 800))
    check("Hasakah: escaped: 'hundreds' per the Observatory", has_claim(e, 100, ["vague"], "Observatori"))
    check("Hasakah: escaped: more than 800 per IS", has_claim(e, 800, ["more_than"], "IS"))
    a = figure(has, ["attackers"])
    check("Hasakah: attackers more than 100", has_claim(a, 100, ["more_than"]))
    d = figure(has, ["detained", "present"])
    check("Hasakah: held: thousands and about 5,000", has_claim(d, 1000, ["vague"]) and has_claim(d, 5000, ["about"]))
    actors = has.get("actors", [])
    check("Hasakah: actors IS, SDF, US-led coalition",
          "Islamic State" in actors and any("SDF" in x for x in actors) and "US-led coalition" in actors)

print(f"check-seeds: {passed} passed, {len(failures)} failed")
for f in failures:
    print(f"  FAILED: {f}")
sys.exit(1 if failures else 0)
PY
