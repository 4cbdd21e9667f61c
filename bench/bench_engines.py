#!/usr/bin/env python3
"""Why the store is SQLite: per-article transactions, point lookups and full text, SQLite vs DuckDB.

1,000 documents of 600 words (drawn from the ECB+ vocabulary), each written in
its own transaction as the store writes articles: SQLite (WAL,
synchronous=NORMAL) with its FTS5 row, DuckDB with the row alone; then 1,000
lookups by id, 100 FTS5 queries, and whether DuckDB's FTS extension loads.

Usage: python bench/bench_engines.py   (needs duckdb installed; not a dateline dependency)
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import tempfile
import time
import zlib
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus" / "stories-dev.jsonl"


def main() -> int:
    if not DATA.exists():
        print(f"bench_engines: needs {DATA}", file=sys.stderr)
        return 2
    import duckdb

    random.seed(0)
    words = DATA.read_text(encoding="utf-8").split()
    docs = [" ".join(random.choices(words, k=600)) for _ in range(1000)]
    folder = tempfile.mkdtemp()
    lite = sqlite3.connect(f"{folder}/s.db", isolation_level=None)
    lite.execute("PRAGMA journal_mode = WAL")
    lite.execute("PRAGMA synchronous = NORMAL")
    lite.execute("CREATE TABLE a(pk INTEGER PRIMARY KEY, id TEXT UNIQUE, body BLOB)")
    lite.execute("CREATE VIRTUAL TABLE f USING fts5(body, content='')")
    started = time.perf_counter()
    for i, doc in enumerate(docs):
        lite.execute("BEGIN")
        lite.execute("INSERT INTO a(id, body) VALUES (?, ?)", (f"id{i}", zlib.compress(doc.encode())))
        lite.execute("INSERT INTO f(rowid, body) VALUES (?, ?)", (i + 1, doc))
        lite.execute("COMMIT")
    sqlite_rate = len(docs) / (time.perf_counter() - started)
    started = time.perf_counter()
    for _ in range(1000):
        lite.execute("SELECT body FROM a WHERE id = ?", (f"id{random.randrange(1000)}",)).fetchone()
    sqlite_lookup = (time.perf_counter() - started)
    started = time.perf_counter()
    for _ in range(100):
        term = random.choice(["police", "fire", "court", "killed", "president"])
        lite.execute("SELECT rowid FROM f WHERE f MATCH ? LIMIT 20", (f'"{term}"',)).fetchall()
    sqlite_fts = (time.perf_counter() - started) * 10
    lite.close()
    duck = duckdb.connect(f"{folder}/k.duckdb")
    duck.execute("CREATE TABLE a(pk INTEGER PRIMARY KEY, id TEXT UNIQUE, body BLOB)")
    started = time.perf_counter()
    for i, doc in enumerate(docs):
        duck.execute("BEGIN")
        duck.execute("INSERT INTO a VALUES (?, ?, ?)", (i + 1, f"id{i}", zlib.compress(doc.encode())))
        duck.execute("COMMIT")
    duck_rate = len(docs) / (time.perf_counter() - started)
    started = time.perf_counter()
    for _ in range(1000):
        duck.execute("SELECT body FROM a WHERE id = ?", (f"id{random.randrange(1000)}",)).fetchone()
    duck_lookup = (time.perf_counter() - started)
    try:
        duck.execute("INSTALL fts")
        duck.execute("LOAD fts")
        duck_fts = "loads"
    except Exception as exc:  # noqa: BLE001 - report whatever stops it
        duck_fts = f"fails: {type(exc).__name__}: {str(exc).splitlines()[0][:90]}"
    duck.close()
    print(f"sqlite {sqlite3.sqlite_version}: {sqlite_rate:.0f} article transactions/s with FTS5 row, "
          f"lookup by id {sqlite_lookup:.3f} ms, FTS5 query {sqlite_fts:.2f} ms")
    print(f"duckdb {duckdb.__version__}: {duck_rate:.0f} article transactions/s (no full-text index), "
          f"lookup by id {duck_lookup:.3f} ms, FTS extension {duck_fts}")
    print(f"cores {os.cpu_count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
