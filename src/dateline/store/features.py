"""What the story clusterer knows of an article, taken from its Analysis.

Six bags of terms, each weighted TF-IDF and compared by cosine: the words of
the whole text, the words of the lead (title and first three sentences, where
news states the event), the named participants (people by surname,
organizations and groups by name), the places below country and state level
(by GeoNames id), the numbers (counts, ages, amounts: what pins one event
down among others of its kind) and the days the text names.  Beside them the
time: the publication year (given or estimated) and the years the text names;
and the place: the article's most named town-level place (its site), so that
two fires at two branches of one chain stay two stories.  A bottom-k sketch of word 5-gram
shingles finds near-copies (wire reprints) cheaply.  Last, the static word
vector of each lead stem (from the pipeline's vocabulary, already loaded for
the NER; absent when no model is installed): the clusterer averages them,
weighted like the lead bag, into a meaning vector that meets paraphrases
("died" / "succumbed") where the bags only meet shared words.  Names
and places the NER reads inside a web address (a scraped page's own, on
its first line) are left out: a host is not a participant.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
from spacy.lang.en.stop_words import STOP_WORDS

from dateline.schema import Analysis, Span
from dateline.text.urls import url_spans

WORD = re.compile(r"[a-z][a-z0-9'’-]*[a-z0-9]|[a-z]")
#: Crude suffix stripping, enough to meet "fired"/"fires"/"firing"; longest first.
SUFFIXES = ("ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "s", "ly")
#: A stem keeps at least this many letters.
MIN_STEM = 4
#: Sentences that make the lead, after the title.
LEAD_SENTENCES = 3
#: Words per shingle and hashes kept in the bottom-k sketch.
SHINGLE_WORDS = 5
SKETCH_SIZE = 64
#: Feature codes of places too broad to tell two events apart (countries, states).
BROAD_PLACES = ("PCL", "ADM1", "CONT", "RGN")
YEAR = re.compile(r"^(\d{4})")
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def fold(text: str) -> str:
    """Lowercase, accents and curly apostrophes folded."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def content_words(text: str) -> list[str]:
    return [stem(w) for w in WORD.findall(fold(text)) if len(w) > 2 and w not in STOP_WORDS]


def outside(spans: Iterable[Span], urls: list[tuple[int, int]]) -> int:
    """How many of the mention ``spans`` lie outside every web address.

    The NER reads pieces of an address as names (a host as a person, a
    path word as a place); two pages of one site would share them.
    """
    return sum(1 for span in spans if not any(a <= span.start < b for a, b in urls))


def surname(name: str) -> str:
    """Last word of a person's name without an ``al-`` prefix: ``Abu Bakr al-Baghdadi`` -> ``baghdadi``."""
    words = fold(name).replace("-", " ").split()
    return words[-1] if words else ""


@dataclass
class ArticleFeatures:
    """The clustering view of one article."""

    bags: dict[str, Counter[str]]
    year: int | None = None
    years: set[int] = field(default_factory=set)
    top_person: str | None = None
    persons: set[str] = field(default_factory=set)
    sketch: list[int] = field(default_factory=list)
    #: Where the article happens: its most named town-level focus place, as (latitude, longitude).
    site: tuple[float, float] | None = None
    #: GeoNames ids of all its town-level places.
    local_places: set[str] = field(default_factory=set)
    #: Static word vector of each lead stem (mean over its surface forms), for the meaning vector.
    lead_vectors: dict[str, numpy.ndarray] = field(default_factory=dict)


BAGS = ("words", "lead", "ents", "places", "nums", "dates")
#: Numbers that pin an event down: counts, ages, amounts, scores ("40", "5.6", "$200"); not years.
NUMBER = re.compile(r"(?<![\w.])\$?\d+(?:[.,]\d+)*(?![\w])")


def article_features(analysis: Analysis) -> ArticleFeatures:
    text = analysis.normalization.text or analysis.text
    words = Counter(content_words(text))
    lead_end = 600
    if analysis.sentences:
        last = analysis.sentences[min(LEAD_SENTENCES - 1, len(analysis.sentences) - 1)]
        lead_end = last.span.end
    lead_text = (analysis.article.title or "") + "\n" + analysis.text[:lead_end]
    lead = Counter(content_words(lead_text))
    urls = url_spans(analysis.text)
    ents: Counter[str] = Counter()
    persons: Counter[str] = Counter()
    for entity in analysis.entities:
        count = outside((mention.span for mention in entity.mentions), urls)
        if not count:
            continue
        if entity.type.value == "PERSON":
            key = surname(entity.name)
            if key:
                ents["p:" + key] += count
                persons[key] += count
        elif entity.type.value in ("ORG", "MISC"):
            ents["o:" + fold(entity.name)] += count
    places: Counter[str] = Counter()
    coordinates: dict[str, tuple[float, float]] = {}
    for place in analysis.places:
        code = place.feature_code or ""
        count = outside((mention.span for mention in place.mentions), urls)
        if count and place.geonames_id and code and not code.startswith(BROAD_PLACES):
            places[str(place.geonames_id)] += count
            if place.focus and place.latitude is not None and place.longitude is not None:
                coordinates[str(place.geonames_id)] = (place.latitude, place.longitude)
    ranked = sorted(coordinates, key=lambda key: (-places[key], key))
    site = coordinates[ranked[0]] if ranked else None
    year = None
    if analysis.article.published is not None:
        year = analysis.article.published.year
    elif analysis.publication is not None and analysis.publication.date is not None:
        year = analysis.publication.date.year
    years = set()
    dates: Counter[str] = Counter()
    for time in analysis.times:
        if time.type.value in ("DATE", "TIME") and not time.relative:
            match = YEAR.match(time.value)
            if match:
                years.add(int(match.group(1)))
        if time.type.value == "DATE" and time.anchor != "estimated" and FULL_DATE.match(time.value):
            dates[time.value[:10]] += 1  # a day the text names, not one guessed from an estimate
    nums = Counter(n.replace(",", "") for n in NUMBER.findall(text) if not _is_year(n))
    return ArticleFeatures(
        bags={"words": words, "lead": lead, "ents": ents, "places": places, "nums": nums,
              "dates": dates},
        year=year,
        years=years,
        top_person=persons.most_common(1)[0][0] if persons else None,
        persons=set(persons),
        sketch=sketch(text),
        site=site,
        local_places=set(places),
        lead_vectors=stem_vectors(lead_text),
    )


@lru_cache(maxsize=1)
def _word_table() -> tuple[object, object] | None:
    """The pipeline's static word vectors and string table, or None when it has none."""
    try:
        from dateline.nlp import load_pipeline

        vocab = load_pipeline().vocab
    except Exception:  # noqa: BLE001 - no model installed: the meaning vector is simply absent
        return None
    if not vocab.vectors.shape[0]:
        return None
    return vocab.vectors, vocab.strings


def stem_vectors(text: str) -> dict[str, numpy.ndarray]:
    """Static vector of each content stem of ``text``: the mean of its surface words' vectors.

    Keyed by stem so the clusterer can weigh each by the stem's TF-IDF weight
    in the lead bag; words without a vector are left out.
    """
    table = _word_table()
    if table is None:
        return {}
    vectors, strings = table
    found: dict[str, list[numpy.ndarray]] = {}
    for word in WORD.findall(fold(text)):
        if len(word) <= 2 or word in STOP_WORDS:
            continue
        key = strings[word]
        if key in vectors:
            found.setdefault(stem(word), []).append(vectors[key])
    return {s: numpy.mean(v, axis=0) if len(v) > 1 else v[0] for s, v in found.items()}


def _is_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100


def sketch(text: str, size: int = SKETCH_SIZE) -> list[int]:
    """Bottom-k sketch of word shingles (stable across processes: CRC-32, not ``hash``)."""
    tokens = WORD.findall(fold(text))
    shingles = {" ".join(tokens[i : i + SHINGLE_WORDS]) for i in range(max(1, len(tokens) - SHINGLE_WORDS + 1))}
    return sorted({zlib.crc32(s.encode()) for s in shingles})[:size]


def resemblance(a: list[int], b: list[int], size: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two sketches."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:size]
    common = set(a) & set(b)
    return sum(1 for h in union if h in common) / len(union)
