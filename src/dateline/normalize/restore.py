"""Restore readable text from the degraded corpus form, one-for-one in characters.

The input is cut into whitespace-separated tokens.  Tokens are kept (or
recased, same length) and only the whitespace between them changes: it is
deleted where the tokenizer split a mark off its word (``word ,`` ->
``word,``, ``( reuters )`` -> ``(reuters)``, ``$ 25`` -> ``$25``), its first
character becomes an apostrophe before a stripped possessive or contraction
tail (``city s`` -> ``city's``, ``don t`` -> ``don't``), and otherwise it
shrinks to one space.  A line break between sentences becomes a space and the
offset where the line began is recorded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dateline.normalize.casing import recase
from dateline.normalize.offsets import EditBuilder

#: Marks that attach to the word before them.
CLOSING_MARKS = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "..."})
#: Marks that attach to the word after them.
OPENING_MARKS = frozenset({"(", "[", "{"})
#: Currency signs attach to a following number.
CURRENCY_SIGNS = frozenset({"$", "\u00a3", "\u20ac", "\u00a5"})
#: Clitics split off by Penn-Treebank-style tokenizers; they rejoin their host.
CLITICS = frozenset({"'s", "'re", "'ve", "'ll", "'d", "'m", "n't"})
#: Apostrophe-stripped contraction tails, and the words they may follow.
CONTRACTION_HOSTS: dict[str, frozenset[str]] = {
    "t": frozenset(
        {
            "don", "can", "won", "isn", "aren", "wasn", "weren", "doesn", "didn", "couldn",
            "wouldn", "shouldn", "hasn", "haven", "hadn", "mustn", "needn", "ain",
        }
    ),
    "m": frozenset({"i"}),
    "re": frozenset({"you", "we", "they"}),
    "ve": frozenset({"i", "you", "we", "they", "could", "would", "should", "might", "must"}),
    "ll": frozenset({"i", "you", "we", "they", "he", "she", "it"}),
    "d": frozenset({"i", "you", "we", "they", "he", "she"}),
}

_LINE = re.compile(r"[^\n]+")
_TOKEN = re.compile(r"\S+")


def joiner(previous: str, token: str, before_previous: str) -> str:
    """What replaces the whitespace between ``previous`` and ``token``.

    ``""`` deletes it, ``"'"`` turns its first character into an apostrophe,
    ``" "`` keeps one space.
    """
    if token == "s" and previous[-1].isalnum():
        return "'"
    hosts = CONTRACTION_HOSTS.get(token)
    if hosts is not None and previous.lower() in hosts:
        return "'"
    if token in CLITICS or token in CLOSING_MARKS or previous in OPENING_MARKS:
        return ""
    if token[0].isdigit():
        if previous in CURRENCY_SIGNS:
            return ""
        if previous == ":" and before_previous[-1:].isdigit():
            return ""  # a time split by the tokenizer: 10 : 30
    if token == "%" and previous[-1].isdigit():
        return ""
    return " "


def line_joiners(words: Sequence[str]) -> list[str]:
    """The joiner before each token of a line (the first one is unused: ``""``)."""
    joiners = [""]
    for index in range(1, len(words)):
        before_previous = words[index - 2] if index > 1 else ""
        joiners.append(joiner(words[index - 1], words[index], before_previous))
    return joiners


def restore(original: str, *, recase_text: bool) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Restore ``original``; return the text, its origin map and the line starts.

    With ``recase_text`` lowercase tokens are also given their likely case.
    """
    lines: list[list[re.Match[str]]] = []
    for line in _LINE.finditer(original):
        tokens = list(_TOKEN.finditer(original, line.start(), line.end()))
        if tokens:
            lines.append(tokens)
    words = [[token.group() for token in tokens] for tokens in lines]
    joiners = [line_joiners(line_words) for line_words in words]
    if recase_text:
        suffixes = [[joined == "'" for joined in line_joiners_] for line_joiners_ in joiners]
        cased = recase(words, suffixes)
    else:
        cased = words

    builder = EditBuilder(original)
    line_starts: list[int] = []
    for number, tokens in enumerate(lines):
        for index, token in enumerate(tokens):
            start = token.start()
            if index == 0:
                if number > 0:
                    builder.replace(" ")
                builder.delete(start)
                line_starts.append(builder.length)
            else:
                joined = joiners[number][index]
                if joined:
                    builder.replace(joined)
                builder.delete(start)
            new = cased[number][index]
            if new == words[number][index]:
                builder.keep(token.end())
            else:
                builder.replace(new)
    builder.delete(len(original))
    text, origin = builder.build()
    return text, origin, tuple(line_starts)
