"""Build a restored text while remembering where each character came from.

Restoration only ever keeps, deletes or replaces characters one for one (a
space becomes an apostrophe, a letter changes case), so every character of the
restored text comes from exactly one character of the original and the origin
map is strictly increasing.  That makes mapping spans both ways exact: a
restored span maps to the original characters from its first to its last
source character, and back again with a binary search.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field


@dataclass(frozen=True)
class NormalizedText:
    """The original input, the restored text NLP components read, and the map between them.

    ``origin[i]`` is the index in ``original`` of the character that became
    ``text[i]``; it is strictly increasing.  Characters of ``original`` that no
    index points to were deleted (only whitespace is ever deleted).
    ``sentence_starts`` lists the offsets in ``text`` where an input line began
    when the input was degraded (one sentence per line), else it is empty.
    """

    original: str
    text: str
    degraded: bool
    signals: dict[str, float] = field(default_factory=dict)
    origin: tuple[int, ...] = ()
    sentence_starts: tuple[int, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``[start, end)`` of ``text`` to the exact span of ``original``.

        The original span runs from the source of the first character to just
        after the source of the last one, so deleted whitespace inside the span
        is included.  An empty span maps to the empty span at its position.
        """
        _check_span(start, end, len(self.text), "text")
        if start == end:
            position = self._original_position(start)
            return position, position
        return self.origin[start], self.origin[end - 1] + 1

    def from_original(self, start: int, end: int) -> tuple[int, int] | None:
        """Map the span ``[start, end)`` of ``original`` to the span of ``text`` it became.

        Returns ``None`` when the span is not empty but all its characters were
        deleted (it held only whitespace).  An empty span maps to the empty span
        at the matching position, so ``from_original(*to_original(s, e))``
        gives back ``(s, e)`` for every span.
        """
        _check_span(start, end, len(self.original), "original")
        first = bisect_left(self.origin, start)
        if start == end:
            return first, first
        last = bisect_left(self.origin, end, first)
        if first == last:
            return None
        return first, last

    def _original_position(self, position: int) -> int:
        """The offset in ``original`` that matches the offset ``position`` of ``text``."""
        if position < len(self.origin):
            return self.origin[position]
        return self.origin[-1] + 1 if self.origin else 0


def _check_span(start: int, end: int, length: int, name: str) -> None:
    if not 0 <= start <= end <= length:
        raise ValueError(f"span ({start}, {end}) is not inside {name} of length {length}")


def identity(original: str, signals: dict[str, float]) -> NormalizedText:
    """The record for input that is passed through untouched."""
    return NormalizedText(
        original=original,
        text=original,
        degraded=False,
        signals=signals,
        origin=tuple(range(len(original))),
    )


class EditBuilder:
    """Walk through the original once, keeping, deleting or replacing characters.

    Every call moves a cursor forward to ``end``; edits are therefore made in
    order and cannot overlap.  Whatever follows the last edit is deleted.
    """

    def __init__(self, original: str) -> None:
        self._original = original
        self._pieces: list[str] = []
        self._origin: list[int] = []
        self._cursor = 0
        self.length = 0

    @property
    def cursor(self) -> int:
        return self._cursor

    def keep(self, end: int) -> None:
        """Copy ``original[cursor:end]`` unchanged."""
        self._pieces.append(self._original[self._cursor : end])
        self._origin.extend(range(self._cursor, end))
        self.length += end - self._cursor
        self._cursor = end

    def delete(self, end: int) -> None:
        """Drop ``original[cursor:end]``."""
        self._cursor = max(self._cursor, end)

    def replace(self, replacement: str) -> None:
        """Put ``replacement`` in place of as many original characters."""
        end = self._cursor + len(replacement)
        if end > len(self._original):
            raise ValueError("replacement runs past the end of the original")
        self._pieces.append(replacement)
        self._origin.extend(range(self._cursor, end))
        self.length += len(replacement)
        self._cursor = end

    def build(self) -> tuple[str, tuple[int, ...]]:
        """The restored text and its origin map."""
        return "".join(self._pieces), tuple(self._origin)
