#!/usr/bin/env python3
"""Generate a large incident table in incimap's CSV form, for benchmarks.

    scripts/gen-incidents.py [ROWS] [OUT.csv]      # default: 1000000 rows to stdout

Fixed seed (the same ROWS always give the same bytes): points uniformly in the box
lon 35..43, lat 32..38; six ACLED event types (with a matching sub-event type); fatalities
0..500 (most events small: a third have 0); dates from 2015-01-01 on, ascending, with the id
ascending too, so the rows are already in incimap's (date, id) order. Columns:
id,date,place,country,event_type,sub_event_type,lon,lat,killed,source,notes
"""

import csv
import datetime
import random
import sys

EVENTS = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Mob violence"),
    ("Strategic developments", "Arrests"),
]
COUNTRIES = ["SY", "IQ", "TR", "JO", "LB"]
SOURCES = ["SOHR", "Reuters", "AFP", "Hawar News Agency", "Shafaq News", "local sources"]
PLACES = ["Suluk", "Ain Issa", "Hasakah", "Raqqa", "Deir ez-Zor", "Mosul", "Kirkuk", "Qamishli"]


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    out = open(sys.argv[2], "w", newline="") if len(sys.argv) > 2 else sys.stdout
    rng = random.Random(20191013)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "date", "place", "country", "event_type", "sub_event_type",
                     "lon", "lat", "killed", "source", "notes"])
    start = datetime.date(2015, 1, 1)
    days = 3650
    for i in range(rows):
        day = start + datetime.timedelta(days=i * days // rows)
        event, sub = EVENTS[rng.randrange(6)]
        killed = 0 if rng.random() < 0.33 else min(500, int(rng.paretovariate(1.2)) - 1)
        if rng.random() < 0.002:
            killed = 500
        writer.writerow([
            f"gen-{i:07d}",
            day.isoformat(),
            f"{PLACES[rng.randrange(len(PLACES))]} area {rng.randrange(1000)}",
            COUNTRIES[rng.randrange(len(COUNTRIES))],
            event,
            sub,
            f"{rng.uniform(35.0, 43.0):.5f}",
            f"{rng.uniform(32.0, 38.0):.5f}",
            killed,
            SOURCES[rng.randrange(len(SOURCES))],
            f"Generated incident {i}",
        ])
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
