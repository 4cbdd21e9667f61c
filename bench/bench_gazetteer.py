#!/usr/bin/env python3
"""Gazetteer lookup latency and memory, and the places stage's share of the pipeline.

Measures, in this process:

* the gazetteer file (size, places, names) and the time to open it;
* RSS before and after opening it;
* lookup latency in microseconds (p50 / p95 / mean) for cold lookups (every
  name once, the SQLite query) and warm ones (the in-process cache), over
  a fixed list of place names plus misses;
* optionally (``--pipeline``) the time the places stage takes per article on
  the bundled example articles, next to the whole pipeline.

Usage: python bench/bench_gazetteer.py [--json] [--pipeline]
Needs no data outside the repository.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import time
from pathlib import Path

NAMES = [
    "Cairo", "Paris", "Georgia", "Albany", "Albania", "Mosul", "raqqa", "Sirte", "Springfield",
    "Alexandria", "Washington", "U.S.", "W.Va.", "Middle East", "northern sinai", "London",
    "Columbus", "Athens", "Lagos", "Kyiv", "New York", "Los Angeles", "São Paulo", "Bogotá",
    "Laurel County", "Rapides Parish", "Gaza Strip", "Crimea", "Tbilisi", "Dublin", "Oxford",
    "Richmond", "Gainesville", "Texas", "Ohio", "Russia", "Japan", "Libya", "Egypt", "Syria",
    "Qzxvbrtlwen", "the", "of", "Nowhereville Heights", "Kathmandu", "Perth", "Victoria",
    "Santiago", "Córdoba", "Jordan", "Lebanon", "Sudan", "Darfur", "Kashmir", "Sahel",
]
ROOT = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc), or peak if unavailable."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:  # pragma: no cover
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_us": round(ordered[len(ordered) // 2], 1),
        "p95_us": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
        "mean_us": round(statistics.fmean(ordered), 1),
    }


def bench_lookups(repeat: int) -> dict[str, object]:
    from dateline.places.gazetteer import Gazetteer

    before = rss_mb()
    started = time.perf_counter()
    gazetteer = Gazetteer()
    opened = time.perf_counter() - started
    after = rss_mb()
    cold, warm = [], []
    for name in NAMES:
        t = time.perf_counter()
        gazetteer.lookup(name)
        cold.append((time.perf_counter() - t) * 1e6)
    for _ in range(repeat):
        for name in NAMES:
            t = time.perf_counter()
            gazetteer.lookup(name)
            warm.append((time.perf_counter() - t) * 1e6)
    uncached = []
    for _ in range(repeat):
        gazetteer.lookup_key.cache_clear()
        for name in NAMES:
            t = time.perf_counter()
            gazetteer.lookup(name)
            uncached.append((time.perf_counter() - t) * 1e6)
    return {
        "gazetteer": str(gazetteer.path),
        "size_mb": round(gazetteer.path.stat().st_size / 1e6, 1),
        "places": int(gazetteer.meta.get("places", 0)),
        "names": int(gazetteer.meta.get("aliases", 0)),
        "open_seconds": round(opened, 3),
        "rss_before_mb": round(before, 1),
        "rss_after_open_mb": round(after, 1),
        "rss_after_lookups_mb": round(rss_mb(), 1),
        "lookups": len(NAMES),
        "first_lookup": percentiles(cold),
        "uncached": percentiles(uncached),
        "cached": percentiles(warm),
    }


def bench_pipeline() -> dict[str, object]:
    """Per-article time of the places stage vs the whole pipeline, on the bundled examples."""
    from dateline import pipeline
    from dateline.ingest import article_from_text

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    articles = [article_from_text(t, origin=f"ex{i}") for i, t in enumerate(texts * 5)]
    timings: dict[str, float] = {}
    original = pipeline.Runner._run_stage

    def timed(self, stage, ctx):
        t = time.perf_counter()
        original(self, stage, ctx)
        timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - t

    runner = pipeline.Runner()
    list(runner.run(articles[:2]))  # load models
    timings.clear()
    pipeline.Runner._run_stage = timed
    try:
        started = time.perf_counter()
        list(runner.run(articles))
        total = time.perf_counter() - started
    finally:
        pipeline.Runner._run_stage = original
    words = sum(len(a.text.split()) for a in articles)
    return {
        "articles": len(articles),
        "words": words,
        "pipeline_seconds": round(total, 3),
        "places_stage_seconds": round(timings.get("places", 0.0), 3),
        "places_ms_per_article": round(1000 * timings.get("places", 0.0) / len(articles), 2),
        "places_share": round(timings.get("places", 0.0) / total, 4) if total else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--pipeline", action="store_true", help="Also time the places stage.")
    args = parser.parse_args()
    result: dict[str, object] = {
        "machine": {"cpu": platform.processor() or platform.machine(), "python": platform.python_version()},
        "lookups": bench_lookups(args.repeat),
    }
    if args.pipeline:
        result["pipeline"] = bench_pipeline()
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        look = result["lookups"]
        print(f"gazetteer {look['gazetteer']}: {look['size_mb']} MB, {look['places']} places, "
              f"{look['names']} names, opened in {look['open_seconds']} s")
        print(f"RSS {look['rss_before_mb']} MB before, {look['rss_after_open_mb']} MB after opening, "
              f"{look['rss_after_lookups_mb']} MB after lookups")
        for kind in ("first_lookup", "uncached", "cached"):
            p = look[kind]
            print(f"{kind:>12}: p50 {p['p50_us']} us, p95 {p['p95_us']} us, mean {p['mean_us']} us")
        if "pipeline" in result:
            pipe = result["pipeline"]
            print(f"places stage: {pipe['places_ms_per_article']} ms/article, "
                  f"{100 * pipe['places_share']:.1f}% of the pipeline ({pipe['articles']} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
