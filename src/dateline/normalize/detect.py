"""Judge whether an input is in the degraded corpus form.

Two independent kinds of damage are measured: lost case (no capitals, even at
sentence starts) and tokenization (spaces before ``,`` ``.`` ``)`` and after
``(`` ``$``).  In inputs too short for the letter counts to be trusted, a
stripped possessive (``city s``) or tokenization is taken as further evidence
that the lowercase is lost case.  Every
measurement is reported in ``signals`` so a caller can see why a text was
judged as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import ne

#: Fewer cased letters say too little about lost case (a lone lowercase word may be meant so).
MIN_CASED_LETTERS = 20
#: Degraded text is wholly lowercase; clean prose sits near 0.95; 0.99 allows a stray capital.
MIN_LOWERCASE_RATIO = 0.99
#: Clean prose starts nearly every sentence with a capital; mostly lowercase starts mean lost case.
MIN_LOWER_START_RATIO = 0.5
#: Fewer split marks than this could be a typo or a spaced dash, not tokenization.
MIN_SPLIT_PUNCT = 2
#: Tokenized text splits nearly every mark off its word; clean text almost none.
MIN_SPLIT_PUNCT_RATIO = 0.5

# Marks that close on the word before them, counted when a space follows them.  French
# typography spaces before ; : ! ? so those are left out.
_CLOSING_MARKS = re.compile(r"[,.)\]}%](?!\S)")
_CLOSING_SPLIT = re.compile(r"(?<!\S)[,.)\]}%](?!\S)")
# Marks that open on the word after them, counted when a space precedes them.
_OPENING_MARKS = re.compile(r"(?<!\S)[(\[{$\u00a3\u20ac]")
_OPENING_SPLIT = re.compile(r"(?<!\S)[(\[{$\u00a3\u20ac](?=\s)")
_SPLIT_POSSESSIVE = re.compile(r"\w[^\S\n]+s(?!\S)")
_APOSTROPHES = re.compile(r"['\u2019]")
_SENTENCE_START_LETTER = re.compile(r"(?:^|[.!?]\s)[^\w\n]*([^\W\d_])", re.MULTILINE)


@dataclass(frozen=True)
class DegradationReport:
    """The judgement on one input and the measurements behind it.

    ``lowercased`` and ``tokenized`` say which kind of damage was seen;
    ``degraded`` is true if either was.
    """

    degraded: bool
    signals: dict[str, float] = field(default_factory=dict)
    lowercased: bool = False
    tokenized: bool = False


def _count_changed(text: str, mapping: Callable[[str], str]) -> int:
    """How many characters of ``text`` a case mapping (``str.lower``/``str.upper``) changes."""
    mapped = mapping(text)
    if len(mapped) == len(text):
        return sum(map(ne, text, mapped))
    return sum(1 for ch in text if mapping(ch) != ch)  # rare: some character changed length


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def measure(text: str) -> dict[str, float]:
    """All detection signals of ``text``."""
    uppercase = _count_changed(text, str.lower)
    lowercase = _count_changed(text, str.upper)
    starts = _SENTENCE_START_LETTER.findall(text)
    lower_starts = sum(1 for letter in starts if letter.islower())
    marks = len(_CLOSING_MARKS.findall(text)) + len(_OPENING_MARKS.findall(text))
    split = len(_CLOSING_SPLIT.findall(text)) + len(_OPENING_SPLIT.findall(text))
    return {
        "cased_letters": float(uppercase + lowercase),
        "lowercase_ratio": _ratio(lowercase, uppercase + lowercase),
        "sentence_starts": float(len(starts)),
        "lower_start_ratio": _ratio(lower_starts, len(starts)),
        "punct_marks": float(marks),
        "split_punct_count": float(split),
        "split_punct_ratio": _ratio(split, marks),
        "split_possessive_count": float(len(_SPLIT_POSSESSIVE.findall(text))),
        "apostrophe_count": float(len(_APOSTROPHES.findall(text))),
    }


def detect_degraded(text: str) -> DegradationReport:
    """Measure ``text`` and judge whether it lost its case or was tokenized."""
    if not isinstance(text, str):
        raise TypeError(f"detect_degraded() expects str, got {type(text).__name__}")
    signals = measure(text)
    lower_case_only = (
        signals["lowercase_ratio"] >= MIN_LOWERCASE_RATIO
        and signals["lower_start_ratio"] >= MIN_LOWER_START_RATIO
    )
    stripped_possessive = (
        signals["split_possessive_count"] >= 1 and signals["apostrophe_count"] == 0
    )
    tokenized = (
        signals["split_punct_count"] >= MIN_SPLIT_PUNCT
        and signals["split_punct_ratio"] >= MIN_SPLIT_PUNCT_RATIO
    )
    lowercased = lower_case_only and (
        signals["cased_letters"] >= MIN_CASED_LETTERS or stripped_possessive or tokenized
    )
    return DegradationReport(lowercased or tokenized, signals, lowercased, tokenized)
