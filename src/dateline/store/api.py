"""The corpus store: ingest articles once, ask across all of them.

>>> from dateline.store import Store
>>> with Store(":memory:") as store:        # or a file path: created on first ingest
...     report = store.ingest(["corpus/"])   # doctest: +SKIP
...     hits = store.search("ceasefire", country="SD")  # doctest: +SKIP

Each article is written in one transaction: the full Analysis, its row for
queries, its entities resolved across documents, its places, its story, its
events deduplicated across articles and its full-text entry.  Killing the
process loses at most the article being written; running the same ingest
again skips every article already stored unchanged (before the NLP pipeline,
so resuming is fast) and goes on.
"""

from __future__ import annotations

import functools
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from dateline.config import MAX_ARTICLE_CHARS, FieldNames
from dateline.errors import BAD_STORE, BAD_VALUE, ConfigError, StoreError
from dateline.ingest import Article, Reject, iter_articles
from dateline.schema import Analysis
from dateline.store import events as event_layer
from dateline.store import query as queries
from dateline.store.db import connect, content_hash, decode_analysis, encode_analysis
from dateline.store.features import article_features, fold
from dateline.store.records import (
    EntityProfile,
    EventView,
    IngestReport,
    SearchHit,
    StoryView,
    TimelineEntry,
)
from dateline.store.resolve import Resolver
from dateline.store.stories import FIRM_DATES, StoryIndex, refresh_story


def _guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    """Turn SQLite's own errors (a file damaged after opening) into the catalogue's store error, and a
    number too large for SQLite (``--story 99999999999999999999``) into a bad value."""

    @functools.wraps(method)
    def call(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"store is damaged or unreadable: {exc}", where=self.path, kind=BAD_STORE) from exc
        except OverflowError as exc:
            raise ConfigError("a number given is out of range (at most 64-bit integers)",
                              kind=BAD_VALUE) from exc

    return call


#: Dates given by the source or the caller: part of what an article is (its content hash).
REAL_DATES = ("metadata", "option")


def _published_key(published: date | None, published_from: str | None) -> str | None:
    return published.isoformat() if published is not None and published_from in REAL_DATES else None


def article_hash(article: Article) -> str:
    """Content hash of an article as read (text, title, url, given date)."""
    return content_hash(article.text, article.title, None, article.url,
                        _published_key(article.published, article.published_from))


def analysis_hash(analysis: Analysis) -> str:
    meta = analysis.article
    return content_hash(analysis.text, meta.title, None, meta.url,
                        _published_key(meta.published, meta.published_from))


class Store:
    """A corpus of analyzed articles in one SQLite file."""

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = str(path)
        self.db: sqlite3.Connection = connect(path, create=create)
        self._stories: StoryIndex | None = None
        self._resolver = Resolver(self.db)

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def stories_index(self) -> StoryIndex:
        if self._stories is None:
            self._stories = StoryIndex(self.db)
        return self._stories

    # -- writing ---------------------------------------------------------------------------
    def status(self, article: Article) -> str:
        """``new``, ``unchanged`` or ``update``: what storing this article would do."""
        row = self._existing(article.id, article.url)
        if row is None:
            return "new"
        return "unchanged" if row[2] == article_hash(article) else "update"

    def _existing(self, article_id: str, url: str | None) -> tuple[Any, ...] | None:
        row = self.db.execute("SELECT pk, id, content_hash, version, story_id FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
        if row is None and url:
            row = self.db.execute("SELECT pk, id, content_hash, version, story_id FROM articles "
                                  "WHERE url = ? ORDER BY pk DESC LIMIT 1", (url,)).fetchone()
        return row

    def add_reject(self, reject: Reject) -> None:
        """Record an input that could not be stored, with its reason."""
        error = reject.error
        self.db.execute("INSERT OR IGNORE INTO rejects(origin, code, message) VALUES (?, ?, ?)",
                        (reject.origin, error.code, error.message))

    @_guarded
    def add(self, analysis: Analysis, *, content_hash: str | None = None) -> str:
        """Store one analyzed article in its own transaction.

        Returns ``"added"``, ``"replaced"`` (an earlier version, same id or same
        URL, was archived in ``article_versions`` and linked) or ``"unchanged"``.
        """
        digest = content_hash or analysis_hash(analysis)
        meta = analysis.article
        self.db.execute("BEGIN IMMEDIATE")
        try:
            existing = self._existing(meta.id, meta.url)
            if existing is not None and existing[2] == digest:
                self.db.execute("ROLLBACK")
                return "unchanged"
            outcome, version, previous, old_story = "added", 1, None, None
            if existing is not None:
                old_story = existing[4]
                self._archive(existing, meta.id)
                outcome, version, previous = "replaced", existing[3] + 1, f"{existing[1]}@{existing[3]}"
            self._insert(analysis, digest, version, previous, old_story)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            if self._stories is not None:
                self._stories.reload()
            raise
        return outcome

    def _archive(self, existing: tuple[Any, ...], new_id: str) -> None:
        pk, old_id, digest, version, story = existing
        blob = self.db.execute("SELECT analysis FROM articles WHERE pk = ?", (pk,)).fetchone()[0]
        self.db.execute("INSERT OR REPLACE INTO article_versions VALUES (?, ?, ?, ?, ?)",
                        (old_id, version, digest, new_id, blob))
        old = decode_analysis(blob)
        self.db.execute("INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                        (pk, old["article"].get("title") or "", old["text"]))
        self._resolver.remove_article(pk)
        event_layer.remove_article(self.db, pk)
        self.db.execute("DELETE FROM article_places WHERE article_pk = ?", (pk,))
        self.stories_index.remove(pk)
        self.db.execute("UPDATE articles SET reprint_of = NULL WHERE reprint_of = ?", (pk,))
        self.db.execute("DELETE FROM articles WHERE pk = ?", (pk,))
        if story is not None:
            refresh_story(self.db, story)

    def _insert(self, analysis: Analysis, digest: str, version: int, previous: str | None,
                old_story: int | None) -> None:
        meta = analysis.article
        day, date_from = meta.published, meta.published_from or "metadata"
        if day is None:
            publication = analysis.publication
            day = publication.date if publication is not None else None
            date_from = publication.source if publication is not None and day is not None else None
        data = analysis.model_dump(mode="json")
        source_key = f"source:{fold(meta.source)}" if meta.source else f"article:{meta.id}"
        pk = int(self.db.execute(
            "INSERT INTO articles(id, content_hash, version, previous, title, source, url, published, "
            "published_from, date, date_from, origin, degraded, source_key, analysis) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (meta.id, digest, version, previous, meta.title, meta.source, meta.url,
             meta.published.isoformat() if meta.published else None, meta.published_from,
             day.isoformat() if day else None, date_from, meta.origin, int(analysis.normalization.degraded),
             source_key, encode_analysis(data))).lastrowid)
        features = article_features(analysis)
        assignment = self.stories_index.assign(pk, features, day, date_from in FIRM_DATES)
        if assignment.reprint_of is not None:
            original = self.db.execute("SELECT source_key FROM articles WHERE pk = ?",
                                       (assignment.reprint_of,)).fetchone()
            source_key = original[0]
        self.db.execute("UPDATE articles SET story_id = ?, reprint_of = ?, source_key = ? WHERE pk = ?",
                        (assignment.story_id, assignment.reprint_of, source_key, pk))
        self._resolver.add_article(pk, analysis, assignment.story_id)
        event_layer.merge_stories(self.db, assignment.story_id, assignment.merged)
        event_layer.add_article(self.db, pk, data, assignment.story_id)
        self.db.executemany(
            "INSERT INTO article_places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(pk, p.id, p.geonames_id, p.name, p.country_code, p.admin1, p.feature_code, p.latitude,
              p.longitude, int(p.focus), len(p.mentions)) for p in analysis.places])
        self.db.execute("INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)",
                        (pk, meta.title or "", analysis.text))
        refresh_story(self.db, assignment.story_id)
        if old_story is not None and old_story != assignment.story_id:
            refresh_story(self.db, old_story)

    @_guarded
    def ingest(
        self,
        inputs: Sequence[str] | Iterable[Article | Reject],
        *,
        fmt: str | None = None,
        fields: FieldNames = FieldNames(),
        published: date | str | None = None,
        degraded: bool | None = None,
        max_article_chars: int = MAX_ARTICLE_CHARS,
        batch_size: int = 16,
        on_progress: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Read, analyze and store articles; bad records go to ``rejects`` and the batch goes on.

        ``inputs`` are paths, directories, globs or ``-`` (as ``dateline read``),
        or already-read :class:`~dateline.ingest.Article` objects.  Articles
        already stored unchanged are skipped before analysis.
        """
        from dateline.pipeline import Runner

        started = time.perf_counter()
        report = IngestReport()
        if isinstance(inputs, (str, Path)):
            inputs = [str(inputs)]
        items: Iterable[Article | Reject]
        if isinstance(inputs, Sequence) and all(isinstance(i, str) for i in inputs):
            items = iter_articles(list(inputs), fmt=fmt, fields=fields, published=published,
                                  max_article_chars=max_article_chars)
        else:
            items = inputs  # type: ignore[assignment]
        hashes: dict[str, str] = {}

        def tick() -> None:
            report.seconds = round(time.perf_counter() - started, 3)
            if on_progress is not None:
                on_progress(report)

        def pending() -> Iterator[Article | Reject]:
            for item in items:
                if isinstance(item, Reject):
                    yield item
                    continue
                digest = article_hash(item)
                row = self._existing(item.id, item.url)
                if row is not None and row[2] == digest:
                    report.unchanged += 1
                    tick()
                    continue
                hashes[item.id] = digest
                yield item

        for result in Runner().run(pending(), batch_size=batch_size, degraded=degraded):
            if isinstance(result, Reject):
                self.add_reject(result)
                report.rejected += 1
            else:
                outcome = self.add(result, content_hash=hashes.pop(result.article.id, None))
                if outcome == "added":
                    report.added += 1
                elif outcome == "replaced":
                    report.replaced += 1
                else:
                    report.unchanged += 1
            tick()
        report.stories = self.db.execute("SELECT count(*) FROM stories").fetchone()[0]
        tick()
        return report

    # -- reading ---------------------------------------------------------------------------
    @_guarded
    def search(self, query: str = "", **filters: Any) -> list[SearchHit]:
        """Full-text search with filters: entity, place, country, since, until, event_type, limit."""
        return queries.search(self.db, query, **filters)

    @_guarded
    def entity(self, name: str, **options: Any) -> EntityProfile:
        """Profile of a canonical entity, by name, alias or ``#id``."""
        return queries.entity(self.db, name, **options)

    @_guarded
    def story(self, story_id: int) -> StoryView:
        return queries.story(self.db, story_id)

    @_guarded
    def timeline(self, **filters: Any) -> list[TimelineEntry]:
        """Stories in date order, filtered like :meth:`search`."""
        return queries.timeline(self.db, **filters)

    @_guarded
    def events(self, *, type: str | None = None, entity: str | None = None, place: str | None = None,
               country: str | None = None, since: str | date | None = None, until: str | date | None = None,
               story: int | None = None, limit: int = 50, offset: int = 0,
               min_confidence: float = 0.0) -> list[EventView]:
        """Deduplicated events in date order: PLOVER ``type``, an ``entity`` acting or targeted,
        the event's ``place`` (name or GeoNames id) or ``country`` (alpha-2), dates, ``story``."""
        return queries.events(self.db, type=type, entity=entity, place=place, country=country, since=since,
                              until=until, story=story, limit=limit, offset=offset,
                              min_confidence=min_confidence)

    @_guarded
    def event(self, event_id: int) -> EventView:
        """One deduplicated event with its mentions and claims (``NOT_FOUND`` if there is none)."""
        return queries.event(self.db, event_id)

    def export(self, records: Any, path: str | Path | None, fmt: str) -> str | None:
        """Write query results as jsonl, csv, parquet or geojson (returns the text if no path)."""
        from dateline.store.export import export

        return export(records, path, fmt)

    @_guarded
    def counts(self) -> dict[str, int]:
        """Rows per main table."""
        tables = ("articles", "article_versions", "rejects", "entities", "stories", "article_places", "events",
                  "event_mentions")
        return {t: int(self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}

    @_guarded
    def article(self, article_id: str) -> Analysis:
        row = self.db.execute("SELECT analysis FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            from dateline.errors import NOT_FOUND

            raise StoreError(f"no article '{article_id}' in the store", kind=NOT_FOUND)
        return Analysis.model_validate(decode_analysis(row[0]))

    # -- browsing: paged listings (dateline.store.browse) ------------------------------------
    @_guarded
    def list_articles(self, **options: Any) -> Any:
        """Stored articles, newest first: a :class:`~dateline.store.browse.Listing` of ArticleRef."""
        from dateline.store.browse import list_articles

        return list_articles(self.db, **options)

    @_guarded
    def list_entities(self, **options: Any) -> Any:
        """Canonical entities matching ``q``, most mentioned first."""
        from dateline.store.browse import list_entities

        return list_entities(self.db, **options)

    @_guarded
    def list_stories(self, **options: Any) -> Any:
        """Stories, latest activity first."""
        from dateline.store.browse import list_stories

        return list_stories(self.db, **options)

    @_guarded
    def list_places(self, **options: Any) -> Any:
        """Places aggregated over the corpus with coordinates and counts, for a map."""
        from dateline.store.browse import list_places

        return list_places(self.db, **options)

    @_guarded
    def list_quotes(self, **options: Any) -> Any:
        """Quotes across the corpus, newest articles first."""
        from dateline.store.browse import list_quotes

        return list_quotes(self.db, **options)

    @_guarded
    def list_claims(self, **options: Any) -> Any:
        """Claims across the corpus, newest articles first."""
        from dateline.store.browse import list_claims

        return list_claims(self.db, **options)
