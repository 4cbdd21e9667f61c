"""Local news that names no state or country: the house style and the town's offices."""

from __future__ import annotations

import pytest

import dateline
from dateline.places.civic import trim_civic_city
from dateline.places.resolve import Toponym
from dateline.places.style import AP_STYLE_COUNTRY, style_evidence, style_signs

#: No country bias is left over from another test (``no_place_bias`` in conftest).
pytestmark = pytest.mark.usefixtures("no_place_bias")


def test_style_signs_find_ap_conventions_in_published_and_lowercased_text():
    assert style_signs("Doors open at 6:30 p.m. on Sept. 12; seats are $15.") == {"time", "month", "dollars"}
    assert style_signs("call 555-201-3344 before 9 a . m . friday , oct . 3") == {"phone", "time", "month"}
    assert style_signs("The minister spoke on Tuesday.") == set()


def test_style_evidence_votes_for_the_country_of_the_conventions():
    assert style_evidence("The council meets at 7 p.m. Monday on a $90,000 plan.") == {
        AP_STYLE_COUNTRY: pytest.approx(1.5)}
    assert not style_evidence("No times and no prices here.")


def test_one_sign_or_dollars_alone_are_no_house_style():
    assert not style_evidence("The council meets at 7 p.m. Monday.")
    assert not style_evidence("The bridge will cost $40 million and take two years.")


@pytest.mark.parametrize("text, capital, country", [
    ("Moscow police said at 7 p.m. on Oct. 3 that a bus hit a tram near the river.", "Moscow", "RU"),
    ("Officials in London said the thief took $2,000 and a laptop at 6 p.m. Friday.", "London", "GB"),
    ("Berlin Mayor Hans Vogel said on Sept. 12 that tickets for the zoo will cost $300 a year.", "Berlin", "DE"),
    ("Toronto police closed a bridge at 9 p.m. on Nov. 2 after a truck lost its load.", "Toronto", "CA"),
    ("Manila will open the new rail line at 5 p.m. Monday, a $2 million project, the mayor said.",
     "Manila", "PH"),
    ("Officials in London said the thief took $2,000 from a shop.", "London", "GB"),
])
def test_the_house_style_never_sends_a_capital_to_a_small_namesake(text, capital, country):
    places = {p.name: p for p in dateline.read(text).places}
    assert capital in places
    assert places[capital].country_code == country


def test_other_currencies_and_commonwealth_spellings_cast_no_vote():
    assert not style_evidence("Tickets cost €20 and the doors open at 8 p.m.")
    assert not style_evidence("The new community centre opens at 9 a.m. and costs $4 million.")


def test_british_conventions_vote_for_the_united_kingdom():
    from dateline.places.style import BRITISH_STYLE_COUNTRY, british_signs

    assert british_signs("The fair opens at 10am on 3 June; entry is £5.") == {"pm", "day_month", "pounds"}
    assert style_evidence("A £4m plan for cycle lanes was approved.") == {BRITISH_STYLE_COUNTRY: pytest.approx(1.5)}
    assert not style_evidence("The $4m plan costs £3m and the vote is at 7 p.m.")


def test_a_bare_town_in_an_ap_style_article_is_the_american_namesake():
    text = ("Mansfield board weighs a new pool. The board meets at 7 p.m. Tuesday to weigh "
            "a $400,000 plan to build a pool next to the Mansfield fire station.")
    places = dateline.read(text).places
    assert places and places[0].name == "Mansfield"
    assert places[0].country_code == "US"


def test_a_demonym_of_another_country_silences_the_house_style():
    text = ("Toronto police said on Oct. 4 that a Canadian man was arrested at 3 a.m. "
            "after a chase through Toronto.")
    places = [p for p in dateline.read(text).places if p.name == "Toronto"]
    assert places and places[0].country_code == "CA"


def _toponym(text: str, start: int = 4) -> Toponym:
    return Toponym(start, start + len(text), text, text, 0, "entity")


def test_a_city_office_word_cuts_city_from_the_town_name(gazetteer):
    text = "The Lakewood City Council met on Monday."
    toponym = _toponym("Lakewood City")
    trim_civic_city([toponym], text, gazetteer.lookup)
    assert (toponym.form, toponym.text) == ("Lakewood", "Lakewood")


def test_a_notable_city_keeps_its_name_before_an_office_word(gazetteer):
    text = "The Kansas City Council met on Monday."
    toponym = _toponym("Kansas City")
    trim_civic_city([toponym], text, gazetteer.lookup)
    assert toponym.form == "Kansas City"
    text = "The Lakewood City park."
    toponym = _toponym("Lakewood City")
    trim_civic_city([toponym], text, gazetteer.lookup)
    assert toponym.form == "Lakewood City"


def test_a_town_name_the_ner_cut_grows_to_the_whole_town():
    text = ("A Buffalo Grove woman chased off a car thief with a garden hose on Sunday, deputies said. "
            "The thief was later caught at a gas station in Buffalo Grove.")
    mentions = [m.span.text for p in dateline.read(text).places for m in p.mentions]
    assert "Grove" not in mentions
    assert "Buffalo Grove" in mentions


def test_a_surname_after_a_given_name_and_an_initial_is_no_town():
    text = ("Officer Lena Park stopped Jalen K. Compton after a chase on Tuesday in Fresno. "
            "Compton hid behind a bakery before Park caught up with Compton.")
    mentions = [m.span.text for p in dateline.read(text).places for m in p.mentions]
    assert "Compton" not in mentions


def test_a_common_word_in_lowercased_text_is_a_place_only_where_it_fits():
    from dateline.normalize import normalize
    from dateline.places.detect import _weaken_common_words

    normalized = normalize("he stole a white car near the red river .", force=True)
    text = normalized.original
    white = Toponym(text.index("white"), text.index("white") + 5, "white", "White", 0, "entity")
    red = Toponym(text.index("red"), text.index("red") + 3, "red", "Red", 0, "entity")
    _weaken_common_words([white, red], None, normalized)
    assert white.weak and not red.weak


def test_bare_mentions_take_the_reading_of_the_qualified_mention(gazetteer):
    from dateline.places.resolve import Resolver

    london = Toponym(0, 6, "London", "London", 0, "entity")
    ontario = Toponym(8, 15, "Ontario", "Ontario", 0, "entity")
    london.container = ontario
    again = Toponym(60, 66, "London", "London", 1, "entity")
    results = Resolver(gazetteer).resolve([london, ontario, again])
    assert results[0].entry is not None and results[0].entry.admin1 == "CA.08"
    assert results[2].entry is not None and results[2].entry.place == results[0].entry.place


def test_a_residents_town_is_a_town_of_the_papers_region():
    text = ("Two hurt in crash near Dallas. Maria Ortiz, 34, of Paris was driving north when a truck "
            "crossed the median, police said. Her passenger, Sam Hale, 29, also of Paris, was treated "
            "at a Dallas hospital.")
    places = {p.name: p for p in dateline.read(text).places}
    assert places["Paris"].country_code == "US"


def test_curated_features_carry_their_geonames_record_and_stay_notable(gazetteer):
    from dateline.places.detect import EMBEDDED_MIN_POPULATION, _strong

    ocean = gazetteer.lookup("Indian Ocean")[0]
    assert ocean.geonames_id == 1545739 and (ocean.lat, ocean.lon) == (-10.0, 70.0)
    gulf = gazetteer.lookup("Gulf of Mexico")
    assert _strong(gulf, EMBEDDED_MIN_POPULATION)


def test_lowercased_county_inside_an_organization_name_is_the_county():
    text = ("the town , in a deal with cole county and a bus firm , wants to rent out the old depot .\n"
            "under the deal cole county gets $ 1 million each year , staff in jefferson city said .\n")
    mentions = [m.span.text.lower() for p in dateline.read(text, degraded=True).places for m in p.mentions]
    assert mentions.count("cole county") == 2


def test_months_and_saints_institutions_are_no_places_in_lowercased_text():
    text = ("the firm won the bid in august 2008 and work began in march .\n"
            "the twins attend st .\nmark s catholic school in wheaton , ill .\n")
    mentions = [m.span.text.lower() for p in dateline.read(text, degraded=True).places for m in p.mentions]
    assert "august" not in mentions and "march" not in mentions
    assert not any(m.startswith("st") for m in mentions)


def test_a_lowercase_dateline_at_the_start_of_a_line_is_a_town():
    text = ("mayor plans to run again .\n"
            "danbury — the mayor told reporters on tuesday she would seek another term .\n"
            "the reading gap — figures out this week — keeps growing .\n")
    mentions = [m.span.text for p in dateline.read(text, degraded=True).places for m in p.mentions]
    assert "danbury" in mentions
    assert not any("gap" in m for m in mentions)


def test_a_name_cut_from_a_longer_settlement_name_casts_no_vote(gazetteer):
    from dateline.places.resolve import Resolver

    crossing = Toponym(0, 9, "Tennessee", "Tennessee", 0, "entity")
    crossing.quiet = True
    county = Toponym(40, 55, "Franklin County", "Franklin County", 0, "entity")
    town = Toponym(80, 89, "Frankfort", "Frankfort", 0, "entity")
    town.local = True
    results = Resolver(gazetteer).resolve([crossing, county, town])
    assert results[1].entry is not None and results[1].entry.admin1 != "US.TN"


def test_a_lowercase_direction_before_a_town_is_not_part_of_its_name():
    text = ("Police in north Arlington said two men robbed a store on Friday. "
            "Arlington police asked residents of the Texas city to call with tips.")
    mentions = {m.span.text: p for p in dateline.read(text).places for m in p.mentions}
    assert "north Arlington" not in mentions
    assert mentions["Arlington"].name == "Arlington"


def test_a_state_abbreviation_the_ner_cut_before_its_period_is_the_state():
    text = ("Her brother, Dana Kirk of Milford, Del., would not talk to reporters. "
            "Dover police said the pair had rented the house since spring.")
    places = {p.name: p for p in dateline.read(text).places}
    assert "Delaware" in places
    assert places["Milford"].admin1 == "Delaware"


def test_a_lowercase_first_word_of_a_town_name_joins_the_rest_in_lowercased_text():
    text = ("the fort dodge school board met on thursday in fort dodge , iowa .\n"
            "parents in fort dodge want a bigger gym , like the one in humboldt .\n")
    mentions = [m.span.text for p in dateline.read(text, degraded=True).places for m in p.mentions]
    assert "dodge" not in mentions
    assert "fort dodge" in mentions


def test_a_state_abbreviation_with_a_split_period_is_the_state_in_lowercased_text():
    text = ("her brother , dana kirk of milford , del . , would not talk to reporters .\n"
            "dover police said the pair had rented the house since spring .\n")
    places = {p.name: p for p in dateline.read(text, degraded=True).places}
    assert "Delaware" in places


def test_a_lowercase_last_word_of_a_town_name_joins_it_in_lowercased_text():
    text = ("deputies in park ridge , illinois , detained a woman on tuesday .\n"
            "the park ridge fire chief said the woman lived in niles .\n")
    mentions = [m.span.text for p in dateline.read(text, degraded=True).places for m in p.mentions]
    assert "park ridge" in mentions and "park" not in mentions


def test_a_name_after_the_is_the_sea_not_the_town():
    text = ("Hurricanes gain strength over the warm Atlantic in late summer, Miami forecasters warned. "
            "Most storms in the Atlantic come in September.")
    places = {m.span.text: p for p in dateline.read(text).places for m in p.mentions}
    assert places["Atlantic"].feature_class == "H"


def test_a_town_with_its_own_offices_is_a_town_of_the_region():
    from dateline.places.detect import MUNICIPAL_AFTER

    assert MUNICIPAL_AFTER.match(" City Council met on Tuesday")
    assert MUNICIPAL_AFTER.match("'s police chief said")
    assert not MUNICIPAL_AFTER.match(" is the capital")


def test_a_saint_city_split_by_a_line_break_keeps_its_possessive_and_its_ner_half():
    text = ("tourists rode boats along st .\npetersburg s old canal on sunday .\n"
            "three horses died in a barn fire near st .\nhenry , ohio , on tuesday .\n")
    places = {m.span.text: p.name for p in dateline.read(text, degraded=True).places for m in p.mentions}
    assert "st .\npetersburg" in places
    assert places.get("st .\nhenry") == "Saint Henry"


def test_a_city_named_after_its_province_keeps_city_before_an_office_word(gazetteer):
    text = "Quebec City officials said the ferry will run again in May."
    toponym = _toponym("Quebec City", 0)
    trim_civic_city([toponym], text, gazetteer.lookup)
    assert toponym.form == "Quebec City"
    places = {p.name: p for p in dateline.read(text).places}
    assert any(p.feature_class == "P" and p.country_code == "CA" for p in places.values())
    assert all(p.feature_code != "ADM1" for p in places.values())


def test_a_state_before_a_lowercase_word_still_votes():
    text = ("Tourists packed the Georgia beach on Saturday. "
            "Officials in Athens said the crowds were the biggest in years.")
    places = {p.name: p for p in dateline.read(text).places}
    assert places["Athens"].country_code == "US" and places["Athens"].admin1 == "Georgia"


def test_a_name_after_the_stays_the_sea_where_another_mention_is_the_town():
    text = ("A boat left Pacific, Missouri, on Monday. "
            "Storms over the Pacific delayed flights, forecasters said.")
    by_mention = {(m.span.start, m.span.text): p for p in dateline.read(text).places for m in p.mentions}
    pacific = sorted((start, p) for (start, name), p in by_mention.items() if name == "Pacific")
    assert pacific[0][1].admin1 == "Missouri"
    assert pacific[1][1].feature_class == "H"
