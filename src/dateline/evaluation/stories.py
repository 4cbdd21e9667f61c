"""``dateline eval stories``: online story clustering scored with B³ and pairwise F1.

The data is JSON Lines ``{id, story, text}`` (ECB+ reshaped: ``story`` is the
gold cluster; each topic holds two distinct events of the same kind).  Every
article goes through the whole pipeline and then into a fresh in-memory
:class:`~dateline.store.Store`, one by one in file order, so each is placed
in a story on arrival against the stories before it, exactly as
``dateline ingest`` does.  The degraded setting does the same on
:func:`dateline.degrade.degrade_text` of each text.  An article the pipeline
rejects counts as a story of its own.

Metrics: B³ (Bagga & Baldwin 1998) precision and recall averaged over
articles, F1 of the two; pairwise precision / recall / F1 over article pairs
put in one story; and ``mixed_stories``, predicted stories that hold articles
of more than one gold story.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from dateline.degrade import degrade_text
from dateline.errors import MALFORMED_RECORD, FormatError
from dateline.evaluation.metrics import rates
from dateline.ingest import Article, Reject
from dateline.pipeline import Runner


def read_stories(path: str | Path, limit: int | None = None) -> list[dict[str, str]]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                rows.append({"id": str(row["id"]), "story": str(row["story"]), "text": row["text"]})
            except (ValueError, KeyError, TypeError) as exc:
                raise FormatError(f"expected a JSON object with id, story and text ({exc})",
                                  where=f"{path}:{number}", kind=MALFORMED_RECORD) from exc
            if limit and len(rows) >= limit:
                break
    return rows


def b_cubed(predicted: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    clusters: dict[Any, set[str]] = defaultdict(set)
    classes: dict[Any, set[str]] = defaultdict(set)
    for item in gold:
        clusters[predicted[item]].add(item)
        classes[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        common = len(clusters[predicted[item]] & classes[gold[item]])
        precision += common / len(clusters[predicted[item]])
        recall += common / len(classes[gold[item]])
    n = len(gold) or 1
    return rates(precision / n, recall / n)


def pairwise(predicted: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    def pairs(labels: dict[str, Any]) -> set[tuple[str, str]]:
        groups: dict[Any, list[str]] = defaultdict(list)
        for item in gold:
            groups[labels[item]].append(item)
        return {(a, b) for members in groups.values() for i, a in enumerate(sorted(members))
                for b in sorted(members)[i + 1:]}

    found, wanted = pairs(predicted), pairs(gold)
    tp = len(found & wanted)
    return rates(tp / len(found) if found else 0.0, tp / len(wanted) if wanted else 0.0)


def cluster(rows: list[dict[str, str]], degraded: bool, runner: Runner) -> tuple[dict[str, Any], dict[str, Any]]:
    from dateline.store import Store

    articles = []
    for row in rows:
        text = degrade_text(row["text"]).text if degraded else row["text"]
        articles.append(Article(id=row["id"], text=text, origin=f"story {row['story']} / {row['id']}"))
    predicted: dict[str, Any] = {}
    rejected = 0
    started = time.perf_counter()
    with Store(":memory:") as store:
        for result in runner.run(articles):
            if isinstance(result, Reject):
                rejected += 1
                continue
            store.add(result)
        for article_id, story in store.db.execute("SELECT id, story_id FROM articles"):
            predicted[article_id] = story
    seconds = time.perf_counter() - started
    for row in rows:
        predicted.setdefault(row["id"], f"rejected:{row['id']}")
    return predicted, {"rejected": rejected, "seconds": round(seconds, 1)}


def evaluate_stories(path: str | Path, limit: int | None = None) -> dict[str, Any]:
    rows = read_stories(path, limit)
    gold = {row["id"]: row["story"] for row in rows}
    runner = Runner()
    result: dict[str, Any] = {"task": "stories", "data": str(path), "articles": len(rows),
                              "gold_stories": len(set(gold.values()))}
    for setting in ("clean", "degraded"):
        predicted, info = cluster(rows, setting == "degraded", runner)
        members: dict[Any, set[str]] = defaultdict(set)
        for item, story in predicted.items():
            members[story].add(gold[item])
        result[setting] = {
            **b_cubed(predicted, gold),
            "pairwise": pairwise(predicted, gold),
            "stories": len(members),
            "mixed_stories": sum(1 for labels in members.values() if len(labels) > 1),
            **info,
        }
    return result
