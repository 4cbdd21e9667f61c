"""The places layer: gazetteer, disambiguation in context, demonyms, GeoJSON, bias, degraded text.

All sentences are our own.  The gazetteer is built on first use if missing.
"""

from __future__ import annotations

import json

import pytest

import dateline
from dateline.places import configure
from dateline.places.gazetteer import get_gazetteer
from dateline.places.geojson import feature_collection
from dateline.places.names import key_variants, name_key
from dateline.places.resolve import Resolver, Toponym, haversine_km

#: No country bias is left over from another test (``no_place_bias`` in conftest).
pytestmark = pytest.mark.usefixtures("no_place_bias")


def places(text: str, **kwargs):
    return dateline.read(text, **kwargs).places


def place_named(result, written: str):
    """The place whose mentions include ``written`` (as written in the text)."""
    for place in result:
        if any(m.span.text == written for m in place.mentions):
            return place
    return None


def near(place, lat: float, lon: float, km: float = 161.0) -> bool:
    return haversine_km(place.latitude, place.longitude, lat, lon) <= km


# -- gazetteer ---------------------------------------------------------------------------------

def test_lookup_by_name_and_alternate_name(gazetteer):
    cairo = gazetteer.lookup("Cairo")
    assert any(e.cc == "EG" and e.fclass == "P" for e in cairo)
    raqqa = gazetteer.lookup("raqqa")
    assert any(e.cc == "SY" and e.name == "Ar Raqqah" for e in raqqa)
    assert gazetteer.lookup("Ar Raqqah")


@pytest.mark.parametrize("name", ["the", "The", "of", "Of", "and", "in", "city", "north"])
def test_stop_word_aliases_never_match(gazetteer, name):
    assert gazetteer.lookup(name) == ()


def test_abbreviations_need_capitals_or_periods(gazetteer):
    assert gazetteer.lookup("U.S.")[0].cc == "US"
    assert gazetteer.lookup("US", written="US")[0].cc == "US"
    assert all(e.cc != "US" or not e.is_country for e in gazetteer.lookup("us", written="us"))
    assert gazetteer.lookup("W.Va.")[0].name == "West Virginia"


def test_name_keys():
    assert name_key("Bogotá") == "bogota"
    assert name_key("Wilkes-Barre") == "wilkes barre"
    assert "us" in key_variants(name_key("U.S."))
    assert "gaza strip" in key_variants("the gaza strip")


def test_curated_regions(gazetteer):
    assert gazetteer.lookup("Middle East")[0].fcode == "RGN"
    assert gazetteer.lookup("northern sinai")[0].cc == "EG"
    assert gazetteer.lookup("North Africa")[0].fclass == "L"


def test_country_and_admin1_points(gazetteer):
    assert gazetteer.country("IQ").name == "Iraq"
    texas = gazetteer.admin1("US.TX")
    assert texas.name == "Texas" and abs(texas.lat - 31.25) < 1


# -- disambiguation ----------------------------------------------------------------------------

def test_paris_texas_versus_paris_france():
    texan = places("The storm hit Paris, Texas, on Sunday and knocked out power near Dallas.")
    paris = place_named(texan, "Paris")
    assert paris is not None and paris.country_code == "US" and paris.admin1 == "Texas"
    french = places("Protesters marched through Paris as France prepared for the vote.")
    paris = place_named(french, "Paris")
    assert paris is not None and paris.country_code == "FR" and near(paris, 48.85, 2.35)


def test_georgia_country_versus_us_state():
    caucasus = places("Russia moved troops closer to Georgia, and officials in Tbilisi called for talks.")
    georgia = place_named(caucasus, "Georgia")
    assert georgia is not None and georgia.country_code == "GE" and georgia.feature_code == "PCLI"
    american = places("Voters in Atlanta and Savannah will decide who represents Georgia in the Senate.")
    georgia = place_named(american, "Georgia")
    assert georgia is not None and georgia.country_code == "US" and georgia.feature_code == "ADM1"


def test_albany_versus_albania():
    us = places("Lawmakers in Albany, N.Y., passed the budget after a long night.")
    albany = place_named(us, "Albany")
    assert albany is not None and albany.country_code == "US" and near(albany, 42.65, -73.76)
    balkans = places("Albania and Kosovo signed a border agreement in Tirana.")
    albania = place_named(balkans, "Albania")
    assert albania is not None and albania.country_code == "AL"


def test_unknown_name_gives_no_place_and_keeps_the_others(gazetteer):
    toponyms = [
        Toponym(0, 5, "Cairo", "Cairo", 0, "entity"),
        Toponym(10, 21, "Qzxvbrtlwen", "Qzxvbrtlwen", 0, "entity"),
        Toponym(30, 35, "Egypt", "Egypt", 0, "entity"),
    ]
    resolved = Resolver(gazetteer).resolve(toponyms)
    assert [r.entry is not None for r in resolved] == [True, False, True]
    assert resolved[0].entry.cc == "EG" and resolved[2].entry.is_country


def test_unknown_place_in_an_article_does_not_drop_the_others():
    result = places("Fighting spread from Mosul to Qzxvbrtlwen and on toward Baghdad, Iraq.")
    assert all("Qzxvbrtlwen" not in m.span.text for p in result for m in p.mentions)
    assert place_named(result, "Mosul").country_code == "IQ"
    assert place_named(result, "Baghdad").country_code == "IQ"


def test_demonyms_link_to_their_country_not_to_places():
    analysis = dateline.read(
        "Iraqi forces and U.S.-backed fighters pushed toward the Syrian border on Monday."
    )
    countries = {e.name.lower(): e.country for e in analysis.entities}
    assert countries.get("iraqi") == "IQ"
    assert countries.get("syrian") == "SY"
    place_texts = {m.span.text.lower() for p in analysis.places for m in p.mentions}
    assert not place_texts & {"iraqi", "syrian", "u.s.", "u.s.-backed"}


def test_bias_country_changes_an_ambiguous_reading():
    text = "The mayor of Paris spoke on Monday."
    assert place_named(places(text), "Paris").country_code == "FR"
    configure(bias_countries=["US"])
    assert place_named(places(text), "Paris").country_code == "US"


def test_bias_rejects_bad_codes():
    with pytest.raises(dateline.DatelineError):
        configure(bias_countries=["USA"])


def test_dateline_place_and_focus():
    analysis = dateline.read(
        "CAIRO (Reuters) - Egypt's president met officials in Cairo on Monday to discuss the "
        "crisis in Egypt and the border with Libya."
    )
    cairo = place_named(analysis.places, "CAIRO")
    assert cairo is not None and cairo.dateline and cairo.focus and cairo.country_code == "EG"
    egypt = place_named(analysis.places, "Egypt")
    assert egypt is not None and egypt.focus
    libya = place_named(analysis.places, "Libya")
    assert libya is not None and not libya.focus


def test_spans_point_into_the_original_text():
    analysis = dateline.read("Officials in Beirut, Lebanon, and Amman, Jordan, met on Friday.")
    assert analysis.places
    for place in analysis.places:
        for mention in place.mentions:
            assert analysis.text[mention.span.start : mention.span.end] == mention.span.text
        assert 0.0 <= place.confidence <= 1.0


# -- degraded input ----------------------------------------------------------------------------

DEGRADED = (
    "amman ( reuters ) - militants attacked a convoy near mosul in northern iraq on tuesday .\n"
    "the group also holds ground in egypt s northern sinai and in the syrian city of raqqa .\n"
    "jordanian officials said they had warned baghdad and washington .\n"
)


def test_degraded_text_resolves_places():
    analysis = dateline.read(DEGRADED)
    assert analysis.normalization.degraded
    expected = {"mosul": ("IQ", 36.34, 43.13), "iraq": ("IQ", 33.0, 44.0),
                "raqqa": ("SY", 35.95, 39.01), "amman": ("JO", 31.95, 35.93)}
    for written, (cc, lat, lon) in expected.items():
        place = place_named(analysis.places, written)
        assert place is not None, written
        assert place.country_code == cc and near(place, lat, lon), written
    sinai = [p for p in analysis.places if any("sinai" in m.span.text for m in p.mentions)]
    assert sinai and sinai[0].country_code == "EG" and near(sinai[0], 31.0, 33.6)
    jordanian = [e for e in analysis.entities if e.name.lower() == "jordanian"]
    assert not jordanian or jordanian[0].country == "JO"


# -- export ------------------------------------------------------------------------------------

def test_geojson_is_a_feature_collection_of_points():
    analysis = dateline.read("Rescue teams reached Kathmandu, Nepal, after the earthquake.")
    collection = feature_collection([analysis])
    assert collection["type"] == "FeatureCollection"
    assert collection["features"]
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["mentions"]
    json.dumps(collection)
    kathmandu = [f for f in collection["features"] if f["properties"]["name"] == "Kathmandu"]
    assert kathmandu and abs(kathmandu[0]["geometry"]["coordinates"][0] - 85.3) < 0.5


def test_cli_geojson_and_bias(tmp_path):
    from click.testing import CliRunner

    from dateline.cli.main import cli

    article = tmp_path / "a.txt"
    article.write_text("The mayor of Paris spoke on Monday.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["read", str(article), "--format", "geojson", "--bias-country", "US"])
    assert result.exit_code == 0, result.output
    collection = json.loads(result.output)
    assert collection["type"] == "FeatureCollection"
    assert collection["features"][0]["properties"]["country_code"] == "US"


# -- evaluation reader -------------------------------------------------------------------------

LGL_SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text>Officials in Cairo met envoys from Egypt.</text>
<toponyms>
<toponym><start>13</start><end>18</end><phrase>Cairo</phrase>
<gaztag geonameid="360630"><name>Cairo</name><fclass>P</fclass><fcode>PPLC</fcode>
<lat>30.06263</lat><lon>31.24967</lon></gaztag></toponym>
<toponym><start>35</start><end>40</end><phrase>Egypt</phrase>
<gaztag geonameid="357994"><name>Egypt</name><lat>27</lat><lon>30</lon></gaztag></toponym>
</toponyms></article></articles>
"""

GWN_SAMPLE = """<?xml version="1.0" ?>
<articles><article file="0"><title>t</title><text>Syrian troops entered Aleppo.</text>
<toponyms>
<toponym><extractedName>Syrian</extractedName><type>Non_Literal_Modifier</type><start>0</start><end>6</end>
<geonamesID>163843</geonamesID><latitude>35</latitude><longitude>38</longitude></toponym>
<toponym><extractedName>troops</extractedName><type>Non_Lit_Expression</type><start>7</start><end>13</end></toponym>
<toponym><extractedName>Aleppo</extractedName><type>Literal</type><start>22</start><end>28</end>
<geonamesID>170063</geonamesID><latitude>36.20124</latitude><longitude>37.16117</longitude></toponym>
</toponyms></article></articles>
"""


def test_geo_xml_readers(tmp_path):
    from dateline.evaluation.geo import read_geo_xml

    (tmp_path / "lgl.xml").write_text(LGL_SAMPLE, encoding="utf-8")
    (tmp_path / "gwn.xml").write_text(GWN_SAMPLE, encoding="utf-8")
    fmt, docs = read_geo_xml(tmp_path / "lgl.xml")
    assert fmt == "lgl" and [g.text for g in docs[0].gold] == ["Cairo", "Egypt"]
    fmt, docs = read_geo_xml(tmp_path / "gwn.xml")
    assert fmt == "geowebnews" and [g.text for g in docs[0].gold] == ["Syrian", "Aleppo"]


def test_geo_evaluation_end_to_end(tmp_path):
    from dateline.evaluation.geo import evaluate_geo

    (tmp_path / "lgl.xml").write_text(LGL_SAMPLE, encoding="utf-8")
    result = evaluate_geo(tmp_path / "lgl.xml")
    for setting in ("clean", "degraded"):
        scores = result[setting]
        assert scores["f1"] == 1.0
        assert scores["end_to_end_acc_161"] == 1.0
        assert scores["resolution_acc_161"] == 1.0
        assert scores["geonames_exact"] == 1.0


# -- detection and resolution refinements ------------------------------------------------------

def test_state_abbreviation_keeps_its_final_period():
    result = places("CHARLESTON, W.Va. -- The county commission met on Tuesday to discuss the new budget.")
    state = next((p for p in result if p.feature_code == "ADM1"), None)
    assert state is not None and state.admin1 == "West Virginia"
    assert any(m.span.text == "W.Va." for m in state.mentions)
    city = place_named(result, "CHARLESTON")
    assert city is not None and city.admin1 == "West Virginia"


def test_surname_of_a_person_is_not_a_place():
    text = ("Wanda Shelby, a teacher who was raised in Augusta, Georgia, retired on Friday. "
            "Shelby said she would miss her pupils.")
    result = places(text)
    assert place_named(result, "Shelby") is None
    assert place_named(result, "Augusta") is not None


def test_place_word_before_a_name_does_not_make_it_a_surname():
    # The NER may tag "Downtown Easley" as a person; Easley stays a place word.
    from dateline.places.detect import NOT_GIVEN_NAMES

    assert "downtown" in NOT_GIVEN_NAMES


def test_names_before_counties_are_counties():
    text = ("Jobless claims in Macon, Georgia, dropped in May. Across the region, "
            "Bibb, Jones, Crawford and Twiggs counties, claims stayed under the state average.")
    result = places(text)
    crawford = place_named(result, "Crawford")
    assert crawford is not None and crawford.feature_code == "ADM2" and crawford.admin1 == "Georgia"
    assert place_named(result, "Twiggs") is not None


def test_new_york_is_the_city(gazetteer):
    toponym = Toponym(0, 8, "New York", "New York", 0, "entity")
    (resolution,) = Resolver(gazetteer).resolve([toponym])
    assert resolution.entry is not None and resolution.entry.fclass == "P"
    assert haversine_km(resolution.entry.lat, resolution.entry.lon, 40.71, -74.01) < 50


def test_surname_after_an_initial_or_a_title_is_not_a_place():
    text = ("Deputies in Fresno said Corwin T. Compton was hurt on Monday. "
            "Compton was 31. Mrs. Lincoln read to the children in Springfield, Illinois.")
    result = places(text)
    assert place_named(result, "Compton") is None
    assert place_named(result, "Fresno") is not None


# -- cues, person evidence, areas, derived demonyms ---------------------------------------------

def _detect(text: str):
    """The toponyms the detector finds in a text (the pipeline up to entities, then detection)."""
    from dateline.ingest import Article
    from dateline.pipeline import Runner
    from dateline.places.detect import Detector

    runner = Runner(("dateline", "normalize", "nlp", "sentences", "entities"))
    captured = {}
    finish = runner._finish

    def keep(ctx):
        captured.update(ctx.layers)
        return finish(ctx)

    runner._finish = keep
    list(runner.run([Article(id="t", text=text)]))
    toponyms, _ = Detector(get_gazetteer()).detect(captured["doc"], captured["normalized"],
                                                   captured["entities"], captured.get("dateline"))
    return toponyms


def test_locative_cue_regexes():
    from dateline.places.detect import CUE_AFTER, CUE_BEFORE

    assert CUE_BEFORE.search("a retired teacher from ")
    assert CUE_BEFORE.search("wife of Tom Reyes of ")
    assert not CUE_BEFORE.search("the council voted ")
    assert CUE_AFTER.match(" man, 34, was charged")
    assert CUE_AFTER.match(" residents will vote")
    assert not CUE_AFTER.match(" Manor Road")
    assert not CUE_AFTER.match(" man-made lake")


def test_town_named_with_a_locative_word_is_found():
    text = ("Volunteers planted oak trees along the river on Saturday. Most of them drove in "
            "from Cedar Key, said Nora Bell, who organized the event in Levy County, Florida.")
    keys = {t.key for t in _detect(text)}
    assert "cedar key" in keys


def test_area_word_before_a_name_leaves_the_name():
    result = places("Peach growers in Southwest Georgia expect a late harvest, the state agriculture "
                    "office in Atlanta said on Monday.")
    georgia = place_named(result, "Georgia")
    assert georgia is not None and georgia.feature_code == "ADM1" and georgia.country_code == "US"


def test_name_after_a_title_or_before_a_speech_verb_is_a_person():
    text = ("The Rev. Tom Beaumont preached to a full church in Dallas on Sunday. "
            "Beaumont said the congregation had raised money for the shelter.")
    result = places(text)
    assert place_named(result, "Beaumont") is None
    assert place_named(result, "Dallas") is not None


def test_person_evidence_patterns():
    from dateline.places.detect import SPEAKER, TITLED

    assert TITLED.search("the Rev. Al Reyes led").group(1) == "Reyes"
    assert TITLED.search("Sgt. Lena Ortiz").group(1) == "Ortiz"
    assert SPEAKER.search("Ortiz said the road").group(1) == "Ortiz"
    assert SPEAKER.search("the firm in Tyler said") is None  # a place before a speech verb: not a person


def test_lowercase_word_in_clean_text_is_not_a_place(gazetteer):
    from dateline.nlp import load_pipeline
    from dateline.normalize import normalize
    from dateline.places.stage import places_of
    from dateline.schema import Entity, EntityType, Mention, Span

    text = "Officers found two bags of white powder in the car."
    normalized = normalize(text)
    start = text.index("white")
    entity = Entity(id="E1", type=EntityType.LOC, name="white", mentions=[
        Mention(span=Span(start=start, end=start + 5, text="white"), sentence=0, type=EntityType.LOC,
                confidence=0.9)])
    doc = load_pipeline()(normalized.text)
    found, _ = places_of(doc, normalized, [entity], None, gazetteer=gazetteer)
    assert found == []


def test_demonyms_formed_on_a_region_name(gazetteer):
    from dateline.places.stage import demonym_country

    assert demonym_country("Abkhaz", gazetteer) == "GE"
    assert demonym_country("Ohioans", gazetteer) == "US"
    assert demonym_country("Roman", gazetteer) is None  # a town's name is no demonym base


def test_language_after_only_is_a_language():
    from dateline.places.stage import _language_use

    text = "She spoke only French when she arrived."
    start = text.index("French")
    assert _language_use(text, start, start + len("French"))


def test_place_inside_an_organization_name_is_a_place_elsewhere_too(gazetteer):
    from dateline.normalize import normalize
    from dateline.places.detect import Detector
    from dateline.schema import Entity, EntityType, Mention, Span

    text = "The Killeen Fire Department met on Monday. Killeen has set money aside."
    normalized = normalize(text)
    inside = Toponym(4, 11, "Killeen", "Killeen", 0, "embedded")
    second = text.index("Killeen has")
    person = Entity(id="E2", type=EntityType.PERSON, name="Killeen", mentions=[
        Mention(span=Span(start=second, end=second + 7, text="Killeen"), sentence=1,
                type=EntityType.PERSON, confidence=0.8)])
    found = [inside]

    def add(start, end, sentence, source, entity_id):
        toponym = Toponym(start, end, text[start:end], text[start:end], sentence, source, entity_id)
        found.append(toponym)
        return toponym

    loc_keys: set[str] = set()
    Detector(gazetteer)._same_name([person], normalized, found, loc_keys, add)
    assert [t.start for t in found] == [4, second]
    assert "killeen" in loc_keys


def test_numbered_roads_and_street_addresses_are_places():
    from dateline.places.detect import NUMBERED_ROAD, STATE_ROAD

    assert NUMBERED_ROAD.search("traffic on Highway 41 slowed").group() == "Highway 41"
    assert NUMBERED_ROAD.search("a crash on I-20 near the exit").group() == "I-20"
    assert NUMBERED_ROAD.search("County Road 12 is closed").group() == "County Road 12"
    assert NUMBERED_ROAD.search("the road cost 1,200 dollars") is None
    assert STATE_ROAD.search("a slide closed Ky. 80 near the river").group() == "Ky. 80"
    text = ("A fire damaged a house at 412 Laurel Street in Macon on Tuesday. Crews closed "
            "Highway 41 for two hours while they worked.")
    found = {t.text for t in _detect(text)}
    assert "Laurel Street" in found
    assert "Highway 41" in found


def test_party_and_home_of_a_legislator():
    from dateline.places.detect import PARTY_HOME

    assert PARTY_HOME.search("said Rep. Ann Cole, D-Savannah, on Monday").group(1) == "Savannah"
    assert PARTY_HOME.search("Sen. Bo Hart, R-N.D. said").group(1) == "N.D."
    text = ("The bill passed the House on Tuesday. Rep. Ann Cole, D-Savannah, voted against it "
            "and said the state could not afford it.")
    assert "savannah" in {t.key for t in _detect(text)}


def test_names_joined_by_a_hyphen_are_two_places(gazetteer):
    from dateline.normalize import normalize
    from dateline.places.detect import Detector

    text = "Flood crews in Bismarck-Mandan worked all night."
    normalized = normalize(text)
    start = text.index("Bismarck")
    parts = Detector(gazetteer)._hyphen_parts(start, start + len("Bismarck-Mandan"), normalized)
    assert [text[a:b] for a, b in parts] == ["Bismarck", "Mandan"]


def test_based_and_born_are_places_backed_is_an_attribute():
    from dateline.places.detect import ADJECTIVAL

    assert ADJECTIVAL.match("-backed forces")
    assert not ADJECTIVAL.match("-based company")
    assert not ADJECTIVAL.match("-born singer")


def test_lowercase_us_before_a_noun_is_the_country():
    text = ("the us military said on monday it would send more ships to the region .\n"
            "the navy told us that the ships would leave next week .\n")
    result = places(text)
    united_states = [p for p in result if p.country_code == "US" and p.feature_code.startswith("PCL")]
    assert united_states and [m.span.text for m in united_states[0].mentions] == ["us"]


def test_lowercase_county_names_in_degraded_text():
    text = ("deputies in story county arrested two men on monday .\n"
            "the story county sheriff said the men were held in the county jail in nevada , iowa .\n")
    found = [t for t in _detect(text) if t.form == "Story County"]
    assert len(found) == 2 and not any(t.weak for t in found)


def test_saint_names_cut_by_a_line_break_are_joined():
    text = ("the patient was flown to a hospital in st .\n"
            "cloud where she was treated for burns , minnesota officials said .\n")
    found = [t for t in _detect(text) if t.form == "Saint Cloud"]
    assert found


def test_possessive_before_a_kin_word_is_a_person():
    from dateline.places.detect import KIN

    assert KIN.search("said Marta Reyes, Flores' stepfather was there").group(1) == "Flores"
    assert KIN.search("Lopez's attorney said").group(1) == "Lopez"
    assert KIN.search("Denver's schools") is None


def test_a_word_the_article_writes_in_lowercase_is_a_common_word(gazetteer):
    from dateline.normalize import normalize
    from dateline.places.detect import Detector

    normalized = normalize("Man held after fight. Police said the man was 30 and lived in Iraq.")
    detector = Detector(gazetteer)
    assert detector._common_word("Man", normalized)
    assert not detector._common_word("Iraq", normalized)


def test_names_that_share_a_state_pull_each_other_there(gazetteer):
    # Each name alone reads best elsewhere (Madison, Wisconsin); together they share Alabama.
    toponyms = [Toponym(0, 7, "Madison", "Madison", 0, "entity"),
                Toponym(30, 43, "Morgan County", "Morgan County", 0, "entity")]
    town, county = Resolver(gazetteer).resolve(toponyms)
    assert town.entry is not None and county.entry is not None
    assert town.entry.admin1 == county.entry.admin1 == "US.AL"


def test_only_the_capital_itself_is_coded_as_the_capital(gazetteer):
    # Towns named like the capital elsewhere in the country are ordinary towns.
    capitals = [e for e in gazetteer.lookup("Washington") if e.fcode == "PPLC"]
    assert [e.admin1 for e in capitals] == ["US.DC"]


def test_a_name_word_after_a_small_place_keeps_the_whole_name():
    analysis = dateline.read("Drones circled over the Abu Tarfa camp near Nyala on Tuesday, residents said.")
    names = {p.name for p in analysis.places}
    assert "Nyala" in names
    assert not any(p.mentions[0].span.text == "Abu" for p in analysis.places)


@pytest.mark.parametrize("text, town", [
    ("LYON, France (Coastal Wire) - Police arrested four men on Monday.", "Lyon"),
    ("MOSUL, Iraq (Coastal Wire) - Soldiers advanced on the old city.", "Mosul"),
    ("mosul , iraq ( reuters ) - soldiers advanced on the old city .", "Mosul"),
])
def test_the_dateline_place_is_its_town_not_its_country(text, town):
    places = dateline.read(text).places
    assert [p.name for p in places if p.dateline] == [town]


@pytest.mark.parametrize("text", ["a barn burned in the small town of palmer alaska on friday .",
                                  "A barn burned in the small town of Palmer Alaska on Friday."])
def test_a_town_and_its_state_without_the_comma_are_both_places(text):
    places = {p.name: p for p in dateline.read(text).places}
    assert places["Palmer"].admin1 == "Alaska" and "Alaska" in places
