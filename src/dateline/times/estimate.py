"""Estimate when an article was written from the dates it mentions.

Used when neither the metadata, the caller nor the dateline gives the
publication date.  Every candidate day of the plausible years is scored by
how well it explains the time expressions of the text:

* a full date (``aug. 7, 1998``) in a past-tense clause makes days just after
  it likely and days before it unlikely; in a future clause the reverse;
* a month and day without year (``oct. 19``), a month and year, a bare month
  (``in july``) and a year do the same at their granularity;
* a weekday in a past clause (``said thursday``) favours the days just after
  that weekday;
* relative expressions must agree with the absolute ones: ``two months ago``
  favours days whose date two months back is a month the text names
  (``july``), ``last year`` those whose previous year the text names;
* a month and day in the dateline (``LONDON, March 3 (Reuters)``) fixes the day;
* the people in office and the things the text names (``President Clinton``,
  ``the Soviet Union``, :mod:`dateline.times.periods`) bound the years, so a
  text without a year still gets one; with a yearless date and a weekday they
  can select the year (the one Oct. 17 of a term that follows a Thursday).

The candidate years are those the text names (a year told in the past may be
several years old) and those of the periods; they are ranked on a few
sampled days each and the best are scored day by day.  The scores are
log-likelihoods, turned into a distribution over days; readings of distance
and tense are tempered (the mentions of one story are not independent), exact
facts (a weekday, the dateline's day, a term of office) are not.  The
estimate is the mode, the interval holds 90% of the mass, and the confidence
is the mass within a week of the estimate.  Without a year or a period
(weekdays and yearless dates only) there is no estimate.

The candidate days are scored as numpy arrays (:class:`_DayScorer`, built
from :func:`_score_days`); the evidence reported with the estimate is ranked
by the same scorer on the estimated day alone (:func:`_ranked`).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import numpy as np

from dateline.times.lexicon import month_number, ordinal_number, unit_name, weekday_number
from dateline.times.normalize_value import quantity, safe_date
from dateline.times.periods import MISS_NAME, MISS_TITLE, Period, find_periods
from dateline.times.rules import Match

#: Divides summed log-likelihoods: the evidence is not independent, so the raw
#: product would be overconfident (tuned for ~90% interval coverage).
TEMPERATURE = 5
#: How much a weekday weighs (its likelihood is raised to this power, untempered).
WEEKDAY_WEIGHT = 1.5
#: How much the agreement of a relative expression with an absolute one weighs (as for weekdays).
AGREEMENT_WEIGHT = 0.5
#: How much ``a year ago`` (up to four) agreeing with a named year weighs (16 from five years on).
AGO_NEAR = 4.0
#: Likelihood of a date whose weekday is not the one written beside it (``friday, oct. 23``).
WEEKDAY_DATE_MISS = 0.05
#: Likelihood of a day other than the dateline's month and day (or the day after) when it gives them.
HINT_MISS = 0.001
#: Below this mass within a week of the mode, the estimate is the distribution's median day ...
MODE_MASS = 0.1
#: ... unless the mode's density is this many times the average day's.
MODE_PEAK = 3.0
#: Share of the distribution the reported interval holds.
INTERVAL_MASS = 0.9
#: Days between the candidates of the first, coarse pass, and how far around its
#: best day the second pass scores every day.
COARSE_STEP = 4
REFINE_DAYS = 24
#: Years further back than this before the newest year named are history, not the present.
HISTORY_GAP = 3
#: Log-likelihood given to the impossible side of a bound (a day before an event told in the past);
#: scaled so that it keeps its force after tempering: a tense is read more reliably than a distance.
IMPOSSIBLE = TEMPERATURE * math.log(0.05)


@dataclass
class Evidence:
    """One expression and what it says about the publication day."""

    kind: str
    text: str
    #: ``past``, ``present``, ``future``, ``due`` (a maturity: ahead, maybe far) or None.
    tense: str | None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    amount: int | None = None
    unit: str | None = None
    period: Period | None = None


@dataclass
class Estimate:
    """The estimated day, its interval, confidence and the evidence used."""

    date: date | None
    earliest: date | None = None
    latest: date | None = None
    confidence: float = 0.0
    evidence: list[str] = field(default_factory=list)


#: A maturity or a deadline: ``notes due nov. 1, 2004``, ``bonds maturing in 2011``.
_DUE = re.compile(r"\b(?:due|maturing|matures|mature|expiring|expires)\s+(?:in\s+|on\s+)?$")


#: A deadline (``by 1992``, ``until dec. 31``) lies ahead unless told in the past.
_DEADLINE = re.compile(r"\b(?:by|until|till|before)\s+(?:the\s+end\s+of\s+)?$")
#: A year naming a thing (``the 1996 law``, ``a 1965 tractor``): the thing is dated, so past, unless
#: the clause is told ahead or the year is the newest the text names (``the 2030 games will open``).
_ATTRIBUTIVE = re.compile(r"(?:\b(?:the|a|an|that|its|his|her|their)|\w's)\s+$")
#: The start of something still going on (``since 1980``): only a lower bound.
_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$")


#: ``ago`` amounts beyond about a century are not the publication's distance to anything.
_AGO_LIMIT = {"day": 36525, "week": 5218, "month": 1200, "year": 100}


def _tense_reader(low: str, m: Match, tense: Callable[[Match], str | None], newest_other: int | None
                  ) -> Callable[[Match], str | None]:
    """The tense of ``m`` as the estimate reads it: a maturity, a deadline or a start come first.

    ``newest_other`` is the newest year the text names besides ``m``'s: a thing
    dated after every other year (``the 2030 games``) may still lie ahead.
    """
    before = low[max(0, m.start - 24):m.start]
    if m.rule == "year" and _ATTRIBUTIVE.search(before) and re.match(r"\s+[a-z]", low[m.end:m.end + 2]):
        return lambda match: _attributive_tense(match, tense, newest_other)
    if _DUE.search(before):
        return lambda _: "due"
    if _SINCE.search(before):
        return lambda _: "since"
    if _DEADLINE.search(before):
        return lambda match: tense(match) if tense(match) == "past" else "future"
    return tense


def _attributive_tense(m: Match, tense: Callable[[Match], str | None], newest_other: int | None
                       ) -> str | None:
    """A year naming a thing is past, but left open in a future clause or when newer than the rest."""
    year = _named_year(m)
    if tense(m) == "future" or year is None or (newest_other is not None and year > newest_other):
        return None
    return "past"


def _named_year(m: Match) -> int | None:
    """The four-digit year a match writes, if any."""
    written = m.groups.get("y") if m.groups else None
    return int(written) if written and re.fullmatch(r"\d{4}", written) else None


def _newest_others(matches: list[Match]) -> list[int | None]:
    """For each match, the newest year written by the other matches (None when there is none)."""
    years = [_named_year(m) for m in matches]
    ranked = sorted((y for y in years if y is not None), reverse=True)
    out: list[int | None] = []
    for year in years:
        if not ranked:
            out.append(None)
        elif year is not None and year == ranked[0]:
            out.append(ranked[1] if len(ranked) > 1 else None)
        else:
            out.append(ranked[0])
    return out


def _digits(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def collect_evidence(low: str, matches: Iterable[Match], tense: Callable[[Match], str | None]
                     ) -> list[Evidence]:
    """What each time expression says about the publication day.

    A date after ``due`` or ``maturing`` (a bond's maturity) gets the tense
    ``due``: it lies ahead, possibly decades ahead, so it only bounds the day.
    """
    out: list[Evidence] = []
    matches = list(matches)
    for m, newest_other in zip(matches, _newest_others(matches)):
        g = m.groups
        text = low[m.start:m.end]
        rule = m.rule
        read_tense = _tense_reader(low, m, tense, newest_other)
        try:
            if rule == "iso_date":
                out.append(Evidence("day", text, read_tense(m), int(g["y"]), int(g["m"]), int(g["d"])))
            elif rule == "slash_date":
                year = int(g["y"])
                year += (2000 if year < 40 else 1900) if year < 100 else 0
                out.append(Evidence("day", text, read_tense(m), year, int(g["m"]), int(g["d"])))
            elif rule in ("month_day", "day_month"):
                month = month_number(g["mon"])
                day = _digits(g["d"])
                weekday = weekday_number(g["wd"]) if g.get("wd") else None
                if g.get("y"):
                    out.append(Evidence("day", text, read_tense(m), int(g["y"]), month, day, weekday))
                else:
                    out.append(Evidence("monthday", text, read_tense(m), None, month, day, weekday))
            elif rule == "month_year" and not g["y"].startswith("'"):
                out.append(Evidence("month", text, read_tense(m), int(g["y"]), month_number(g["mon"])))
            elif rule == "month" and not g.get("mod"):
                rel = g.get("rel")
                out.append(Evidence("monthonly", text, {"last": "past", "past": "past", "next": "future",
                                                        "coming": "future"}.get(rel or "", read_tense(m)),
                                    None, month_number(g["mon"])))
            elif rule in ("year", "season_year") and not g.get("pre", "").startswith("fiscal"):
                out.append(Evidence("year", text, read_tense(m), int(g["y"])))
            elif rule == "quarter" and g.get("unit") == "quarter" and g.get("ord"):
                number = ordinal_number(g["ord"]) or 0
                named = next((g[k] for k in ("y2", "y1") if g.get(k) and re.fullmatch(r"\d{4}", g[k])), None)
                if not 1 <= number <= 4:
                    continue
                if named is not None:
                    out.append(Evidence("month", text, read_tense(m), int(named), 3 * number - 1))
                elif not g.get("rel") and g.get("det") in (None, "the", "its", "this"):
                    # ``the third quarter`` of a report: most often results told in the month after it.
                    out.append(Evidence("monthonly", text, None, None, 3 * number % 12 + 1))
            elif rule == "weekday" and not g.get("rel"):
                out.append(Evidence("weekday", text, read_tense(m), weekday=weekday_number(g["wd"])))
            elif rule == "ago" and g["dir"] in ("ago", "back"):
                amount = quantity(g["q"])
                unit = unit_name(g["unit"])
                if (amount is not None and unit in _AGO_LIMIT and amount == int(amount)
                        and 0 <= amount <= _AGO_LIMIT[unit]):
                    out.append(Evidence("ago", text, None, amount=int(amount), unit=unit))
            elif rule == "relative_period" and g["rel"] in ("last", "this", "next") and not g.get("mod"):
                if g["unit"] in ("year", "month"):
                    step = {"last": -1, "this": 0, "next": 1}[g["rel"]]
                    out.append(Evidence("relative", text, None, amount=step, unit=g["unit"]))
        except (TypeError, ValueError, AttributeError):
            continue
    return [e for e in out if e.kind in ("weekday", "ago", "relative", "year") or e.month is not None]


def _bounded(k: int, tense: str | None, near: tuple[float, ...], scale: tuple[int, ...]) -> float:
    """Log-likelihood of a distance ``k`` (candidate minus mentioned, in units) given the tense."""
    if tense == "future":
        k = -k
    if tense in ("past", "future"):
        if k < 0:
            return IMPOSSIBLE if k < -1 else math.log(near[-1])
    else:
        k = abs(k)
    for limit, p in zip(scale, near):
        if k <= limit:
            return math.log(p)
    return math.log(near[-1] / 10)


#: How many days before the publication a weekday told in the past (or without a tense) lies:
#: mostly the same day or the day before, rarely most of a week.
_PAST_WEEKDAY = (0.42, 0.25, 0.14, 0.08, 0.06, 0.025, 0.025)
_OPEN_WEEKDAY = (0.3, 0.2, 0.15, 0.13, 0.1, 0.06, 0.06)
_DAY_P = (0.3, 0.1, 0.02, 0.002)
_DAY_K = (2, 7, 31, 365)
#: A date ahead (a deadline, a maturity) may be years away: a flatter curve.
_FUTURE_DAY_P = (0.05, 0.04, 0.02, 0.005)
#: Without a tense the date may be either side, near or far.
_OPEN_DAY_P = (0.12, 0.06, 0.02, 0.004)
_MONTH_P = (0.35, 0.2, 0.08, 0.015)
_MONTH_K = (0, 1, 3, 12)


def _day_curve(tense: str | None) -> tuple[float, ...]:
    return _DAY_P if tense == "past" else _FUTURE_DAY_P if tense == "future" else _OPEN_DAY_P


def _past_start(ev: Evidence) -> tuple[date, str] | None:
    """Where a past-tense mention naming its year begins, and at what granularity.

    Mentions without a year (``may 6``) begin at a different day for every
    candidate day: :func:`_recency_days` reads them on the arrays.
    """
    if ev.kind == "day":
        d = safe_date(ev.year, ev.month, ev.day)  # type: ignore[arg-type]
        return (d, "day") if d else None
    if ev.kind == "month":
        d = safe_date(ev.year, ev.month, 1)  # type: ignore[arg-type]
        return (d, "month") if d else None
    d = safe_date(ev.year, 1, 1)  # type: ignore[arg-type]
    return (d, "year") if d else None


# --- scoring many days at once -------------------------------------------------------------
#
# ``estimate_publication`` scores hundreds of candidate days per article.  The scorers below
# take the days as an array of ordinals and return their log-likelihoods as an array.  Where a
# piece of evidence depends only on a day's year, month or weekday, its value is worked out
# once per year, month or weekday and read from that table; where it depends on distances in
# days, from tables :func:`_bounded` fills.

#: Ordinal of the day numpy counts from (1970-01-01).
_EPOCH = date(1970, 1, 1).toordinal()
#: A distance in days greater than any between a day and a yearless date near it.
_FAR = 10 ** 9


def _years_of(days: np.ndarray) -> np.ndarray:
    """The year of every ordinal day."""
    return (days - _EPOCH).astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


def _year_of(day: int) -> int:
    """The year of one ordinal day."""
    return date.fromordinal(day).year


@dataclass
class _Days:
    """Candidate days as arrays: the ordinal, year, month (1-12) and weekday (Monday 0) of each.

    The distinct years are kept with, for every day, the index of its own:
    what depends on the year only is worked out once per year.
    """

    ordinal: np.ndarray
    year: np.ndarray
    month: np.ndarray
    weekday: np.ndarray
    years: list[int]
    year_index: np.ndarray

    @classmethod
    def of(cls, ordinals: np.ndarray) -> _Days:
        days = np.asarray(ordinals, dtype=np.int64)
        months_since = (days - _EPOCH).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
        year = months_since // 12 + 1970
        month = months_since % 12 + 1
        if len(days) and (days[1:] >= days[:-1]).all():  # sorted (as the estimate's days are): no hashing
            new_year = year[1:] != year[:-1]
            years = year[np.concatenate(([True], new_year))]
            year_index = np.concatenate(([0], np.cumsum(new_year)))
        else:
            years, year_index = np.unique(year, return_inverse=True)
        return cls(days, year, month, (days + 6) % 7, years.tolist(), year_index)

    def per_year(self, value: Callable[[int], float]) -> np.ndarray:
        """``value`` of each day's year, worked out once per year."""
        return np.array([value(y) for y in self.years], dtype=np.float64)[self.year_index]

    def yearly_date(self, month: int, day: int, offset: int = 0) -> np.ndarray:
        """Ordinal of ``month``/``day`` in each day's year plus ``offset`` (-1 where there is none)."""
        found = [safe_date(y + offset, month, day) for y in self.years]
        return np.array([-1 if d is None else d.toordinal() for d in found], dtype=np.int64)[self.year_index]


@cache
def _bounded_table(tense: str | None, near: tuple[float, ...], scale: tuple[int, ...]) -> np.ndarray:
    """:func:`_bounded` of every distance from ``-reach`` to ``reach`` (beyond, it no longer changes)."""
    reach = scale[-1] + 2
    return np.array([_bounded(k, tense, near, scale) for k in range(-reach, reach + 1)], dtype=np.float64)


def _bounded_days(k: np.ndarray, tense: str | None, near: tuple[float, ...], scale: tuple[int, ...]
                  ) -> np.ndarray:
    """:func:`_bounded` of every distance in ``k``, read from its table."""
    reach = scale[-1] + 2
    # np.minimum and np.maximum, not np.clip: the same integers, at a fraction of the call's cost.
    return _bounded_table(tense, near, scale)[np.minimum(np.maximum(k, -reach), reach) + reach]


def _nearest_yearless(days: _Days, month: int, day: int) -> np.ndarray:
    """For each day, the ordinal of ``month``/``day`` nearest it in the years around (-1: none).

    The years before, of and after the day are tried in that order; a later
    one is taken only when strictly nearer (the earlier of two equally near).
    """
    around = [safe_date(y + offset, month, day) for y in days.years for offset in (-1, 0, 1)]
    ordinals = [-1 if d is None else d.toordinal() for d in around]
    found = np.array(ordinals, dtype=np.int64).reshape(-1, 3)[days.year_index]
    distance = np.where(found >= 0, np.abs(days.ordinal[:, None] - found), _FAR)
    # argmin takes the first of equal minima: the earlier year, as the order above says.
    return found[np.arange(len(found)), np.argmin(distance, axis=1)]


def _score_days(days: _Days, ev: Evidence, facts: _Facts) -> np.ndarray:
    """The log-likelihood of every day of ``days`` under one piece of evidence.

    A maturity (``due``) or a start (``since``) only bounds the day; a date, a
    month or a year scores the distance by its tense; a weekday or a month
    without a year, the distance to the nearest one; a relative expression,
    its agreement with the absolute periods of the text (``facts``).  Evidence
    of the people and things named is scored by :func:`_period_days` instead: 0 here.
    """
    zero = np.zeros(len(days.ordinal))
    if ev.tense in ("due", "since"):
        if ev.year is None:
            return zero
        if ev.tense == "due":
            end = safe_date(ev.year, ev.month or 12, ev.day or 28)
            return zero if end is None else np.where(days.ordinal <= end.toordinal(), 0.0, IMPOSSIBLE)
        start = safe_date(ev.year, ev.month or 1, ev.day or 1)
        return zero if start is None else np.where(days.ordinal >= start.toordinal(), 0.0, IMPOSSIBLE)
    if ev.kind == "day":
        d = safe_date(ev.year, ev.month, ev.day)  # type: ignore[arg-type]
        if d is None:
            return zero
        return _bounded_days(days.ordinal - d.toordinal(), ev.tense, _day_curve(ev.tense), _DAY_K)
    if ev.kind == "monthday":
        best = _nearest_yearless(days, ev.month, ev.day)  # type: ignore[arg-type]
        scores = _bounded_days(days.ordinal - best, ev.tense, _day_curve(ev.tense), _DAY_K)
        return np.where(best >= 0, scores, 0.0)
    if ev.kind == "month":
        k = (days.year - ev.year) * 12 + days.month - ev.month  # type: ignore[operator]
        return _bounded_days(k, ev.tense, _MONTH_P, _MONTH_K)
    if ev.kind == "weekday":
        return _weekday_table(ev.weekday, ev.tense)[days.weekday]  # type: ignore[arg-type]
    if ev.kind == "year" or (ev.kind in ("ago", "relative") and ev.unit == "year"):
        return days.per_year(lambda year: _year_score(year, ev, facts))
    if ev.kind == "monthonly":
        return _month_only_table(ev.month, ev.tense)[days.month - 1]  # type: ignore[arg-type]
    if ev.kind in ("ago", "relative") and ev.unit == "month":
        return _month_agreement(days, ev, facts)
    if ev.kind == "ago" and ev.unit in ("day", "week") and facts.days:
        step = 7 if ev.unit == "week" else 1
        return np.where(_near_days(days.ordinal - step * ev.amount, facts.days, 3),  # type: ignore[operator]
                        math.log(3.0), 0.0)
    return zero


@cache
def _weekday_table(weekday: int, tense: str | None) -> np.ndarray:
    """The log-likelihood of each weekday (Monday 0) of the publication under a weekday named.

    Told in the past (or without a tense) the weekday mentioned lies a few
    days before the publication at most; told ahead, mostly the day after.
    """
    if tense == "future":
        ahead = [(weekday - w) % 7 for w in range(7)]
        return np.array([math.log(0.25 if k == 0 else 0.3 if k == 1 else 0.09) for k in ahead],
                        dtype=np.float64)
    curve = _PAST_WEEKDAY if tense == "past" else _OPEN_WEEKDAY
    return np.array([math.log(curve[(w - weekday) % 7]) for w in range(7)], dtype=np.float64)


@cache
def _month_only_table(month: int, tense: str | None) -> np.ndarray:
    """The log-likelihood of each month (January first) of the publication under a bare month.

    The month mentioned is most likely the publication's or just before it
    (in the past), just after it (ahead), or either side (without a tense);
    half weight: a bare month is a weak hint.
    """
    out = []
    for m in range(1, 13):
        k = (m - month) % 12
        if tense == "future":
            k = (month - m) % 12
        elif tense != "past":
            k = min(k, 12 - k)
        p = 0.3 if k == 0 else 0.25 if k == 1 else 0.12 if k <= 3 else 0.04
        out.append(0.5 * math.log(p))
    return np.array(out, dtype=np.float64)


def _year_score(year: int, ev: Evidence, facts: _Facts) -> float:
    """The log-likelihood of a publication in ``year`` under a year, ``n years ago``, ``last year``.

    These depend on the day's year alone, so :func:`_score_days` works them out once per year.
    """
    amount: int = ev.amount  # type: ignore[assignment]
    if ev.kind == "ago":
        if year - amount in facts.past_years:
            # ``50 years ago`` meeting ``1949`` is rarely chance; ``a year ago`` often is.
            return math.log(AGO_NEAR if amount < 5 else 16.0)
        return 0.0
    if ev.kind == "relative":
        return math.log(4.0) if year + amount in facts.years else 0.0
    named: int = ev.year  # type: ignore[assignment]
    if named < facts.newest_year - HISTORY_GAP:
        return 0.0
    k = year - named
    # A year told in the past is this year or the last (results compared a year back);
    # one ahead is this year or the next; without a tense it may be a maturity years away.
    if ev.tense == "future":
        p = 0.3 if k in (0, -1) else 0.05 if k < -1 else 0.004
    elif ev.tense == "past":
        p = 0.3 if k in (0, 1) else 0.08 if k == 2 else 0.02 if k > 2 else 0.004
    else:
        p = 0.3 if k == 0 else 0.2 if k == 1 else 0.1 if k == -1 else 0.03
    return math.log(p)


def _month_agreement(days: _Days, ev: Evidence, facts: _Facts) -> np.ndarray:
    """``two months ago`` or ``last month`` on every day: whether the month reached is one named.

    A month written without its year is of the last twelve months, so a
    recent ``two months ago`` most likely means it rather than a month
    written with a year.  The month reached (``amount`` back for ``ago``,
    ahead for ``relative``) is counted as year * 12 + month - 1.
    """
    amount: int = ev.amount  # type: ignore[assignment]
    reached = days.year * 12 + days.month - 1 + (-amount if ev.kind == "ago" else amount)
    month = reached % 12 + 1
    bare = _member(month, np.array(sorted(facts.bare_months), dtype=np.int64))
    named = _member(reached, np.array(sorted(y * 12 + m - 1 for y, m in facts.months if 1 <= m <= 12),
                                      dtype=np.int64))
    if ev.kind == "ago":
        return np.where(bare, math.log(3.0), np.where(named, math.log(2.0), 0.0))
    # A month shifted out of the calendar (before year 1) agrees with nothing.
    return np.where((named | bare) & (reached >= 12), math.log(1.5), 0.0)


def _near_days(targets: np.ndarray, days: list[date], slack: int) -> np.ndarray:
    """For each ordinal in ``targets``, whether a day of the sorted ``days`` lies within ``slack``.

    Only the two neighbours of the target in ``days`` are looked at.  A
    target before the calendar's first day is near nothing.
    """
    known = np.array([d.toordinal() for d in days], dtype=np.int64)
    i = np.searchsorted(known, targets, side="left")
    before = known[np.clip(i - 1, 0, len(known) - 1)]
    after = known[np.clip(i, 0, len(known) - 1)]
    near = (((i > 0) & (np.abs(before - targets) <= slack))
            | ((i < len(known)) & (np.abs(after - targets) <= slack)))
    return near & (targets >= 1)


def _calendar_fit_days(days: _Days, ev: Evidence) -> np.ndarray:
    """Whether each day's nearest yearless date falls on the weekday written beside it (0: yes)."""
    best = _nearest_yearless(days, ev.month, ev.day)  # type: ignore[arg-type]
    fits = (best < 0) | ((best + 6) % 7 == ev.weekday)
    return np.where(fits, 0.0, math.log(WEEKDAY_DATE_MISS))


def _period_days(days: _Days, period: Period) -> np.ndarray:
    """The log-likelihood of every day under one period: 0 inside a window, less outside.

    Just outside a window (``EDGE_DAYS``) a mention is still common: a
    minister called by the title in the week after resigning.
    """
    inside = np.zeros(len(days.ordinal), dtype=bool)
    gap = np.full(len(days.ordinal), _FAR, dtype=np.int64)
    for start, end in period.windows:
        first = start.toordinal()
        last = end.toordinal() if end is not None else _FAR
        inside |= (days.ordinal >= first) & (days.ordinal <= last)
        gap = np.minimum(gap, np.where(days.ordinal < first, first - days.ordinal, days.ordinal - last))
    outside = np.where(gap <= EDGE_DAYS, math.log(max(EDGE_P, period.miss)), math.log(period.miss))
    return np.where(inside, 0.0, outside)


def _hint_days(days: _Days, hint: tuple[int, int]) -> np.ndarray:
    """The dateline's month and day on every day: likely on it and the day after, hardly elsewhere."""
    d = days.yearly_date(*hint)
    k = days.ordinal - d
    on = (d >= 0) & (k >= 0) & (k <= 1)
    return np.where(on, TEMPERATURE * math.log(0.8), TEMPERATURE * math.log(HINT_MISS))


#: How likely the newest dated mention is up to 2, 12, 24, 72 and more months before the day (logs).
_NEWEST_MONTHS = np.array([2, 12, 24, 72])
_NEWEST_SCORES = np.array([math.log(p) for p in (0.3, 0.1, 0.05, 0.02, 0.005)])
#: How likely the latest mention, naming only a year, is k years before the day, for k from -1
#: (the day before a new year) to 7 and more (logs).
_LATEST_YEARS = np.array([math.log(p) for p in (0.05, 0.4, 0.3, 0.1, 0.05, 0.05, 0.05, 0.05, 0.01)])
#: Granularities of the mentions told in the past, as :func:`_past_start` names them.
_GRANULARITIES = ("day", "month", "year")


def _recency_days(days: _Days, past: list[Evidence]) -> np.ndarray:
    """Past-tense mentions bound the day from below; the latest of them is usually recent.

    News tells what just happened and recalls older events: every mention told
    in the past must lie before the publication day, and the newest one is
    likely days (a date), weeks (a month) or months (a year) before it.  Older
    mentions are history and say nothing more.
    """
    if not past:
        return np.full(len(days.ordinal), 0 * IMPOSSIBLE)  # as (no mention after the day) * IMPOSSIBLE
    dated = sorted(start for ev in past if ev.kind != "monthday"
                   for start in [_past_start(ev)] if start is not None)
    # Led by a day before every day (-1), so that the newest start before none is that one.
    starts = np.array([-1] + [d.toordinal() for d, _ in dated], dtype=np.int64)
    granularity = np.array([0] + [_GRANULARITIES.index(g) for _, g in dated], dtype=np.int64)
    limit = days.ordinal + 1
    # The starts are sorted: those after ``limit`` are impossible, the one just before is the newest.
    told = np.searchsorted(starts[1:], limit, side="right")
    total = (len(dated) - told) * IMPOSSIBLE
    has_newest = told > 0
    newest = starts[told]
    latest = newest
    latest_granularity = granularity[told]
    # Mentions without a year (``may 6``) are read as close before the day as they can be;
    # such a mention is never after ``limit``, so it bounds nothing and only may be the latest.
    for ev, _ in _counted([ev for ev in past if ev.kind == "monthday"]):
        this_year = days.yearly_date(ev.month, ev.day)  # type: ignore[arg-type]
        last_year = days.yearly_date(ev.month, ev.day, -1)  # type: ignore[arg-type]
        found = np.where((this_year >= 0) & (this_year <= limit), this_year,
                         np.where((last_year >= 0) & (last_year <= limit), last_year, -1))
        later = (found >= 0) & (found > latest)
        latest = np.where(later, found, latest)
        latest_granularity = np.where(later, 0, latest_granularity)
    has_latest = latest >= 0
    if not has_latest.any():
        return total
    # The newest mention that names its year keeps the day from drifting a year on.
    newest_months = _months_between(days, np.where(has_newest, newest, days.ordinal))
    newest_score = _NEWEST_SCORES[np.searchsorted(_NEWEST_MONTHS, newest_months, side="left")]
    total = np.where(has_newest, total + newest_score, total)
    latest_day = np.where(has_latest, latest, days.ordinal)
    by_day = _bounded_days(days.ordinal - latest_day, "past", _DAY_P, _DAY_K)
    by_month = _bounded_days(_months_between(days, latest_day), "past", _MONTH_P, _MONTH_K)
    by_year = _LATEST_YEARS[np.clip(days.year - _years_of(latest_day), -1, 7) + 1]
    part = np.where(latest_granularity == 0, by_day, np.where(latest_granularity == 1, by_month, by_year))
    return np.where(has_latest, total + part, total)


def _sorted_unique(days: np.ndarray) -> np.ndarray:
    """The distinct values of ``days``, sorted (a sort and a comparison: cheaper than hashing)."""
    days = np.sort(days)
    return days[np.concatenate(([True], days[1:] != days[:-1]))] if len(days) else days


def _member(values: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Whether each of ``values`` is one of the sorted ``known``."""
    if not len(known):
        return np.zeros(len(values), dtype=bool)
    return known[np.minimum(np.searchsorted(known, values), len(known) - 1)] == values


def _months_between(days: _Days, earlier: np.ndarray) -> np.ndarray:
    """Calendar months from each ordinal of ``earlier`` to the matching day (year * 12 + month apart)."""
    months = (earlier - _EPOCH).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    return (days.year - 1970) * 12 + days.month - 1 - months


class _DayScorer:
    """The log-likelihood of candidate days (ordinals) under all the evidence of one text.

    The terms are added in a fixed order (a floating-point sum depends on
    it, and the estimates must not move): the tempered evidence (each
    distinct reading times its count) and the recency of the past
    mentions; then, untempered, the weekdays, the agreements of relative
    expressions, the calendar fit of dates written with their weekday and
    the dateline's day; the sum is tempered, and the periods named are
    added as they are.
    """

    def __init__(self, facts: _Facts, others: list[tuple[Evidence, int]], past: list[Evidence],
                 weekdays: list[Evidence], agreements: list[tuple[Evidence, int]], calendar: list[Evidence],
                 periods: list[Period], hint: tuple[int, int] | None):
        self.facts = facts
        self.others = others
        self.past = past
        self.weekdays = weekdays
        self.agreements = agreements
        self.calendar = calendar
        self.periods = periods
        self.hint = hint

    def __call__(self, ordinals: np.ndarray) -> np.ndarray:
        days = _Days.of(ordinals)
        facts = self.facts
        total = np.zeros(len(days.ordinal))
        for ev, n in self.others:
            total = total + n * _score_days(days, ev, facts)
        total = total + _recency_days(days, self.past)
        total = total + TEMPERATURE * WEEKDAY_WEIGHT * _summed(_score_days(days, ev, facts)
                                                               for ev in self.weekdays)
        total = total + TEMPERATURE * AGREEMENT_WEIGHT * _summed(n * _score_days(days, ev, facts)
                                                                 for ev, n in self.agreements)
        # ``friday, oct. 23`` fits the calendar of some years only: an exact fact, untempered.
        total = total + TEMPERATURE * _summed(_calendar_fit_days(days, ev) for ev in self.calendar)
        if self.hint is not None:
            # The dateline's day is exact: untempered, like the weekdays.
            total = total + _hint_days(days, self.hint)
        # What the people and things named say is not tempered: it is not a reading of the tense.
        return total / TEMPERATURE + _summed(_period_days(days, p) for p in self.periods)


def _summed(terms: Iterable[np.ndarray]) -> np.ndarray | float:
    """The terms added one after the other, from 0 (as ``sum`` adds numbers)."""
    total: np.ndarray | float = 0.0
    for term in terms:
        total = total + term
    return total


@dataclass
class _Facts:
    """Absolute periods the text names, for the agreement of relative expressions."""

    years: set[int]
    months: set[tuple[int, int]]
    bare_months: set[int]
    #: The full dates named, sorted and each once.
    days: list[date]
    #: The newest year told as possibly past (a maturity or a plan ahead does not make others history).
    newest_year: int
    #: The years of mentions that may lie in the past (not told as ahead): what ``ago`` can reach.
    past_years: set[int] = field(default_factory=set)


def _facts(evidence: list[Evidence]) -> _Facts:
    years = {e.year for e in evidence if e.year is not None}
    months = {(e.year, e.month) for e in evidence if e.year is not None and e.month is not None}
    bare = {e.month for e in evidence if e.kind in ("monthonly", "monthday") and e.month is not None}
    days = sorted({d for e in evidence if e.kind == "day"
                   for d in [safe_date(e.year, e.month, e.day)] if d is not None})  # type: ignore[arg-type]
    past_years = {e.year for e in evidence if e.year is not None and e.tense not in ("future", "due")}
    return _Facts(years, months, bare, days, _newest_past_year(evidence), past_years)  # type: ignore[arg-type]


def _newest_past_year(evidence: list[Evidence]) -> int:
    """The newest year named that may lie in the past (0 if none): a maturity or a plan lies ahead."""
    return max((e.year for e in evidence if e.year is not None and e.tense not in ("future", "due")), default=0)


def period_evidence(low: str) -> list[Evidence]:
    """Evidence from the people in office and the things the text names (:mod:`.periods`)."""
    return [Evidence("period", p.text, None, period=p) for p in find_periods(low)]


_ANNIVERSARY = re.compile(r"\b(\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:[\s-][a-z]+)?)\sanniversary\b")


def anniversary_evidence(low: str) -> list[Evidence]:
    """``the 50th anniversary`` of something the text dates (``1949``): read as ``50 years ago``."""
    if "anniversary" not in low:  # most texts: no need to run the pattern at every word
        return []
    out = []
    for m in _ANNIVERSARY.finditer(low):
        words = m.group(1)
        number = ordinal_number(words) or ordinal_number(words.split()[-1].split("-")[-1])
        if number and 1 < number <= 300:
            out.append(Evidence("ago", m.group(), None, amount=number, unit="year"))
    return out


def text_evidence(low: str) -> list[Evidence]:
    """What the words of the text, beyond its time expressions, say about its date."""
    return period_evidence(low) + anniversary_evidence(low)


#: Days around a window's edge where a mention outside it is still common
#: (a minister still called by the title in the week after resigning, a president-elect).
EDGE_DAYS = 90
EDGE_P = 0.5


#: At most this many candidate years are scored day by day.
MAX_CANDIDATE_YEARS = 10
#: Years whose best sampled score is this far (log) below the best year's are dropped.
YEAR_DROP = math.log(2000)
#: Named years further back than this before the newest one are not candidates themselves.
CANDIDATE_SPAN = 15
#: Past-tense mentions may be this many years older than the publication.
PAST_REACH = 6
#: Future-tense mentions may be this many years ahead of it.
FUTURE_REACH = 3
#: Years before and after a term in which a person named without title is still candidate.
ALONE_SLACK = 2


def candidate_years(evidence: list[Evidence], today: date | None = None) -> list[int]:
    """Years the publication day may fall in: around the years named, and in the periods named.

    A year told in the past may be a few years old; the windows of the people
    and things named add their years (cut at ``today`` where still current).
    """
    last = (today or date.today()).year
    named = {e.year for e in evidence if e.year is not None and e.tense != "due"}
    years: set[int] = set()
    for e in evidence:
        if e.year is None or e.tense == "due":
            continue
        if e.tense == "future":
            years.update(range(e.year - FUTURE_REACH, e.year + 1))
        else:
            years.update(range(e.year if e.tense == "past" else e.year - 1, e.year + PAST_REACH + 1))
    # ``50 years ago`` (``the 50th anniversary``) of a year the text names.
    reachable = {e.year for e in evidence if e.year is not None and e.tense not in ("future", "due")}
    years.update(y + e.amount for e in evidence if e.kind == "ago" and e.unit == "year" and e.amount
                 for y in reachable)
    if named:
        # A plan or a deadline far ahead (``by 2050``) does not make the years told before it history.
        newest = _newest_past_year(evidence) or max(named)
        years = {y for y in years if y >= newest - CANDIDATE_SPAN}
    for e in evidence:
        # A person in office, or named alone (a little before and after the term); the things
        # named (a state, a currency) last long, so they suggest years only when nothing else does.
        if e.period is None or e.period.miss >= MISS_NAME:
            continue
        slack = 0 if e.period.miss <= MISS_TITLE else ALONE_SLACK
        years.update(_window_years(e.period, slack, last))
    if not years:
        for e in evidence:
            if e.period is not None:
                years.update(_window_years(e.period, 0, last))
    return sorted(y for y in years if 1800 <= y <= last)  # nothing is published in the future


def _window_years(period: Period, slack: int, last: int) -> set[int]:
    """The years of a period's windows, ``slack`` years wider, within 120 years before ``last``."""
    out: set[int] = set()
    for start, end in period.windows:
        first = max(start.year - slack, last - 120)
        out.update(range(first, min((end or date(last, 12, 31)).year + slack, last) + 1))
    return out


def estimate_publication(
    evidence: list[Evidence], hint: tuple[int, int] | None = None, today: date | None = None
) -> Estimate:
    """The most likely publication day given the evidence (and a month/day from the dateline).

    Evidence that names or bounds a year is needed (a year, a dated mention, a
    person in office): weekdays and yearless dates alone give no estimate.
    No day after ``today`` (the real today by default) is a candidate.
    """
    today = today or date.today()
    years = candidate_years(evidence, today)
    if not years:
        return Estimate(None, evidence=[e.text for e in evidence][:8])
    evidence = _capped(evidence)
    facts = _facts(evidence)
    periods = [ev.period for ev in evidence if ev.period is not None]

    def is_past(ev: Evidence) -> bool:
        return ev.tense == "past" and ev.kind in ("day", "month", "year", "monthday")

    past = [ev for ev in evidence if is_past(ev)]
    others = _counted([ev for ev in evidence if not is_past(ev)
                       and ev.kind not in ("period", "weekday", "ago", "relative")])
    # ``two months ago`` agreeing with ``july`` is an exact fact too: untempered.
    agreements = _counted([ev for ev in evidence if ev.kind in ("ago", "relative")])
    # Weekdays are read once each (a story repeats ``friday``) and, being exact, untempered.
    weekdays = list({(ev.weekday, ev.tense == "future"): ev for ev in evidence if ev.kind == "weekday"}.values())

    score_days = _DayScorer(facts, others, past, weekdays, agreements, calendar_evidence(evidence),
                            periods, hint)
    today_ordinal = today.toordinal()
    years, sampled = _likely_years(years, score_days, today)
    # Coarse to fine: every COARSE_STEP-th day first, standing for its neighbours, then
    # every day around the best coarse one and around each day the text points at.
    coarse = np.concatenate([np.arange(date(y, 1, 1).toordinal(),
                                       min(date(y, 12, 31).toordinal(), today_ordinal) + 1, COARSE_STEP)
                             for y in years])
    coarse_scores = score_days(coarse)
    peak_day = int(coarse[np.argmax(coarse_scores)])
    focus = [(peak_day, REFINE_DAYS, REFINE_DAYS)] + [(a.toordinal(), 3, ANCHOR_AFTER)
                                                      for a in _anchors(evidence, hint, years)]
    around = _sorted_unique(np.concatenate([np.arange(centre - before, centre + after + 1)
                                            for centre, before, after in focus]))
    fine = around[_member(_years_of(around), np.array(years)) & (around <= today_ordinal)]
    fine_scores = score_days(fine)
    # The years not scored day by day stay in the distribution through their sampled days.
    rest = {c: v for c, v in sampled.items() if _year_of(c) not in years}
    rest_days = np.array(sorted(rest), dtype=np.int64)
    rest_scores = np.array([rest[c] for c in rest_days.tolist()], dtype=np.float64)
    candidates = _sorted_unique(np.concatenate([coarse, fine, rest_days]))
    # A day scored one by one stands for itself, a coarse one for its step, a sample for two months.
    in_fine = _member(candidates, fine)
    in_coarse = _member(candidates, coarse) & ~in_fine
    in_rest = ~(in_fine | in_coarse)
    scores = np.empty(len(candidates))
    scores[in_fine] = fine_scores
    scores[in_coarse] = coarse_scores[np.searchsorted(coarse, candidates[in_coarse])]
    scores[in_rest] = rest_scores[np.searchsorted(rest_days, candidates[in_rest])]
    span_of = np.where(in_fine, 1, np.where(in_coarse, COARSE_STEP, _SAMPLE_DAYS))
    estimate, earliest, latest, confidence = _summary(candidates.tolist(), scores.tolist(), span_of.tolist())
    contributions = _ranked(evidence, estimate, facts)
    used = [e.text for e in reversed(contributions) if e.kind in ("day", "monthday", "month", "year",
                                                                 "monthonly", "ago", "weekday", "period")]
    return Estimate(date=estimate, earliest=earliest, latest=latest, confidence=confidence,
                    evidence=used[:8])


def _ranked(evidence: list[Evidence], day: date, facts: _Facts) -> list[Evidence]:
    """The evidence from the worst to the best explanation of ``day`` (ties in the text's order).

    Each piece is scored by :func:`_score_days` on ``day`` alone, each
    distinct reading once: a long story repeats its dates many times.
    """
    one_day = _Days.of(np.array([day.toordinal()], dtype=np.int64))
    scores: dict[tuple[object, ...], float] = {}
    for ev in evidence:
        reading = _reading(ev)
        if reading not in scores:
            scores[reading] = float(_score_days(one_day, ev, facts)[0])
    return sorted(evidence, key=lambda ev: scores[_reading(ev)])


def calendar_evidence(evidence: list[Evidence]) -> list[Evidence]:
    """The yearless dates written with their weekday (``friday, oct. 23``), each once.

    Like a weekday, such a date is read once however often the story repeats
    it: the repeat is the same fact, not new evidence.
    """
    return list({(ev.month, ev.day, ev.weekday): ev for ev in evidence
                 if ev.kind == "monthday" and ev.weekday is not None}.values())


def _summary(candidates: list[int], scores: list[float], span_of: list[int]
             ) -> tuple[date, date, date, float]:
    """Estimate, interval and confidence of a distribution over days.

    ``candidates`` are the sorted ordinals of the days scored, ``scores`` their
    log-densities; each candidate stands for
    ``span_of`` days.  The estimate is the mode, or the median day where no
    day stands out (a term of office, a year: it errs least); the interval is
    the span of the densest candidates holding ``INTERVAL_MASS``; the
    confidence is the mass within a week of the estimate.
    """
    top = max(scores)
    # math.exp, not numpy's vectorized exp, which may differ in the last bit and so flip a tie.
    density = np.array([math.exp(s - top) for s in scores])
    weights = density * np.array(span_of)
    # Running sums (np.cumsum) add in day order: the mass does not depend on a summation tree.
    mass = float(np.cumsum(weights)[-1])
    probabilities = weights / mass
    # The mode; where several days tie (only a year is known) the middle one of them.
    peak = float(density.max())
    ties = np.flatnonzero(density >= peak * (1 - 1e-9))
    best = int(ties[len(ties) // 2])

    def near(i: int) -> float:
        # The candidates are sorted: those within a week of the i-th are a slice, summed in order.
        centre = candidates[i]
        return sum(probabilities[bisect_left(candidates, centre - 7):bisect_right(candidates, centre + 7)].tolist())

    if near(best) < MODE_MASS and peak < MODE_PEAK * mass / sum(span_of):
        reached = np.cumsum(probabilities) >= 0.5
        if reached.any():
            best = int(np.argmax(reached))
    # The densest candidates (ties in day order) until they hold INTERVAL_MASS.
    order = np.argsort(-density, kind="stable")
    reached = np.cumsum(probabilities[order]) >= INTERVAL_MASS
    kept = order[:int(np.argmax(reached)) + 1] if reached.any() else order
    confidence = round(min(max(near(best), 0.0), 1.0), 3)
    return (date.fromordinal(candidates[best]), date.fromordinal(candidates[int(kept.min())]),
            date.fromordinal(candidates[int(kept.max())]), confidence)


#: Days after a mentioned date (and before, for slack) that are scored one by one.
ANCHOR_AFTER = 10
#: Days sampled in each candidate year to rank the years (the middle of every other month).
_YEAR_SAMPLES = ((1, 15), (3, 15), (5, 15), (7, 15), (9, 15), (11, 15))


#: Days each sampled day stands for (two months).
_SAMPLE_DAYS = 61


def _counted(evidence: list[Evidence]) -> list[tuple[Evidence, int]]:
    """Each distinct reading once, with how often the text gives it (repeats weigh alike)."""
    counts: dict[tuple[object, ...], list] = {}
    for ev in evidence:
        counts.setdefault(_reading(ev), [ev, 0])[1] += 1
    return [(ev, n) for ev, n in counts.values()]


def _likely_years(years: list[int], score_days: Callable[[np.ndarray], np.ndarray], today: date
                  ) -> tuple[list[int], dict[int, float]]:
    """The candidate years worth scoring day by day, and the sampled days of all of them.

    The years are ranked by their best sampled day; the best few are scored day
    by day, the others that are not far behind keep their samples, each
    standing for two months, so a long flat stretch (only a term of office is
    known) still counts in the interval.  Samples after ``today`` are left out; the
    sampled days are returned as ordinals.
    """
    if len(years) <= 2:
        return years, {}
    sampled = [(y, c.toordinal()) for y in years for c in _sample_days(y, today)]
    scores = score_days(np.array([c for _, c in sampled], dtype=np.int64)).tolist()
    best: dict[int, float] = {}
    for (year, _), v in zip(sampled, scores):
        best[year] = max(best.get(year, v), v)
    top = max(best.values())
    ranked = sorted((y for y in years if best[y] >= top - YEAR_DROP), key=lambda y: (-best[y], y))
    near = set(ranked)
    return sorted(ranked[:MAX_CANDIDATE_YEARS]), {c: v for (year, c), v in zip(sampled, scores) if year in near}


def _sample_days(year: int, today: date) -> list[date]:
    """The days of ``year`` that rank it, none after ``today`` (the year's first day at least)."""
    days = [c for c in (date(year, m, d) for m, d in _YEAR_SAMPLES) if c <= today]
    return days or [date(year, 1, 1)]


#: At most this many distinct readings (kind, value, tense) are scored: a long text naming
#: thousands of dates costs time per day scored in proportion to them.
MAX_READINGS = 400
#: The order in which kinds of evidence are kept when there are too many readings.
_KEEP_ORDER = {"period": 0, "weekday": 0, "ago": 0, "relative": 0, "day": 1, "month": 2, "monthday": 2,
               "year": 2, "monthonly": 3}


def _reading(ev: Evidence) -> tuple[object, ...]:
    """What a piece of evidence says, without its wording: repeats of one reading share it."""
    return (ev.kind, ev.tense, ev.year, ev.month, ev.day, ev.weekday, ev.amount, ev.unit, ev.period)


def _capped(evidence: list[Evidence]) -> list[Evidence]:
    """The evidence of the ``MAX_READINGS`` most informative readings, every repeat of them kept.

    Texts of normal length stay whole.  Beyond the cap, the people, weekdays
    and relative expressions come first, then full dates, then the coarser
    ones; within a kind the readings told most often, then the newest.
    """
    groups: dict[tuple[object, ...], list[Evidence]] = {}
    for ev in evidence:
        groups.setdefault(_reading(ev), []).append(ev)
    if len(groups) <= MAX_READINGS:
        return evidence
    ranked = sorted(groups.values(), key=lambda g: (_KEEP_ORDER.get(g[0].kind, 4), -len(g), -(g[0].year or 0)))
    kept = {id(ev) for group in ranked[:MAX_READINGS] for ev in group}
    return [ev for ev in evidence if id(ev) in kept]


def _anchors(evidence: list[Evidence], hint: tuple[int, int] | None, years: list[int]) -> list[date]:
    """Days in the candidate years that mentioned dates point at (the day itself)."""
    pairs = {(e.month, e.day) for e in evidence if e.kind in ("monthday", "day") and e.day is not None}
    if hint is not None:
        pairs.add(hint)
    out = []
    for month, day in pairs:
        for year in years:
            d = safe_date(year, month, day)  # type: ignore[arg-type]
            if d is not None:
                out.append(d)
    return out[:60]


def dateline_hint(written: str | None) -> tuple[int, int] | None:
    """(month, day) of a dateline date written without its year: ``March 3``."""
    if not written:
        return None
    found = re.search(r"([a-z]+)\.?\s+(\d{1,2})\b|(\d{1,2})\s+([a-z]+)", written.lower())
    if not found:
        return None
    month = month_number(found.group(1) or found.group(4))
    day = int(found.group(2) or found.group(3))
    if month is None or safe_date(2000, month, day) is None:
        return None
    return month, day
