"""The publication date a page prints at its head, or writes in its own address.

A page taken from the web opens with its address, its title and a line such
as ``Posted : Mar 14 , 2011 9 : 05 AM ET``, ``Last updated on : October 2 ,
2019 18 : 40 IST`` or just ``Tuesday , June 3 , 2014``; many addresses hold
the day too (``/2014/06/03/harbour-reopens``).  That is the publication
date, as sure as a feed's metadata, while the text's other dates may be
years older.  A line counts as such a header when it is among the first
:data:`HEAD_LINES` lines and holds, besides its dates, times and zones, only
a few words that are not common English words (``Published on``, a paper's
initials and its city): a sentence that gives a date (``She moved to the
coast on Tuesday , December 9 , 2008 .``) is not a header.  Where a head
holds several dates (posted, then updated) the earliest is the publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from dateline.text.urls import url_spans
from dateline.times.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, month_number

#: Lines (non-empty) and characters of the head that may hold the date.
HEAD_LINES = 6
HEAD_CHARS = 1200
#: Words a header line may hold besides its dates, times and the words below.
MAX_OTHER_WORDS = 4
#: Words header lines are made of: they do not make a line a sentence.
HEADER_WORDS = frozenset({
    "posted", "updated", "update", "last", "published", "publication", "first", "originally", "on", "at",
    "by", "created", "story", "modified", "edited", "time", "date", "dated", "issued", "filed", "am",
    "pm", "a", "m", "p", "hrs", "hr", "h", "th", "st", "nd", "rd", "and", "of",
})
#: Time zones written after a clock time.
ZONES = frozenset({
    "gmt", "utc", "bst", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akdt", "akst", "hst",
    "ist", "cet", "cest", "eet", "eest", "msk", "jst", "hkt", "aest", "aedt", "sgt", "pkt", "et", "pt",
    "ct", "mt", "z", "wib", "sast", "wat", "eat",
})
_WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
_MONTH = "|".join(sorted(list(MONTHS) + list(MONTH_ABBREVIATIONS), key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)?"
#: ``June 3 , 2014``, ``Sep 9 - 2006``, ``Sat Oct 8 2016``, ``MAR . 14 , 2011``.
_MONTH_FIRST = re.compile(
    rf"(?<![^\W\d_])(?P<mon>{_MONTH})(?:\s?\.)?\s*(?P<d>\d{{1,2}}){_ORDINAL}\s*[,-]?\s*(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE)
#: ``3 June 2014``, ``9 SEPTEMBER , 2006``, ``8 Oct 2016``.
_DAY_FIRST = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<mon>{_MONTH})(?:\s?\.)?\s*,?\s*(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE)
#: ``04 / 11 / 15``, ``23 / 06 / 2014``, ``06/03/2014``: month first unless the first number cannot be one.
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})\s?([/.])\s?(?P<b>\d{1,2})\s?\2\s?(?P<y>(?:19|20)?\d\d)(?![\d/])")
#: ``2013-09-26``, ``2012 . 08 . 08``.
_ISO = re.compile(r"(?<![\d/])(?P<y>(?:19|20)\d\d)\s?([-/.])\s?(?P<m>\d{1,2})\s?\2\s?(?P<d>\d{1,2})(?![\d/])")
_PATTERNS = (_MONTH_FIRST, _DAY_FIRST, _ISO, _NUMERIC)
#: A date in a web address: ``/2014/06/03/``, ``/2014/jun/25/``, ``/2011-03-14/``.
_URL_DATE = re.compile(
    rf"/(?P<y>(?:19|20)\d\d)[/-](?P<m>\d{{1,2}}|{_MONTH})[/-](?P<d>\d{{1,2}})(?:[/_.-]|$)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
#: Stands for each character of a web address in a line read for dates: neither a word, a
#: digit nor a space, so no date or word is read across or inside an address.
_MASK = "\x01"
#: A line that opens with a date (replaced by a NUL) set off by a dash or a bar.
_DATE_FIRST = re.compile(r"\s*\(?\0\)?\s*(?:[-|\u2013\u2014\u2022]\s)")


@dataclass(frozen=True)
class HeaderDate:
    """A publication date read at the head of a page: the day and where it is written."""

    date: date
    start: int
    end: int
    source: str  # "header" (a date line) or "url" (the page's address)


def header_date(text: str, url: str | None = None, today: date | None = None) -> HeaderDate | None:
    """The publication date printed at the head of ``text``, else the one in its address.

    ``url`` is the page's address from its metadata, read when the text's
    head has no date line.  Dates after ``today`` are not publication dates.
    """
    today = today or date.today()
    head = _head(text)
    urls = url_spans(text[:head])
    found: list[HeaderDate] = []
    for start, end in _lines(text[:head]):
        line = _without_addresses(text[start:end], [(a - start, b - start) for a, b in urls if a < end and start < b])
        if _is_header(line):
            found += [d for d in _dates(line, start, today) if d.date <= today]
    if found:
        return min(found, key=lambda d: (d.date, d.start))
    for start, end in urls:
        dated = _url_date(text[start:end], start, today)
        if dated is not None:
            return dated
    if url:
        dated = _url_date(url, 0, today)
        if dated is not None:
            return HeaderDate(dated.date, 0, 0, "url")
    return None


def _head(text: str) -> int:
    """Where the head ends: after :data:`HEAD_LINES` non-empty lines, at most :data:`HEAD_CHARS`."""
    for seen, match in enumerate(re.finditer(r"[^\n]*\S[^\n]*", text[:HEAD_CHARS]), 1):
        if seen == HEAD_LINES:
            return match.end()
    return min(len(text), HEAD_CHARS)


def _lines(head: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", head)]


def _without_addresses(line: str, addresses: list[tuple[int, int]]) -> str:
    """``line`` with its web addresses masked (same length): their dates and words are no header's."""
    for a, b in addresses:
        a, b = max(a, 0), min(b, len(line))
        line = line[:a] + _MASK * (b - a) + line[b:]
    return line


def _dates(line: str, offset: int, today: date) -> list[HeaderDate]:
    """Every whole, valid date written in ``line`` (which starts at ``offset``), each span once."""
    out: list[HeaderDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(line):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            day = _read(m, today)
            if day is not None:
                taken.append(m.span())
                out.append(HeaderDate(day, offset + m.start(), offset + m.end(), "header"))
    return out


def _read(m: re.Match[str], today: date) -> date | None:
    """The date a pattern matched; a two-digit year is the latest such year up to ``today``."""
    groups = m.groupdict()
    year = int(groups["y"])
    if year < 100:
        year += 2000 if year <= today.year % 100 else 1900
    if "mon" in groups:
        month, day = month_number(groups["mon"].lower()), int(groups["d"])
    elif "m" in groups:
        month, day = int(groups["m"]), int(groups["d"])
    else:
        first, second = int(groups["a"]), int(groups["b"])
        month, day = (second, first) if first > 12 else (first, second)
    return _valid(year, month, day)


def _valid(year: int, month: int | None, day: int) -> date | None:
    if month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _is_header(line: str) -> bool:
    """Whether ``line`` is a date line of a page's head rather than a sentence or a title.

    A line that opens with a date set off by a dash or a bar (``27 / 09 / 2013 -
    Talks resume``) is one whatever follows.
    """
    rest = line
    for pattern in _PATTERNS:
        rest = pattern.sub("\0", rest)
    if len(rest) == len(line):
        return False  # no date at all
    if _DATE_FIRST.match(rest):
        return True
    rest = rest.replace("\0", " ")
    others = [w for w in (w.lower() for w in _WORD.findall(rest))
              if w not in HEADER_WORDS and w not in ZONES and w not in WEEKDAYS
              and w not in _WEEKDAY_ABBREVIATIONS and month_number(w) is None]
    return len(others) <= MAX_OTHER_WORDS and not any(w in STOP_WORDS for w in others)


def _url_date(address: str, offset: int, today: date) -> HeaderDate | None:
    """The day a web address names in its path (tokenized spaces ignored)."""
    compact = re.sub(r"\s+", "", address)
    m = _URL_DATE.search(compact)
    if m is None:
        return None
    month = m.group("m")
    day = _valid(int(m.group("y")), int(month) if month.isdigit() else month_number(month.lower()),
                 int(m.group("d")))
    if day is None or day > today:
        return None
    return HeaderDate(day, offset, offset + len(address), "url")
