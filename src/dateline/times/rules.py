"""The detection grammar: where time expressions are, before anything is computed.

Each rule is a named regular expression over the *lowercased normalized*
text (so ``Thursday`` and ``thursday`` read alike), compiled once.  Spans
follow TimeBank's conventions: determiners and modifiers are inside
(``the past two months``, ``almost a year``, ``earlier this year``),
prepositions are outside (``on thursday`` → ``thursday``).

Matches of all rules are pooled; where they overlap the longest wins, then the
earlier rule.  Words that are dates only sometimes (``may``, ``march``,
``the fall``, a bare year) are checked against their context with spaCy's
tags in :mod:`dateline.times.context` before they count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from dateline.times.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    ONES,
    ORDINALS,
    TENS,
    WEEKDAYS,
    alternation,
)

# --- building blocks -----------------------------------------------------------------------

#: Start of a word (no letter, digit or apostrophe just before).
_B = r"(?<![\w'])"
#: End of a word (hyphenated compounds stay whole: ``two-year`` is one token).
_E = r"(?![\w-])"
_ONES_1_9 = "one|two|three|four|five|six|seven|eight|nine"
#: Numbers written as words, ``one`` to ``ninety-nine``.
_NUMWORD = rf"(?:(?:{alternation(TENS)})(?:[-\s](?:{_ONES_1_9}))?|{alternation(ONES)})"
#: A quantity: digits, number words, ``a``/``an``, ``a couple of``, ``a dozen``.
_NUM = (rf"(?:\d+(?:\.\d+)?|(?:{_NUMWORD}|a)\s(?:hundred|thousand)|{_NUMWORD}|a\scouple\sof|couple\sof"
        rf"|a\sdozen|an?)")
#: A half added to a quantity: ``2 1/2``, ``a year and a half`` is handled by the unit.
_HALF = r"(?:\s1/2|\s?½|-and-a-half|\sand\sa\shalf)"
#: Quantities with no exact number (value ``X``).
_VAGUE = r"(?:several|a\sfew|few|many|some|a\snumber\sof|numerous|dozens\sof|hundreds\sof)"
_QTY = rf"(?:{_NUM}{_HALF}?|half\san?|{_VAGUE})"
_UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|weekends?|months?"
         r"|quarters?|years?|decades?|century|centuries|millennium|millennia)")
_UNIT_PLURAL = r"(?:seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries)"
#: A month: full name, or an abbreviation (with or without its period).
_MONTH = rf"(?:{alternation(MONTHS)}|(?:{alternation(MONTH_ABBREVIATIONS)})(?:\s?\.)?)"
#: A day of the month, ``7``, ``07``, ``7th``.
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
#: A plausible year: 1500–2099 (other four-digit numbers are amounts).
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_WEEKDAY = rf"(?:{alternation(WEEKDAYS)}|tues\.?|thurs\.?)"
_WEEKDAYS_PLURAL = rf"(?:{alternation(w + 's' for w in WEEKDAYS)})"
_POD = r"(?:morning|afternoon|evening|night)"
#: Edge modifiers on a period: ``early``/``late``/``mid``/``the end of`` ... (TIMEX3 mod).
_EDGE = (r"(?:earlier|later|early|late|mid-?|the\send\sof|the\sbeginning\sof|the\sstart\sof"
         r"|the\smiddle\sof|the\srest\sof|the\sremainder\sof|the\sbalance\sof|the\sfirst\shalf\sof"
         r"|the\ssecond\shalf\sof|the\slatter\spart\sof|the\searly\spart\sof|the\send\sof\sthe"
         r"|end-|late-)")
#: Quantity modifiers: ``about``, ``almost``, ``more than`` ... (TIMEX3 mod).
_APPROX = (r"(?:about|around|approximately|roughly|some|almost|nearly|close\sto|more\sthan|less\sthan"
           r"|fewer\sthan|at\sleast|at\smost|no\smore\sthan|no\sless\sthan|over|under|up\sto"
           r"|just\sover|just\sunder|well\sover|barely|only|just|a\slittle\sover)")
_ORD = r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
_TZ = r"(?:est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|local\stime)"


@dataclass(frozen=True)
class Rule:
    """One detection rule: a name (also the normalizer's key) and its pattern."""

    name: str
    pattern: str


# --- the rules, in priority order for equally long matches --------------------------------

#: ``2017-09-28`` and ``2017-09-28T10:00``: ISO 8601 dates.
ISO_DATE = Rule("iso_date", rf"{_B}(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                            rf"(?:t(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?(?![\w])")
#: ``9/28/2017``, ``09/28/17``: US numeric dates, month first.
SLASH_DATE = Rule("slash_date", rf"{_B}(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])"
                                rf"/(?P<y>{_YEAR}|\d\d){_E}")
#: ``aug. 7, 1998``, ``friday, oct. 23``, ``march 12``: month then day, year optional.
MONTH_DAY = Rule("month_day", rf"{_B}(?:(?P<wd>{_WEEKDAY})\s?,?\s)?(?:(?P<mod>early|late|mid)\s)?"
                              rf"(?P<mon>{_MONTH})\s?(?P<d>{_DAY})(?!\d|:\d|\.\d|,\d\d\d|\s?%)"
                              rf"(?:\s?,?\s?(?P<y>{_YEAR}))?{_E}")
#: ``7 august 2017``, ``the 7th of august``: day then month, year optional.
DAY_MONTH = Rule("day_month", rf"{_B}(?:(?P<wd>{_WEEKDAY})\s?,?\s)?(?:the\s)?(?P<d>{_DAY})\s(?:of\s)?"
                              rf"(?P<mon>{_MONTH})(?:\s?,?\s?(?P<y>{_YEAR}))?{_E}")
#: ``november 2016``, ``early december 1998``, ``july of 1988``: month and year.
MONTH_YEAR = Rule("month_year", rf"{_B}(?:(?P<mod>{_EDGE})\s?)?(?P<mon>{_MONTH})\s?,?\s?(?:of\s)?"
                                rf"(?P<y>{_YEAR}|'\d\d){_E}")
#: ``july``, ``last november``, ``mid-november``, ``the end of march``: a month alone;
#: ``june last year``, ``early october this year``: a month of a year named relatively,
#: one expression (TimeBank marks it whole, valued as the month).
MONTH = Rule("month", rf"{_B}(?:(?P<rel>last|next|this|that|coming|past)\s|(?P<mod>{_EDGE})\s?)?"
                      rf"(?P<mon>{_MONTH})(?:\s(?P<yrel>this|last|next)\syear(?!'))?{_E}")
#: ``the fall of 1998``, ``summer 2016``, ``early spring 1990``: a season of a year.
SEASON_YEAR = Rule("season_year", rf"{_B}(?:(?P<mod>{_EDGE})\s?)?(?:the\s)?(?P<season>spring|summer|fall|autumn"
                                  rf"|winter)\s(?:of\s)?(?P<y>{_YEAR}){_E}")
#: ``1990``, ``fiscal 1989``, ``mid-1996``, ``the end of 1990``: a year.
YEAR = Rule("year", rf"{_B}(?:(?P<pre>fiscal(?:\syear)?|calendar(?:\syear)?|the\syear|model\syear)\s|"
                    rf"(?P<mod>{_EDGE})\s?)?(?P<y>{_YEAR})(?![\w%-]|,\d|\.\d)")
#: ``the 1988 period``: a period named by its year, in comparisons of results.
YEAR_PERIOD = Rule("year", rf"{_B}the\s(?P<y>{_YEAR})\s(?:period|quarter|fiscal\syear|season){_E}")
#: ``'89``: a two-digit year after a month or a temporal preposition (checked in context).
SHORT_YEAR = Rule("short_year", rf"(?<=\s)'(?P<y>\d\d){_E}")
#: ``the 1990s``, ``the mid-1990s``, ``the '80s``: decades.
DECADE = Rule("decade", rf"{_B}(?:the\s)?(?:(?P<mod>early|late|mid)(?:\s|-))?"
                        rf"(?:(?P<dec>(?:1[5-9]|20)\d0|'\d0)'?s|(?P<word>twenties|thirties|forties|fifties|sixties"
                        rf"|seventies|eighties|nineties)){_E}")
#: ``the 20th century``, ``the early nineteenth century``.
CENTURY = Rule("century", rf"{_B}(?:the\s)?(?:(?P<mod>early|late|mid)(?:\s|-))?"
                          rf"(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{alternation(ORDINALS)}"
                          rf"|(?:twenty|nineteen)-?first)[\s-]century{_E}")
#: ``nineteen ninety-six``, ``the year two thousand``: years said aloud (broadcast transcripts),
#: with the month or season they date: ``january nineteen ninety-seven``.
SPOKEN_YEAR = Rule("spoken_year", rf"{_B}(?:(?P<mon>{_MONTH})\s(?:of\s)?|(?:the\s)?(?P<season>spring|summer"
                                  rf"|fall|autumn|winter)\s(?:of\s)?)?(?:the\syear\s)?"
                                  rf"(?:nineteen\s(?P<rest>(?:{alternation(TENS)})"
                                  rf"(?:[-\s](?:{_ONES_1_9}))?|ten|eleven|twelve|thirteen|fourteen"
                                  rf"|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
                                  rf"|(?P<y2k>the\syear\stwo\sthousand)){_E}")
#: ``friday``, ``last friday``, ``friday morning``, ``earlier sunday``: a weekday.
WEEKDAY = Rule("weekday", rf"{_B}(?:(?P<rel>last|next|this|coming|past|early|late|earlier|later)\s)?"
                          rf"(?P<wd>{_WEEKDAY})(?:\s(?P<pod>{_POD}))?{_E}")
#: ``today``, ``yesterday afternoon``, ``earlier today``, ``tonight``.
DEICTIC_DAY = Rule("deictic_day", rf"{_B}(?:(?P<mod>earlier|later|early|late)\s)?"
                                  rf"(?P<word>today|tonight|yesterday|tomorrow|the\sday\sbefore\syesterday"
                                  rf"|the\sday\safter\stomorrow)(?:\s(?P<pod>{_POD}))?{_E}")
#: ``this morning``, ``last night``, ``that evening``, ``overnight``: a part of a day.
PART_OF_DAY = Rule("part_of_day", rf"{_B}(?:(?P<mod>early|late|mid-?)\s?)?(?:(?P<rel>this|last|that|the)\s"
                                  rf"(?P<pod>{_POD})|(?P<over>overnight)){_E}")
#: ``10:35 a.m.``, ``5 p.m. est, nov. 6``, ``noon thursday``, ``around 7:15 p.m.``: clock times.
CLOCK = Rule("clock", rf"{_B}(?:(?P<mod>about|around|approximately|shortly\sbefore|shortly\safter|just"
                      rf"\sbefore|just\safter|at\sabout)\s)?(?:(?P<h>1[0-2]|0?[1-9])(?:\s?[:.]\s?"
                      rf"(?P<mi>[0-5]\d))?\s?(?P<ap>a\.?\s?m\b\.?|p\.?\s?m\b\.?|o'clock)|(?P<h2>[01]?\d|2[0-3])"
                      rf"\s?:\s?(?P<mi2>[0-5]\d)(?![\d:])|(?P<nm>noon|midnight|midday))"
                      rf"(?:\s(?P<tz>{_TZ}))?(?:\s?,?\s?(?:on\s)?(?P<day>{_WEEKDAY}|today|tonight|yesterday"
                      rf"|tomorrow|{_MONTH}\s?{_DAY}))?(?![\w])")
#: ``now``, ``currently``, ``recently``, ``the future``: references to present, past, future.
REFERENCE = Rule("reference", rf"{_B}(?P<w>now|currently|nowadays|presently|at\spresent|the\spresent"
                              rf"|recently|lately|the\spast|the\sfuture|the\s(?:near|distant|foreseeable"
                              rf"|immediate)\sfuture|the\s(?:near|short)\sterm|future|current"
                              rf"|these\sdays){_E}")
#: ``last year``, ``earlier this year``, ``the past week``, ``that day``, ``this summer``.
RELATIVE_PERIOD = Rule("relative_period", rf"{_B}(?:(?P<mod>{_EDGE})\s?)?(?P<rel>this\spast|last|this|next"
                                          rf"|the\scurrent|the\scoming|the\spast|the\sprevious|the\sprior"
                                          rf"|the\sfollowing|the\ssame|the\slatest|the\srecent|the\sfull"
                                          rf"|the\sentire|the\swhole|the\snext|the\slast|that|the|current"
                                          rf"|coming|previous|following|latest|its)\s(?:(?P<cal>calendar"
                                          rf"|fiscal|school|academic|financial|model|current|fiscal-)\s?)?"
                                          rf"(?P<unit>week|weekend|month|year|quarter|decade|century"
                                          rf"|spring|summer|fall|autumn|winter|season|day|night|period|morning|afternoon|evening)"
                                          rf"(?P<ago>\sbefore|\searlier|\slater|\safter)?{_E}")
#: ``last year after the war``: ``before``/``after`` opening a clause are not part of a
#: period named from the article's date (the longer reading is refused in context).
DEICTIC_PERIOD = Rule("relative_period", rf"{_B}(?:(?P<mod>{_EDGE})\s?)?(?P<rel>last|this|next)\s"
                                         rf"(?P<unit>week|weekend|month|year|quarter|decade|century|spring"
                                         rf"|summer|fall|autumn|winter)(?=\s(?:before|after)\s)")
#: ``year-end``, ``year's end``: the end of the current year.
YEAR_END = Rule("year_end", rf"{_B}(?:the\s)?(?P<unit>year|month|quarter|week)(?:-|'s\s|\ss\s|\s)end{_E}")
#: ``two months ago``, ``a year earlier``, ``about two years ago``: a shifted date.
AGO = Rule("ago", rf"{_B}(?:(?P<mod>{_APPROX})\s)?(?P<q>{_QTY})[\s-](?P<unit>{_UNIT})(?:\sor\sso)?"
                  rf"\s(?P<dir>ago|earlier|later|from\snow|hence|back){_E}")
#: ``year-earlier``, ``the year-ago quarter``, ``the comparable year-ago period``.
YEAR_AGO = Rule("year_ago", rf"{_B}(?:the\s)?(?:(?:comparable|same)\s)?(?P<unit>year|quarter|month)"
                            rf"-(?:earlier|ago|before|previous|prior)(?:\s(?P<what>(?:{_ORD}\s)?quarter"
                            rf"|period|(?:nine|six|three)\smonths|month|year))?{_E}")
#: ``the third quarter``, ``third-quarter``, ``this year's third quarter``, ``the first half of 1990``.
QUARTER = Rule("quarter", rf"{_B}(?:(?P<det>the|this|last|next|that|its)\s)?(?:(?P<y1>{_YEAR}|fiscal\s{_YEAR}"
                          rf"|this\syear|last\syear|next\syear)(?:'s|\ss)?\s)?(?:(?P<rel>current|latest|past"
                          rf"|previous|prior|recent|same|comparable|fiscal|calendar)[\s-])?(?P<ord>{_ORD})"
                          rf"[\s-](?:fiscal[\s-])?(?P<unit>quarter|half|period)(?:\s(?:of\s)?(?:fiscal\s)?"
                          rf"(?P<y2>{_YEAR}))?{_E}")
#: ``two weeks``, ``46-minute``, ``almost a year``, ``the past two months``, ``2 1/2 years``.
DURATION = Rule("duration", rf"{_B}(?:(?P<mod>{_APPROX})\s)?(?:(?P<det>the|another|an\sadditional"
                            rf"|each\sof\sthe)\s)?(?:(?P<rel>past|last|next|first|previous|coming|final"
                            rf"|following|latest|initial|other|additional|remaining|preceding|ensuing"
                            rf"|same|past\sfew|last\sfew|next\sfew)\s)?(?P<q>{_QTY})(?:\s|-)(?:(?:more"
                            rf"|additional|straight|consecutive|full|long|trading|business|calendar|working"
                            rf"|extra)\s)?(?P<unit>{_UNIT})(?P<tail>-old|-long|\sold|\slong|\sor\sso)?{_E}")
#: ``a year and a half``: a unit and a half.
UNIT_AND_HALF = Rule("duration", rf"{_B}(?:(?P<mod>{_APPROX})\s)?(?P<q>an?|one)\s(?P<unit>{_UNIT})"
                                 rf"(?P<half>\sand\sa\shalf){_E}")
#: ``recent years``, ``the coming weeks``, ``several months``, ``decades-long``: vague durations.
VAGUE_DURATION = Rule("vague_duration", rf"{_B}(?P<pre>(?:the\s)?(?:past|last|next|coming|first|early"
                                        rf"|following|ensuing|subsequent|upcoming|recent)(?:\sfew)?\s"
                                        rf"|{_VAGUE}\s|in\srecent\s|the\s)?(?P<unit>{_UNIT_PLURAL})"
                                        rf"(?P<tail>-long|-old)?{_E}")
#: ``daily``, ``every month``, ``each thursday``, ``tuesdays``, ``tuesday nights``: recurring times.
SET = Rule("set", rf"{_B}(?:(?P<adv>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|biweekly"
                  rf"|semiannually|semi-annually|bimonthly)|(?P<q>each|every|per)\s(?:(?P<n>other|{_NUM})"
                  rf"\s)?(?P<unit>{_UNIT}|{_WEEKDAY}|{_MONTH}|{_POD}|spring|summer|fall|autumn|winter)"
                  rf"|(?P<wds>{_WEEKDAYS_PLURAL}"
                  rf"|(?:{alternation(WEEKDAYS)})(?=\s(?:mornings|afternoons|evenings|nights)))"
                  rf"(?:\s(?P<pod>mornings|afternoons|evenings|nights))?){_E}")
#: ``christmas``, ``new year's day``, ``thanksgiving``, ``easter``: named days.
HOLIDAY = Rule("holiday", rf"{_B}(?P<h>christmas(?:\s(?:day|eve))?|new\syear(?:'s|\ss)\s(?:day|eve)"
                          rf"|thanksgiving(?:\sday)?|easter(?:\s(?:sunday|monday))?|halloween"
                          rf"|valentine(?:'s|\ss)\sday|independence\sday|veterans\sday){_E}")

RULES: tuple[Rule, ...] = (
    ISO_DATE, SLASH_DATE, MONTH_DAY, DAY_MONTH, MONTH_YEAR, SEASON_YEAR, CLOCK, QUARTER, YEAR_AGO, AGO,
    SPOKEN_YEAR, WEEKDAY, DEICTIC_DAY, PART_OF_DAY, HOLIDAY, SET, DECADE, CENTURY,
    RELATIVE_PERIOD, DEICTIC_PERIOD, YEAR_END, UNIT_AND_HALF, DURATION, VAGUE_DURATION, MONTH, YEAR,
    YEAR_PERIOD, SHORT_YEAR, REFERENCE,
)

#: A cheap test: text with none of these strings has no time expression at all.
_TRIGGER = re.compile(
    r"\d|day|night|week|month|year|quarter|decade|centur|now|current|recent|past|future|soon|ago"
    r"|mornin|noon|evening|hour|minute|second|season|spring|summer|fall|autumn|winter|present"
    r"|previous|formerly|lately|annual|daily|christmas|easter|thanksgiving|halloween|"
    + alternation(MONTHS) + "|" + alternation(MONTH_ABBREVIATIONS)
)


@dataclass(frozen=True)
class Match:
    """One rule's hit on the lowercased text: ``[start, end)`` and the named groups."""

    start: int
    end: int
    rule: str
    groups: dict[str, str]
    priority: int

    @property
    def text_length(self) -> int:
        return self.end - self.start


_MONTH_WORDS = tuple(MONTHS) + tuple(MONTH_ABBREVIATIONS)
_DIGITS = tuple("0123456789")
#: Substrings without which a rule cannot match: a rule whose needles are all absent
#: from the text is not run (a substring test costs far less than a regex scan).
NEEDLES: dict[str, tuple[str, ...]] = {
    "iso_date": ("-",), "slash_date": ("/",), "month_day": _MONTH_WORDS, "day_month": _MONTH_WORDS,
    "month_year": _MONTH_WORDS, "season_year": ("spring", "summer", "fall", "autumn", "winter"),
    "clock": _DIGITS + ("noon", "midnight", "midday"), "quarter": ("quarter", "half", "period"),
    "year_ago": ("-earlier", "-ago", "-before", "-previous", "-prior"),
    "ago": ("ago", "earlier", "later", "from now", "hence", "back"),
    "spoken_year": ("nineteen", "two thousand"), "weekday": ("day", "tues", "thurs"),
    "deictic_day": ("today", "tonight", "yesterday", "tomorrow"),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
    "holiday": ("christmas", "new year", "thanksgiving", "easter", "halloween", "valentine",
                "independence day", "veterans day"),
    "decade": ("0s", "0's", "ties"), "century": ("century",), "year_end": ("end",),
    "short_year": ("'",), "year": _DIGITS,
}


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    """The rules compiled once per process."""
    return tuple((rule, re.compile(rule.pattern)) for rule in RULES)


def lowercase_same_length(text: str) -> str:
    """``text`` lowercased character by character, so offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def find_matches(low: str, accept: Callable[[Match], bool] | None = None) -> list[Match]:
    """All rule matches in ``low``, overlaps resolved: longest first, then rule order.

    ``accept`` vets each match in its context before overlaps are resolved, so
    a rejected long reading (``may 5`` as a verb and a number) leaves room for
    a shorter one.
    """
    if not _TRIGGER.search(low):
        return []
    found: list[Match] = []
    for priority, (rule, pattern) in enumerate(compiled_rules()):
        needles = NEEDLES.get(rule.name)
        if needles is not None and not any(n in low for n in needles):
            continue
        for m in pattern.finditer(low):
            if m.end() > m.start():
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                match = Match(m.start(), m.end(), rule.name, groups, priority)
                if accept is None or accept(match):
                    found.append(match)
    return resolve_overlaps(found)


def resolve_overlaps(found: list[Match]) -> list[Match]:
    """Keep the longest match wherever matches overlap (ties: the earlier rule)."""
    found.sort(key=lambda m: (-m.text_length, m.priority, m.start))
    taken: list[tuple[int, int]] = []
    kept: list[Match] = []
    for match in found:
        if any(match.start < end and start < match.end for start, end in taken):
            continue
        taken.append((match.start, match.end))
        kept.append(match)
    kept.sort(key=lambda m: m.start)
    return kept
