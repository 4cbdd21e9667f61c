#!/usr/bin/env python3
"""REST API load check on loopback: analyze throughput against the library, search latency at scale, memory.

Steps, with a bounded number of requests and a time limit:

1. ``library``: ``dateline.read`` over ``--articles`` real articles, one after
   another, in this process after a warm-up: the throughput to match (measured
   again before each server round, so both see the same machine load);
2. ``store``: those analyses are stored, then copied under new ids (rows,
   places, entities and full-text entries copied in SQL, so no NLP and no
   clustering) until the store holds ``--scale`` articles, as
   ``bench_store.py`` builds its scale store by repetition;
3. ``serve``: ``dateline serve`` over that store in a subprocess (models
   loaded at start);
4. ``analyze``: after a first pass (the library's round 0 fills the same
   caches), ``--clients`` concurrent clients POST the same articles to
   ``/api/analyze``, twice; latency percentiles, throughput and its ratio to
   step 1 (by wall time, and by CPU time, which other jobs on the machine
   disturb less), the server's resident memory before, between and after the
   rounds;
5. ``search``: ``--clients`` clients send ``--searches`` GET ``/api/search``
   requests (a word, sometimes a country or an entity filter); latency
   percentiles.

Usage: python bench/bench_api.py [--articles N] [--scale N] [--clients N] [--searches N] [--json]
Articles come from ../shared/data (as bench_store.py); it says so and exits 2 if absent.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_store import DATA, print_report, real_articles

TOKEN = "bench-token"
#: Longest the whole benchmark may run, in seconds.
TIME_LIMIT = 1500
WORDS = ["police", "fire", "election", "president", "earthquake", "killed", "court", "campaign", "minister",
         "attack"]


def percentiles(values_ms: list[float]) -> dict[str, float]:
    ordered = sorted(values_ms)

    def at(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1)

    return {"n": len(ordered), "p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99),
            "max_ms": round(ordered[-1], 1)}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def search_requests(db_path: Path, count: int, headers: dict[str, str] | None = None) -> list[dict[str, object]]:
    """``count`` GET /api/search requests, the same for every run: a word alone, a word in one of
    the store's five most named countries, or one of its twenty most mentioned entities."""
    from dateline.store import Store

    random.seed(0)
    with Store(db_path, create=False) as store:
        countries = [r[0] for r in store.db.execute(
            "SELECT country_code FROM article_places WHERE country_code IS NOT NULL GROUP BY 1 "
            "ORDER BY count(*) DESC LIMIT 5")]
        names = [r[0] for r in store.db.execute("SELECT name FROM entities ORDER BY mention_count DESC LIMIT 20")]
    requests: list[dict[str, object]] = []
    for i in range(count):
        params: dict[str, object] = {"q": random.choice(WORDS)}
        if i % 3 == 1 and countries:
            params["country"] = random.choice(countries)
        elif i % 3 == 2 and names:
            params = {"entity": random.choice(names)}
        request: dict[str, object] = {"method": "GET", "url": "/api/search", "params": params}
        if headers:
            request["headers"] = headers
        requests.append(request)
    return requests


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def replicate(db_path: Path, target: int) -> int:
    """Copy the stored articles under new ids (SQL only) until the store holds ``target``."""
    import sqlite3

    from dateline.store.db import decode_analysis

    db = sqlite3.connect(db_path, isolation_level=None)
    originals = db.execute("SELECT pk, id, analysis, title FROM articles ORDER BY pk").fetchall()
    texts = {pk: (decode_analysis(blob)["text"], title or "") for pk, _, blob, title in originals}
    count = len(originals)
    round_number = 1
    db.execute("BEGIN")
    while originals and count < target:
        for pk, article_id, _, _ in originals:
            if count >= target:
                break
            new_id = f"{article_id}#{round_number}"
            new_pk = db.execute(
                "INSERT INTO articles(id, content_hash, version, previous, title, source, url, published, "
                "published_from, date, origin, degraded, story_id, reprint_of, source_key, analysis) "
                "SELECT ?, content_hash, version, previous, title, source, NULL, published, published_from, "
                "date, origin, degraded, story_id, NULL, source_key || ?, analysis FROM articles WHERE pk = ?",
                (new_id, f"#{round_number}", pk)).lastrowid
            db.execute("INSERT INTO article_places SELECT ?, local_id, geonames_id, name, country_code, admin1, "
                       "feature_code, latitude, longitude, focus, mention_count FROM article_places "
                       "WHERE article_pk = ?", (new_pk, pk))
            db.execute("INSERT INTO article_entities SELECT ?, local_id, entity_id, type, name, mention_count "
                       "FROM article_entities WHERE article_pk = ?", (new_pk, pk))
            text, title = texts[pk]
            db.execute("INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)", (new_pk, title, text))
            count += 1
        round_number += 1
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return count


def library_round(texts: list[str]) -> tuple[list[object], float, float]:
    """``dateline.read`` over the texts, one after another: the analyses, wall and CPU seconds."""
    import dateline

    started, cpu = time.perf_counter(), time.process_time()
    analyses = [dateline.read(text) for text in texts]
    return analyses, time.perf_counter() - started, time.process_time() - cpu


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db_path: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATELINE_API_TOKEN": TOKEN}
    process = subprocess.Popen([sys.executable, "-m", "dateline.cli.main", "serve", "--db", str(db_path),
                                "--port", str(port), "--workers", str(workers), "--log-level", "warning"],
                               env=env)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
        if process.poll() is not None:
            break
    process.kill()
    raise SystemExit("bench_api: the server did not start")


def hammer(url: str, requests: list[dict[str, object]], clients: int) -> tuple[list[float], float, int]:
    """Send the requests from ``clients`` threads; latencies (ms), wall seconds, non-200 answers."""
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    local = threading.local()

    def send(request: dict[str, object]) -> None:
        nonlocal failures
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=url, timeout=300)
        started = time.perf_counter()
        response = client.request(**request)  # type: ignore[arg-type]
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            latencies.append(elapsed)
            failures += response.status_code != 200

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(send, requests))
    return latencies, time.perf_counter() - started, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--scale", type=int, default=20000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1, help="Analysis threads of the server.")
    parser.add_argument("--searches", type=int, default=400)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--out", type=Path, default=None, help="Also write the report to this file.")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"bench_api: needs {DATA} (../shared/data, not in the repo)", file=sys.stderr)
        return 2
    began = time.monotonic()
    import dateline
    from dateline.store import Store

    rows = [r for r in real_articles() if len(r["text"]) < 20_000][: args.articles]
    texts = [r["text"] for r in rows]
    report: dict[str, object] = {"machine": f"{platform.machine()} cores={os.cpu_count()}",
                                 "python": platform.python_version(), "articles": len(texts),
                                 "words": sum(len(t.split()) for t in texts), "clients": args.clients,
                                 "server_workers": args.workers}
    for text in texts[:5]:
        dateline.read(text)  # warm-up: models, gazetteer, caches
    analyses, library_seconds, library_cpu = library_round(texts)
    report["library"] = [{"round": 0, "seconds": round(library_seconds, 1), "cpu_seconds": round(library_cpu, 1),
                          "articles_per_second": round(len(texts) / library_seconds, 2)}]

    work = Path(tempfile.mkdtemp(prefix="bench-api-"))
    db_path = work / "corpus.db"
    with Store(db_path) as store:
        for analysis in analyses:
            store.add(analysis)
    started = time.perf_counter()
    total = replicate(db_path, args.scale)
    report["store"] = {"articles": total, "build_seconds": round(time.perf_counter() - started, 1),
                       "mb": round(db_path.stat().st_size / 2**20, 1)}

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(db_path, port, args.workers)
    try:
        memory = {"started_mb": rss_mb(server.pid)}
        bodies = [{"method": "POST", "url": "/api/analyze", "json": {"text": t}} for t in texts]
        hammer(url, bodies, args.clients)  # a first pass, as the library's round 0, fills the same caches
        rounds = []
        for number in (1, 2):
            # Library and server rounds alternate, so a change in the machine's load hits both.
            _, library_seconds, library_cpu = library_round(texts)
            library_rate = len(texts) / library_seconds
            report["library"].append({"round": number, "seconds": round(library_seconds, 1),  # type: ignore[union-attr]
                                      "cpu_seconds": round(library_cpu, 1),
                                      "articles_per_second": round(library_rate, 2)})
            cpu_before = cpu_seconds(server.pid)
            latencies, seconds, failures = hammer(url, bodies, args.clients)
            server_cpu = cpu_seconds(server.pid) - cpu_before
            rate = len(bodies) / seconds
            rounds.append({"round": number, **percentiles(latencies), "seconds": round(seconds, 1),
                           "server_cpu_seconds": round(server_cpu, 1),
                           "articles_per_second": round(rate, 2), "ratio_to_library": round(rate / library_rate, 3),
                           "cpu_ratio_to_library": round(library_cpu / server_cpu, 3), "non_200": failures})
            memory[f"after_analyze_round_{number}_mb"] = rss_mb(server.pid)
            if time.monotonic() - began > TIME_LIMIT:
                break
        report["analyze"] = rounds

        searches = search_requests(db_path, args.searches)
        hammer(url, searches[:20], args.clients)  # page cache and connections
        latencies, seconds, failures = hammer(url, searches, args.clients)
        report["search"] = {**percentiles(latencies), "requests_per_second": round(len(searches) / seconds, 1),
                            "non_200": failures, "target_p95_ms": 150}
        memory["after_search_mb"] = rss_mb(server.pid)
        report["server_rss"] = memory
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)
    report["load_average"] = [round(x, 2) for x in os.getloadavg()]
    report["seconds"] = round(time.monotonic() - began, 1)
    text = json.dumps(report, indent=2)
    if args.out is not None:
        args.out.write_text(text + "\n", encoding="utf-8")
    print_report(report, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
