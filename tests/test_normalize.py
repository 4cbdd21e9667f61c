"""Tests of degraded-input detection, restoration and offset mapping."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.normalize import DegradationReport, NormalizedText, detect_degraded, normalize

# Written for these tests in the corpus style: lowercased, tokenized, one
# sentence per line, apostrophes stripped.
DEGRADED_ARTICLE = (
    "mosul , iraq ( reuters ) - iraqi engineers began clearing rubble on sunday from the old"
    " city s el nuri mosque , which islamic state ( is ) fighters blew up last year .\n"
    "the u.s.-led coalition said it would give $ 10 million toward rebuilding the site .\n"
    "it s a symbol of the city , one engineer said , and we don t want it forgotten ...\n"
    "work is due to start at 9 : 30 a.m. each day , and un experts will visit in may .\n"
    "about 40 % of the old city was destroyed in the battle , according to u.n. estimates .\n"
)

CLEAN_TEXTS = [
    "AMMAN (Reuters) - The leader of a Syrian rebel faction told his fighters to hold their"
    " ground around Idlib and Hama, the faction's media office said on Thursday.",
    "IRAQ SAYS ISLAMIC STATE LEADER KILLED IN AIR STRIKE",
    "\u201cWe will not stop,\u201d he said. 'It's over,' she replied... The U.S. didn't comment.",
    "iPhone sales rose 5% in the U.S. market last year, Apple said in a statement.",
    "Le pr\u00e9sident a dit : \u00ab non ! \u00bb Pourquoi ? Parce que les chiffres sont faux.",
    "The committee met on Tuesday.\nIt agreed that the vote would be postponed.\n\nNo date set.",
    "Washington has put a $10 million reward (its largest this year) on the commander.",
    "hello",
    "hello world",
    "Ok.",
    "the cat sat on the mat",
    "NATO",
    "",
]


def fold(text: str) -> str:
    """What must survive restoration: the characters, ignoring case, spaces and apostrophes."""
    return re.sub(r"[\s']", "", text).lower()


def check_alignment(result: NormalizedText) -> None:
    """Every restored character comes from one original character, as promised."""
    original, text, origin = result.original, result.text, result.origin
    assert len(origin) == len(text)
    assert all(a < b for a, b in zip(origin, origin[1:]))
    assert all(0 <= source < len(original) for source in origin)
    for char, source in zip(text, origin):
        was = original[source]
        assert char == was or char.lower() == was or (char in " '" and was.isspace())
    kept = set(origin)
    assert all(ch.isspace() for i, ch in enumerate(original) if i not in kept)
    assert all(0 <= start < len(text) for start in result.sentence_starts)
    assert list(result.sentence_starts) == sorted(set(result.sentence_starts))


def check_span(result: NormalizedText, start: int, end: int) -> None:
    """A restored span maps to an original span with the same characters, and back."""
    o_start, o_end = result.to_original(start, end)
    assert fold(result.original[o_start:o_end]) == fold(result.text[start:end])
    assert result.from_original(o_start, o_end) == (start, end)


def check_all_tokens(result: NormalizedText) -> None:
    for token in re.finditer(r"\S+", result.text):
        check_span(result, token.start(), token.end())


# --- passing clean text through -------------------------------------------------------------


@pytest.mark.parametrize("text", CLEAN_TEXTS)
def test_clean_text_passes_through_untouched(text: str) -> None:
    result = normalize(text)
    assert not result.degraded
    assert result.text == result.original == text
    assert result.origin == tuple(range(len(text)))
    assert result.sentence_starts == ()


@pytest.mark.parametrize("text", CLEAN_TEXTS)
def test_clean_text_not_judged_degraded(text: str) -> None:
    report = detect_degraded(text)
    assert isinstance(report, DegradationReport)
    assert not report.degraded
    assert not report.lowercased and not report.tokenized


def test_force_false_passes_degraded_text_through() -> None:
    result = normalize(DEGRADED_ARTICLE, force=False)
    assert not result.degraded
    assert result.text == DEGRADED_ARTICLE
    assert result.signals["lowercase_ratio"] == 1.0


# --- judging degraded text ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        DEGRADED_ARTICLE,
        "iraqi engineers began clearing rubble on sunday from the old city",  # one long line
        "the city s mosque",  # short, but a stripped possessive
        "cairo ( reuters ) -",  # short, but tokenized
        "he paid $ 25 million , officials said .",
        "It was over , officials said ( not for long ) .",  # tokenized, cased
    ],
)
def test_degraded_text_is_detected(text: str) -> None:
    assert detect_degraded(text).degraded
    assert normalize(text).degraded


def test_signals_explain_the_judgement() -> None:
    report = detect_degraded(DEGRADED_ARTICLE)
    assert report.lowercased and report.tokenized
    assert report.signals["lowercase_ratio"] == 1.0
    assert report.signals["lower_start_ratio"] == 1.0
    assert report.signals["split_punct_ratio"] > 0.8  # u.s. and a.m. end in an unsplit dot
    assert report.signals["split_possessive_count"] == 2
    assert report.signals["apostrophe_count"] == 0


def test_tokenized_cased_text_keeps_its_case() -> None:
    result = normalize("It was over , officials said ( not for long ) .")
    assert result.text == "It was over, officials said (not for long)."


# --- restoring ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("degraded", "restored"),
    [
        ("cairo ( reuters ) - the army said .", "Cairo (Reuters) - The"),
        ("beirut , lebanon , oct 5 ( ap ) - aid arrived", "Beirut, Lebanon, Oct 5 (AP) - Aid"),
        ("paris ( afp ) - ", "Paris (AFP) -"),
        ("the city s el nuri mosque", "The city's El Nuri"),
        ("he paid $ 25 million .", "He paid $25 million."),
        ("x : y", "X: "),
        ("i think so , and i said so .", "I think so, and I said so."),
        ("u.s. and u.n. officials", "U.S. and U.N. officials"),
        ("the u.s.-backed forces", "The U.S.-backed forces"),
        ("at 10 : 30 a.m. they left .", "At 10:30 a.m. they left."),
        ("prices rose 5 % .", "Prices rose 5%."),
        ("wait ... what ?", "Wait... what?"),
        ("it s over", "It's over"),
        ("we don t know", "We don't know"),
        ("the nato and eu leaders", "The NATO and EU leaders"),
        ("the us army said", "The US "),
        ("islamic state ( is ) fighters", "Islamic State (IS) fighters"),
        (
            "the islamic state of iraq and the levant ( isil ) said isil would fight",
            "The Islamic State of Iraq and the Levant (ISIL) said ISIL would fight",
        ),
        ("first line .\nsecond line .", "First line. Second line."),
        ("  spaced   out  \n\n\n  lines \r\n here ", "Spaced out "),
        ("the el-sisi government", "The el-Sisi government"),
        ("covid-19 cases rose", "Covid-19 cases rose"),
        ("do it ( now ) !", "Do it (now)!"),
        ("they were n't there", "They weren't there"),
    ],
)
def test_degraded_text_is_restored(degraded: str, restored: str) -> None:
    result = normalize(degraded, force=True)
    assert result.text.startswith(restored)
    check_alignment(result)
    check_all_tokens(result)


@pytest.mark.parametrize(
    ("degraded", "restored"),
    [
        ("the u.s. said", "The U.S. said"),  # u.s. is one token, not a possessive
        ("at 9 a.m. today", "At 9 a.m. today"),  # lowercase dotted abbreviation
        ("they told us", "They told us"),  # the pronoun, not the country
        ("an is branch", "An is branch"),  # is: an acronym only when defined in parentheses
        ("in the 1990s", "In the 1990s"),
        ("the self-proclaimed caliph", "The self-proclaimed"),
        ("forces have retaken the town", "Forces have retaken the town"),
        ("the t shirt", "The t shirt"),  # t after a word that is not a contraction host
        ("cairo ( reuters ) - the", "Cairo (Reuters) - The"),  # the dash keeps its spaces
        ("north - south talks", "North - South talks"),
        ("NASA said it s fine", "NASA said it's fine"),  # cased input: case left alone
        ("s and p", "S and P"),  # a line-initial s is no possessive
        ("( 1 ) , ( 2 )", "(1), (2)"),
    ],
)
def test_things_left_alone(degraded: str, restored: str) -> None:
    result = normalize(degraded, force=True)
    assert result.text.startswith(restored)
    check_alignment(result)


def test_article_is_restored_with_sentence_starts() -> None:
    result = normalize(DEGRADED_ARTICLE)
    assert result.degraded
    assert result.text.startswith("Mosul, Iraq (Reuters) - Iraqi engineers")
    assert "the old city's El Nuri mosque" in result.text.replace("Mosque", "mosque")
    assert "Islamic State (IS) fighters" in result.text
    assert "The U.S.-led coalition" in result.text
    assert "$10 million" in result.text
    assert "It's a symbol of the city, one engineer said, and we don't want it" in result.text
    assert "at 9:30 a.m. each day, and UN experts" in result.text
    assert "About 40% of the old city" in result.text
    assert "U.N. estimates." in result.text
    assert "\n" not in result.text
    lines = DEGRADED_ARTICLE.strip("\n").split("\n")
    assert len(result.sentence_starts) == len(lines)
    for start, line in zip(result.sentence_starts, lines):
        mapped = result.to_original(start, start + 1)
        assert result.original[mapped[0]] == line[0]
        assert result.text[start].isupper()
    check_alignment(result)
    check_all_tokens(result)


def test_el_nuri_maps_back_to_the_original() -> None:
    result = normalize(DEGRADED_ARTICLE)
    start = result.text.index("El Nuri")
    o_start, o_end = result.to_original(start, start + len("El Nuri"))
    assert result.original[o_start:o_end] == "el nuri"
    assert result.from_original(o_start, o_end) == (start, start + len("El Nuri"))
    possessive = result.text.index("city's")
    o_start, o_end = result.to_original(possessive, possessive + len("city's"))
    assert result.original[o_start:o_end] == "city s"


def test_reuters_maps_back_across_deleted_spaces() -> None:
    result = normalize(DEGRADED_ARTICLE)
    assert result.text[12:21] == "(Reuters)"
    o_start, o_end = result.to_original(12, 21)
    assert result.original[o_start:o_end] == "( reuters )"


# --- offsets --------------------------------------------------------------------------------


def test_span_mapping_edges() -> None:
    result = normalize("  the city s   wall .  ", force=True)
    assert result.text == "The city's wall."
    assert result.to_original(0, 0) == (2, 2)
    assert result.to_original(len(result.text), len(result.text)) == (21, 21)  # after the "."
    assert result.from_original(0, 2) is None  # only deleted whitespace
    assert result.from_original(0, 3) == (0, 1)
    assert result.from_original(2, 2) == (0, 0)
    with pytest.raises(ValueError):
        result.to_original(0, len(result.text) + 1)
    with pytest.raises(ValueError):
        result.from_original(3, 2)


VOCABULARY = [
    "the", "city", "s", "el", "nuri", "mosque", "said", "i", "t", "don", "it", "u.s.", "u.n.",
    "u.s.-backed", "a.m.", "(", ")", "reuters", "ap", "-", "$", "25", "10", ":", "30", "%", ",",
    ".", "...", "?", "!", "'s", "n't", "is", "islamic", "state", "un", "nato", "us", "al-baghdadi",
    "covid-19", "cairo", "\u00e9gypte", "stra\u00dfe", "\u0130stanbul", "\ufb01sh", "caf\u00e9",
    "\u01c6emal", "na\u00efve", "\u00df", "1990s",
]
SEPARATORS = [" ", " ", " ", "  ", "\n", " \n", "\n\n", "\t", "\r\n", "\u00a0", "\u2028"]

words = st.one_of(
    st.sampled_from(VOCABULARY),
    st.text(st.characters(categories=("Ll", "Lu", "Lt", "Nd", "Po")), min_size=1, max_size=8),
)


@st.composite
def degraded_like(draw: st.DrawFn) -> str:
    tokens = draw(st.lists(words, min_size=0, max_size=40))
    pieces = [draw(st.sampled_from(["", " ", "\n"]))]
    for token in tokens:
        pieces.append(token)
        pieces.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(pieces)


def check_random_spans(result: NormalizedText, data: st.DataObject) -> None:
    size = len(result.text)
    for _ in range(5):
        start = data.draw(st.integers(0, size))
        end = data.draw(st.integers(start, size))
        check_span(result, start, end)
    size = len(result.original)
    for _ in range(5):
        start = data.draw(st.integers(0, size))
        end = data.draw(st.integers(start, size))
        mapped = result.from_original(start, end)
        if start == end:
            assert mapped is not None and mapped[0] == mapped[1]
        elif mapped is None:
            assert start < end and result.original[start:end].isspace()
        else:
            o_start, o_end = result.to_original(*mapped)
            assert start <= o_start <= o_end <= end


@settings(max_examples=200, deadline=None)
@given(degraded_like(), st.sampled_from([None, True]), st.data())
def test_offsets_round_trip_on_degraded_like_text(
    text: str, force: bool | None, data: st.DataObject
) -> None:
    result = normalize(text, force=force)
    assert result.original == text
    check_alignment(result)
    check_all_tokens(result)
    check_random_spans(result, data)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, True, False]), st.data())
def test_offsets_round_trip_on_any_text(text: str, force: bool | None, data: st.DataObject) -> None:
    result = normalize(text, force=force)
    check_alignment(result)
    check_all_tokens(result)
    check_random_spans(result, data)
    if not result.degraded:
        assert result.text == text


# --- errors and edges -----------------------------------------------------------------------


@pytest.mark.parametrize("value", [b"cairo ( reuters )", None, 42, ["text"]])
def test_non_str_input_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="expects the article text as str"):
        normalize(value)  # type: ignore[arg-type]


def test_bytes_error_says_to_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        normalize(b"text")  # type: ignore[arg-type]


@pytest.mark.parametrize("force", [None, True, False])
def test_empty_string(force: bool | None) -> None:
    result = normalize("", force=force)
    assert result.text == result.original == ""
    assert result.origin == () and result.sentence_starts == ()
    assert not result.degraded
    assert result.to_original(0, 0) == (0, 0)
    assert result.from_original(0, 0) == (0, 0)


def test_whitespace_only_forced() -> None:
    result = normalize(" \n \n ", force=True)
    assert result.text == ""
    assert result.from_original(0, 5) is None
    check_alignment(result)
