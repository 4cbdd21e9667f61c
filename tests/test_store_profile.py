"""A story's profile: its members pooled, so a loosely written report meets the whole story."""

from __future__ import annotations

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
