"""JSON documents (one object or a list of objects) and JSON Lines (one object a line)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

from dateline.config import MAX_FILE_BYTES
from dateline.errors import (
    EMPTY_INPUT,
    INPUT_TOO_LARGE,
    MALFORMED_RECORD,
    UNDECODABLE_INPUT,
    DatelineError,
    FormatError,
    InputError,
)
from dateline.ingest.article import Article, Reject, make_reject
from dateline.ingest.decoding import decode_bytes, recover, stream_encoding
from dateline.ingest.records import ReadContext, article_from_record
from dateline.ingest.sources import Opened

#: Most characters JSON needs to write one character of text (two ``\uXXXX``
#: escapes for one outside the BMP); a line longer than the article limit times
#: this cannot hold a valid article.
JSON_CHARS_PER_CHAR = 12
#: Room on a JSONL line for the fields besides the text.
RECORD_OVERHEAD_CHARS = 1_000_000
#: Characters read at a time while skipping the rest of an overlong line.
SKIP_CHUNK_CHARS = 1_048_576


def read_json(opened: Opened, context: ReadContext) -> Iterator[Article | Reject]:
    """The articles of a ``.json`` file: a single object, or a list of objects."""
    data = opened.read_all(MAX_FILE_BYTES, limit_name="MAX_FILE_BYTES")
    text = decode_bytes(data, where=opened.origin)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"not valid JSON ({error.msg}: line {error.lineno}, column {error.colno})",
            where=f"{opened.origin}:line {error.lineno}",
            kind=MALFORMED_RECORD,
        ) from error
    except (ValueError, RecursionError) as error:
        raise FormatError(
            f"not valid JSON: {error}", where=opened.origin, kind=MALFORMED_RECORD
        ) from error

    if isinstance(document, list):
        if not document:
            raise InputError("file holds an empty list; expected article objects", kind=EMPTY_INPUT)
        for number, record in enumerate(document, start=1):
            origin = f"{opened.origin}:item {number}"
            try:
                yield article_from_record(record, context=context, origin=origin)
            except DatelineError as error:
                yield make_reject(origin, error)
    else:
        yield article_from_record(document, context=context, origin=opened.origin)


def read_jsonl(opened: Opened, context: ReadContext) -> Iterator[Article | Reject]:
    """The articles of a JSON Lines file, streamed: one object a line, blank lines skipped.

    A bad line (not JSON, not an object, undecodable, too long) is rejected
    with its line number and the next line is read.
    """
    encoding = stream_encoding(opened.head, complete=opened.complete, where=opened.origin)
    lines = io.TextIOWrapper(opened.stream, encoding=encoding, errors="surrogateescape")
    limit = context.max_article_chars * JSON_CHARS_PER_CHAR + RECORD_OVERHEAD_CHARS
    seen_record = False
    number = 0
    while True:
        line = lines.readline(limit)
        if not line:
            break
        number += 1
        origin = f"{opened.origin}:line {number}"
        if len(line) >= limit and not line.endswith("\n"):
            _skip_rest_of_line(lines)
            seen_record = True
            yield make_reject(
                origin,
                InputError(
                    f"line is longer than {limit:,} characters, more than an article of "
                    f"max_article_chars {context.max_article_chars:,} characters can take",
                    kind=INPUT_TOO_LARGE,
                ),
            )
            continue
        if not line.strip():
            continue
        seen_record = True
        try:
            yield _article_from_line(line, encoding, context=context, origin=origin)
        except DatelineError as error:
            yield make_reject(origin, error)
    if not seen_record:
        raise InputError("file holds only blank lines; expected one JSON object a line")


def _article_from_line(line: str, encoding: str, *, context: ReadContext, origin: str) -> Article:
    decoded = recover(line, encoding)
    if decoded is None:
        raise InputError(
            f"line holds bytes that are not {encoding} and no known text encoding reads them",
            kind=UNDECODABLE_INPUT,
        )
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"not valid JSON ({error.msg}: column {error.colno})", kind=MALFORMED_RECORD
        ) from error
    except (ValueError, RecursionError) as error:
        raise FormatError(f"not valid JSON: {error}", kind=MALFORMED_RECORD) from error
    return article_from_record(record, context=context, origin=origin)


def _skip_rest_of_line(lines: io.TextIOWrapper) -> None:
    while True:
        chunk = lines.readline(SKIP_CHUNK_CHARS)
        if not chunk or chunk.endswith("\n"):
            return
