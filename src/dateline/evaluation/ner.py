"""``dateline eval ner``: named entities on CoNLL-2003, clean and degraded.

Each CoNLL document becomes one article (one sentence a line, tokens joined by
spaces) and goes through the whole dateline pipeline, normalization included,
exactly as a user's article would.  Predicted mentions are scored against gold
entities as in conlleval: a hit needs the exact span and the label.  dateline
types map to CoNLL labels as PERSON->PER, ORG->ORG, LOC->LOC, NORP->MISC,
MISC->MISC.

The degraded run degrades every gold sentence with
:func:`dateline.degrade.degrade_tokens` (tags kept aligned) and scores the same
way, so the two columns compare like with like.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline.evaluation.conll import CONLL_LABELS, Document, Sentence, read_conll
from dateline.evaluation.metrics import Counts, run_timed
from dateline.ingest import Article
from dateline.pipeline import Runner

#: dateline entity type -> CoNLL-2003 label.
TYPE_TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "NORP": "MISC", "MISC": "MISC"}

GoldSpan = tuple[int, int, str]


def document_text(sentences: Sequence[Sentence]) -> tuple[str, list[GoldSpan]]:
    """Join sentences into one text; return it with gold character spans."""
    lines: list[str] = []
    gold: list[GoldSpan] = []
    offset = 0
    for sentence in sentences:
        starts = []
        position = offset
        for token in sentence.tokens:
            starts.append(position)
            position += len(token) + 1
        for first, end, label in sentence.spans():
            last = end - 1
            gold.append((starts[first], starts[last] + len(sentence.tokens[last]), label))
        line = " ".join(sentence.tokens)
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), gold


def _score(documents: list[Document], degraded: bool, runner: Runner) -> dict[str, Any]:
    overall = Counts()
    per_label = {label: Counts() for label in CONLL_LABELS}
    articles, golds = [], []
    for number, document in enumerate(documents):
        sentences = [s.degraded() if degraded else s for s in document.sentences]
        sentences = [s for s in sentences if s.tokens]
        text, gold = document_text(sentences)
        if not text.strip():
            continue
        articles.append(Article(id=f"doc{number}", text=text, origin=f"doc {number}"))
        golds.append(gold)
    results, words_per_second = run_timed(runner, articles)
    skipped = 0
    for gold, result in zip(golds, results):
        if not hasattr(result, "entities"):
            skipped += 1
            predicted: list[GoldSpan] = []
        else:
            predicted = [
                (m.span.start, m.span.end, TYPE_TO_CONLL[m.type.value])
                for entity in result.entities
                for m in entity.mentions
            ]
        overall.add(gold, predicted)
        for label, counts in per_label.items():
            counts.add([g for g in gold if g[2] == label], [p for p in predicted if p[2] == label])
    scores: dict[str, Any] = overall.as_dict()
    scores["per_label"] = {label: c.as_dict() for label, c in per_label.items()}
    scores["documents"] = len(articles)
    scores["skipped"] = skipped
    scores["words_per_second"] = words_per_second
    return scores


def evaluate_ner(path: str | Path, limit: int | None = None) -> dict[str, Any]:
    """Score the pipeline's entities on a CoNLL-2003 file, clean and degraded."""
    documents = read_conll(path)
    if limit:
        documents = documents[:limit]
    runner = Runner(("normalize", "nlp", "sentences", "entities"))
    clean = _score(documents, degraded=False, runner=runner)
    degraded = _score(documents, degraded=True, runner=runner)
    return {
        "task": "ner",
        "data": str(path),
        "clean": clean,
        "degraded": degraded,
        "degraded_to_clean": round(degraded["f1"] / clean["f1"], 4) if clean["f1"] else 0.0,
    }
