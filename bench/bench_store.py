#!/usr/bin/env python3
"""Corpus store benchmark: ingest throughput against ``dateline read``, size, query latency, memory.

Real articles come from ``../shared/data``: ECB+ (462), PolNeAR (924, source
and date from the file names), LGL (588) and GeoWebNews (200), taken round
robin up to ``--articles``.  Steps, in one process after the models load:

1. ``read``: the pipeline alone over the articles (what ``dateline read`` does);
2. ``ingest``: ``Store.ingest`` of the same articles into a fresh store file
   (pipeline + storage + entity resolution + online clustering + event
   dedup + FTS);
3. ``re-ingest``: the same file again; every table's rows must be unchanged;
4. ``scale``: the stored analyses are added again under new ids until the
   store holds ``--scale`` articles (storage and clustering only, no NLP),
   then size per 1,000 articles and query latencies are measured there.

Usage: python bench/bench_store.py [--articles N] [--scale N] [--json]
Needs ../shared/data (not part of the repo); it says so and exits 2 if absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def real_articles() -> list[dict[str, str]]:
    sources: list[list[dict[str, str]]] = []
    ecb = DATA / "ecbplus" / "stories-dev.jsonl"
    sources.append([{"id": f"ecb-{r['id']}", "text": r["text"]}
                    for r in map(json.loads, ecb.open(encoding="utf-8"))])
    polnear = []
    for path in sorted((DATA / "polnear").glob("*/text/*.txt")):
        match = re.match(r"([a-z]+)_(\d{4}-\d{2}-\d{2})_", path.name)
        polnear.append({"id": f"polnear-{path.stem}", "text": path.read_text(encoding="utf-8"),
                        "source": match.group(1) if match else "", "published": match.group(2) if match else ""})
    sources.append(polnear)
    for name in ("lgl.xml", "geowebnews.xml"):
        root = ET.parse(DATA / "geo" / name).getroot()
        sources.append([{"id": f"{name.split('.')[0]}-{i}", "text": a.findtext("text") or ""}
                        for i, a in enumerate(root.iter("article")) if (a.findtext("text") or "").strip()])
    mixed = []
    for i in range(max(len(s) for s in sources)):
        mixed.extend(s[i] for s in sources if i < len(s))
    return mixed


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table_digest(db) -> dict[str, str]:
    out = {}
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%'"):
        digest = hashlib.sha1()
        for row in db.execute(f"SELECT * FROM {name} ORDER BY 1, 2"):
            digest.update(repr(row).encode())
        out[name] = digest.hexdigest()
    return out


def timed(func, repeat: int) -> dict[str, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
            "max_ms": round(times[-1], 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--scale", type=int, default=20000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", type=Path, default=None, help="Keep the store at this path (else deleted).")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"bench_store: needs {DATA} (../shared/data, not in the repo)", file=sys.stderr)
        return 2
    from dateline.ingest import iter_articles
    from dateline.pipeline import Runner
    from dateline.store import Store

    rows = real_articles()[: args.articles]
    work = Path(tempfile.mkdtemp(prefix="bench-store-"))
    corpus = work / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    words = sum(len(r["text"].split()) for r in rows)
    report: dict[str, object] = {
        "machine": f"{platform.machine()} cores={os.cpu_count()}",
        "python": platform.python_version(), "articles": len(rows), "words": words,
    }
    runner = Runner()
    warm = work / "warm.jsonl"
    warm.write_text("".join(json.dumps({**r, "id": "warm-" + r["id"]}) + "\n" for r in rows[:20]), encoding="utf-8")
    list(runner.run(iter_articles([str(warm)]), batch_size=16))  # warm-up: models, gazetteer, caches
    started = time.perf_counter()
    analyses = [r for r in Runner().run(iter_articles([str(corpus)]), batch_size=16) if hasattr(r, "entities")]
    read_seconds = time.perf_counter() - started
    report["read"] = {"seconds": round(read_seconds, 1), "articles_per_second": round(len(rows) / read_seconds, 2)}

    db_path = args.keep or work / "store.db"
    if db_path.exists():
        db_path.unlink()
    store = Store(db_path)
    started = time.perf_counter()
    ingested = store.ingest([str(corpus)])
    ingest_seconds = time.perf_counter() - started
    report["ingest"] = {"seconds": round(ingest_seconds, 1), "articles_per_second": round(len(rows) / ingest_seconds, 2),
                        "ratio_to_read": round(read_seconds / ingest_seconds, 3), **ingested.model_dump()}
    before = table_digest(store.db)
    started = time.perf_counter()
    again = store.ingest([str(corpus)])
    report["reingest"] = {"seconds": round(time.perf_counter() - started, 1), "unchanged": again.unchanged,
                          "same_rows": table_digest(store.db) == before}

    # Scale: the same analyses again under new ids, storage and clustering only.
    started = time.perf_counter()
    copies = 0
    round_number = 1
    stored = store.counts()["articles"]
    while analyses and stored < args.scale:
        for analysis in analyses:
            if stored >= args.scale:
                break
            meta = analysis.article.model_copy(update={"id": f"{analysis.article.id}#{round_number}"})
            store.add(analysis.model_copy(update={"article": meta}))
            copies += 1
            stored += 1
        round_number += 1
    scale_seconds = time.perf_counter() - started
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db_path.stat().st_size
    total = store.counts()["articles"]
    report["scale"] = {"articles": total, "added_without_nlp": copies, "seconds": round(scale_seconds, 1),
                       "store_only_articles_per_second": round(copies / scale_seconds, 1) if copies else None,
                       "store_mb": round(size / 2**20, 1), "mb_per_1000_articles": round(size / 2**20 / total * 1000, 2),
                       "stories": store.counts()["stories"], "entities": store.counts()["entities"],
                       "events": store.counts()["events"], "event_mentions": store.counts()["event_mentions"]}

    random.seed(0)
    names = [r[0] for r in store.db.execute("SELECT name FROM entities ORDER BY mention_count DESC LIMIT 40")]
    story_ids = [r[0] for r in store.db.execute("SELECT id FROM stories ORDER BY random() LIMIT 40")]
    words_pool = ["police", "fire", "election", "president", "earthquake", "killed", "court", "campaign"]
    countries = [r[0] for r in store.db.execute(
        "SELECT country_code FROM article_places WHERE country_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 5")]
    event_types = [r[0] for r in store.db.execute(
        "SELECT type FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 5")] or ["ASSAULT"]
    event_ids = [r[0] for r in store.db.execute("SELECT id FROM events ORDER BY random() LIMIT 40")] or [1]
    latency = {
        "search": timed(lambda: store.search(random.choice(words_pool)), 40),
        "search_filtered": timed(lambda: store.search(random.choice(words_pool), country=random.choice(countries),
                                                      since="2000-01-01"), 40),
        "search_entity_filter": timed(lambda: store.search("", entity=random.choice(names)), 40),
        "entity": timed(lambda: store.entity(random.choice(names)), 40),
        "story": timed(lambda: store.story(random.choice(story_ids)), 40),
        "timeline": timed(lambda: store.timeline(country=random.choice(countries)), 20),
        "search_event_type": timed(lambda: store.search(random.choice(words_pool),
                                                        event_type=random.choice(event_types)), 40),
        "events": timed(lambda: store.events(limit=50, offset=random.randrange(0, 500)), 40),
        "events_filtered": timed(lambda: store.events(type=random.choice(event_types),
                                                      country=random.choice(countries)), 40),
        "events_entity": timed(lambda: store.events(entity=random.choice(names)), 40),
        "event": timed(lambda: store.event(random.choice(event_ids)), 40) if store.counts()["events"] else None,
    }
    report["latency_at_scale"] = latency
    report["peak_rss_mb"] = round(rss_mb(), 1)
    store.close()
    shutil.rmtree(work, ignore_errors=True)
    print_report(report, args.json)
    return 0


def print_report(report: dict, as_json: bool) -> None:
    """The report as indented JSON, or one ``key: value`` line per entry."""
    if as_json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    sys.exit(main())
