"""Read-only lookups in the embedded gazetteer (see :mod:`dateline.places.build`).

One SQLite connection per process, opened read-only, queries cached.  When the
file is missing it is built on first use (about 10 s, once), with a message on
stderr, so tests and CI need no manual step.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dateline.errors import ModelError
from dateline.places.build import KIND_ABBREVIATION, build, default_path, gazetteer_version
from dateline.places.names import STOP_ALIASES, key_variants, name_key

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place as matched by one name."""

    place: int  # row id in the gazetteer
    geonames_id: int | None
    name: str
    fclass: str
    fcode: str
    cc: str | None
    admin1: str | None  # GeoNames admin1 key, e.g. "US.TX"
    lat: float
    lon: float
    population: int
    kind: int  # how the name matched: 0 own name, 1 alternate name, 2 abbreviation

    @property
    def is_country(self) -> bool:
        return self.fcode.startswith("PCL")

    @property
    def is_admin1(self) -> bool:
        return self.fcode == "ADM1"

    @property
    def is_postal_town(self) -> bool:
        """A US town known only from the ZIP code list (:mod:`dateline.places.us_postal`)."""
        return self.geonames_id is None and self.fclass == "P"


_COLUMNS = "p.id, p.geonames_id, p.name, p.fclass, p.fcode, p.cc, p.admin1, p.lat, p.lon, p.population"


class Gazetteer:
    """Name -> candidate places, from one SQLite file."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else default_path()
        if not self.path.exists():
            print(f"dateline: building the place gazetteer at {self.path} (first use, ~10 s)...",
                  file=sys.stderr, flush=True)
            try:
                report = build(self.path)
            except Exception as exc:  # pragma: no cover - depends on the install
                raise ModelError(
                    f"could not build the place gazetteer at {self.path}: {exc}; "
                    "run: python -m dateline.places.build"
                ) from exc
            print(f"dateline: gazetteer ready ({int(report['bytes']) / 1e6:.0f} MB).",
                  file=sys.stderr, flush=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self.admin1_names: dict[str, str] = dict(self._conn.execute("SELECT code, name FROM admin1"))
        self.meta: dict[str, str] = dict(self._conn.execute("SELECT key, value FROM meta"))
        self._countries: dict[str, Entry] = {}
        for row in self._conn.execute(
            f"SELECT {_COLUMNS}, 0 FROM place p WHERE p.fcode = 'PCLI' ORDER BY p.population"
        ):
            entry = Entry(*row)
            if entry.cc:
                self._countries[entry.cc] = entry
        self._admin1: dict[str, Entry] = {}
        for row in self._conn.execute(f"SELECT {_COLUMNS}, 0 FROM place p WHERE p.fcode = 'ADM1'"):
            entry = Entry(*row)
            if entry.admin1:
                self._admin1.setdefault(entry.admin1, entry)
        self.lookup_key = lru_cache(maxsize=65536)(self._lookup_key)

    def close(self) -> None:
        self._conn.close()

    def _lookup_key(self, key: str) -> tuple[Entry, ...]:
        if not key:
            return ()
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_COLUMNS}, a.kind FROM alias a JOIN place p ON p.id = a.place "
                "WHERE a.key = ? ORDER BY a.kind, p.population DESC LIMIT 200",
                (key,),
            ).fetchall()
        entries = tuple(Entry(*row) for row in rows)
        if key in STOP_ALIASES:
            # Only a curated abbreviation may share a stop word's key ("US" / "us").
            entries = tuple(e for e in entries if e.kind == KIND_ABBREVIATION)
        return entries

    def lookup(self, name: str, written: str | None = None) -> tuple[Entry, ...]:
        """Candidate places for a name, best-matching key first.

        ``written`` is the name as it appears in the text: case-sensitive
        abbreviations (``US``, ``W.Va.``) match only when it has capitals or
        periods, so the pronoun ``us`` never becomes the United States.
        """
        written = name if written is None else written
        for key in key_variants(name_key(name)):
            found = self.lookup_key(key)
            if not found:
                continue
            allowed = tuple(
                e for e in found
                if e.kind != KIND_ABBREVIATION or written != written.lower() or "." in written
            )
            if allowed:
                return allowed
        return ()

    def country(self, cc: str | None) -> Entry | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        return self._countries.get(cc.upper()) if cc else None

    def admin1(self, code: str | None) -> Entry | None:
        """The first-level division for a GeoNames admin1 key (``US.TX``)."""
        return self._admin1.get(code) if code else None

    def admin1_name(self, code: str | None) -> str | None:
        return self.admin1_names.get(code) if code else None

    def by_geonames_id(self, geonames_id: int) -> Entry | None:
        with self._lock:
            row = self._conn.execute(
                f"SELECT {_COLUMNS}, 0 FROM place p WHERE p.geonames_id = ? LIMIT 1", (geonames_id,)
            ).fetchone()
        return Entry(*row) if row else None


_instance: Gazetteer | None = None
_instance_lock = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, opened (or built) on first use."""
    global _instance
    with _instance_lock:
        if _instance is None or not _instance.path.exists():
            _instance = Gazetteer()
        return _instance


def version() -> str:
    return gazetteer_version()
