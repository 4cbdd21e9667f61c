"""In-document coreference of name variants.

News names a person in full once and by surname afterwards (``abu bakr
al-baghdadi`` ... ``baghdadi``), defines an acronym in parentheses
(``islamic state ( is )``) and alternates between a country's short and long
names (``u.s.`` / ``united states``).  This module groups such mentions into one
entity.  It links names only, not pronouns: ``he`` is left to the quote layer,
which needs it for speakers only.

Rules, in the order they are tried for each mention (longest names first, so
the full form founds the cluster):

1. same key (lowercase, no article, no possessive) as a cluster alias;
2. a person mention whose words are a tail of a known person's name
   (``baghdadi``, ``al-baghdadi``) joins that person if exactly one matches;
3. an acronym defined for, or formed by the initials of, an organization;
4. a country alias from :data:`COUNTRY_ALIASES`.

A mention the NER typed wrongly (``baghdadi`` as a place) still joins a person
cluster through rule 2; the entity type is the one of its longest mention.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from dateline.entities.names import acronym, name_key, name_tokens

#: Short and long names of countries that news alternates between.
COUNTRY_ALIASES: tuple[frozenset[str], ...] = (
    frozenset({"united states", "u.s.", "us", "usa", "u.s.a.", "america", "united states of america"}),
    frozenset({"united kingdom", "u.k.", "uk", "britain", "great britain"}),
    frozenset({"united arab emirates", "uae", "u.a.e."}),
    frozenset({"soviet union", "ussr", "u.s.s.r."}),
    frozenset({"democratic republic of congo", "drc", "dr congo", "democratic republic of the congo"}),
    frozenset({"north korea", "dprk", "democratic people's republic of korea"}),
    frozenset({"south korea", "republic of korea", "rok"}),
    frozenset({"united nations", "u.n.", "un"}),
    frozenset({"european union", "e.u.", "eu"}),
)
#: Marks a cluster key that holds a gazetteer name, not a surface form.
CANONICAL_PREFIX = "="
_ALIAS_GROUP = {alias: group for group in COUNTRY_ALIASES for alias in group}


@dataclass
class RawMention:
    """A mention before clustering, with offsets in the normalized text."""

    start: int
    end: int
    text: str
    label: str
    sentence: int
    confidence: float
    key: str = ""
    #: Canonical name from a gazetteer, when one matched.
    canonical: str = ""
    #: The name with its owner, for generic bodies (``Russia's defense ministry``).
    qualified: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            self.key = name_key(self.text)


def _head_rank(mention: RawMention) -> tuple[int, int, int]:
    """Longer names rank first; among equals, the earliest."""
    return len(name_tokens(mention.key)), len(mention.key), -mention.start


@dataclass
class Cluster:
    """Mentions judged to name the same entity.

    The head mention and the type votes are kept up to date as mentions are
    added, since clustering asks for them once per candidate pair.
    """

    mentions: list[RawMention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    votes: Counter[str] = field(default_factory=Counter)
    _head: RawMention | None = None

    @property
    def head(self) -> RawMention:
        """The longest mention: it gives the canonical name and the type."""
        assert self._head is not None, "an empty cluster has no head"
        return self._head

    @property
    def label(self) -> str:
        """The head's type, unless other mentions outvote it two to one."""
        head_label = self.head.label
        top, _ = self.votes.most_common(1)[0]
        return head_label if self.votes[head_label] * 2 >= self.votes[top] else top

    @property
    def canonical(self) -> str:
        """The gazetteer name of the cluster, if any of its mentions had one."""
        return next((m.canonical for m in self.mentions if m.canonical), "")

    def add(self, mention: RawMention) -> None:
        self.mentions.append(mention)
        self.keys.add(mention.key)
        self.votes[mention.label] += len(mention.key)
        if self._head is None or _head_rank(mention) > _head_rank(self._head):
            self._head = mention
        if mention.canonical:
            self.keys.add(CANONICAL_PREFIX + mention.canonical)


def _is_name_tail(short: str, full: str) -> bool:
    """``baghdadi`` and ``al-baghdadi`` are tails of ``abu bakr al-baghdadi``."""
    short_tokens = name_tokens(short)
    full_tokens = name_tokens(full)
    if not short_tokens or len(short_tokens) >= len(full_tokens):
        return False
    return full_tokens[-len(short_tokens) :] == short_tokens


def _matches(cluster: Cluster, mention: RawMention, acronyms: dict[str, str]) -> bool:
    key = mention.key
    if key in cluster.keys or CANONICAL_PREFIX + mention.canonical in cluster.keys:
        return True
    head = cluster.head
    if cluster.label == "PERSON" and mention.label in {"PERSON", "LOC", "ORG", "MISC"}:
        if mention.label == "PERSON" or len(name_tokens(key)) == 1:
            if any(_is_name_tail(key, k) for k in cluster.keys):
                return True
    if cluster.label in {"ORG", "MISC", "NORP"}:
        if acronyms.get(key) in cluster.keys:
            return True
        if len(key) >= 2 and key.replace(".", "") == acronym(head.key) and len(key) <= 6:
            return mention.label in {"ORG", "MISC"}
    group = _ALIAS_GROUP.get(key)
    return group is not None and any(k in group for k in cluster.keys)


def cluster_mentions(mentions: list[RawMention], acronyms: dict[str, str]) -> list[Cluster]:
    """Group mentions into entities; ``acronyms`` maps a defined short form to its long key."""
    clusters: list[Cluster] = []
    ordered = sorted(mentions, key=lambda m: (-len(name_tokens(m.key)), -len(m.key), m.start))
    for mention in ordered:
        if not mention.key:
            continue
        candidates = [c for c in clusters if _matches(c, mention, acronyms)]
        exact = [c for c in candidates if mention.key in c.keys]
        if exact:
            _nearest(exact, mention).add(mention)
        elif len(candidates) == 1:
            candidates[0].add(mention)
        elif candidates and not any(c.label == "PERSON" for c in candidates):
            _nearest(candidates, mention).add(mention)
        else:
            # No match, or a surname shared by two people: no evidence to merge.
            clusters.append(Cluster())
            clusters[-1].add(mention)
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)
    clusters.sort(key=lambda c: c.mentions[0].start)
    return clusters


def _nearest(candidates: list[Cluster], mention: RawMention) -> Cluster:
    """The cluster with the closest preceding mention (or the first one)."""

    def distance(cluster: Cluster) -> int:
        before = [mention.start - m.start for m in cluster.mentions if m.start <= mention.start]
        return min(before) if before else 10**9

    return min(candidates, key=distance)
