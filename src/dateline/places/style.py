"""The press conventions an article is written in, as weak evidence of its country.

A local paper names its towns bare: its readers know which ``Athens`` or
``Mansfield`` is meant.  What the text still shows is the house style it was
written in.  American newsrooms follow AP style: times as ``7:30 p.m.``, months
cut to ``Feb. 9`` / ``Sept. 30``, amounts in dollars, phone numbers as
``555-201-3344``.  An article that shows one of these conventions, and no
other currency or Commonwealth spelling, is most likely written for American readers, so its bare town names lean to the
United States' namesakes.  British papers price things in pounds and write
``7.30pm`` and ``9 February``: their towns lean to the United Kingdom's.  The lean
is a tie-break, not evidence of the article's area: it takes two signs (a price in
dollars alone is none: Canadian and Australian papers write ``$`` too), it only
chooses among comparable small towns (never against a capital, the seat of a
first-level division, a country, a state, a sea or a city of the size of a famous
one), any country the article names silences it, and an article that shows both
styles gets none.

The patterns also match the lowercased, tokenized corpus form (``7 p . m .``,
``$ 25``).
"""

from __future__ import annotations

import re
from collections import Counter

#: Country of the conventions below.
AP_STYLE_COUNTRY = "US"
#: Votes the conventions give that country, and how many distinct ones are needed
#: (``dollars`` counts only with another sign).
AP_STYLE_WEIGHT = 1.5
AP_STYLE_MIN_SIGNS = 2

_SIGNS = {
    "time": re.compile(r"\b\d{1,2}(?:\s?:\s?\d\d)?\s?[ap]\s?\.\s?m\b\s?\.?", re.IGNORECASE),
    "month": re.compile(r"\b(?:jan|feb|aug|sept|oct|nov|dec)\s?\.\s?\d{1,2}\b", re.IGNORECASE),
    "dollars": re.compile(r"\$\s?\d"),
    "phone": re.compile(r"\b\d{3}\s?-\s?\d{3}\s?-\s?\d{4}\b"),
}
#: Other currencies and Commonwealth spellings: an article that shows them is not written
#: for American readers (Canadian and Australian papers also write ``$`` and ``p.m.``).
_NOT_AMERICAN = re.compile(
    r"[£€¥₹]|\b(?:euros?|pounds sterling|rupees|yen|yuan)\b"
    r"|\b(?:centres?|(?:kilo|centi|milli)?metres?|colours?|neighbour\w*|favour\w*|harbours?|honour\w*|"
    r"behaviour\w*|programmes?|licences?|defence|organis\w+|recognis\w+)\b",
    re.IGNORECASE,
)


#: Country of British conventions: prices in pounds, ``7.30pm``, ``9 February``.
BRITISH_STYLE_COUNTRY = "GB"
_BRITISH_SIGNS = {
    "pounds": re.compile(r"£\s?\d"),
    "pm": re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s?[ap]m\b"),
    "day_month": re.compile(r"\b\d{1,2}(?:st|nd|rd|th)? (?:january|february|march|april|may|june|july|august|"
                           r"september|october|november|december)\b", re.IGNORECASE),
}


def style_signs(text: str) -> set[str]:
    """Which AP-style conventions the text shows: ``time``, ``month``, ``dollars``, ``phone``.

    >>> sorted(style_signs("The board meets at 7 p.m. on Feb. 9; tickets cost $12."))
    ['dollars', 'month', 'time']
    """
    return {name for name, pattern in _SIGNS.items() if pattern.search(text)}


def british_signs(text: str) -> set[str]:
    """Which British conventions the text shows: ``pounds``, ``pm``, ``day_month``.

    >>> sorted(british_signs("Doors open at 7.30pm on 9 February; tickets are £12."))
    ['day_month', 'pm', 'pounds']
    """
    return {name for name, pattern in _BRITISH_SIGNS.items() if pattern.search(text)}


def style_evidence(text: str) -> Counter[str]:
    """Country votes from the article's house style (empty when it shows too little or both).

    AP style votes for the United States unless the text also shows another currency or
    Commonwealth spellings; prices in pounds, or two other British conventions, vote for
    the United Kingdom unless the text also shows AP style."""
    american = style_signs(text)
    british = british_signs(text)
    if american == {"dollars"}:
        american = set()  # "$" alone: Canada, Australia, Hong Kong... write it too
    if len(american) >= AP_STYLE_MIN_SIGNS and not british and not _NOT_AMERICAN.search(text):
        return Counter({AP_STYLE_COUNTRY: AP_STYLE_WEIGHT})
    if ("pounds" in british or len(british) >= 2) and not american:
        return Counter({BRITISH_STYLE_COUNTRY: AP_STYLE_WEIGHT})
    return Counter()
