"""The ``events`` stage: frames -> classified, placed, dated :class:`~dateline.schema.Event` records.

For each sentence the frames of :mod:`dateline.events.frames` are read by the
classifier; those that reach the evidence threshold become events with

* **place**: a resolved place named in the event's own clause (the predicate's
  subtree without the clauses of other predicates and without the source's
  words), the most specific first (city or landmark, then region, then
  country), a locative phrase (``in``, ``near``, ``on the outskirts of``)
  preferred; a city the event is done to (``the recapture of mosul``) is its
  place; a country that is an actor (``threats against japan``) is not.  No
  place in the clause: none, never one from another part of the story;
* **time**: :func:`dateline.times.anchor.time_for` on the clause, kept only if
  the expression lies in the clause; else a time of the verb that reports it
  (``said on Monday``: the event is no later), else the publication date,
  marked as such;
* **certainty**: the claim (``claims`` layer) whose content covers the
  predicate, else :func:`dateline.attribution.claims.read_certainty` on the
  clause (``might have killed`` is possible);
* **magnitudes** counted in the clause (:mod:`dateline.events.magnitude`);
* a confidence per field, and one for the event: the type's confidence times
  the source's, lowered for events deep in the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Token

from dateline.attribution.claims import read_certainty
from dateline.events.actors import ActorCoder, ActorDraft, ArticleIndex, country_named, iso3, to_record
from dateline.events.classify import Reading, classify
from dateline.events.frames import (
    Frame,
    FrameFinder,
    instrument_nouns,
    is_event_noun,
    is_verbal,
    lemma_key,
    verb_entry,
)
from dateline.events.lexicon import VIOLENT
from dateline.events.magnitude import Count, counts, size_of
from dateline.events.tokens import kids, release
from dateline.normalize import NormalizedText
from dateline.pipeline import Context, register_stage
from dateline.schema import (
    Actor,
    Certainty,
    Claim,
    Dateline,
    Entity,
    Event,
    EventConfidence,
    EventPlace,
    EventTime,
    EventType,
    Magnitude,
    Place,
    PublicationDate,
    Quote,
    Sentence,
    Span,
    TimeExpression,
)
from dateline.times.anchor import PLACING_TYPES, VAGUE_VALUES, time_for

#: Dependencies that start another predicate's clause inside the event's subtree.
OTHER_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "conj", "csubj"})
#: Prepositions that put an event at a place.
LOCATIVE_PREPS = frozenset({"in", "near", "at", "on", "outside", "around", "into", "inside", "across",
                            "throughout", "of", "from", "towards", "toward", "within", "along", "off"})
#: Place specificity by GeoNames feature class: a city or site says most.
SPECIFICITY = {"P": 3.0, "S": 3.0, "A": 2.0, "L": 1.8, "T": 1.8, "H": 1.8, "V": 1.8, "R": 2.0}
#: Confidence factors for the place and the time by how they were found.
PLACE_LOCATIVE, PLACE_OTHER, PLACE_FALLBACK = 0.9, 0.7, 0.7
TIME_CLAUSE, TIME_REPORT, TIME_PUBLICATION = 0.9, 0.6, 0.4
#: Confidence of an event lost per level below the main clause (verbs of saying do not count).
DEPTH_PENALTY = 0.06
#: Words whose event is itself a denial or a rejection (its certainty is not "denied").
DENIAL_EVENTS = frozenset({"reject", "deny", "refuse", "decline", "dismiss", "rebuff", "veto", "oppose",
                           "condemn", "criticize", "criticise", "denounce", "accuse", "blame", "dispute"})
#: Most words between a chain verb and its event noun for both to be shown as the trigger.
TRIGGER_REACH = 4
#: Confidence factor for events named by a noun, not a verb.
NOMINAL_FACTOR = 0.92
#: Categories whose recipient, when none is named, is the place they are imposed on or done in
#: (a curfew in Abidjan, troops on alert in the West Bank, aid deliveries in Baghdad, riots in Dili).
PLACE_AS_RECIPIENT = frozenset({"COERCE", "CONCEDE", "MOBILIZE", "SANCTION", "AID", "RETREAT", "THREATEN",
                                "PROTEST"})
#: Sectors of local people, who take the country of the event's place when the text names none.
LOCAL_SECTORS = frozenset({"CVL", "CRM", "REF", "LAB", "EDU", "MED", "JRN", "REL", "AGR", "BUS", "OPP", "COP"})
LOCALIZED_CONFIDENCE = 0.5
#: How a target must be coded for its country to be its own, not a clue to the source's.
OWN_CODE_VIAS = frozenset({"entity", "demonym", "leader", "title", "group", "pronoun"})
#: Categories whose recipients, when a people or a city, are its civilians.
CIVILIAN_TARGET_CATEGORIES = frozenset({"COERCE", "ASSAULT", "FIGHT", "REJECT", "AID", "RETREAT", "SANCTION",
                                        "THREATEN", "CONCEDE", "MOBILIZE"})
#: Sectors that make a crowd or a force whose number is a size.
SIZE_CATEGORIES = frozenset({"PROTEST", "MOBILIZE"})


class _LazyCounts:
    """The numbers of a sentence, read only when an event there can have a magnitude."""

    def __init__(self, doc: Doc, start: int, end: int):
        self.doc, self.start, self.end = doc, start, end
        self._found: list[Count] | None = None

    def get(self) -> list[Count]:
        if self._found is None:
            self._found = counts(self.doc, self.start, self.end)
        return self._found


def _violent_entry(token: Token) -> bool:
    entry = verb_entry(token)
    return entry is not None and entry[0] in ("ASSAULT", "FIGHT")


def _sentence_bounds(doc: Doc) -> list[tuple[int, int, int]]:
    """(sentence index, first token, end token) numbered as the ``sentences`` layer numbers them."""
    if not len(doc):
        return []
    import numpy

    table = doc.to_array(["SENT_START", "IS_SPACE"]).astype(numpy.int64)  # no big integers
    starts = sorted({0, *numpy.nonzero(table[:, 0] == 1)[0].tolist()})
    ends = starts[1:] + [len(doc)]
    spaces = table[:, 1]
    out = []
    for start, end in zip(starts, ends):
        if spaces[start:end].all():
            continue  # only white space: the sentences layer skips it too
        out.append((len(out), start, end))
    return out


class EventExtractor:
    """Turns the frames of one article into event records."""

    def __init__(self, doc: Doc, normalized: NormalizedText, entities: list[Entity], places: list[Place],
                 sentences: Sequence[Sentence], times: Sequence[TimeExpression],
                 publication: PublicationDate | None, claims: Sequence[Claim] | None,
                 quotes: Sequence[Quote] | None = None, dateline: Dateline | None = None):
        self.doc = doc
        self.normalized = normalized
        self.index = ArticleIndex.build(doc, normalized, entities, places, list(times))
        self.dateline_tokens: set[int] = set()
        if dateline is not None:
            found = self.index.tokens_of(dateline.span.start, dateline.span.end)
            if found is not None:
                self.dateline_tokens = set(range(*found))
        quoted = []
        for quote in quotes or ():
            for piece in quote.segments or [quote.content]:
                tokens = self.index.tokens_of(piece.start, piece.end)
                if tokens is not None:
                    quoted.append(tokens)
        self.coder = ActorCoder(self.index, quoted)
        self.finder = FrameFinder(doc, self.coder, frozenset(self.dateline_tokens))
        self.sentences = list(sentences)
        self.times = list(times)
        self.publication = publication
        self.claims = list(claims) if claims is not None else None
        self._layers = {"times": self.times, "publication": publication, "sentences": self.sentences,
                        "text": normalized.original}
        self._sentence_countries: dict[int, dict[int, str]] = {}

    def extract(self) -> list[Event]:
        events: list[Event] = []
        for sent_index, start, end in _sentence_bounds(self.doc):
            frames = self.finder.frames(sent_index, start, end)
            if not frames:
                continue
            used = instrument_nouns(frames)
            merged = self._merged_participles(frames)
            extra: dict[int, set[int]] = {}  # parent frame -> clause tokens of the verbs merged into it
            for child_id, parent in merged.items():
                child = next(f for f in frames if id(f) == child_id)
                extra.setdefault(id(parent), set()).update(self._clause_tokens(child))
            sentence_counts = _LazyCounts(self.doc, start, end)
            seen: set[tuple[str, int]] = set()
            for frame in frames:
                if frame.predicate.i in used and frame.top.i == frame.predicate.i or id(frame) in merged:
                    continue
                reading = classify(frame)
                if reading is None:
                    continue
                key = (reading.category, frame.predicate.i)
                if key in seen:
                    continue
                seen.add(key)
                events.append(self._event(frame, reading, sent_index, start, end, sentence_counts,
                                          len(events) + 1, extra.get(id(frame), set())))
        return events

    @staticmethod
    def _merged_participles(frames: list[Frame]) -> dict[int, Frame]:
        """Violent verbs that only add to a violent event above them: ``attacked ..., killing 5``,
        ``killed 23 and wounded 40`` (same actor): frame id -> the frame they add to."""
        by_token = {f.predicate.i: f for f in frames}
        out: dict[int, Frame] = {}
        for frame in frames:
            predicate = frame.predicate
            parent = by_token.get(predicate.head.i)
            if parent is None or parent is frame or predicate.dep_ not in ("advcl", "conj"):
                continue
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(predicate))
            both_violent = _violent_entry(predicate) and _violent_entry(parent.predicate)
            if predicate.tag_ == "VBG" or (predicate.dep_ == "conj" and not own_subject and both_violent):
                out[id(frame)] = parent
        return out

    # -- one event --

    def _event(self, frame: Frame, reading: Reading, sent_index: int, start: int, end: int,
               sentence_counts: _LazyCounts, number: int, merged: set[int] | None = None) -> Event:
        clause = self._clause_tokens(frame) | (merged or set())
        named = [d for d in frame.sources if d.head >= 0]
        source_tokens = {i for d in named for i in range(d.first, d.last + 1)} | self.dateline_tokens
        trigger = self._trigger_span(frame)
        place = self._place(frame, clause - source_tokens)
        if place is None and source_tokens - self.dateline_tokens:
            # "police in Lagos arrested ...": where the actor is, when the clause names nowhere else
            place = self._place(frame, (source_tokens & clause) - self.dateline_tokens, fallback=True)
        category = reading.category
        sources = [self._localized(self._people(d, category, False), place) for d in frame.sources]
        targets = [self._localized(self._people(d, category, True), place) for d in frame.targets]
        if not targets and place is not None and category in PLACE_AS_RECIPIENT:
            targets = [self._place_actor(place, category)]
        sources = [a if a.code is not None else
                   self._in_context(a, targets, start, end, self._attribution_tokens(frame, start, end))
                   for a in sources]
        time = self._time(frame, clause, sent_index)
        certainty, claim_id, certainty_confidence = self._certainty(frame, clause, trigger)
        magnitudes = self._magnitudes(frame, reading.category, clause, sentence_counts)
        source_confidence = max(a.confidence for a in sources) if sources else 0.0
        target_confidence = max((a.confidence for a in targets), default=None)
        prominence = max(0.5, 1.0 - DEPTH_PENALTY * min(frame.depth, 5))
        if frame.top.pos_ in ("NOUN", "PROPN"):
            prominence *= NOMINAL_FACTOR
        confidence = reading.confidence * (0.5 + 0.5 * source_confidence) * prominence
        first, last = start, end - 1
        sentence_span = self.index.span(first, last)
        return Event.model_construct(
            id=f"V{number}",
            type=EventType(reading.category),
            mode=reading.mode,
            source=sources,
            target=targets,
            trigger=trigger,
            sentence=sent_index,
            sentence_span=sentence_span,
            place=place,
            time=time,
            certainty=certainty,
            claim_id=claim_id,
            magnitudes=magnitudes,
            rule=reading.rule,
            confidence=round(min(1.0, confidence), 3),
            field_confidence=EventConfidence.model_construct(
                type=reading.confidence,
                mode=reading.mode_confidence,
                source=round(source_confidence, 3),
                target=round(target_confidence, 3) if target_confidence is not None else None,
                place=place.confidence if place is not None else None,
                time=time.confidence if time is not None else None,
                certainty=certainty_confidence,
                magnitude=0.7 if magnitudes else None,
            ),
        )

    @staticmethod
    def _localized(actor: Actor, place: EventPlace | None) -> Actor:
        """Local people (civilians, prisoners, students ...) named without a country take the place's."""
        local = actor.sector in LOCAL_SECTORS or actor.sector is None and actor.via == "text" and actor.entity_id is None
        unknown = actor.via == "unknown"  # unidentified attackers: PLOVER codes the country they struck in
        if actor.code is None and (local or unknown) and place is not None and place.country_code:
            code = iso3(place.country_code)
            if code:
                return actor.model_copy(update={
                    "code": code, "country": code, "via": "unknown" if unknown else "place",
                    "confidence": min(actor.confidence, LOCALIZED_CONFIDENCE)})
        return actor

    def _in_context(self, actor: Actor, targets: list[Actor], start: int, end: int,
                    skip: set[int] | None = None) -> Actor:
        """A source with no country takes the one country its sentence names, other than the
        targets' own (``General Pavel resigned to allow Moldova's first free elections``: MDA;
        ``Senator X threatened measures against Venezuela``: none).  Countries of whoever reports
        the event (``skip``) count only when the event's own words name none (``..., a spokesman
        for the Swedish embassy said``: not Sweden when the clause names another country)."""
        if actor.code is not None:
            return actor
        own = {t.code for t in targets if t.via in OWN_CODE_VIAS}
        countries = self._countries_named(start, end, skip or set()) - own
        if not countries and skip:
            countries = self._countries_named(start, end, set()) - own
        if len(countries) != 1:
            return actor
        code = next(iter(countries))
        return actor.model_copy(update={"code": code, "country": code, "via": "context"})

    def _attribution_tokens(self, frame: Frame, start: int, end: int) -> set[int]:
        """Tokens that say who reports the event: the reporting verb's subject, ``according to`` phrases."""
        found: set[int] = set()
        if frame.report is not None:
            for child in kids(frame.report):
                if child.dep_ == "nsubj":
                    found.update(range(child.left_edge.i, child.right_edge.i + 1))
        for token in self.doc[start:end]:
            if token.lower_ == "according" and token.dep_ == "prep":
                found.update(range(token.i, token.right_edge.i + 1))
        return found

    def _countries_named(self, start: int, end: int, skip: set[int]) -> set[str]:
        """ISO3 codes of the countries tokens ``[start, end)`` name, but for those in ``skip``: places,
        demonyms, country names."""
        if start not in self._sentence_countries:
            found: dict[int, str] = {}
            for token in self.doc[start:end]:
                place = self.index.place_at.get(token.i)
                entity = self.index.entity_at.get(token.i)
                cc = None
                if place is not None:
                    cc = place[0].country_code
                elif entity is not None and entity.type.value == "NORP" and entity.country:
                    cc = entity.country
                elif token.pos_ in ("ADJ", "PROPN", "NOUN") and token.is_alpha:
                    cc = self.coder.demonym_country(token) or (
                        country_named(token.text) if token.pos_ == "PROPN" and len(token) > 3 else None)
                code = iso3(cc)
                if code:
                    found[token.i] = code
            self._sentence_countries[start] = found
        return {code for i, code in self._sentence_countries[start].items() if i not in skip}

    def _people(self, draft: ActorDraft, category: str, target: bool) -> Actor:
        """A people named by a plural are civilians when they protest or are acted upon
        (``thousands of Nigerians`` rallied, soldiers arrested ``100 Palestinians``); as the actor
        of a verbal event they stand for their nation (``the Palestinians rejected``)."""
        actor = to_record(draft, self.index)
        if draft.people and actor.sector is None and (
                (target and category in CIVILIAN_TARGET_CATEGORIES) or (not target and category == "PROTEST")):
            actor = actor.model_copy(update={"sector": "CVL"})
        elif target and actor.sector is None and actor.via == "place" and category in CIVILIAN_TARGET_CATEGORIES:
            actor = actor.model_copy(update={"sector": "CVL"})  # the people of a city struck or curbed
        return actor

    def _place_actor(self, place: EventPlace, category: str) -> Actor:
        """The people of the place an action is imposed on (a curfew in Abidjan: CIV CVL); for a protest,
        the authorities there.  A country stands for itself (no sector)."""
        code = iso3(place.country_code)
        record = next((p for p in self.index.places if p.id == place.place_id), None)
        country = record is not None and (record.feature_code or "").startswith("PCL")
        sector = None if country else ("GOV" if category == "PROTEST" else "CVL")
        return Actor.model_construct(text=place.span.text, span=place.span, name=place.name, code=code, country=code,
                     sector=sector, via="place", confidence=round(min(place.confidence, LOCALIZED_CONFIDENCE), 3))

    def _trigger_span(self, frame: Frame) -> Span:
        """The words naming the event: the chain verb through the predicate when they are close
        (``lifted the curfew``, ``air strike``), else the category-fixing verb or the predicate."""
        head = frame.wrapper if frame.wrapper is not None else frame.predicate
        words = [head.i]
        for child in kids(head):
            if child.dep_ == "prt" or (child.dep_ in ("compound", "amod") and child.i in frame.trigger):
                words.append(child.i)
        chain = [t.i for t in (frame.reverser, frame.light) if t is not None] + [frame.predicate.i]
        if frame.wrapper is None and len(chain) > 1 and max(chain) - min(chain) <= TRIGGER_REACH:
            words += chain
        return self.index.span(min(words), max(words))

    def _clause_tokens(self, frame: Frame) -> set[int]:
        """Tokens of the event's own clause: the top's subtree minus other predicates' clauses."""
        chain = {t.i for t in (frame.top, frame.wrapper, frame.intent, frame.reverser, frame.light,
                               frame.predicate) if t is not None}
        tokens: set[int] = set()
        stack = [frame.top]
        while stack:
            token = stack.pop()
            tokens.add(token.i)
            for child in token.children:
                if child.i not in chain and child.dep_ in OTHER_CLAUSES and (
                        is_verbal(child) or child.dep_ == "conj" and is_event_noun(child)) \
                        and child.i not in self.index.entity_at:  # a name parsed as a verb is no clause
                    continue  # another predicate's clause, or another event joined by "and"
                stack.append(child)
        return tokens

    # -- place --

    def _place(self, frame: Frame, tokens: set[int], fallback: bool = False) -> EventPlace | None:
        """The most specific place named in the clause; a country, a group or a body that is an actor
        does not count (``threats against japan``, ``a proposal from the European Union``)."""
        actor_tokens = {i for d in frame.targets if d.via not in ("place", "text", "noun")
                        for i in range(d.first, d.last + 1)}
        best = None
        seen: set[tuple[str, int]] = set()
        for i in sorted(tokens):
            found = self.index.place_at.get(i)
            if found is None or i in actor_tokens:
                continue
            place, number = found
            if (place.id, number) in seen:
                continue
            seen.add((place.id, number))
            mention = place.mentions[number]
            span = self.index.tokens_of(mention.span.start, mention.span.end)
            if span is None:
                continue
            head = self.doc[span[1] - 1]
            locative = self._locative(head)
            country = (place.feature_code or "").startswith("PCL")
            if country and not locative and head.dep_ in ("nsubj", "nsubjpass", "poss", "amod", "compound", "dobj"):
                continue  # a country naming an actor, not where it happened
            specificity = 1.0 if country else SPECIFICITY.get(place.feature_class or "", 1.5)
            score = specificity + (0.5 if locative else 0.0) - 0.01 * abs(i - frame.predicate.i)
            if best is None or score > best[0]:
                best = (score, place, mention, locative)
        if best is None:
            return None
        _, place, mention, locative = best
        factor = (PLACE_LOCATIVE if locative else PLACE_OTHER) * (PLACE_FALLBACK if fallback else 1.0)
        return EventPlace.model_construct(place_id=place.id, name=place.name, country_code=place.country_code,
                                          span=mention.span, confidence=round(place.confidence * factor, 3))

    @staticmethod
    def _locative(head: Token) -> bool:
        """Is a place named after a locative preposition (``in``, ``near``, ``the outskirts of``)?"""
        current = head
        for _ in range(3):
            if current.dep_ == "pobj" and current.head.lower_ in LOCATIVE_PREPS:
                return True
            if current.dep_ in ("compound", "poss", "conj", "appos"):
                current = current.head
                continue
            return False
        return False

    # -- time --

    def _time(self, frame: Frame, tokens: set[int], sent_index: int) -> EventTime:
        span = self._token_range_span(tokens)
        expression, value, _ = time_for(self._layers, (span.start, span.end))
        if expression is not None and self._inside(expression, tokens):
            return EventTime.model_construct(value=value, span=expression.span, publication=False,
                             confidence=round(TIME_CLAUSE * expression.confidence, 3))
        own = [t for t in self.times if t.sentence == sent_index and t.type.value in PLACING_TYPES
               and t.value not in VAGUE_VALUES and self._inside(t, tokens)]
        if own:
            nearest = min(own, key=lambda t: abs(t.span.start - span.start))
            return EventTime.model_construct(value=nearest.value, span=nearest.span, publication=False,
                             confidence=round(TIME_CLAUSE * nearest.confidence, 3))
        if frame.report is not None:
            report_tokens = {c.i for c in frame.report.children if c.dep_ in ("npadvmod", "prep", "advmod")
                             for c in c.subtree}
            said = [t for t in self.times if t.sentence == sent_index and t.type.value in PLACING_TYPES
                    and t.value not in VAGUE_VALUES and self._inside(t, report_tokens)]
            if said:
                return EventTime.model_construct(value=said[0].value, span=said[0].span, publication=False,
                                 confidence=round(TIME_REPORT * said[0].confidence, 3))
        publication = self.publication
        value = publication.date.isoformat() if publication is not None and publication.date else None
        confidence = TIME_PUBLICATION * (publication.confidence if publication is not None else 0.0)
        return EventTime.model_construct(value=value, span=None, publication=True, confidence=round(confidence, 3))

    def _inside(self, expression: TimeExpression, tokens: set[int]) -> bool:
        found = self.index.tokens_of(expression.span.start, expression.span.end)
        return found is not None and all(i in tokens for i in range(*found))

    def _token_range_span(self, tokens: set[int]) -> Span:
        return self.index.span(min(tokens), max(tokens))

    # -- certainty --

    def _certainty(self, frame: Frame, tokens: set[int], trigger: Span) -> tuple[Certainty, str | None, float]:
        """Certainty of the event: of the claim covering it, else read off its clause.

        A speech act (a demand, a rejection, a threat) is anchored at its own verb, not at what it
        demands or rejects; a marker that is the event's own word (``rejected``) says nothing of its
        certainty: the article asserts that the rejection happened.
        """
        anchor = frame.wrapper if frame.wrapper is not None else frame.predicate
        own = {t.i for t in (frame.top, frame.wrapper, frame.predicate) if t is not None}
        where = self.index.span(anchor.i, anchor.i)
        default = Certainty.REPORTED if frame.report is not None else Certainty.ASSERTED
        if self.claims is not None:
            covering = [c for c in self.claims if c.content.start <= where.start and where.end <= c.content.end]
            if covering:
                claim = min(covering, key=lambda c: c.content.end - c.content.start)
                if claim.marker is not None and self._marks_own_word(claim.marker, own):
                    return default, claim.id, round(claim.confidence, 3)
                return claim.certainty, claim.id, round(claim.confidence, 3)
        cue = frame.report.lemma_.lower() if frame.report is not None else None
        reading = read_certainty(self.doc, min(tokens), max(tokens) + 1, cue, frame.report is not None)
        if reading.marker is not None and set(range(*reading.marker)) & own:
            return default, None, 0.6
        if reading.marker is None and reading.certainty in (Certainty.DENIED, Certainty.DISPUTED) and \
                lemma_key(anchor) in DENIAL_EVENTS:
            return default, None, 0.6
        return reading.certainty, None, 0.6

    def _marks_own_word(self, marker: Span, own: set[int]) -> bool:
        found = self.index.tokens_of(marker.start, marker.end)
        return found is not None and bool(set(range(*found)) & own)

    # -- magnitudes --

    def _magnitudes(self, frame: Frame, category: str, tokens: set[int], found: _LazyCounts) -> list[Magnitude]:
        out = []
        if category in VIOLENT or category in ("PROTEST", "COERCE"):
            for count in found.get():
                if count.governor in tokens and (category in VIOLENT or count.kind == "arrested"):
                    out.append(self._magnitude(count))
        if category in SIZE_CATEGORIES:
            for draft in frame.sources:
                if draft.head < 0:
                    continue
                size = size_of(self.doc[draft.head])
                if size is not None:
                    out.append(self._magnitude(size))
                    break
        return out

    def _magnitude(self, count: Count) -> Magnitude:
        return Magnitude.model_construct(kind=count.kind, value=count.value, approximate=count.approximate,
                         span=self.index.span(count.first, count.last))


def extract_events(doc: Doc, normalized: NormalizedText, entities: list[Entity], places: list[Place],
                   sentences: Sequence[Sentence], times: Sequence[TimeExpression],
                   publication: PublicationDate | None = None,
                   claims: Sequence[Claim] | None = None,
                   quotes: Sequence[Quote] | None = None,
                   dateline: Dateline | None = None) -> list[Event]:
    """The events of one article, spans in the original text.

    ``claims`` (from the ``claims`` stage) give the certainty of an event they
    cover; without them it is read off the event's clause.  ``quotes`` keep
    pronouns in quoted speech from resolving outside it.
    """
    try:
        return EventExtractor(doc, normalized, entities, places, sentences, times, publication, claims,
                              quotes, dateline).extract()
    finally:
        release(doc)


@register_stage("events", provides="events",
                requires=("doc", "normalized", "entities", "sentences", "places", "times"))
def events_stage(ctx: Context) -> list[Event]:
    layers: dict[str, Any] = ctx.layers
    return extract_events(layers["doc"], layers["normalized"], layers["entities"], layers["places"],
                          layers["sentences"], layers["times"], layers.get("publication"),
                          layers.get("claims"), layers.get("quotes"), layers.get("dateline"))
