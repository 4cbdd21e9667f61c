"""Reading request bodies: JSON or plain text, checked, into :class:`~dateline.ingest.Article`.

FastAPI's own body parsing would answer a text/plain analysis with 422 and
cannot tell a malformed batch item from a malformed request, so the write
routes read the body here and report every problem with the catalogue's
code: wrong content type DL201 (415), not JSON DL202, a bad field DL204,
text that looks binary DL102 (415), undecodable bytes DL104.
"""

from __future__ import annotations

import codecs
import json
from typing import Any

from pydantic import BaseModel, ValidationError

from dateline.errors import (
    BAD_VALUE,
    MALFORMED_RECORD,
    UNDECODABLE_INPUT,
    UNKNOWN_FORMAT,
    FormatError,
    InputError,
)
from dateline.ingest import Article, article_from_text
from dateline.ingest.decoding import decode_bytes, refuse_binary


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """The media type of a Content-Type header, lowercased, and its charset."""
    if not content_type:
        return "", None
    parts = [p.strip() for p in content_type.split(";")]
    charset = next((p.split("=", 1)[1].strip().strip('"') for p in parts[1:]
                    if p.lower().startswith("charset=")), None)
    return parts[0].lower(), charset


def require_type(content_type: str | None, accepted: tuple[str, ...]) -> str:
    kind, _ = media_type(content_type)
    if kind not in accepted and not (kind.endswith("+json") and "application/json" in accepted):
        got = f"'{kind}'" if kind else "no Content-Type"
        raise FormatError(f"got {got}; send {' or '.join(accepted)}", kind=UNKNOWN_FORMAT)
    return "application/json" if kind.endswith("json") else kind


def decode_text(body: bytes, charset: str | None) -> str:
    """The body as text: in its declared charset, else UTF-8 or the encoding the bytes suggest."""
    if charset is None:
        return decode_bytes(body, where="request body")
    refuse_binary(body, where="request body")
    try:
        codec = codecs.lookup(charset)
    except LookupError:
        raise FormatError(f"unknown charset '{charset}'", kind=UNKNOWN_FORMAT) from None
    if not getattr(codec, "_is_text_encoding", True):  # rot13, base64, zlib: codecs, not charsets
        raise FormatError(f"unknown charset '{charset}'", kind=UNKNOWN_FORMAT)
    try:
        return body.decode(charset)
    except UnicodeError as exc:  # UnicodeDecodeError, or a codec's own failure (punycode)
        where = f" (byte {exc.start})" if isinstance(exc, UnicodeDecodeError) else ""
        raise InputError(f"the body is not valid {charset}{where}; send UTF-8 text",
                         kind=UNDECODABLE_INPUT) from None


def parse_json(body: bytes) -> Any:
    if not body.strip():
        raise FormatError("the request body is empty; send a JSON article", kind=MALFORMED_RECORD)
    try:
        return json.loads(body)
    except UnicodeDecodeError:
        raise InputError("the body is not valid UTF-8 JSON", kind=UNDECODABLE_INPUT) from None
    except (ValueError, RecursionError) as exc:
        raise FormatError(f"the request body is not valid JSON: {exc}", kind=MALFORMED_RECORD) from None


def validate(model: type[BaseModel], data: Any, where: str | None = None) -> Any:
    """``data`` as ``model``, or a DL202/DL204 error naming the first bad fields."""
    if not isinstance(data, dict):
        raise FormatError(f"expected a JSON object with a 'text' field, got {type(data).__name__}",
                          where=where, kind=MALFORMED_RECORD)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors()[:5])
        missing = all(e["type"] == "missing" for e in exc.errors())
        raise FormatError(f"invalid article: {problems}", where=where,
                          kind=MALFORMED_RECORD if missing else BAD_VALUE) from None


def to_article(item: Any, *, origin: str, max_article_chars: int) -> Article:
    """Check an :class:`~dateline.server.models.ArticleIn` and make the Article to analyze."""
    return article_from_text(item.text, id=item.id or None, published=item.published or None,
                             origin=origin, title=item.title, source=item.source, url=item.url,
                             max_article_chars=max_article_chars)
