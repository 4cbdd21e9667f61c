"""CSV and TSV: a header row naming the fields, then one article a row.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first
article row 2; blank lines are skipped and not counted.  Quoting follows the
usual CSV rules in both formats (as Python's and pandas' writers produce), and
is strict: a stray quote or a quote left open at the end of the file rejects
that row only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from dateline.errors import (
    INPUT_TOO_LARGE,
    MALFORMED_RECORD,
    MISSING_FIELD,
    UNDECODABLE_INPUT,
    DatelineError,
    FormatError,
    InputError,
)
from dateline.ingest.article import Article, Reject, make_reject
from dateline.ingest.decoding import recover, stream_encoding
from dateline.ingest.records import ReadContext, article_from_record
from dateline.ingest.sources import Opened

#: Cell separator of each table format.
DELIMITERS: dict[str, str] = {"csv": ",", "tsv": "\t"}
#: Columns listed in full in a missing-column message; longer lists are cut.
MAX_COLUMNS_LISTED = 20


def read_table(opened: Opened, context: ReadContext, *, fmt: str) -> Iterator[Article | Reject]:
    """The articles of a CSV (``fmt="csv"``) or TSV (``fmt="tsv"``) file, streamed."""
    _allow_fields_up_to(context.max_article_chars)
    encoding = stream_encoding(opened.head, complete=opened.complete, where=opened.origin)
    lines = io.TextIOWrapper(opened.stream, encoding=encoding, errors="surrogateescape", newline="")
    reader = csv.reader(lines, delimiter=DELIMITERS[fmt], strict=True)

    try:
        header = next(reader, None)
    except csv.Error as error:
        raise FormatError(f"cannot read the header row: {error}", kind=MALFORMED_RECORD) from error
    if header is None:
        raise InputError("file holds no header row; expected column names, then one article a row")
    header = [_recover_cell(name, encoding).strip() for name in header]
    if context.fields.text not in header:
        raise FormatError(
            f"no {context.fields.text!r} column; columns found: {_list_columns(header)} "
            "(set FieldNames.text if the body is under another name)",
            kind=MISSING_FIELD,
        )

    number = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            number += 1
            yield make_reject(f"{opened.origin}:row {number}", _row_error(error))
            continue
        if not row:
            continue
        number += 1
        origin = f"{opened.origin}:row {number}"
        try:
            yield _article_from_row(row, header, encoding, context=context, origin=origin)
        except DatelineError as error:
            yield make_reject(origin, error)


def _article_from_row(
    row: list[str], header: list[str], encoding: str, *, context: ReadContext, origin: str
) -> Article:
    if len(row) != len(header):
        raise FormatError(
            f"row has {len(row)} cells, the header has {len(header)}", kind=MALFORMED_RECORD
        )
    record: dict[str, str] = {}
    for name, cell in zip(header, row, strict=True):
        if name not in record:  # a repeated column name: the first one counts
            record[name] = _recover_cell(cell, encoding)
    return article_from_record(record, context=context, origin=origin)


def _recover_cell(cell: str, encoding: str) -> str:
    decoded = recover(cell, encoding)
    if decoded is None:
        raise InputError(
            f"cell holds bytes that are not {encoding} and no known text encoding reads them",
            kind=UNDECODABLE_INPUT,
        )
    return decoded


def _row_error(error: csv.Error) -> DatelineError:
    message = str(error)
    if "field larger than field limit" in message:
        return InputError(f"a cell is too large: {message}", kind=INPUT_TOO_LARGE)
    return FormatError(f"not a valid CSV row: {message}", kind=MALFORMED_RECORD)


def _allow_fields_up_to(chars: int) -> None:
    """Let the csv module read cells as long as an article may be (it stops at 128 KiB)."""
    if csv.field_size_limit() < chars + 1:
        csv.field_size_limit(chars + 1)


def _list_columns(header: list[str]) -> str:
    shown = ", ".join(repr(name) for name in header[:MAX_COLUMNS_LISTED])
    extra = len(header) - MAX_COLUMNS_LISTED
    return shown + (f" and {extra} more" if extra > 0 else "")
