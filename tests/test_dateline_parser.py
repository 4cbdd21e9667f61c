"""The dateline parser: openings it must find, first sentences it must leave alone.

Every opening line here is written for these tests in wire style.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.degrade import degrade_text
from dateline.ingest import AGENCIES, ParsedDateline, canonical_agency, parse_dateline
from dateline.ingest.datelines import DATELINE_WINDOW

# (text, place, agency, date, whole dateline as written)
MUST_FIND = [
    (
        "cairo ( reuters ) - egypt s central bank held interest rates steady on thursday .",
        "cairo",
        "Reuters",
        None,
        "cairo ( reuters ) -",
    ),
    (
        "WASHINGTON (Reuters) - The Senate passed a stopgap spending bill late on Thursday.",
        "WASHINGTON",
        "Reuters",
        None,
        "WASHINGTON (Reuters) -",
    ),
    (
        "LONDON, March 3 (Reuters) - British shares edged higher in early trade.",
        "LONDON",
        "Reuters",
        "March 3",
        "LONDON, March 3 (Reuters) -",
    ),
    (
        "PARIS (AP) — Firefighters brought a warehouse blaze under control overnight.",
        "PARIS",
        "AP",
        None,
        "PARIS (AP) —",
    ),
    (
        "BEIJING, Jan. 5 (Xinhua) -- Heavy snow closed highways across the north.",
        "BEIJING",
        "Xinhua",
        "Jan. 5",
        "BEIJING, Jan. 5 (Xinhua) --",
    ),
    (
        "NEW YORK — The city will add 200 buses to its night routes, the mayor said.",
        "NEW YORK",
        None,
        None,
        "NEW YORK —",
    ),
    (
        "MOSUL, Iraq (Reuters) - Iraqi forces pushed into the old city on Sunday.",
        "MOSUL, Iraq",
        "Reuters",
        None,
        "MOSUL, Iraq (Reuters) -",
    ),
    (
        "SAN FRANCISCO/NEW YORK (Reuters) - Tech shares slid after the earnings reports.",
        "SAN FRANCISCO/NEW YORK",
        "Reuters",
        None,
        "SAN FRANCISCO/NEW YORK (Reuters) -",
    ),
    (
        "WASHINGTON, March 3, 2017 (Reuters) - The agency issued new guidance.",
        "WASHINGTON",
        "Reuters",
        "March 3, 2017",
        "WASHINGTON, March 3, 2017 (Reuters) -",
    ),
    (
        "GENEVA, 3 March (AFP) - Talks resumed behind closed doors.",
        "GENEVA",
        "AFP",
        "3 March",
        "GENEVA, 3 March (AFP) -",
    ),
    ("Paris (AFP) - Police cleared the square at dawn.", "Paris", "AFP", None, "Paris (AFP) -"),
    (
        "ST. LOUIS (Reuters) - A jury reached a verdict.",
        "ST. LOUIS",
        "Reuters",
        None,
        "ST. LOUIS (Reuters) -",
    ),
    (
        "RIO DE JANEIRO (AP) — The parade went ahead.",
        "RIO DE JANEIRO",
        "AP",
        None,
        "RIO DE JANEIRO (AP) —",
    ),
    (
        "KABUL, Afghanistan (AP) — A bomb struck a convoy.",
        "KABUL, Afghanistan",
        "AP",
        None,
        "KABUL, Afghanistan (AP) —",
    ),
    ("(Reuters) - The carmaker recalled 40,000 vehicles.", None, "Reuters", None, "(Reuters) -"),
    (
        "SEOUL (Yonhap) -- The central bank held rates.",
        "SEOUL",
        "Yonhap",
        None,
        "SEOUL (Yonhap) --",
    ),
    (
        "NEW DELHI (PTI) - Monsoon rains arrived early.",
        "NEW DELHI",
        "PTI",
        None,
        "NEW DELHI (PTI) -",
    ),
    ("MADRID (EFE) - El Gobierno aprobó el plan.", "MADRID", "EFE", None, "MADRID (EFE) -"),
    (
        "ANKARA (Anadolu Agency) - The minister spoke.",
        "ANKARA",
        "Anadolu",
        None,
        "ANKARA (Anadolu Agency) -",
    ),
    ("TOKYO (Kyodo News) - Exports rose in May.", "TOKYO", "Kyodo", None, "TOKYO (Kyodo News) -"),
    (
        "MOSCOW (Interfax) - The ministry confirmed the report.",
        "MOSCOW",
        "Interfax",
        None,
        "MOSCOW (Interfax) -",
    ),
    (
        "ROME (The Associated Press) — The pope met refugees.",
        "ROME",
        "AP",
        None,
        "ROME (The Associated Press) —",
    ),
    (
        "KABUL (Pajhwok) - Schools reopened in the north.",
        "KABUL",
        "Pajhwok",
        None,
        "KABUL (Pajhwok) -",
    ),
    ("WASHINGTON—The House adjourned.", "WASHINGTON", None, None, "WASHINGTON—"),
    ("CHICAGO, Oct. 2 — Grain prices fell.", "CHICAGO", None, "Oct. 2", "CHICAGO, Oct. 2 —"),
    # Degraded corpus forms: lowercased, tokenized, one sentence a line.
    (
        "london , march 3 ( reuters ) - british shares edged higher .",
        "london",
        "Reuters",
        "march 3",
        "london , march 3 ( reuters ) -",
    ),
    (
        "beijing , jan . 5 ( xinhua ) - - heavy snow fell .",
        "beijing",
        "Xinhua",
        "jan . 5",
        "beijing , jan . 5 ( xinhua ) - -",
    ),
    (
        "mosul , iraq ( reuters ) - iraqi forces advanced .",
        "mosul , iraq",
        "Reuters",
        None,
        "mosul , iraq ( reuters ) -",
    ),
    (
        "san francisco / new york ( reuters ) - tech shares slid .",
        "san francisco / new york",
        "Reuters",
        None,
        "san francisco / new york ( reuters ) -",
    ),
    ("paris ( ap ) — firefighters arrived .", "paris", "AP", None, "paris ( ap ) —"),
]

MUST_NOT_FIND = [
    "The president said (in a speech) - no deal was near.",
    "Officials said on Monday (local time) - that talks had failed.",
    "Officials in the northern city of Mosul (Iraq) said on Monday - that troops had arrived.",
    "I - for one - think the plan is wrong.",
    "Reuters - the news agency said it would expand its bureau.",
    "He said (Reuters) - the deal was done.",
    "Apple Inc (AAPL.O) - shares rose 2 percent.",
    "NATO (the alliance) - said it would respond.",
    "BREAKING — Stocks fell sharply at the open.",
    "WARNING - this story contains graphic detail.",
    "US — China talks resumed.",
    "NEW YORK - The mayor said.",  # capitals with a plain hyphen and no agency: too weak
    "WASHINGTON-BASED groups said they would sue.",
    "Prices rose 3.5 percent - the fastest pace in a decade.",
    "A spokesman (who asked not to be named) - said nothing more.",
    "The minister arrived on Friday.\nCAIRO (Reuters) - The second line does not count.",
    "Pope Francis (pictured) - led prayers.",
    "",
    "   \n  ",
    "(in brief) - a note.",
    "- a list item",
]


@pytest.mark.parametrize(("text", "place", "agency", "date", "whole"), MUST_FIND)
def test_must_find(
    text: str, place: str | None, agency: str | None, date: str | None, whole: str
) -> None:
    found = parse_dateline(text)
    assert found is not None
    assert (found.place, found.agency, found.date) == (place, agency, date)
    start, end = found.span
    assert text[start:end] == whole
    if place is not None:
        assert found.place_span is not None and text[slice(*found.place_span)] == place
    if found.agency_span is not None:
        assert canonical_agency(text[slice(*found.agency_span)]) in (agency, None)
        if found.agency in AGENCIES.values():
            assert canonical_agency(text[slice(*found.agency_span)]) == agency
    if date is not None:
        assert found.date_span is not None and text[slice(*found.date_span)] == date


@pytest.mark.parametrize("text", MUST_NOT_FIND)
def test_must_not_find(text: str) -> None:
    assert parse_dateline(text) is None


def test_leading_whitespace_and_spans_point_into_the_original_text() -> None:
    text = "\n  WASHINGTON (Reuters) - The vote was delayed."
    found = parse_dateline(text)
    assert found is not None
    assert found.span == (3, 25)
    assert text[slice(*found.agency_span)] == "Reuters"  # type: ignore[misc]


def test_dateline_must_end_within_the_window() -> None:
    place = "PORT " * 30  # too many words and too far
    assert parse_dateline(f"{place.strip()} (Reuters) - text") is None
    near = "WASHINGTON (Reuters) - " + "x" * 500
    assert parse_dateline(near) is not None
    far = " " * DATELINE_WINDOW + "WASHINGTON (Reuters) - text"
    assert parse_dateline(far) is not None  # leading space is skipped, not counted


@pytest.mark.parametrize(
    "clean",
    [
        "WASHINGTON (Reuters) - The Senate voted on Tuesday.",
        "LONDON, March 3 (Reuters) - Shares fell.",
        "BEIJING, Jan. 5 (Xinhua) -- Snow fell across the north.",
        "PARIS (AP) — Police cleared the square.",
        "MOSUL, Iraq (Reuters) - Troops moved in.",
        "SAN FRANCISCO/NEW YORK (Reuters) - Tech stocks slid.",
    ],
)
def test_degraded_form_finds_the_same_agency(clean: str) -> None:
    degraded = degrade_text(clean).text
    found_clean, found_degraded = parse_dateline(clean), parse_dateline(degraded)
    assert found_clean is not None and found_degraded is not None, degraded
    assert found_degraded.agency == found_clean.agency
    assert found_degraded.place is not None and found_clean.place is not None
    assert found_degraded.place.replace(" ", "") == found_clean.place.lower().replace(" ", "")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Reuters", "Reuters"),
        (" reuters ", "Reuters"),
        ("Associated Press", "AP"),
        ("AP", "AP"),
        ("Agence France-Presse", "AFP"),
        ("xinhua", "Xinhua"),
        ("Bloomberg News", "Bloomberg"),
        ("DPA", "dpa"),
        ("ITAR-TASS", "TASS"),
        ("Yonhap", "Yonhap"),
        ("Some Blog", None),
    ],
)
def test_canonical_agency(written: str, canonical: str | None) -> None:
    assert canonical_agency(written) == canonical


def test_to_schema() -> None:
    text = "LONDON, March 3 (Reuters) - British shares edged higher."
    found = parse_dateline(text)
    assert isinstance(found, ParsedDateline)
    record = found.to_schema(text)
    assert record.span.text == "LONDON, March 3 (Reuters) -"
    assert record.place == "LONDON" and record.place_span is not None
    assert record.place_span.text == "LONDON"
    assert record.agency == "Reuters" and record.agency_span is not None
    assert record.agency_span.text == "Reuters"
    assert record.date == "March 3"


@given(st.text(max_size=200))
def test_any_text_gives_a_dateline_inside_it_or_none(text: str) -> None:
    found = parse_dateline(text)
    if found is not None:
        start, end = found.span
        assert 0 <= start < end <= len(text)
        for span in (found.place_span, found.agency_span, found.date_span):
            if span is not None:
                assert start <= span[0] < span[1] <= end
