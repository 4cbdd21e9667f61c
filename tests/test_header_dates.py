"""The publication date a web page prints at its head or in its address."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.times.header import header_date

TODAY = date(2026, 1, 1)


@pytest.mark.parametrize("head, expected", [
    ("Ferry service resumes on the lake\nPosted : Mar 14 , 2011 8 : 20 AM ET\nThe ferry ran again.",
     date(2011, 3, 14)),
    ("Last updated on : October 2 , 2019 19 : 04 IST\nFarmers march on the capital", date(2019, 10, 2)),
    ("Council votes on the bridge\n04 / 11 / 15 1 : 30 AM EST\nThe council voted.", date(2015, 4, 11)),
    ("Council votes on the bridge\n23 / 06 / 2014 - Council votes again\nIt voted.", date(2014, 6, 23)),
    ("Published : 2016 . 05 . 09 09 : 01 AM\nA new library opens.", date(2016, 5, 9)),
    ("TOWN TIMES Feb 3 , 2012 , 05 . 51AM IST PUNE :\nThe river rose.", date(2012, 2, 3)),
    ("12 : 52 p . m . EDT June 9 , 2017\nThe vote was held.", date(2017, 6, 9)),
    ("Sat Oct 8 2016 , 01 : 19 hrs\nThe ship docked.", date(2016, 10, 8)),
    ("MONDAY , 3 APRIL , 2006\nThe market fell.", date(2006, 4, 3)),
])
def test_date_lines_at_the_head(head: str, expected: date) -> None:
    found = header_date(head, today=TODAY)
    assert found is not None and found.source == "header"
    assert found.date == expected
    assert str(expected.year)[-2:] in head[found.start:found.end]


def test_posted_then_updated_is_the_posted_day() -> None:
    head = ("PUBLISHED : TUESDAY , MAY 2 , 2017 , 1 : 32 PM | UPDATED : WEDNESDAY , MAY 3 , 2017 , 9 : 56 AM\n"
            "The mayor resigned.")
    assert header_date(head, today=TODAY).date == date(2017, 5, 2)


def test_sentences_and_titles_with_dates_are_not_headers() -> None:
    assert header_date("She moved to the coast on Tuesday , December 9 , 2008 .\nShe stayed.", today=TODAY) is None
    assert header_date("The storm of 12 March 2001 is remembered in the valley every year\n", today=TODAY) is None
    assert header_date("Officials met on Thursday.\nNothing was agreed.", today=TODAY) is None


def test_lowercased_and_tokenized_heads_are_read() -> None:
    found = header_date("posted : sep 9 , 2006 7 : 10 am et\nthe bridge closed .", today=TODAY)
    assert found is not None and found.date == date(2006, 9, 9)


def test_the_address_gives_the_day_when_no_line_does() -> None:
    text = ("http : / / www . valley - news . example / 2013 / 05 / 02 / bridge - closes . html\n"
            "Bridge closes for repairs\nThe bridge closed on Thursday.")
    found = header_date(text, today=TODAY)
    assert found is not None and (found.source, found.date) == ("url", date(2013, 5, 2))
    assert text[found.start:found.end].startswith("http")
    metadata = header_date("Bridge closes for repairs\nThe bridge closed.",
                           url="https://valley-news.example/2014/jun/25/bridge", today=TODAY)
    assert metadata is not None and (metadata.source, metadata.date) == ("url", date(2014, 6, 25))


def test_impossible_future_and_distant_dates_are_ignored() -> None:
    assert header_date("February 30 , 2009\nText.", today=TODAY) is None
    assert header_date("Posted : May 5 , 2031\nText.", today=TODAY) is None
    late = "\n".join(["A line of the story."] * 8 + ["June 3 , 2010"])
    assert header_date(late, today=TODAY) is None


def test_read_takes_the_head_date_as_publication_date() -> None:
    import dateline

    analysis = dateline.read("Harbour reopens after the storm\nPosted : March 14 , 2011\n"
                             "The harbour reopened on Monday after a week of repairs.")
    assert analysis.publication.source == "header"
    assert analysis.publication.date == date(2011, 3, 14)
    monday = next(t for t in analysis.times if t.span.text.lower() == "monday")
    assert monday.value == "2011-03-14"
