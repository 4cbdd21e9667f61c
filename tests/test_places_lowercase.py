"""Place names in lowercased, one-sentence-per-line text (the degraded corpus form)."""

from __future__ import annotations

from dateline.places.lowercase import common_word
from tests.test_places import _detect


def _forms(text: str) -> dict[str, str]:
    """Written text -> lookup form of each toponym the detector finds."""
    return {t.text: t.form for t in _detect(text)}


def test_state_abbreviation_after_a_town_is_its_container():
    text = ("a teacher from topeka , kan . , won the award on friday .\n"
            "the band played in bozeman , mont . , before it went home .\n")
    toponyms = {t.text: t for t in _detect(text)}
    assert toponyms["kan ."].form == "Kan."
    assert toponyms["topeka"].container is toponyms["kan ."]
    assert toponyms["mont ."].form == "Mont."


def test_spaced_abbreviation_of_a_legislator_home():
    text = "the bill was written by sen . mary olsen , d-n . d . , who spoke on tuesday .\n"
    assert _forms(text).get("n . d .") == "N.D."


def test_state_cut_in_two_by_a_line_break_is_one_name():
    text = ("the driver was booked into the jail in beckley , w .\n"
            "va . , after a traffic stop , troopers said .\n")
    forms = _forms(text)
    assert forms.get("w .\nva .") == "W.Va."
    assert "va ." not in forms


def test_lowercase_street_names_with_a_house_number_or_a_cue():
    text = ("firefighters put out a blaze at 412 maple st . early on sunday .\n"
            "police closed part of oak ridge drive between the school and the park .\n"
            "she drove on and did not stop .\n")
    forms = _forms(text)
    assert "maple st ." in forms
    assert any("oak ridge drive" in written for written in forms)
    assert not any("drove" in written for written in forms)


def test_a_road_word_before_a_noun_is_no_street():
    text = "the mural is the work of a famous street artist who lives abroad .\n"
    assert not any("street" in written for written in _forms(text))


def test_us_before_a_country_noun_or_as_a_subject():
    text = ("the reporter once interviewed us president george smith in the capital .\n"
            "he told us that the trip was over .\n")
    us = [t for t in _detect(text) if t.form == "US"]
    assert len(us) == 1


def test_lowercase_country_name_after_a_cue():
    text = "the minister then flew to the holy see , where he met church leaders on monday .\n"
    assert _forms(text).get("holy see") == "Holy See"


def test_common_words_are_not_looked_up_alone():
    assert common_word("hurricane")
    assert not common_word("qwzxv")


def test_saint_feast_day_is_no_place():
    text = "police stepped up patrols for st .\npatrick s day , the chief said .\n"
    assert not any("patrick" in t.text for t in _detect(text))


def test_a_town_whose_first_word_alone_was_capitalized_is_whole():
    text = ("a caller phoned police in south bend , ind . , late on friday .\n"
            "the lake froze at its south end last week .\n")
    forms = _forms(text)
    assert forms.get("south bend") == "South Bend"
    assert "south end" not in forms


def test_party_letter_and_spaced_state_abbreviation():
    text = "the measure was backed by the whip , rep . ann cole , d-s . c . , on tuesday .\n"
    assert _forms(text).get("s . c .") == "S.C."
