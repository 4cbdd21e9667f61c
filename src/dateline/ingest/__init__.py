"""Read news articles from files, streams and strings, ready for analysis.

:func:`iter_articles` reads a batch (files, directories, globs, stdin; plain
text, JSON Lines, JSON, CSV/TSV, HTML) and yields an :class:`Article` per
record or a :class:`Reject` saying why a file or record could not be read, so
one bad record never stops the batch.  :func:`article_from_text` makes an
article from a string the caller holds.  :func:`parse_date` reads publication
dates and :func:`parse_dateline` finds the ``CAIRO (Reuters) -`` line that
opens wire stories.
"""

from dateline.ingest.article import Article, Reject, article_from_text
from dateline.ingest.datelines import AGENCIES, ParsedDateline, canonical_agency, parse_dateline
from dateline.ingest.dates import parse_date
from dateline.ingest.formats import FORMATS, resolve_format
from dateline.ingest.iterate import iter_articles

__all__ = [
    "AGENCIES",
    "FORMATS",
    "Article",
    "ParsedDateline",
    "Reject",
    "article_from_text",
    "canonical_agency",
    "iter_articles",
    "parse_date",
    "parse_dateline",
    "resolve_format",
]
