"""``dateline eval events``: event coding on PLOVER gold standard records, clean and degraded.

The records (``gsr-dev.json``: PLOVER's English gold standard records, example
sentences of the CAMEO manual coded to PLOVER) are a JSON list; the first
record documents the file and has no text.  Each record's ``text`` goes
through the whole pipeline as an article of its own, as written and in the
degraded corpus form (:func:`dateline.degrade.degrade_text`).  The predicted
event of a record is the highest-confidence event dateline finds in it; a
record with none counts as wrong everywhere.

Scores:

* ``type_accuracy`` over all records, and ``macro_f1`` over the categories
  (per-category precision and recall of the predicted type, averaged over the
  categories in the gold or the predictions);
* ``mode_accuracy`` over records whose gold has a mode (the records use an
  older mode vocabulary: ``strike-hun`` is ``hunger``, ``demo-org`` ``demo``,
  ``assassinate`` ``targeted``; compared after that mapping);
* ``source_country_accuracy`` / ``target_country_accuracy``: over records whose
  gold actor has a code, the predicted first actor's code is one of the gold
  codes (PLOVER's later ``UNO`` and ``EUR`` count as the records' ``IGO``);
* ``source_sector_accuracy`` / ``target_sector_accuracy``: likewise for the
  sector (its first three letters: ``REBalb`` is ``REB``);
* ``confusion``: gold type -> predicted type -> count (``none`` when nothing).

Dateline never reads the records' markup, codes or actor texts: only ``text``.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.degrade import degrade_text
from dateline.ingest import Article
from dateline.pipeline import DEFAULT_STAGES, Runner

NONE = "none"
#: Modes of the gold records' PLOVER version and the codebook's names for them.
MODE_VERSIONS = {
    "strike-hun": "hunger", "strike-gen": "strike", "demo-org": "demo", "demo-spon": "demo",
    "riot-org": "riot", "riot-spon": "riot", "assassinate": "targeted", "detain": "arrest",
}
#: Later PLOVER codes for bodies the records code IGO.
CODE_VERSIONS = {"UNO": "IGO", "EUR": "IGO"}


@dataclass
class GoldRecord:
    id: str
    text: str
    event: str
    mode: str | None
    source_codes: list[str] = field(default_factory=list)
    source_sectors: list[str] = field(default_factory=list)
    target_codes: list[str] = field(default_factory=list)
    target_sectors: list[str] = field(default_factory=list)


def _actors(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, list):
        return [a for a in value if isinstance(a, dict)]
    if isinstance(value, dict):
        return [value]
    return []


def _sector(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()[:3].upper()
    return value if len(value) == 3 and value.isalpha() else None


def _code(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip().upper()
    return CODE_VERSIONS.get(value, value)


def normalize_mode(mode: str | None) -> str | None:
    if not mode or not mode.strip():
        return None
    mode = mode.strip().lower()
    return MODE_VERSIONS.get(mode, mode)


def read_records(path: str | Path) -> list[GoldRecord]:
    """The gold records with text and an event type (the documentation record is skipped)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = [data]
    records = []
    for raw in data:
        if not isinstance(raw, dict) or not raw.get("text") or not raw.get("event") or raw["event"] == "DOCUMENT":
            continue
        sources, targets = _actors(raw.get("source")), _actors(raw.get("target"))
        records.append(GoldRecord(
            id=str(raw.get("id", len(records))),
            text=raw["text"],
            event=str(raw["event"]).upper(),
            mode=normalize_mode(raw.get("mode")),
            source_codes=[c for c in (_code(a.get("code")) for a in sources) if c],
            source_sectors=[s for s in (_sector(a.get("sector")) for a in sources) if s],
            target_codes=[c for c in (_code(a.get("code")) for a in targets) if c],
            target_sectors=[s for s in (_sector(a.get("sector")) for a in targets) if s],
        ))
    return records


@dataclass
class Prediction:
    event: str
    mode: str | None
    source_code: str | None
    source_sector: str | None
    target_code: str | None
    target_sector: str | None
    confidence: float


def predict(analysis: Any) -> Prediction | None:
    """The highest-confidence event of an analysis, as compared with a record."""
    events = getattr(analysis, "events", None) or []
    if not events:
        return None
    best = max(events, key=lambda e: e.confidence)
    source = best.source[0] if best.source else None
    target = best.target[0] if best.target else None
    return Prediction(
        event=best.type.value,
        mode=normalize_mode(best.mode),
        source_code=_code(source.code) if source else None,
        source_sector=source.sector if source else None,
        target_code=_code(target.code) if target else None,
        target_sector=target.sector if target else None,
        confidence=best.confidence,
    )


class _Ratio:
    def __init__(self) -> None:
        self.hits = 0
        self.total = 0

    def add(self, hit: bool) -> None:
        self.hits += bool(hit)
        self.total += 1

    @property
    def value(self) -> float:
        return round(self.hits / self.total, 4) if self.total else 0.0


def score(records: list[GoldRecord], predictions: list[Prediction | None]) -> dict[str, Any]:
    """Accuracy, macro F1, mode and actor accuracies, and the confusion table."""
    types, modes = _Ratio(), _Ratio()
    source_country, source_sector, target_country, target_sector = _Ratio(), _Ratio(), _Ratio(), _Ratio()
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for gold, predicted in zip(records, predictions):
        label = predicted.event if predicted else NONE
        confusion[gold.event][label] += 1
        types.add(label == gold.event)
        if gold.mode:
            modes.add(predicted is not None and predicted.mode == gold.mode)
        if gold.source_codes:
            source_country.add(predicted is not None and predicted.source_code in gold.source_codes)
        if gold.source_sectors:
            source_sector.add(predicted is not None and predicted.source_sector in gold.source_sectors)
        if gold.target_codes:
            target_country.add(predicted is not None and predicted.target_code in gold.target_codes)
        if gold.target_sectors:
            target_sector.add(predicted is not None and predicted.target_sector in gold.target_sectors)
    labels = sorted({r.event for r in records} | {p.event for p in predictions if p})
    per_label = {}
    for label in labels:
        tp = confusion[label][label] if label in confusion else 0
        predicted_n = sum(c[label] for c in confusion.values())
        gold_n = sum(confusion[label].values()) if label in confusion else 0
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                            "gold": gold_n, "predicted": predicted_n}
    macro = sum(v["f1"] for v in per_label.values()) / len(per_label) if per_label else 0.0
    return {
        "records": len(records),
        "with_event": sum(1 for p in predictions if p is not None),
        "type_accuracy": types.value,
        "macro_f1": round(macro, 4),
        "mode_accuracy": modes.value, "mode_records": modes.total,
        "source_country_accuracy": source_country.value, "source_country_records": source_country.total,
        "source_sector_accuracy": source_sector.value, "source_sector_records": source_sector.total,
        "target_country_accuracy": target_country.value, "target_country_records": target_country.total,
        "target_sector_accuracy": target_sector.value, "target_sector_records": target_sector.total,
        "per_label": per_label,
        "confusion": {gold: dict(sorted(row.items())) for gold, row in sorted(confusion.items())},
    }


def _run(records: list[GoldRecord], degraded: bool, runner: Runner) -> tuple[dict[str, Any], list]:
    articles = []
    for record in records:
        text = degrade_text(record.text).text if degraded else record.text
        articles.append(Article(id=record.id, text=text, origin=f"record {record.id}"))
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    results = list(runner.run(articles))
    seconds = time.perf_counter() - started
    predictions = [predict(r) if hasattr(r, "events") else None for r in results]
    scores = score(records, predictions)
    scores["skipped"] = sum(1 for r in results if not hasattr(r, "events"))
    scores["words_per_second"] = round(words / seconds, 1) if seconds else 0.0
    scores["events_stage_seconds"] = round(runner.timings.get("events", 0.0), 3)
    return scores, predictions


def evaluate_events(path: str | Path, limit: int | None = None, errors: bool = False) -> dict[str, Any]:
    """Score event coding on PLOVER gold standard records, clean and degraded."""
    records = read_records(path)
    if limit:
        records = records[:limit]
    clean, clean_predictions = _run(records, False, Runner(DEFAULT_STAGES))
    degraded, _ = _run(records, True, Runner(DEFAULT_STAGES))
    result: dict[str, Any] = {"task": "events", "data": str(path), "records": len(records),
                              "clean": clean, "degraded": degraded}
    if errors:
        result["errors"] = [
            {"id": r.id, "gold": r.event, "predicted": p.event if p else NONE,
             "gold_source": r.source_codes, "predicted_source": p.source_code if p else None}
            for r, p in zip(records, clean_predictions) if (p.event if p else NONE) != r.event
        ]
    return result
