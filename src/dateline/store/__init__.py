"""The corpus layer: an embedded store where many articles become one picture.

:class:`Store` ingests articles into one SQLite file (full Analysis plus
tables for querying), resolves entities across documents, clusters articles
into stories online as they arrive, deduplicates the events many articles
report, and answers searches, entity profiles, stories, timelines and events; results export to JSONL, CSV, Parquet and GeoJSON.
"""

from dateline.store.api import Store, analysis_hash, article_hash
from dateline.store.export import EXPORT_FORMATS, export
from dateline.store.records import (
    ActorRef,
    ArticleRef,
    EntityProfile,
    EntityRef,
    EventClaim,
    EventMention,
    EventRef,
    EventView,
    IngestReport,
    PlaceRef,
    QuoteRef,
    SearchHit,
    StoryView,
    TimelineEntry,
)

__all__ = [
    "EXPORT_FORMATS",
    "ActorRef",
    "ArticleRef",
    "EntityProfile",
    "EntityRef",
    "EventClaim",
    "EventMention",
    "EventRef",
    "EventView",
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
