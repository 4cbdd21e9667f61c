"""Quotes and claims: tables of hand-written sentences, including ones that must find nothing."""

from __future__ import annotations

import json

import pytest
from attribution_support import STAGES, analyze, check_spans

from dateline.attribution.direct import find_marked_quotes
from dateline.cli.main import main
from dateline.pipeline import Runner


@pytest.fixture(scope="module")
def runner() -> Runner:
    return Runner(STAGES)



# --- quote marks --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, inner", [
    ("He said: \u201cWe stay. We fight.\u201d Then he left.", ["We stay. We fight."]),
    ('She said "no way" and left.', ["no way"]),
    ("\u00abWe are staying here\u00bb, the farmer said.", ["We are staying here"]),
    ("\u2018This is only the start,\u2019 the coach warned.", ["This is only the start,"]),
    ("'Nobody is forgotten here,' the priest said.", ["Nobody is forgotten here,"]),
    ("``It works,'' he said.", ["It works,"]),
    ("''It works,'' he said.", ["It works,"]),
    ("\u201cPart one.\n\n\u201cPart two,\u201d she said.", ["Part one.\n\n\u201cPart two,"]),
    ("The dogs' bowls don't fit Tom's 5' shelf.", []),
    ("No quotes at all in this sentence.", []),
])
def test_marked_quotes(text, inner):
    assert [text[q.inner_start:q.inner_end] for q in find_marked_quotes(text)] == inner


# --- quotes in articles -------------------------------------------------------------------------

QUOTE_CASES = [
    # text, expected (kind, speaker name, content fragment, verb) for each quote, in order
    ("\u201cWe will rebuild the bridge by spring,\u201d Mayor Ana Ortiz said on Monday.",
     [("direct", "Ana Ortiz", "We will rebuild the bridge by spring", "say")]),
    ('"The talks have failed," said Peter Lang, the union\'s chief negotiator.',
     [("direct", "Peter Lang", "The talks have failed", "say")]),
    ("\u00abWe are staying on our land\u00bb, the farmer Tomas Ruiz told reporters.",
     [("direct", "Tomas Ruiz", "We are staying on our land", "tell")]),
    ("\u2018This is only the beginning of the season,\u2019 coach Lina Berg warned.",
     [("direct", "Lina Berg", "This is only the beginning", "warn")]),
    ("'Nobody in this town will be forgotten,' the priest Jonas Weil said.",
     [("direct", "Jonas Weil", "Nobody in this town will be forgotten", "say")]),
    ("Governor Hal Brennan said: \u201cThe storm is over. Now we rebuild. Nobody will be left behind.\u201d",
     [("direct", "Hal Brennan", "The storm is over. Now we rebuild. Nobody will be left behind.", "say")]),
    (("Finance Minister Rosa Vidal told parliament: \u201cThe first part of the plan is simple. "
      "We cut the tax.\n\n\u201cThe second part is harder. We must pay for it.\u201d"),
     [("direct", "Rosa Vidal", "We cut the tax.\n\n\u201cThe second part is harder", "tell")]),
    ("Finance Minister Rosa Vidal said the budget was \u201ca bridge to better times\u201d for families.",
     [("mixed", "Rosa Vidal", "the budget was \u201ca bridge to better times\u201d", "say")]),
    ("\u201cWe tried everything,\u201d Peter Lang said, \u201cbut they would not listen to us.\u201d",
     [("direct", "Peter Lang", "We tried everything", "say")]),
    ("Mayor Ana Ortiz visited the flooded district on Tuesday. She said the repairs would take two weeks.",
     [("indirect", "Ana Ortiz", "the repairs would take two weeks", "say")]),
    (("Foreign Minister Karl Weber met his counterpart in Vienna. "
      "The minister said the talks had been useful."),
     [("indirect", "Karl Weber", "the talks had been useful", "say")]),
    ("U.S. officials said the ship had left the port on Sunday.",
     [("indirect", "U.S. officials", "the ship had left the port", "say")]),
    ("A senior official who declined to be named said the deal was close.",
     [("indirect", "a senior official who declined to be named", "the deal was close", "say")]),
    ("The factory will close next year, according to two people familiar with the plan.",
     [("indirect", "two people familiar with the plan", "The factory will close next year", "according to")]),
    ("Lang added that the union would strike in June.",
     [("indirect", "Lang", "that the union would strike in June", "add")]),
    ("The river will flood the lower town by Friday, the weather service warned.",
     [("indirect", "the weather service", "The river will flood the lower town by Friday", "warn")]),
]


@pytest.mark.parametrize("text, expected", QUOTE_CASES)
def test_quotes(runner, text, expected):
    analysis = analyze(runner, text)
    check_spans(analysis)
    got = [(q.kind.value, q.speaker.name if q.speaker else None, q.content.text, q.verb)
           for q in analysis.quotes]
    assert len(got) == len(expected), got
    for (kind, speaker, content, verb), (want_kind, want_speaker, fragment, want_verb) in zip(got, expected):
        assert kind == want_kind, got
        assert speaker is not None and want_speaker in speaker, got
        assert fragment in content, got
        assert verb == want_verb, got


def test_the_dateline_is_never_the_speaker(runner):
    analysis = analyze(runner, "NAIROBI (Coastal Wire) - The Kenya Red Cross said on Friday that "
                               "floods had cut the road to Garissa.")
    (quote,) = analysis.quotes
    assert quote.speaker is not None and quote.speaker.span.text == "The Kenya Red Cross"


def test_what_was_said_starts_after_the_dateline(runner):
    analysis = analyze(runner, "JUBA (Coastal Wire) - Both sides agreed to a truce on Monday, mediators said.")
    (quote,) = analysis.quotes
    assert quote.content.text == "Both sides agreed to a truce on Monday"
    check_spans(analysis)


def test_an_armed_attack_is_no_attribution(runner):
    assert analyze(runner, "Rebel fighters attacked an army post near Kidal on Sunday.").quotes == []
    assert analyze(runner, "Gunmen attacked a convoy on the main road.").quotes == []
    (quote,) = analyze(runner, "Senator Holt attacked the mayor's budget as reckless.").quotes
    assert quote.content.text.startswith("the mayor's budget")


def test_a_request_for_comment_is_no_attribution(runner):
    assert analyze(runner, "The ministry gave no answer to a request for comment on Friday.").quotes == []
    assert analyze(runner, "Police in Tarland appealed for information about the fire.").quotes == []
    (quote,) = analyze(runner, "Farm unions voiced support for the new grain tariff.").quotes
    assert quote.content.text.endswith("the new grain tariff")


def test_they_in_a_reported_clause_is_the_unnamed_plural_source(runner):
    analysis = analyze(runner, "Fishermen in Lamu said they doubted the new jetty would be finished this year.")
    inner = next(q for q in analysis.quotes if q.cue is not None and q.cue.text == "doubted")
    assert inner.speaker is not None and inner.speaker.name.lower() == "fishermen in lamu"


def test_interrupted_quote_has_two_segments(runner):
    analysis = analyze(runner, "\u201cWe tried everything,\u201d Peter Lang said, "
                               "\u201cbut they would not listen to us.\u201d")
    (quote,) = analysis.quotes
    assert [s.text for s in quote.segments] == ["We tried everything,", "but they would not listen to us."]


def test_quote_without_cue_takes_the_speaker_of_the_sentence_before(runner):
    analysis = analyze(runner, "\u201cThe harvest is lost,\u201d the farmer Tomas Ruiz said.\n\n"
                               "\u201cWe will need help from the state to survive the winter.\u201d")
    first, second = analysis.quotes
    assert first.speaker.name == second.speaker.name == "Tomas Ruiz"
    assert second.speaker.via == "adjacent" and second.speaker.confidence < first.speaker.confidence
    assert second.cue == first.cue


def test_quote_continued_after_its_attribution_is_one_quote(runner):
    analysis = analyze(runner, "\u201cThe harvest is lost,\u201d the farmer Tomas Ruiz said. "
                               "\u201cWe will need help from the state to survive the winter.\u201d")
    (quote,) = analysis.quotes
    assert len(quote.segments) == 2 and quote.speaker.name == "Tomas Ruiz"


@pytest.mark.parametrize("text", [
    "The bridge was rebuilt in 2019 and reopened to traffic in May.",
    'The film "Blue Harbor" opened on Friday in three cities.',
    "She called the office at noon and left a message.",
    "He said nothing.",
    "Visitors can read the full report on the ministry's website.",
])
def test_finds_no_quote(runner, text):
    assert analyze(runner, text).quotes == []


# --- degraded text: stripped quote marks ------------------------------------------------------

def test_stripped_quote_passages_in_degraded_text(runner):
    text = ("karim haddad , the rebel commander , spoke in a recording released on friday .\n"
            "oh people of the valley , hold on to your land and do not sell it to them .\n"
            "do not fear their threats , haddad said in the recording .\n"
            "the army said it had retaken two villages .\n")
    analysis = analyze(runner, text, degraded=True)
    check_spans(analysis)
    stripped = [q for q in analysis.quotes if q.kind.value == "marks-stripped"]
    assert [q.content.text for q in stripped] == [
        "oh people of the valley , hold on to your land and do not sell it to them .",
        "do not fear their threats",
    ]
    assert {q.speaker.name for q in stripped} == {"Karim Haddad"}
    assert stripped[0].speaker.via == "adjacent"
    army = [q for q in analysis.quotes if q.verb == "say" and q.kind.value == "indirect"]
    assert [q.content.text for q in army] == ["it had retaken two villages"]
    assert not any(q.content.text.startswith("karim haddad") for q in analysis.quotes)


def test_saying_colon_and_continuation_in_degraded_text(runner):
    text = ("the cleric lina sharif also called for calm , saying : brothers , keep your hands "
            "clean and your doors open .\n"
            "protect your neighbours and do not answer hate with hate .\n"
            "the city council will meet on monday .\n")
    analysis = analyze(runner, text, degraded=True)
    stripped = [q for q in analysis.quotes if q.kind.value == "marks-stripped"]
    assert [q.content.text for q in stripped] == [
        "brothers , keep your hands clean and your doors open",
        "protect your neighbours and do not answer hate with hate .",
    ]
    assert {q.speaker.name for q in stripped} == {"Lina Sharif"}


def test_narrative_in_degraded_text_is_not_a_quote(runner):
    text = "the river rose overnight .\nresidents moved to higher ground , police said .\n"
    analysis = analyze(runner, text, degraded=True)
    assert [(q.kind.value, q.content.text) for q in analysis.quotes] == [
        ("indirect", "residents moved to higher ground")]


# --- claims ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, certainty, marker", [
    ("Officials said the general might have been killed in the strike.", "possible", "might"),
    ("The army said the general is thought to be hiding in the north.", "possible", "is thought"),
    ("Analysts said they believed the talks would fail.", "believed", None),
    ("The ministry said it could not confirm the report.", "not-corroborated", "not confirm"),
    ("The company denied that its products were unsafe.", "denied", None),
    ("Police said the suspect was arrested on Friday.", "reported", None),
    ("The announcement came after several reports the general had been killed.", "unverified", "reports"),
    ("The army released a purported video of the attack on Monday.", "unverified", "purported"),
])
def test_claim_certainty(runner, text, certainty, marker):
    analysis = analyze(runner, text)
    check_spans(analysis)
    assert analysis.claims, text
    claim = analysis.claims[0]
    assert claim.certainty.value == certainty
    if marker is not None:
        assert claim.marker is not None and claim.marker.text == marker


def test_claims_about_the_same_proposition_are_linked(runner):
    from dateline.attribution import summarize

    text = ("The army said it might have killed the rebel leader Ibrahim Kamal in an air strike. "
            "But British officials said they could not verify the death, and other officials were skeptical.")
    analysis = analyze(runner, text)
    check_spans(analysis)
    claims = {c.certainty.value: c for c in analysis.claims}
    assert set(claims) >= {"possible", "not-corroborated", "disputed"}
    assert claims["possible"].proposition == claims["not-corroborated"].proposition \
        == claims["disputed"].proposition == "death: Ibrahim Kamal"
    assert claims["not-corroborated"].id in claims["possible"].linked
    assert claims["possible"].source.name == "army" or claims["possible"].source.name.endswith("army")
    line = summarize(analysis.claims)["death: Ibrahim Kamal"]
    assert "British officials: not corroborated" in line and ": possible" in line


def test_unrelated_claims_are_not_linked(runner):
    analysis = analyze(runner, "Police said the bridge was closed on Friday. "
                               "The mayor said the school would reopen in May.")
    assert all(not c.linked for c in analysis.claims)


# --- command line ---------------------------------------------------------------------------------

def test_quotes_command(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("\u201cWe will rebuild the bridge by spring,\u201d Mayor Ana Ortiz said on Monday. "
                       "U.S. officials said the ship had left the port.\n", encoding="utf-8")
    assert main(["quotes", str(article), "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [q["speaker"]["name"] for q in record["quotes"]] == ["Mayor Ana Ortiz", "U.S. officials"]
    assert record["quotes"][0]["kind"] == "direct"
    assert main(["quotes", str(article)]) == 0
    out = capsys.readouterr().out
    assert "Ana Ortiz" in out and "direct" in out and "reported" in out


def test_quotes_command_reports_a_missing_file(tmp_path, capsys):
    code = main(["quotes", str(tmp_path / "missing.txt")])
    assert code != 0
    assert "Traceback" not in capsys.readouterr().err


# --- PolNeAR evaluation (a tiny corpus of our own) ------------------------------------------------

def _write_polnear(root):
    text = ("\u201cWe will rebuild the bridge by spring,\u201d Mayor Ana Ortiz said on Monday.\n\n"
            "The river rose overnight. Police said the road would stay closed until Friday.\n")
    (root / "text").mkdir()
    (root / "attributions").mkdir()
    (root / "text" / "town.txt").write_text(text, encoding="utf-8")

    def at(piece):
        start = text.index(piece)
        return f"{start} {start + len(piece)}"

    ann = "\n".join([
        f"T1\tContent {at(chr(0x201c) + 'We will rebuild the bridge by spring,' + chr(0x201d))}\t-",
        f"T2\tSource {at('Mayor Ana Ortiz')}\tMayor Ana Ortiz",
        f"T3\tCue {at('said')}\tsaid",
        f"T4\tAttribution {at('said')}\tsaid",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        f"T5\tSource {at('Police')}\tPolice",
        f"T6\tCue {text.index('said the road')} {text.index('said the road') + 4}\tsaid",
        f"T7\tContent {at('the road would stay closed until Friday')}\t-",
        "E2\tAttribution:T6 Content:T7 Cue:T6 Source:T5",
        "",
    ])
    (root / "attributions" / "town_a1.ann").write_text(ann, encoding="utf-8")
    (root / "attributions" / "town_b2.ann").write_text("", encoding="utf-8")  # a second annotator: ignored


def test_polnear_reader_and_scores(tmp_path):
    from dateline.evaluation.polnear import evaluate_quotes, read_polnear

    _write_polnear(tmp_path)
    (document,) = read_polnear(tmp_path)
    assert len(document.attributions) == 2
    assert all(a.cue and a.source and a.content for a in document.attributions)
    result = evaluate_quotes(tmp_path, textacy=False)
    for setting in ("clean", "degraded"):
        scores = result[setting]
        assert scores["content_overlap"]["f1"] == 1.0, scores
        assert scores["source_accuracy"] == 1.0 and scores["full_attribution_accuracy"] == 1.0
    assert result["textacy"]["note"].startswith("skipped")


def test_eval_quotes_command(tmp_path, capsys):
    _write_polnear(tmp_path)
    assert main(["eval", "quotes", "--data", str(tmp_path), "--format", "json", "--no-textacy"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"clean", "degraded", "textacy"}
    assert {"precision", "recall", "f1"} <= set(result["clean"])
    assert main(["eval", "quotes", "--data", str(tmp_path / "missing")]) != 0
