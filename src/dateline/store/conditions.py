"""SQL conditions for the filters every corpus question shares.

Search, the timeline, the paged listings and the exports all narrow articles
by the same filters (an entity, a place, a country, a period, an event type,
a story, a source).  They are built here, once, from the user's values, which
are checked on the way: a bad date, country code or event type raises a
:class:`~dateline.errors.ConfigError` naming the option as the caller spells
it (``--since`` on the command line, ``since`` in the REST API).

Each builder returns ``(conditions, arguments)``: SQL fragments on the
``articles a`` alias joined with ``AND``, and their parameters in order.
A page and its total are then cut from the same conditions: the page with
``ORDER BY ... LIMIT``, the total with :func:`capped_count`.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from typing import Any, NamedTuple

from dateline.config import MAX_RANKED_RESULTS
from dateline.errors import BAD_VALUE, ConfigError, DatelineError
from dateline.ingest import parse_date
from dateline.schema import EventType
from dateline.store.resolve import curated_aliases, key

EVENT_TYPES = tuple(t.value for t in EventType)
WORD = re.compile(r"\w+", re.UNICODE)
#: Most rows a total counts.  Ranked pages stop at the same depth, so a capped
#: total still reaches past every page a caller can ask for, and a word found in
#: most of a large store costs at most this many rows to count.
TOTAL_CAP = MAX_RANKED_RESULTS


class Total(NamedTuple):
    """How many items a whole listing holds: ``value``, or more than that when ``capped``."""

    value: int
    capped: bool


def match_expression(query: str) -> str:
    """Every word of the query, each quoted so FTS5 syntax in user input is inert."""
    return " ".join(f'"{t}"' for t in WORD.findall(query))


def date_bound(value: str | date | None, option: str) -> str | None:
    """``value`` as an ISO day, or None when empty; ``option`` names it in the error."""
    if value is None or value == "":
        return None
    try:
        parsed = parse_date(value, where=option)
    except DatelineError as error:
        error.kind = BAD_VALUE
        raise
    return parsed.isoformat() if parsed else None


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 code as the user wrote it (any case), checked for shape."""
    code = str(value).strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise ConfigError(f"country must be an ISO 3166-1 alpha-2 code such as IQ, got '{value}'")
    return code


def event_type_value(value: str) -> str:
    """A PLOVER category as the user wrote it (any case), checked against the catalogue."""
    kind = str(value).strip().upper()
    if kind not in EVENT_TYPES:
        raise ConfigError(f"event type must be a PLOVER category ({', '.join(EVENT_TYPES)}), got '{value}'",
                          kind=BAD_VALUE)
    return kind


def find_entities(db: sqlite3.Connection, name: str) -> list[int]:
    """Canonical entities a user means by ``name`` (``#12`` is an id), best first."""
    name = name.strip()
    if re.fullmatch(r"#\d+", name):
        row = db.execute("SELECT id FROM entities WHERE id = ?", (int(name[1:]),)).fetchone()
        return [int(row[0])] if row else []
    k = key(name)
    keys = {k, curated_aliases().get(k, k)}
    marks = ",".join("?" * len(keys))
    rows = db.execute(
        f"SELECT DISTINCT e.id FROM entity_keys k JOIN entities e ON e.id = k.entity_id "
        f"WHERE k.key IN ({marks}) ORDER BY e.mention_count DESC, e.id", tuple(sorted(keys))).fetchall()
    if not rows:
        rows = db.execute("SELECT DISTINCT entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
                          "WHERE a.alias = ? ORDER BY e.mention_count DESC, e.id", (k,)).fetchall()
    return [int(r[0]) for r in rows]


def article_conditions(db: sqlite3.Connection, *, entity: str | None = None, place: str | None = None,
                       country: str | None = None, since: str | date | None = None,
                       until: str | date | None = None, event_type: str | None = None,
                       story: int | None = None, source: str | None = None,
                       option_prefix: str = "--") -> tuple[list[str], list[Any]]:
    """Conditions on ``articles a`` for the filters given; None or empty means no condition.

    ``entity`` is the best canonical match of the name (an unknown name
    matches nothing); ``place`` a place name or GeoNames id named in the
    article; ``country`` a country any of its places lies in; ``since`` and
    ``until`` bound the article's date; ``event_type`` keeps articles
    reporting an event of that PLOVER category.
    """
    where: list[str] = []
    args: list[Any] = []
    if event_type:
        kind = event_type_value(event_type)
        where.append("a.pk IN (SELECT m.article_pk FROM event_mentions m WHERE m.type = ? "
                     "UNION SELECT m.article_pk FROM events e JOIN event_mentions m ON m.event_id = e.id "
                     "WHERE e.type = ?)")
        args.extend([kind, kind])
    if entity:
        ids = find_entities(db, entity)
        if ids:
            where.append("a.pk IN (SELECT article_pk FROM article_entities WHERE entity_id = ?)")
            args.append(ids[0])
        else:
            where.append("0")
    if place:
        text = place.strip()
        if text.isdigit():
            where.append("a.pk IN (SELECT article_pk FROM article_places WHERE geonames_id = ?)")
            args.append(int(text))
        else:
            where.append("a.pk IN (SELECT article_pk FROM article_places WHERE name = ? COLLATE NOCASE)")
            args.append(text)
    if country:
        where.append("a.pk IN (SELECT article_pk FROM article_places WHERE country_code = ?)")
        args.append(country_code(country))
    low, high = date_bound(since, f"{option_prefix}since"), date_bound(until, f"{option_prefix}until")
    if low:
        where.append("a.date >= ?")
        args.append(low)
    if high:
        where.append("a.date <= ?")
        args.append(high)
    if source:
        where.append("a.source = ? COLLATE NOCASE")
        args.append(source.strip())
    if story is not None:
        where.append("a.story_id = ?")
        args.append(story)
    return where, args


def where_clause(conditions: list[str]) -> str:
    """`` WHERE c1 AND c2 ...``, or nothing without conditions."""
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def capped_count(db: sqlite3.Connection, select: str, args: list[Any] | tuple[Any, ...],
                 cap: int = TOTAL_CAP) -> Total:
    """Rows ``select`` returns, counted up to ``cap``: SQLite stops reading at ``cap + 1`` rows.

    ``select`` is the page's own query without its ORDER BY and LIMIT, so the
    total and the page cannot disagree on what matches.
    """
    found = int(db.execute(f"SELECT count(*) FROM ({select} LIMIT ?)", (*args, cap + 1)).fetchone()[0])
    return Total(min(found, cap), found > cap)
