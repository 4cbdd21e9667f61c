"""When the people and things an article names were current: evidence for its date.

A report that writes ``President Clinton`` was almost surely written during
his term; ``Prime Minister Netanyahu`` narrows that to the years both held
office; ``the Soviet Union`` named as current puts it before 1992.  The table
``data/periods.tsv`` holds terms of office and the years some states,
currencies and organisations existed under a name.  Each mention found in
the text becomes a :class:`Period`: the windows it points to and how strongly.

* a title followed by a name the table gives for that office (``secretary of
  state madeleine albright``, ``president clinton``) is strong evidence;
* a generic title that names no body (``chairman``, ``leader``, ``gen.``)
  before a bare surname is weak: ``chairman powell`` may chair a central
  bank or the joint chiefs; with the body (``joint chiefs chairman powell``)
  or a full name it is strong again;
* a full name or a distinctive surname alone (``boris yeltsin``) is weaker:
  people are named before and after they hold an office;
* ``former`` or ``ex-`` before the title or name turns the window round: the
  article was written after the term ended;
* where several terms fit the same mention (``president bush``), the windows
  of all of them are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

#: How likely a mention is on a day outside its windows: a title in office, a
#: name alone, a thing's name (history is told too), a term told as ``former``.
MISS_TITLE = 0.03
MISS_ALONE = 0.25
MISS_NAME = 0.3
MISS_FORMER = 0.2

#: Titles that do not say which body: before a surname alone they weigh like a name alone.
GENERIC_TITLES = frozenset({"chairman", "chair", "chairwoman", "leader", "general", "gen.", "colonel", "col.",
                            "managing director", "prince"})

_FORMER = re.compile(r"(?:\b(?:former|ex|then|the late|late)[\s-]+)$")
#: A word before the title that makes it another office (``deputy attorney general``).
_OTHER_OFFICE = re.compile(r"\b(?:deputy|assistant|associate|under|vice|acting)[\s-]+$")


@dataclass(frozen=True)
class Period:
    """What one mention says: the day lies in one of ``windows`` (``end`` None: still current).

    ``miss`` is the likelihood of the mention on a day outside every window,
    relative to one inside.
    """

    text: str
    windows: tuple[tuple[date, date | None], ...]
    miss: float


@dataclass(frozen=True)
class _Row:
    start: date
    end: date | None
    kind: str
    titles: tuple[str, ...]
    names: tuple[str, ...]
    alone: tuple[str, ...]


def _day(text: str) -> date | None:
    if text == "-":
        return None
    year, month, day = (int(part) for part in text.split("-"))
    return date(year, month, day)


def _split(text: str) -> tuple[str, ...]:
    return () if text == "-" else tuple(part.strip() for part in text.split("|") if part.strip())


@lru_cache(maxsize=1)
def rows() -> tuple[_Row, ...]:
    """The rows of ``data/periods.tsv``."""
    text = resources.files("dateline.data").joinpath("periods.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        start, end, kind, titles, names, alone = line.split("\t")
        out.append(_Row(_day(start), _day(end), kind, _split(titles), _split(names),  # type: ignore[arg-type]
                        _split(alone)))
    return tuple(out)


@dataclass(frozen=True)
class _Index:
    pattern: re.Pattern[str]
    after_title: dict[str, list[_Row]]
    alone: dict[str, list[_Row]]
    things: dict[str, list[_Row]]
    titles: re.Pattern[str]


@lru_cache(maxsize=1)
def _index() -> _Index:
    after_title: dict[str, list[_Row]] = {}
    alone: dict[str, list[_Row]] = {}
    things: dict[str, list[_Row]] = {}
    titles: set[str] = set()
    for row in rows():
        if row.kind == "name":
            for name in row.names:
                things.setdefault(name, []).append(row)
            continue
        titles.update(row.titles)
        for name in row.names:
            after_title.setdefault(name, []).append(row)
        for name in row.alone:
            alone.setdefault(name, []).append(row)
    names = set(after_title) | set(alone) | set(things)
    pattern = re.compile(r"(?<![\w.])" + _alternation(names) + r"(?![\w-])")
    ordered = sorted(titles, key=len, reverse=True)
    title_pattern = re.compile(r"(?:^|[^\w.])(" + "|".join(re.escape(t) for t in ordered)
                               + r")[\s,]+$")
    return _Index(pattern, after_title, alone, things, title_pattern)


def _alternation(words: Iterable[str]) -> str:
    """A regex group matching any of ``words``, the longest first where several match.

    The words are factored by their common prefixes (a trie): the engine
    reads a character once for all the names that share it instead of trying
    each of hundreds of names in turn.  Where a word ends and a longer one
    goes on, the longer is tried first, so the match is that of a plain
    alternation of the words sorted longest first.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def group(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + group(child) for char, child in sorted(node.items()) if char]
        if "" in node:
            branches.append("")  # tried last: a longer word goes first
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return "(?:" + group(trie) + ")"


def _after(end: date | None) -> tuple[tuple[date, date | None], ...]:
    return () if end is None else ((end, None),)


def find_periods(low: str) -> list[Period]:
    """The periods the mentions of ``low`` (lowercased text) point to, one per distinct reading."""
    index = _index()
    found: dict[tuple[tuple[tuple[date, date | None], ...], float], Period] = {}
    for m in index.pattern.finditer(low):
        name = m.group()
        before = low[max(0, m.start() - 60):m.start()]
        windows: tuple[tuple[date, date | None], ...] = ()
        miss = 0.0
        title = index.titles.search(before)
        rows_titled = [r for r in index.after_title.get(name, ()) if title and title.group(1) in r.titles]
        if rows_titled and _OTHER_OFFICE.search(before[:title.start(1)]):  # type: ignore[union-attr]
            continue
        if rows_titled:
            former = _FORMER.search(before[:title.start(1)])  # type: ignore[union-attr]
            if former:
                windows = tuple(w for r in rows_titled for w in _after(r.end))
                miss = MISS_FORMER
            else:
                windows = tuple((r.start, r.end) for r in rows_titled)
                miss = _title_miss(title.group(1), name)  # type: ignore[union-attr]
        elif name in index.things or name in index.alone:
            former = _FORMER.search(before)
            chosen = index.things.get(name) or index.alone[name]
            if former:
                windows = tuple(w for r in chosen for w in _after(r.end))
                miss = MISS_FORMER
            else:
                windows = tuple((r.start, r.end) for r in chosen)
                miss = MISS_NAME if name in index.things else MISS_ALONE
        if not windows:
            continue
        key = (tuple(sorted(windows, key=lambda w: w[0])), miss)
        if key not in found:
            found[key] = Period(name, key[0], miss)
    return _strongest(list(found.values()))


def _title_miss(title: str, name: str) -> float:
    """How strongly a title and the name after it bound the day: weakly for a generic title and a surname."""
    return MISS_ALONE if title in GENERIC_TITLES and " " not in name else MISS_TITLE


def _strongest(periods: list[Period]) -> list[Period]:
    """One reading per set of windows, the strongest (``president clinton`` over ``bill clinton``)."""
    best: dict[tuple[tuple[date, date | None], ...], Period] = {}
    for p in periods:
        if p.windows not in best or p.miss < best[p.windows].miss:
            best[p.windows] = p
    return list(best.values())


def inside(day: date, period: Period) -> bool:
    """Whether ``day`` falls in one of the period's windows."""
    return any(start <= day and (end is None or day <= end) for start, end in period.windows)
