"""One JSON object or CSV row to an :class:`~dateline.ingest.article.Article`.

JSON, JSONL and CSV readers all end here, so field names (from
:class:`~dateline.config.FieldNames`), the optional fields and the date rule
are the same for every record format.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from dateline.config import MAX_ARTICLE_CHARS, FieldNames
from dateline.errors import BAD_VALUE, MALFORMED_RECORD, MISSING_FIELD, FormatError, InputError
from dateline.ingest.article import Article, build_article
from dateline.ingest.dates import parse_date

#: Field names listed in full in a missing-field message; longer lists are cut.
MAX_FIELDS_LISTED = 20


@dataclass(frozen=True)
class ReadContext:
    """What every reader needs from the caller's options."""

    fields: FieldNames = field(default_factory=FieldNames)
    published: date | None = None
    max_article_chars: int = MAX_ARTICLE_CHARS


def article_from_record(record: object, *, context: ReadContext, origin: str) -> Article:
    """Make an article from a JSON object or CSV row (a mapping of field to value).

    Only the text field is required.  A date in the record wins over the
    caller's ``published`` option, which fills in for records without one.
    Empty strings count as absent; a non-string id is turned into a string.

    Raises:
        FormatError: ``MALFORMED_RECORD`` if ``record`` is not an object,
            ``MISSING_FIELD`` if it has no text field.
        InputError: the text is empty, too long or binary-looking.
        DatelineError: ``BAD_VALUE`` for a field of the wrong type or a bad date.
    """
    names = context.fields
    if not isinstance(record, Mapping):
        raise FormatError(
            f"expected an object with a {names.text!r} field, got {_describe(record)}",
            where=origin,
            kind=MALFORMED_RECORD,
        )
    if names.text not in record:
        raise FormatError(
            f"record has no {names.text!r} field; its fields are: {_list_fields(record)} "
            "(set FieldNames.text if the body is under another name)",
            where=origin,
            kind=MISSING_FIELD,
        )
    text = record[names.text]
    if text is None:
        raise InputError(f"field {names.text!r} is null; expected the article body", where=origin)

    published = parse_date(_scalar(record, names.published, origin), where=origin)
    published_from = "metadata"
    if published is None and context.published is not None:
        published, published_from = context.published, "option"

    return build_article(
        text,
        id=_scalar(record, names.id, origin),
        title=_scalar(record, names.title, origin),
        source=_scalar(record, names.source, origin),
        url=_scalar(record, names.url, origin),
        published=published,
        published_from=published_from,
        origin=origin,
        max_article_chars=context.max_article_chars,
    )


def _scalar(record: Mapping[str, object], name: str, origin: str) -> str | None:
    """An optional field as a string: ``None`` if absent or empty, numbers as written."""
    value = record.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(
        f"field {name!r} is {_describe(value)}; expected a string or a number",
        where=origin,
        kind=BAD_VALUE,
    )


def _list_fields(record: Mapping[str, object]) -> str:
    keys = [str(key) for key in record]
    if not keys:
        return "(none)"
    shown = ", ".join(keys[:MAX_FIELDS_LISTED])
    return shown + (
        f" and {len(keys) - MAX_FIELDS_LISTED} more" if len(keys) > MAX_FIELDS_LISTED else ""
    )


def _describe(value: object) -> str:
    """Name a JSON value's type the way a JSON user would."""
    names = {
        list: "an array",
        dict: "an object",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)
