"""HTML pages: the main text as trafilatura extracts it, with title, date and site.

trafilatura puts the page heading on the first line of the text; when that
line repeats the title it is dropped, so a dateline opening the story is on
the first line as in any other format.  The date comes from the page's
metadata only (``extensive_search`` off): a date merely mentioned in the story
is not its publication date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from dateline.config import MAX_HTML_BYTES
from dateline.errors import NO_TEXT_EXTRACTED, DatelineError
from dateline.ingest.article import Article, Reject, build_article
from dateline.ingest.dates import parse_date
from dateline.ingest.decoding import decode_bytes
from dateline.ingest.records import ReadContext
from dateline.ingest.sources import Opened

#: trafilatura options: news pages have short paragraphs that precision mode drops.
EXTRACT_OPTIONS: dict[str, Any] = {
    "favor_recall": True,
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "date_extraction_params": {"original_date": True, "extensive_search": False},
}


def read_html(opened: Opened, context: ReadContext) -> Iterator[Article | Reject]:
    """The one article an HTML page holds."""
    data = opened.read_all(MAX_HTML_BYTES, limit_name="MAX_HTML_BYTES")
    page = decode_bytes(data, where=opened.origin)
    document = _extract(page, opened.origin)
    text = getattr(document, "text", None) or ""
    if not text.strip():
        raise DatelineError(
            "no main text found in the page; expected an article page (a front page or "
            "an empty template has none)",
            where=opened.origin,
            kind=NO_TEXT_EXTRACTED,
        )
    title = getattr(document, "title", None) or None
    published = _page_date(getattr(document, "date", None))
    published_from = "metadata"
    if published is None:
        published, published_from = context.published, "option"
    yield build_article(
        _drop_title_line(text, title),
        title=title,
        source=getattr(document, "sitename", None) or None,
        url=getattr(document, "url", None) or None,
        published=published,
        published_from=published_from,
        origin=opened.origin,
        max_article_chars=context.max_article_chars,
    )


def _extract(page: str, origin: str) -> object | None:
    try:
        import trafilatura
    except ImportError as error:  # e.g. lxml without its html-clean part
        raise DatelineError(
            f"cannot read HTML: trafilatura does not load ({error})",
            where=origin,
            kind=NO_TEXT_EXTRACTED,
        ) from error
    try:
        return trafilatura.bare_extraction(page, **EXTRACT_OPTIONS)
    except Exception as error:  # trafilatura and lxml raise many kinds on broken pages
        raise DatelineError(
            f"trafilatura could not read the page: {type(error).__name__}: {error}",
            where=origin,
            kind=NO_TEXT_EXTRACTED,
        ) from error


def _page_date(value: object) -> date | None:
    """The page's date, or ``None``: a bad metadata date must not cost the article."""
    if not isinstance(value, str):
        return None
    try:
        return parse_date(value)
    except DatelineError:
        return None


def _drop_title_line(text: str, title: str | None) -> str:
    first, newline, rest = text.partition("\n")
    if title and newline and rest.strip() and _same_words(first, title):
        return rest
    return text


def _same_words(a: str, b: str) -> bool:
    return a.split() == b.split()
