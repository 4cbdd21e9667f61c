"""Quoted stretches of text: every pair of quote marks, in any style.

A single pass over the quote-mark characters of the text pairs openers with
closers: curly (“ ”), straight (" "), guillemets (« »), low-high („ “), single
(‘ ’ and ' ') and TeX-style (`` '').  Single marks double as apostrophes, so
they open only at a word start and close only at a word end, and never while
a double quote is open (they are the nested quote then).  A quote that runs
to the end of a paragraph unclosed goes on when the next paragraph opens with
a quote mark (news style for quotes over several paragraphs); otherwise it is
closed at the paragraph end.  Degraded text has no marks and yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.attribution.cues import QUOTE_PAIRS

#: Any character or pair that may open or close a quote.
_MARK = re.compile(r"``|''|[\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\"']")
#: A paragraph break: a blank line, or a line break followed by indentation.
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=[ \t])")
#: Longest quote accepted: an unbalanced mark must not swallow the article.
MAX_QUOTE_CHARS = 4000
#: Marks that are only ever openers, only ever closers, and those that may be both.
OPENERS = frozenset({"\u201c", "\u201e", "\u00ab", "\u2018", "``"})
CLOSERS = frozenset({"\u201d", "\u00bb", "\u2019", "''"})
SINGLE = frozenset({"'", "\u2018", "\u2019"})


@dataclass(frozen=True)
class MarkedQuote:
    """A quoted stretch: ``start``/``end`` include the marks, ``inner`` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.inner_start, self.inner_end


def _can_open(text: str, start: int, end: int) -> bool:
    """A mark opens where a word may start after it and none ends before it."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not after.isspace() and (before.isspace() or before in "([{—–-/:;,")


def _can_close(text: str, start: int, end: int) -> bool:
    """A mark closes where a word ended before it and none starts after it."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _paragraph_ends(text: str) -> list[int]:
    return [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    """Every quoted stretch of ``text``, in order, nested single quotes left inside."""
    if not any(ch in text for ch in "\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\"'`"):
        return []
    paragraph_ends = _paragraph_ends(text)
    found: list[MarkedQuote] = []
    open_mark: str | None = None
    open_at = 0
    open_end = 0
    paragraph = 0
    for match in _MARK.finditer(text):
        mark, start, end = match.group(), match.start(), match.end()
        resumed = False
        while paragraph < len(paragraph_ends) - 1 and paragraph_ends[paragraph] <= start:
            # A paragraph ended while a quote was open.
            if open_mark is not None:
                resumed = _resumes(text, paragraph_ends[paragraph], start, mark, open_mark)
                if not resumed:
                    close_at = paragraph_ends[paragraph]
                    found.append(MarkedQuote(open_at, close_at, open_end, _rstrip(text, open_end, close_at),
                                             closed=False))
                    open_mark = None
            paragraph += 1
        if resumed:
            continue  # the opening mark of the next paragraph of the same quote
        if open_mark is None:
            if mark in ("'", "\u2018") and not _can_open(text, start, end):
                continue
            if mark in CLOSERS and mark not in ("\u00bb", "''"):
                continue
            if mark in ('"', "''") and not _can_open(text, start, end):
                continue  # straight and doubled single marks open only where a word starts
            open_mark, open_at, open_end = mark, start, end
            continue
        closers = QUOTE_PAIRS.get(open_mark, "")
        if open_mark not in SINGLE and mark in SINGLE:
            continue  # a nested single quote or an apostrophe inside a double quote
        if mark in closers or (mark == "''" and open_mark in ("``", "''")):
            if open_mark in SINGLE and not _can_close(text, start, end):
                continue  # an apostrophe: don't, dogs'
            if start - open_end > MAX_QUOTE_CHARS:
                open_mark = None
                continue
            if start > open_end:
                found.append(MarkedQuote(open_at, end, open_end, start))
            open_mark = None
        elif mark == open_mark and mark in OPENERS and _can_open(text, start, end):
            # An opener again without a closer (paragraph-continuation already handled): restart.
            open_at, open_end = start, end
    if open_mark is not None:
        close_at = next(e for e in paragraph_ends if e > open_at)
        if close_at - open_end <= MAX_QUOTE_CHARS:
            found.append(MarkedQuote(open_at, close_at, open_end, _rstrip(text, open_end, close_at),
                                     closed=False))
    return [q for q in found if text[q.inner_start:q.inner_end].strip()]


def _resumes(text: str, paragraph_end: int, next_mark: int, mark: str, open_mark: str) -> bool:
    """Does the paragraph after ``paragraph_end`` open with a quote mark, continuing the quote?"""
    rest = text[paragraph_end:next_mark]
    return not rest.strip() and (mark == open_mark or mark in OPENERS)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def word_count(text: str) -> int:
    """Words in a stretch of text (tokens with a letter or digit)."""
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))
