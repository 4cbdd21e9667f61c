#!/usr/bin/env python3
"""What counting a listing's total costs: search, timeline and events pages at scale, with and without it.

Steps:

1. ``store``: ``--articles`` real articles are read and stored, then copied
   under new ids in SQL until the store holds ``--scale`` articles (the fast
   path of ``bench_api.py``: no NLP, no clustering; events are not copied).
   With ``--db FILE`` the store is kept there and reused when it exists;
2. ``store``: in this process, each query as a REST page asks it (the ranked
   window for search and the timeline, a page of 50 events), alone, then the
   capped count the page's ``total`` comes from, then both; median / p95 /
   max over ``--calls`` calls with random arguments;
3. ``http`` (with ``--http``): ``dateline serve`` over the store, ``--clients``
   concurrent clients send ``--searches`` GET ``/api/search`` requests as
   ``bench_api.py`` does (a word, sometimes a country or an entity filter).

Usage: python bench/bench_totals.py [--articles N] [--scale N] [--db FILE] [--calls N] [--http] [--json]
Articles come from ../shared/data (as bench_store.py); it says so and exits 2 if absent.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import (
    TOKEN,
    WORDS,
    free_port,
    hammer,
    percentiles,
    replicate,
    search_requests,
    start_server,
)
from bench_store import DATA, print_report, real_articles


def build(db_path: Path, articles: int, scale: int) -> dict[str, Any]:
    """Read and store ``articles`` real articles, then copy them in SQL up to ``scale``."""
    import dateline
    from dateline.store import Store

    started = time.perf_counter()
    rows = [r for r in real_articles() if len(r["text"]) < 20_000][:articles]
    with Store(db_path) as store:
        for row in rows:
            store.add(dateline.read(row["text"]))
    total = replicate(db_path, scale)
    return {"articles": total, "build_seconds": round(time.perf_counter() - started, 1),
            "mb": round(db_path.stat().st_size / 2**20, 1)}


def timed(func: Callable[[], object], calls: int) -> dict[str, float]:
    """Median, p95 and max wall time of ``calls`` calls, in ms (after one warm-up call)."""
    func()
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1), "max_ms": round(times[-1], 1)}


def store_latency(db_path: Path, calls: int) -> dict[str, dict[str, dict[str, float]]]:
    """Each page query alone, its total alone, and both, as the REST routes run them."""
    from dateline.store import Store
    from dateline.store import query as queries

    random.seed(0)
    store = Store(db_path, create=False)
    names = [r[0] for r in store.db.execute("SELECT name FROM entities ORDER BY mention_count DESC LIMIT 40")]
    countries = [r[0] for r in store.db.execute(
        "SELECT country_code FROM article_places WHERE country_code IS NOT NULL GROUP BY 1 "
        "ORDER BY count(*) DESC LIMIT 5")]
    types = [r[0] for r in store.db.execute("SELECT type FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 5")]
    cases: dict[str, tuple[Callable[[], dict[str, Any]], str]] = {
        "search WORD": (lambda: {"query": random.choice(WORDS)}, "search"),
        "search WORD --country CC --since 2000-01-01": (
            lambda: {"query": random.choice(WORDS), "country": random.choice(countries), "since": "2000-01-01"},
            "search"),
        "search --entity NAME (no words)": (lambda: {"query": "", "entity": random.choice(names)}, "search"),
        "search (no words, no filters)": (lambda: {"query": ""}, "search"),
        "timeline --country CC": (lambda: {"country": random.choice(countries)}, "timeline"),
        "timeline WORD": (lambda: {"query": random.choice(WORDS)}, "timeline"),
        "events": (dict, "events"),
        "events --type TYPE": (lambda: {"type": random.choice(types)}, "events"),
    }

    def page(kind: str, filters: dict[str, Any]) -> object:
        if kind == "search":
            query = filters.pop("query")
            return store.search(query, limit=20, **filters)
        if kind == "timeline":
            return store.timeline(limit=50, **filters)
        return store.events(limit=50, **filters)

    def count(kind: str, filters: dict[str, Any]) -> object:
        if kind == "search":
            query = filters.pop("query")
            return queries.count_search(store.db, query, **filters)
        if kind == "timeline":
            return queries.count_timeline(store.db, **filters)
        return queries.count_events(store.db, **filters)

    report: dict[str, dict[str, dict[str, float]]] = {}
    for name, (arguments, kind) in cases.items():
        report[name] = measure(kind, arguments, page, count, calls)
    store.close()
    return report


def measure(kind: str, arguments: Callable[[], dict[str, Any]], page: Callable[[str, dict[str, Any]], object],
            count: Callable[[str, dict[str, Any]], object], calls: int) -> dict[str, dict[str, float]]:
    """One query's page alone, its total alone and both, each with fresh random arguments."""

    def both() -> None:
        filters = arguments()
        page(kind, dict(filters))
        count(kind, filters)

    return {"page": timed(lambda: page(kind, arguments()), calls),
            "total": timed(lambda: count(kind, arguments()), calls), "page_and_total": timed(both, calls)}


def http_latency(db_path: Path, clients: int, searches: int) -> dict[str, Any]:
    """GET /api/search percentiles through ``dateline serve``, as bench_api.py measures them."""
    requests = search_requests(db_path, searches, {"Authorization": f"Bearer {TOKEN}"})
    port = free_port()
    server = start_server(db_path, port, 1)
    try:
        url = f"http://127.0.0.1:{port}"
        hammer(url, requests[:20], clients)
        latencies, seconds, failures = hammer(url, requests, clients)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {**percentiles(latencies), "requests_per_second": round(len(requests) / seconds, 1),
            "non_200": failures}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--scale", type=int, default=20000)
    parser.add_argument("--db", type=Path, default=None, help="Keep the store here; reuse it if it exists.")
    parser.add_argument("--calls", type=int, default=40)
    parser.add_argument("--http", action="store_true", help="Also time GET /api/search through the server.")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--searches", type=int, default=400)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    db_path = args.db or Path(tempfile.mkdtemp(prefix="bench-totals-")) / "corpus.db"
    report: dict[str, Any] = {"machine": f"{platform.machine()} cores={os.cpu_count()}",
                              "python": platform.python_version()}
    if not db_path.exists():
        if not DATA.exists():
            print(f"bench_totals: needs {DATA} (../shared/data, not in the repo)", file=sys.stderr)
            return 2
        report["store"] = build(db_path, args.articles, args.scale)
    report["store_latency"] = store_latency(db_path, args.calls)
    if args.http:
        report["http_search"] = http_latency(db_path, args.clients, args.searches)
    report["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print_report(report, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
