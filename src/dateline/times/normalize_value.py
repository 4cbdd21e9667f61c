"""TIMEX3 values for the expressions the grammar found.

Each rule of :mod:`dateline.times.rules` has a resolver here that reads the
rule's named groups and computes the type, value and modifier, relative to
two reference points:

* the **anchor** (the publication date) for deictic expressions: ``today``,
  ``last year``, ``two months ago``, ``thursday``;
* the **reference time** (the last concrete date mentioned before, as
  TimeML's guidelines and HeidelTime do) for anaphoric ones: ``a year
  earlier``, ``the following day``, ``that week``, ``the quarter``.

Calendar arithmetic is dateutil's (``relativedelta``, ``easter``).  Where the
direction is open (``on thursday``, ``in july``, ``oct. 19``) the tense of the
clause decides: past looks back from the anchor, future forward, and without
a tense the nearest reading wins.  Without an anchor, values keep ``X`` where
the anchor was needed (``XXXX-07``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from dateline.times.lexicon import (
    FIXED_HOLIDAYS,
    PARTS_OF_DAY,
    SEASONS,
    month_number,
    ordinal_number,
    unit_name,
    weekday_number,
    word_number,
)
from dateline.times.rules import Match

#: Edge words and the TIMEX3 mod they give (``earlier this year`` → START).
EDGE_MODS = {
    "earlier": "START", "early": "START", "the beginning of": "START", "the start of": "START",
    "the early part of": "START", "the first half of": "START", "later": "END", "late": "END",
    "late-": "END", "the end of": "END", "the end of the": "END", "end-": "END",
    "the latter part of": "END", "the second half of": "END", "mid": "MID", "mid-": "MID",
    "the middle of": "MID",
}
#: Quantity words and their TIMEX3 mod (``almost a year`` → LESS_THAN).
APPROX_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "close to": "APPROX", "almost": "LESS_THAN", "nearly": "LESS_THAN",
    "barely": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "just under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "just over": "MORE_THAN", "well over": "MORE_THAN", "a little over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
}
#: Units in TIMEX3 duration letters; ``T`` marks clock units.
DURATION_LETTERS = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "D", "week": "W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "millennium": "ML", "weekend": "WE",
}
#: A non-integer quantity of a unit is written with the next smaller unit: 2.5 years = P2Y6M.
SMALLER_UNIT = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7),
                "day": ("hour", 24), "hour": ("minute", 60), "minute": ("second", 60)}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

Tense = Callable[[Match], "str | None"]


@dataclass
class Value:
    """A resolved expression: TIMEX3 type, value and mod, and what it rests on."""

    type: str
    value: str
    mod: str | None = None
    relative: bool = False
    confidence: float = 0.9
    point: date | None = None
    granularity: str | None = None
    anaphoric: bool = False


# --- formatting and arithmetic -------------------------------------------------------------

def fmt(point: date | None, granularity: str) -> str:
    """The TIMEX3 value of the period of ``granularity`` holding ``point``."""
    if point is None:
        return {"day": "XXXX-XX-XX", "month": "XXXX-XX", "year": "XXXX", "week": "XXXX-WXX",
                "quarter": "XXXX-QX", "half": "XXXX-HX", "decade": "XXX",
                "century": "XX"}.get(granularity, "XXXX")
    if granularity == "day":
        return point.isoformat()
    if granularity == "month":
        return f"{point.year:04d}-{point.month:02d}"
    if granularity == "year":
        return f"{point.year:04d}"
    if granularity == "week":
        year, week, _ = point.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "quarter":
        return f"{point.year:04d}-Q{(point.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{point.year:04d}-H{1 if point.month <= 6 else 2}"
    if granularity == "decade":
        return f"{point.year // 10:03d}"
    if granularity == "century":
        return f"{point.year // 100:02d}"
    raise ValueError(granularity)


#: One step of each calendar unit; smaller units (seconds to hours) leave the day alone.
UNIT_STEPS = {
    "day": relativedelta(days=1), "night": relativedelta(days=1),
    "week": relativedelta(weeks=1), "weekend": relativedelta(weeks=1),
    "fortnight": relativedelta(weeks=2),
    "month": relativedelta(months=1), "quarter": relativedelta(months=3),
    "half": relativedelta(months=6),
    "year": relativedelta(years=1), "decade": relativedelta(years=10),
    "century": relativedelta(years=100), "millennium": relativedelta(years=1000),
}


def shift(point: date, amount: int, unit: str) -> date:
    """``point`` moved by ``amount`` units (negative: back)."""
    step = UNIT_STEPS.get(unit)
    return point if step is None else point + step * amount


def granularity_of(unit: str) -> str:
    """The calendar granularity that a shift by ``unit`` is reported in."""
    return {"day": "day", "night": "day", "week": "week", "weekend": "week", "fortnight": "week",
            "month": "month", "quarter": "quarter", "half": "half", "year": "year",
            "decade": "year", "century": "year", "millennium": "year"}.get(unit, "day")


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def duration_value(amount: float | None, unit: str) -> str:
    """``P2W``, ``PT46M``, ``P2Y6M``, ``PXY`` for ``amount`` (None: vague) ``unit``s."""
    if unit == "fortnight":
        amount, unit = (amount * 2 if amount is not None else None), "week"
    if unit == "weekend":
        amount, unit = (amount * 2 if amount is not None else None), "day"
    if unit == "night":
        unit = "day"
    if unit == "season":
        unit = "quarter"  # TIMEX3 has no season duration; a season lasts about a quarter
    if unit == "half":
        amount, unit = (amount * 6 if amount is not None else None), "month"
    if unit == "decade" and amount is not None:
        amount, unit = amount * 10, "year"
    if unit == "century" and amount is not None:
        amount, unit = amount * 100, "year"
    letters = DURATION_LETTERS[unit]
    clock = letters.startswith("T")
    letter = letters[-1] if clock else letters
    if amount is None:
        return f"PT X{letter}".replace(" ", "") if clock else f"PX{letter}"
    whole = int(amount)
    rest = amount - whole
    body = f"{whole}{letter}" if whole else ""
    if rest > 1e-9 and unit in SMALLER_UNIT:
        small, factor = SMALLER_UNIT[unit]
        small_amount = round(rest * factor)
        small_letters = DURATION_LETTERS[small]
        if small_letters.startswith("T") and not clock:
            return f"P{body}T{small_amount}{small_letters[-1]}"
        return f"P{'T' if clock else ''}{body}{small_amount}{small_letters[-1]}"
    if not body:
        body = f"{amount:g}{letter}"
    return f"PT{body}" if clock else f"P{body}"


def quantity(text: str) -> float | None:
    """``two`` → 2, ``2 1/2`` → 2.5, ``a dozen`` → 12, ``several`` → None."""
    text = text.strip()
    half = 0.0
    for suffix in (" 1/2", "½", " ½", "-and-a-half", " and a half"):
        if text.endswith(suffix):
            text, half = text[: -len(suffix)].strip(), 0.5
            break
    if text in ("half a", "half an"):
        return 0.5
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text) + half
    number = word_number(text)
    return None if number is None else number + half


# --- the resolver ---------------------------------------------------------------------------

#: A past speech verb right before or after a weekday (``said tuesday``,
#: ``on tuesday announced``) dates the report, which lies in the past, whatever
#: the tense of the clause it reports.
_REPORTED_VERBS = r"(?:said|told|announced|reported|added|stated|confirmed|declared|disclosed|warned)"
_REPORTED_BEFORE = re.compile(rf"\b{_REPORTED_VERBS}\s+(?:on\s+|late\s+|early\s+)?$")
_REPORTED_AFTER = re.compile(rf"\s*,?\s*{_REPORTED_VERBS}\b")


#: After ``the year``, words that make it a span of twelve months: ``the year ended june 30``.
_YEAR_SPAN_AFTER = re.compile(r"\s*,?\s*(?:that\s|which\s)?(?:ended|ending|ends|to\s|through\s|beginning"
                              r"|starting|began|begins)")


class Resolver:
    """Resolves matches of one document in text order, keeping the reference time."""

    def __init__(self, low: str, anchor: date | None, tense: Tense | None = None) -> None:
        self.low = low
        self.anchor = anchor
        self.tense = tense or (lambda match: None)
        self.ref: tuple[date, str] | None = None

    # -- reference time --
    def reference(self) -> tuple[date | None, str | None, bool]:
        """The reference point, its granularity, and whether it is the anchor itself."""
        if self.ref is not None:
            return self.ref[0], self.ref[1], False
        return self.anchor, "day", True

    def _remember(self, value: Value) -> None:
        # Anaphoric values are not remembered: ``a year earlier`` twice must not drift two years.
        if (value.point is not None and value.type in ("DATE", "TIME") and not value.anaphoric
                and value.granularity in ("day", "week", "month", "quarter", "year", "half")):
            self.ref = (value.point, value.granularity)

    def resolve(self, match: Match) -> Value | None:
        handler = getattr(self, f"_{match.rule}", None)
        if handler is None:
            return None
        value = handler(match, match.groups)
        if value is not None:
            self._remember(value)
        return value

    # -- helpers --
    def _pick_year(self, month: int, day: int | None, match: Match) -> tuple[int | None, float]:
        """The year of a month (and day) written without one, from the anchor and the tense."""
        if self.anchor is None:
            return None, 0.5
        a = self.anchor
        tense = self.tense(match)
        candidates = []
        for year in (a.year - 1, a.year, a.year + 1):
            point = safe_date(year, month, day or 15)
            if point is not None:
                candidates.append(point)
        if not candidates:
            return None, 0.3
        if day is None:
            # A month alone: past → the latest such month up to now; future → the next one.
            if tense == "past":
                return (a.year if month <= a.month else a.year - 1), 0.8
            if tense == "future":
                return (a.year if month >= a.month else a.year + 1), 0.8
            # No tense: the nearest such month, a past one when both are as near.
            back = (a.month - month) % 12
            return (a.year if month <= a.month else a.year - 1) if back <= 6 else (
                a.year if month > a.month else a.year + 1), 0.7
        slack = timedelta(days=2)
        # The tense picks the side, unless that side is far off and the other near: a tense read
        # from the wrong clause must not throw ``payable dec. 1`` a year back.
        if tense == "past":
            before = [c for c in candidates if c <= a + slack]
            if before and not ((a - max(before)).days > 150 and any(0 < (c - a).days <= 60 for c in candidates)):
                return max(before).year, 0.85
        if tense == "future":
            after = [c for c in candidates if c >= a - slack]
            if after and not ((min(after) - a).days > 150 and any(0 < (a - c).days <= 60 for c in candidates)):
                return min(after).year, 0.85
        # No tense: the nearest reading, news being mostly about the past (a future date counts 1.5x).
        return min(candidates, key=lambda c: (a - c).days if c <= a else 1.5 * (c - a).days).year, 0.8

    def _weekday_date(self, weekday: int, rel: str | None, match: Match) -> date | None:
        if self.anchor is None:
            return None
        a = self.anchor
        back = (a.weekday() - weekday) % 7
        ahead = (weekday - a.weekday()) % 7
        if rel == "last":
            return a - timedelta(days=back or 7)
        if rel in ("next", "coming"):
            return a + timedelta(days=ahead or 7)
        if rel == "this":
            return a + timedelta(days=weekday - a.weekday())
        if rel == "past":
            return a - timedelta(days=back)
        if _REPORTED_BEFORE.search(self.low, 0, match.start) or _REPORTED_AFTER.match(self.low, match.end):
            return a - timedelta(days=back)  # "said tuesday": the day of the report, not of its content
        tense = self.tense(match)
        if tense == "future":
            return a + timedelta(days=ahead)
        if tense == "present" and ahead and ahead < back and ahead <= 2:
            return a + timedelta(days=ahead)
        return a - timedelta(days=back)

    def _day_value(self, point: date | None, mod: str | None, confidence: float,
                   relative: bool = True, pod: str | None = None) -> Value:
        if pod:
            code = PARTS_OF_DAY.get(pod.rstrip("s"), "DT")
            return Value("TIME", f"{fmt(point, 'day')}T{code}", mod, relative, confidence, point, "day")
        return Value("DATE", fmt(point, "day"), mod, relative, confidence, point, "day")

    def _edge(self, groups: dict[str, str]) -> str | None:
        mod = groups.get("mod")
        return EDGE_MODS.get(mod.strip()) if mod else None

    def _rate_before(self, match: Match) -> bool:
        """``$5 a year``, ``twice a week``, ``10% a month``: the unit is a rate, a SET."""
        before = self.low[max(0, match.start - 25):match.start].rstrip()
        return bool(re.search(r"(\d|%|percent|million|billion|dollars|cents|times|once|twice"
                              r"|thrice|pounds|euros|yen|francs)$", before))

    # -- absolute dates --
    def _iso_date(self, match: Match, g: dict[str, str]) -> Value | None:
        point = safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        if point is None:
            return None
        if g.get("h"):
            return Value("TIME", f"{point.isoformat()}T{g['h']}:{g['mi']}", None, False, 0.95,
                         point, "day")
        return Value("DATE", point.isoformat(), None, False, 0.95, point, "day")

    def _slash_date(self, match: Match, g: dict[str, str]) -> Value | None:
        year = int(g["y"])
        if year < 100:
            year += 2000 if year < 40 else 1900
        point = safe_date(year, int(g["m"]), int(g["d"]))
        if point is None:
            return None
        return Value("DATE", point.isoformat(), None, False, 0.85, point, "day")

    def _full_year(self, text: str) -> int | None:
        text = text.strip()
        if text.startswith("'"):
            two = int(text[1:])
            if self.anchor is not None and self.anchor.year >= 2000 and two <= self.anchor.year % 100 + 5:
                return 2000 + two
            return 1900 + two
        return int(text)

    def _month_day(self, match: Match, g: dict[str, str]) -> Value | None:
        month = month_number(g["mon"])
        day = int(re.match(r"\d+", g["d"]).group())  # type: ignore[union-attr]
        if month is None:
            return None
        mod = EDGE_MODS.get(g["mod"]) if g.get("mod") else None
        if g.get("y"):
            point = safe_date(int(g["y"]), month, day)
            if point is None:
                return None
            return Value("DATE", point.isoformat(), mod, False, 0.95, point, "day")
        if g.get("wd") and self.anchor is not None:
            # ``friday, oct. 23``: the year in which that date is that weekday, nearest first.
            weekday = weekday_number(g["wd"])
            for year in sorted((self.anchor.year + k for k in (0, -1, 1, -2, 2, -3, 3)),
                               key=lambda y: abs(y - self.anchor.year)):  # type: ignore[union-attr]
                point = safe_date(year, month, day)
                if point is not None and point.weekday() == weekday:
                    return Value("DATE", point.isoformat(), mod, True, 0.9, point, "day")
        year, confidence = self._pick_year(month, day, match)
        if year is None:
            if safe_date(2000, month, day) is None:
                return None
            return Value("DATE", f"XXXX-{month:02d}-{day:02d}", mod, True, 0.5, None, "day")
        point = safe_date(year, month, day)
        if point is None:
            return None
        return Value("DATE", point.isoformat(), mod, True, confidence, point, "day")

    _day_month = _month_day

    def _month_year(self, match: Match, g: dict[str, str]) -> Value | None:
        month = month_number(g["mon"])
        year = self._full_year(g["y"])
        if month is None or year is None:
            return None
        point = date(year, month, 1)
        return Value("DATE", fmt(point, "month"), self._edge(g), False, 0.95, point, "month")

    def _month(self, match: Match, g: dict[str, str]) -> Value | None:
        month = month_number(g["mon"])
        if month is None:
            return None
        mod = self._edge(g)
        rel = g.get("rel")
        a = self.anchor
        if a is None:
            return Value("DATE", f"XXXX-{month:02d}", mod, True, 0.5, None, "month")
        yrel = g.get("yrel")
        if yrel:
            # ``june last year``: the year is named, only relative to the anchor.
            point = date(a.year + {"this": 0, "last": -1, "next": 1}[yrel], month, 1)
            return Value("DATE", fmt(point, "month"), mod, True, 0.9, point, "month")
        if rel in ("last", "past"):
            year = a.year if month < a.month else a.year - 1
            confidence = 0.85
        elif rel in ("next", "coming"):
            year = a.year if month > a.month else a.year + 1
            confidence = 0.85
        elif rel == "this":
            year, confidence = a.year, 0.85
        elif rel == "that" and self.ref is not None:
            year, confidence = self.ref[0].year, 0.7
        else:
            picked, confidence = self._pick_year(month, None, match)
            year = picked if picked is not None else a.year
        point = date(year, month, 1)
        return Value("DATE", fmt(point, "month"), mod, True, confidence, point, "month")

    def _season_year(self, match: Match, g: dict[str, str]) -> Value | None:
        code = SEASONS[g["season"]]
        year = int(g["y"])
        point = date(year, SEASON_START_MONTH[code], 1)
        return Value("DATE", f"{year:04d}-{code}", self._edge(g), False, 0.9, point, "season")

    def _year(self, match: Match, g: dict[str, str]) -> Value | None:
        year = int(g["y"])
        point = date(year, 1, 1)
        return Value("DATE", f"{year:04d}", self._edge(g), False, 0.9, point, "year")

    def _short_year(self, match: Match, g: dict[str, str]) -> Value | None:
        year = self._full_year("'" + g["y"])
        if year is None:
            return None
        return Value("DATE", f"{year:04d}", None, False, 0.8, date(year, 1, 1), "year")

    def _spoken_year(self, match: Match, g: dict[str, str]) -> Value | None:
        if g.get("y2k"):
            year = 2000
        else:
            rest = g["rest"]
            number = 0 if rest == "hundred" else word_number(rest.replace(" ", "-"))
            if number is None:
                return None
            year = 1900 + number
        month = month_number(g["mon"]) if g.get("mon") else None
        if month is not None:
            point = date(year, month, 1)
            return Value("DATE", fmt(point, "month"), None, False, 0.85, point, "month")
        if g.get("season"):
            code = SEASONS[g["season"]]
            point = date(year, SEASON_START_MONTH[code], 1)
            return Value("DATE", f"{year:04d}-{code}", None, False, 0.85, point, "season")
        return Value("DATE", f"{year:04d}", None, False, 0.85, date(year, 1, 1), "year")

    def _decade(self, match: Match, g: dict[str, str]) -> Value | None:
        if g.get("word"):
            if not self.low[match.start:match.end].startswith("the "):
                return None  # ``in his sixties`` is an age
            decade = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                      "seventies": 7, "eighties": 8, "nineties": 9}[g["word"]]
            return Value("DATE", f"19{decade}", self._edge(g), False, 0.75, None, "decade")
        dec = g["dec"]
        if dec.startswith("'"):
            year = self._full_year(dec)
        else:
            year = int(dec)
        if year is None:
            return None
        return Value("DATE", f"{year // 10:03d}", self._edge(g), False, 0.85, None, "decade")

    def _century(self, match: Match, g: dict[str, str]) -> Value | None:
        number = ordinal_number(g["ord"].replace("nineteen-first", "").strip())
        if g["ord"].startswith("twenty") and "first" in g["ord"]:
            number = 21
        if not number or number > 30:
            return None
        return Value("DATE", f"{number - 1:02d}", self._edge(g), False, 0.85, None, "century")

    # -- weekdays, days, parts of days, clock times --
    def _weekday(self, match: Match, g: dict[str, str]) -> Value | None:
        weekday = weekday_number(g["wd"])
        if weekday is None:
            return None
        rel = g.get("rel")
        mod = EDGE_MODS.get(rel) if rel in EDGE_MODS else None
        point = self._weekday_date(weekday, None if mod else rel, match)
        # ``friday night`` is written as its day: TimeBank marks the part of the day on
        # ``this morning``/``last night`` but mostly not on a named weekday.
        if point is None:
            return Value("DATE", f"XXXX-WXX-{weekday + 1}", mod, True, 0.5)
        # The exception is the evening: TimeBank writes ``wednesday evening`` as ``...TEV``.
        pod = "evening" if g.get("pod") == "evening" else None
        return self._day_value(point, mod, 0.8, True, pod)

    def _deictic_day(self, match: Match, g: dict[str, str]) -> Value | None:
        word = g["word"]
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                  "the day before yesterday": -2, "the day after tomorrow": 2}[word]
        point = self.anchor + timedelta(days=offset) if self.anchor else None
        pod = g.get("pod") or ("night" if word == "tonight" else None)
        return self._day_value(point, self._edge(g), 0.9, True, pod)

    def _part_of_day(self, match: Match, g: dict[str, str]) -> Value | None:
        if g.get("over"):
            point = self.anchor - timedelta(days=1) if self.anchor else None
            return self._day_value(point, None, 0.7, True, "night")
        rel = g["rel"]
        point: date | None
        if rel == "last":
            point = self.anchor - timedelta(days=1) if self.anchor else None
            if g["pod"] != "night" and self.anchor:
                point = self.anchor - timedelta(days=1)
        elif rel == "that":
            ref, granularity, _ = self.reference()
            point = ref if granularity == "day" else self.anchor
        else:
            point = self.anchor
        mod = EDGE_MODS.get(g["mod"]) if g.get("mod") else None
        return self._day_value(point, mod, 0.8, True, g["pod"])

    def _clock(self, match: Match, g: dict[str, str]) -> Value | None:
        if g.get("nm"):
            hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[g["nm"]]
        elif g.get("h2") is not None:
            hour, minute = int(g["h2"]), int(g.get("mi2") or 0)
        else:
            hour, minute = int(g["h"]), int(g.get("mi") or 0)
            ap = g.get("ap", "").replace(".", "").replace(" ", "")
            if ap == "pm" and hour < 12:
                hour += 12
            elif ap == "am" and hour == 12:
                hour = 0
        point: date | None
        day = g.get("day")
        if day:
            day = day.strip()
            if weekday_number(day) is not None:
                point = self._weekday_date(weekday_number(day), None, match)  # type: ignore[arg-type]
            elif day in ("today", "tonight", "yesterday", "tomorrow"):
                offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[day]
                point = self.anchor + timedelta(days=offset) if self.anchor else None
            else:
                inner = re.match(r"(\D+?)\s?(\d+)", day)
                month = month_number(inner.group(1)) if inner else None
                if month is None or inner is None:
                    return None
                year, _ = self._pick_year(month, int(inner.group(2)), match)
                point = safe_date(year, month, int(inner.group(2))) if year else None
        else:
            ref, granularity, _ = self.reference()
            point = ref if granularity == "day" and ref is not None else self.anchor
        mod = APPROX_MODS.get(g.get("mod", ""), "APPROX" if g.get("mod") else None)
        if g.get("mod", "").startswith(("shortly before", "just before")):
            mod = "BEFORE"
        elif g.get("mod", "").startswith(("shortly after", "just after")):
            mod = "AFTER"
        stamp = f"T{hour:02d}:{minute:02d}" if hour != 24 else "T24:00"
        return Value("TIME", f"{fmt(point, 'day')}{stamp}", mod, True, 0.85, point, "day")

    # -- references --
    def _reference(self, match: Match, g: dict[str, str]) -> Value | None:
        word = g["w"]
        if word in ("recently", "lately", "the past", "previously", "formerly", "recent"):
            value = "PAST_REF"
        elif word.endswith(("future", "term")) or word == "soon":
            value = "FUTURE_REF"
        else:
            value = "PRESENT_REF"
        return Value("DATE", value, None, True, 0.7, None, None)

    # -- periods relative to the anchor or to the reference time --
    def _relative_period(self, match: Match, g: dict[str, str]) -> Value | None:
        rel = g["rel"]
        unit = g["unit"]
        mod = self._edge(g)
        after = (g.get("ago") or "").strip()
        if rel == "the past" and unit == "year" and not mod and not after and self.anchor is not None:
            # ``over the past year``: TimeBank dates it as the year before the article's.
            point = shift(self.anchor, -1, "year")
            return Value("DATE", fmt(point, "year"), None, True, 0.7, point, "year", True)
        if rel in ("the past", "the last", "this past") and not mod and unit not in SEASONS and (
                unit not in ("weekend", "night", "day", "period") and rel != "this past"):
            return Value("DURATION", duration_value(1, "quarter" if unit == "period" else unit),
                         None, False, 0.85)
        if rel == "this past":
            rel = "last"
        anaphoric = rel in ("that", "the same", "the previous", "the prior", "the following",
                            "the next", "previous", "prior", "following") or bool(after)
        base, base_gran, _ = self.reference() if anaphoric else (self.anchor, "day", True)
        if base is None:
            base = self.anchor
        step = 0
        if rel in ("last", "the previous", "the prior", "previous", "prior") or after in ("before", "earlier"):
            step = -1
        elif rel in ("next", "the coming", "coming", "the following", "the next", "following") or after in (
                "later", "after"):
            step = 1
        if unit in SEASONS:
            return self._season(SEASONS[unit], rel, step, mod, match)
        if unit == "season":
            return None
        if unit in ("period",):
            unit = "quarter"
        if unit == "quarter" and rel in ("the", "the latest", "latest", "the recent", "that", "the same",
                                         "its") and not after:
            return self._quarter_in_focus(mod)
        if unit == "year" and rel in ("the", "its") and not mod and not after:
            # ``the year ended sept. 30`` is a span of a year; ``for the year,`` and
            # ``earlier in the year`` name the year of the article (of its results).
            if rel == "the" and self.anchor is not None and not _YEAR_SPAN_AFTER.match(
                    self.low, match.end) and not self.low[:match.start].rstrip().endswith("throughout"):
                point = date(self.anchor.year, 1, 1)
                return Value("DATE", fmt(point, "year"), None, True, 0.6, point, "year", True)
            return Value("DURATION", "P1Y", None, False, 0.6)
        if unit == "year" and rel in ("the full", "the entire", "the whole", "the current",
                                      "current", "the latest", "latest"):
            step = 0
        # ``this morning`` is read by another rule, ``the day`` is too vague; ``later this
        # afternoon`` (with an edge) is the afternoon of the anchor, valued below.
        edged_part = rel == "this" and bool(mod) and unit != "day"
        if unit in ("day", "night", "morning", "afternoon", "evening") and rel in ("the", "this") and not after \
                and not edged_part:
            return None
        if unit in ("morning", "afternoon", "evening"):
            point = shift(base, step, "day") if base is not None else None
            if rel in ("the next", "the following"):
                # ``the next morning``: TimeBank dates the day after, without a part of the day.
                return Value("DATE", fmt(point, "day"), mod, True, 0.7, point, "day", anaphoric)
            return Value("TIME", f"{fmt(point, 'day')}T{PARTS_OF_DAY[unit]}", mod, True, 0.7, point, "day",
                         anaphoric)
        if base is None:
            granularity = granularity_of(unit) if unit not in ("decade", "century") else unit
            return Value("DATE", fmt(None, granularity), mod, True, 0.5, None, granularity)
        point = shift(base, step, unit)
        if unit == "weekend":
            if step == 0 and rel in ("the", "this") and self.tense(match) == "past" and base.weekday() < 5:
                point = base - timedelta(days=7)
            year, week, _ = point.isocalendar()
            return Value("DATE", f"{year:04d}-W{week:02d}-WE", mod, True, 0.75, point, "week")
        granularity = {"decade": "decade", "century": "century"}.get(unit, granularity_of(unit))
        value = fmt(point, granularity)
        if unit == "night":
            value = f"{fmt(point, 'day')}TNI"
            return Value("TIME", value, mod, True, 0.75, point, "day", anaphoric)
        if anaphoric and base_gran in ("quarter",) and unit == "year":
            value = fmt(point, "quarter")
            granularity = "quarter"
        confidence = 0.7 if anaphoric else 0.85
        return Value("DATE", value, mod, True, confidence, point, granularity, anaphoric)

    def _season(self, code: str, rel: str, step: int, mod: str | None, match: Match) -> Value | None:
        a = self.anchor
        if a is None:
            return Value("DATE", f"XXXX-{code}", mod, True, 0.5)
        start = SEASON_START_MONTH[code]
        season_of_anchor = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU",
                            8: "SU", 9: "FA", 10: "FA", 11: "FA"}[a.month]
        began_this_year = start <= a.month or code == "WI" and a.month <= 2
        if step < 0:
            year = a.year if began_this_year and season_of_anchor != code else a.year - 1
            if code == "WI" and a.month <= 2 and season_of_anchor == code:
                year = a.year - 1
        elif step > 0:
            year = a.year if start > a.month else a.year + 1
        else:
            tense = self.tense(match)
            year = a.year
            if rel in ("the", "that") and tense == "past" and start > a.month:
                year = a.year - 1
            elif rel in ("the", "that") and tense == "future" and start < a.month and season_of_anchor != code:
                year = a.year + 1
        return Value("DATE", f"{year:04d}-{code}", mod, True, 0.75, date(year, start, 1), "season")

    def _quarter_in_focus(self, mod: str | None) -> Value:
        """``the quarter``: the quarter last mentioned, else the last one completed."""
        if self.ref is not None and self.ref[1] == "quarter":
            point = self.ref[0]
            return Value("DATE", fmt(point, "quarter"), mod, True, 0.7, point, "quarter", True)
        if self.anchor is None:
            return Value("DATE", "XXXX-QX", mod, True, 0.5, None, "quarter", True)
        point = shift(self.anchor, -1, "quarter")
        return Value("DATE", fmt(point, "quarter"), mod, True, 0.6, point, "quarter", True)

    def _year_end(self, match: Match, g: dict[str, str]) -> Value | None:
        unit = g["unit"]
        granularity = granularity_of(unit)
        return Value("DATE", fmt(self.anchor, granularity), "END", True, 0.75, self.anchor, granularity)

    def _ago(self, match: Match, g: dict[str, str]) -> Value | None:
        unit = unit_name(g["unit"])
        if unit is None:
            return None
        amount = quantity(g["q"])
        direction = g["dir"]
        mod = APPROX_MODS.get(g.get("mod", "")) if g.get("mod") else None
        if " or so" in match.groups.get("unit", "") or " or so" in self.low[match.start:match.end]:
            mod = mod or "APPROX"
        if unit in ("second", "minute", "hour"):
            # ``an hour later``: the day is not known to change; TimeBank marks the duration.
            return Value("DURATION", duration_value(amount, unit), mod, False, 0.7)
        anaphoric = direction in ("earlier", "later")
        sign = 1 if direction in ("later", "from now", "hence") else -1
        if amount is None:
            return Value("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod, True, 0.5)
        base, _, _ = self.reference() if anaphoric else (self.anchor, "day", True)
        granularity = granularity_of(unit)
        if unit in ("second", "minute", "hour"):
            granularity = "day"
        if unit in ("year", "decade", "century") and self.ref is not None and self.ref[1] == "quarter":
            # In quarterly reporting ``a year earlier`` is the same quarter a year before.
            base, granularity, anaphoric = self.ref[0], "quarter", True
        if base is None:
            return Value("DATE", fmt(None, granularity), mod, True, 0.5, None, granularity)
        whole = int(amount)
        point = shift(base, sign * whole, unit)
        if amount != whole and unit in SMALLER_UNIT:
            small, factor = SMALLER_UNIT[unit]
            point = shift(point, sign * round((amount - whole) * factor), small)
        confidence = 0.7 if anaphoric else 0.85
        return Value("DATE", fmt(point, granularity), mod, True, confidence, point, granularity, anaphoric)

    def _year_ago(self, match: Match, g: dict[str, str]) -> Value | None:
        what = g.get("what", "")
        months = re.match(r"(nine|six|three)\smonths", what)
        if months:
            return Value("DURATION", f"P{word_number(months.group(1))}M", None, False, 0.8)
        unit = g["unit"]
        if self.ref is not None and self.ref[1] == "quarter":
            base, granularity = self.ref[0], "quarter"
        elif "quarter" in what or what == "period":
            base = shift(self.anchor, -1, "quarter") if self.anchor else None
            granularity = "quarter"
        else:
            base, granularity = self.anchor, ("year" if unit == "year" else granularity_of(unit))
        if "quarter" in what and re.match(r"(first|second|third|fourth|1st|2nd|3rd|4th)", what) and base:
            number = ordinal_number(what.split()[0]) or 1
            base = date(base.year, 3 * number - 2, 1)
            granularity = "quarter"
        if base is None:
            return Value("DATE", fmt(None, granularity), None, True, 0.5, None, granularity)
        point = shift(base, -1, unit)
        return Value("DATE", fmt(point, granularity), None, True, 0.7, point, granularity, True)

    def _quarter(self, match: Match, g: dict[str, str]) -> Value | None:
        unit = g["unit"]
        if unit == "period":
            return None
        ordinal = g["ord"]
        halves = unit == "half"
        number = {"final": 2 if halves else 4, "last": 2 if halves else 4}.get(ordinal) or ordinal_number(
            ordinal)
        if number is None or number > (2 if halves else 4):
            return None
        explicit = g.get("y2") or g.get("y1")
        year: int | None
        confidence = 0.9
        if explicit:
            y = re.search(r"\d{4}", explicit)
            if y:
                year = int(y.group())
            elif self.anchor is not None:
                year = self.anchor.year + {"this year": 0, "last year": -1, "next year": 1}[explicit]
                confidence = 0.85
            else:
                year = None
        elif self.anchor is None:
            year = None
        else:
            a = self.anchor
            current = (a.month - 1) // (6 if halves else 3) + 1
            tense = self.tense(match)
            year = a.year
            if g.get("det") == "last" or g.get("rel") in ("previous", "prior", "past"):
                year = a.year if number < current else a.year - 1
            elif g.get("det") == "next":
                year = a.year if number > current else a.year + 1
            elif number < current - 1 and tense == "future":
                year = a.year + 1  # ``will ... in the first quarter`` said in the fourth
            elif number > current + 1 and tense == "past":
                year = a.year - 1
            confidence = 0.75
        code = f"H{number}" if halves else f"Q{number}"
        if year is None:
            return Value("DATE", f"XXXX-{code}", None, True, 0.5, None, "half" if halves else "quarter")
        point = date(year, (number - 1) * (6 if halves else 3) + 1, 1)
        return Value("DATE", f"{year:04d}-{code}", None, not bool(g.get("y2")), confidence, point,
                     "half" if halves else "quarter")

    # -- durations and sets --
    def _duration(self, match: Match, g: dict[str, str]) -> Value | None:
        unit = unit_name(g["unit"])
        if unit is None:
            return None
        amount = quantity(g["q"])
        if g.get("half"):
            amount = (amount or 1) + 0.5
        mod = APPROX_MODS.get(g.get("mod", "")) if g.get("mod") else None
        if g.get("tail", "").strip() == "or so":
            mod = mod or "APPROX"
        if g["q"] in ("a", "an") and not g.get("det") and not g.get("rel") and not g.get("mod") and (
                self._rate_before(match)):
            return Value("SET", duration_value(1, unit), None, False, 0.8)
        if amount is None and g["q"] not in ("several", "a few", "few", "many", "some", "a number of",
                                             "numerous", "dozens of", "hundreds of"):
            return None
        confidence = 0.9 if amount is not None else 0.65
        return Value("DURATION", duration_value(amount, unit), mod, False, confidence)

    def _vague_duration(self, match: Match, g: dict[str, str]) -> Value | None:
        unit = unit_name(g["unit"])
        if unit is None:
            return None
        return Value("DURATION", duration_value(None, unit), None, False, 0.6)

    def _set(self, match: Match, g: dict[str, str]) -> Value | None:
        adverb = g.get("adv")
        if adverb:
            value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                     "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P1Q", "nightly": "P1D",
                     "biweekly": "P2W", "semiannually": "P6M", "semi-annually": "P6M",
                     "bimonthly": "P2M"}[adverb]
            return Value("SET", value, None, False, 0.8)
        if g.get("wds"):
            weekday = weekday_number(g["wds"])
            value = f"XXXX-WXX-{(weekday or 0) + 1}"
            if g.get("pod"):
                value += "T" + PARTS_OF_DAY[g["pod"].rstrip("s")]
            return Value("SET", value, None, False, 0.75)
        target = g["unit"].strip()
        every = 2 if g.get("n") == "other" else (quantity(g["n"]) if g.get("n") else 1)
        if weekday_number(target) is not None:
            return Value("SET", f"XXXX-WXX-{weekday_number(target) + 1}", None, False, 0.8)  # type: ignore[operator]
        if month_number(target) is not None:
            return Value("SET", f"XXXX-{month_number(target):02d}", None, False, 0.8)
        if target in PARTS_OF_DAY:
            return Value("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[target]}", None, False, 0.8)
        if target in SEASONS:
            return Value("SET", f"XXXX-{SEASONS[target]}", None, False, 0.8)
        unit = unit_name(target)
        if unit is None:
            return None
        number = every if every is not None else 1
        return Value("SET", duration_value(number, unit), None, False, 0.8)

    def _holiday(self, match: Match, g: dict[str, str]) -> Value | None:
        name = g["h"]
        if self.anchor is None:
            if name in FIXED_HOLIDAYS:
                month, day = FIXED_HOLIDAYS[name]
                return Value("DATE", f"XXXX-{month:02d}-{day:02d}", None, True, 0.5)
            return Value("DATE", "XXXX-XX-XX", None, True, 0.4)

        def on(year: int) -> date:
            if name in FIXED_HOLIDAYS:
                return date(year, *FIXED_HOLIDAYS[name])
            if name.startswith("thanksgiving"):
                first = date(year, 11, 1)
                return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
            base = easter(year)
            return base + timedelta(days=1) if name.endswith("monday") else base

        tense = self.tense(match)
        a = self.anchor
        candidates = [on(a.year - 1), on(a.year), on(a.year + 1)]
        if tense == "past":
            point = max(c for c in candidates if c <= a + timedelta(days=1))
        elif tense == "future":
            point = min(c for c in candidates if c >= a - timedelta(days=1))
        else:
            point = min(candidates, key=lambda c: abs((c - a).days))
        return Value("DATE", point.isoformat(), None, True, 0.8, point, "day")
