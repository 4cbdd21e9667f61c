"""Name keys, display names and in-document clustering of name variants."""

import pytest

from dateline.entities.coref import RawMention, cluster_mentions
from dateline.entities.names import acronym, display_name, name_key, surname


def mention(text, label, start, sentence=0):
    return RawMention(start=start, end=start + len(text), text=text, label=label,
                      sentence=sentence, confidence=0.9)


@pytest.mark.parametrize("text,key", [
    ("Russia's", "russia"),
    ("the United States", "united states"),
    ("Abu Bakr  al-Baghdadi", "abu bakr al-baghdadi"),
    ("U.S.", "u.s."),
])
def test_name_key(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize("text,degraded,shown", [
    ("abu bakr al-baghdadi", True, "Abu Bakr al-Baghdadi"),
    ("faisal bin farhan", True, "Faisal bin Farhan"),
    ("al-furqan", True, "Al-Furqan"),
    ("u.s.", True, "U.S."),
    ("Ludwig van Beethoven", False, "Ludwig van Beethoven"),
    ("McDonald's", False, "McDonald"),
])
def test_display_name(text, degraded, shown):
    assert display_name(text, degraded) == shown


def test_surname_and_acronym():
    assert surname("abu bakr al-baghdadi") == "baghdadi"
    assert acronym("islamic state") == "is"
    assert acronym("north atlantic treaty organization") == "nato"
    assert acronym("reuters") == ""


def test_surname_joins_the_full_name():
    clusters = cluster_mentions([
        mention("abu bakr al-baghdadi", "PERSON", 0),
        mention("baghdadi", "PERSON", 50),
        mention("al-baghdadi", "PERSON", 90),
        mention("baghdadi", "LOC", 120),  # an NER slip: still the person
    ], acronyms={})
    assert len(clusters) == 1
    assert clusters[0].label == "PERSON"
    assert len(clusters[0].mentions) == 4


def test_two_people_sharing_a_surname_are_not_merged():
    clusters = cluster_mentions([
        mention("Hillary Clinton", "PERSON", 0),
        mention("Bill Clinton", "PERSON", 40),
        mention("Clinton", "PERSON", 80),
    ], acronyms={})
    keys = sorted(sorted(c.keys) for c in clusters)
    assert keys == [["bill clinton"], ["clinton"], ["hillary clinton"]]


def test_defined_acronym_and_country_alias():
    clusters = cluster_mentions([
        mention("Islamic State", "ORG", 0),
        mention("IS", "ORG", 20),
        mention("United States", "LOC", 40),
        mention("U.S.", "LOC", 70),
    ], acronyms={"is": "islamic state"})
    assert sorted(sorted(c.keys) for c in clusters) == [["is", "islamic state"], ["u.s.", "united states"]]


def test_different_places_stay_apart():
    clusters = cluster_mentions([mention("Mosul", "LOC", 0), mention("Raqqa", "LOC", 10)], acronyms={})
    assert len(clusters) == 2


def test_a_capitalized_compass_word_before_a_place_noun_is_no_entity():
    import spacy
    from spacy.tokens import Span as SpacySpan

    from dateline.entities.extract import _says_where

    doc = spacy.blank("en")("Talks stalled in the Western city of Nyala, but Western diplomats stayed.")
    western_city = SpacySpan(doc, 4, 5, label="MISC")
    western_diplomats = SpacySpan(doc, 10, 11, label="MISC")
    assert western_city.text == western_diplomats.text == "Western"
    assert _says_where(western_city) and not _says_where(western_diplomats)
