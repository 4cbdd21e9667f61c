"""Named limits and defaults; every interface reads them from here.

A user overrides them with keyword arguments to :func:`dateline.read` /
:func:`dateline.pipe` or with CLI options; nothing else hard-codes a limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Largest article text accepted, in characters (about 400 pages of news): spaCy's own default
#: limit, past which the parser needs several GB of memory (about 5 GB for 1.2 million
#: characters, measured).  The parser takes whatever this bound lets through, so a caller who
#: raises it has raised the parser's too.
MAX_ARTICLE_CHARS = 1_000_000
#: Largest input file read at all, in bytes (JSONL/CSV batches can be big).
MAX_FILE_BYTES = 2_000_000_000
#: Share of NUL/control bytes above which input is called binary.
BINARY_CONTROL_RATIO = 0.10
#: Largest HTML page accepted, in bytes.
MAX_HTML_BYTES = 20_000_000

# The REST API (``dateline serve``).
#: Largest request body read, in bytes: an article at MAX_ARTICLE_CHARS in UTF-8 with JSON escapes.
MAX_REQUEST_BYTES = 32_000_000
#: Articles accepted in one ingest request.
MAX_BATCH_ARTICLES = 200
#: Seconds one article's analysis may take before the request is answered 504.
ANALYSIS_TIMEOUT_SECONDS = 60.0
#: Analyses waiting for a worker beyond which new requests are answered 503.
MAX_PENDING_ANALYSES = 64
#: Largest page of results (``limit``), and deepest ``offset + limit`` of a ranked list.
MAX_PAGE_SIZE = 500
MAX_RANKED_RESULTS = 10_000
#: Largest number of records one export request writes.
MAX_EXPORT_RECORDS = 10_000


@dataclass(frozen=True)
class FieldNames:
    """Which JSONL/CSV fields hold each part of an article."""

    id: str = "id"
    title: str = "title"
    text: str = "text"
    published: str = "published"
    source: str = "source"
    url: str = "url"


@dataclass(frozen=True)
class ReadOptions:
    """Options of one ``read``/``pipe`` call."""

    max_article_chars: int = MAX_ARTICLE_CHARS
    fields: FieldNames = field(default_factory=FieldNames)
