"""Questions across the corpus: search, entity profiles, stories, the timeline, events.

Every function takes an open store connection and returns typed records
(:mod:`dateline.store.records`); the CLI and the Python API print or export
the same records.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from dateline.errors import BAD_VALUE, NOT_FOUND, ConfigError, StoreError
from dateline.store.conditions import (
    WORD,
    Total,
    article_conditions,
    capped_count,
    country_code,
    date_bound,
    event_type_value,
    find_entities,
    match_expression,
    where_clause,
)
from dateline.store.db import analysis_text, decode_analysis
from dateline.store.records import (
    ARTICLE_REF_COLUMNS,
    ActorRef,
    ArticleRef,
    EntityProfile,
    EntityRef,
    EventClaim,
    EventMention,
    EventPlaceRef,
    EventRef,
    EventView,
    PlaceRef,
    QuoteRef,
    SearchHit,
    StoryView,
    TimelineEntry,
    article_ref,
)

DEFAULT_LIMIT = 20
SNIPPET_CHARS = 90
#: Articles whose quotes an entity profile reads (the latest ones).
QUOTE_ARTICLES = 20
#: Places listed per story in a timeline entry (the most named).
TIMELINE_PLACES = 5
#: Mentions and claims of each event in a list of events (``event(id)`` gives them all).
LISTED_REPORTS = 20
#: Events listed per story in a timeline entry (the most reported).
TIMELINE_EVENTS = 5


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


def _search_source(db: sqlite3.Connection, query: str, *, entity: str | None = None,
                   place: str | None = None, country: str | None = None, since: str | date | None = None,
                   until: str | date | None = None, event_type: str | None = None,
                   story: int | None = None, rows: bool = True) -> tuple[str, list[Any], bool]:
    """The FROM and WHERE of a search, their arguments, and whether it matches words.

    The page of hits and their total both select from it.  ``rows=False``
    (for counting) leaves out the articles table when no filter needs it:
    every full-text row is a stored article, and reading the articles' rows
    costs ten times more than the match alone.
    """
    where, args = article_conditions(db, entity=entity, place=place, country=country, since=since,
                                     until=until, event_type=event_type, story=story)
    expression = match_expression(query or "")
    if expression and not where and not rows:
        return "FROM articles_fts WHERE articles_fts MATCH ?", [expression], True
    if expression:
        tables = ("FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid"
                  + where_clause(["articles_fts MATCH ?", *where]))
        return tables, [expression, *args], True
    return "FROM articles a" + where_clause(where), list(args), False


@contextmanager
def _search_errors(query: str) -> Iterator[None]:
    """FTS5 refusing a query is the caller's bad value, not a damaged store."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        raise ConfigError(f"cannot search for {query!r}: {exc}", kind=BAD_VALUE) from exc


def search(db: sqlite3.Connection, query: str = "", *, entity: str | None = None, place: str | None = None,
           country: str | None = None, since: str | date | None = None, until: str | date | None = None,
           event_type: str | None = None, story: int | None = None,
           limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Articles matching every word of ``query`` (BM25 order), narrowed by the filters.

    With an empty query the filters alone select, newest first.
    """
    tables, params, ranked = _search_source(db, query, entity=entity, place=place, country=country,
                                            since=since, until=until, event_type=event_type, story=story)
    if ranked:
        # Records are read after the LIMIT: sorting rows that carry them cost most of a search.
        sql = (f"SELECT a.pk, a.id, a.title, a.source, a.date, a.story_id, -bm25(articles_fts) {tables} "
               "ORDER BY bm25(articles_fts), a.pk LIMIT ?")
    else:
        sql = (f"SELECT a.pk, a.id, a.title, a.source, a.date, a.story_id, 0.0 {tables} "
               "ORDER BY a.date DESC, a.pk LIMIT ?")
    with _search_errors(query):
        rows = db.execute(sql, [*params, limit]).fetchall()
    places = _places(db, [r[0] for r in rows])
    blobs = dict(db.execute(f"SELECT pk, analysis FROM articles WHERE pk IN ({','.join('?' * len(rows))})",
                            [r[0] for r in rows]).fetchall()) if rows else {}
    words = WORD.findall(query or "")
    hits = []
    for pk, aid, title, source, day, story_id, score in rows:
        text = analysis_text(blobs[pk])
        hits.append(SearchHit(id=aid, title=title, source=source, date=day, story_id=story_id,
                              score=round(float(score), 4), snippet=_snippet(text, words),
                              places=places.get(pk, [])))
    return hits


def count_search(db: sqlite3.Connection, query: str = "", *, entity: str | None = None,
                 place: str | None = None, country: str | None = None, since: str | date | None = None,
                 until: str | date | None = None, event_type: str | None = None,
                 story: int | None = None) -> Total:
    """How many articles :func:`search` finds for the same arguments, counted up to the cap."""
    tables, params, _ = _search_source(db, query, entity=entity, place=place, country=country, since=since,
                                       until=until, event_type=event_type, story=story, rows=False)
    with _search_errors(query):
        return capped_count(db, f"SELECT 1 {tables}", params)


def _article_refs(db: sqlite3.Connection, condition: str, args: tuple[Any, ...],
                  limit: int | None = None) -> list[ArticleRef]:
    sql = (f"SELECT {ARTICLE_REF_COLUMNS} FROM articles a "
           f"LEFT JOIN articles r ON r.pk = a.reprint_of WHERE {condition} ORDER BY a.date, a.pk")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [article_ref(row) for row in db.execute(sql, args).fetchall()]


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
    acted = _event_refs(db, "e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)", (eid,), limit)
    return EntityProfile(id=row[0], name=row[1], type=row[2], country=row[3], mention_count=row[4],
                         article_count=row[5], aliases=aliases, articles=articles, stories=stories,
                         quotes_by=quotes_by, quotes_about=quotes_about,
                         places=_merge_places(_places(db, pks)), events=acted)


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
                     places=_merge_places(_places(db, pks)),
                     events=_event_refs(db, "e.story_id = ?", (story_id,)))


def _timeline_condition(db: sqlite3.Connection, *, entity: str | None = None, place: str | None = None,
                        country: str | None = None, since: str | date | None = None,
                        until: str | date | None = None, event_type: str | None = None,
                        query: str | None = None) -> tuple[str, list[Any]]:
    """The condition on ``stories`` a timeline selects by, and its arguments.

    A story passes when one of its articles passes the filters and holds every
    word of ``query``; the page of entries and their total both select by it.
    """
    where, args = article_conditions(db, entity=entity, place=place, country=country, since=since,
                                     until=until, event_type=event_type)
    expression = match_expression(query or "")
    if expression:
        where.append("a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(expression)
    return f"id IN (SELECT a.story_id FROM articles a{where_clause(where)})", args


def timeline(db: sqlite3.Connection, *, entity: str | None = None, place: str | None = None,
             country: str | None = None, since: str | date | None = None, until: str | date | None = None,
             event_type: str | None = None, query: str | None = None,
             limit: int = 100) -> list[TimelineEntry]:
    """Stories in date order (first article's date), those with an article passing the filters."""
    condition, args = _timeline_condition(db, entity=entity, place=place, country=country, since=since,
                                          until=until, event_type=event_type, query=query)
    rows = db.execute(
        f"SELECT id, title, first_date, last_date, article_count, source_count FROM stories "
        f"WHERE {condition} ORDER BY first_date IS NULL, first_date, id LIMIT ?", (*args, limit)).fetchall()
    entries = []
    for sid, title, first, last, count, sources in rows:
        pks = [r[0] for r in db.execute("SELECT pk FROM articles WHERE story_id = ? LIMIT 50", (sid,))]
        event_count = db.execute("SELECT count(*) FROM events WHERE story_id = ?", (sid,)).fetchone()[0]
        top = _event_refs(db, "e.story_id = ?", (sid,), TIMELINE_EVENTS,
                          order="e.article_count DESC, e.source_count DESC, e.id")
        entries.append(TimelineEntry(date=first, last_date=last, story_id=sid, title=title,
                                     article_count=count, source_count=sources,
                                     places=_merge_places(_places(db, pks))[:TIMELINE_PLACES],
                                     event_count=event_count, events=top))
    return entries


def count_timeline(db: sqlite3.Connection, *, entity: str | None = None, place: str | None = None,
                   country: str | None = None, since: str | date | None = None,
                   until: str | date | None = None, event_type: str | None = None,
                   query: str | None = None) -> Total:
    """How many stories :func:`timeline` lists for the same filters, counted up to the cap."""
    condition, args = _timeline_condition(db, entity=entity, place=place, country=country, since=since,
                                          until=until, event_type=event_type, query=query)
    return capped_count(db, f"SELECT 1 FROM stories WHERE {condition}", args)


# -- events --------------------------------------------------------------------------------

_EVENT_SELECT = ("SELECT e.id, e.type, e.mode, e.date, e.date_from_publication, e.place_name, "
                 "e.place_geonames_id, e.place_country, e.place_lat, e.place_lon, e.source, e.target, "
                 "e.story_id, e.article_count, e.source_count, e.mention_count, e.certainty, e.confidence, "
                 "e.place_feature_code, e.place_admin1 "
                 "FROM events e")
_EVENT_ORDER = "e.date IS NULL, e.date, e.id"


def _actor_refs(blob: str) -> list[ActorRef]:
    return [ActorRef(name=a.get("name") or "", code=a.get("code"), sector=a.get("sector"),
                     country=a.get("country"), entity_id=a.get("entity_id"), actor_id=a.get("actor_id"),
                     mentions=a.get("mentions", 1)) for a in json.loads(blob)]


def _event_fields(row: tuple[Any, ...]) -> dict[str, Any]:
    (eid, kind, mode, day, from_publication, place_name, gid, country, lat, lon, source, target, story_id,
     articles, sources, mentions, certainty, confidence, feature_code, admin1) = row
    place = None
    if place_name is not None:
        place = EventPlaceRef(name=place_name, geonames_id=gid, country_code=country, latitude=lat,
                              longitude=lon, articles=articles, feature_code=feature_code, admin1=admin1)
    return {"id": eid, "type": kind, "mode": mode, "date": day, "date_from_publication": bool(from_publication),
            "place": place, "source": _actor_refs(source), "target": _actor_refs(target), "story_id": story_id,
            "article_count": articles, "source_count": sources, "mention_count": mentions,
            "certainty": certainty, "confidence": confidence}


def _event_refs(db: sqlite3.Connection, condition: str, args: tuple[Any, ...], limit: int | None = None,
                order: str = _EVENT_ORDER) -> list[EventRef]:
    sql = f"{_EVENT_SELECT} WHERE {condition} ORDER BY {order}" + (f" LIMIT {int(limit)}" if limit else "")
    return [EventRef(**_event_fields(r)) for r in db.execute(sql, args).fetchall()]


def _event_views(db: sqlite3.Connection, rows: list[tuple[Any, ...]],
                 per_event: int | None = None) -> list[EventView]:
    """Events with their mentions and claims, at most ``per_event`` of each (earliest articles first).

    Three queries for the whole page, however many events it holds.
    """
    ids = [r[0] for r in rows]
    mentions: dict[int, list[EventMention]] = defaultdict(list)
    claims: dict[int, list[EventClaim]] = defaultdict(list)
    certainties: dict[int, Counter[str]] = defaultdict(Counter)
    if ids:
        marks = ",".join("?" * len(ids))
        cap = per_event or -1
        for eid, aid, day, url, local, kind, certainty, trigger, start, end, sentence in db.execute(
                f"SELECT event_id, id, date, url, local_id, type, certainty, trigger_text, sentence_start, "
                f"sentence_end, sentence_text FROM (SELECT m.event_id, a.id, a.date, a.url, m.local_id, m.type, "
                f"m.certainty, m.trigger_text, m.sentence_start, m.sentence_end, m.sentence_text, row_number() OVER "
                f"(PARTITION BY m.event_id ORDER BY a.date, a.pk, m.local_id) AS n FROM event_mentions m "
                f"JOIN articles a ON a.pk = m.article_pk WHERE m.event_id IN ({marks})) "
                f"WHERE ? < 0 OR n <= ? ORDER BY event_id, n", (*ids, cap, cap)):
            mentions[eid].append(EventMention(article_id=aid, article_date=day, url=url, event_id=local, type=kind,
                                              certainty=certainty, trigger=trigger,
                                              sentence=" ".join(sentence.split()), span=(start, end)))
        # One claim per article, speaker and certainty (an article may report the event twice).
        distinct = (f"SELECT c.event_id, a.id, c.source, max(c.unnamed) AS unnamed, c.certainty, "
                    f"min(a.date) AS day, min(a.pk) AS pk FROM event_claims c JOIN articles a ON a.pk = c.article_pk "
                    f"WHERE c.event_id IN ({marks}) GROUP BY c.event_id, a.id, c.source, c.certainty")
        for eid, aid, source, unnamed, certainty in db.execute(
                f"SELECT event_id, id, source, unnamed, certainty FROM (SELECT d.*, row_number() OVER "
                f"(PARTITION BY event_id ORDER BY day, pk, source) AS n FROM ({distinct}) d) "
                f"WHERE ? < 0 OR n <= ? ORDER BY event_id, n", (*ids, cap, cap)):
            claims[eid].append(EventClaim(article_id=aid, source=source, unnamed=bool(unnamed),
                                          certainty=certainty))
        for eid, certainty, count in db.execute(
                f"SELECT event_id, certainty, count(*) FROM ({distinct}) GROUP BY 1, 2", ids):
            certainties[eid][certainty] = count
    return [EventView(**_event_fields(r), claims=claims[r[0]], mentions=mentions[r[0]],
                      certainties=dict(certainties[r[0]].most_common()))
            for r in rows]


def _count(value: Any, option: str, minimum: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = minimum - 1
    if number < minimum or isinstance(value, bool):
        raise ConfigError(f"{option} must be a whole number of at least {minimum}, got '{value}'", kind=BAD_VALUE)
    return number


def _period(value: str | date | None, option: str) -> str | None:
    """A date bound for events: a day, or a month or year (``2021-03``, ``2021``) as events are dated."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?", value.strip()):
        return value.strip()
    return date_bound(value, option)


def _fraction(value: Any, option: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise ConfigError(f"{option} must be a number from 0 to 1, got '{value}'", kind=BAD_VALUE)
    return number


def _event_conditions(db: sqlite3.Connection, *, type: str | None = None, entity: str | None = None,
                      place: str | None = None, country: str | None = None, since: str | date | None = None,
                      until: str | date | None = None, story: int | None = None,
                      min_confidence: float = 0.0) -> tuple[list[str], list[Any]]:
    """Conditions on ``events e`` for the filters given (see :func:`events`), and their arguments.

    The page of events and their total both select by them.
    """
    where: list[str] = []
    args: list[Any] = []
    if type:
        where.append("e.type = ?")
        args.append(event_type_value(type))
    if entity:
        ids = find_entities(db, entity)
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)" if ids else "0")
        args.extend(ids[:1])
    if place:
        text = str(place).strip()
        where.append("e.place_geonames_id = ?" if text.isdigit() else "e.place_name = ? COLLATE NOCASE")
        args.append(int(text) if text.isdigit() else text)
    if country:
        where.append("e.place_country = ?")
        args.append(country_code(country))
    low, high = _period(since, "--since"), _period(until, "--until")
    if low:  # the event's period ends on or after it
        where.append("e.date >= substr(?, 1, length(e.date))")
        args.append(low)
    if high:  # the event's period starts on or before it
        where.append("substr(e.date, 1, length(?)) <= ?")
        args.extend([high, high])
    if story is not None:
        where.append("e.story_id = ?")
        args.append(_count(story, "story", 1))
    if min_confidence:
        where.append("e.confidence >= ?")
        args.append(_fraction(min_confidence, "min-confidence"))
    return where, args


def events(db: sqlite3.Connection, *, type: str | None = None, entity: str | None = None,
           place: str | None = None, country: str | None = None, since: str | date | None = None,
           until: str | date | None = None, story: int | None = None, limit: int = 50, offset: int = 0,
           min_confidence: float = 0.0) -> list[EventView]:
    """Deduplicated events passing every filter, in date order (undated last).

    Each carries its first :data:`LISTED_REPORTS` mentions and claims (from
    the earliest articles); ``certainties`` and the counts cover them all.

    ``entity`` is an actor on either side; ``place`` is the event's own place
    (name or GeoNames id) and ``country`` its country (ISO alpha-2); a date of
    reduced precision passes ``since``/``until`` when its period reaches them.
    """
    where, args = _event_conditions(db, type=type, entity=entity, place=place, country=country, since=since,
                                    until=until, story=story, min_confidence=min_confidence)
    limit, offset = _count(limit, "limit", 1), _count(offset, "offset", 0)
    sql = (_EVENT_SELECT + where_clause(where)
           + f" ORDER BY {_EVENT_ORDER} LIMIT ? OFFSET ?")
    return _event_views(db, db.execute(sql, (*args, limit, offset)).fetchall(), LISTED_REPORTS)


def count_events(db: sqlite3.Connection, *, type: str | None = None, entity: str | None = None,
                 place: str | None = None, country: str | None = None, since: str | date | None = None,
                 until: str | date | None = None, story: int | None = None,
                 min_confidence: float = 0.0) -> Total:
    """How many events :func:`events` lists for the same filters, counted up to the cap."""
    where, args = _event_conditions(db, type=type, entity=entity, place=place, country=country, since=since,
                                    until=until, story=story, min_confidence=min_confidence)
    return capped_count(db, f"SELECT 1 FROM events e{where_clause(where)}", args)


def event(db: sqlite3.Connection, event_id: int) -> EventView:
    """One event with all its mentions and claims."""
    number = _count(event_id, "event id", 0)
    rows = db.execute(f"{_EVENT_SELECT} WHERE e.id = ?", (number,)).fetchall()
    if not rows:
        raise StoreError(f"no event {event_id} in the store; 'dateline events --db FILE' lists them",
                         kind=NOT_FOUND)
    return _event_views(db, rows)[0]
