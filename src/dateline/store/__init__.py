"""The corpus layer: an embedded store where many articles become one picture.

:class:`Store` ingests articles into one SQLite file (full Analysis plus
tables for querying), resolves entities across documents, clusters articles
into stories online as they arrive, and answers searches, entity profiles,
stories and timelines; results export to JSONL, CSV, Parquet and GeoJSON.
"""

from dateline.store.api import Store, analysis_hash, article_hash
from dateline.store.export import EXPORT_FORMATS, export
from dateline.store.records import (
    ArticleRef,
    EntityProfile,
    EntityRef,
    IngestReport,
    PlaceRef,
    QuoteRef,
    SearchHit,
    StoryView,
    TimelineEntry,
)

__all__ = [
    "EXPORT_FORMATS",
    "ArticleRef",
    "EntityProfile",
    "EntityRef",
    "IngestReport",
    "PlaceRef",
    "QuoteRef",
    "SearchHit",
    "Store",
    "StoryView",
    "TimelineEntry",
    "analysis_hash",
    "article_hash",
    "export",
]
