"""Questions across the corpus: search, entity profiles, stories, the timeline.

Every function takes an open store connection and returns typed records
(:mod:`dateline.store.records`); the CLI and the Python API print or export
the same records.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from datetime import date
from typing import Any

from dateline.errors import BAD_OPTION, BAD_VALUE, NOT_FOUND, ConfigError, DatelineError, StoreError
from dateline.ingest import parse_date
from dateline.store.db import decode_analysis
from dateline.store.records import (
    ArticleRef,
    EntityProfile,
    EntityRef,
    PlaceRef,
    QuoteRef,
    SearchHit,
    StoryView,
    TimelineEntry,
)
from dateline.store.resolve import key

DEFAULT_LIMIT = 20
SNIPPET_CHARS = 90
#: Articles whose quotes an entity profile reads (the latest ones).
QUOTE_ARTICLES = 20
#: Places listed per story in a timeline entry (the most named).
TIMELINE_PLACES = 5
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _date(value: str | date | None, option: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        parsed = parse_date(value, where=option)
    except DatelineError as error:
        error.kind = BAD_VALUE
        raise
    return parsed.isoformat() if parsed else None


def find_entities(db: sqlite3.Connection, name: str) -> list[int]:
    """Canonical entities a user means by ``name`` (``#12`` is an id), best first."""
    name = name.strip()
    if re.fullmatch(r"#\d+", name):
        row = db.execute("SELECT id FROM entities WHERE id = ?", (int(name[1:]),)).fetchone()
        return [int(row[0])] if row else []
    k = key(name)
    from dateline.store.resolve import curated_aliases

    keys = {k, curated_aliases().get(k, k)}
    marks = ",".join("?" * len(keys))
    rows = db.execute(
        f"SELECT DISTINCT e.id FROM entity_keys k JOIN entities e ON e.id = k.entity_id "
        f"WHERE k.key IN ({marks}) ORDER BY e.mention_count DESC, e.id", tuple(sorted(keys))).fetchall()
    if not rows:
        rows = db.execute("SELECT DISTINCT entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
                          "WHERE a.alias = ? ORDER BY e.mention_count DESC, e.id", (k,)).fetchall()
    return [int(r[0]) for r in rows]


def _filters(db: sqlite3.Connection, entity: str | None, place: str | None, country: str | None,
             since: str | date | None, until: str | date | None, event_type: str | None,
             story: int | None = None) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``articles a`` for the common filters."""
    if event_type:
        raise ConfigError("this store has no events yet (the events layer is not built), "
                          "so --event-type cannot filter; search without it", kind=BAD_OPTION)
    where: list[str] = []
    args: list[Any] = []
    if entity:
        ids = find_entities(db, entity)
        if not ids:
            where.append("0")
        else:
            where.append(f"a.pk IN (SELECT article_pk FROM article_entities WHERE entity_id IN "
                         f"({','.join('?' * len(ids[:1]))}))")
            args.extend(ids[:1])
    if place:
        if place.strip().isdigit():
            where.append("a.pk IN (SELECT article_pk FROM article_places WHERE geonames_id = ?)")
            args.append(int(place))
        else:
            where.append("a.pk IN (SELECT article_pk FROM article_places WHERE name = ? COLLATE NOCASE)")
            args.append(place.strip())
    if country:
        code = country.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise ConfigError(f"country must be an ISO 3166-1 alpha-2 code such as IQ, got '{country}'")
        where.append("a.pk IN (SELECT article_pk FROM article_places WHERE country_code = ?)")
        args.append(code)
    low, high = _date(since, "--since"), _date(until, "--until")
    if low:
        where.append("a.date >= ?")
        args.append(low)
    if high:
        where.append("a.date <= ?")
        args.append(high)
    if story is not None:
        where.append("a.story_id = ?")
        args.append(story)
    return where, args


def _match_expression(query: str) -> str:
    """Every word of the query, each quoted so FTS5 syntax in user input is inert."""
    return " ".join(f'"{t}"' for t in _TOKEN.findall(query))


def _places(db: sqlite3.Connection, pks: list[int], focus_only: bool = True) -> dict[int, list[PlaceRef]]:
    out: dict[int, list[PlaceRef]] = defaultdict(list)
    if not pks:
        return out
    marks = ",".join("?" * len(pks))
    focus = "AND focus = 1" if focus_only else ""
    rows = db.execute(
        f"SELECT article_pk, name, geonames_id, country_code, latitude, longitude FROM article_places "
        f"WHERE article_pk IN ({marks}) {focus} ORDER BY article_pk, local_id", pks).fetchall()
    for pk, name, gid, cc, lat, lon in rows:
        out[pk].append(PlaceRef(name=name, geonames_id=gid, country_code=cc, latitude=lat, longitude=lon))
    return out


def _snippet(text: str, words: list[str]) -> str:
    lowered = text.lower()
    positions = [lowered.find(w.lower()) for w in words]
    positions = [p for p in positions if p >= 0]
    start = max(0, min(positions) - SNIPPET_CHARS // 2) if positions else 0
    piece = " ".join(text[start : start + 2 * SNIPPET_CHARS].split())
    return ("…" if start else "") + piece + ("…" if start + 2 * SNIPPET_CHARS < len(text) else "")


def search(db: sqlite3.Connection, query: str = "", *, entity: str | None = None, place: str | None = None,
           country: str | None = None, since: str | date | None = None, until: str | date | None = None,
           event_type: str | None = None, story: int | None = None,
           limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Articles matching every word of ``query`` (BM25 order), narrowed by the filters.

    With an empty query the filters alone select, newest first.
    """
    where, args = _filters(db, entity, place, country, since, until, event_type, story)
    expression = _match_expression(query or "")
    if expression:
        sql = ("SELECT a.pk, a.id, a.title, a.source, a.date, a.story_id, -bm25(articles_fts), a.analysis "
               "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid WHERE articles_fts MATCH ?")
        params: list[Any] = [expression, *args]
        sql += "".join(f" AND {w}" for w in where) + " ORDER BY bm25(articles_fts), a.pk LIMIT ?"
    else:
        sql = "SELECT a.pk, a.id, a.title, a.source, a.date, a.story_id, 0.0, a.analysis FROM articles a"
        params = list(args)
        sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.date DESC, a.pk LIMIT ?"
    params.append(limit)
    try:
        rows = db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        raise ConfigError(f"cannot search for {query!r}: {exc}", kind=BAD_VALUE) from exc
    places = _places(db, [r[0] for r in rows])
    words = _TOKEN.findall(query or "")
    hits = []
    for pk, aid, title, source, day, story_id, score, blob in rows:
        text = decode_analysis(blob)["text"]
        hits.append(SearchHit(id=aid, title=title, source=source, date=day, story_id=story_id,
                              score=round(float(score), 4), snippet=_snippet(text, words),
                              places=places.get(pk, [])))
    return hits


def _article_refs(db: sqlite3.Connection, condition: str, args: tuple[Any, ...],
                  limit: int | None = None) -> list[ArticleRef]:
    sql = (f"SELECT a.id, a.title, a.source, a.date, a.story_id, r.id FROM articles a "
           f"LEFT JOIN articles r ON r.pk = a.reprint_of WHERE {condition} ORDER BY a.date, a.pk")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [ArticleRef(id=r[0], title=r[1], source=r[2], date=r[3], story_id=r[4], reprint_of=r[5])
            for r in db.execute(sql, args).fetchall()]


def entity(db: sqlite3.Connection, name: str, *, limit: int = 50) -> EntityProfile:
    """Profile of the entity ``name`` means: aliases, articles, stories, quotes by and about it."""
    ids = find_entities(db, name)
    if not ids:
        raise StoreError(f"no entity named '{name}' in the store; try 'dateline search' to find "
                         "how it is written", kind=NOT_FOUND)
    eid = ids[0]
    row = db.execute("SELECT id, name, type, country, mention_count, article_count FROM entities WHERE id = ?",
                     (eid,)).fetchone()
    aliases = [(a, int(c)) for a, c in db.execute(
        "SELECT alias, mention_count FROM entity_aliases WHERE entity_id = ? "
        "ORDER BY mention_count DESC, alias", (eid,)).fetchall()]
    articles = _article_refs(db, "a.pk IN (SELECT article_pk FROM article_entities WHERE entity_id = ?)",
                             (eid,), limit)
    stories = [int(r[0]) for r in db.execute(
        "SELECT a.story_id FROM article_entities ae JOIN articles a ON a.pk = ae.article_pk "
        "WHERE ae.entity_id = ? GROUP BY a.story_id ORDER BY min(a.date), a.story_id", (eid,)).fetchall()]
    quotes_by, quotes_about = _quotes(db, eid, limit)
    pks = [r[0] for r in db.execute("SELECT article_pk FROM article_entities WHERE entity_id = ? LIMIT ?",
                                    (eid, limit)).fetchall()]
    return EntityProfile(id=row[0], name=row[1], type=row[2], country=row[3], mention_count=row[4],
                         article_count=row[5], aliases=aliases, articles=articles, stories=stories,
                         quotes_by=quotes_by, quotes_about=quotes_about,
                         places=_merge_places(_places(db, pks)))


def _quotes(db: sqlite3.Connection, eid: int, limit: int) -> tuple[list[QuoteRef], list[QuoteRef]]:
    """Quotes whose speaker is the entity, and quotes whose content names it (quotes layer)."""
    by: list[QuoteRef] = []
    about: list[QuoteRef] = []
    # The latest articles naming the entity, chosen on the index before any record is read.
    picked = db.execute("SELECT ae.article_pk, group_concat(ae.local_id) FROM article_entities ae "
                        "WHERE ae.entity_id = ? GROUP BY ae.article_pk ORDER BY ae.article_pk DESC LIMIT ?",
                        (eid, min(limit, QUOTE_ARTICLES))).fetchall()
    for pk, locals_ in sorted(picked):
        aid, blob = db.execute("SELECT id, analysis FROM articles WHERE pk = ?", (pk,)).fetchone()
        data = decode_analysis(blob)
        quotes = data.get("quotes") or []
        if not quotes:
            continue
        local = set(locals_.split(","))
        spans = [(m["span"]["start"], m["span"]["end"]) for e in data.get("entities", [])
                 if e["id"] in local for m in e["mentions"]]
        for quote in quotes:
            speaker = quote.get("speaker") or {}
            content = quote.get("content") or {}
            ref = QuoteRef(article_id=aid, speaker=speaker.get("name"), text=content.get("text", ""),
                           certainty=quote.get("certainty"))
            if speaker.get("entity_id") in local:
                by.append(ref)
            elif any(content.get("start", 0) <= s and e <= content.get("end", 0) for s, e in spans):
                about.append(ref)
    return by, about


def _merge_places(places: dict[int, list[PlaceRef]]) -> list[PlaceRef]:
    merged: dict[tuple[str, int | None], PlaceRef] = {}
    counts: Counter[tuple[str, int | None]] = Counter()
    for refs in places.values():
        for ref in refs:
            k = (ref.name, ref.geonames_id)
            merged.setdefault(k, ref)
            counts[k] += 1
    return [merged[k].model_copy(update={"articles": n}) for k, n in counts.most_common()]


def story(db: sqlite3.Connection, story_id: int, *, entities: int = 15) -> StoryView:
    """A story: its articles in date order, independent sources, main entities and places."""
    row = db.execute("SELECT id, title, first_date, last_date, article_count, source_count FROM stories "
                     "WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        raise StoreError(f"no story {story_id} in the store; 'dateline timeline' lists the stories",
                         kind=NOT_FOUND)
    articles = _article_refs(db, "a.story_id = ?", (story_id,))
    sources = [r[0] for r in db.execute(
        "SELECT coalesce(source, id) FROM articles WHERE story_id = ? AND reprint_of IS NULL "
        "GROUP BY source_key ORDER BY min(pk)", (story_id,)).fetchall()]
    ents = [EntityRef(id=r[0], name=r[1], type=r[2], mentions=r[3]) for r in db.execute(
        "SELECT e.id, e.name, e.type, sum(ae.mention_count) AS n FROM article_entities ae "
        "JOIN articles a ON a.pk = ae.article_pk JOIN entities e ON e.id = ae.entity_id "
        "WHERE a.story_id = ? GROUP BY e.id ORDER BY n DESC, e.id LIMIT ?", (story_id, entities)).fetchall()]
    pks = [r[0] for r in db.execute("SELECT pk FROM articles WHERE story_id = ?", (story_id,)).fetchall()]
    return StoryView(id=row[0], title=row[1], first_date=row[2], last_date=row[3], article_count=row[4],
                     source_count=row[5], sources=sources, articles=articles, entities=ents,
                     places=_merge_places(_places(db, pks)))


def timeline(db: sqlite3.Connection, *, entity: str | None = None, place: str | None = None,
             country: str | None = None, since: str | date | None = None, until: str | date | None = None,
             event_type: str | None = None, query: str | None = None,
             limit: int = 100) -> list[TimelineEntry]:
    """Stories in date order (first article's date), those with an article passing the filters."""
    where, args = _filters(db, entity, place, country, since, until, event_type)
    expression = _match_expression(query or "")
    if expression:
        where.append("a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(expression)
    inner = "SELECT a.story_id FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
    rows = db.execute(
        f"SELECT id, title, first_date, last_date, article_count, source_count FROM stories "
        f"WHERE id IN ({inner}) ORDER BY first_date IS NULL, first_date, id LIMIT ?", (*args, limit)).fetchall()
    entries = []
    for sid, title, first, last, count, sources in rows:
        pks = [r[0] for r in db.execute("SELECT pk FROM articles WHERE story_id = ? LIMIT 50", (sid,))]
        entries.append(TimelineEntry(date=first, last_date=last, story_id=sid, title=title,
                                     article_count=count, source_count=sources,
                                     places=_merge_places(_places(db, pks))[:TIMELINE_PLACES]))
    return entries
