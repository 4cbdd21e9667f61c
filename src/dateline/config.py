"""Named limits and defaults; every interface reads them from here.

A user overrides them with keyword arguments to :func:`dateline.read` /
:func:`dateline.pipe` or with CLI options; nothing else hard-codes a limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Largest article text accepted, in characters (about 2,000 pages of news).
MAX_ARTICLE_CHARS = 5_000_000
#: Largest input file read at all, in bytes (JSONL/CSV batches can be big).
MAX_FILE_BYTES = 2_000_000_000
#: Share of NUL/control bytes above which input is called binary.
BINARY_CONTROL_RATIO = 0.10
#: Largest HTML page accepted, in bytes.
MAX_HTML_BYTES = 20_000_000


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
