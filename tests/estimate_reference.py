"""The evidence of a publication date read on one day at a time, written plainly.

:mod:`dateline.times.estimate` scores candidate days as numpy arrays, from
tables and per-year lookups; these functions compute the same
log-likelihoods for a single :class:`~datetime.date` with ordinary
arithmetic, so the tests can check the arrays against them day by day.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from datetime import date

from dateline.times.estimate import (
    _DAY_K,
    _MONTH_K,
    _MONTH_P,
    _OPEN_WEEKDAY,
    _PAST_WEEKDAY,
    AGO_NEAR,
    EDGE_DAYS,
    EDGE_P,
    HISTORY_GAP,
    IMPOSSIBLE,
    WEEKDAY_DATE_MISS,
    Evidence,
    _bounded,
    _day_curve,
    _Facts,
)
from dateline.times.normalize_value import safe_date, shift
from dateline.times.periods import Period


def score(c: date, ev: Evidence, facts: _Facts) -> float:
    """Log-likelihood of day ``c`` under one piece of evidence (a period: :func:`period_score`)."""
    if ev.tense == "due":
        return _due_bound(c, ev)
    if ev.tense == "since":
        return _since_bound(c, ev)
    if ev.kind == "day":
        d = safe_date(ev.year, ev.month, ev.day)  # type: ignore[arg-type]
        return 0.0 if d is None else _bounded((c - d).days, ev.tense, _day_curve(ev.tense), _DAY_K)
    if ev.kind == "monthday":
        best = None
        for year in (c.year - 1, c.year, c.year + 1):
            d = safe_date(year, ev.month, ev.day)  # type: ignore[arg-type]
            if d is not None and (best is None or abs((c - d).days) < abs((c - best).days)):
                best = d
        if best is None:
            return 0.0
        return _bounded((c - best).days, ev.tense, _day_curve(ev.tense), _DAY_K)
    if ev.kind == "month":
        k = (c.year - ev.year) * 12 + c.month - ev.month  # type: ignore[operator]
        return _bounded(k, ev.tense, _MONTH_P, _MONTH_K)
    if ev.kind == "monthonly":
        k = (c.month - ev.month) % 12  # type: ignore[operator]
        if ev.tense == "future":
            k = (ev.month - c.month) % 12  # type: ignore[operator]
        elif ev.tense != "past":
            k = min(k, 12 - k)
        p = 0.3 if k == 0 else 0.25 if k == 1 else 0.12 if k <= 3 else 0.04
        return 0.5 * math.log(p)
    if ev.kind == "year":
        k = c.year - ev.year  # type: ignore[operator]
        if ev.year is not None and ev.year < facts.newest_year - HISTORY_GAP:
            return 0.0
        # A year told in the past is this year or the last (results compared a year back);
        # one ahead is this year or the next; without a tense it may be a maturity years away.
        if ev.tense == "future":
            p = 0.3 if k in (0, -1) else 0.05 if k < -1 else 0.004
        elif ev.tense == "past":
            p = 0.3 if k in (0, 1) else 0.08 if k == 2 else 0.02 if k > 2 else 0.004
        else:
            p = 0.3 if k == 0 else 0.2 if k == 1 else 0.1 if k == -1 else 0.03
        return math.log(p)
    if ev.kind == "weekday":
        k = (c.weekday() - ev.weekday) % 7  # type: ignore[operator]
        if ev.tense == "future":
            k = (ev.weekday - c.weekday()) % 7  # type: ignore[operator]
            return math.log(0.25 if k == 0 else 0.3 if k == 1 else 0.09)
        return math.log((_PAST_WEEKDAY if ev.tense == "past" else _OPEN_WEEKDAY)[k])
    if ev.kind == "ago":
        amount: int = ev.amount  # type: ignore[assignment]
        if ev.unit == "month":
            # A month written without its year is of the last twelve months, so a recent
            # ``two months ago`` most likely means it rather than a month written with a year.
            back = c.year * 12 + c.month - 1 - amount
            if back % 12 + 1 in facts.bare_months:
                return math.log(3.0)
            if (back // 12, back % 12 + 1) in facts.months:
                return math.log(2.0)
        elif ev.unit == "year":
            if c.year - amount in facts.past_years:
                # ``50 years ago`` meeting ``1949`` is rarely chance; ``a year ago`` often is.
                return math.log(AGO_NEAR if amount < 5 else 16.0)
        elif facts.days:
            target = _shifted(c, -amount, ev.unit)  # type: ignore[arg-type]
            if target is not None and _near_any(target, facts.days, 3):
                return math.log(3.0)
        return 0.0
    if ev.kind == "relative":
        if ev.unit == "year" and c.year + ev.amount in facts.years:  # type: ignore[operator]
            return math.log(4.0)
        if ev.unit == "month":
            target = _shifted(c, ev.amount, "month")  # type: ignore[arg-type]
            if target is not None and ((target.year, target.month) in facts.months
                                       or target.month in facts.bare_months):
                return math.log(1.5)
        return 0.0
    return 0.0


def _shifted(c: date, amount: int, unit: str) -> date | None:
    """``c`` moved by ``amount`` units, or None where that leaves the calendar."""
    try:
        return shift(c, amount, unit)
    except (OverflowError, ValueError):
        return None


def _near_any(target: date, days: list[date], slack: int) -> bool:
    """Whether a day of the sorted list ``days`` lies within ``slack`` days of ``target``.

    Only the neighbours of ``target`` in the list need a look: a bisection, not a walk.
    """
    i = bisect_left(days, target)
    return any(abs((days[j] - target).days) <= slack for j in (i - 1, i) if 0 <= j < len(days))


def _since_bound(c: date, ev: Evidence) -> float:
    """The start of something still going on lies before the publication day, near or far alike."""
    if ev.year is None:
        return 0.0
    start = safe_date(ev.year, ev.month or 1, ev.day or 1)
    return 0.0 if start is None or c >= start else IMPOSSIBLE


def calendar_fit(c: date, ev: Evidence) -> float:
    """Whether the yearless date nearest ``c`` falls on the weekday written beside it."""
    best = None
    for year in (c.year - 1, c.year, c.year + 1):
        d = safe_date(year, ev.month, ev.day)  # type: ignore[arg-type]
        if d is not None and (best is None or abs((c - d).days) < abs((c - best).days)):
            best = d
    if best is None or best.weekday() == ev.weekday:
        return 0.0
    return math.log(WEEKDAY_DATE_MISS)


def _due_bound(c: date, ev: Evidence) -> float:
    """A maturity or deadline lies after the publication day, near or far alike."""
    if ev.year is None:
        return 0.0
    end = safe_date(ev.year, ev.month or 12, ev.day or 28)
    return 0.0 if end is None or c <= end else IMPOSSIBLE




def period_score(c: date, period: Period) -> float:
    """Log-likelihood of day ``c`` under one period: 0 inside a window, less outside."""
    nearest = None
    for start, end in period.windows:
        if c < start:
            gap = (start - c).days
        elif end is not None and c > end:
            gap = (c - end).days
        else:
            return 0.0
        nearest = gap if nearest is None else min(nearest, gap)
    if nearest is not None and nearest <= EDGE_DAYS:
        return math.log(max(EDGE_P, period.miss))
    return math.log(period.miss)
