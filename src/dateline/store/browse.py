"""Paged listings over the whole corpus: articles, entities, stories, places, quotes, claims.

:mod:`dateline.store.query` answers questions (search, a profile, a story);
this module lists what the store holds, a page at a time, for clients that
browse it (the REST API, a map of places).  Every function takes an open
store connection and returns a :class:`Listing`: the page's items, the total
when counting is cheap (one indexed ``count``), and the limit and offset
asked for.  Quotes and claims live inside each article's stored Analysis, so
their listings read articles newest first until the page is full and give no
total.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from dateline.store.conditions import (
    TOTAL_CAP,
    WORD,
    article_conditions,
    country_code,
    date_bound,
    find_entities,
    match_expression,
    where_clause,
)
from dateline.store.db import decode_analysis
from dateline.store.records import ARTICLE_REF_COLUMNS, ArticleRef, article_ref

T = TypeVar("T")
#: Articles decoded per round trip while scanning for quotes or claims.
SCAN_BATCH = 64


class Listing(BaseModel, Generic[T]):
    """One page of a listing: ``items[offset : offset + limit]`` of the whole."""

    model_config = ConfigDict(extra="forbid")

    items: list[T]
    total: int | None = Field(None, description="Items in the whole listing. Search, the timeline and "
                              f"events count at most {TOTAL_CAP:,}: past that, total is {TOTAL_CAP:,} "
                              "and total_capped is true. Null for quotes and claims when the page is "
                              "full (counting them reads every stored article).")
    total_capped: bool = Field(default=False, description=f"True when more than {TOTAL_CAP:,} items "
                               "match: total is then a lower bound. Ranked pages stop at the same depth, "
                               "so every page a client can ask for lies within total.")
    limit: int
    offset: int


class Summary(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EntitySummary(Summary):
    """A canonical entity of the corpus, with how much it is named."""

    id: int
    name: str
    type: str
    country: str | None = None
    mention_count: int
    article_count: int


class StorySummary(Summary):
    """A story (articles about one happening) without its members."""

    id: int
    title: str | None = None
    first_date: str | None = None
    last_date: str | None = None
    article_count: int
    source_count: int = Field(description="Independent sources: reprints count once.")


class PlaceSummary(Summary):
    """A resolved place aggregated over the corpus, for a map."""

    name: str
    geonames_id: int | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    articles: int = Field(description="Articles naming the place.")
    mentions: int = Field(description="Times the place is named, over all articles.")
    events: int | None = Field(None, description="Events placed there; null if the store keeps no events.")


class QuoteItem(Summary):
    """A quote of one stored article, with its speaker."""

    article_id: str
    quote_id: str
    date: str | None = None
    kind: str
    speaker: str | None = None
    unnamed: bool = False
    verb: str | None = None
    text: str
    certainty: str | None = None


class ClaimItem(Summary):
    """A claim of one stored article: a proposition, its source and certainty."""

    article_id: str
    claim_id: str
    date: str | None = None
    text: str
    certainty: str
    source: str | None = Field(None, description="Whose claim it is; null for the article's own.")
    proposition: str
    linked: list[str] = Field(default_factory=list)


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its own ``%`` and ``_`` taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_articles(db: sqlite3.Connection, *, limit: int = 50, offset: int = 0, source: str | None = None,
                  story: int | None = None, since: str | date | None = None,
                  until: str | date | None = None) -> Listing[ArticleRef]:
    """Stored articles, newest first (undated last), optionally of one source, story or period."""
    where, args = article_conditions(db, since=since, until=until, source=source, story=story,
                                     option_prefix="")
    total = int(db.execute(f"SELECT count(*) FROM articles a{where_clause(where)}", args).fetchone()[0])
    rows = db.execute(
        f"SELECT {ARTICLE_REF_COLUMNS} FROM articles a "
        f"LEFT JOIN articles r ON r.pk = a.reprint_of{where_clause(where)} "
        f"ORDER BY a.date IS NULL, a.date DESC, a.pk DESC LIMIT ? OFFSET ?", (*args, limit, offset)).fetchall()
    items = [article_ref(row) for row in rows]
    return Listing[ArticleRef](items=items, total=total, limit=limit, offset=offset)


def list_entities(db: sqlite3.Connection, *, q: str | None = None, type: str | None = None,
                  limit: int = 50, offset: int = 0) -> Listing[EntitySummary]:
    """Canonical entities whose name or an alias contains ``q``, most mentioned first."""
    where: list[str] = []
    args: list[Any] = []
    if q and q.strip():
        pattern = _like(q.strip().lower())
        where.append("(lower(e.name) LIKE ? ESCAPE '\\' OR e.id IN "
                     "(SELECT entity_id FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\'))")
        args.extend([pattern, pattern])
    if type:
        where.append("e.type = ?")
        args.append(type.strip().upper())
    total = int(db.execute(f"SELECT count(*) FROM entities e{where_clause(where)}", args).fetchone()[0])
    rows = db.execute(
        f"SELECT e.id, e.name, e.type, e.country, e.mention_count, e.article_count FROM entities e"
        f"{where_clause(where)} ORDER BY e.mention_count DESC, e.id LIMIT ? OFFSET ?", (*args, limit, offset))
    items = [EntitySummary(id=r[0], name=r[1], type=r[2], country=r[3], mention_count=r[4],
                           article_count=r[5]) for r in rows]
    return Listing[EntitySummary](items=items, total=total, limit=limit, offset=offset)


def list_stories(db: sqlite3.Connection, *, limit: int = 50, offset: int = 0,
                 since: str | date | None = None, until: str | date | None = None,
                 min_articles: int = 1) -> Listing[StorySummary]:
    """Stories, latest activity first, optionally those active in a period or with enough articles."""
    where = ["s.article_count >= ?"]
    args: list[Any] = [min_articles]
    low, high = date_bound(since, "since"), date_bound(until, "until")
    if low:
        where.append("coalesce(s.last_date, s.first_date) >= ?")
        args.append(low)
    if high:
        where.append("s.first_date <= ?")
        args.append(high)
    total = int(db.execute(f"SELECT count(*) FROM stories s{where_clause(where)}", args).fetchone()[0])
    rows = db.execute(
        f"SELECT s.id, s.title, s.first_date, s.last_date, s.article_count, s.source_count FROM stories s"
        f"{where_clause(where)} ORDER BY s.last_date IS NULL, s.last_date DESC, s.id DESC LIMIT ? OFFSET ?",
        (*args, limit, offset))
    items = [StorySummary(id=r[0], title=r[1], first_date=r[2], last_date=r[3], article_count=r[4],
                          source_count=r[5]) for r in rows]
    return Listing[StorySummary](items=items, total=total, limit=limit, offset=offset)


def _event_places(db: sqlite3.Connection) -> dict[int, int] | None:
    """Events per GeoNames id, if the store keeps events with a place column; else None."""
    columns = {r[1] for r in db.execute("PRAGMA table_info(events)")}
    column = next((c for c in ("geonames_id", "place_geonames_id") if c in columns), None)
    if column is None:
        return None
    rows = db.execute(f"SELECT {column}, count(*) FROM events WHERE {column} IS NOT NULL GROUP BY 1")
    return {int(gid): int(n) for gid, n in rows}


def list_places(db: sqlite3.Connection, *, country: str | None = None, q: str | None = None,
                focus: bool = False, mapped: bool = False, limit: int = 50,
                offset: int = 0) -> Listing[PlaceSummary]:
    """Places named in the corpus, one row per GeoNames id (else per name), most named first.

    ``focus`` keeps only the places articles are about; ``mapped`` only those
    with coordinates.
    """
    where: list[str] = []
    args: list[Any] = []
    if country:
        where.append("country_code = ?")
        args.append(country_code(country))
    if q and q.strip():
        where.append("name LIKE ? ESCAPE '\\'")
        args.append(_like(q.strip()))
    if focus:
        where.append("focus = 1")
    if mapped:
        where.append("latitude IS NOT NULL AND longitude IS NOT NULL")
    group = "coalesce(CAST(geonames_id AS TEXT), 'name:' || lower(name))"
    total = int(db.execute(f"SELECT count(DISTINCT {group}) FROM article_places{where_clause(where)}",
                           args).fetchone()[0])
    rows = db.execute(
        f"SELECT min(name), geonames_id, min(country_code), min(admin1), min(feature_code), avg(latitude), "
        f"avg(longitude), count(DISTINCT article_pk) AS n, sum(mention_count) FROM article_places"
        f"{where_clause(where)} GROUP BY {group} ORDER BY n DESC, min(name), geonames_id LIMIT ? OFFSET ?",
        (*args, limit, offset)).fetchall()
    events = _event_places(db)
    items = [PlaceSummary(name=r[0], geonames_id=r[1], country_code=r[2], admin1=r[3], feature_code=r[4],
                          latitude=r[5], longitude=r[6], articles=r[7], mentions=r[8],
                          events=None if events is None else events.get(r[1], 0) if r[1] is not None else 0)
             for r in rows]
    return Listing[PlaceSummary](items=items, total=total, limit=limit, offset=offset)


def _scan(db: sqlite3.Connection, where: list[str], args: list[Any]) -> Iterator[tuple[str, str | None,
                                                                                   dict[str, Any]]]:
    """(id, date, analysis) of the articles passing ``where``, newest first, decoded a batch at a time."""
    ids = [r[0] for r in db.execute(
        f"SELECT a.pk FROM articles a{where_clause(where)} ORDER BY a.date IS NULL, a.date DESC, a.pk DESC", args)]
    for start in range(0, len(ids), SCAN_BATCH):
        chunk = ids[start : start + SCAN_BATCH]
        marks = ",".join("?" * len(chunk))
        rows = {r[0]: r[1:] for r in db.execute(
            f"SELECT pk, id, date, analysis FROM articles WHERE pk IN ({marks})", chunk)}
        for pk in chunk:
            if pk in rows:
                aid, day, blob = rows[pk]
                yield aid, day, decode_analysis(blob)


def _narrow(db: sqlite3.Connection, article: str | None, person: str | None, q: str | None,
            since: str | date | None, until: str | date | None) -> tuple[list[str], list[Any]]:
    """Conditions on articles that may hold the quotes or claims asked for (indexes only)."""
    where, args = article_conditions(db, since=since, until=until, option_prefix="")
    if article:
        where.append("a.id = ?")
        args.append(article)
    if person and person.strip():
        ids = find_entities(db, person)
        if ids:
            marks = ",".join("?" * len(ids))
            where.append(f"a.pk IN (SELECT article_pk FROM article_entities WHERE entity_id IN ({marks}))")
            args.extend(ids)
    expression = match_expression(q or "")
    if expression:
        where.append("a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(expression)
    return where, args


def _contains(haystack: str | None, needle: str | None) -> bool:
    return not needle or (haystack is not None and needle.strip().lower() in haystack.lower())


def list_quotes(db: sqlite3.Connection, *, article: str | None = None, speaker: str | None = None,
                q: str | None = None, certainty: str | None = None, since: str | date | None = None,
                until: str | date | None = None, limit: int = 50, offset: int = 0) -> Listing[QuoteItem]:
    """Quotes across the corpus, newest articles first, in text order within an article.

    ``speaker`` matches the speaker's name (a part of it); ``q`` every word in
    the quote's article and the words in the quote; ``certainty`` exactly.
    """
    def item(aid: str, day: str | None, quote: dict[str, Any], who: dict[str, Any], text: str) -> QuoteItem:
        return QuoteItem(article_id=aid, quote_id=quote["id"], date=day, kind=quote["kind"],
                         speaker=who.get("name"), unnamed=bool(who.get("unnamed")),
                         verb=quote.get("verb"), text=text, certainty=quote.get("certainty"))

    return _list_attributed(db, "quotes", "speaker", item, article=article, who=speaker, q=q,
                            certainty=certainty, since=since, until=until, limit=limit, offset=offset)


def list_claims(db: sqlite3.Connection, *, article: str | None = None, source: str | None = None,
                q: str | None = None, certainty: str | None = None, since: str | date | None = None,
                until: str | date | None = None, limit: int = 50, offset: int = 0) -> Listing[ClaimItem]:
    """Claims across the corpus, newest articles first; filters as :func:`list_quotes`."""
    def item(aid: str, day: str | None, claim: dict[str, Any], who: dict[str, Any], text: str) -> ClaimItem:
        return ClaimItem(article_id=aid, claim_id=claim["id"], date=day, text=text,
                         certainty=claim["certainty"], source=who.get("name"),
                         proposition=claim.get("proposition", ""), linked=claim.get("linked") or [])

    return _list_attributed(db, "claims", "source", item, article=article, who=source, q=q,
                            certainty=certainty, since=since, until=until, limit=limit, offset=offset)


def _list_attributed(db: sqlite3.Connection, layer: str, holder: str,
                     item: Callable[[str, str | None, dict[str, Any], dict[str, Any], str], T], *,
                     article: str | None, who: str | None, q: str | None, certainty: str | None,
                     since: str | date | None, until: str | date | None, limit: int,
                     offset: int) -> Listing[T]:
    """One page of a stored layer's records (``quotes`` or ``claims``), scanning articles newest
    first and keeping those whose ``holder`` name, certainty and words match."""
    where, args = _narrow(db, article, who, q, since, until)
    words = [w.lower() for w in WORD.findall(q or "")]
    items: list[T] = []
    skipped = 0
    for aid, day, data in _scan(db, where, args):
        for record in data.get(layer) or []:
            person = record.get(holder) or {}
            text = (record.get("content") or {}).get("text", "")
            if not _contains(person.get("name"), who) or (certainty and record.get("certainty") != certainty):
                continue
            if words and not all(w in text.lower() for w in words):
                continue
            if skipped < offset:
                skipped += 1
                continue
            items.append(item(aid, day, record, person, text))
            if len(items) >= limit:
                return Listing[T](items=items, total=None, limit=limit, offset=offset)
    return Listing[T](items=items, total=skipped + len(items), limit=limit, offset=offset)
