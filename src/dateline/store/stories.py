"""Online story clustering: each article joins a story (or starts one) on arrival.

No pass over the whole corpus ever runs.  For a new article:

1. its term bags (:mod:`dateline.store.features`) are weighted TF-IDF with
   the document frequencies seen so far (``term_df``) and frozen; only the
   strongest terms of each bag are kept;
2. candidate stories are those sharing a participant, a place or one of its
   strongest words (an inverted index in memory, rebuilt from the store on
   open);
3. the article is scored against the latest members of each candidate: a
   weighted sum of the bag cosines, a bonus when the publication years
   agree, penalties when the years the texts name are disjoint, when
   neither text names the other's main person, when each happens at its
   own town-level place, far from the other's, with no place in common, and
   when both have firm publication dates (given, or printed by the article:
   see :data:`FIRM_DATES`) more than :data:`WINDOW_DAYS` apart.  That last is
   a penalty, not a wall: a trial or an anniversary a year on still reports
   the event, and its words say so.  The
   weights are those of a logistic regression over these generic features
   (fit on ECB+ dev pairs, then rounded and given sane signs; no document or
   topic is special-cased).  The story's score is the better of the mean of
   its three best member scores and the score against its profile (the
   members' bags pooled, see :func:`profile`) less :data:`PROFILE_OFFSET`:
   a follow-up or blog post that shares a little with each of several
   members meets the story as a whole.  The article joins the best story at
   or above :data:`JOIN_THRESHOLD`, else starts a new one -- unless that story is
   within :data:`SECOND_CHANCE_MARGIN` of the threshold, names the article's
   main person, and means the same: its best members' meaning vectors (lead
   word vectors weighted by TF-IDF, centered by the running mean of all
   stored articles' vectors) are close.  Short and blog-style reports, which
   share few terms with their story, join it this way;
4. if the article also ties its story to another candidate and the two
   stories' mean cross score reaches :data:`MERGE_THRESHOLD`, they merge (an
   early split healed, still without re-clustering);
   a one-article story it comes near merges in when that article now scores
   :data:`ADOPT_SCORE` against the grown story (an early report that arrived
   before its story could take it);
5. a near-copy of a story member (shingle resemblance ≥ :data:`REPRINT_RESEMBLANCE`)
   is recorded as its reprint, and counts as the same source.

Everything the next decision needs is in the store (``story_vectors``, the
meaning center being the mean of the stored meaning vectors and a profile
being rebuilt from its members, ``term_df``, ``articles.story_id``) and
written in the article's transaction, so a killed ingest resumes with
exactly the state it had committed.
"""

from __future__ import annotations

import json
import math
import sqlite3
import zlib
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

import numpy

from dateline.store.features import BAGS, ArticleFeatures, resemblance

#: Weight of each bag cosine in a pair score.
BAG_WEIGHTS = {"words": 3.5, "lead": 3.8, "ents": 3.0, "places": 2.0, "nums": 3.0, "dates": 0.7}
#: Both publication years known and equal / different.
YEAR_AGREE = 1.8
#: The regression gives a conflict no weight of its own (estimated years are often off).
YEAR_CONFLICT = 0.0
#: Both texts name years, none in common.
YEARS_DISJOINT = -1.5
#: Each text's most named person is absent from the other.
TOP_PERSON_MISMATCH = -1.8
#: Each happens at its own town-level place, these many km or more apart, naming none in common.
SITES_APART = -1.5
SITE_DISTANCE_KM = 100.0
#: Both have firm publication dates more than ``WINDOW_DAYS`` apart.
DAYS_APART = -1.0
#: Second chance for an article about to start a story: its best story scored at least
#: ``JOIN_THRESHOLD - SECOND_CHANCE_MARGIN``, names the article's main person, and its
#: best three members' meaning cosines average at least ``SECOND_CHANCE_MEANING``.
SECOND_CHANCE_MARGIN = 1.5
SECOND_CHANCE_MEANING = 0.4
#: Decimals kept of a stored meaning vector.
MEANING_DECIMALS = 3
BIAS = -2.3
#: A story's score is the mean of its best member scores, this many of them.
TOP_MEMBERS = 3
#: Taken off the score against a story's profile (its members pooled), which meets an
#: article more easily than any one member does.
PROFILE_OFFSET = 0.75
#: Taken off the score of a one-article story: a single article is a noisy witness of its
#: event, and two reports of two events of one kind that arrive first must not found a story
#: together on one pair score.
LONE_OFFSET = 1.0
#: Members of a candidate story compared: the latest ones.
MAX_MEMBERS = 15
JOIN_THRESHOLD = 0.25
MERGE_THRESHOLD = 0.0
#: A one-article story the arriving article ties to its own story merges in when its
#: article scores this much against the grown story (see ``StoryIndex._adopt_orphans``); only
#: stories the arriving article scored within ``ADOPT_MARGIN`` of the join threshold are looked at.
ADOPT_SCORE = 0.75
ADOPT_MARGIN = 0.75
#: Terms kept per bag after weighting (the rest barely move a cosine).
KEEP_TERMS = {"words": 200, "lead": 80, "ents": 60, "places": 30, "nums": 30, "dates": 20}
#: Words of an article that index it for candidate search (participants and places always do).
INDEX_WORDS = 12
#: At most this many candidate stories, those sharing most indexed terms.
MAX_CANDIDATES = 30
#: Days apart beyond which two firm publication dates count against one story (``DAYS_APART``).
WINDOW_DAYS = 45
#: Publication dates firm enough to weigh: given by the source or the caller, or printed by
#: the article itself (its dateline, the date line at the head of a web page, the date in its
#: address); never an estimate.
FIRM_DATES = ("metadata", "option", "dateline", "header", "url")
REPRINT_RESEMBLANCE = 0.5
#: Article vectors kept in memory between decisions.
CACHE_SIZE = 4096
#: Story profiles kept in memory (least recently used dropped first); a profile pools up to
#: MAX_MEMBERS articles, so it weighs several vectors.
PROFILE_CACHE_SIZE = 1024

Vector = dict[str, dict[str, float]]
T = TypeVar("T")


@dataclass
class Member:
    """What a pair score needs of a stored article."""

    vector: Vector
    year: int | None
    years: set[int]
    top_person: str | None
    persons: set[str]
    sketch: list[int]
    site: tuple[float, float] | None = None
    local_places: frozenset[str] = frozenset()
    #: Unit mean word vector of the lead, each stem weighted by its lead TF-IDF weight.
    meaning: numpy.ndarray | None = None
    #: Ordinal of the article's firm publication date (see ``FIRM_DATES``), if it has one.
    day: int | None = None


def _encode(member: Member) -> bytes:
    payload: dict[str, object] = {
        "v": member.vector, "y": member.year, "ys": sorted(member.years), "tp": member.top_person,
        "p": sorted(member.persons), "s": member.sketch, "site": member.site, "lp": sorted(member.local_places),
    }
    if member.meaning is not None:
        payload["m"] = [round(float(x), MEANING_DECIMALS) for x in member.meaning]
    if member.day is not None:
        payload["d"] = member.day
    return zlib.compress(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode(), 6)


def _decode(blob: bytes) -> Member:
    data = json.loads(zlib.decompress(blob))
    site = data.get("site")  # absent from vectors stored before sites were kept
    meaning = data.get("m")  # absent from vectors stored before meaning vectors were kept
    return Member(data["v"], data["y"], set(data["ys"]), data["tp"], set(data["p"]), data["s"],
                  (site[0], site[1]) if site else None, frozenset(data.get("lp", ())),
                  numpy.asarray(meaning, dtype=numpy.float32) if meaning else None, data.get("d"))


def meaning_vector(lead: dict[str, float], stem_vectors: dict[str, numpy.ndarray]) -> numpy.ndarray | None:
    """Unit mean of the lead stems' word vectors, each weighted by its TF-IDF weight in ``lead``.

    Rare words say most about the event, as in the bags; unlike the bags,
    paraphrases ("died" / "succumbed") land near each other.
    """
    total = None
    for term, weight in lead.items():
        vector = stem_vectors.get(term)
        if vector is not None:
            total = weight * vector if total is None else total + weight * vector
    if total is None:
        return None
    norm = float(numpy.linalg.norm(total))
    # rounded as stored, so a store reopened from disk decides exactly as the running one did
    return numpy.round(total / norm, MEANING_DECIMALS).astype(numpy.float32) if norm else None


def meaning_cosine(a: numpy.ndarray | None, b: numpy.ndarray | None, center: numpy.ndarray | None) -> float:
    """Cosine of two meaning vectors once the corpus mean is taken off both.

    Every news lead points roughly the same way in word-vector space; only
    what is left after the common direction is removed tells events apart.
    """
    if a is None or b is None:
        return 0.0
    if center is not None:
        a, b = a - center, b - center
    norm = float(numpy.linalg.norm(a) * numpy.linalg.norm(b))
    return float(a @ b) / norm if norm else 0.0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def sites_apart(a: Member, b: Member) -> bool:
    """Both articles happen at a town-level place, far apart, and neither names the other's."""
    if a.site is None or b.site is None or a.local_places & b.local_places:
        return False
    return distance_km(a.site, b.site) > SITE_DISTANCE_KM


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    return sum(x * v.get(t, 0.0) for t, x in u.items())


def profile(members: list[Member]) -> Member:
    """One member standing for a whole story: what its articles say, pooled.

    Each bag is the normalized sum of the members' bags, so a short or
    loosely written report that shares a few terms with each of several
    members meets them all at once.  The year is the most common
    publication year, the named years those at least half the members name,
    the main person the most common one (every member's persons count), the
    site the most common one (every member's town-level places count).
    """
    vector: Vector = {}
    for bag in BAG_WEIGHTS:
        pooled: Counter[str] = Counter()
        for member in members:
            pooled.update(member.vector.get(bag, {}))
        norm = math.sqrt(sum(w * w for w in pooled.values())) or 1.0
        vector[bag] = {t: w / norm for t, w in pooled.items()}
    named = Counter(y for member in members for y in member.years)
    return Member(
        vector,
        _most_common(member.year for member in members),
        {y for y, count in named.items() if 2 * count >= len(members)},
        _most_common(member.top_person for member in members),
        set().union(*(member.persons for member in members)),
        [],
        _most_common(member.site for member in members),
        frozenset().union(*(member.local_places for member in members)),
    )


def _most_common(values: Iterable[T | None]) -> T | None:
    """The most frequent value that is not None, the earliest seen on a tie."""
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


def pair_score(a: Member, b: Member) -> float:
    """Log-odds that two articles report the same real-world event."""
    score = BIAS + sum(w * cosine(a.vector.get(bag, {}), b.vector.get(bag, {}))
                       for bag, w in BAG_WEIGHTS.items())
    if a.year and b.year:
        score += YEAR_AGREE if a.year == b.year else YEAR_CONFLICT
    if a.years and b.years and not (a.years & b.years):
        score += YEARS_DISJOINT
    if (a.top_person and b.top_person and a.top_person not in b.persons
            and b.top_person not in a.persons):
        score += TOP_PERSON_MISMATCH
    if sites_apart(a, b):
        score += SITES_APART
    if a.day is not None and b.day is not None and abs(a.day - b.day) > WINDOW_DAYS:
        score += DAYS_APART
    return score


@dataclass
class Assignment:
    story_id: int
    reprint_of: int | None
    merged: list[int]


class StoryIndex:
    """The clusterer's working state over one store connection."""

    def __init__(self, connection: sqlite3.Connection):
        self.db = connection
        self.reload()

    def reload(self) -> None:
        """Rebuild the in-memory index from what the store has committed."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'documents'").fetchone()
        self.documents = int(row[0]) if row else 0
        self.postings: dict[str, set[int]] = defaultdict(set)
        self.terms: dict[int, set[str]] = defaultdict(set)  # story -> its indexed terms
        self.members: dict[int, list[int]] = defaultdict(list)
        self.story_of: dict[int, int] = {}
        self.cache: OrderedDict[int, Member] = OrderedDict()
        # story of two or more members -> its profile, dropped when its members change
        self.profiles: OrderedDict[int, Member] = OrderedDict()
        self.meaning_sum: numpy.ndarray | None = None
        self.meaning_count = 0
        rows = self.db.execute(
            "SELECT v.article_pk, a.story_id, v.vector FROM story_vectors v "
            "JOIN articles a ON a.pk = v.article_pk ORDER BY v.article_pk")
        for pk, story, blob in rows:
            member = _decode(blob)
            self._index(pk, story, member)

    def _index(self, pk: int, story: int, member: Member) -> None:
        self.story_of[pk] = story
        self._count_meaning(member.meaning, 1)
        self.members[story].append(pk)
        self.profiles.pop(story, None)
        for term in _index_terms(member):
            self.postings[term].add(story)
            self.terms[story].add(term)

    def _count_meaning(self, meaning: numpy.ndarray | None, sign: int) -> None:
        if meaning is None:
            return
        if self.meaning_sum is None:
            self.meaning_sum = numpy.zeros_like(meaning, dtype=numpy.float64)
        self.meaning_sum += sign * meaning
        self.meaning_count += sign

    @property
    def center(self) -> numpy.ndarray | None:
        """Mean meaning vector of the articles in the store."""
        if self.meaning_sum is None or not self.meaning_count:
            return None
        return (self.meaning_sum / self.meaning_count).astype(numpy.float32)

    def _member(self, pk: int) -> Member:
        member = self.cache.get(pk)
        if member is None:
            blob = self.db.execute("SELECT vector FROM story_vectors WHERE article_pk = ?", (pk,)).fetchone()
            member = _decode(blob[0])
            self.cache[pk] = member
            if len(self.cache) > CACHE_SIZE:
                self.cache.popitem(last=False)
        else:
            self.cache.move_to_end(pk)
        return member

    def _weigh(self, features: ArticleFeatures) -> Vector:
        """TF-IDF with the frequencies seen so far, this article included; updates ``term_df``."""
        self.documents += 1
        self.db.execute("INSERT INTO meta(key, value) VALUES ('documents', ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(self.documents),))
        vector: Vector = {}
        for bag in BAGS:
            counts: Counter[str] = features.bags.get(bag, Counter())
            terms = [f"{bag[0]}:{t}" for t in counts]
            self.db.executemany(
                "INSERT INTO term_df(term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1",
                [(t,) for t in terms])
            dfs = _frequencies(self.db, terms)
            weights = {t: (1 + math.log(c)) * math.log((self.documents + 1) / (dfs.get(k, 1) + 0.5))
                       for (t, c), k in zip(counts.items(), terms)}
            kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[: KEEP_TERMS[bag]]
            norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
            vector[bag] = {t: round(w / norm, 4) for t, w in kept if w > 0}
        return vector

    def _candidates(self, member: Member) -> list[int]:
        votes: Counter[int] = Counter()
        for term in _index_terms(member):
            for story in self.postings.get(term, ()):
                votes[story] += 1
        return [s for s, _ in votes.most_common(MAX_CANDIDATES)]

    def _profile(self, story: int, latest: list[int]) -> Member:
        pooled = self.profiles.get(story)
        if pooled is None:
            pooled = self.profiles[story] = profile([self._member(pk) for pk in latest])
            if len(self.profiles) > PROFILE_CACHE_SIZE:
                self.profiles.popitem(last=False)
        else:
            self.profiles.move_to_end(story)
        return pooled

    def _story_score(self, member: Member, story: int) -> float:
        """The better of its best members' mean score and its profile's score less an offset.

        A one-article story has no profile (it would be its article again);
        its one pair score, less :data:`LONE_OFFSET`, is its score.
        """
        latest = self.members[story][-MAX_MEMBERS:]
        scores = sorted((pair_score(member, self._member(pk)) for pk in latest), reverse=True)
        top = scores[:TOP_MEMBERS]
        best = sum(top) / len(top)
        if len(latest) < 2:
            return best - LONE_OFFSET
        return max(best, pair_score(member, self._profile(story, latest)) - PROFILE_OFFSET)

    def assign(self, pk: int, features: ArticleFeatures, day: date | None, dated: bool) -> Assignment:
        """Place the article (already in ``articles``) in a story; writes the store, not committing.

        ``day`` is its publication date and ``dated`` whether that date is firm
        (:data:`FIRM_DATES`); only a firm date weighs in the pair scores.
        """
        vector = self._weigh(features)
        member = Member(vector, features.year, features.years, features.top_person,
                        features.persons, features.sketch, features.site, frozenset(features.local_places),
                        meaning_vector(vector.get("lead", {}), features.lead_vectors),
                        day.toordinal() if dated and day is not None else None)
        scored = [(self._story_score(member, s), s) for s in self._candidates(member)]
        scored.sort(key=lambda x: (-x[0], x[1]))
        merged: list[int] = []
        if scored and (scored[0][0] >= JOIN_THRESHOLD or self._second_chance(member, *scored[0])):
            story = scored[0][1]
            for score, other in scored[1:]:
                if score < JOIN_THRESHOLD:
                    break
                if self._cross_score(story, other) >= MERGE_THRESHOLD:
                    self._merge(story, other)
                    merged.append(other)
        else:
            story = int(self.db.execute("INSERT INTO stories(article_count) VALUES (0)").lastrowid or 0)
        reprint_of = None
        for other in reversed(self.members[story][-MAX_MEMBERS * 4:]):
            if resemblance(member.sketch, self._member(other).sketch) >= REPRINT_RESEMBLANCE:
                row = self.db.execute("SELECT coalesce(reprint_of, pk) FROM articles WHERE pk = ?",
                                      (other,)).fetchone()
                reprint_of = int(row[0])
                break
        self.db.execute("INSERT OR REPLACE INTO story_vectors(article_pk, vector) VALUES (?, ?)",
                        (pk, _encode(member)))
        self.cache[pk] = member
        self._index(pk, story, member)
        if len(self.members[story]) > 1:
            merged += self._adopt_orphans(story, scored, merged)
        return Assignment(story, reprint_of, merged)

    def _adopt_orphans(self, story: int, scored: list[tuple[float, int]],
                       merged: list[int]) -> list[int]:
        """Take in the one-article stories this article ties to its story, where they now fit well.

        An early report of an event often arrives before the story it
        belongs to has grown enough to take it, and stays alone.  When a
        later article joins that story and also comes near the lone report
        (within :data:`ADOPT_MARGIN` of the threshold), the lone
        report is scored against the grown story as if it arrived now; at
        :data:`ADOPT_SCORE` or more, its story merges in.
        """
        adopted: list[int] = []
        for score, other in scored:
            if score < JOIN_THRESHOLD - ADOPT_MARGIN:
                break
            if other == story or other in merged or len(self.members.get(other, ())) != 1:
                continue
            if self._story_score(self._member(self.members[other][0]), story) >= ADOPT_SCORE:
                self._merge(story, other)
                adopted.append(other)
        return adopted

    def _second_chance(self, member: Member, score: float, story: int) -> bool:
        """Join a story just short of the threshold that names the article's main person and means the same.

        Short and oddly written reports of an event share too few terms with
        its story to pass on the bags alone; the meaning vector, which meets
        paraphrases, and the main person vouch for them instead.
        """
        if score < JOIN_THRESHOLD - SECOND_CHANCE_MARGIN or member.top_person is None:
            return False
        latest = [self._member(pk) for pk in self.members[story][-MAX_MEMBERS:]]
        if not any(member.top_person in other.persons for other in latest):
            return False
        center = self.center
        close = sorted((meaning_cosine(member.meaning, other.meaning, center) for other in latest),
                       reverse=True)[:TOP_MEMBERS]
        return sum(close) / len(close) >= SECOND_CHANCE_MEANING

    def _cross_score(self, a: int, b: int) -> float:
        left = self.members[a][-MAX_MEMBERS:]
        right = self.members[b][-MAX_MEMBERS:]
        scores = [pair_score(self._member(x), self._member(y)) for x in left for y in right]
        return sum(scores) / len(scores) if scores else -math.inf

    def _merge(self, keep: int, gone: int) -> None:
        self.db.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (keep, gone))
        self.db.execute("DELETE FROM stories WHERE id = ?", (gone,))
        moved = self.members.pop(gone, [])
        self.members[keep] = sorted(self.members[keep] + moved)
        self.profiles.pop(keep, None)
        self.profiles.pop(gone, None)
        for pk in moved:
            self.story_of[pk] = keep
        for term in self.terms.pop(gone, set()):
            self.postings[term].discard(gone)
            self.postings[term].add(keep)
            self.terms[keep].add(term)

    def remove(self, pk: int) -> int | None:
        """Take a replaced article out of its story; returns the story (deleted if now empty)."""
        story = self.story_of.pop(pk, None)
        if story is not None:
            self._count_meaning(self._member(pk).meaning, -1)
        self.db.execute("DELETE FROM story_vectors WHERE article_pk = ?", (pk,))
        self.cache.pop(pk, None)
        if story is None:
            return None
        self.members[story] = [m for m in self.members[story] if m != pk]
        self.profiles.pop(story, None)
        if not self.members[story]:
            del self.members[story]
            self.db.execute("DELETE FROM stories WHERE id = ?", (story,))
            for term in self.terms.pop(story, set()):
                self.postings[term].discard(story)
            return None
        return story


def _index_terms(member: Member) -> list[str]:
    terms = list(member.vector.get("ents", {})) + list(member.vector.get("places", {}))
    words = member.vector.get("words", {})
    terms += sorted(words, key=lambda t: -words[t])[:INDEX_WORDS]
    return terms


def _frequencies(db: sqlite3.Connection, terms: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for start in range(0, len(terms), 500):
        chunk = terms[start : start + 500]
        marks = ",".join("?" * len(chunk))
        out.update(db.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk).fetchall())
    return out


def refresh_story(db: sqlite3.Connection, story: int) -> None:
    """Recompute a story's title, dates and counts from its articles."""
    row = db.execute(
        "SELECT count(*), count(DISTINCT source_key), min(date), max(date) FROM articles WHERE story_id = ?",
        (story,)).fetchone()
    if not row or not row[0]:
        db.execute("DELETE FROM stories WHERE id = ?", (story,))
        return
    first = db.execute("SELECT title, analysis FROM articles WHERE story_id = ? ORDER BY pk LIMIT 1",
                       (story,)).fetchone()
    title = first[0] or _first_line(first[1])
    db.execute("UPDATE stories SET title = ?, article_count = ?, source_count = ?, first_date = ?, "
               "last_date = ? WHERE id = ?", (title, row[0], row[1], row[2], row[3], story))


def _first_line(blob: bytes) -> str:
    data = json.loads(zlib.decompress(blob))
    text = data.get("text", "")
    for sentence in data.get("sentences", []):
        candidate = text[sentence["span"]["start"]: sentence["span"]["end"]].strip()
        if len(candidate) > 20 and "http" not in candidate:
            return " ".join(candidate.split())[:160]
    return " ".join(text.split())[:160]
