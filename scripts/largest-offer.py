#!/usr/bin/env python3
"""Writes the largest profile and offer the input limits admit, to measure issuing them.

    scripts/largest-offer.py [--out DIR] [--schools N] [--locations N] [--branches N]
                             [--years N] [--first-year Y] [--vo-every K] [--book FILE]

Writes DIR/largest.json (a profile) and DIR/largest.offer.json (an offer of every service the
profile can take, every per-subject service on every subject, over every year). The defaults
are the limits in Sources/Pricing/Input/InputLimits.swift: schools, childcare locations and
consultation bureaus at their maximum, 20 years. All schools are primary (po) unless --vo-every
K makes every K-th one secondary: dbos-po with thuislezen gives the most priced lines per school,
so all-po is the worst case.

At the defaults the offer has 336 282 priced lines: `price` prices it, and `offer issue`
refuses it (more than InputLimits.documentLines). The largest offers that issue:
`--years 2` (39 030 lines) and `--years 11 --branches 100 --locations 200` (49 506 lines).
Measure in release (swift build -c release):

    catalogue-cli municipality import DIR/largest.json --db X
    catalogue-cli offer create --from DIR/largest.offer.json --db X
    /usr/bin/time -v catalogue-cli offer issue 1 --date 2025-12-01 --concept --db X --assume-wage 3 --assume-price 2

Standard library only.
"""
import argparse
import json
import os
import sys

SIZES = ["large", "medium", "small", "service-point"]


def profile(args):
    """A deterministic synthetic municipality at the given sizes."""
    schools = []
    for index in range(args.schools):
        vo = args.vo_every > 0 and index % args.vo_every == args.vo_every - 1
        # Pupils vary over the service-level rows (under 125, 125-249, 250-500, above 500).
        schools.append({"id": f"s{index}", "name": f"School {index}", "level": "vo" if vo else "po",
                        "pupils": 20 + (index * 7919) % 900})
    return {
        "code": "grootst",
        "name": "Grootste toegelaten gemeente",
        "inhabitants": [{"date": "2024-01-01", "count": 5_000_000}],
        "branches": [{"id": f"b{i}", "name": f"Vestiging {i}", "size": SIZES[i % 4]} for i in range(args.branches)],
        "schools": schools,
        "childcareLocations": [{"id": f"ko{i}", "name": f"Kinderopvang {i}"} for i in range(args.locations)],
        "consultationBureaus": [{"id": f"cb{i}", "name": f"Consultatiebureau {i}"} for i in range(args.locations)],
    }


def offer(args, book, has_po, has_vo):
    """An offer with a line for every service, on every subject it can take."""
    lines = []
    for service in book["services"]:
        code = service["code"]
        if code in ("dbos-po", "thuislezen") and not has_po:
            continue
        if code in ("dbos-vo", "leskist-vo", "cultuureducatie-vo") and not has_vo:
            continue
        line = {"service": code}
        extra = {
            "llo-pakket-1": {"participantsPerActivity": 15},
            "llo-pakket-2": {"package": "groot"},
            "makersplaats": {"activities": 40, "participantsPerActivity": 12},
            "boekstartcoach": {"hoursPerWeek": 4},
            "boekstart-pluspakket": {"hoursPerWeek": 2},
            "maatwerk": {"level": "hbo", "hours": 40, "description": "Leesplan"},
        }.get(code, {})
        line.update(extra)
        quotes = [c for c in service.get("components", []) if c.get("basis") == "custom-quote"]
        if quotes:
            line["quote"] = {"component": quotes[0]["code"], "amount": "7500.00", "recurrence": "annual",
                             "description": "Offerte"}
        lines.append(line)
    return {"municipality": "grootst", "firstYear": args.first_year, "years": args.years, "lines": lines}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="out/largest")
    parser.add_argument("--schools", type=int, default=1_000)
    parser.add_argument("--locations", type=int, default=2_000,
                        help="childcare locations, and as many consultation bureaus")
    parser.add_argument("--branches", type=int, default=1_000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--first-year", type=int, default=2026)
    parser.add_argument("--vo-every", type=int, default=0)
    parser.add_argument("--book", default="tariffs/2025.json")
    args = parser.parse_args()
    with open(args.book, encoding="utf-8") as file:
        book = json.load(file)
    made = profile(args)
    has_po = any(s["level"] == "po" for s in made["schools"])
    has_vo = any(s["level"] == "vo" for s in made["schools"])
    os.makedirs(args.out, exist_ok=True)
    for name, value in (("largest.json", made), ("largest.offer.json", offer(args, book, has_po, has_vo))):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as file:
            json.dump(value, file, ensure_ascii=False)
            file.write("\n")
    print(f"wrote {args.out}/largest.json and {args.out}/largest.offer.json", file=sys.stderr)


if __name__ == "__main__":
    main()
