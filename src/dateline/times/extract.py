"""Find and normalize the time expressions of one text.

One pass of the grammar over the lowercased normalized text, context checks
with spaCy's tags, then values resolved in text order (so the reference time
for ``a year earlier`` is the date mentioned just before).  Offsets here are
in the normalized text; the stage maps them to the original.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.times.context import Neighbours, accept, tense_at, trim
from dateline.times.normalize_value import Resolver, Value
from dateline.times.rules import Match, find_matches, lowercase_same_length


@dataclass
class Found:
    """One time expression: its span in the normalized text, sentence, match and value."""

    start: int
    end: int
    sentence: int
    match: Match
    value: Value
    tense: str | None


def sentence_starts(doc: Any) -> list[int]:
    """Start offsets of the doc's non-blank sentences (the ``sentences`` layer's numbering)."""
    if doc is None:
        return [0]
    starts = []
    for sent in doc.sents:
        if sent.text.strip():
            starts.append(sent.start_char)
    return starts or [0]


Detection = tuple[str, list[Match], Neighbours]
#: The last detection, keyed by text and doc: the ``publication`` and ``times``
#: stages both need it for the same article, one right after the other.
_last_detection: tuple[tuple[str, int], Detection] | None = None


def detect(text: str, doc: Any = None) -> Detection:
    """The lowercased text, the vetted matches, and the neighbourhood helper."""
    global _last_detection
    key = (text, id(doc))
    cached = _last_detection
    if cached is not None and cached[0] == key:
        return cached[1]
    low = lowercase_same_length(text)
    neighbours = Neighbours(low, doc)
    matches = find_matches(low, accept=lambda m: accept(m, neighbours))
    _last_detection = (key, (low, matches, neighbours))
    return low, matches, neighbours


def extract_times(text: str, doc: Any = None, anchor: date | None = None) -> list[Found]:
    """Time expressions of ``text`` (the text ``doc`` was parsed from), resolved against ``anchor``."""
    low, matches, neighbours = detect(text, doc)
    if not matches:
        return []
    tenses: dict[int, str | None] = {}

    def tense(match: Match) -> str | None:
        if match.start not in tenses:
            tenses[match.start] = tense_at(doc, neighbours.token_index(match.start)) if doc is not None else None
        return tenses[match.start]

    resolver = Resolver(low, anchor, tense)
    starts = sentence_starts(doc)
    found = []
    for match in matches:
        value = resolver.resolve(match)
        if value is None:
            continue
        start, end = trim(match, low)
        sentence = max(bisect_right(starts, start) - 1, 0)
        found.append(Found(start, end, sentence, match, value, tenses.get(match.start)))
    return found
