"""The degraded corpus form, with alignment back to the clean text."""

from hypothesis import given, settings, strategies as st

from dateline.degrade import degrade_sentence, degrade_text, degrade_tokens, split_sentences
from dateline.evaluation.conll import Sentence, tags_to_spans


def test_sentence_matches_the_corpus_form():
    clean = 'The city\'s El Nuri mosque cost $25 million, "officials" said in the U.S.-backed 46-minute talk...'
    degraded, _ = degrade_sentence(clean)
    assert degraded == (
        "the city s el nuri mosque cost $ 25 million , officials said in the u.s.-backed 46-minute talk ..."
    )


def test_one_sentence_per_line():
    text = "CAIRO (Reuters) - It rained. \"Stay home,\" he said.\nA new paragraph!"
    assert degrade_text(text).text.splitlines() == [
        "cairo ( reuters ) - it rained .",
        "stay home , he said .",
        "a new paragraph !",
    ]


def test_spans_map_both_ways():
    text = "Russia's Defense Ministry said it might have killed Baghdadi."
    d = degrade_text(text)
    start = text.index("Defense Ministry")
    mapped = d.span_from_original(start, start + len("Defense Ministry"))
    assert mapped is not None
    assert d.text[mapped[0] : mapped[1]] == "defense ministry"
    assert d.span_to_original(*mapped) == (start, start + len("Defense Ministry"))


def test_span_of_removed_characters_maps_to_nothing():
    d = degrade_text('He said "" nothing.')
    assert d.span_from_original(8, 10) is None


def test_token_degradation_keeps_sources():
    tokens, source = degrade_tokens(["Germany", "'s", '"', "10:30", "U.S."])
    assert tokens == ["germany", "s", "10", ":", "30", "u.s."]
    assert source == [0, 1, 3, 3, 3, 4]


def test_conll_tags_follow_degraded_tokens():
    sentence = Sentence(["``", "EU", "''", "rejects", "German", "'s", "call"],
                        ["O", "I-ORG", "O", "O", "I-MISC", "O", "O"])
    degraded = sentence.degraded()
    assert degraded.tokens == ["eu", "rejects", "german", "s", "call"]
    assert [(degraded.tokens[s], label) for s, _, label in degraded.spans()] == [("eu", "ORG"), ("german", "MISC")]


def test_adjacent_entities_stay_apart_when_a_quote_between_them_goes():
    sentence = Sentence(["Paris", '"', "London"], ["I-LOC", "O", "I-LOC"])
    assert sentence.degraded().spans() == [(0, 1, "LOC"), (1, 2, "LOC")]


def test_iob1_decoding():
    assert tags_to_spans(["I-PER", "I-PER", "B-PER", "O", "I-LOC"]) == [(0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC")]


def test_sentence_split_needs_a_capital_after_the_stop():
    text = "He left at 3 p.m. on Monday. Then it rained."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["He left at 3 p.m. on Monday.", "Then it rained."]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abAB '\"’s.,-()$1\n")), max_size=60))
def test_every_degraded_character_comes_from_the_original(text):
    d = degrade_text(text)
    assert len(d.origin) == len(d.text)
    for char, src in zip(d.text, d.origin):
        if src >= 0:
            assert text[src].lower() == char or (char == " " and text[src] in "'\"’")
        else:
            assert char in " \n"
