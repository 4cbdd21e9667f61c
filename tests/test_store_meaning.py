"""The stories' meaning vectors: weighting, centering, storage, and the second chance they give."""

from __future__ import annotations

import json
import zlib

import numpy

from dateline.schema import Analysis, ArticleMeta, Normalization
from dateline.store import Store
from dateline.store.features import stem_vectors
from dateline.store.stories import (JOIN_THRESHOLD, SECOND_CHANCE_MARGIN, Member, _decode, _encode,
                                    meaning_cosine, meaning_vector)

# Our own leads: one death told twice in different words, and two other events.
DEATH = "The veteran actress died on Thursday in a Los Angeles hospital after a heart attack."
DEATH_AGAIN = "Screen star succumbed to complications of a cardiac arrest, her agent said."
VOTE = "Voters went to the polls on Sunday to elect a new parliament amid an opposition boycott."
QUAKE = "A strong earthquake shook the island, damaging homes and injuring five people."


def _unit(*values: float) -> numpy.ndarray:
    vector = numpy.asarray(values, dtype=numpy.float32)
    return vector / numpy.linalg.norm(vector)


def _lead_meaning(text: str) -> numpy.ndarray:
    stems = stem_vectors(text)
    assert stems, "the pipeline's static word vectors are loaded"
    return meaning_vector({stem: 1.0 for stem in stems}, stems)


def test_meaning_vector_follows_the_heavier_stems():
    stems = {"quake": _unit(1, 0, 0), "island": _unit(0, 1, 0), "unseen": _unit(0, 0, 1)}
    vector = meaning_vector({"quake": 3.0, "island": 1.0, "absent": 5.0}, stems)
    assert vector is not None and abs(float(numpy.linalg.norm(vector)) - 1.0) < 1e-3
    assert vector[0] > vector[1] > 0 and vector[2] == 0
    assert meaning_vector({"absent": 1.0}, stems) is None


def test_centering_removes_what_all_leads_share():
    a, b = _unit(1, 1, 1, 0), _unit(1, 1, 0, 1)
    common = numpy.asarray([a[0], a[1], 0, 0], dtype=numpy.float32)
    assert meaning_cosine(a, b, None) > 0.6  # alike only through the common direction
    assert abs(meaning_cosine(a, b, common)) < 1e-6
    assert meaning_cosine(a, None, common) == 0.0


def test_paraphrased_leads_mean_alike():
    death, again, vote, quake = (_lead_meaning(t) for t in (DEATH, DEATH_AGAIN, VOTE, QUAKE))
    center = numpy.mean([death, again, vote, quake], axis=0)
    assert meaning_cosine(death, again, center) > meaning_cosine(death, vote, center)
    assert meaning_cosine(death, again, center) > meaning_cosine(death, quake, center)


def test_vectors_stored_before_meaning_decode_without_it():
    old = {"v": {"words": {"fire": 1.0}}, "y": 2021, "ys": [], "tp": None, "p": [], "s": [1, 2]}
    member = _decode(zlib.compress(json.dumps(old).encode()))
    assert member.meaning is None and member.site is None
    fresh = Member({"words": {"fire": 1.0}}, 2021, set(), None, set(), [], None, frozenset(),
                   _unit(0.6, 0.8))
    assert numpy.allclose(_decode(_encode(fresh)).meaning, fresh.meaning, atol=1e-3)


def _member(person: str, meaning: numpy.ndarray) -> Member:
    return Member({"words": {"x": 1.0}}, None, set(), person, {person}, [], None, frozenset(), meaning)


def test_second_chance_needs_a_near_score_the_main_person_and_the_same_meaning():
    near = JOIN_THRESHOLD - SECOND_CHANCE_MARGIN / 2
    with Store(":memory:") as store:
        index = store.stories_index
        story = [_member("page", _unit(1, 0.1, 0)), _member("page", _unit(1, 0, 0.1))]
        other = _member("smith", _unit(0, 0, 1))
        for pk, member in enumerate(story + [other], 1):
            index.cache[pk] = member
            index._count_meaning(member.meaning, 1)
        index.members[7] = [1, 2]
        same = _member("page", _unit(1, 0.05, 0.05))
        assert index._second_chance(same, near, 7)
        assert not index._second_chance(same, JOIN_THRESHOLD - 2 * SECOND_CHANCE_MARGIN, 7)
        assert not index._second_chance(_member("jones", same.meaning), near, 7)
        assert not index._second_chance(_member("page", _unit(0, 1, 0)), near, 7)


def _plain(article_id: str, text: str) -> Analysis:
    return Analysis(article=ArticleMeta(id=article_id, title=text.split(",")[0]), text=text,
                    normalization=Normalization(degraded=False, text=text))


def test_reopened_store_keeps_the_same_meaning_center(tmp_path):
    path = tmp_path / "corpus.db"
    with Store(path) as store:
        for number, text in enumerate((DEATH, DEATH_AGAIN, VOTE, QUAKE)):
            store.add(_plain(f"a{number}", text))
        running = store.stories_index.center
    assert running is not None
    with Store(path, create=False) as store:
        assert numpy.array_equal(store.stories_index.center, running)
