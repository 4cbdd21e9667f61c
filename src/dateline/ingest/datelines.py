"""Find the dateline that opens a wire story: place, optional date, agency, dash.

Forms read (clean and degraded)::

    WASHINGTON (Reuters) - The ...
    LONDON, March 3 (Reuters) - ...          date as written: "March 3"
    BEIJING, Jan. 5 (Xinhua) -- ...
    MOSUL, Iraq (Reuters) - ...              place: "MOSUL, Iraq"
    SAN FRANCISCO/NEW YORK (Reuters) - ...
    Paris (AFP) - ...                        title case with a known agency
    (Reuters) - ...                          agency alone
    NEW YORK — ...                           no agency: capitals and a long dash
    cairo ( reuters ) - islamic state ...    degraded: lowercased, tokenized

A dateline is looked for only at the start of the first line, within
:data:`DATELINE_WINDOW` characters.  Ordinary first sentences must not pass
for one, so each form has to show a signal a sentence does not: an agency
from :data:`AGENCIES` (or an unknown one after a place in capitals), or,
with no agency, a place in capitals followed by a long dash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline import schema

#: A dateline ends (its dash included) within this many characters of the first line.
DATELINE_WINDOW = 120
#: Words in one place name ("RIO DE JANEIRO", "SALT LAKE CITY").
MAX_PLACE_WORDS = 5
#: Comma-separated qualifiers after the place (", Iraq", ", Calif.").
MAX_QUALIFIERS = 2
#: Characters inside the agency parentheses.
MAX_AGENCY_CHARS = 40
#: Letters a place needs when no agency backs it ("I - for one", "US —").
MIN_PLACE_LETTERS_WITHOUT_AGENCY = 3
#: Dashes that can close an agency-less dateline: a plain hyphen after a word
#: in capitals is too often a headline or a list ("WARNING - graphic").
LONG_DASHES = frozenset({"—", "–", "--", "- -"})
#: Words in capitals that open headlines and kickers, not datelines.
NOT_PLACES = frozenset(
    {
        "ANALYSIS",
        "BREAKING",
        "CORRECTED",
        "CORRECTION",
        "EDITORIAL",
        "EXCLUSIVE",
        "FACTBOX",
        "FLASH",
        "INTERVIEW",
        "LIVE",
        "NOTE",
        "OPINION",
        "PHOTOS",
        "REFILE",
        "UPDATE",
        "URGENT",
        "VIDEO",
        "WARNING",
        "WATCH",
    }
)
#: Small words that may stay lowercase inside a title-case place ("Rio de Janeiro").
PLACE_CONNECTORS = frozenset(
    {
        "al",
        "am",
        "an",
        "and",
        "da",
        "de",
        "del",
        "der",
        "des",
        "di",
        "do",
        "du",
        "el",
        "la",
        "le",
        "les",
        "of",
        "on",
        "sur",
        "upon",
        "y",
    }
)

#: Canonical agency name for each way of writing it (lowercase, single spaces).
AGENCIES: dict[str, str] = {
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "the associated press": "AP",
    "associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "xinhua": "Xinhua",
    "xinhua news agency": "Xinhua",
    "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg",
    "dpa": "dpa",
    "upi": "UPI",
    "united press international": "UPI",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "yonhap": "Yonhap",
    "tass": "TASS",
    "itar-tass": "TASS",
    "ria": "RIA Novosti",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "pti": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "efe": "EFE",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "aa": "Anadolu",
    "cnn": "CNN",
    "bbc": "BBC",
    "irna": "IRNA",
    "mena": "MENA",
    "sana": "SANA",
    "wam": "WAM",
    "kuna": "KUNA",
    "spa": "SPA",
    "qna": "QNA",
    "petra": "Petra",
    "bernama": "Bernama",
    "antara": "Antara",
    "aap": "AAP",
    "cp": "Canadian Press",
    "the canadian press": "Canadian Press",
    "canadian press": "Canadian Press",
    "pa": "PA",
    "press association": "PA",
    "nhk": "NHK",
    "cna": "CNA",
    "apa": "APA",
    "ats": "ATS",
    "belga": "Belga",
    "anp": "ANP",
    "ctk": "CTK",
    "mti": "MTI",
    "pap": "PAP",
    "ukrinform": "Ukrinform",
    "sputnik": "Sputnik",
}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "March 3", "Jan. 5", "jan . 5" (degraded), "March 3, 2017", "3 March", "3 March 2017".
_DATE = (
    rf"(?i:{_MONTH}\b[ ]?\.?[ ]*\d{{1,2}}\b(?:[ ]*,[ ]*\d{{4}}\b)?"
    rf"|\d{{1,2}}[ ]+{_MONTH}\b\.?(?:[ ]+\d{{4}}\b)?)"
)
# A word of a place: starts with a letter; may hold dots, apostrophes, hyphens ("ST.", "AL-QAIM").
_WORD = r"[^\W\d_][\w.'’-]*"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,{MAX_PLACE_WORDS - 1}}}"
_PLACES = rf"{_NAME}(?:[ ]*/[ ]*{_NAME})*"
DATELINE_PATTERN = re.compile(
    rf"""
    (?P<place>{_PLACES}(?:[ ]*,[ ]*(?!{_DATE}){_NAME}){{0,{MAX_QUALIFIERS}}})?
    (?:[ ]*,[ ]*(?P<date>{_DATE}))?
    (?:[ ]*\([ ]*(?P<agency>[^()\n]{{1,{MAX_AGENCY_CHARS}}}?)[ ]*\))?
    [ ]*(?P<dash>--|-[ ]-|[-–—])
    """,
    re.VERBOSE,
)
# An agency not in AGENCIES: one to four capitalized words ("Pajhwok", "Kuwait News Agency").
UNKNOWN_AGENCY = re.compile(r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}")
_PLACE_WORD = re.compile(_WORD)


@dataclass(frozen=True)
class ParsedDateline:
    """A dateline found at the start of an article.

    Spans are ``(start, end)`` character offsets into the text given to
    :func:`parse_dateline`.  ``span`` runs from the place (or the agency's
    opening parenthesis) through the dash.  ``place`` and ``date`` are as
    written; ``agency`` is canonical (``"Reuters"`` for ``( reuters )``).
    """

    span: tuple[int, int]
    place: str | None = None
    place_span: tuple[int, int] | None = None
    agency: str | None = None
    agency_span: tuple[int, int] | None = None
    date: str | None = None
    date_span: tuple[int, int] | None = None

    def to_schema(self, text: str) -> schema.Dateline:
        """The output record for this dateline; ``text`` is the text it was parsed from."""

        def span(bounds: tuple[int, int] | None) -> schema.Span | None:
            if bounds is None:
                return None
            return schema.Span(start=bounds[0], end=bounds[1], text=text[bounds[0] : bounds[1]])

        whole = span(self.span)
        assert whole is not None
        return schema.Dateline(
            span=whole,
            place=self.place,
            place_span=span(self.place_span),
            agency=self.agency,
            agency_span=span(self.agency_span),
            date=self.date,
        )


def canonical_agency(written: str) -> str | None:
    """The canonical name of an agency as written (``" reuters "`` -> ``"Reuters"``)."""
    key = " ".join(written.replace("\u2011", "-").split()).lower()
    return AGENCIES.get(key)


def parse_dateline(text: str) -> ParsedDateline | None:
    """The dateline opening ``text``, or ``None`` if its first line does not start with one."""
    start = len(text) - len(text.lstrip())
    line_end = text.find("\n", start)
    end = min(start + DATELINE_WINDOW, len(text) if line_end < 0 else line_end)
    match = DATELINE_PATTERN.match(text, start, end)
    if match is None:
        return None

    place, agency_written, dash = match.group("place"), match.group("agency"), match.group("dash")
    if dash in {"-", "--", "- -"} and not _space_or_end(text, match.end("dash")):
        return None  # a hyphenated word or a minus sign, not a dash
    if place is None and agency_written is None:
        return None

    agency = canonical_agency(agency_written) if agency_written is not None else None
    primary = place.split(",")[0] if place is not None else None
    if agency_written is not None and agency is None:
        # An agency the table lacks counts only in a capitals dateline: "KABUL (Pajhwok) -".
        if primary is None or _casing(primary) != "upper":
            return None
        if not UNKNOWN_AGENCY.fullmatch(agency_written.strip()):
            return None
        agency = agency_written.strip()
    if agency_written is None and not _stands_alone(primary, dash):
        return None
    if primary is not None and agency_written is not None and _casing(primary) is None:
        return None  # "He said (Reuters) -": mixed case is a sentence, not a place

    return ParsedDateline(
        span=(match.start(), match.end("dash")),
        place=place,
        place_span=match.span("place") if place is not None else None,
        agency=agency,
        agency_span=match.span("agency") if agency_written is not None else None,
        date=match.group("date"),
        date_span=match.span("date") if match.group("date") is not None else None,
    )


def _stands_alone(primary: str | None, dash: str) -> bool:
    """Whether a place with no agency is a dateline: capitals, a real name, a long dash."""
    if primary is None or dash not in LONG_DASHES or _casing(primary) != "upper":
        return False
    letters = sum(ch.isalpha() for ch in primary)
    return letters >= MIN_PLACE_LETTERS_WITHOUT_AGENCY and primary.strip() not in NOT_PLACES


def _casing(place: str) -> str | None:
    """``"upper"``, ``"lower"`` or ``"title"`` if the place's words agree, else ``None``."""
    words = [w for w in _PLACE_WORD.findall(place) if w.lower() not in PLACE_CONNECTORS]
    if not words:
        words = _PLACE_WORD.findall(place)
    if not words:
        return None
    if all(w.isupper() for w in words):
        return "upper"
    if all(w.islower() for w in words):
        return "lower"
    if all(w[0].isupper() for w in words):
        return "title"
    return None


def _space_or_end(text: str, position: int) -> bool:
    return position >= len(text) or text[position].isspace()
