"""Who is speaking: the speaker phrase resolved to an entity or an unnamed source.

In order:

1. **name**: the phrase's head is a mention of an entity (``Baghdadi``,
   ``Russia's defense ministry``), resolved by the entities layer's
   coreference to its canonical entity;
2. **relative**: ``who said`` takes the noun the clause modifies;
3. **pronoun**: ``I``/``we`` inside someone's quote is that someone; ``he`` /
   ``they`` as subject of a cue nested in a quote is the quote's speaker
   (``officials said they believed``); otherwise ``he``/``she`` is the last
   person who spoke within a few sentences, else the last person named;
   ``they``/``it`` the last organization or group that spoke or was named;
4. **nominal**: ``the minister`` is the person named with that role before
   (``Foreign Minister X``, ``X, the minister,``);
5. **description**: any other phrase is an unnamed source described as
   written (``U.S. officials``, ``a senior official who declined to be named``).
"""

from __future__ import annotations

import re

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.attribution.cues import (
    FIRST_SECOND_PERSON,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    ROLE_NOUNS,
    THING_PRONOUNS,
)
from dateline.attribution.reported import Found
from dateline.normalize import NormalizedText
from dateline.schema import Entity, Span, Speaker

#: Confidence of each way a speaker is found.
CONFIDENCE = {"name": 0.9, "relative": 0.85, "nested": 0.85, "pronoun": 0.7, "nominal": 0.7,
              "description": 0.85, "adjacent": 0.7}
#: How many sentences back a pronoun may look for its speaker.
PRONOUN_WINDOW = 4
#: Entity types a plural or neuter pronoun can stand for.
GROUP_TYPES = frozenset({"ORG", "NORP", "LOC", "MISC"})
#: Tokens around a mention read for a role noun ("Foreign Minister X", "X, the minister").
ROLE_WINDOW = 4


@dataclass
class EntityIndex:
    """Entities by token, built once per article."""

    by_token: dict[int, Entity]
    #: (token index, entity) of every mention start, in text order.
    mentions: list[tuple[int, Entity]]
    entities: dict[str, Entity]

    def before(self, token: int) -> list[tuple[int, Entity]]:
        """Mentions starting before ``token``, nearest first."""
        cut = bisect_right([t for t, _ in self.mentions], token - 1)
        return self.mentions[:cut][::-1]


def index_entities(doc: Doc, normalized: NormalizedText, entities: list[Entity]) -> EntityIndex:
    """Map every token inside an entity mention to its entity."""
    by_token: dict[int, Entity] = {}
    starts: list[tuple[int, Entity]] = []
    for entity in entities:
        for mention in entity.mentions:
            span = normalized.from_original(mention.span.start, mention.span.end)
            if span is None:
                continue
            tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
            if tokens is None or not len(tokens):
                continue
            for token in tokens:
                by_token.setdefault(token.i, entity)
            starts.append((tokens.start, entity))
    starts.sort(key=lambda pair: pair[0])
    return EntityIndex(by_token, starts, {e.id: e for e in entities})


class SpeakerResolver:
    """Resolves the speaker phrases of one article's quotes, in text order."""

    def __init__(self, doc: Doc, normalized: NormalizedText, index: EntityIndex,
                 sentence_of_token: list[int]):
        self.doc = doc
        self.normalized = normalized
        self.index = index
        self.sentence_of = sentence_of_token
        #: Quotes resolved so far, in text order of their cue.
        self.resolved: list[Found] = []

    def span(self, start: int, end: int) -> Span:
        """Original-text span of the token span ``[start, end)``."""
        first = self.doc[start]
        last = self.doc[end - 1]
        a, b = self.normalized.to_original(first.idx, last.idx + len(last))
        return Span(start=a, end=b, text=self.normalized.original[a:b])

    def named(self, entity: Entity, via: str, span: Span | None, confidence: float) -> Speaker:
        return Speaker(span=span, entity_id=entity.id, name=entity.name, unnamed=False, via=via,
                       confidence=confidence)

    def resolve(self, quote: Found, enclosing: list[Found]) -> Speaker | None:
        """The speaker of ``quote``; ``enclosing`` are quotes whose content holds its cue."""
        if quote.speaker_tokens is None or quote.speaker_head is None:
            return None
        start, end = quote.speaker_tokens
        head = self.doc[quote.speaker_head]
        phrase = self.span(start, end)
        head = self._head_noun(head, start, end)
        entity = self.index.by_token.get(head.i)
        if entity is not None:
            return self.named(entity, "name", phrase, CONFIDENCE["name"])
        lower = head.lower_
        if lower in FIRST_SECOND_PERSON | PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
            return self._pronoun(quote, lower, phrase, enclosing)
        if head.pos_ == "PROPN" or (head.text[:1].isupper() and head.i > 0
                                    and not head.is_sent_start and head.pos_ != "PRON"):
            # A name the NER missed: keep it as written.
            return Speaker(span=phrase, name=self._description(start, end), unnamed=False,
                           via="name", confidence=0.6)
        if head.lemma_.lower() in ROLE_NOUNS and self._definite(head):
            entity = self._by_role(head)
            if entity is not None:
                return self.named(entity, "nominal", phrase, CONFIDENCE["nominal"])
        return Speaker(span=phrase, name=self._description(start, end), unnamed=True,
                       via="description", confidence=CONFIDENCE["description"])

    def _head_noun(self, head, start: int, end: int):  # type: ignore[no-untyped-def]
        """The noun carrying the name: ``Flynn`` in ``Flynn, a top surrogate,``."""
        if head.i in self.index.by_token:
            return head
        for token in self.doc[start:end]:
            if token.i in self.index.by_token and token.head.i == head.i and token.dep_ in (
                    "compound", "appos", "poss") and self.index.by_token[token.i].type.value == "PERSON":
                return token
        return head

    def _definite(self, head) -> bool:  # type: ignore[no-untyped-def]
        return any(c.lower_ in ("the", "this", "that") for c in head.children)

    def _description(self, start: int, end: int) -> str:
        first = self.doc[start]
        text = self.doc[start:end].text
        if first.is_sent_start and first.pos_ != "PROPN" and not (len(first.text) > 1 and first.text.isupper()):
            text = text[:1].lower() + text[1:]
        return text

    def _pronoun(self, quote: Found, lower: str, phrase: Span, enclosing: list[Found]) -> Speaker | None:
        # A cue inside someone's quote: "I"/"we" is that speaker; so is a matching "he"/"they".
        for outer in enclosing:
            speaker = outer.speaker
            if not isinstance(speaker, Speaker):
                continue
            if lower in FIRST_SECOND_PERSON or self._agrees(lower, speaker):
                return speaker.model_copy(update={"span": phrase, "via": "pronoun",
                                                  "confidence": CONFIDENCE["nested"]})
        if lower in FIRST_SECOND_PERSON:
            return None
        sentence = self.sentence_of[quote.cue_token] if quote.cue_token is not None else quote.sentence
        # The last speaker who fits, within a few sentences.
        for previous in reversed(self.resolved):
            speaker = previous.speaker
            if not isinstance(speaker, Speaker) or previous.cue_token is None:
                continue
            if sentence - self.sentence_of[previous.cue_token] > PRONOUN_WINDOW:
                break
            if self._agrees(lower, speaker):
                return speaker.model_copy(update={"span": phrase, "via": "pronoun",
                                                  "confidence": CONFIDENCE["pronoun"]})
        # Else the last entity named that fits.
        assert quote.speaker_head is not None
        for token, entity in self.index.before(quote.speaker_head):
            if sentence - self.sentence_of[token] > PRONOUN_WINDOW:
                break
            if self._agrees_type(lower, entity.type.value):
                return self.named(entity, "pronoun", phrase, CONFIDENCE["pronoun"] - 0.1)
        return Speaker(span=phrase, name=phrase.text, unnamed=True, via="pronoun", confidence=0.3)

    def _agrees(self, lower: str, speaker: Speaker) -> bool:
        if speaker.entity_id is not None:
            entity = self.index.entities.get(speaker.entity_id)
            return entity is not None and self._agrees_type(lower, entity.type.value)
        if lower in PERSON_PRONOUNS:
            return speaker.unnamed and not _plural_description(speaker.name)
        if lower in PLURAL_PRONOUNS:
            return speaker.unnamed and _plural_description(speaker.name)
        return False

    @staticmethod
    def _agrees_type(lower: str, entity_type: str) -> bool:
        if lower in PERSON_PRONOUNS:
            return entity_type == "PERSON"
        if lower in PLURAL_PRONOUNS:
            return entity_type in GROUP_TYPES and entity_type != "LOC" or entity_type == "NORP"
        if lower in THING_PRONOUNS:
            return entity_type == "ORG"
        return False

    def _by_role(self, head) -> Entity | None:  # type: ignore[no-untyped-def]
        """The person named with this role before: ``Foreign Minister X`` or ``X, the minister``."""
        role = head.lemma_.lower()
        doc = self.doc
        for token, entity in self.index.before(head.i):
            if entity.type.value != "PERSON":
                continue
            window = doc[max(0, token - ROLE_WINDOW):token]
            mention_end = token
            while mention_end < len(doc) and self.index.by_token.get(mention_end) is entity:
                mention_end += 1
            after = doc[mention_end:min(len(doc), mention_end + ROLE_WINDOW + 2)]
            if any(t.lemma_.lower() == role for t in window) or (
                    len(after) and after[0].text == "," and any(t.lemma_.lower() == role for t in after)):
                return entity
        return None

    def adjacent(self, source: Speaker, confidence: float) -> Speaker:
        """The speaker of a neighbouring quote, for a quote without a cue of its own."""
        return source.model_copy(update={"via": "adjacent",
                                         "confidence": round(min(source.confidence, confidence), 3)})


#: Words after which a description's head noun has been named: "traders in Mandera".
_AFTER_HEAD = re.compile(r"\s(?:in|of|from|at|near|for|with|on|who|that|which)\s|,")
_PLURAL_HEADS = frozenset({"people", "police", "men", "women", "children", "staff", "personnel", "clergy"})


def _plural_description(description: str) -> bool:
    """Does an unnamed source's head noun name many (``traders in Mandera``, ``police``)?"""
    head = _AFTER_HEAD.split(description.lower(), maxsplit=1)[0].split()
    word = head[-1] if head else ""
    return word in _PLURAL_HEADS or word.endswith("men") or word.endswith("s") and not word.endswith("ss")
