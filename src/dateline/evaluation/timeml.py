"""``dateline eval time``: time expressions on TimeML, scored as TempEval-3 task A.

A TimeML file (``.tml``) holds the document creation time in ``<DCT>`` and the
article in ``<TEXT>``, with gold ``<TIMEX3 type= value=>`` elements inline.
The reader strips the markup, keeps the text exactly (entities unescaped) and
records each TIMEX3's character span in it.  The DCT's own TIMEX3 is outside
``<TEXT>`` and never scored.

Each document goes through the dateline pipeline (normalize, nlp, sentences,
publication, times) with the DCT as its publication date (``metadata``), as
a user's article would.  Scores follow TempEval-3 task A (UzZaman et al.,
2013):

* detection, strict (same span) and relaxed (overlapping spans, matched one
  to one, largest overlap first): precision, recall, F1;
* type and value accuracy over the relaxed matches;
* value F1 and type F1: precision and recall counting only relaxed matches
  whose attribute is right (TempEval-3's "value F1").

The degraded run degrades each text with :func:`dateline.degrade.degrade_text`
(lowercased, tokenized, one sentence a line) and moves the gold spans with
``span_from_original``.  With ``publication_estimate`` the same documents are
read again with the DCT hidden: how close is the estimated publication date?
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dateline.degrade import degrade_text
from dateline.evaluation.metrics import match_by_overlap, rates_of, run_timed
from dateline.ingest import Article
from dateline.pipeline import Context, Runner, register_stage

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTRIBUTE = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class Timex:
    """A gold TIMEX3: span in the document text, type and value."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass
class TimeMLDocument:
    """One TimeML document: id, creation time, text and gold time expressions."""

    id: str
    dct: date | None
    text: str
    timexes: list[Timex] = field(default_factory=list)


def parse_timeml(markup: str, doc_id: str = "doc") -> TimeMLDocument:
    """Read TimeML markup: the text of ``<TEXT>`` with every TIMEX3's span in it."""
    dct = None
    dct_block = re.search(r"<DCT>(.*?)</DCT>", markup, re.DOTALL)
    if dct_block:
        value = _ATTRIBUTE.findall(dct_block.group(1))
        found = dict(value).get("value", "")
        match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", found)
        if match:
            dct = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    body = re.search(r"<TEXT>(.*?)</TEXT>", markup, re.DOTALL)
    content = body.group(1) if body else markup
    pieces: list[str] = []
    length = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    cursor = 0
    for tag in _TAG.finditer(content):
        chunk = html.unescape(content[cursor:tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        cursor = tag.end()
        closing, name, attributes, self_closing = tag.groups()
        if name != "TIMEX3" or self_closing:
            continue
        if not closing:
            open_timexes.append((length, dict(_ATTRIBUTE.findall(attributes))))
        elif open_timexes:
            start, attrs = open_timexes.pop()
            timexes.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", ""),
                                 attrs.get("mod")))
    chunk = html.unescape(content[cursor:])
    pieces.append(chunk)
    docid = re.search(r"<DOCID>\s*(.*?)\s*</DOCID>", markup, re.DOTALL)
    return TimeMLDocument(docid.group(1) if docid else doc_id, dct, "".join(pieces),
                          sorted(timexes, key=lambda t: t.start))


def read_timeml_dir(path: str | Path) -> list[TimeMLDocument]:
    """Every ``.tml`` file under ``path`` (recursively, in name order)."""
    root = Path(path)
    files = [root] if root.is_file() else sorted(root.rglob("*.tml"))
    return [parse_timeml(f.read_text(encoding="utf-8"), f.stem) for f in files]


# --- scoring ------------------------------------------------------------------------------

def normalize_value(value: str) -> str:
    """Equivalent spellings made equal: ISO week numbers have two digits (``W7`` = ``W07``)."""
    value = value.strip().upper()
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)


def relaxed_pairs(gold: list[Timex], predicted: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one matching of overlapping spans, largest overlap first."""
    pairs = match_by_overlap(gold, predicted, lambda g, p: min(g.end, p.end) - max(g.start, p.start))
    return [(gold[gi], predicted[pi]) for gi, pi in pairs]


@dataclass
class TimexCounts:
    """Counts for TempEval-3 task A, summed over documents."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_right: int = 0
    value_right: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, gold: list[Timex], predicted: list[Timex], text: str = "", keep_errors: bool = False
            ) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.strict += len({(g.start, g.end) for g in gold} & {(p.start, p.end) for p in predicted})
        pairs = relaxed_pairs(gold, predicted)
        self.relaxed += len(pairs)
        for g, p in pairs:
            self.type_right += g.type == p.type
            right = normalize_value(g.value) == normalize_value(p.value)
            self.value_right += right
            if keep_errors and not right:
                self.errors.append({"kind": "value", "gold": text[g.start:g.end], "value": g.value,
                                    "predicted": text[p.start:p.end], "predicted_value": p.value})
        if keep_errors:
            matched_gold = {id(g) for g, _ in pairs}
            matched_predicted = {id(p) for _, p in pairs}
            for g in gold:
                if id(g) not in matched_gold:
                    self.errors.append({"kind": "missed", "gold": text[g.start:g.end], "value": g.value,
                                        "context": text[max(0, g.start - 40):g.end + 20]})
            for p in predicted:
                if id(p) not in matched_predicted:
                    self.errors.append({"kind": "spurious", "predicted": text[p.start:p.end],
                                        "predicted_value": p.value,
                                        "context": text[max(0, p.start - 40):p.end + 20]})

    def as_dict(self) -> dict[str, Any]:
        relaxed = rates_of(self.relaxed, self.predicted, self.gold)
        return {
            **relaxed,
            "strict": rates_of(self.strict, self.predicted, self.gold),
            "relaxed": relaxed,
            "type_accuracy": round(self.type_right / self.relaxed, 4) if self.relaxed else 0.0,
            "value_accuracy": round(self.value_right / self.relaxed, 4) if self.relaxed else 0.0,
            "type": rates_of(self.type_right, self.predicted, self.gold),
            "value": rates_of(self.value_right, self.predicted, self.gold),
            "gold": self.gold,
            "predicted": self.predicted,
        }


# --- running the pipeline --------------------------------------------------------------------

#: Estimates made with the DCT hidden, by article id (filled by the stage below).
_ESTIMATES: dict[str, Any] = {}


@register_stage("publication_estimate_probe", provides="publication", requires=("doc", "normalized"))
def _estimate_probe(ctx: Context) -> Any:
    """The ``publication`` stage, noting beside it what the estimate would be without the date."""
    from dateline.times.stage import decide_publication, publication_from_text

    _ESTIMATES[ctx.article.id] = publication_from_text(ctx)
    return decide_publication(ctx)


def _predicted(result: Any) -> list[Timex]:
    return [Timex(t.span.start, t.span.end, t.type.value, t.value, t.mod) for t in result.times]


def _score(documents: list[TimeMLDocument], degraded: bool, runner: Runner, keep_errors: bool
           ) -> tuple[dict[str, Any], dict[str, Any]]:
    counts = TimexCounts()
    articles, golds = [], []
    for document in documents:
        text, gold = document.text, document.timexes
        if degraded:
            moved = degrade_text(text, keep_lines=False)
            text = moved.text
            gold = []
            for t in document.timexes:
                span = moved.span_from_original(t.start, t.end)
                if span is not None:
                    gold.append(Timex(span[0], span[1], t.type, t.value, t.mod))
        articles.append(Article(id=document.id, text=text, published=document.dct,
                                published_from="metadata" if document.dct else None, origin=document.id))
        golds.append(gold)
    results, words_per_second = run_timed(runner, articles)
    skipped = 0
    estimates = {}
    for article, gold, result in zip(articles, golds, results):
        if not hasattr(result, "times"):
            skipped += 1
            counts.add(gold, [], article.text, keep_errors)
            continue
        counts.add(gold, _predicted(result), article.text, keep_errors)
        estimates[article.id] = _ESTIMATES.pop(article.id, None)
    scores = counts.as_dict()
    scores["documents"] = len(articles)
    scores["skipped"] = skipped
    scores["words_per_second"] = words_per_second
    if keep_errors:
        scores["errors"] = counts.errors
    return scores, estimates


#: Estimates at least this confident are also scored on their own.
CONFIDENT = 0.2


def estimate_scores(documents: Iterable[TimeMLDocument], estimates: dict[str, Any]) -> dict[str, Any]:
    """How the estimated publication dates compare with the hidden DCTs.

    Rates are over all documents with a DCT; ``of_estimated`` gives them over
    the documents that got an estimate, with the mean confidence beside the
    within-a-week rate (a calibrated confidence makes the two equal), and
    ``confident`` the estimates whose confidence reaches ``CONFIDENT``.
    """
    total = dated = 0
    within_week = same_month = same_year = covered = 0
    confidence = 0.0
    confident = confident_right = 0
    widths = []
    for document in documents:
        if document.dct is None:
            continue
        total += 1
        estimate = estimates.get(document.id)
        if estimate is None or estimate.date is None:
            continue
        dated += 1
        right = abs((estimate.date - document.dct).days) <= 7
        within_week += right
        same_month += (estimate.date.year, estimate.date.month) == (document.dct.year, document.dct.month)
        same_year += estimate.date.year == document.dct.year
        if estimate.earliest and estimate.latest:
            covered += estimate.earliest <= document.dct <= estimate.latest
            widths.append((estimate.latest - estimate.earliest).days + 1)
        sure = estimate.confidence if estimate.confidence is not None else 1.0
        confidence += sure
        if sure >= CONFIDENT:
            confident += 1
            confident_right += right

    def rate(count: float, of: int) -> float:
        return round(count / of, 4) if of else 0.0

    widths.sort()
    return {
        "documents": total,
        "estimated": dated,
        "within_7_days": rate(within_week, total),
        "same_month": rate(same_month, total),
        "same_year": rate(same_year, total),
        "interval_covers": rate(covered, total),
        "median_interval_days": widths[len(widths) // 2] if widths else None,
        "of_estimated": {
            "within_7_days": rate(within_week, dated),
            "same_month": rate(same_month, dated),
            "same_year": rate(same_year, dated),
            "interval_covers": rate(covered, dated),
            "mean_confidence": rate(confidence, dated) if dated else 0.0,
        },
        "confident": {"threshold": CONFIDENT, "estimated": confident,
                      "within_7_days": rate(confident_right, confident)},
    }


def evaluate_time(path: str | Path, limit: int | None = None, keep_errors: bool = False
                  ) -> dict[str, Any]:
    """Score the times layer on the TimeML files under ``path``, clean and degraded."""
    documents = read_timeml_dir(path)
    if limit:
        documents = documents[:limit]
    runner = Runner(("normalize", "nlp", "sentences", "publication_estimate_probe", "times"))
    clean, clean_estimates = _score(documents, False, runner, keep_errors)
    degraded, degraded_estimates = _score(documents, True, runner, keep_errors)
    return {
        "task": "time",
        "data": str(path),
        "clean": clean,
        "degraded": degraded,
        "degraded_to_clean": round(degraded["value"]["f1"] / clean["value"]["f1"], 4)
        if clean["value"]["f1"] else 0.0,
        "publication_estimate": {
            "clean": estimate_scores(documents, clean_estimates),
            "degraded": estimate_scores(documents, degraded_estimates),
        },
    }
