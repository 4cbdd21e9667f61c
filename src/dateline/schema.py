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
    source: str = Field(description="metadata, option, dateline, header (a date line at the head of a web page), url (the date in the page's address) or estimated.")
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


class QuoteKind(str, Enum):
    """How a quote is given in the text."""

    DIRECT = "direct"  # in quote marks
    STRIPPED = "marks-stripped"  # direct speech whose marks the degraded corpus form removed
    INDIRECT = "indirect"  # reported speech: "X said (that) ...", "according to X, ..."
    MIXED = "mixed"  # reported speech holding a quoted fragment: X said the plan was "a disaster"


class Certainty(str, Enum):
    """How sure the text is of a proposition, and on whose word."""

    ASSERTED = "asserted"  # stated by the article itself
    REPORTED = "reported"  # stated by a source, without hedging
    POSSIBLE = "possible"  # hedged: "might have killed", "is thought to be"
    BELIEVED = "believed"  # a source's belief: "officials believe"
    UNVERIFIED = "unverified"  # "purported", "several reports ... had been killed"
    NOT_CORROBORATED = "not-corroborated"  # "could not corroborate", "unable to confirm"
    DENIED = "denied"  # "denied", "rejected the claim"
    DISPUTED = "disputed"  # "were skeptical", "disputed", "doubted"


class Speaker(Record):
    """Who said something: a named entity, or an unnamed source described in the text."""

    span: Span | None = Field(None, description="Where the speaker is named for this quote ('he', 'u.s. officials').")
    entity_id: str | None = Field(None, description="The entity the speaker resolves to, if any.")
    name: str = Field(description="Canonical entity name, or the description of an unnamed source.")
    unnamed: bool = Field(False, description="True for an unnamed source ('a senior official').")
    via: str = Field(description="How the speaker was found: name, pronoun, nominal, description, "
                     "relative or adjacent (taken from a neighbouring attributed sentence).")
    confidence: float = Field(ge=0.0, le=1.0)


class Quote(Record):
    """A direct or reported statement, with its speaker and cue."""

    id: str = Field(description="Id within the article, e.g. 'Q3'.")
    kind: QuoteKind
    content: Span = Field(description="What was said; for an interrupted quote, its whole extent.")
    segments: list[Span] = Field(default_factory=list,
                                 description="The pieces of an interrupted quote (empty when it is one piece).")
    cue: Span | None = Field(None, description="The words that attribute it: 'said', 'according to'.")
    verb: str | None = Field(None, description="Lemma of the cue: 'say', 'tell', 'according to'.")
    speaker: Speaker | None = None
    sentence: int = Field(description="Index of the sentence where the content starts.")
    certainty: Certainty = Certainty.REPORTED
    confidence: float = Field(ge=0.0, le=1.0)


class Claim(Record):
    """A proposition attributed to a source (or to the article), with a certainty level."""

    id: str = Field(description="Id within the article, e.g. 'C2'.")
    content: Span = Field(description="The proposition as written.")
    certainty: Certainty
    marker: Span | None = Field(None, description="The words that set the certainty: 'might', 'purported'.")
    source: Speaker | None = Field(None, description="Whose claim it is; none for the article's own.")
    quote_id: str | None = Field(None, description="The quote the claim comes from, if any.")
    proposition: str = Field(description="Key shared by the claims about the same proposition, "
                             "e.g. 'death: Abu Bakr al-Baghdadi'.")
    linked: list[str] = Field(default_factory=list,
                              description="Ids of the other claims about the same proposition.")
    sentence: int
    confidence: float = Field(ge=0.0, le=1.0)


class EventType(str, Enum):
    """PLOVER event categories, as in the PLOVER gold standard records (FIGHT and CRIME included)."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    COOPERATE = "COOPERATE"
    AID = "AID"
    CONCEDE = "CONCEDE"
    RETREAT = "RETREAT"
    INVESTIGATE = "INVESTIGATE"
    DEMAND = "DEMAND"
    DISAPPROVE = "DISAPPROVE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    MOBILIZE = "MOBILIZE"
    SANCTION = "SANCTION"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"
    FIGHT = "FIGHT"
    CRIME = "CRIME"


class Actor(Record):
    """One side of an event: who acted (source) or whom it was directed at (target)."""

    text: str = Field(description="The actor as written, e.g. 'u.s.-backed iraqi forces'.")
    span: Span | None = None
    name: str = Field(description="Canonical name: the entity's name, else the words as written.")
    entity_id: str | None = Field(None, description="The entity this actor is, if any.")
    actor_id: str | None = Field(None, description="Id of a known group or body, e.g. 'islamic-state', 'un'.")
    code: str | None = Field(None, description="PLOVER actor code: ISO 3166-1 alpha-3 country ('IRQ'), "
                             "or IGO, UNO, EUR, NGO, IMG for international actors; none if unknown.")
    country: str | None = Field(None, description="ISO 3166-1 alpha-3 country of the actor, if known.")
    sector: str | None = Field(None, description="PLOVER/CAMEO sector: GOV, MIL, COP, REB, CVL, LEG, ...")
    via: str = Field(description="How it was coded: entity, group, demonym, leader, title, noun, pronoun, "
                     "place, context (the one country its sentence names), text (unknown actor "
                     "kept with its words); inferred, not named: unknown (unidentified attackers of "
                     "violence named with its means), authorities (the authorities of the place a "
                     "passive arrest, sentence or expulsion happened in) or custody (whoever held "
                     "the victim of violence no one is named for: 'tortured in police custody').")
    confidence: float = Field(ge=0.0, le=1.0)


class EventPlace(Record):
    """Where an event happened: a place named in the event's own clause."""

    place_id: str | None = Field(None, description="Id of the resolved place ('P4').")
    name: str
    country_code: str | None = Field(None, description="ISO 3166-1 alpha-2.")
    span: Span = Field(description="The mention in the event's clause.")
    confidence: float = Field(ge=0.0, le=1.0)


class EventTime(Record):
    """When an event happened: the time expression of its clause, else the publication date."""

    value: str | None = Field(None, description="TIMEX3 value, e.g. '2017-07'.")
    span: Span | None = Field(None, description="The time expression; none for the publication date.")
    publication: bool = Field(False, description="True when the clause names no time and the "
                              "publication date stands in.")
    confidence: float = Field(ge=0.0, le=1.0)


class Magnitude(Record):
    """A number the text gives for an event: dead, injured, arrested, or size (of a crowd, a force)."""

    kind: str = Field(description="dead, injured, arrested or size.")
    value: int | None = Field(None, description="The number; for 'hundreds' the lower bound, 100.")
    approximate: bool = Field(False, description="True for 'hundreds', 'more than 20', 'about 300'.")
    span: Span


class EventConfidence(Record):
    """Confidence of each field of an event, 0..1 (none when the field is empty)."""

    type: float = Field(ge=0.0, le=1.0)
    mode: float | None = None
    source: float | None = None
    target: float | None = None
    place: float | None = None
    time: float | None = None
    certainty: float | None = None
    magnitude: float | None = None


class Event(Record):
    """Who did what to whom, where and when, coded to PLOVER."""

    id: str = Field(description="Id within the article, e.g. 'V2'.")
    type: EventType
    mode: str | None = Field(None, description="PLOVER mode where it applies, e.g. 'aerial', 'arrest'.")
    source: list[Actor] = Field(description="Who acted (PLOVER 'actor'); never empty.")
    target: list[Actor] = Field(default_factory=list, description="Whom it was directed at "
                                "(PLOVER 'recipient'); may be empty.")
    trigger: Span = Field(description="The words that name the event: 'threats', 'recapture', 'air strike'.")
    sentence: int
    sentence_span: Span = Field(description="The sentence the event was read from.")
    place: EventPlace | None = None
    time: EventTime | None = None
    certainty: Certainty = Certainty.ASSERTED
    claim_id: str | None = Field(None, description="The claim whose certainty the event takes, if any.")
    magnitudes: list[Magnitude] = Field(default_factory=list)
    rule: str = Field(description="The evidence the type rests on, e.g. \"verb 'threaten'\".")
    confidence: float = Field(ge=0.0, le=1.0)
    field_confidence: EventConfidence


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
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
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
