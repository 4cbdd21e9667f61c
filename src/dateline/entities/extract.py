"""Entities of one article: NER mentions, recovered repeats, acronyms, clusters.

Input is the spaCy ``Doc`` of the normalized text; output is a list of
:class:`dateline.schema.Entity` whose mention spans point into the original
text.  Three passes add to what the NER finds:

* **acronym definitions** ``islamic state ( is )``: later uses of the short
  form become mentions of the same entity; short forms that are also English
  words (``is``, ``us``, ``who``) count only where a word cannot stand there
  (after an article or preposition, before a noun: ``an is branch``);
* **one name, one meaning per article**: a name the NER found once is also a
  mention where it recurs and the NER missed it, if it reads as a proper noun
  there (tagged PROPN, or capitalized mid-sentence);
* **demonyms** (``iraqi``, ``north korean``) typed MISC by the NER become NORP.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span as SpacySpan

from dateline.entities.coref import Cluster, RawMention, cluster_mentions
from dateline.entities.names import display_name, name_key
from dateline.normalize import NormalizedText
from dateline.schema import Entity, EntityType, Mention, Span

#: CoNLL-2003 labels of the NER model and the types they become.
LABEL_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
#: Confidence given to each way a mention is found (no calibrated model score).
CONFIDENCE_MODEL = 0.9
CONFIDENCE_ACRONYM = 0.8
CONFIDENCE_REPEAT = 0.7
#: Short forms that are also common English words.
AMBIGUOUS_SHORT_FORMS = frozenset({"is", "us", "it", "who", "am", "an", "as", "at", "in", "on", "or", "so", "no", "me", "we", "be", "do"})
#: Part-of-speech tags before which an ambiguous short form reads as a name.
NAME_CONTEXT_BEFORE = frozenset({"DET", "ADP"})
#: Last words of organization names that need their country to mean anything
#: (``defense ministry``): qualified as ``Russia's Defense Ministry``.
GENERIC_BODIES = frozenset({
    "ministry", "army", "military", "government", "police", "parliament", "navy", "cabinet",
    "embassy", "forces", "court", "senate", "congress", "council", "agency", "office",
    "department", "presidency", "guard", "guards", "command",
})
_POSSESSIVE_LINK = re.compile(r"['’]s ")
_ACRONYM_DEFINITION = re.compile(r"\(\s*([A-Za-z][A-Za-z.&-]{0,9})\s*\)")


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym (lowercase) -> ISO 3166-1 alpha-2 country code ('' for groups)."""
    table: dict[str, str] = {}
    text = resources.files("dateline.data").joinpath("demonyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        word, _, country = line.partition("\t")
        table[word.strip()] = country.strip()
    return table


def _sentence_of(doc: Doc) -> list[int]:
    """Sentence index of every token."""
    index = [0] * len(doc)
    for i, sent in enumerate(doc.sents):
        for token in sent:
            index[token.i] = i
    return index


def _mention(span: SpacySpan, label: str, confidence: float, sentence: list[int]) -> RawMention:
    return RawMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        label=label,
        sentence=sentence[span.start],
        confidence=confidence,
        canonical=span.ent_id_ if span.label_ else "",
    )


#: A compass adjective before one of these nouns says where, not who: "the western city of".
_COMPASS = frozenset({"western", "eastern", "northern", "southern", "northeastern", "northwestern",
                      "southeastern", "southwestern", "central"})
_WHERE_NOUNS = frozenset({"city", "town", "village", "province", "region", "state", "district", "part",
                          "parts", "area", "areas", "suburb", "suburbs", "coast", "border", "outskirts",
                          "edge", "flank", "side", "front", "shore", "bank", "county", "desert", "highlands"})


def _says_where(ent: SpacySpan) -> bool:
    """``Western city``: a compass word the case restorer capitalized before a place noun."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (len(ent) == 1 and ent.text.lower() in _COMPASS and after is not None
            and after.text in _WHERE_NOUNS)


def _model_mentions(doc: Doc, sentence: list[int]) -> list[RawMention]:
    table = demonyms()
    found = []
    for ent in doc.ents:
        if _says_where(ent):
            continue
        label = LABEL_TYPES.get(ent.label_, ent.label_)
        if label == "MISC" and name_key(ent.text) in table:
            label = "NORP"
        found.append(_mention(ent, label, CONFIDENCE_MODEL, sentence))
    return found


def _qualify_generic_bodies(text: str, mentions: list[RawMention]) -> None:
    """Give ``defense ministry`` its country when the text does: ``Russia's``, ``Iraqi``."""
    by_end = {m.end: m for m in mentions if m.label in {"LOC", "NORP"}}
    for mention in mentions:
        if mention.label != "ORG" or mention.key.split()[-1:] == [] or mention.canonical:
            continue
        if mention.key.split()[-1] not in GENERIC_BODIES:
            continue
        owner = None
        link = _POSSESSIVE_LINK.match(text, mention.start - 3) if mention.start >= 3 else None
        if link and link.end() == mention.start:
            owner = by_end.get(mention.start - 3)
            joined = f"{owner.text}'s {mention.text}" if owner else ""
        else:
            owner = by_end.get(mention.start - 1)
            joined = f"{owner.text} {mention.text}" if owner and owner.label == "NORP" else ""
            owner = owner if joined else None
        if owner is not None:
            mention.qualified = joined
            mention.key = name_key(joined)


def _acronym_definitions(
    doc: Doc, mentions: list[RawMention], sentence: list[int]
) -> tuple[dict[str, str], list[RawMention]]:
    """Short forms defined right after a mention: ``Islamic State (IS)``.

    Returns the short form -> long key table and the defining short forms
    themselves as mentions.
    """
    definitions: dict[str, str] = {}
    defined: list[RawMention] = []
    text = doc.text
    for mention in mentions:
        after = mention.end + (1 if text[mention.end : mention.end + 1] == " " else 0)
        match = _ACRONYM_DEFINITION.match(text, after)
        if not match:
            continue
        short = match.group(1).lower()
        if short == mention.key or short in definitions:
            continue
        span = doc.char_span(match.start(1), match.end(1))
        if span is None:
            continue
        definitions[short] = mention.key
        defined.append(_mention(span, mention.label, CONFIDENCE_ACRONYM, sentence))
    return definitions, defined


def _reads_as_name(doc: Doc, start: int, end: int) -> bool:
    """Could these tokens be a proper name here, not an ordinary word?"""
    first = doc[start]
    if any(t.pos_ == "PROPN" for t in doc[start:end]):
        return True
    return first.text[:1].isupper() and not first.is_sent_start


def _short_form_is_name(doc: Doc, index: int) -> bool:
    """An ambiguous short form (``is``) names the entity only in a noun slot."""
    before = doc[index - 1] if index > 0 else None
    after = doc[index + 1] if index + 1 < len(doc) else None
    if before is None or before.pos_ not in NAME_CONTEXT_BEFORE:
        return False
    return after is not None and after.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"} and after.tag_ != "VBN"


def _recovered_mentions(
    doc: Doc, mentions: list[RawMention], acronyms: dict[str, str], sentence: list[int]
) -> list[RawMention]:
    """Repeats of known names and uses of defined short forms the NER missed."""
    taken = [False] * len(doc)
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                taken[i] = True
    labels: dict[str, str] = {}
    for mention in sorted(mentions, key=lambda m: -len(m.key)):
        if len(mention.key) >= 3 and mention.label != "MISC":
            labels.setdefault(mention.key, mention.label)
    patterns: dict[tuple[str, ...], tuple[str, float, bool]] = {}
    for key, label in labels.items():
        patterns[tuple(key.split())] = (label, CONFIDENCE_REPEAT, False)
    for short, long_key in acronyms.items():
        label = labels.get(long_key, "ORG")
        patterns[(short,)] = (label, CONFIDENCE_ACRONYM, True)

    lowered = [t.lower_ for t in doc]
    positions: dict[str, list[int]] = {}
    for i, word in enumerate(lowered):
        positions.setdefault(word, []).append(i)
    found: list[RawMention] = []
    for words, (label, confidence, is_short_form) in sorted(patterns.items(), key=lambda p: -len(p[0])):
        n = len(words)
        for i in positions.get(words[0], ()):
            if any(taken[i : i + n]) or tuple(lowered[i : i + n]) != words:
                continue
            if i + n < len(doc) and lowered[i + n] == "-":
                continue
            if is_short_form and words[0] in AMBIGUOUS_SHORT_FORMS:
                if not _short_form_is_name(doc, i):
                    continue
            elif not is_short_form and not _reads_as_name(doc, i, i + n):
                continue
            span = doc[i : i + n]
            found.append(_mention(span, label, confidence, sentence))
            for j in range(i, i + n):
                taken[j] = True
    return found


def _display(cluster: Cluster, degraded: bool) -> str:
    """Canonical display name: the head mention, in its best-cased form.

    A dateline or headline in capitals (``KHARTOUM``) is shown in title case
    when no other mention of the same name shows its real case; capitals stay
    for organizations, whose names are often acronyms.
    """
    head = cluster.head
    if head.qualified:
        return display_name(head.qualified, degraded)
    same_name = [m for m in cluster.mentions if m.key == head.key]
    mixed = [m for m in same_name if not m.text.isupper()]
    text = (mixed[0] if mixed else head).text
    if text.isupper() and len(text) > 3 and cluster.label != "ORG":
        return display_name(text.lower(), degraded=True)
    return display_name(text, degraded)


def _to_record(
    cluster: Cluster, number: int, normalized: NormalizedText
) -> Entity:
    original = normalized.original
    mentions = []
    for raw in cluster.mentions:
        start, end = normalized.to_original(raw.start, raw.end)
        mentions.append(
            Mention(
                span=Span(start=start, end=end, text=original[start:end]),
                sentence=raw.sentence,
                type=EntityType(raw.label),
                confidence=raw.confidence,
            )
        )
    head = cluster.head
    aliases = sorted({m.key for m in cluster.mentions} - {head.key})
    return Entity(
        id=f"E{number}",
        type=EntityType(cluster.label),
        name=cluster.canonical or _display(cluster, normalized.degraded),
        aliases=aliases,
        mentions=mentions,
    )


def extract_entities(doc: Doc, normalized: NormalizedText) -> list[Entity]:
    """Entities named in the article, mentions clustered, spans in the original."""
    sentence = _sentence_of(doc)
    mentions = _model_mentions(doc, sentence)
    _qualify_generic_bodies(doc.text, mentions)
    acronyms, defined = _acronym_definitions(doc, mentions, sentence)
    known = {(m.start, m.end) for m in mentions}
    mentions += [m for m in defined if (m.start, m.end) not in known]
    mentions += _recovered_mentions(doc, mentions, acronyms, sentence)
    clusters = cluster_mentions(mentions, acronyms)
    return [_to_record(cluster, i + 1, normalized) for i, cluster in enumerate(clusters)]
