"""The SQLite connection: open or create, check, migrate; encodings of stored blobs.

SQLite through the standard library (FTS5 built in, no server, one file).
WAL journal, ``synchronous=NORMAL``: a committed transaction survives the
process being killed (only a power cut could lose the last ones), and readers
never block the writer.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from pathlib import Path
from typing import Any

from dateline.errors import BAD_STORE, NO_STORE, STORE_VERSION, StoreError
from dateline.store.migrations import SCHEMA_VERSION, current_version, migrate

#: Seconds a writer waits for another writer's lock before giving up.
BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"


def connect(path: str | Path, *, create: bool = False) -> sqlite3.Connection:
    """Open the store at ``path`` (``":memory:"`` for a throwaway one).

    Raises:
        StoreError: ``NO_STORE`` when the file is missing and ``create`` is
            false; ``BAD_STORE`` when it is not a dateline store or is damaged;
            ``STORE_VERSION`` when a newer dateline wrote it.
    """
    where = str(path)
    memory = where == ":memory:"
    if not memory:
        file = Path(path)
        if file.is_dir():
            raise StoreError("store path is a directory; expected a database file", where=where,
                             kind=BAD_STORE)
        if not file.exists():
            if not create:
                raise StoreError("no store here; create one with 'dateline ingest PATH... --db FILE'",
                                 where=where, kind=NO_STORE)
            file.parent.mkdir(parents=True, exist_ok=True)
        elif file.stat().st_size > 0:
            with file.open("rb") as handle:
                if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                    raise StoreError("file is not a dateline store (not an SQLite database)",
                                     where=where, kind=BAD_STORE)
    try:
        connection = sqlite3.connect(where, isolation_level=None, check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not memory:
            connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = OFF")
        version = current_version(connection)
        if version > SCHEMA_VERSION:
            connection.close()
            raise StoreError(f"store has schema version {version}; this dateline reads up to "
                             f"{SCHEMA_VERSION}: upgrade dateline", where=where, kind=STORE_VERSION)
        if version == 0 and not create:
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            connection.close()
            raise StoreError("database holds no dateline store" + (" (it has other tables)" if tables else ""),
                             where=where, kind=NO_STORE if not tables else BAD_STORE)
        if version < SCHEMA_VERSION:
            try:
                migrate(connection)
            except (KeyError, TypeError, ValueError) as exc:  # a stored record the upgrade cannot read
                connection.close()
                raise StoreError(f"could not upgrade the store from version {version} to {SCHEMA_VERSION}: "
                                 f"a stored record has an unexpected shape ({type(exc).__name__}: {exc}); "
                                 "nothing was changed", where=where, kind=BAD_STORE) from exc
        if not memory and create is False:
            connection.execute("SELECT count(*) FROM articles").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"store is damaged or unreadable: {exc}", where=where, kind=BAD_STORE) from exc
    return connection


def encode_analysis(data: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def decode_analysis(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob))


def content_hash(text: str, title: str | None, source: str | None, url: str | None,
                 published: str | None) -> str:
    """What makes two versions of an article differ: its text and the metadata its source gave."""
    payload = json.dumps([text, title, source, url, published], ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8", "surrogatepass")).hexdigest()


_TEXT_KEY = b',"text":'
#: Bytes inflated at a time while looking for the end of the text.
_INFLATE_STEP = 32_768
_decoder = json.JSONDecoder()


def analysis_text(blob: bytes) -> str:
    """The article text of a stored Analysis, without inflating or parsing the rest of the record.

    Search snippets need only the text, and reading whole records cost most
    of a search's time.  The record is inflated a step at a time until its
    ``text`` field is complete (it comes third, after the small ``article``
    object).  The key is found as JSON structure: inside a JSON string every
    quote is escaped, so the first ``,"text":`` is the top-level field.
    """
    inflater = zlib.decompressobj()
    head = bytearray()
    pending = blob
    while True:
        head += inflater.decompress(pending, _INFLATE_STEP)
        pending = inflater.unconsumed_tail
        done = not pending
        at = head.find(_TEXT_KEY)
        if at >= 0:
            piece = head[at + len(_TEXT_KEY):].decode("utf-8", "ignore")
            try:
                value, _ = _decoder.raw_decode(piece)
            except ValueError:
                value = None  # the string goes on past what is inflated so far
            if isinstance(value, str):
                return value
        if done:
            return str(json.loads(bytes(head) + inflater.flush())["text"])
