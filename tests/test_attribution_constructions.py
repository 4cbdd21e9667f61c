"""Attribution constructions beyond verbs of saying: parentheticals, bare cues beside quote
marks, labels, stance adjectives, nominal cues, and holder-less hedges read as claims."""

from __future__ import annotations

import types

import pytest
from attribution_support import STAGES, analyze

from dateline.evaluation.polnear import predicted_attributions
from dateline.pipeline import Runner
from dateline.schema import Analysis


@pytest.fixture(scope="module")
def runner() -> Runner:
    return Runner(STAGES)


def quotes_of(analysis: Analysis) -> list[tuple[str, str | None, str, str | None]]:
    return [(q.kind.value, q.speaker.name if q.speaker else None, q.content.text, q.verb)
            for q in analysis.quotes]


# --- parenthetical speaker clause ------------------------------------------------------------------

@pytest.mark.parametrize("text, segments, speaker", [
    ("The new bridge, the mayor said, will open in May.",
     ["The new bridge", "will open in May"], "mayor"),
    ("In any case, Ms. Ortiz said, the budget was too small.",
     ["In any case", "the budget was too small"], "Ortiz"),
    ("If the talks fail, the union leader warned, the strike will begin on Monday.",
     ["If the talks fail", "the strike will begin on Monday"], "union leader"),
])
def test_parenthetical_speaker_clause(runner, text, segments, speaker):
    (quote,) = analyze(runner, text).quotes
    assert [s.text for s in quote.segments] == segments
    assert speaker in quote.speaker.name


# --- quote marks beside a cue ----------------------------------------------------------------------

def test_cue_without_construction_takes_the_marks_beside_it(runner):
    analysis = analyze(runner, "\u201cWe lost the vote,\u201d the coach concluded.")
    ((kind, speaker, content, verb),) = quotes_of(analysis)
    assert (kind, content, verb) == ("direct", "We lost the vote,", "conclude")
    assert speaker is not None and "coach" in speaker


def test_quote_before_a_cue_with_its_own_content_is_not_that_cues(runner):
    analysis = analyze(runner, "\u201cThe river is calm now.\u201d\n\n"
                               "Ms. Vega said the dam had held through the night.")
    said = [q for q in analysis.quotes if q.verb == "say"]
    assert [q.content.text for q in said] == ["the dam had held through the night"]
    assert said[0].kind.value == "indirect"


def test_quote_closing_at_an_inverted_cue_is_the_content(runner):
    text = ("Late on Tuesday the chairman turned to the budget: "
            "\u201cThere is simply no money left for roads,\u201d he said.")
    analysis = analyze(runner, text)
    said = [q for q in analysis.quotes if q.verb == "say"]
    assert [(q.kind.value, q.content.text) for q in said] == [
        ("direct", "There is simply no money left for roads,")]


# --- labels: headlines and interviews --------------------------------------------------------------

def test_headline_and_interview_labels(runner):
    text = ("Survey: Ortiz leads the mayoral race by ten points.\n\n"
            "Q: Will you run again next year?\n\n"
            "A: I have not decided yet. My family comes first.\n\n"
            "Pledged: 781.\n\nNote: this story has been updated.\n")
    got = {(q.speaker.name if q.speaker else None, q.content.text) for q in analyze(runner, text).quotes
           if q.cue is not None and q.cue.text == ":"}
    assert ("Survey", "Ortiz leads the mayoral race by ten points") in {
        (name.capitalize() if name else name, content) for name, content in got}
    contents = {content for _, content in got}
    assert "I have not decided yet. My family comes first" in contents
    assert "Will you run again next year?" in contents
    assert not any("781" in c or "updated" in c for c in contents)


def test_interview_answer_stops_at_the_next_turn_without_line_breaks(runner):
    text = "q : will you run again ? a : i have not decided . my family comes first . q : why not ?"
    analysis = analyze(runner, text, degraded=True)
    answers = [q.content.text for q in analysis.quotes if q.cue is not None and q.cue.text == ":"]
    assert not any("why not" in a and "family" in a for a in answers)


# --- stance adjectives -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, verb, content, speaker", [
    ("The union was critical of the new contract.", "critical", "the new contract", "union"),
    ("Residents are worried that the river will flood again.", "worried",
     "that the river will flood again", "residents"),
    ("Several senators remain skeptical about the treaty.", "skeptical", "the treaty", "senators"),
])
def test_stance_adjectives(runner, text, verb, content, speaker):
    (quote,) = analyze(runner, text).quotes
    assert (quote.verb, quote.content.text) == (verb, content)
    assert speaker in quote.speaker.name.lower()


def test_skeptical_stance_is_disputed(runner):
    analysis = analyze(runner, "Western diplomats were skeptical of the ceasefire announcement.")
    claim = next(c for c in analysis.claims if c.quote_id is not None)
    assert claim.certainty.value == "disputed"


@pytest.mark.parametrize("text", [
    "It is clear that the bridge needs repairs.",
    "The old hall was open to visitors until noon.",
    "She was happy.",
])
def test_adjectives_that_attribute_nothing(runner, text):
    assert analyze(runner, text).quotes == []


# --- nominal cues ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, verb, content, speaker", [
    ("The mayor's promise to repave every road was broken within a year.", "promise",
     "to repave every road", "mayor"),
    ("Her insistence that the audit had been fair did not end the dispute.", "insistence",
     "that the audit had been fair", None),
    ("The governor's criticism of the pipeline surprised investors.", "criticism", "the pipeline",
     "governor"),
    ("Farmers voiced little opposition to the new water rules.", None, None, None),
])
def test_nominal_cues(runner, text, verb, content, speaker):
    analysis = analyze(runner, text)
    nominal = [q for q in analysis.quotes if q.verb == verb] if verb else []
    if verb is None:
        assert not any(q.verb in ("opposition",) and q.speaker for q in analysis.quotes)
        return
    (quote,) = nominal
    assert quote.content.text == content
    if speaker is not None:
        assert speaker in quote.speaker.name.lower()


def test_noun_inside_a_reported_content_is_not_a_second_quote(runner):
    analysis = analyze(runner, "The minister said the promise to cut taxes would be kept.")
    assert [q.verb for q in analysis.quotes] == ["say"]


# --- holder-less hedges are claims, and the PolNeAR eval reads them ---------------------------------

@pytest.mark.parametrize("text, content, marker", [
    ("The river seems to be rising again.", "The river seems to be rising again", "seems"),
    ("It seems the talks have stalled.", "the talks have stalled", "seems"),
    ("The vote is expected to pass easily.", "The vote is expected to pass easily", "is expected"),
    ("The senator is widely seen as a moderate.", "The senator is widely seen as a moderate",
     "is widely seen"),
    ("The new airport appears doomed.", "The new airport appears doomed", "appears"),
])
def test_hedges_without_a_holder_are_possible_claims(runner, text, content, marker):
    analysis = analyze(runner, text)
    assert analysis.quotes == []
    (claim,) = analysis.claims
    assert (claim.certainty.value, claim.content.text) == ("possible", content)
    assert claim.marker is not None and marker.split()[-1] in claim.marker.text


def test_appearing_somewhere_is_no_hedge(runner):
    analysis = analyze(runner, "The senator appeared on television on Monday.")
    assert analysis.quotes == [] and analysis.claims == []


def test_eval_reads_hedged_claims_as_attributions_without_source(runner):
    analysis = analyze(runner, "The vote is expected to pass easily. Police said the road was closed.")
    attributions = predicted_attributions(analysis)
    texts = {analysis.text[a.content[0][0]:a.content[-1][1]]: a for a in attributions}
    hedge = texts["The vote is expected to pass easily"]
    assert hedge.source == () and analysis.text[hedge.cue[0][0]:hedge.cue[0][1]] == "is expected"
    assert texts["the road was closed"].source


def test_passive_belief_verb_names_no_believer(runner):
    analysis = analyze(runner, "The committee is expected to approve the budget on Friday.")
    assert analysis.quotes == []


def test_reader_question_is_no_attribution(runner):
    assert analyze(runner, "Do you support the new stadium? Vote in our poll.").quotes == []


def test_addressee_and_time_are_not_the_topic(runner):
    assert analyze(runner, "The senator spoke with reporters on Tuesday.").quotes == []
    (quote,) = analyze(runner, "She talked about the economy on Friday.").quotes
    assert quote.content.text == "about the economy"


@pytest.mark.parametrize("text, content", [
    ("He called the plan \u201ca gift to polluters\u201d in his speech.", "a gift to polluters"),
    ("The coach called the decision on Friday \u201ca mistake.\u201d", "a mistake"),
])
def test_called_x_y(runner, text, content):
    (quote,) = [q for q in analyze(runner, text).quotes if q.verb == "call"]
    assert content in quote.content.text


@pytest.mark.parametrize("text", [
    "She called her brother Tom every week.",
    "He called the office on Monday.",
])
def test_calling_someone_is_no_attribution(runner, text):
    assert [q for q in analyze(runner, text).quotes if q.verb == "call"] == []


def test_evidence_subjects_show(runner):
    analysis = analyze(runner, "Photos from the scene showed a burned truck near the border.")
    assert [(q.verb, q.content.text) for q in analysis.quotes] == [("show", "a burned truck")]


def test_predicted_attributions_without_claims_layer():
    quotes_only = types.SimpleNamespace(quotes=[], entities=[])
    assert predicted_attributions(quotes_only) == []


@pytest.mark.parametrize("text, content", [
    ("Asked about the new tax, the mayor said it was fair.", "the new tax"),
    ("When asked whether he would run again, the senator smiled.", "whether he would run again"),
])
def test_asked_question_has_no_named_asker(runner, text, content):
    (question,) = [q for q in analyze(runner, text).quotes if q.verb == "ask"]
    assert question.content.text == content and question.speaker is None


def test_addressee_before_quote_marks(runner):
    text = ("The campaign shrugged off the remarks, telling reporters, "
            "\u201cNobody here ever asked for that endorsement.\u201d")
    (quote,) = analyze(runner, text).quotes
    assert (quote.kind.value, quote.verb) == ("direct", "tell")
    assert quote.content.text.startswith("Nobody here ever asked")


def test_noun_equated_with_a_clause(runner):
    (quote,) = analyze(runner, "Her argument was that taxes were too high.").quotes
    assert (quote.verb, quote.content.text) == ("argument", "that taxes were too high")


def test_noun_equated_with_a_noun_phrase_attributes_nothing(runner):
    text = "The message released on Friday was her first speech in a year during which her party lost seats."
    assert analyze(runner, text).quotes == []


def test_voicing_verb_subject_holds_the_nominal_cue(runner):
    quotes = analyze(runner, "The senator expressed concern that the bridge would fail.").quotes
    (quote,) = quotes
    assert "bridge would fail" in quote.content.text
    assert "senator" in quote.speaker.name.lower()


def test_question_asked_by_an_agent(runner):
    analysis = analyze(runner, "Certainly, she said when asked by a reporter if that is still her plan.")
    (question,) = [q for q in analysis.quotes if q.verb == "ask"]
    assert question.content.text == "if that is still her plan"
    assert "reporter" in question.speaker.name
