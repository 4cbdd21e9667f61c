"""Turn clean news text into the degraded corpus form, keeping alignment.

Many research corpora ship news lowercased, tokenized, one sentence per line,
with quote marks and apostrophes stripped (``city s el nuri mosque``).  Every
benchmark in dateline scores the clean text and this degraded form side by
side, so the degradation must keep gold annotations aligned: each function here
returns, beside the degraded text, where every degraded character came from.

The rules follow the corpus form exactly:

* quote marks (straight, curly, guillemets, backticks, ``''``) become spaces;
* ``'s`` after a word character becomes `` s`` (a split possessive);
* every other apostrophe is deleted;
* text is lowercased;
* tokens are words (hyphenated words whole), dotted abbreviations
  (``u.s.``, ``u.s.-backed``), numbers with inner ``.``/``,``, ellipses, and any
  other single symbol, joined by one space;
* one sentence per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_CHARS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb`')
APOSTROPHES = frozenset("'\u2018\u2019")

TOKEN_PATTERN = re.compile(
    r"(?:[a-z]\.){2,}(?:-[\w.-]+)?"  # dotted abbreviations: u.s. / u.s.-backed
    r"|\d+(?:[.,]\d+)+"  # numbers with separators: 1,000 / 3.5
    r"|\w+(?:-\w+)*"  # words and hyphenated words
    r"|\.\.\."  # ellipsis
    r"|[^\w\s]"  # any other single symbol
)
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c(])")


@dataclass(frozen=True)
class DegradedText:
    """Degraded text plus, for each of its characters, the source character index.

    ``origin[i]`` is the index in the clean text of the character that produced
    ``text[i]``; separators inserted between tokens and lines carry ``-1``.
    """

    text: str
    origin: tuple[int, ...]

    def span_from_original(self, start: int, end: int) -> tuple[int, int] | None:
        """Map a clean-text span to the degraded span covering the same characters.

        Returns ``None`` when every character of the span was removed (a span
        that held only quote marks, for example).
        """
        hits = [i for i, src in enumerate(self.origin) if start <= src < end]
        if not hits:
            return None
        return hits[0], hits[-1] + 1

    def span_to_original(self, start: int, end: int) -> tuple[int, int] | None:
        """Map a degraded span back to the clean-text span it came from."""
        sources = [src for src in self.origin[start:end] if src >= 0]
        if not sources:
            return None
        return min(sources), max(sources) + 1


def _clean_characters(text: str, offset: int) -> list[tuple[str, int]]:
    """Apply the quote/apostrophe/lowercase rules, one (char, origin) pair each."""
    out: list[tuple[str, int]] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch in QUOTE_CHARS or (ch == "'" and i + 1 < n and text[i + 1] == "'"):
            out.append((" ", offset + i))
            continue
        if ch == "'" and i > 0 and text[i - 1] == "'":
            out.append((" ", offset + i))
            continue
        if ch in APOSTROPHES:
            possessive = (
                ch != "\u2018"
                and i > 0
                and (text[i - 1].isalnum() or text[i - 1] == "_")
                and i + 1 < n
                and text[i + 1] in "sS"
                and (i + 2 >= n or not (text[i + 2].isalnum() or text[i + 2] == "_"))
            )
            if possessive:
                out.append((" ", offset + i))
            continue
        for low in ch.lower():
            out.append((low, offset + i))
    return out


def degrade_sentence(sentence: str, offset: int = 0) -> tuple[str, list[int]]:
    """Degrade one sentence; return the text and the origin of each character."""
    chars = _clean_characters(sentence, offset)
    cleaned = "".join(c for c, _ in chars)
    pieces: list[str] = []
    origin: list[int] = []
    for match in TOKEN_PATTERN.finditer(cleaned):
        if pieces:
            pieces.append(" ")
            origin.append(-1)
        pieces.append(match.group())
        origin.extend(src for _, src in chars[match.start() : match.end()])
    return "".join(pieces), origin


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split clean text into sentence spans the way the corpus form does."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        line_start = line.start()
        body = line.group()
        cursor = 0
        for brk in SENTENCE_BREAK.finditer(body):
            spans.append((line_start + cursor, line_start + brk.start()))
            cursor = brk.end()
        spans.append((line_start + cursor, line_start + len(body)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def degrade_text(text: str, keep_lines: bool = False) -> DegradedText:
    """Degrade a whole clean article into the corpus form, with alignment.

    With ``keep_lines`` each input line is taken as one sentence (for input that
    is already one sentence per line).
    """
    if keep_lines:
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    else:
        spans = split_sentences(text)
    lines: list[str] = []
    origin: list[int] = []
    for start, end in spans:
        sentence, sentence_origin = degrade_sentence(text[start:end], start)
        if not sentence:
            continue
        if lines:
            origin.append(-1)
        lines.append(sentence)
        origin.extend(sentence_origin)
    return DegradedText("\n".join(lines), tuple(origin))


def degrade_tokens(tokens: list[str]) -> tuple[list[str], list[int]]:
    """Degrade an already tokenized sentence, token by token.

    Returns the degraded tokens and, for each, the index of the source token it
    came from, so token-level labels (CoNLL IOB tags) stay aligned.  A source
    token may vanish (a lone quote mark) or split in several (``10:30``).
    """
    out_tokens: list[str] = []
    source: list[int] = []
    for index, token in enumerate(tokens):
        degraded, _ = degrade_sentence(token)
        for piece in degraded.split(" "):
            if piece:
                out_tokens.append(piece)
                source.append(index)
    return out_tokens, source
