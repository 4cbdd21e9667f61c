"""The time layer: detection, TIMEX3 values, publication date, clause lookups and the TimeML eval."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from dateline.evaluation.timeml import Timex, TimexCounts, normalize_value, parse_timeml
from dateline.schema import Analysis, PublicationDate, Sentence, Span, TimeExpression, TimeType
from dateline.times import extract_times, time_for
from dateline.times.estimate import Evidence, _Facts, dateline_hint, estimate_publication
from dateline.times.normalize_value import duration_value

PUBLISHED = date(2017, 9, 28)  # a Thursday


@pytest.fixture(scope="module")
def nlp():
    from dateline.nlp import load_pipeline

    return load_pipeline()


def found(text: str, anchor: date | None = PUBLISHED, nlp=None) -> list[tuple[str, str, str]]:
    doc = nlp(text) if nlp is not None else None
    return [(text[f.start:f.end], f.value.type, f.value.value) for f in extract_times(text, doc, anchor)]


# --- detection and values, relative to 2017-09-28 --------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("the video posted on thursday was the first", ("thursday", "DATE", "2017-09-28")),
    ("the previous video came out in november 2016 .", ("november 2016", "DATE", "2016-11")),
    ("the recapture two months ago of the city", ("two months ago", "DATE", "2017-07")),
    ("the fall of the city in july marked the end", ("july", "DATE", "2017-07")),
    ("the militia lost the port last year after a siege", ("last year", "DATE", "2016")),
    ("since he proclaimed it in 2014 , forces have", ("2014", "DATE", "2014")),
    ("the agency said earlier this year that it could", ("earlier this year", "DATE", "2017")),
    ("two weeks after the siege began", ("two weeks", "DURATION", "P2W")),
    ("a 46-minute video was posted", ("46-minute", "DURATION", "PT46M")),
    ("his first audio in almost a year", ("almost a year", "DURATION", "P1Y")),
    ("prices rose over the past week", ("the past week", "DURATION", "P1W")),
    ("Talks resumed on Aug. 7, 1998, in Nairobi.", ("Aug. 7, 1998", "DATE", "1998-08-07")),
    ("The deal closed 2017-03-04.", ("2017-03-04", "DATE", "2017-03-04")),
    ("He arrived yesterday.", ("yesterday", "DATE", "2017-09-27")),
    ("Results for the third quarter of 1989 were flat.", ("the third quarter of 1989", "DATE", "1989-Q3")),
    ("Sales grew in the 1990s.", ("the 1990s", "DATE", "199")),
    ("The meeting lasted 2 1/2 hours.", ("2 1/2 hours", "DURATION", "PT2H30M")),
    ("The paper appears daily.", ("daily", "SET", "P1D")),
    ("It happened in may 2017 .", ("may 2017", "DATE", "2017-05")),
    ("the vote is set for may 5 in the capital", ("may 5", "DATE", "2017-05-05")),
    ("in the fall of 1998 prices rose", ("the fall of 1998", "DATE", "1998-FA")),
    ("We are waiting now.", ("now", "DATE", "PRESENT_REF")),
])
def test_detects_and_normalizes(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text, absent", [
    ("we may march on sunday", "may"),
    ("we may march on sunday", "march"),
    ("the fall of mosul ended the battle", "the fall"),
    ("he paid $ 2000 for the car", "2000"),
    ("about 2000 people marched", "2000"),
    ("a 6-year-old boy was found", "6-year-old"),
    ("as soon as possible", "soon"),
    ("he won a second term", "a second"),
    ("the current account deficit widened", "current"),
])
def test_must_not_find(text, absent):
    assert absent not in [span for span, _, _ in found(text)]


def test_lowercase_modals_and_marches_with_the_parser(nlp):
    """In lowercased text only ``sunday`` of ``we may march on sunday`` is a date."""
    spans = [span for span, _, _ in found("we may march on sunday .", nlp=nlp)]
    assert spans == ["sunday"]
    assert [s for s, _, _ in found("we may see prices fall in may .", nlp=nlp)] == ["may"]


def test_tense_chooses_the_weekday(nlp):
    """A weekday in a future clause is the next one, in a past clause the last one."""
    assert ("Friday", "DATE", "2017-09-29") in found("He will arrive on Friday.", nlp=nlp)
    assert ("Monday", "DATE", "2017-09-25") in found("He arrived on Monday.", nlp=nlp)


@pytest.mark.parametrize("text, expected", [
    ("The bridge reopened in June last year after repairs.", ("June last year", "DATE", "2016-06")),
    ("Voting starts in early October this year.", ("early October this year", "DATE", "2017-10")),
    ("The plant closes in March next year.", ("March next year", "DATE", "2018-03")),
    ("The mayor spoke Wednesday evening at the library.", ("Wednesday evening", "TIME", "2017-09-27TEV")),
    ("Rents have climbed over the past year in the city.", ("the past year", "DATE", "2016")),
    ("For the year, shipments of paper were flat.", ("the year", "DATE", "2017")),
    ("Revenue for the year ended June 30 rose 4%.", ("the year", "DURATION", "P1Y")),
    ("The ferry sails on Monday nights.", ("Monday nights", "SET", "XXXX-WXX-1TNI")),
    ("The minister will meet the envoy later this afternoon.", ("later this afternoon", "TIME",
                                                                 "2017-09-28TAF")),
    ("The storm ended on Sept. 20, 2017. The next morning the roads opened.",
     ("The next morning", "DATE", "2017-09-21")),
])
def test_conventions_of_timebank(text, expected, nlp):
    assert expected in found(text, nlp=nlp)


@pytest.mark.parametrize("text, absent", [
    ("The rules were strict. Now, the council says, they will change.", "Now"),
    ("The farm exports about three-quarters of its grain.", "about three-quarters"),
    ("Sales should grow by 6% annually for a decade.", "annually"),
    ("The mill would make some 5,000 tons annually.", "annually"),
    ("The average daily volume was light.", "daily"),
    ("She was last seen May 2, the day before the police began a search.", "the day before"),
    ('The senator said on the program "This Week" that he would run.', "This Week"),
])
def test_conventions_of_timebank_leave_out(text, absent, nlp):
    assert absent not in [span for span, _, _ in found(text, nlp=nlp)]


def test_present_now_is_kept(nlp):
    """``now`` inside a clause is the present; only the sentence-opening ``Now,`` is discourse."""
    assert ("now", "DATE", "PRESENT_REF") in found("The council is now debating the rules.", nlp=nlp)


def test_anaphoric_expressions_use_the_date_mentioned_before():
    text = "Net income rose in the third quarter of 1989. A year earlier, it fell."
    assert ("A year earlier", "DATE", "1988-Q3") in found(text)
    text = "The talks began on March 3, 2016. The next day they failed."
    assert ("The next day", "DATE", "2016-03-04") in found(text)


def test_without_anchor_values_keep_placeholders():
    assert ("last year", "DATE", "XXXX") in found("it rose last year", anchor=None)
    assert ("july", "DATE", "XXXX-07") in found("it fell in july", anchor=None)


@pytest.mark.parametrize("amount, unit, value", [
    (2, "week", "P2W"), (46, "minute", "PT46M"), (2.5, "year", "P2Y6M"), (None, "year", "PXY"),
    (1.5, "day", "P1DT12H"), (3, "decade", "P30Y"),
])
def test_duration_values(amount, unit, value):
    assert duration_value(amount, unit) == value


# --- the pipeline: spans in the original, publication date, clause lookups --------------------

DEGRADED = (
    "cairo ( reuters ) - the group s leader has urged followers to fight on .\n"
    "the video posted on thursday was the first in almost a year .\n"
    "the previous video came out in november 2016 , two weeks after the siege began .\n"
    "the city fell in july , two months ago , and the group lost it .\n"
    "officials said nothing .\n"
)


@pytest.fixture(scope="module")
def degraded_analysis() -> Analysis:
    import dateline

    return dateline.read(DEGRADED, published="2017-09-28")


def test_pipeline_times_on_degraded_text(degraded_analysis):
    values = {t.span.text: (t.type.value, t.value) for t in degraded_analysis.times}
    assert values["thursday"] == ("DATE", "2017-09-28")
    assert values["november 2016"] == ("DATE", "2016-11")
    assert values["two months ago"] == ("DATE", "2017-07")
    assert values["july"] == ("DATE", "2017-07")
    assert values["almost a year"][1] == "P1Y"
    assert values["two weeks"] == ("DURATION", "P2W")
    for expression in degraded_analysis.times:
        span = expression.span
        assert degraded_analysis.text[span.start:span.end] == span.text
    assert degraded_analysis.publication.source == "option"
    assert degraded_analysis.publication.date == PUBLISHED


def test_time_for_a_clause(degraded_analysis):
    text = degraded_analysis.text
    july = next(t for t in degraded_analysis.times if t.span.text == "july")
    expression, value, is_publication = time_for(degraded_analysis, july.sentence)
    assert (expression.span.text, value, is_publication) == ("july", "2017-07", False)
    last = degraded_analysis.sentences[-1]
    assert last.span.text.startswith("officials")
    expression, value, is_publication = time_for(degraded_analysis, last.index)
    assert (expression, value, is_publication) == (None, "2017-09-28", True)
    at = text.index("previous video")
    expression, value, _ = time_for(degraded_analysis, (at, at + 14))
    assert value == "2016-11"


def test_time_for_accepts_layers():
    times = [TimeExpression(span=Span(start=4, end=10, text="monday"), sentence=0, type=TimeType.DATE,
                            value="2017-09-25", confidence=0.8)]
    layers = {"times": times, "sentences": [Sentence(index=0, span=Span(start=0, end=20, text="x" * 20))],
              "publication": PublicationDate(date=PUBLISHED, source="metadata")}
    assert time_for(layers, (0, 3))[1:] == ("2017-09-25", False)
    assert time_for(layers, 1)[1:] == ("2017-09-28", True)


def test_publication_from_dateline_and_estimate():
    import dateline

    dated = dateline.read("WASHINGTON, March 3, 2016 (Reuters) - Officials met on Thursday.")
    assert dated.publication.source == "dateline"
    assert dated.publication.date == date(2016, 3, 3)
    estimated = dateline.read("Officials said on Aug. 7, 1998, that the embassy was bombed.")
    assert estimated.publication.source == "estimated"
    assert estimated.publication.earliest <= date(1998, 8, 8) <= estimated.publication.latest
    assert abs((estimated.publication.date - date(1998, 8, 7)).days) <= 7


def test_estimate_agrees_relative_and_absolute():
    evidence = [
        Evidence("month", "november 2016", "past", 2016, 11),
        Evidence("monthonly", "july", "past", None, 7),
        Evidence("ago", "two months ago", None, amount=2, unit="month"),
        Evidence("year", "2014", "past", 2014),
    ]
    estimate = estimate_publication(evidence)
    assert estimate.earliest <= date(2017, 9, 28) <= estimate.latest
    assert estimate_publication([]).date is None
    assert dateline_hint("March 3") == (3, 3)


def test_people_in_office_and_things_named_bound_the_date():
    from dateline.times.periods import MISS_TITLE, find_periods, inside

    low = ("secretary of state madeleine albright met president bush. deputy attorney general "
           "eric holder spoke of the former soviet union and of west germany.")
    periods = {p.text: p for p in find_periods(low)}
    albright = periods["madeleine albright"]
    assert albright.miss == MISS_TITLE
    assert inside(date(1998, 5, 1), albright) and not inside(date(1995, 5, 1), albright)
    assert len(periods["bush"].windows) == 2  # two presidents of that name
    assert "eric holder" not in periods and "holder" not in periods  # another office
    assert inside(date(1995, 1, 1), periods["soviet union"])  # "former": after it ended
    assert not inside(date(1995, 1, 1), periods["west germany"])
    assert find_periods("the prime minister may resign.") == []  # a modal, not Theresa May
    twice = find_periods("president clinton spoke. bill clinton later said he would.")
    assert [(p.text, p.miss) for p in twice] == [("clinton", MISS_TITLE)]  # one term, counted once


@pytest.mark.parametrize("text, inside_days, outside_days", [
    ("prime minister nawaz sharif", ["1991-06-01", "1998-06-01", "2015-06-01"], ["2020-06-01"]),
    ("prime minister sharif", ["1992-06-01", "2016-06-01", "2022-10-01", "2025-01-01"], ["2019-01-01"]),
    ("prime minister shehbaz sharif", ["2023-01-01", "2024-06-01"], ["2016-01-01", "2023-12-01"]),
    ("prime minister peres", ["1985-06-01", "1996-01-01"], ["1990-01-01"]),
    ("prime minister trudeau", ["1982-01-01", "2018-01-01"], ["1990-01-01"]),
    ("prime minister gandhi", ["1982-01-01", "1987-01-01"], ["1991-01-01"]),
    ("president roh", ["1990-01-01", "2005-01-01"], ["2000-01-01"]),
    ("president lee", ["1995-01-01", "2010-01-01"], ["2003-01-01"]),
    ("president aquino", ["1988-01-01", "2012-01-01"], ["2000-01-01"]),
    ("president kabila", ["1999-01-01", "2010-01-01"], ["2020-06-01"]),
    ("president george bush", ["1990-01-01", "2005-01-01"], ["1997-01-01"]),
    ("joint chiefs chairman powell", ["1991-01-01"], ["2020-01-01", "2003-01-01"]),
    ("secretary of state colin powell", ["2003-01-01"], ["1991-01-01"]),
])
def test_terms_sharing_a_title_and_a_name_keep_all_windows(text, inside_days, outside_days):
    from dateline.times.periods import MISS_TITLE, find_periods, inside

    (period,) = find_periods(text + " spoke on the radio.")
    assert period.miss == MISS_TITLE
    assert all(inside(date.fromisoformat(d), period) for d in inside_days)
    assert not any(inside(date.fromisoformat(d), period) for d in outside_days)


def test_a_generic_title_before_a_surname_weighs_weakly():
    from dateline.times.periods import MISS_ALONE, MISS_TITLE, find_periods, inside

    (chair,) = find_periods("chairman powell told the committee that rates would hold.")
    assert chair.miss == MISS_ALONE  # a central bank's chair or the joint chiefs' one
    assert inside(date(1991, 1, 1), chair) and inside(date(2020, 1, 1), chair)
    (fed,) = find_periods("fed chairman powell told the committee that rates would hold.")
    assert fed.miss == MISS_TITLE and not inside(date(1991, 1, 1), fed)


def test_a_term_of_office_a_dateline_day_and_a_weekday_select_the_year():
    import dateline

    analysis = dateline.read("WASHINGTON, Oct. 17 (AP) - Secretary of State Madeleine Albright said "
                             "Thursday that the talks would resume next month.")
    publication = analysis.publication
    assert publication.source == "estimated"
    assert publication.date == date(1997, 10, 17)  # the only Oct. 17 of her term after a Thursday
    assert publication.earliest <= date(1997, 10, 17) <= publication.latest
    assert publication.confidence > 0.2
    assert dateline.read("Officials met on Friday.").publication.date is None


def test_a_weekday_written_with_a_date_selects_the_year():
    from dateline.times.stage import estimate_from_text

    estimate = estimate_from_text("Secretary of State Madeleine Albright spoke on Friday, Oct. 23, in Geneva.")
    assert estimate.date == date(1998, 10, 23)  # the one Friday, Oct. 23 of her term


def test_an_estimate_from_a_term_alone_is_wide_and_unsure():
    from dateline.times.estimate import period_evidence

    evidence = period_evidence("prime minister john major said the vote would be close.")
    estimate = estimate_publication(evidence)
    assert date(1993, 1, 1) <= estimate.date <= date(1995, 6, 30)  # no day stands out: the median
    assert estimate.earliest <= date(1992, 1, 1) and estimate.latest >= date(1996, 6, 1)
    assert estimate.confidence < 0.05


def test_a_thing_named_alone_still_gives_a_wide_estimate():
    from dateline.times.estimate import period_evidence

    estimate = estimate_publication(period_evidence("west germany said its exports rose."))
    assert date(1949, 5, 23) <= estimate.earliest < estimate.latest <= date(1990, 12, 31)
    with_year = period_evidence("west germany said its exports rose.") + [Evidence("year", "1987", "past", 1987)]
    assert estimate_publication(with_year).earliest >= date(1987, 1, 1)  # a thing only weighs then


def test_a_year_told_in_the_past_may_be_years_old():
    estimate = estimate_publication([Evidence("year", "1987", "past", 1987)])
    assert estimate.earliest.year == 1987 and estimate.latest.year >= 1992


def test_no_estimate_lies_after_today():
    today = date(2025, 6, 1)
    estimate = estimate_publication([Evidence("year", "2024", "past", 2024)], today=today)
    assert estimate.date <= today and estimate.latest <= today
    # A date late in the current year, told without a tense, must not pull the estimate past today.
    evidence = [Evidence("year", "2025", "past", 2025), Evidence("day", "dec. 20, 2025", None, 2025, 12, 20)]
    estimate = estimate_publication(evidence, today=today)
    assert estimate.date <= today and estimate.latest <= today


def test_a_term_still_running_ends_at_today():
    from dateline.times.estimate import period_evidence

    today = date(2026, 2, 10)
    evidence = period_evidence("secretary of state marco rubio said the envoy would travel.")
    estimate = estimate_publication(evidence, today=today)
    assert estimate.date <= today and estimate.latest <= today
    assert estimate.earliest >= date(2024, 1, 1)


@pytest.mark.parametrize("text", [
    "The tower was built 900000 days ago. On May 2, 2003 the mayor spoke.",
    "The river moved 300000 weeks ago. On May 2, 2003 the mayor spoke.",
    "The rock formed 5000000 years ago, the guide said on May 2, 2003.",
])
def test_huge_ago_amounts_are_ignored(text):
    from dateline.times.stage import estimate_from_text

    estimate = estimate_from_text(text)
    assert estimate.date is not None and estimate.date.year >= 2003


def _score_on(day: date, ev: Evidence, facts: _Facts) -> float:
    """The estimate's score of one piece of evidence on one day: the array scorer on it alone."""
    import numpy as np

    from dateline.times.estimate import _Days, _score_days

    return float(_score_days(_Days.of(np.array([day.toordinal()])), ev, facts)[0])


def test_two_months_ago_prefers_a_month_written_without_its_year():
    evidence = [Evidence("ago", "two months ago", None, amount=2, unit="month"),
                Evidence("monthonly", "july", None, None, 7),
                Evidence("month", "march 2016", None, 2016, 3),
                Evidence("year", "2016", None, 2016)]
    from dateline.times.estimate import _facts

    facts = _facts(evidence)
    ago = evidence[0]
    assert _score_on(date(2016, 9, 15), ago, facts) > _score_on(date(2016, 5, 15), ago, facts) > 0


def test_a_maturity_only_bounds_the_date():
    from dateline.times.estimate import collect_evidence
    from dateline.times.rules import find_matches

    low = "the company will redeem its notes due nov. 1, 2004, the treasurer said."
    evidence = collect_evidence(low, find_matches(low), lambda m: None)
    assert [(e.text, e.tense) for e in evidence] == [("nov. 1, 2004", "due")]
    assert estimate_publication(evidence).date is None  # a bound, not a date
    with_year = evidence + [Evidence("year", "1989", "past", 1989)]
    assert estimate_publication(with_year).latest <= date(2004, 11, 1)


def test_a_deadline_lies_ahead_and_a_start_only_bounds_the_date():
    from dateline.times.estimate import collect_evidence
    from dateline.times.rules import find_matches

    low = "the chain hopes to double its sales by 1992; profits have risen since 1980."
    evidence = collect_evidence(low, find_matches(low), lambda m: None)
    assert [(e.text, e.tense) for e in evidence] == [("1992", "future"), ("1980", "since")]
    low = "in 1980 the farmer sold the 1965 tractor and his neighbour's 1972 truck was repaired."
    assert [e.tense for e in collect_evidence(low, find_matches(low), lambda m: None)] == [None, "past", "past"]
    since = [e for e in evidence if e.tense == "since"]
    assert estimate_publication(since).earliest >= date(1980, 1, 1)


def test_a_year_naming_a_thing_is_open_ahead_or_when_newest():
    """``the 2030 games will open``: a dated thing is past only in a clause not told ahead."""
    from dateline.times.estimate import collect_evidence
    from dateline.times.rules import find_matches

    low = "the 2030 games will open in the city that hosted the 1996 games."
    matches = find_matches(low)

    def tense(m):
        return "future" if m.start < low.index("will") else "past"

    assert [(e.year, e.tense) for e in collect_evidence(low, matches, tense)] == [(2030, None), (1996, "past")]
    low = "the minister praised the 2030 plan and the 2012 budget."
    evidence = collect_evidence(low, find_matches(low), lambda m: "past")
    assert [(e.year, e.tense) for e in evidence] == [(2030, None), (2012, "past")]  # newest: may lie ahead


def test_a_maturity_does_not_make_the_other_years_history():
    sold = [Evidence("year", "1998", "past", 1998)]
    due = [Evidence("year", "2028", "due", 2028)]
    planned = [Evidence("year", "2031", "future", 2031)]
    alone = estimate_publication(sold, today=date(2026, 11, 26))
    assert estimate_publication(sold + due, today=date(2026, 11, 26)).date == alone.date
    assert estimate_publication(sold + planned, today=date(2026, 11, 26)).date.year <= 2004


def test_a_date_with_its_weekday_counts_once():
    from dateline.times.estimate import calendar_evidence

    twice = [Evidence("monthday", "friday, oct. 9", None, None, 10, 9, 4),
             Evidence("monthday", "friday, oct. 9", "past", None, 10, 9, 4),
             Evidence("monthday", "oct. 9", None, None, 10, 9)]
    assert len(calendar_evidence(twice)) == 1


def test_long_texts_keep_a_bounded_number_of_readings():
    from dateline.times.estimate import MAX_READINGS, _capped

    evidence = [Evidence("day", f"day {k}", "past", 1900 + k // 300, k % 12 + 1, k % 28 + 1)
                for k in range(3000)]
    evidence += [Evidence("year", "2001", "past", 2001)] * 3 + [Evidence("weekday", "monday", "past", weekday=0)]
    kept = _capped(evidence)
    assert len({(e.kind, e.year, e.month, e.day, e.weekday) for e in kept}) == MAX_READINGS
    assert sum(e.kind == "weekday" for e in kept) == 1  # the most informative kinds first
    assert _capped(evidence[:50]) == evidence[:50]  # a text of normal length stays whole
    estimate = estimate_publication(evidence, today=date(2026, 11, 26))
    assert estimate.date is not None and estimate.date <= date(2026, 11, 26)


def test_an_anniversary_agrees_with_the_year_it_counts_from():
    from dateline.times.estimate import anniversary_evidence

    evidence = anniversary_evidence("leaders met for the 50th anniversary of the 1949 treaty.")
    assert [(e.kind, e.amount) for e in evidence] == [("ago", 50)]
    evidence += [Evidence("year", "1949", "past", 1949), Evidence("year", "1997", "past", 1997)]
    estimate = estimate_publication(evidence)
    assert estimate.date.year == 1999
    assert estimate.earliest <= date(1999, 6, 1) <= estimate.latest


def test_a_year_ago_does_not_reach_a_year_told_as_ahead():
    from dateline.times.estimate import _facts

    ago = Evidence("ago", "a year ago", None, amount=1, unit="year")
    facts = _facts([ago, Evidence("year", "1990", "future", 1990), Evidence("year", "1988", "past", 1988)])
    assert _score_on(date(1991, 6, 1), ago, facts) == 0.0  # 1990 lies ahead: not a year ago
    assert _score_on(date(1989, 6, 1), ago, facts) > 0.0


def test_a_quarter_of_a_report_points_at_the_month_after_it():
    from dateline.times.estimate import collect_evidence
    from dateline.times.rules import find_matches

    low = "net income rose in the third quarter from the 1988 third quarter."
    evidence = collect_evidence(low, find_matches(low), lambda m: None)
    assert [(e.kind, e.year, e.month) for e in evidence] == [("monthonly", None, 10), ("month", 1988, 8)]


# --- TimeML reading and TempEval-3 scores --------------------------------------------------------

SNIPPET = """<?xml version="1.0" ?>
<TimeML>
<DOCID>own_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-04" functionInDocument="CREATION_TIME">20010504</TIMEX3></DCT>
<TEXT>
Officials <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2001-05-03">Thursday</TIMEX3> &amp; agreed to talk for <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.
Prices fell <TIMEX3 tid="t3" type="DATE" value="2000">last year</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_timeml_reader():
    document = parse_timeml(SNIPPET)
    assert document.id == "own_0001"
    assert document.dct == date(2001, 5, 4)
    assert [document.text[t.start:t.end] for t in document.timexes] == ["Thursday", "two weeks", "last year"]
    assert "&" in document.text and "<" not in document.text
    assert [t.value for t in document.timexes] == ["2001-05-03", "P2W", "2000"]


def test_tempeval_counts():
    gold = [Timex(0, 8, "DATE", "2001-05-03"), Timex(20, 29, "DURATION", "P2W"), Timex(40, 49, "DATE", "2000")]
    predicted = [Timex(0, 8, "DATE", "2001-05-03"), Timex(16, 29, "DURATION", "P3W"), Timex(60, 65, "DATE", "X")]
    counts = TimexCounts()
    counts.add(gold, predicted)
    scores = counts.as_dict()
    assert scores["strict"]["f1"] == pytest.approx(1 / 3, abs=1e-3)
    assert scores["relaxed"]["f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert scores["value"]["f1"] == pytest.approx(1 / 3, abs=1e-3)
    assert scores["value_accuracy"] == 0.5
    assert normalize_value("2000-W7") == "2000-W07"


def test_eval_time_command(tmp_path):
    from dateline.cli.main import cli

    (tmp_path / "own.tml").write_text(SNIPPET, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "time", "--data", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    for setting in ("clean", "degraded"):
        assert {"precision", "recall", "f1"} <= set(scores[setting])
        assert scores[setting]["relaxed"]["f1"] > 0.5
    assert "within_7_days" in scores["publication_estimate"]["clean"]


def test_season_and_half_durations_have_timex_values():
    from dateline.times.normalize_value import duration_value

    assert duration_value(3, "season") == "P3Q"
    assert duration_value(2, "half") == "P12M"


@pytest.mark.parametrize("sentence,value", [
    ("Officials said Tuesday they will meet again.", "1990-08-07"),
    ("The company announced on Tuesday that it would cut jobs.", "1990-08-07"),
    ("The minister will travel on Tuesday.", "1990-08-14"),
])
def test_a_weekday_next_to_a_speech_verb_dates_the_report(sentence, value):
    import dateline

    analysis = dateline.read(sentence, published="1990-08-08")
    assert [t.value for t in analysis.times] == [value]


def _every_kind_of_evidence() -> list[Evidence]:
    from dateline.times.estimate import period_evidence

    out = [Evidence(kind, text, tense, *rest) for kind, text, tense, *rest in [
        ("day", "aug. 7, 1998", "past", 1998, 8, 7), ("day", "nov. 1, 2000", "future", 2000, 11, 1),
        ("day", "jan. 3, 1999", None, 1999, 1, 3), ("day", "feb. 29, 2000", "present", 2000, 2, 29),
        ("monthday", "oct. 19", "past", None, 10, 19), ("monthday", "feb. 29", None, None, 2, 29),
        ("monthday", "friday, oct. 23", "future", None, 10, 23, 4), ("month", "july 1999", "past", 1999, 7),
        ("month", "may 2001", None, 2001, 5), ("monthonly", "in july", "past", None, 7),
        ("monthonly", "next march", "future", None, 3), ("monthonly", "in june", None, None, 6),
        ("year", "1999", "past", 1999), ("year", "2001", "future", 2001), ("year", "1990", None, 1990),
        ("year", "1998", "since", 1998), ("day", "dec. 1, 2000", "due", 2000, 12, 1),
    ]]
    out += [Evidence("weekday", "thursday", tense, weekday=3) for tense in ("past", "future", None, "due")]
    out += [Evidence("ago", "ago", None, amount=amount, unit=unit)
            for amount, unit in ((2, "day"), (3, "week"), (2, "month"), (1, "year"), (50, "year"))]
    out += [Evidence("relative", "rel", None, amount=step, unit=unit)
            for step in (-1, 0, 1) for unit in ("month", "year")]
    return out + period_evidence("president clinton and the soviet union and former chancellor kohl")


def test_days_scored_together_agree_with_the_day_by_day_reading():
    import numpy as np
    from estimate_reference import calendar_fit, period_score, score

    from dateline.times.estimate import _calendar_fit_days, _Days, _facts, _period_days, _score_days

    evidence = _every_kind_of_evidence()
    facts = _facts(evidence)
    first, last = date(1947, 12, 1).toordinal(), date(2002, 1, 31).toordinal()
    ordinals = np.array(list(range(date(1998, 11, 1).toordinal(), date(2001, 3, 2).toordinal()))
                        + list(range(first, last, 97)))
    for days in (_Days.of(ordinals), _Days.of(ordinals[::-1])):  # sorted, and not
        every = [date.fromordinal(c) for c in days.ordinal.tolist()]
        for ev in evidence:
            if ev.period is not None:
                assert _period_days(days, ev.period).tolist() == [period_score(c, ev.period) for c in every]
            elif ev.kind == "monthday" and ev.weekday is not None:
                assert _calendar_fit_days(days, ev).tolist() == [calendar_fit(c, ev) for c in every]
            # Exactly equal, not only close: the estimate must not move.
            assert _score_days(days, ev, facts).tolist() == [score(c, ev, facts) for c in every], ev.text


def test_estimates_from_every_kind_of_evidence_stay_put():
    # The values the day-by-day scoring gave: scoring the days as arrays must not move them.
    evidence = _every_kind_of_evidence()
    hinted = estimate_publication(evidence, hint=(3, 3), today=date(2026, 11, 26))
    assert (hinted.date, hinted.earliest, hinted.latest, hinted.confidence) == (
        date(1999, 3, 3), date(1999, 3, 3), date(2000, 10, 19), 0.61)
    plain = estimate_publication(evidence, today=date(2026, 11, 26))
    assert (plain.date, plain.earliest, plain.latest, plain.confidence) == (
        date(2000, 10, 19), date(1999, 1, 6), date(2000, 11, 2), 0.057)
    assert plain.evidence[:4] == ["ago", "kohl", "soviet union", "clinton"]


def test_names_are_found_longest_first():
    import re

    from dateline.times.periods import _alternation

    pattern = re.compile(r"(?<![\w.])" + _alternation(["new york", "new york city", "york", "new"])
                         + r"(?![\w-])")
    text = "new york city hall, new york-based, new yorker and york."
    assert [m.group() for m in pattern.finditer(text)] == ["new york city", "new", "new", "york"]
