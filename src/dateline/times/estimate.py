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
* a month and day in the dateline (``LONDON, March 3 (Reuters)``) fixes the day.

The scores are log-likelihoods, tempered and turned into a distribution over
days: the estimate is its mode, the interval holds 90% of its mass, and the
confidence is the mass within a week of the estimate.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateline.times.lexicon import month_number, ordinal_number, unit_name, weekday_number
from dateline.times.normalize_value import quantity, safe_date, shift
from dateline.times.rules import Match

#: Divides summed log-likelihoods: the evidence is not independent, so the raw
#: product would be overconfident (tuned for ~90% interval coverage).
TEMPERATURE = 5
#: Share of the distribution the reported interval holds.
INTERVAL_MASS = 0.9
#: Days between the candidates of the first, coarse pass, and how far around its
#: best day the second pass scores every day.
COARSE_STEP = 4
REFINE_DAYS = 24
#: Years further back than this before the newest year named are history, not the present.
HISTORY_GAP = 3
#: Log-likelihood given to the impossible side of a bound (a day before an event told in the past).
IMPOSSIBLE = math.log(0.004)


@dataclass
class Evidence:
    """One expression and what it says about the publication day."""

    kind: str
    text: str
    tense: str | None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    amount: int | None = None
    unit: str | None = None


@dataclass
class Estimate:
    """The estimated day, its interval, confidence and the evidence used."""

    date: date | None
    earliest: date | None = None
    latest: date | None = None
    confidence: float = 0.0
    evidence: list[str] = field(default_factory=list)


def _digits(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def collect_evidence(low: str, matches: Iterable[Match], tense: Callable[[Match], str | None]
                     ) -> list[Evidence]:
    """What each time expression says about the publication day."""
    out: list[Evidence] = []
    for m in matches:
        g = m.groups
        text = low[m.start:m.end]
        rule = m.rule
        try:
            if rule == "iso_date":
                out.append(Evidence("day", text, tense(m), int(g["y"]), int(g["m"]), int(g["d"])))
            elif rule == "slash_date":
                year = int(g["y"])
                year += (2000 if year < 40 else 1900) if year < 100 else 0
                out.append(Evidence("day", text, tense(m), year, int(g["m"]), int(g["d"])))
            elif rule in ("month_day", "day_month"):
                month = month_number(g["mon"])
                day = _digits(g["d"])
                weekday = weekday_number(g["wd"]) if g.get("wd") else None
                if g.get("y"):
                    out.append(Evidence("day", text, tense(m), int(g["y"]), month, day, weekday))
                else:
                    out.append(Evidence("monthday", text, tense(m), None, month, day, weekday))
            elif rule == "month_year" and not g["y"].startswith("'"):
                out.append(Evidence("month", text, tense(m), int(g["y"]), month_number(g["mon"])))
            elif rule == "month" and not g.get("mod"):
                rel = g.get("rel")
                out.append(Evidence("monthonly", text, {"last": "past", "past": "past", "next": "future",
                                                        "coming": "future"}.get(rel or "", tense(m)),
                                    None, month_number(g["mon"])))
            elif rule in ("year", "season_year") and not g.get("pre", "").startswith("fiscal"):
                out.append(Evidence("year", text, tense(m), int(g["y"])))
            elif rule == "quarter" and g.get("y2") and re.fullmatch(r"\d{4}", g["y2"]):
                number = ordinal_number(g["ord"]) or 1
                if g["unit"] == "quarter" and number <= 4:
                    out.append(Evidence("month", text, tense(m), int(g["y2"]), 3 * number - 1))
            elif rule == "weekday" and not g.get("rel"):
                out.append(Evidence("weekday", text, tense(m), weekday=weekday_number(g["wd"])))
            elif rule == "ago" and g["dir"] in ("ago", "back"):
                amount = quantity(g["q"])
                unit = unit_name(g["unit"])
                if amount is not None and unit in ("day", "week", "month", "year") and amount == int(amount):
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


def _score(c: date, ev: Evidence, facts: _Facts) -> float:
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
        score = _bounded((c - best).days, ev.tense, _day_curve(ev.tense), _DAY_K)
        if ev.weekday is not None and best.weekday() != ev.weekday:
            score += math.log(0.05)
        return score
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
            p = 0.25 if k == 0 else 0.3 if k == 1 else 0.09
        else:
            p = 0.3 if k in (0, 1) else 0.12 if k == 2 else 0.07
        return 0.5 * math.log(p)
    if ev.kind == "ago":
        target = shift(c, -ev.amount, ev.unit)  # type: ignore[arg-type]
        if ev.unit == "month":
            if (target.year, target.month) in facts.months:
                return math.log(3.0)
            if target.month in facts.bare_months:
                return math.log(2.0)
        elif ev.unit == "year":
            if target.year in facts.years:
                return math.log(4.0)
        elif any(abs((target - d).days) <= 3 for d in facts.days):
            return math.log(3.0)
        return 0.0
    if ev.kind == "relative":
        if ev.unit == "year" and c.year + ev.amount in facts.years:  # type: ignore[operator]
            return math.log(4.0)
        if ev.unit == "month":
            target = shift(c, ev.amount, "month")  # type: ignore[arg-type]
            if (target.year, target.month) in facts.months or target.month in facts.bare_months:
                return math.log(1.5)
        return 0.0
    return 0.0


def _past_start(c: date, ev: Evidence) -> tuple[date, str] | None:
    """Where a past-tense mention begins, read as close before ``c`` as it can be."""
    if ev.kind == "day":
        d = safe_date(ev.year, ev.month, ev.day)  # type: ignore[arg-type]
        return (d, "day") if d else None
    if ev.kind == "monthday":
        for year in (c.year, c.year - 1):
            d = safe_date(year, ev.month, ev.day)  # type: ignore[arg-type]
            if d is not None and d <= c + timedelta(days=1):
                return d, "day"
        return None
    if ev.kind == "month":
        return date(ev.year, ev.month, 1), "month"  # type: ignore[arg-type]
    return date(ev.year, 1, 1), "year"  # type: ignore[arg-type]


def _recency(c: date, past: list[Evidence]) -> float:
    """Past-tense mentions bound the day from below; the latest of them is usually recent.

    News tells what just happened and recalls older events: every mention told
    in the past must lie before the publication day, and the newest one is
    likely days (a date), weeks (a month) or months (a year) before it.  Older
    mentions are history and say nothing more.
    """
    if not past:
        return 0.0
    total = 0.0
    latest: tuple[date, str] | None = None
    for ev in past:
        start = _past_start(c, ev)
        if start is None:
            continue
        if start[0] > c + timedelta(days=1):
            total += IMPOSSIBLE
        elif latest is None or start[0] > latest[0]:
            latest = start
    if latest is None:
        return total
    # Mentions without a year (``may 6``) can be read in any year: the newest mention that
    # names its year keeps the day from drifting a year on.
    dated = [_past_start(c, ev) for ev in past if ev.kind != "monthday"]
    newest = max((s[0] for s in dated if s is not None and s[0] <= c + timedelta(days=1)), default=None)
    if newest is not None:
        months = (c.year - newest.year) * 12 + c.month - newest.month
        total += math.log(0.3 if months <= 2 else 0.1 if months <= 12 else 0.02 if months <= 24 else 0.005)
    d, granularity = latest
    if granularity == "day":
        return total + _bounded((c - d).days, "past", _DAY_P, _DAY_K)
    if granularity == "month":
        return total + _bounded((c.year - d.year) * 12 + c.month - d.month, "past", _MONTH_P, _MONTH_K)
    k = c.year - d.year
    return total + math.log(0.4 if k == 0 else 0.3 if k == 1 else 0.05 if k == 2 else 0.01)


@dataclass
class _Facts:
    """Absolute periods the text names, for the agreement of relative expressions."""

    years: set[int]
    months: set[tuple[int, int]]
    bare_months: set[int]
    days: list[date]
    newest_year: int


def _facts(evidence: list[Evidence]) -> _Facts:
    years = {e.year for e in evidence if e.year is not None}
    months = {(e.year, e.month) for e in evidence if e.year is not None and e.month is not None}
    bare = {e.month for e in evidence if e.kind in ("monthonly", "monthday") and e.month is not None}
    days = [d for e in evidence if e.kind == "day"
            for d in [safe_date(e.year, e.month, e.day)] if d is not None]  # type: ignore[arg-type]
    return _Facts(years, months, bare, days, max(years) if years else 0)  # type: ignore[arg-type]


#: At most this many candidate years are scored (the newest ones the text names).
MAX_CANDIDATE_YEARS = 8


def candidate_years(evidence: list[Evidence]) -> list[int]:
    """The years the publication day may fall in: each year the text names, and the one after."""
    named = {e.year for e in evidence if e.year is not None}
    years = {y + k for y in named for k in (0, 1) if 1800 <= y + k <= 2200}
    if named:
        newest = max(y for y in named)
        years = {y for y in years if y >= newest - 15}
    return sorted(years)[-MAX_CANDIDATE_YEARS:]


def estimate_publication(
    evidence: list[Evidence], hint: tuple[int, int] | None = None
) -> Estimate:
    """The most likely publication day given the evidence (and a month/day from the dateline)."""
    years = candidate_years(evidence)
    if not years:
        return Estimate(None, evidence=[e.text for e in evidence][:8])
    facts = _facts(evidence)
    days = [date(y, 1, 1) + timedelta(days=i) for y in years
            for i in range((date(y, 12, 31) - date(y, 1, 1)).days + 1)]
    past = [ev for ev in evidence if ev.tense == "past" and ev.kind in ("day", "month", "year", "monthday")]
    others = [ev for ev in evidence if ev not in past]

    def day_score(c: date) -> float:
        total = sum(_score(c, ev, facts) for ev in others) + _recency(c, past)
        if hint is not None:
            d = safe_date(c.year, *hint)
            total += math.log(0.8) if d is not None and 0 <= (c - d).days <= 1 else math.log(0.0005)
        return total / TEMPERATURE

    # Coarse to fine: every COARSE_STEP-th day first, standing for its neighbours,
    # then every day around the best coarse one.
    coarse = {c: day_score(c) for c in days[::COARSE_STEP]}
    peak_day = max(coarse, key=coarse.__getitem__)
    fine = {c: day_score(c) for c in days if abs((c - peak_day).days) <= REFINE_DAYS}
    candidates = sorted(set(coarse) | set(fine))
    scores = [fine[c] if c in fine else coarse[c] for c in candidates]
    span_of = [1 if c in fine else COARSE_STEP for c in candidates]
    top = max(scores)
    density = [math.exp(s - top) for s in scores]  # per day
    mass = sum(d * n for d, n in zip(density, span_of))
    probabilities = [d * n / mass for d, n in zip(density, span_of)]  # per candidate and its days
    # The mode; where several days tie (only a year is known) the middle one of them.
    peak = max(density)
    ties = [i for i, d in enumerate(density) if d >= peak * (1 - 1e-9)]
    best = ties[len(ties) // 2]
    near = sum(p for c, p in zip(candidates, probabilities) if abs((c - candidates[best]).days) <= 7)
    order = sorted(range(len(candidates)), key=lambda i: -density[i])
    kept: list[int] = []
    running = 0.0
    for i in order:
        kept.append(i)
        running += probabilities[i]
        if running >= INTERVAL_MASS:
            break
    estimate = candidates[best]
    contributions = sorted(evidence, key=lambda e: _score(estimate, e, facts))
    used = [e.text for e in reversed(contributions) if e.kind in ("day", "monthday", "month", "year",
                                                                 "monthonly", "ago", "weekday")]
    return Estimate(
        date=estimate,
        earliest=candidates[min(kept)],
        latest=candidates[max(kept)],
        confidence=round(min(max(near, 0.0), 1.0), 3),
        evidence=used[:8],
    )


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
