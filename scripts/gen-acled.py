#!/usr/bin/env python3
"""Generate an ACLED-shaped table (ACLED's current 31 columns) with some bad rows, for the
scaling tests and examples (issue 15: the same results on one machine and on Dask/Spark).

    scripts/gen-acled.py [ROWS] [OUT.csv]      # default: 20000 rows to stdout

Fixed seed: the same ROWS always give the same bytes. Rows are in the project's own words
and made-up places' coordinates around real towns of the embedded gazetteer; no row is
copied from ACLED. Mixed in, so that every path of the readers is taken:
- every 40th row has no coordinates (its place is looked up in the gazetteer; every fifth
  of those names a place that does not exist, so it is rejected as not located);
- every 97th row is malformed in one of four ways (an impossible date, a non-numeric
  fatality count, a latitude out of range, an unknown event type): rejected with a reason.
"""

import csv
import datetime
import random
import sys

HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
EVENTS = [
    ("Political violence", "Battles", "Armed clash"),
    ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Political violence", "Violence against civilians", "Attack"),
    ("Demonstrations", "Protests", "Peaceful protest"),
    ("Political violence; Demonstrations", "Riots", "Mob violence"),
    ("Strategic developments", "Strategic developments", "Arrests"),
]
# (country, ISO numeric, admin1, town, lat, lon)
TOWNS = [
    ("Syria", 760, "Ar-Raqqa", "Suluk", 36.596, 39.1299),
    ("Syria", 760, "Ar-Raqqa", "Ain Issa", 36.3855, 38.8623),
    ("Syria", 760, "Al-Hasakeh", "Hasakah", 36.5024, 40.7477),
    ("Syria", 760, "Deir-ez-Zor", "Deir ez-Zor", 35.3359, 40.1408),
    ("Iraq", 368, "Ninewa", "Mosul", 36.335, 43.1189),
    ("Iraq", 368, "Kirkuk", "Kirkuk", 35.4681, 44.3922),
    ("Turkey", 792, "Sanliurfa", "Akcakale", 36.7111, 38.9475),
    ("Lebanon", 422, "North", "Tripoli", 34.4367, 35.8497),
]
ACTORS = ["Armed group A", "Armed group B", "Police forces", "Protesters", "Rioters",
          "Civilians", "Military forces"]
SOURCES = ["Local monitor", "Wire service", "Regional daily", "Rights group"]
BAD = [
    ("event_date", "2021-13-40"),
    ("fatalities", "several"),
    ("latitude", "123.5"),
    ("event_type", "Skirmishes"),
]


def row(i: int, rng: random.Random, start: datetime.date) -> list:
    disorder, event, sub = EVENTS[rng.randrange(len(EVENTS))]
    country, iso, admin1, town, lat, lon = TOWNS[rng.randrange(len(TOWNS))]
    day = start + datetime.timedelta(days=rng.randrange(2500))
    fatalities = 0 if rng.random() < 0.4 else int(rng.paretovariate(1.3))
    lat_text = f"{lat + rng.uniform(-0.05, 0.05):.4f}"
    lon_text = f"{lon + rng.uniform(-0.05, 0.05):.4f}"
    location = town
    if i % 40 == 7:
        lat_text = lon_text = ""
        if i % 200 == 7:
            location = f"Nowhere {i}"
    values = {
        "event_id_cnty": f"GEN{i:07d}",
        "event_date": day.isoformat(),
        "year": str(day.year),
        "time_precision": str(rng.choice([1, 1, 1, 2, 3])),
        "disorder_type": disorder,
        "event_type": event,
        "sub_event_type": sub,
        "actor1": rng.choice(ACTORS),
        "assoc_actor_1": "",
        "inter1": str(rng.randrange(1, 9)),
        "actor2": rng.choice(ACTORS + [""]),
        "assoc_actor_2": "",
        "inter2": str(rng.randrange(0, 9)),
        "interaction": str(rng.randrange(10, 88)),
        "civilian_targeting": "Civilian targeting" if event.startswith("Violence") else "",
        "iso": str(iso),
        "region": "Middle East",
        "country": country,
        "admin1": admin1,
        "admin2": "",
        "admin3": "",
        "location": location,
        "latitude": lat_text,
        "longitude": lon_text,
        "geo_precision": str(rng.choice([1, 1, 2, 3])),
        "source": rng.choice(SOURCES),
        "source_scale": rng.choice(["National", "Local partner-National", "International"]),
        "notes": f"On {day.isoformat()}, event {i} near {location} ({event.lower()}).",
        "fatalities": str(fatalities),
        "tags": "",
        "timestamp": str(1_600_000_000 + i),
    }
    if i % 97 == 50:
        column, value = BAD[(i // 97) % len(BAD)]
        values[column] = value
    return [values[c] for c in HEADER]


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    out = open(sys.argv[2], "w", newline="", encoding="utf-8") if len(sys.argv) > 2 else sys.stdout
    rng = random.Random(20191013)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    start = datetime.date(2018, 1, 1)
    for i in range(rows):
        writer.writerow(row(i, rng, start))
    out.flush()


if __name__ == "__main__":
    main()
