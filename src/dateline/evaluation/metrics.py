"""Scoring helpers shared by every eval: P/R/F1 counts, span matching, timed runs."""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from dateline.ingest import Article, Reject
    from dateline.pipeline import Runner
    from dateline.schema import Analysis

G = TypeVar("G")
P = TypeVar("P")


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def rates(precision: float, recall: float) -> dict[str, float]:
    """Precision, recall and F1, rounded to four places, as every eval reports them."""
    return {"precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1_score(precision, recall), 4)}


def rates_of(hits: int, predicted: int, gold: int) -> dict[str, float]:
    """:func:`rates` from counts: ``hits`` of ``predicted`` right, of ``gold`` found."""
    return rates(hits / predicted if predicted else 0.0, hits / gold if gold else 0.0)


@dataclass
class Counts:
    """True positives, false positives and false negatives, summed over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> None:
        gold_set, predicted_set = set(gold), set(predicted)
        hits = len(gold_set & predicted_set)
        self.tp += hits
        self.fp += len(predicted_set) - hits
        self.fn += len(gold_set) - hits

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def match_by_overlap(
    gold: Sequence[G], predicted: Sequence[P], overlap: Callable[[G, P], int]
) -> list[tuple[int, int]]:
    """Pair gold and predicted items one to one, largest overlap first.

    Returns (gold index, predicted index) pairs; items with no overlapping
    partner are left out.  Ties go to the earlier gold, then predicted item.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            size = overlap(g, p)
            if size > 0:
                candidates.append((-size, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append((gi, pi))
    return pairs


def run_timed(runner: Runner, articles: Sequence[Article]) -> tuple[list[Analysis | Reject], float]:
    """Run the pipeline over articles; return the results and words per second."""
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    results = list(runner.run(articles))
    seconds = time.perf_counter() - started
    return results, round(words / seconds, 1) if seconds else 0.0
