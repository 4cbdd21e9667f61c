"""The versioned output record: one :class:`Analysis` per article.

Every fact carries a :class:`Span` into the article text exactly as it was
given to dateline (``Analysis.text``), so a reader can always check it against
the source.  The record is a pydantic model; ``dateline schema`` prints its
JSON Schema.  ``SCHEMA_VERSION`` changes whenever a field changes meaning or
disappears; added optional fields bump the minor number only, so older records
stay readable.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class Record(BaseModel):
    """Base for all output records: strict about unknown fields."""

    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A character span ``[start, end)`` in the original article text."""

    start: int = Field(ge=0, description="Offset of the first character.")
    end: int = Field(ge=0, description="Offset after the last character.")
    text: str = Field(description="The original text of the span, verbatim.")


class ArticleMeta(Record):
    """What is known about the article besides its text."""

    id: str = Field(description="Stable id: given by the source, or a hash of the text.")
    title: str | None = None
    source: str | None = Field(None, description="Publisher or agency, if known.")
    url: str | None = None
    published: date | None = Field(None, description="Publication date, if known.")
    published_from: str | None = Field(
        None, description="Where the date came from: metadata, option or dateline."
    )
    origin: str | None = Field(None, description="File (and line or row) the article came from.")


class Dateline(Record):
    """The place and agency line that opens many wire stories."""

    span: Span
    place: str | None = Field(None, description="Place as written, e.g. 'cairo'.")
    place_span: Span | None = None
    agency: str | None = Field(None, description="Agency name in canonical form, e.g. 'Reuters'.")
    agency_span: Span | None = None
    date: str | None = Field(None, description="A date written in the dateline, as written.")


class Normalization(Record):
    """How the input was judged and what readable form was restored."""

    degraded: bool = Field(description="True if the text looked lowercased/tokenized/stripped.")
    signals: dict[str, float] = Field(
        default_factory=dict, description="The measurements behind the judgement."
    )
    text: str = Field(description="The restored text that the NLP components read.")


class Sentence(Record):
    """One sentence of the article."""

    index: int
    span: Span


class EntityType(str, Enum):
    """Coarse entity types, close to CoNLL-2003 with groups split out of MISC."""

    PERSON = "PERSON"
    ORG = "ORG"
    LOC = "LOC"
    NORP = "NORP"  # nationalities, religious and political groups
    MISC = "MISC"


class Mention(Record):
    """One place in the text where an entity is named."""

    span: Span
    sentence: int = Field(description="Index of the sentence holding the mention.")
    type: EntityType
    confidence: float = Field(ge=0.0, le=1.0)


class Entity(Record):
    """A person, organization, group or location named in the article."""

    id: str = Field(description="Id within the article, e.g. 'E3'.")
    type: EntityType
    name: str = Field(description="Canonical display name, e.g. 'Abu Bakr al-Baghdadi'.")
    aliases: list[str] = Field(default_factory=list, description="Other forms used, lowercased.")
    mentions: list[Mention]


class Analysis(Record):
    """Everything dateline extracted from one article."""

    schema_version: str = SCHEMA_VERSION
    article: ArticleMeta
    text: str = Field(description="The article text as given; every span points into it.")
    normalization: Normalization
    dateline: Dateline | None = None
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    pipeline: dict[str, str] = Field(
        default_factory=dict, description="Component names and versions that made this record."
    )


def json_schema() -> dict[str, object]:
    """The JSON Schema of :class:`Analysis`, with its version in ``$id``."""
    schema = Analysis.model_json_schema()
    schema["$id"] = f"https://dateline.invalid/schema/analysis-{SCHEMA_VERSION}.json"
    schema["title"] = f"dateline Analysis {SCHEMA_VERSION}"
    return schema
