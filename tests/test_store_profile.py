"""A story's profile: its members pooled, so a loosely written report meets the whole story."""

from __future__ import annotations

import pytest

from dateline.store import Store
from dateline.store.stories import PROFILE_OFFSET, Member, pair_score, profile


def _member(words: dict[str, float], *, year: int | None = 2021, years: frozenset[int] = frozenset(),
            person: str | None = None, site: tuple[float, float] | None = None) -> Member:
    total = sum(w * w for w in words.values()) ** 0.5
    vector = {"words": {t: w / total for t, w in words.items()}}
    return Member(vector, year, set(years), person, {person} if person else set(), [], site, frozenset())


# Our own story: a dam gives way after days of rain; each report tells a different part of it.
BREACH = _member({"dam": 1.0, "breach": 1.0, "valley": 0.5}, years=frozenset({2021}), person="okafor")
EVACUATION = _member({"dam": 1.0, "evacuat": 1.0, "shelter": 0.5}, years=frozenset({2021}), person="okafor")
INQUIRY = _member({"dam": 1.0, "inquiry": 1.0, "engineer": 0.5}, year=2022, person="lindqvist")


def test_profile_pools_what_the_members_say():
    pooled = profile([BREACH, EVACUATION, INQUIRY])
    words = pooled.vector["words"]
    assert abs(sum(w * w for w in words.values()) - 1.0) < 1e-9
    assert words["dam"] > words["breach"] > 0 and {"evacuat", "inquiry"} <= set(words)
    assert pooled.year == 2021 and pooled.years == {2021}  # two of three agree
    assert pooled.top_person == "okafor" and pooled.persons == {"okafor", "lindqvist"}


def test_profile_of_one_member_scores_like_the_member():
    blog = _member({"dam": 1.0, "breach": 0.5})
    assert abs(pair_score(blog, profile([BREACH])) - pair_score(blog, BREACH)) < 1e-9


def test_a_report_touching_several_members_meets_their_profile_best():
    # a short piece naming the breach, the shelters and the inquiry: each member shares one part
    roundup = _member({"breach": 1.0, "shelter": 1.0, "inquiry": 1.0})
    pooled = profile([BREACH, EVACUATION, INQUIRY])
    assert pair_score(roundup, pooled) > max(pair_score(roundup, m) for m in (BREACH, EVACUATION, INQUIRY))


def test_story_score_takes_the_profile_when_it_beats_the_members():
    roundup = _member({"breach": 1.0, "shelter": 1.0, "inquiry": 1.0})
    with Store(":memory:") as store:
        index = store.stories_index
        for pk, member in enumerate((BREACH, EVACUATION, INQUIRY), 1):
            index.cache[pk] = member
        index.members[5] = [1, 2, 3]
        expected = pair_score(roundup, profile([BREACH, EVACUATION, INQUIRY])) - PROFILE_OFFSET
        top = sorted((pair_score(roundup, m) for m in (BREACH, EVACUATION, INQUIRY)), reverse=True)
        assert abs(index._story_score(roundup, 5) - max(expected, sum(top) / 3)) < 1e-9
        index.cache[4] = _member({"levee": 1.0})
        index._index(4, 5, index.cache[4])  # a new member drops the cached profile
        assert 5 not in index.profiles


def test_a_lone_early_report_is_adopted_once_its_story_has_grown():
    from dateline.store.stories import ADOPT_MARGIN, ADOPT_SCORE, JOIN_THRESHOLD

    early = _member({"dam": 1.0, "breach": 1.0, "shelter": 1.0}, person="okafor")
    unrelated = _member({"election": 1.0, "ballot": 1.0}, person="moreau")
    with Store(":memory:") as store:
        index = store.stories_index
        for pk, (story, member) in enumerate(((5, BREACH), (5, EVACUATION), (8, early), (9, unrelated)), 1):
            index.cache[pk] = member
            index.members[story].append(pk)
            index.story_of[pk] = story
        assert index._story_score(early, 5) >= ADOPT_SCORE > index._story_score(unrelated, 5)
        near = JOIN_THRESHOLD - ADOPT_MARGIN / 2
        # only stories the arriving article came near are looked at
        assert index._adopt_orphans(5, [(JOIN_THRESHOLD - 2 * ADOPT_MARGIN, 8)], []) == []
        assert index._adopt_orphans(5, [(1.0, 5), (near, 9), (near, 8)], []) == [8]
        assert index.members[5] == [1, 2, 3] and index.story_of[3] == 5 and 8 not in index.members


def test_a_one_article_story_is_scored_without_a_profile_and_less_sure():
    from dateline.store.stories import LONE_OFFSET

    blog = _member({"dam": 1.0, "breach": 0.5})
    with Store(":memory:") as store:
        index = store.stories_index
        index.cache[1] = BREACH
        index.members[7] = [1]
        assert index._story_score(blog, 7) == pair_score(blog, BREACH) - LONE_OFFSET
        assert 7 not in index.profiles
        index.cache[2] = BREACH
        index.members[7] = [1, 2]  # two members: their mean, no offset
        assert index._story_score(blog, 7) == pytest.approx(pair_score(blog, BREACH))
        # the profile it would have had scores no better than its article, less the offset
        assert pair_score(blog, profile([BREACH])) - PROFILE_OFFSET < pair_score(blog, BREACH)


def test_profiles_are_kept_least_recently_used_first_out(monkeypatch):
    from dateline.store import stories

    monkeypatch.setattr(stories, "PROFILE_CACHE_SIZE", 2)
    roundup = _member({"breach": 1.0, "shelter": 1.0, "inquiry": 1.0})
    with Store(":memory:") as store:
        index = store.stories_index
        for pk, member in enumerate((BREACH, EVACUATION, INQUIRY), 1):
            index.cache[pk] = member
        index.members.update({10: [1, 2], 11: [2, 3], 12: [1, 3]})
        first = {story: index._story_score(roundup, story) for story in (10, 11)}
        assert list(index.profiles) == [10, 11]
        index._story_score(roundup, 10)  # used again: now the most recent
        index._story_score(roundup, 12)
        assert list(index.profiles) == [10, 12]  # 11 went, the least recently used
        assert index._story_score(roundup, 11) == first[11]  # rebuilt alike when needed again
        assert len(index.profiles) == 2
