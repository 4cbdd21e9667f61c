"""The two things ingest hands on: an :class:`Article` to analyse, or a :class:`Reject`.

Every reader funnels its text through :func:`build_article`, so the checks on
the text itself (blank, too long, binary-looking) and the id rule are the same
whatever the input format.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from dateline.config import BINARY_CONTROL_RATIO, MAX_ARTICLE_CHARS
from dateline.errors import (
    BAD_VALUE,
    BINARY_INPUT,
    INPUT_TOO_LARGE,
    UNDECODABLE_INPUT,
    DatelineError,
    InputError,
)
from dateline.ingest.dates import parse_date
from dateline.ingest.decoding import control_share

#: Prefix of ids made from the text when the source gives none.
HASH_ID_PREFIX = "sha1:"
#: Hex digits of the SHA-1 kept in a hashed id (64 bits: collisions are negligible).
HASH_ID_HEX_DIGITS = 16

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Article:
    """One article ready for analysis.

    ``text`` is the body exactly as read (after decoding); every span dateline
    reports points into it.  ``published_from`` says where ``published`` came
    from: ``"metadata"`` (the record or page) or ``"option"`` (the caller); the
    pipeline sets ``"dateline"`` when it takes the date from the dateline.
    ``origin`` names the file and line or row, or ``"<stdin>"``.
    """

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: str | None = None
    origin: str | None = None


@dataclass
class Reject:
    """A record that could not be read, with the reason; the batch goes on."""

    origin: str
    error: DatelineError


def make_reject(origin: str, error: DatelineError) -> Reject:
    """A :class:`Reject` whose error names the origin, so ``str(error)`` points at it."""
    if error.where is None:
        error.where = origin
    return Reject(origin=origin, error=error)


def text_id(text: str) -> str:
    """The id of an article whose source gives none: a short SHA-1 of its text."""
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    return HASH_ID_PREFIX + digest[:HASH_ID_HEX_DIGITS]


def check_text(text: object, *, where: str | None, max_article_chars: int) -> str:
    """Return ``text`` if it can be analysed, else raise the matching :class:`InputError`."""
    if not isinstance(text, str):
        raise InputError(
            f"article text must be a string, got {type(text).__name__}",
            where=where,
            kind=BAD_VALUE,
        )
    if not text.strip():
        what = "empty" if not text else "only whitespace"
        raise InputError(f"article text is {what}; expected the body of an article", where=where)
    if len(text) > max_article_chars:
        raise InputError(
            f"article text has {len(text):,} characters; at most {max_article_chars:,} are "
            "accepted (raise max_article_chars to read it)",
            where=where,
            kind=INPUT_TOO_LARGE,
        )
    if "\x00" in text or control_share(text) > BINARY_CONTROL_RATIO:
        raise InputError(
            "article text holds NUL or many control characters, so it looks binary; "
            "expected plain text",
            where=where,
            kind=BINARY_INPUT,
        )
    if _LONE_SURROGATE.search(text):
        raise InputError(
            "article text holds unpaired surrogate code points, so it cannot be encoded "
            "as UTF-8; expected valid Unicode text",
            where=where,
            kind=UNDECODABLE_INPUT,
        )
    return text


def build_article(
    text: object,
    *,
    id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: date | None = None,
    published_from: str | None = None,
    origin: str | None = None,
    max_article_chars: int = MAX_ARTICLE_CHARS,
) -> Article:
    """Check ``text`` and make the :class:`Article`; the hashed id is used when ``id`` is empty."""
    body = check_text(text, where=origin, max_article_chars=max_article_chars)
    return Article(
        id=id if id else text_id(body),
        text=body,
        title=title,
        source=source,
        url=url,
        published=published,
        published_from=published_from if published is not None else None,
        origin=origin,
    )


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    published: date | str | None = None,
    origin: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    max_article_chars: int = MAX_ARTICLE_CHARS,
) -> Article:
    """Make an :class:`Article` from text the caller already holds (``dateline.read(text)``).

    ``published`` is the caller's date (a :class:`~datetime.date` or a string
    :func:`parse_date` reads), recorded as coming from the ``"option"``.

    Raises:
        InputError: the text is empty, longer than ``max_article_chars`` or
            looks binary.
        DatelineError: ``published`` is not a readable date (``BAD_VALUE``).
    """
    when = parse_date(published, where=origin)
    return build_article(
        text,
        id=id,
        title=title,
        source=source,
        url=url,
        published=when,
        published_from="option",
        origin=origin,
        max_article_chars=max_article_chars,
    )


__all__ = [
    "Article",
    "Reject",
    "article_from_text",
    "build_article",
    "check_text",
    "make_reject",
    "text_id",
]
