#!/usr/bin/env python3
"""Cost of the events stage against spaCy's parse, on the same articles, in one process.

The whole default pipeline runs over the first N ECB+ articles (clean, then in
the degraded corpus form); the runner's per-stage timings give the events
stage's share of the ``nlp`` stage (spaCy with dateline's NER), the best of
``--repeat`` passes for the events stage, which is re-run on the parsed
articles so that the parse is not repeated.

Usage: python bench/bench_events.py [--data FILE] [--limit N] [--repeat R] [--json]
Needs ../shared/data (not part of the repo); exits 2 if absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus" / "stories-dev.jsonl"


def measure(texts: list[str], repeat: int) -> dict[str, float]:
    import dateline.pipeline as pipeline
    from dateline.events.stage import events_stage
    from dateline.ingest import Article

    runner = pipeline.Runner()
    contexts = []
    for i, text in enumerate(texts):
        ctx = pipeline.Context(Article(id=str(i), text=text, origin=str(i)))
        for stage in runner.before:
            runner._run_stage(stage, ctx)
        contexts.append(ctx)
    cpu = time.process_time()
    docs = list(pipeline._parse(contexts))
    nlp_cpu = time.process_time() - cpu
    others = [s for s in runner.after if s.name != "events"]
    for ctx, doc in zip(contexts, docs):
        ctx.layers["doc"] = doc
        for stage in others:
            runner._run_stage(stage, ctx)
    best = float("inf")
    events = 0
    for _ in range(repeat):
        cpu = time.process_time()
        found = [events_stage(ctx) for ctx in contexts]
        best = min(best, time.process_time() - cpu)
        events = sum(len(f) for f in found)
    return {"articles": len(texts), "words": sum(len(t.split()) for t in texts), "events": events,
            "nlp_cpu_seconds": round(nlp_cpu, 3), "events_cpu_seconds": round(best, 3),
            "events_ms_per_article": round(1000 * best / max(1, len(texts)), 2),
            "events_share_of_nlp": round(best / nlp_cpu, 4) if nlp_cpu else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"bench_events: needs {args.data} (../shared/data, not in the repo)", file=sys.stderr)
        return 2
    from dateline.degrade import degrade_text

    texts = [json.loads(line)["text"] for line in args.data.open(encoding="utf-8") if line.strip()][: args.limit]
    report = {"clean": measure(texts, args.repeat),
              "degraded": measure([degrade_text(t).text for t in texts], args.repeat)}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for form, r in report.items():
            print(f"{form:9} {r['articles']} articles, {r['events']} events: spaCy {r['nlp_cpu_seconds']} s CPU, "
                  f"events stage {r['events_cpu_seconds']} s ({r['events_ms_per_article']} ms/article, "
                  f"{100 * r['events_share_of_nlp']:.1f}% of spaCy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
