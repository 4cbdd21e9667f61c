"""``dateline eval geo``: toponym detection and resolution on LGL / GeoWebNews XML.

Both formats are read (Gritta et al., "A Pragmatic Guide to Geoparsing
Evaluation", 2019, whose copies of the corpora these are):

* **LGL** (Lieberman et al. 2010): ``<article><text>`` with ``<toponym>``
  elements holding ``<start> <end> <phrase>`` and, when resolved, a
  ``<gaztag geonameid=...>`` with ``<lat> <lon>``;
* **GeoWebNews**: ``<toponym>`` with ``<type> <start> <end> <geonamesID>
  <latitude> <longitude>``.  Gold toponyms are the types the paper counts as
  toponyms: Literal, Mixed, Coercion, Embedded_Literal, Literal_Modifier,
  Metonymic, Non_Literal_Modifier, Embedded_Non_Lit.  Demonym, Language,
  Homonym, Non_Toponym and the expression types are not toponyms.

Each article goes through the real pipeline (dateline, normalize, nlp,
sentences, entities, places), on the clean text and on its degraded corpus
form (:func:`dateline.degrade.degrade_text`, gold spans moved with
``span_from_original``).  Predicted toponyms are the place mentions plus the
mentions of entities whose ``country`` is set (demonyms and adjectives such as
``Russian``, which both corpora annotate as toponyms of their country); those
are placed at their country's point.

Metrics:

* detection precision / recall / F1: a prediction matches a gold toponym when
  the spans overlap (some gold offsets are off by a character), one to one;
* ``resolution_acc_161``: on detected gold toponyms that have coordinates, the
  share resolved within 161 km (100 miles); an unresolved detection is wrong;
* ``end_to_end_acc_161``: the same over all gold toponyms with coordinates
  (a missed toponym is wrong);
* ``mean_error_km`` / ``median_error_km``: over detected and resolved gold
  toponyms with coordinates;
* ``geonames_exact``: on detected gold toponyms with a GeoNames id, the share
  resolved to that very id.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.degrade import degrade_text
from dateline.evaluation.metrics import Counts, match_by_overlap, run_timed
from dateline.ingest import Article
from dateline.pipeline import Runner
from dateline.places.resolve import haversine_km

#: GeoWebNews types that are toponyms (the paper's geotagging gold set).
GWN_TOPONYM_TYPES = frozenset({
    "Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier", "Metonymic",
    "Non_Literal_Modifier", "Embedded_Non_Lit",
})
ACCURACY_KM = 161.0
STAGES = ("dateline", "normalize", "nlp", "sentences", "entities", "places")


@dataclass
class Gold:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    type: str = "toponym"


@dataclass
class Document:
    id: str
    text: str
    gold: list[Gold] = field(default_factory=list)


@dataclass
class Prediction:
    start: int
    end: int
    lat: float | None
    lon: float | None
    geonames_id: int | None
    source: str  # place or demonym


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text not in (None, "") else None
    except ValueError:
        return None


def read_geo_xml(path: str | Path) -> tuple[str, list[Document]]:
    """Read LGL or GeoWebNews XML; returns the format name and the documents."""
    root = ET.parse(path).getroot()
    documents: list[Document] = []
    fmt = "lgl"
    for number, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        doc = Document(id=article.get("docid") or article.get("file") or str(number), text=text)
        for toponym in article.iter("toponym"):
            start, end = _int(toponym.findtext("start")), _int(toponym.findtext("end"))
            if start is None or end is None or not 0 <= start < end <= len(text):
                continue
            if toponym.find("extractedName") is not None or toponym.find("type") is not None:
                fmt = "geowebnews"
                kind = toponym.findtext("type") or ""
                if kind not in GWN_TOPONYM_TYPES:
                    continue
                doc.gold.append(Gold(
                    start, end, text[start:end],
                    lat=_float(toponym.findtext("latitude")), lon=_float(toponym.findtext("longitude")),
                    geonames_id=_int(toponym.findtext("geonamesID")), type=kind,
                ))
            else:
                tag = toponym.find("gaztag")
                gold = Gold(start, end, text[start:end])
                if tag is not None:
                    gold.geonames_id = _int(tag.get("geonameid"))
                    gold.lat, gold.lon = _float(tag.findtext("lat")), _float(tag.findtext("lon"))
                doc.gold.append(gold)
        documents.append(doc)
    return fmt, documents


def _predictions(analysis: Any) -> list[Prediction]:
    out: list[Prediction] = []
    taken: set[tuple[int, int]] = set()
    for place in analysis.places:
        for mention in place.mentions:
            out.append(Prediction(mention.span.start, mention.span.end, place.latitude, place.longitude,
                                  place.geonames_id, "place"))
            taken.add((mention.span.start, mention.span.end))
    countries = {p.country_code: p for p in analysis.places if (p.feature_code or "").startswith("PCL")}
    from dateline.places.gazetteer import get_gazetteer

    gazetteer = get_gazetteer()
    for entity in analysis.entities:
        if not entity.country:
            continue
        country = gazetteer.country(entity.country)
        if country is None:
            continue
        for mention in entity.mentions:
            span = (mention.span.start, mention.span.end)
            if span in taken or any(s < span[1] and span[0] < e for s, e in taken):
                continue
            known = countries.get(entity.country)
            out.append(Prediction(span[0], span[1], country.lat, country.lon,
                                  known.geonames_id if known else country.geonames_id, "demonym"))
            taken.add(span)
    return out


def _match(gold: list[Gold], predicted: list[Prediction]) -> list[tuple[Gold, Prediction | None]]:
    """One-to-one matching by span overlap, largest overlap first."""
    pairs = dict(match_by_overlap(gold, predicted, lambda g, p: min(g.end, p.end) - max(g.start, p.start)))
    return [(g, predicted[pairs[i]] if i in pairs else None) for i, g in enumerate(gold)]


class _Tally:
    def __init__(self) -> None:
        self.detection = Counts()
        self.places_only = Counts()
        self.with_coords = 0
        self.detected_with_coords = 0
        self.correct_161 = 0
        self.errors: list[float] = []
        self.with_id = 0
        self.exact_id = 0
        self.unresolved = 0
        self.per_type: dict[str, Counter[str]] = {}

    def add(self, gold: list[Gold], predicted: list[Prediction]) -> None:
        matched = _match(gold, predicted)
        hits = sum(1 for _, p in matched if p is not None)
        self.detection.tp += hits
        self.detection.fn += len(gold) - hits
        self.detection.fp += len(predicted) - hits
        places = [p for p in predicted if p.source == "place"]
        place_hits = sum(1 for _, p in _match(gold, places) if p is not None)
        self.places_only.tp += place_hits
        self.places_only.fn += len(gold) - place_hits
        self.places_only.fp += len(places) - place_hits
        for g, p in matched:
            counter = self.per_type.setdefault(g.type, Counter())
            counter["gold"] += 1
            counter["detected"] += p is not None
            if g.lat is None or g.lon is None:
                continue
            self.with_coords += 1
            if p is None:
                continue
            self.detected_with_coords += 1
            if p.lat is None or p.lon is None:
                self.unresolved += 1
            else:
                error = haversine_km(g.lat, g.lon, p.lat, p.lon)
                self.errors.append(error)
                if error <= ACCURACY_KM:
                    self.correct_161 += 1
                    counter["correct_161"] += 1
            if g.geonames_id:
                self.with_id += 1
                self.exact_id += p.geonames_id == g.geonames_id

    def as_dict(self) -> dict[str, Any]:
        scores: dict[str, Any] = self.detection.as_dict()
        scores["resolution_acc_161"] = round(self.correct_161 / self.detected_with_coords, 4) if self.detected_with_coords else 0.0
        scores["end_to_end_acc_161"] = round(self.correct_161 / self.with_coords, 4) if self.with_coords else 0.0
        scores["mean_error_km"] = round(statistics.fmean(self.errors), 1) if self.errors else 0.0
        scores["median_error_km"] = round(statistics.median(self.errors), 1) if self.errors else 0.0
        scores["geonames_exact"] = round(self.exact_id / self.with_id, 4) if self.with_id else 0.0
        scores["gold_with_coordinates"] = self.with_coords
        scores["detected_with_coordinates"] = self.detected_with_coords
        scores["detected_unresolved"] = self.unresolved
        scores["places_only"] = self.places_only.as_dict()
        if len(self.per_type) > 1:
            scores["per_type"] = {
                kind: {
                    "gold": c["gold"],
                    "recall": round(c["detected"] / c["gold"], 4) if c["gold"] else 0.0,
                }
                for kind, c in sorted(self.per_type.items())
            }
        return scores


def _score(documents: list[Document], degraded: bool, runner: Runner) -> dict[str, Any]:
    articles, golds = [], []
    for doc in documents:
        gold = doc.gold
        text = doc.text
        if degraded:
            form = degrade_text(text)
            text = form.text
            moved = []
            for g in gold:
                span = form.span_from_original(g.start, g.end)
                if span is not None:
                    moved.append(Gold(span[0], span[1], text[span[0]:span[1]], g.lat, g.lon, g.geonames_id, g.type))
            gold = moved
        if not text.strip():
            continue
        articles.append(Article(id=doc.id, text=text, origin=f"doc {doc.id}"))
        golds.append(gold)
    tally = _Tally()
    results, words_per_second = run_timed(runner, articles)
    skipped = 0
    for gold, result in zip(golds, results):
        if not hasattr(result, "places"):
            skipped += 1
            tally.add(gold, [])
            continue
        tally.add(gold, _predictions(result))
    scores = tally.as_dict()
    scores["documents"] = len(articles)
    scores["skipped"] = skipped
    scores["words_per_second"] = words_per_second
    return scores


def evaluate_geo(path: str | Path, limit: int | None = None) -> dict[str, Any]:
    """Score toponym detection and resolution on an LGL / GeoWebNews file, clean and degraded."""
    fmt, documents = read_geo_xml(path)
    if limit:
        documents = documents[:limit]
    runner = Runner(STAGES)
    clean = _score(documents, degraded=False, runner=runner)
    degraded = _score(documents, degraded=True, runner=runner)
    return {
        "task": "geo",
        "data": str(path),
        "format": fmt,
        "gold_toponyms": sum(len(d.gold) for d in documents),
        "clean": clean,
        "degraded": degraded,
        "end_to_end_degraded_minus_clean": round(degraded["end_to_end_acc_161"] - clean["end_to_end_acc_161"], 4),
    }
