"""Read publication dates as sources write them.

A publication date is only useful whole: a value that lacks its year, month
or day is refused rather than completed with today's, so dateline never
invents a date.  Parsers are tried from strictest to most lenient: ISO 8601,
RFC 2822 (RSS feeds, e-mail), then written-out dates through dateutil, and
last dateparser (other languages, ``3 mars 2017``) when it is installed.
"""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser

from dateline.errors import BAD_VALUE, DatelineError

#: Years outside this range are typos or placeholders (``0001-01-01``), not publication dates.
EARLIEST_YEAR = 1800
LATEST_YEAR = 2200
#: Two defaults that differ in year, month and day: a component dateutil fills
#: from its default differs between the two parses, so a partial date shows.
_PROBE_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))
#: dateparser settings: absolute dates only ("yesterday" depends on when the
#: file is read, a Unix timestamp on the reader's time zone) and every component required.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
ACCEPTED_DATES = (
    "ISO 8601 (2017-03-03, 2017-09-28T10:00:00Z), RFC 2822 "
    "(Fri, 03 Mar 2017 10:00:00 +0000) or a written-out date with day, month and "
    "year ('3 March 2017', 'March 3, 2017')"
)


def parse_date(value: str | date | datetime | None, *, where: str | None = None) -> date | None:
    """The calendar date in ``value``, or ``None`` when there is no value.

    A :class:`~datetime.datetime` keeps the date it was written with (no
    conversion to UTC): ``2017-09-28T23:30:00-05:00`` is September 28.
    Numeric dates like ``03/04/2017`` are read month first, as dateutil does.

    Raises:
        DatelineError: ``BAD_VALUE`` when ``value`` is not a whole, plausible
            date; the message repeats the value and lists the accepted forms.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return _plausible(value.date(), value, where)
    if isinstance(value, date):
        return _plausible(value, value, where)
    if not isinstance(value, str):
        raise DatelineError(
            f"date must be a string, got {type(value).__name__} {value!r}; "
            f"accepted: {ACCEPTED_DATES}",
            where=where,
            kind=BAD_VALUE,
        )
    written = value.strip()
    if not written:
        return None
    for reader in (_iso, _rfc2822, _dateutil, _dateparser):
        found = reader(written)
        if found is not None:
            return _plausible(found, value, where)
    raise DatelineError(
        f"cannot read {value!r} as a date with day, month and year; accepted: {ACCEPTED_DATES}",
        where=where,
        kind=BAD_VALUE,
    )


def _plausible(found: date, value: object, where: str | None) -> date:
    if not EARLIEST_YEAR <= found.year <= LATEST_YEAR:
        raise DatelineError(
            f"date {value!r} has year {found.year}; expected a publication year between "
            f"{EARLIEST_YEAR} and {LATEST_YEAR}",
            where=where,
            kind=BAD_VALUE,
        )
    return found


def _iso(written: str) -> date | None:
    try:
        return date.fromisoformat(written)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(written).date()
    except ValueError:
        return None


def _rfc2822(written: str) -> date | None:
    try:
        return parsedate_to_datetime(written).date()
    except (TypeError, ValueError, IndexError):
        return None


def _dateutil(written: str) -> date | None:
    parsed = []
    for default in _PROBE_DEFAULTS:
        try:
            parsed.append(dateutil_parser.parse(written, default=default).date())
        except (ValueError, OverflowError, TypeError):
            return None
    first, second = parsed
    return first if first == second else None  # a component came from the default


def _dateparser(written: str) -> date | None:
    try:
        import dateparser  # slow to import and optional: only needed for rare forms
    except ImportError:
        return None
    try:
        parsed = dateparser.parse(written, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed is not None else None
