"""Read CoNLL-2003 files and turn their IOB1 tags into entity spans.

The files have four columns (``token POS chunk NER``), one token a line, a
blank line between sentences and ``-DOCSTART-`` lines between documents.  Tags
are IOB1: ``I-X`` opens an entity unless it continues one of the same type;
``B-X`` only separates two adjacent entities of the same type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dateline.degrade import degrade_tokens

CONLL_LABELS = ("PER", "ORG", "LOC", "MISC")


@dataclass
class Sentence:
    """One tokenized sentence with one NER tag per token."""

    tokens: list[str]
    tags: list[str]

    def spans(self) -> list[tuple[int, int, str]]:
        """Entity spans as (first token, end token exclusive, label)."""
        return tags_to_spans(self.tags)

    def degraded(self) -> Sentence:
        """The same sentence in the degraded corpus form, tags kept aligned."""
        tokens, source = degrade_tokens(self.tokens)
        tags: list[str] = []
        previous_source = -1
        for token_source in source:
            tag = self.tags[token_source]
            if token_source == previous_source and tag.startswith("B-"):
                tag = "I-" + tag[2:]  # the split-off rest of a token continues it
            tags.append(tag)
            previous_source = token_source
        return Sentence(tokens, _repair_iob1(tags, source, self.tags))


@dataclass
class Document:
    """A CoNLL document: the sentences between two ``-DOCSTART-`` lines."""

    sentences: list[Sentence] = field(default_factory=list)


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Decode IOB1 (or IOB2) tags into (start, end, label) token spans."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        kind, _, tag_label = tag.partition("-")
        continues = kind == "I" and tag_label == label and start >= 0
        if continues:
            continue
        if start >= 0:
            spans.append((start, i, label))
            start, label = -1, ""
        if kind in ("B", "I"):
            start, label = i, tag_label
    return spans


def _repair_iob1(tags: list[str], source: list[int], original: list[str]) -> list[str]:
    """Keep entity boundaries when degradation drops a token between two entities.

    If a removed token (a quote mark) separated two same-type entities, the
    second must start with ``B-`` so it does not merge with the first.
    """
    original_spans = tags_to_spans(original)
    starts = {start for start, _, _ in original_spans}
    repaired = list(tags)
    for i in range(1, len(repaired)):
        kind, _, label = repaired[i].partition("-")
        prev_label = repaired[i - 1].partition("-")[2]
        new_entity = source[i] in starts and source[i] != source[i - 1]
        if kind == "I" and label == prev_label and new_entity:
            repaired[i] = "B-" + label
    return repaired


def read_conll(path: str | Path) -> list[Document]:
    """Read a CoNLL-2003 file into documents of tagged sentences."""
    documents: list[Document] = [Document()]
    tokens: list[str] = []
    tags: list[str] = []

    def close_sentence() -> None:
        if tokens:
            documents[-1].sentences.append(Sentence(list(tokens), list(tags)))
            tokens.clear()
            tags.clear()

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                close_sentence()
                continue
            if parts[0] == "-DOCSTART-":
                close_sentence()
                if documents[-1].sentences:
                    documents.append(Document())
                continue
            tokens.append(parts[0])
            tags.append(parts[-1])
    close_sentence()
    return [doc for doc in documents if doc.sentences]
