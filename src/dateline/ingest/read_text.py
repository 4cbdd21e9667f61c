"""Plain text: one article per file, the body exactly as decoded.

The first line may be a dateline; the degraded corpus form (lowercased, one
sentence a line) is plain text too.
"""

from __future__ import annotations

from collections.abc import Iterator

from dateline.ingest.article import Article, Reject, build_article
from dateline.ingest.decoding import decode_bytes
from dateline.ingest.records import ReadContext
from dateline.ingest.sources import Opened

#: Most bytes one character takes in UTF-8: a file larger than the character
#: limit times this cannot fit and is refused without being read.
MAX_BYTES_PER_CHAR = 4


def read_text(opened: Opened, context: ReadContext) -> Iterator[Article | Reject]:
    """The one article a plain-text file or stream holds."""
    data = opened.read_all(
        context.max_article_chars * MAX_BYTES_PER_CHAR,
        limit_name=f"{MAX_BYTES_PER_CHAR} bytes for each of max_article_chars "
        f"{context.max_article_chars:,} characters",
    )
    text = decode_bytes(data, where=opened.origin)
    yield build_article(
        text,
        published=context.published,
        published_from="option",
        origin=opened.origin,
        max_article_chars=context.max_article_chars,
    )
