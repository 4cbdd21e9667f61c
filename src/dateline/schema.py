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
    country: str | None = Field(
        None, description="ISO 3166-1 alpha-2 country of a nationality or adjective ('iraqi' -> IQ)."
    )
    mentions: list[Mention]


class TimeType(str, Enum):
    """TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class TimeExpression(Record):
    """A time expression normalized TIMEX3-style against the publication date."""

    span: Span
    sentence: int
    type: TimeType
    value: str = Field(description="TIMEX3 value: '2017-09-28', '2017-07', 'P2W', 'PT46M', 'PAST_REF'.")
    mod: str | None = Field(None, description="TIMEX3 mod: START, END, BEFORE, AFTER, APPROX, ...")
    anchor: str | None = Field(
        None, description="What a relative value was computed from: 'publication' or 'estimated'."
    )
    relative: bool = Field(False, description="True if the value depends on the anchor date.")
    confidence: float = Field(ge=0.0, le=1.0)


class PublicationDate(Record):
    """The publication date used as the anchor, and how it was obtained."""

    date: date | None
    source: str = Field(description="metadata, option, dateline or estimated.")
    earliest: date | None = Field(None, description="Start of the interval, for estimates.")
    latest: date | None = Field(None, description="End of the interval, for estimates.")
    confidence: float = Field(1.0, ge=0.0, le=1.0)
    evidence: list[str] = Field(default_factory=list, description="Expressions the estimate rests on.")


class PlaceMention(Record):
    """One place in the text where a place is named."""

    span: Span
    sentence: int


class Place(Record):
    """A toponym resolved to a GeoNames entry."""

    id: str = Field(description="Id within the article, e.g. 'P2'.")
    name: str = Field(description="Canonical GeoNames name, e.g. 'Mosul'.")
    geonames_id: int | None = None
    feature_class: str | None = Field(None, description="GeoNames feature class: P, A, L, T, H, S, ...")
    feature_code: str | None = Field(None, description="GeoNames feature code: PPLA, PCLI, ADM1, ...")
    country_code: str | None = Field(None, description="ISO 3166-1 alpha-2.")
    admin1: str | None = Field(None, description="First-level division (state, province), e.g. 'Texas'.")
    latitude: float | None = None
    longitude: float | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    entity_id: str | None = Field(None, description="The entity this place was named as, if any.")
    focus: bool = Field(False, description="True for the places the article is about.")
    dateline: bool = Field(False, description="True for the place named in the dateline.")
    mentions: list[PlaceMention]


class Analysis(Record):
    """Everything dateline extracted from one article."""

    schema_version: str = SCHEMA_VERSION
    article: ArticleMeta
    text: str = Field(description="The article text as given; every span points into it.")
    normalization: Normalization
    dateline: Dateline | None = None
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    publication: PublicationDate | None = None
    times: list[TimeExpression] = Field(default_factory=list)
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
