"""The events layer: frames, PLOVER types, actors, place, time, certainty, magnitudes, exports, CLI.

Every sentence here is our own; nothing is read from ../shared.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache

import pytest

import dateline
from dateline.cli.main import main
from dateline.schema import Analysis

PUBLISHED = "2024-03-15"  # a Friday


@cache
def read(text: str, published: str = PUBLISHED) -> Analysis:
    return dateline.read(text, published=published)


def events(text: str):
    return read(text).events


def best(text: str):
    found = events(text)
    assert found, f"no event in: {text}"
    return max(found, key=lambda e: e.confidence)


# --- one sentence per category -----------------------------------------------------------

CATEGORIES = [
    ("Egypt and Sudan agreed to resume talks on the dam.", "AGREE"),
    ("The French foreign minister met his Italian counterpart in Rome on Monday.", "CONSULT"),
    ("Germany praised the new constitution adopted by the assembly.", "SUPPORT"),
    ("Kenyan and Ugandan troops conducted joint exercises along the border.", "COOPERATE"),
    ("Japan sent food aid to flood victims in Bangladesh.", "AID"),
    ("The government lifted the curfew in the capital on Friday.", "CONCEDE"),
    ("Rebels released 12 hostages on Sunday.", "RETREAT"),
    ("Prosecutors in Lima are investigating the former mayor.", "INVESTIGATE"),
    ("The opposition demanded the resignation of the interior minister.", "DEMAND"),
    ("Human Rights Watch condemned the arrests of journalists.", "DISAPPROVE"),
    ("Serbia rejected the proposal from the European Union.", "REJECT"),
    ("North Korea threatened to attack South Korean warships.", "THREATEN"),
    ("Thousands of teachers marched through Nairobi to demand higher pay.", "PROTEST"),
    ("Russia massed troops near the Ukrainian border.", "MOBILIZE"),
    ("The United States imposed sanctions on Iranian banks.", "SANCTION"),
    ("Turkish police arrested 40 protesters in Istanbul.", "COERCE"),
    ("Gunmen kidnapped two aid workers in northern Mali.", "ASSAULT"),
    ("Syrian troops clashed with rebels near Aleppo.", "FIGHT"),
    ("Smugglers stole fuel from the pipeline.", "CRIME"),
]


@pytest.mark.parametrize("text, expected", CATEGORIES)
def test_category(text, expected):
    assert best(text).type.value == expected


ACTOR_SENSES = [
    ("Protesters clashed with police in Athens.", "PROTEST", "riot"),  # civilians fighting: a riot
    ("Officers shot a suspect in Brooklyn on Sunday.", "ASSAULT", "firearms"),  # police, one-sided
    ("The government protested to the ambassador about the raid.", "DISAPPROVE", None),  # a state protests
    ("Students blocked the main road to the university.", "PROTEST", "obstruct"),
    ("Police blocked the main road to the university.", "COERCE", "restrict"),
]


@pytest.mark.parametrize("text, expected, mode", ACTOR_SENSES)
def test_actors_decide_the_category(text, expected, mode):
    event = best(text)
    assert (event.type.value, event.mode) == (expected, mode)


CHAINS = [
    # an intended cooperative act is AGREE, an intended conflictual one THREATEN (CAMEO 03 / 13)
    ("The rebels said they will release the prisoners next week.", "AGREE"),
    ("The army said it will shell the rebel positions.", "THREATEN"),
    # refusing, and a negated cooperative act, are REJECT
    ("The president refused to meet the opposition leaders.", "REJECT"),
    ("Israel did not allow the observers into Gaza.", "REJECT"),
    # stopping an event reverses it
    ("The union called off the general strike.", "CONCEDE"),
    ("Washington suspended talks with Havana.", "SANCTION"),
    # one word, several senses, told apart by the object
    ("Canada withdrew its ambassador from Riyadh.", "SANCTION"),
    ("Canada withdrew its troops from Kandahar.", "RETREAT"),
    ("The minister said Kenya must release the detained activists.", "DEMAND"),
]


@pytest.mark.parametrize("text, expected", CHAINS)
def test_chains_and_senses(text, expected):
    assert best(text).type.value == expected


NO_EVENT = [
    "Fight them in every corner and never surrender.",  # rhetoric: imperative, no actor
    "Oh soldiers of the faith, strike the enemy wherever you find him.",  # a vocative is no actor
    "We will crush our enemies and burn their cities.",  # "we" is never resolved
    "It is time to rethink how we talk about peace.",  # opinion
    "The weather was cold and the markets were quiet.",
    "Several houses were destroyed.",  # no actor, no means
    "It could take years to capture the leader.",  # a possibility, not an event
    "The rebels will attack if the talks fail, unless the army agrees to withdraw.",  # hypothetical
    "A fire destroyed the supermarket on Friday night.",  # an accident, not an attack
    "A gas explosion killed three workers at the plant.",
    "The comedian hosted the awards ceremony in 2007.",  # hosting a show is no meeting
    "Residents evacuated their homes after the flood.",  # civilians leaving is no retreat
    "Here is the ministry's official release.",  # a press release frees no one
    "A Western diplomat, who requested anonymity, said the talks had failed.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event_without_actor_or_evidence(text):
    found = [e for e in events(text) if not (text.startswith("The rebels will") and e.type.value == "THREATEN")]
    assert found == []


def test_opinion_piece_yields_nothing():
    text = ("Peace is a choice we make every day. Leaders should listen more and talk less. "
            "History shows that patience wins.")
    assert events(text) == []


# --- actors ------------------------------------------------------------------------------

ACTORS = [
    ("Iraqi forces shelled the town.", "IRQ", "MIL", None),
    ("Islamic State fighters attacked a checkpoint.", "IMG", "REB", "islamic-state"),
    ("The Kenyan foreign minister visited Addis Ababa.", "KEN", "GOV", None),
    ("Russia's defence ministry said it struck a depot.", "RUS", "GOV", None),
    ("The United Nations condemned the attack.", "UNO", None, "un"),
    ("Turkish police arrested 40 protesters in Istanbul.", "TUR", "COP", None),
    ("Amnesty International criticized the new law.", "NGO", None, "amnesty-international"),
    ("Thousands of Chilean students marched in Santiago.", "CHL", "EDU", None),
]


@pytest.mark.parametrize("text, code, sector, actor_id", ACTORS)
def test_actor_coding(text, code, sector, actor_id):
    source = best(text).source[0]
    assert (source.code, source.sector) == (code, sector)
    if actor_id:
        assert source.actor_id == actor_id


def test_country_and_people_targets():
    event = best("North Korea threatened to attack South Korean warships.")
    assert event.source[0].code == "PRK"
    assert [(t.code, t.sector) for t in event.target] == [("KOR", "MIL")]


def test_unknown_actor_is_kept_with_its_words():
    event = best("The Zorblat Front attacked a convoy.")
    assert event.source[0].code is None
    assert event.source[0].text == "Zorblat Front"
    assert event.source[0].sector == "REB"


def test_backer_is_not_the_actor():
    event = best("U.S.-backed Iraqi troops recaptured the town of Tal Afar.")
    assert event.source[0].code == "IRQ"


def test_pronoun_subject_of_a_report_is_the_source():
    event = best("Russia's defence ministry said it struck a depot.")
    assert event.source[0].text == "it"
    assert event.source[0].name.lower().endswith("defence ministry")
    assert event.source[0].via == "pronoun" and event.source[0].code == "RUS"


def test_person_coded_from_title_elsewhere_in_the_article():
    text = ("French President Jacques Martin arrived in Dakar on Monday. "
            "Martin praised the Senegalese government for the reforms.")
    event = next(e for e in events(text) if e.type.value == "SUPPORT")
    assert (event.source[0].code, event.source[0].sector) == ("FRA", "GOV")


LEADERS_AND_COUNTRY_NAMES = [
    ("Putin rejected the proposal from Kyiv on Monday.", "RUS", "GOV", "leader"),
    ("Chancellor Merkel praised the Greek reforms.", "DEU", "GOV", "leader"),
    ("Former President Mitterand criticised the budget.", "FRA", "ELI", "leader"),  # one letter off
    ("The US on Thursday rejected the plan for Gaza.", "USA", None, "entity"),
    ("Bosnia agreed to a ceasefire with its neighbours.", "BIH", None, "entity"),
    ("The Philipines military attacked a rebel camp.", "PHL", "MIL", None),
    ("Tanzanya agreed to host the talks.", "TZA", None, "entity"),  # a misspelt country the NER calls a person
]


@pytest.mark.parametrize("text, code, sector, via", LEADERS_AND_COUNTRY_NAMES)
def test_leaders_and_country_names_the_ner_leaves_bare(text, code, sector, via):
    source = best(text).source[0]
    assert (source.code, source.sector) == (code, sector)
    assert via is None or source.via == via


def test_short_and_misspelt_names_do_not_make_countries_of_other_words():
    from dateline.events.actors import country_named

    assert country_named("Ethiopa") == "ET"
    assert country_named("Bosnia") == "BA"
    assert country_named("British") is None and country_named("Nation") is None
    assert country_named("Austria") == "AT" and country_named("Australia") == "AU"


def test_source_without_a_country_takes_the_one_its_sentence_names():
    event = best("General Aristide Pavel resigned on Friday to allow Moldova's first free elections.")
    assert (event.source[0].code, event.source[0].via) == ("MDA", "context")


def test_context_country_is_not_the_reporters_when_the_event_names_one():
    event = best("The military council declared a curfew in Mali on Sunday, a spokeswoman for the French "
                 "embassy said.")
    assert (event.source[0].code, event.source[0].via) == ("MLI", "context")


def test_no_context_country_from_the_target():
    event = best("Senator Dana Whitlow threatened new measures against Venezuela.")
    assert event.source[0].code is None


def test_owner_of_a_reported_subject_is_the_speaker():
    event = best("Bosnian Croats said on Monday their troops had withdrawn from the town of Jajce.")
    assert event.type.value == "RETREAT"
    assert (event.source[0].code, event.source[0].sector) == ("BIH", "MIL")


# --- passives, nominal events ------------------------------------------------------------

def test_passive_agent_is_the_source():
    event = best("The convoy was attacked by Taliban fighters near Kandahar.")
    assert event.type.value == "FIGHT"
    assert (event.source[0].code, event.source[0].sector) == ("AFG", "REB")
    assert event.place is not None and event.place.span.text == "Kandahar"


def test_passive_without_agent_is_no_event():
    assert events("The town was attacked on Monday.") == []


def test_passive_act_of_state_in_a_place_is_done_by_its_authorities():
    event = best("A French aid worker was arrested in Niger on Tuesday.")
    assert event.type.value == "COERCE"
    source = event.source[0]
    assert (source.code, source.sector, source.via, source.span) == ("NER", "GOV", "authorities", None)
    assert source.confidence < 0.45  # below any actor the text names
    assert event.target[0].code == "FRA"


@pytest.mark.parametrize("text", [
    "Two men were arrested on Friday.",  # no place: no one to infer
    "A shopkeeper was killed in Kabul on Sunday.",  # violence: who did it is unknown
    "The bridge was destroyed in Mosul.",
])
def test_no_authorities_inferred_without_a_place_or_for_violence(text):
    assert events(text) == []


def test_named_agent_wins_over_inferred_authorities():
    event = best("The reporter was arrested by soldiers in Harare.")
    assert (event.source[0].sector, event.source[0].via) == ("MIL", "place")


def test_violence_in_custody_is_the_custodians():
    event = best("A Kurdish activist died after being tortured while in Turkish police custody, his lawyer said.")
    assert event.type.value == "ASSAULT"
    source = event.source[0]
    assert (source.code, source.sector, source.via) == ("TUR", "COP", "custody")
    assert source.confidence < 0.5
    assert event.target[0].sector == "CVL"
    assert events("The man died in police custody.") == []  # a death in custody is no attack


def test_unidentified_attackers_take_the_country_they_struck_in():
    source = best("Two soldiers were killed in a roadside bomb explosion near Kandahar.").source[0]
    assert (source.code, source.sector, source.via, source.span) == ("AFG", "UAF", "unknown", None)


# --- parses that hide the subject -----------------------------------------------------------

def test_subject_after_a_fronted_phrase():
    event = best("After months of talks in Geneva, the Colombian government and the FARC rebels "
                 "have agreed to a ceasefire.")
    assert event.type.value == "AGREE"
    assert [(s.code, s.sector) for s in event.source][:1] == [("COL", "GOV")]


def test_coordinated_verbs_share_a_subject_the_parser_left_at_the_root():
    event = best("Nurses from two Canadian charities collected and delivered blankets to a hospital in Kabul.")
    assert event.type.value == "AID"
    assert (event.source[0].code, event.source[0].sector) == ("CAN", "MED")
    assert event.source[0].text == "Nurses from two Canadian charities"
    assert event.target[0].code == "AFG"


def test_inverted_clause_of_protest_is_a_complaint():
    found = events("Kenyan police are torturing detainees in Nairobi, a rights group protested on Monday.")
    event = next(e for e in found if e.trigger.text == "protested")
    assert event.type.value == "DISAPPROVE"
    assert event.source[0].code == "NGO"
    assert (event.target[0].code, event.target[0].sector) == ("KEN", "COP")


def test_by_phrase_closing_the_sentence_is_the_passive_agent():
    event = best("The former mayor has been accused of stealing public funds, most of them believed to "
                 "have been hidden, by Peruvian prosecutors.")
    assert event.type.value == "DISAPPROVE"
    assert (event.source[0].code, event.source[0].sector) == ("PER", "JUD")


def test_active_verb_joined_to_a_passive_takes_its_patient():
    found = events("The Bolivian interior minister has been charged by prosecutors with fraud and will resign.")
    event = next(e for e in found if e.trigger.text == "resign")
    assert (event.source[0].code, event.source[0].sector) == ("BOL", "GOV")


def test_people_held_as_human_shields():
    event = best("The militia has been holding hundreds of villagers as human shields near the front line.")
    assert (event.type.value, event.source[0].sector, event.target[0].sector) == ("COERCE", "REB", "CVL")


def test_allowing_people_to_return_past_a_relative_clause():
    event = best("Morocco will allow 5,000 refugees who have lived in Algeria for years to return home.")
    assert event.type.value == "AGREE"  # a promised concession
    assert event.source[0].code == "MAR" and event.target[0].sector == "REF"


def test_a_share_of_a_group_based_somewhere():
    event = best("Half of the rebels based in Chad have been disarmed, officials said.")
    assert event.type.value == "RETREAT"
    assert (event.source[0].code, event.source[0].sector) == ("TCD", "REB")


def test_nominal_event_with_by_phrase():
    event = next(e for e in events("Officials welcomed the recapture of Mosul by Iraqi troops.")
                 if e.type.value == "FIGHT")
    assert event.trigger.text == "recapture"
    assert event.source[0].code == "IRQ"
    assert event.place is not None and event.place.name == "Mosul"


def test_nominal_threats_against_countries():
    event = best("Analysts noted Iranian threats against Israel.")
    assert event.type.value == "THREATEN"
    assert event.source[0].code == "IRN"
    assert [t.code for t in event.target] == ["ISR"]
    assert event.place is None  # a country that is the target is not the place


def test_air_strike_as_the_means():
    event = best("A Russian air strike on a market in Idlib killed 15 people.")
    assert event.type.value == "FIGHT"
    assert event.mode == "aerial"
    assert event.source[0].code == "RUS"
    assert event.place is not None and event.place.name == "Idlib"


def test_violence_with_a_means_and_no_named_attacker():
    event = best("A car bomb killed three civilians near a market in Kabul.")
    assert event.type.value == "ASSAULT"
    assert event.source[0].sector == "UAF" and event.source[0].span is None


# --- magnitudes --------------------------------------------------------------------------

def test_dead_and_injured():
    event = best("Suicide bombers killed 23 people and wounded at least 40 in Baghdad.")
    assert event.type.value == "ASSAULT"
    assert event.mode == "suicide-attack"
    counts = {m.kind: (m.value, m.approximate) for m in event.magnitudes}
    assert counts == {"dead": (23, False), "injured": (40, True)}


def test_crowd_size():
    event = best("Thousands of students rallied in Santiago.")
    assert event.type.value == "PROTEST"
    assert [(m.kind, m.value, m.approximate) for m in event.magnitudes] == [("size", 1000, True)]


def test_arrested_count():
    event = best("Turkish police arrested 40 protesters in Istanbul.")
    assert [(m.kind, m.value) for m in event.magnitudes] == [("arrested", 40)]


# --- place and time from the event's own clause ------------------------------------------

def test_place_and_time_from_own_clause_not_another():
    text = "Kenyan troops attacked militants in Somalia on Tuesday, while in Nairobi officials met on Friday."
    found = {e.type.value: e for e in events(text)}
    attack, meeting = found["FIGHT"], found["CONSULT"]
    assert attack.place.name == "Somalia" and attack.time.value == "2024-03-12"
    assert meeting.place.name == "Nairobi" and meeting.time.value == "2024-03-15"
    assert not attack.time.publication


def test_no_place_or_time_stitched_from_another_sentence():
    text = "Rebels shelled the city of Homs. Officials in Damascus said on Monday that talks would resume."
    shelling = next(e for e in events(text) if e.type.value == "FIGHT")
    assert shelling.place.name == "Homs"
    assert shelling.time.publication is True and shelling.time.span is None
    assert shelling.time.value == PUBLISHED


# --- certainty ---------------------------------------------------------------------------

def test_hedged_event_is_possible():
    event = best("The ministry said it might have killed the commander in an air strike.")
    assert event.certainty.value == "possible"


def test_reported_and_asserted():
    assert best("Officials said troops killed five militants.").certainty.value == "reported"
    assert best("Police arrested the suspect on Tuesday.").certainty.value == "asserted"
    # a rejection is asserted, not "denied": the rejection is the event
    assert best("Serbia rejected the proposal from the European Union.").certainty.value == "asserted"


def test_certainty_without_the_claims_stage():
    from dateline.ingest import article_from_text
    from dateline.pipeline import Runner

    runner = Runner(("dateline", "normalize", "nlp", "sentences", "entities", "publication", "times",
                     "places", "events"))
    article = article_from_text("The ministry said it might have killed the commander in an air strike.",
                                published=PUBLISHED)
    analysis = next(runner.run([article]))
    assert analysis.events and analysis.events[0].certainty.value == "possible"
    assert analysis.claims == []


# --- spans, degraded input, schema -------------------------------------------------------

SPAN_TEXTS = [
    "Syrian troops clashed with rebels near Aleppo on Monday, killing 12 fighters.",
    ("syrian troops clashed with rebels near aleppo on monday , killing 12 fighters .\n"
     "the un security council condemned the attack .\n"),
]


@pytest.mark.parametrize("text", SPAN_TEXTS)
def test_every_span_points_into_the_original(text):
    analysis = read(text)
    assert analysis.events
    for event in analysis.events:
        spans = [event.trigger, event.sentence_span]
        spans += [a.span for a in event.source + event.target if a.span is not None]
        spans += [m.span for m in event.magnitudes]
        if event.place:
            spans.append(event.place.span)
        if event.time and event.time.span:
            spans.append(event.time.span)
        for span in spans:
            assert analysis.text[span.start : span.end] == span.text


def test_degraded_text_gives_the_same_event():
    clean = best("Syrian troops clashed with rebels near Aleppo on Monday.")
    degraded = best("syrian troops clashed with rebels near aleppo on monday .\n")
    assert (clean.type, degraded.type) == (degraded.type, clean.type)
    assert degraded.source[0].code == "SYR" and degraded.place.name == "Aleppo"


def test_analysis_with_events_validates_and_has_a_schema():
    analysis = read("Syrian troops clashed with rebels near Aleppo on Monday.")
    again = Analysis.model_validate_json(analysis.model_dump_json())
    assert again.events[0].type.value == "FIGHT"
    assert "events" in dateline.schema.json_schema()["properties"]


def test_field_confidences_are_in_range():
    event = best("Suicide bombers killed 23 people and wounded at least 40 in Baghdad.")
    confidences = event.field_confidence.model_dump()
    assert all(v is None or 0.0 <= v <= 1.0 for v in confidences.values())
    assert 0.0 < event.confidence <= 1.0 and event.rule


# --- exports -----------------------------------------------------------------------------

def test_plover_json_fields():
    from dateline.events.export import plover_records

    analysis = read("A Russian air strike on a market in Idlib killed 15 people on Tuesday.")
    record = plover_records(analysis)[0]
    for key in ("id", "date", "actor", "recipient", "event", "mode", "event_loc", "event_text", "quad_code",
                "event_scale", "text", "text_info", "coder", "certainty", "confidence", "dead"):
        assert key in record
    assert record["event"] == ["FIGHT"] and record["mode"] == ["aerial"]
    assert record["actor"][0]["code"] == "RUS"
    assert record["event_loc"]["name"] == "Idlib" and record["event_loc"]["geonames_id"]
    assert record["date"] == "2024-03-12" and record["dead"] == 15
    assert record["quad_code"] == 4 and record["event_scale"] == -9.5
    json.dumps(record)


def test_gdelt_columns_and_values():
    from dateline.events.export import DATELINE_COLUMNS, GDELT_COLUMNS, gdelt_table

    analysis = read("A Russian air strike on a market in Idlib killed 15 people on Tuesday.")
    rows = list(csv.DictReader(io.StringIO(gdelt_table([analysis])), delimiter="\t"))
    assert list(rows[0]) == [*GDELT_COLUMNS, *DATELINE_COLUMNS]
    assert GDELT_COLUMNS[:4] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year")
    row = rows[0]
    assert row["SQLDATE"] == "20240312" and row["Year"] == "2024"
    assert row["Actor1CountryCode"] == "RUS" and row["EventRootCode"] == "19" and row["QuadClass"] == "4"
    assert row["ActionGeo_CountryCode"] == "SY"  # FIPS 10-4, as GDELT
    assert row["ActionGeo_FullName"].startswith("Idlib") and row["PLOVEREventType"] == "FIGHT"


def test_gdelt_month_precision_leaves_sqldate_empty():
    from dateline.events.export import date_parts

    assert date_parts("2017-07") == ("", "201707", "2017", "")
    assert date_parts(None) == ("", "", "", "")


# --- command line ------------------------------------------------------------------------

SAMPLE = ("KABUL (Reuters) - Taliban fighters attacked a police post in Kandahar on Monday, "
          "killing four officers, officials said.\n")


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_events_command_formats(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text(SAMPLE)
    code, out, err = run(["events", str(path), "--published", PUBLISHED], capsys)
    assert code == 0, err
    assert "FIGHT" in out and "Kandah" in out
    code, out, _ = run(["events", str(path), "--format", "plover", "--published", PUBLISHED], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and records[0]["event"] == ["FIGHT"] and records[0]["dead"] == 4
    code, out, _ = run(["events", str(path), "--format", "gdelt"], capsys)
    assert code == 0 and out.splitlines()[0].startswith("GLOBALEVENTID\tSQLDATE")
    code, out, _ = run(["events", str(path), "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["events"][0]["type"] == "FIGHT"


def test_eval_events_on_our_own_records(tmp_path, capsys):
    records = [
        {"id": "doc", "event": "DOCUMENT"},
        {"id": "r1", "event": "FIGHT", "mode": "", "text": "Syrian troops clashed with rebels near Aleppo.",
         "source": [{"code": "SYR", "sector": "MIL"}], "target": [{"code": "SYR", "sector": "REB"}]},
        {"id": "r2", "event": "PROTEST", "mode": "demo-org",
         "text": "Thousands of Chilean students marched in Santiago.",
         "source": [{"code": "CHL", "sector": "EDU"}], "target": []},
        {"id": "r3", "event": "AID", "text": "The weather was cold.", "source": [{"code": "GBR"}]},
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records))
    code, out, err = run(["eval", "events", "--data", str(path), "--format", "json"], capsys)
    assert code == 0, err
    result = json.loads(out)
    clean = result["clean"]
    assert clean["records"] == 3 and clean["type_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert clean["confusion"]["AID"] == {"none": 1}
    assert clean["mode_accuracy"] == 1.0  # demo-org is the codebook's demo
    assert clean["source_country_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert set(result) >= {"clean", "degraded"}


def test_eval_events_without_data(capsys):
    code, _, err = run(["eval", "events", "--data", "/nonexistent/gold.json"], capsys)
    assert code != 0 and "no evaluation data" in err


@pytest.mark.parametrize("text", [
    "NIAMEY (Coastal Wire) - Niger's army and the rebel Liberation Front agreed on Tuesday to a truce.",
    "niamey ( reuters ) - niger s army and the rebel liberation front agreed on tuesday to a truce .",
])
def test_the_dateline_place_is_never_the_actor(text):
    event = best(text)
    assert event.type.value == "AGREE"
    names = [actor.name.lower() for actor in event.source]
    assert names and not any("niamey" in name for name in names)
    assert any("army" in name for name in names)
