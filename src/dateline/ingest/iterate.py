"""The batch reader: every input, in order, as articles or rejects.

The iterator never raises for bad input: a file or record that cannot be read
becomes a :class:`~dateline.ingest.article.Reject` naming it, and reading goes
on with the next record or file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from functools import partial

from dateline.config import MAX_ARTICLE_CHARS, MAX_FILE_BYTES, FieldNames
from dateline.errors import (
    INPUT_TOO_LARGE,
    INTERNAL,
    NO_INPUT_FOUND,
    ConfigError,
    DatelineError,
    InputError,
)
from dateline.ingest.article import Article, Reject, make_reject
from dateline.ingest.dates import parse_date
from dateline.ingest.decoding import bom_encoding, refuse_binary
from dateline.ingest.formats import resolve_format, sniff_format
from dateline.ingest.read_html import read_html
from dateline.ingest.read_json import read_json, read_jsonl
from dateline.ingest.read_table import read_table
from dateline.ingest.read_text import read_text
from dateline.ingest.records import ReadContext
from dateline.ingest.sources import Opened, Source, expand_inputs, open_source

Reader = Callable[[Opened, ReadContext], Iterator[Article | Reject]]

#: The reader of each format.
READERS: dict[str, Reader] = {
    "text": read_text,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": partial(read_table, fmt="csv"),
    "tsv": partial(read_table, fmt="tsv"),
    "html": read_html,
}
#: Origin of a reject about the options rather than an input.
OPTIONS_ORIGIN = "<options>"
DEFAULT_FIELDS = FieldNames()


def iter_articles(
    inputs: Sequence[str],
    *,
    fmt: str | None = None,
    fields: FieldNames = DEFAULT_FIELDS,
    published: date | str | None = None,
    max_article_chars: int = MAX_ARTICLE_CHARS,
) -> Iterator[Article | Reject]:
    """Read articles from files, directories, globs and ``-`` (stdin).

    Args:
        inputs: paths, directories (read recursively), glob patterns, or ``-``.
        fmt: read every input in this format (``text``, ``jsonl``, ``json``,
            ``csv``, ``tsv``, ``html``) instead of going by extension.
        fields: which JSON/CSV fields hold the text, id, title and so on.
        published: date of articles whose source gives none (a date or a
            string :func:`~dateline.ingest.dates.parse_date` reads).
        max_article_chars: longest article text accepted.

    Yields:
        An :class:`Article` for each record read, a :class:`Reject` for each
        file or record that could not be, in input order.  Bad options (an
        unknown ``fmt``, a bad ``published`` date) give a single reject with
        origin ``"<options>"`` and nothing is read.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [os.fspath(inputs)]  # one path given bare, not a list of paths
    try:
        forced = resolve_format(fmt) if fmt is not None else None
        default_date = parse_date(published, where="published")
        if isinstance(max_article_chars, bool) or not isinstance(max_article_chars, int):
            raise ConfigError(
                f"max_article_chars must be a whole number, got {max_article_chars!r}"
            )
        if max_article_chars < 1:
            raise ConfigError(f"max_article_chars must be at least 1, got {max_article_chars}")
    except DatelineError as error:
        yield make_reject(OPTIONS_ORIGIN, error)
        return
    if not inputs:
        yield make_reject(OPTIONS_ORIGIN, InputError("no inputs given", kind=NO_INPUT_FOUND))
        return
    context = ReadContext(
        fields=fields, published=default_date, max_article_chars=max_article_chars
    )
    for item in expand_inputs(inputs, fmt=forced):
        if isinstance(item, Reject):
            yield item
        else:
            yield from read_source(item, context)


def read_source(source: Source, context: ReadContext) -> Iterator[Article | Reject]:
    """The articles of one source; anything that stops it becomes a reject for the source."""
    try:
        with open_source(source) as opened:
            _check_head(opened)
            reader = READERS[source.fmt or sniff_format(opened.head)]
            yield from reader(opened, context)
    except DatelineError as error:
        yield make_reject(error.where or source.origin, error)
    except Exception as error:  # a bug must not end the batch; report it like bad input
        yield make_reject(
            source.origin,
            DatelineError(
                f"unexpected {type(error).__name__} while reading: {error}", kind=INTERNAL
            ),
        )


def _check_head(opened: Opened) -> None:
    """Refuse empty, oversized and binary inputs before any format reader sees them."""
    if opened.size is not None and opened.size > MAX_FILE_BYTES:
        raise InputError(
            f"file is {opened.size:,} bytes; at most {MAX_FILE_BYTES:,} are read (MAX_FILE_BYTES)",
            kind=INPUT_TOO_LARGE,
        )
    head = opened.head
    if opened.complete:
        marked = bom_encoding(head)
        body = head.decode(marked, "replace") if marked else head.decode("latin-1")
        if not body.lstrip("\ufeff").strip():
            raise InputError(
                "input is empty" if not head else "input holds only whitespace; expected articles"
            )
    refuse_binary(head)
