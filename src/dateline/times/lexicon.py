"""Words the time grammar is built from, and the numbers they stand for.

Everything is lowercase: the grammar runs over a lowercased copy of the
normalized text, so clean and degraded input read alike.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
#: Abbreviations; each may be followed by a period (``sept.``).
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
#: Month words that are also common English words: dates only with corroborating context.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "dec"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}
#: Unambiguous weekday abbreviations (``sun``, ``wed``, ``sat`` are words; never used).
WEEKDAY_ABBREVIATIONS: dict[str, int] = {"tues": 1, "thurs": 3}

#: Parts of the day and their TIMEX3 codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "daytime": "DT",
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

#: Calendar units and their TIMEX3 duration letters (``T`` marks clock units).
UNITS: dict[str, str] = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "D", "week": "W",
    "fortnight": "W2", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "millennium": "ML", "season": "SEASON", "half": "H",
}
#: Plural spellings that do not just add ``s``.
UNIT_PLURALS: dict[str, str] = {"centuries": "century", "millennia": "millennium"}

ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
#: Quantity words with no exact number: the TIMEX3 value gets ``X``.
VAGUE_QUANTITIES = ("several", "a few", "few", "many", "some", "a couple of", "couple of",
                    "a number of", "numerous", "dozens of", "hundreds of")

#: Fixed-date holidays (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year s day": (1, 1), "new year's eve": (12, 31),
    "new year s eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
    "valentine s day": (2, 14), "independence day": (7, 4), "veterans day": (11, 11),
}


def alternation(words: object) -> str:
    """A regex alternation of ``words``, longest first so prefixes do not win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


def word_number(text: str) -> int | None:
    """The number written by ``text``: ``46``, ``forty-six``, ``twenty four``, ``a``.

    Returns ``None`` for vague quantities (``several``) and anything unknown.
    """
    text = text.strip().replace(",", "")
    if text.isdigit():
        return int(text)
    if text in ("a", "an", "one"):
        return 1
    if text in ("a couple of", "couple of", "a couple"):
        return 2
    if text in ("a dozen", "dozen"):
        return 12
    if text in ONES:
        return ONES[text]
    if text in TENS:
        return TENS[text]
    parts = re.split(r"[-\s]+", text)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ONES and 0 < ONES[parts[1]] < 10:
        return TENS[parts[0]] + ONES[parts[1]]
    if len(parts) >= 2 and parts[-1] in ("hundred", "thousand"):
        head = word_number(" ".join(parts[:-1]))
        return head * (100 if parts[-1] == "hundred" else 1000) if head is not None else None
    return None


def ordinal_number(text: str) -> int | None:
    """``third`` → 3, ``3rd`` → 3, ``twenty-first`` → 21."""
    text = text.strip()
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", text)
    if digits:
        return int(digits.group(1))
    if text in ORDINALS:
        return ORDINALS[text]
    parts = re.split(r"[-\s]+", text)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINALS and ORDINALS[parts[1]] < 10:
        return TENS[parts[0]] + ORDINALS[parts[1]]
    return None


def month_number(text: str) -> int | None:
    """``sept.`` → 9, ``november`` → 11."""
    word = text.strip().rstrip(".").strip()
    return MONTHS.get(word) or MONTH_ABBREVIATIONS.get(word)


def weekday_number(text: str) -> int | None:
    """``thursday`` → 3 (Monday is 0)."""
    word = text.strip().rstrip(".").strip()
    if word.endswith("s") and word[:-1] in WEEKDAYS:
        word = word[:-1]
    return WEEKDAYS.get(word, WEEKDAY_ABBREVIATIONS.get(word))


def unit_name(text: str) -> str | None:
    """The singular unit of ``weeks``, ``centuries``, ``46-minute``'s ``minute``."""
    word = text.strip()
    if word in UNIT_PLURALS:
        return UNIT_PLURALS[word]
    if word in UNITS:
        return word
    if word.endswith("s") and word[:-1] in UNITS:
        return word[:-1]
    return None
