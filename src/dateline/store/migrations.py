"""Versioned schema of the corpus store, applied in order on open.

The store's version is SQLite's ``PRAGMA user_version``.  Opening a store runs
every migration above its version, each in one transaction with the version
bump, so a store is always at one whole version.  A store newer than this code
is refused rather than misread.

Migration 1 holds articles (the full :class:`~dateline.schema.Analysis` as
zlib-compressed JSON plus the columns queries need), their replaced versions,
rejects, cross-document entities with their keys and aliases, places, stories
with each article's clustering vector, online document frequencies and the
FTS5 index.

Migration 2 adds the events layer (:mod:`dateline.store.events`): ``events``
(one row per deduplicated real-world event: type, mode, date, place, actor
summaries, story, article and independent-source counts, certainty),
``event_mentions`` (each article's event that reports it: article, event id
within the article, sentence and trigger spans, certainty, and the fields
dedup compares), ``event_actors`` (canonical entities acting or targeted, for
the entity filter) and ``event_claims`` (who says it happened, with what
certainty).  A store that already holds articles gets their events in the
same transaction as the tables, so an upgraded store answers like a new one.
Steps that need Python rather than SQL are in :data:`BACKFILLS`.

Migration 3 adds ``articles.date_from``, where the article's ``date`` comes
from (``metadata``, ``option``, ``dateline``, ``header``, ``url`` or
``estimated``, as :attr:`~dateline.schema.PublicationDate.source`): only a
date the source, the caller or the article itself gives bounds a story's
time window.  Rows stored before it keep their given dates; a date they took
from their own text reads as ``estimated`` (their analyses predate the
header and address readers).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, entities, places, stories, full text.
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE articles (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        previous TEXT,                -- 'id@version' of the version this one replaced
        title TEXT,
        source TEXT,
        url TEXT,
        published TEXT,
        published_from TEXT,
        date TEXT,                    -- publication date, else the estimate: the timeline's date
        origin TEXT,
        degraded INTEGER NOT NULL DEFAULT 0,
        story_id INTEGER,
        reprint_of INTEGER,           -- pk of the earlier article this one is a near-copy of
        source_key TEXT NOT NULL,     -- independent source: the original's source for a reprint
        analysis BLOB NOT NULL        -- zlib(JSON of the Analysis)
    );
    CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_date ON articles(date);

    CREATE TABLE article_versions (
        article_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        replaced_by TEXT NOT NULL,    -- id of the article that replaced it
        analysis BLOB NOT NULL,
        PRIMARY KEY (article_id, version)
    ) WITHOUT ROWID;

    CREATE TABLE rejects (
        origin TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (origin, code, message)
    ) WITHOUT ROWID;

    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        country TEXT,
        mention_count INTEGER NOT NULL DEFAULT 0,
        article_count INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE entity_keys (
        bucket TEXT NOT NULL,         -- person, place or group
        key TEXT NOT NULL,            -- normalized name
        kind TEXT NOT NULL,           -- name or surname
        entity_id INTEGER NOT NULL,
        PRIMARY KEY (bucket, kind, key, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
    CREATE TABLE entity_aliases (
        entity_id INTEGER NOT NULL,
        alias TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        PRIMARY KEY (entity_id, alias)
    ) WITHOUT ROWID;
    CREATE TABLE article_entities (
        article_pk INTEGER NOT NULL,
        local_id TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        PRIMARY KEY (article_pk, local_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_entities_entity ON article_entities(entity_id, article_pk);

    CREATE TABLE article_places (
        article_pk INTEGER NOT NULL,
        local_id TEXT NOT NULL,
        geonames_id INTEGER,
        name TEXT NOT NULL,
        country_code TEXT,
        admin1 TEXT,
        feature_code TEXT,
        latitude REAL,
        longitude REAL,
        focus INTEGER NOT NULL,
        mention_count INTEGER NOT NULL,
        PRIMARY KEY (article_pk, local_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_places_name ON article_places(name COLLATE NOCASE, article_pk);
    CREATE INDEX article_places_country ON article_places(country_code, article_pk);

    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT,
        first_date TEXT,
        last_date TEXT,
        article_count INTEGER NOT NULL DEFAULT 0,
        source_count INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX stories_date ON stories(first_date);
    CREATE TABLE story_vectors (
        article_pk INTEGER PRIMARY KEY,
        vector BLOB NOT NULL          -- zlib(JSON): the article's weighted features at arrival
    );
    CREATE TABLE term_df (
        term TEXT PRIMARY KEY,
        df INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='', tokenize='unicode61 remove_diacritics 2'
    );
    """,
    # 2: events deduplicated across articles, their mentions, actors and claims.
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        story_id INTEGER,
        type TEXT NOT NULL,           -- PLOVER category (the mentions' most common)
        mode TEXT,
        date TEXT,                    -- ISO 8601, reduced precision kept: '2021-03-09', '2021-03'
        date_from_publication INTEGER NOT NULL DEFAULT 0,
        place_geonames_id INTEGER,
        place_name TEXT,
        place_country TEXT,           -- ISO 3166-1 alpha-2
        place_admin1 TEXT,
        place_feature_code TEXT,
        place_lat REAL,
        place_lon REAL,
        source TEXT NOT NULL,         -- JSON: actor summaries, most mentioned first
        target TEXT NOT NULL,
        actor_keys TEXT NOT NULL,     -- JSON: entity, group and country keys dedup compares
        article_count INTEGER NOT NULL DEFAULT 0,
        source_count INTEGER NOT NULL DEFAULT 0,
        mention_count INTEGER NOT NULL DEFAULT 0,
        certainty TEXT,               -- the mentions' prevailing certainty
        confidence REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX events_story ON events(story_id, type);
    CREATE INDEX events_type ON events(type, date);
    CREATE INDEX events_order ON events(date IS NULL, date);   -- listing order: dated first, by date
    CREATE INDEX events_place ON events(place_geonames_id);
    CREATE INDEX events_place_name ON events(place_name COLLATE NOCASE);
    CREATE INDEX events_country ON events(place_country, date);

    CREATE TABLE event_mentions (
        article_pk INTEGER NOT NULL,
        local_id TEXT NOT NULL,       -- the event's id within the article: 'V2'
        event_id INTEGER NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        date TEXT,
        date_from_publication INTEGER NOT NULL DEFAULT 0,
        place TEXT,                   -- JSON: the resolved place of the event's clause
        actors TEXT NOT NULL,         -- JSON: {"source": [...], "target": [...]}
        sentence INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        sentence_text TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        trigger_text TEXT NOT NULL,
        certainty TEXT NOT NULL,
        claim_id TEXT,
        confidence REAL NOT NULL,
        PRIMARY KEY (article_pk, local_id)
    ) WITHOUT ROWID;
    CREATE INDEX event_mentions_event ON event_mentions(event_id);
    CREATE INDEX event_mentions_type ON event_mentions(type, article_pk);

    CREATE TABLE event_actors (
        event_id INTEGER NOT NULL,
        role TEXT NOT NULL,           -- source or target
        entity_id INTEGER NOT NULL,   -- canonical entity (entities.id)
        PRIMARY KEY (event_id, role, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX event_actors_entity ON event_actors(entity_id, event_id);

    CREATE TABLE event_claims (
        event_id INTEGER NOT NULL,
        article_pk INTEGER NOT NULL,
        local_id TEXT NOT NULL,       -- the mention the claim belongs to
        claim_id TEXT NOT NULL,       -- 'C' id within the article, or the mention's id for its own
        source TEXT,                  -- who says so; none when the article asserts it itself
        unnamed INTEGER NOT NULL DEFAULT 0,
        certainty TEXT NOT NULL,
        PRIMARY KEY (article_pk, local_id, claim_id)
    ) WITHOUT ROWID;
    CREATE INDEX event_claims_event ON event_claims(event_id);
    """,
    # 3: where each article's date comes from.
    """
    ALTER TABLE articles ADD COLUMN date_from TEXT;
    UPDATE articles SET date_from = CASE WHEN published IS NOT NULL THEN coalesce(published_from, 'metadata')
                                         WHEN date IS NOT NULL THEN 'estimated' END;
    """,
)


def _backfill_events(connection: sqlite3.Connection) -> None:
    from dateline.store.events import backfill

    backfill(connection)


#: Python steps run after a migration's SQL, in the same transaction.
BACKFILLS: dict[int, Callable[[sqlite3.Connection], None]] = {2: _backfill_events}

#: The schema version this code writes.
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the missing migrations, each with its version bump in one transaction."""
    version = current_version(connection)
    for number in range(version + 1, SCHEMA_VERSION + 1):
        script = MIGRATIONS[number - 1]
        connection.execute("BEGIN IMMEDIATE")
        try:
            if current_version(connection) >= number:  # another process applied it while we waited
                connection.execute("COMMIT")
                continue
            for statement in _statements(script):
                connection.execute(statement)
            if number in BACKFILLS:
                BACKFILLS[number](connection)
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return current_version(connection)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (sqlite3.executescript would commit on its own)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
