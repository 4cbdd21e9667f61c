"""Context checks for words that are dates only sometimes, and the tense of a clause.

The grammar in :mod:`dateline.times.rules` finds candidates; the checks here
decide, from the neighbouring words and (when a spaCy ``Doc`` is at hand) the
tags, whether a candidate is really a time.  In lowercased text ``may``,
``march``, ``the fall`` and a bare ``2000`` are words or numbers far more often
than dates, so each needs a corroborating neighbour.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from dateline.times.lexicon import AMBIGUOUS_MONTHS, MONTH_ABBREVIATIONS, MONTHS, SEASONS
from dateline.times.rules import Match

_WORD = re.compile(r"[\w'$%#.-]+|[^\w\s]")

#: Words before a month or year that make it a date: ``in may``, ``since march``, ``by 2020``.
TEMPORAL_PREPOSITIONS = frozenset({
    "in", "since", "until", "till", "by", "during", "through", "throughout", "from", "before",
    "after", "early", "late", "mid", "between", "last", "next", "this", "of", "to", "around",
    "about", "fiscal", "circa", "into", "on", "for", "and", "or", "than", "spring", "summer",
    "fall", "autumn", "winter", "year", "class",
})
#: Words before ``of may`` that make it a date: ``the end of may``, ``the first week of march``.
PERIOD_HEADS = frozenset({
    "end", "beginning", "start", "middle", "half", "part", "week", "weeks", "days", "month",
    "ides", "rest", "remainder", "course", "months",
})
#: After a month alone, words that show it was a verb or an auxiliary: ``may be``, ``march on``.
VERB_FOLLOWERS = frozenset({
    "be", "have", "not", "also", "still", "well", "never", "soon", "even", "only", "just",
    "already", "yet", "become", "need", "want", "take", "make", "do", "go", "get", "seem",
    "on", "against", "toward", "towards", "down", "up", "into", "out", "through", "past", "to",
    "along", "across", "forward", "back", "ahead", "off", "away",
})
#: Before a bare year, words that show it was an amount: ``$ 2000``, ``some 2000``.
AMOUNT_MARKERS = frozenset({
    "$", "#", "no", "no.", "number", "some", "nearly", "almost", "about", "approximately",
    "roughly", "over", "under", "than", "only", "just", "and", "or", "at", "to", "from", "of",
    "with", "all", "the", "those", "these", "per", "us$", "£", "€", "rs", "uss",
})
#: After a bare year, words that show it was an amount or a name: ``2000 people``, ``1990 ford``.
AMOUNT_FOLLOWERS = frozenset({
    "%", "percent", "people", "troops", "soldiers", "dollars", "euros", "pounds", "shares",
    "tons", "tonnes", "miles", "kilometers", "km", "feet", "meters", "points", "times", "units",
    "cars", "jobs", "members", "men", "women", "children", "workers", "votes", "cases", "deaths",
    "acres", "barrels", "yen", "francs", "marks", "a", "to", "-", "x", "by",
})
#: After ``march 20``/``may 5``, words that make the number an amount.
UNIT_FOLLOWERS = frozenset({
    "%", "percent", "people", "troops", "soldiers", "miles", "kilometers", "km", "feet", "meters",
    "points", "times", "more", "other", "others", "of", "new", "or", "-", "x",
})
#: Words after ``current`` that are not about time: ``current account``, ``electric current``.
CURRENT_NOT_TIME = frozenset({"account", "accounts", "affairs", "flow", "flows", "of", "assets",
                              "liabilities", "and", ",", "."})


class Neighbours:
    """Words around a span of the lowercased text, and spaCy tokens when a Doc is given."""

    def __init__(self, low: str, doc: Any = None) -> None:
        self.low = low
        self.doc = doc
        self._token_starts: list[int] | None = None

    @property
    def _starts(self) -> list[int]:
        """Token start offsets, read from the Doc on first use."""
        if self._token_starts is None:
            if self.doc is None:
                self._token_starts = []
            else:
                from spacy.attrs import IDX

                self._token_starts = self.doc.to_array([IDX]).ravel().tolist() if len(self.doc) else []
        return self._token_starts

    def words_before(self, start: int, n: int = 2) -> list[str]:
        """Up to ``n`` words just before ``start``, nearest last."""
        window = self.low[max(0, start - 40):start]
        return _WORD.findall(window)[-n:]

    def words_after(self, end: int, n: int = 2) -> list[str]:
        """Up to ``n`` words just after ``end``."""
        return _WORD.findall(self.low[end:end + 40])[:n]

    def token_index(self, offset: int) -> int | None:
        """Index of the spaCy token holding character ``offset``, if a Doc is known."""
        if not self._starts:
            return None
        i = bisect_right(self._starts, offset) - 1
        return max(i, 0)

    def token(self, offset: int) -> Any:
        i = self.token_index(offset)
        return self.doc[i] if i is not None else None

    def next_token(self, end: int) -> Any:
        """The first spaCy token starting at or after ``end``."""
        if not self._starts:
            return None
        i = bisect_right(self._starts, end - 1)
        return self.doc[i] if i < len(self.doc) else None


def _before(nb: Neighbours, match: Match) -> str:
    words = nb.words_before(match.start, 1)
    return words[-1] if words else ""


def _after(nb: Neighbours, match: Match, n: int = 1) -> list[str]:
    return nb.words_after(match.end, n)


def accept(match: Match, nb: Neighbours) -> bool:
    """Whether ``match`` is a time expression in its context."""
    check = _CHECKS.get(match.rule)
    return check(match, nb) if check else True


def _month_word(match: Match) -> str:
    return match.groups.get("mon", "").rstrip(". ")


def _check_month(match: Match, nb: Neighbours) -> bool:
    """A month alone: ambiguous words (``may``, ``march``) need a temporal neighbour."""
    word = _month_word(match)
    if match.groups.get("rel") or match.groups.get("mod"):
        return True
    if word in MONTH_ABBREVIATIONS and not match.groups["mon"].endswith("."):
        return False  # ``aug`` alone is not written in news; ``jan`` is a name
    if word not in AMBIGUOUS_MONTHS:
        token = nb.token(match.start)
        return token is None or token.pos_ in ("PROPN", "NOUN", "NUM", "X")
    before = nb.words_before(match.start, 2)
    after = _after(nb, match)
    if after and after[0] in VERB_FOLLOWERS:
        return False
    token = nb.token(match.start)
    if token is not None and token.tag_ == "MD":
        return False
    if not before:
        return False
    if before[-1] == "of":
        return len(before) > 1 and before[-2] in PERIOD_HEADS
    if before[-1] in ("to", "and", "or", "on", "for", "about", "around", "this"):
        # ``from april to may`` and ``april and may`` need a month on the other side.
        return len(before) > 1 and (before[-2].rstrip(".") in MONTHS or before[-2] in MONTH_ABBREVIATIONS)
    return before[-1] in TEMPORAL_PREPOSITIONS


def _check_month_day(match: Match, nb: Neighbours) -> bool:
    """``may 5``: the month must not be a modal, the number not an amount."""
    word = _month_word(match)
    if word not in AMBIGUOUS_MONTHS or match.groups.get("y"):
        return True
    token = nb.token(match.start) if match.rule == "month_day" else None
    if token is not None and token.tag_ == "MD" and token.lower_ == "may":
        return False
    if match.groups["mon"].endswith("."):
        return True  # ``jan. 14``, ``mar. 3``: an abbreviation with its period is a month
    after = _after(nb, match)
    if after and after[0] in UNIT_FOLLOWERS:
        return False  # ``march 20 miles``
    nxt = nb.next_token(match.end)
    if nxt is not None and nxt.tag_ == "NNS":
        return False  # ``may 5 people``
    return word not in MONTH_ABBREVIATIONS


def _check_year(match: Match, nb: Neighbours) -> bool:
    """A bare year: most four-digit numbers from 1500 to 2099 in news are years
    (``the 1996 olympic bombing``, ``a 1959 law``); amounts show by a currency or
    quantifier before (``$ 2000``, ``some 2000``), a counted noun after
    (``2000 people``) or figures around (``from 1500 to 2000 shares``)."""
    if match.groups.get("pre") or match.groups.get("mod"):
        return True
    before = nb.words_before(match.start, 2)
    after = _after(nb, match, 2)
    if after and (after[0] in AMOUNT_FOLLOWERS or after[0] in (",", ".") and len(after) > 1
                  and after[1].isdigit()):
        return False
    prev = before[-1] if before else ""
    if prev in AMOUNT_MARKERS - {"the", "of", "and", "to", "from", "than", "at", "with", "all"} or (
            prev.endswith("$") or (prev and prev[-1].isdigit())):
        return False
    if prev in ("to", "from", "and", "of", "than", "at", "with", "around") and _amount_context(nb, match):
        return False
    nxt = nb.next_token(match.end)
    if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in ("elections", "olympics", "games"):
        return False
    return True


def _amount_context(nb: Neighbours, match: Match) -> bool:
    """``from 1500 to 2000`` shares: a year between amounts."""
    window = nb.low[max(0, match.start - 30):match.end + 30]
    return bool(re.search(r"\$|%|percent|\d,\d{3}|points|shares|barrels", window))


def _check_short_year(match: Match, nb: Neighbours) -> bool:
    """``'89`` counts after a month or a temporal preposition, else it is a quote."""
    prev = _before(nb, match)
    return prev.rstrip(".") in MONTHS or prev in MONTH_ABBREVIATIONS or prev in (
        "in", "since", "of", "from", "to", "by", "until", "class", "fiscal", "early", "late", "mid")


def _check_relative(match: Match, nb: Neighbours) -> bool:
    """``the fall of mosul`` is not a season; ``the day`` alone is too vague to keep."""
    rel = match.groups.get("rel", "")
    unit = match.groups["unit"]
    after = _after(nb, match, 2)
    if rel == "its":
        return bool(match.groups.get("cal"))
    if nb.doc is not None and unit in ("week", "month", "year", "day", "weekend", "quarter"):
        written = nb.doc.text[match.start:match.end]
        if len(written) == match.end - match.start and not written.isupper() and re.search(
                r"\s[A-Z]\w*$", written):
            return False  # ``ABC's "This Week"``: a capitalized unit makes a title, not a time
    if unit in SEASONS:
        if rel in ("the", "that") or rel.startswith("the "):
            if after and after[0] == "of":
                return len(after) > 1 and bool(re.fullmatch(r"(1[5-9]|20)\d\d|'\d\d", after[1]))
            prev = _before(nb, match)
            return prev in ("in", "during", "by", "until", "since", "through", "throughout", "over",
                            "for", "this", "that", "last", "next", "early", "late", "before", "after")
        return True
    if unit == "season":
        return rel in ("this", "last", "next", "the coming", "the next", "the past", "this past")
    if unit == "period":
        return rel in ("the latest", "the same", "the previous", "the prior", "the current", "this",
                       "that") or bool(match.groups.get("ago"))
    if rel in ("last", "this", "next") and match.groups.get("ago") in (" before", " after") and after and (
            after[0][0].isalpha() and after[0] not in ("and", "or", "but")):
        return False  # ``last year after the war``: the period alone is read by another rule
    if rel == "the" and unit == "day" and match.groups.get("ago") == " before" and after and (
            after[0][0].isalpha() and after[0] not in ("and", "or", "but")):
        return False  # ``the day before authorities issued ...``: ``before`` heads a clause
    if rel == "the" and unit in ("day", "night", "century", "decade", "morning", "afternoon", "evening"):
        return bool(match.groups.get("mod")) or bool(match.groups.get("ago"))
    if rel == "that" and match.groups.get("mod") is None:
        prev = _before(nb, match)
        # ``said that year-end results`` is a complementizer, ``in that year`` a reference.
        if prev in ("said", "says", "say", "believe", "believes", "thought", "think", "so", "such"):
            return False
    if rel == "the" and not match.groups.get("mod") and after and after[0] in ("of", "in", "when"):
        return unit in ("year", "month", "week") and len(after) > 1 and bool(
            re.fullmatch(r"(1[5-9]|20)\d\d", after[1]))
    return True


def _check_reference(match: Match, nb: Neighbours) -> bool:
    """``as soon as`` and ``current account`` are not times."""
    word = match.groups["w"]
    after = _after(nb, match)
    prev = _before(nb, match)
    if word == "soon":
        return prev != "as" and not (after and after[0] in ("as", "after", "afterwards"))
    if word == "current":
        if not after or after[0] in CURRENT_NOT_TIME:
            return False
        nxt = nb.next_token(match.end)
        return nxt is None or nxt.pos_ in ("NOUN", "PROPN", "ADJ")
    if word == "now":
        if after and after[0] == "," and _sentence_initial(nb, match):
            return False  # ``Now, he says, ...``: a discourse marker, not the present
        return not (after and after[0] in ("-", "defunct"))
    if word == "future":
        nxt = nb.next_token(match.end)
        return bool(after) and after[0].isalpha() and (nxt is None or nxt.pos_ == "NOUN")
    if word in ("recent", "the past", "the future"):
        return not (after and after[0] in ("-",))
    return True


def _sentence_initial(nb: Neighbours, match: Match) -> bool:
    """Whether ``match`` opens a sentence (or a quotation)."""
    before = nb.low[max(0, match.start - 3):match.start].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"'`:;"


def _check_duration(match: Match, nb: Neighbours) -> bool:
    """``a second term`` is an ordinal, not a second of time; ages are not times."""
    unit = match.groups["unit"]
    if match.groups.get("tail", "").strip() in ("-old", "old"):
        return False  # ``a 6-year-old boy``: an age (TimeBank leaves ages out)
    q = match.groups["q"]
    if unit.startswith("quarter") and nb.low[match.start:match.end].rstrip("s").endswith("-quarter") \
            and not (match.groups.get("det") or match.groups.get("rel")):
        after = _after(nb, match)
        if after and after[0] == "of":
            return False  # ``three-quarters of its grain``: a fraction, not nine months
    if unit == "second" and q in ("a", "an", "the"):
        return False
    if unit in ("second", "seconds") and match.groups.get("rel") in ("first",):
        return False
    if q in ("some",) and unit in ("time",):
        return False
    after = _after(nb, match)
    if q in ("a", "an") and unit in ("second", "minute") and after and after[0].isalpha():
        nxt = nb.next_token(match.end)
        if nxt is not None and nxt.pos_ == "NOUN":
            return False
    return True


def _check_vague(match: Match, nb: Neighbours) -> bool:
    """Bare plurals count after ``for``/``over``/``in``/``within`` or with a qualifier."""
    pre = match.groups.get("pre", "")
    if match.groups.get("tail") == "-old":
        return False
    if pre.strip() == "the":
        return False  # ``the years of war``: too vague to mark
    if pre:
        return True
    if match.groups.get("tail"):
        return True
    prev = _before(nb, match)
    after = _after(nb, match)
    if after and after[0] in ("ago", "later", "earlier"):
        return True
    return prev in ("for", "over", "within", "take", "takes", "took", "taken", "spent", "lasted",
                    "last", "after", "in", "than", "about", "only", "just")


def _check_clock(match: Match, nb: Neighbours) -> bool:
    """A bare ``10:35`` is a time only after ``at``/``by`` or before a zone or a day."""
    if match.groups.get("h2") is None:
        return True
    if match.groups.get("tz") or match.groups.get("day"):
        return True
    return _before(nb, match) in ("at", "by", "until", "till", "from", "around", "about", "before",
                                  "after", "since")


def _check_holiday(match: Match, nb: Neighbours) -> bool:
    """``easter island`` and ``christmas tree`` are not days."""
    after = _after(nb, match)
    return not (after and after[0] in ("island", "islands", "tree", "trees", "card", "cards",
                                       "bunny", "egg", "eggs", "carol", "carols", "party"))


def _check_set(match: Match, nb: Neighbours) -> bool:
    """``per second`` in a unit (``meters per second``) and ``every second`` word are not sets."""
    unit = match.groups.get("unit", "")
    if unit in ("second",) or match.groups.get("n") == "other" and not unit:
        return False
    adv = match.groups.get("adv")
    if adv in ("annually", "daily", "yearly"):
        # ``20% annually``, ``5,000 tons annually``, ``average daily volume``: part of an
        # amount or a measure, which TimeBank leaves unmarked.
        window = nb.low[max(0, match.start - 30):match.start]
        words = _WORD.findall(window)[-3:]
        if words and words[-1] == "average":
            return False
        if adv != "daily" and any(any(c.isdigit() for c in w) or w in ("%", "percent") for w in words):
            return False
    if adv == "quarterly":
        # ``a quarterly dividend``: an adjective of finance, not a recurring time.
        nxt = nb.next_token(match.end)
        after = _after(nb, match)
        return not (after and after[0].isalpha() and (nxt is None or nxt.pos_ in ("NOUN", "ADJ")))
    return True


def _check_weekday(match: Match, nb: Neighbours) -> bool:
    """Newspaper titles and names: ``the sunday times``, ``bloody sunday``."""
    after = _after(nb, match)
    return not (after and after[0] in ("times", "telegraph", "express", "mirror", "herald",
                                       "school", "schools", "paper", "edition", "supplement"))


def _check_part_of_day(match: Match, nb: Neighbours) -> bool:
    """``the night`` is too vague; ``the morning`` (of the day in focus) is kept."""
    return not (match.groups.get("rel") == "the" and match.groups.get("pod") == "night")


_CHECKS = {
    "part_of_day": _check_part_of_day,
    "month": _check_month,
    "month_day": _check_month_day,
    "day_month": _check_month_day,
    "month_year": lambda m, nb: True,
    "year": _check_year,
    "short_year": _check_short_year,
    "relative_period": _check_relative,
    "reference": _check_reference,
    "duration": _check_duration,
    "vague_duration": _check_vague,
    "clock": _check_clock,
    "holiday": _check_holiday,
    "set": _check_set,
    "weekday": _check_weekday,
}


def trim(match: Match, low: str) -> tuple[int, int]:
    """The span TimeBank would mark for ``match``.

    ``the 46-minute recording`` marks ``46-minute`` (the article belongs to the
    noun), and ``over the past two years`` marks ``the past two years`` (``over``
    is a preposition there).
    """
    start, end = match.start, match.end
    text = low[start:end]
    groups = match.groups
    if match.rule == "duration":
        q = groups.get("q", "")
        if groups.get("mod") in ("over", "under", "only", "just") and (
                groups.get("det") or groups.get("rel")):
            start += len(groups["mod"]) + 1
            text = low[start:end]
        if text.startswith("the ") and re.search(rf"{re.escape(q)}-[a-z]", text) and not groups.get("rel"):
            start += 4
    if match.rule == "vague_duration" and groups.get("pre", "").startswith("in "):
        start += 3
    return start, end


# --- tense -------------------------------------------------------------------------------

_FUTURE_AUX = frozenset({"will", "wo", "'ll", "ll", "shall"})
#: Modals that point ahead when followed by a bare verb: ``may march on sunday``.
_MODALS_AHEAD = frozenset({"may", "might", "should", "must", "can"})
_FUTURE_VERBS = frozenset({"expect", "plan", "schedule", "intend", "hope", "aim", "set", "due",
                           "propose", "vow", "promise", "threaten", "prepare"})


def tense_at(doc: Any, token_index: int | None) -> str | None:
    """``past``, ``future`` or ``present`` for the clause of token ``token_index``.

    Climbs from the token to the verb that governs it (at most four steps) and
    reads that verb's tag and auxiliaries: ``will``/``'ll``/``shall`` or ``to`` after
    ``expected``/``scheduled`` make it future, a past tag (``VBD``) or a perfect
    (``has``/``had`` + ``VBN``) past, anything else present.
    """
    if doc is None or token_index is None or token_index >= len(doc):
        return None
    token = doc[token_index]
    before = doc[max(0, token_index - 3):token_index].text.lower()
    if before.endswith(("until", "till", "as soon as", "as early as", "no later than")):
        return "future"  # ``postponed until tuesday``: a deadline ahead
    verb = token
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ != "aux":
            break
        if verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in aux}
    if aux_words & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return "future"
    if "going" in aux_words or "to" in aux_words and verb.head is not verb and (
            verb.head.lemma_ in _FUTURE_VERBS or verb.head.lower_ in _FUTURE_AUX):
        return "future"
    if "to" in aux_words and verb.head is not verb:
        # ``to meet`` under a past verb (``agreed to meet``) points ahead of that past.
        head_aux = {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
        if head_aux & _FUTURE_AUX or verb.head.lemma_ in _FUTURE_VERBS:
            return "future"
    if aux_words & _MODALS_AHEAD and verb.tag_ == "VB" and "have" not in aux_words:
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        if "would" in aux_words or "could" in aux_words:
            return None
        return "past"
    if verb.tag_ == "VBN" and aux_words & {"has", "have", "had", "'ve", "'s"}:
        return "past"
    if verb.tag_ == "VBN" and not aux:
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return "present"
    return None
