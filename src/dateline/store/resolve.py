"""Cross-document entity resolution: one canonical entity per real person or group.

Each article's entities (already clustered within the article, with their
aliases) are matched against the store's canonical entities by normalized
keys, in three buckets that never mix: people, places, and groups
(organizations, nationalities, other names).

* A name or a multi-word alias equal to a known key joins that entity.
  Organization aliases from ``data/organizations.tsv`` map to their canonical
  name first (``isis``, ``isil``, ``daesh`` -> ``islamic state``), and an
  acronym defined in an article (``islamic state ( is )``) becomes a key.
* A person named by surname alone (``baghdadi``, ``al-baghdadi``) joins the one
  known person of that surname.  If several known people share it, it joins
  the one that the article's story already names; otherwise it stays its own
  surname-only entity: two people who share a surname are never merged
  without evidence.
* A full name that is the first of its surname absorbs the surname-only
  entities seen before it.  Two different full names never merge.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from functools import lru_cache
from importlib import resources

from dateline.schema import Analysis, Entity
from dateline.store.features import fold, surname

PERSON, PLACE, GROUP = "person", "place", "group"
_NON_WORD = re.compile(r"[^\w]+")
#: Name particles that do not make a lone surname a full name ("al-Baghdadi").
PARTICLES = frozenset({"al", "el", "ad", "as", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "du", "le", "la"})
#: Leading words dropped from keys.
LEADING = ("the ",)


def bucket(entity_type: str) -> str:
    if entity_type == "PERSON":
        return PERSON
    if entity_type == "LOC":
        return PLACE
    return GROUP


def key(name: str) -> str:
    """Normalized name: folded, possessive and punctuation gone, ``the`` dropped."""
    text = fold(name)
    text = re.sub(r"'s\b", "", text)
    text = _NON_WORD.sub(" ", text.replace("'", "")).strip()
    for lead in LEADING:
        if text.startswith(lead):
            text = text[len(lead):]
    return " ".join(text.split())


@lru_cache(maxsize=1)
def curated_aliases() -> dict[str, str]:
    """Alias key -> canonical key, from the organization table the NER also uses."""
    table = resources.files("dateline.data").joinpath("organizations.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        canonical = key(parts[0])
        out[canonical] = canonical
        if len(parts) > 2:
            for alias in parts[2].split("|"):
                if alias.strip():
                    out[key(alias)] = canonical
    return out


def entity_keys(entity: Entity) -> tuple[set[str], str | None]:
    """The exact-match keys of an article entity, and its surname if it is a person."""
    kind = bucket(entity.type.value)
    names = [entity.name, *entity.aliases]
    keys: set[str] = set()
    curated = curated_aliases()
    for name in names:
        k = key(name)
        if not k:
            continue
        if kind == PERSON and len([w for w in k.split() if w not in PARTICLES]) < 2:
            continue  # a lone surname ("baghdadi", "al-baghdadi") is resolved by the surname rule
        keys.add(curated.get(k, k) if kind == GROUP else k)
    last = None
    if kind == PERSON:
        last = surname(entity.name)
        if not keys:  # surname-only entity
            keys = set()
    return keys, last


class Resolver:
    """Maps article entities to canonical entities, writing through ``connection``."""

    def __init__(self, connection: sqlite3.Connection):
        self.db = connection
        self._absorbed: set[int] = set()  # entities that absorbed others during this article

    def _find(self, kind: str, keys: set[str]) -> int | None:
        if not keys:
            return None
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT k.entity_id, e.mention_count FROM entity_keys k JOIN entities e ON e.id = k.entity_id "
            f"WHERE k.bucket = ? AND k.kind = 'name' AND k.key IN ({marks}) "
            "ORDER BY e.mention_count DESC, e.id LIMIT 1", (kind, *sorted(keys))).fetchone()
        return int(rows[0]) if rows else None

    def _full_names_with_surname(self, last: str) -> list[int]:
        rows = self.db.execute(
            "SELECT entity_id FROM entity_keys WHERE bucket = ? AND kind = 'surname' AND key = ? "
            "ORDER BY entity_id", (PERSON, last)).fetchall()
        return [int(r[0]) for r in rows]

    def _surname_only(self, last: str) -> int | None:
        row = self.db.execute(
            "SELECT k.entity_id FROM entity_keys k WHERE k.bucket = ? AND k.kind = 'name' AND k.key = ? "
            "AND NOT EXISTS (SELECT 1 FROM entity_keys s WHERE s.entity_id = k.entity_id "
            "AND s.kind = 'surname') LIMIT 1",
            (PERSON, last)).fetchone()
        return int(row[0]) if row else None

    def _in_story(self, candidates: list[int], story: int | None) -> list[int]:
        if story is None:
            return []
        marks = ",".join("?" * len(candidates))
        rows = self.db.execute(
            f"SELECT DISTINCT ae.entity_id FROM article_entities ae JOIN articles a ON a.pk = ae.article_pk "
            f"WHERE a.story_id = ? AND ae.entity_id IN ({marks})", (story, *candidates)).fetchall()
        return sorted(int(r[0]) for r in rows)

    def _create(self, entity: Entity, kind: str, keys: set[str], last: str | None) -> int:
        new = int(self.db.execute("INSERT INTO entities(type, name, country) VALUES (?, ?, ?)",
                                  (entity.type.value, entity.name, entity.country)).lastrowid)
        full_name = bool(keys)
        if kind == PERSON and not keys and last:
            keys = {last}
        self._add_keys(new, kind, keys)
        if kind == PERSON and last and full_name:
            self.db.execute("INSERT OR IGNORE INTO entity_keys VALUES (?, ?, 'surname', ?)", (kind, last, new))
            if self._full_names_with_surname(last) == [new]:
                while (old := self._surname_only(last)) is not None:
                    self._absorb(new, old)
        return new

    def _add_keys(self, entity_id: int, kind: str, keys: set[str]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO entity_keys VALUES (?, ?, 'name', ?)",
                            [(kind, k, entity_id) for k in sorted(keys)])

    def _absorb(self, keep: int, gone: int) -> None:
        """Move every row of entity ``gone`` to ``keep``."""
        self.db.execute("UPDATE article_entities SET entity_id = ? WHERE entity_id = ?", (keep, gone))
        for alias, count in self.db.execute(
                "SELECT alias, mention_count FROM entity_aliases WHERE entity_id = ?", (gone,)).fetchall():
            self._add_alias(keep, alias, count)
        self.db.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (gone,))
        self.db.execute("DELETE FROM entity_keys WHERE entity_id = ?", (gone,))
        self.db.execute("DELETE FROM entities WHERE id = ?", (gone,))
        self.refresh(keep)
        self._absorbed.add(keep)

    def _add_alias(self, entity_id: int, alias: str, count: int) -> None:
        self.db.execute(
            "INSERT INTO entity_aliases(entity_id, alias, mention_count) VALUES (?, ?, ?) "
            "ON CONFLICT(entity_id, alias) DO UPDATE SET mention_count = mention_count + excluded.mention_count",
            (entity_id, alias, count))

    def resolve(self, entity: Entity, story: int | None) -> int:
        """The canonical entity id for one article entity (created if new)."""
        kind = bucket(entity.type.value)
        keys, last = entity_keys(entity)
        found = self._find(kind, keys)
        if found is not None:
            self._add_keys(found, kind, keys)
            return found
        if kind == PERSON and last and not keys:
            candidates = self._full_names_with_surname(last)
            if len(candidates) == 1:
                return candidates[0]
            if len(candidates) > 1:
                named = self._in_story(candidates, story)
                if len(named) == 1:
                    return named[0]
            found = self._find(kind, {last})
            if found is not None:
                return found
        return self._create(entity, kind, keys, last)

    def add_article(self, pk: int, analysis: Analysis, story: int | None) -> None:
        """Resolve and record every entity of a stored article."""
        self._absorbed: set[int] = set()
        for entity in analysis.entities:
            canonical = self.resolve(entity, story)
            self.db.execute(
                "INSERT OR REPLACE INTO article_entities VALUES (?, ?, ?, ?, ?, ?)",
                (pk, entity.id, canonical, entity.type.value, entity.name, len(entity.mentions)))
            forms = Counter(" ".join(fold(m.span.text).split()) for m in entity.mentions)
            for alias, count in sorted(forms.items()):
                self._add_alias(canonical, alias, count)
        mentions: Counter[int] = Counter()
        names: dict[int, list[str]] = {}
        for entity_id, name, count in self.db.execute(
                "SELECT entity_id, name, mention_count FROM article_entities WHERE article_pk = ?", (pk,)):
            mentions[entity_id] += count
            names.setdefault(entity_id, []).append(name)
        # Counts move by this article alone (a full recount would grow with the corpus), except
        # for an entity that absorbed others while this article was resolved: recounted whole.
        for entity_id in sorted(self._absorbed & set(mentions)):
            self.refresh(entity_id)
        for entity_id in sorted(set(mentions) - self._absorbed):
            row = self.db.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()
            best = max([row[0], *names[entity_id]], key=lambda n: (len(n.split()), len(n)))
            self.db.execute("UPDATE entities SET article_count = article_count + 1, "
                            "mention_count = mention_count + ?, name = ? WHERE id = ?",
                            (mentions[entity_id], best, entity_id))

    def remove_article(self, pk: int) -> None:
        """Forget a replaced article's entities (counts, aliases; empty entities go)."""
        rows = self.db.execute("SELECT entity_id, local_id FROM article_entities WHERE article_pk = ?",
                               (pk,)).fetchall()
        blob = self.db.execute("SELECT analysis FROM articles WHERE pk = ?", (pk,)).fetchone()
        forms: dict[str, Counter[str]] = {}
        if blob is not None:
            from dateline.store.db import decode_analysis

            data = decode_analysis(blob[0])
            for entity in data.get("entities", []):
                forms[entity["id"]] = Counter(" ".join(fold(m["span"]["text"]).split())
                                              for m in entity["mentions"])
        self.db.execute("DELETE FROM article_entities WHERE article_pk = ?", (pk,))
        for entity_id, local in rows:
            for alias, count in forms.get(local, Counter()).items():
                self.db.execute("UPDATE entity_aliases SET mention_count = mention_count - ? "
                                "WHERE entity_id = ? AND alias = ?", (count, entity_id, alias))
            self.db.execute("DELETE FROM entity_aliases WHERE entity_id = ? AND mention_count <= 0",
                            (entity_id,))
            self.refresh(entity_id)

    def refresh(self, entity_id: int) -> None:
        """Recompute an entity's counts and display name; drop it when no article names it."""
        row = self.db.execute("SELECT count(DISTINCT article_pk), coalesce(sum(mention_count), 0) "
                              "FROM article_entities WHERE entity_id = ?", (entity_id,)).fetchone()
        if not row[0]:
            self.db.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (entity_id,))
            self.db.execute("DELETE FROM entity_keys WHERE entity_id = ?", (entity_id,))
            self.db.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
            return
        # Display name: the longest name any article gave it, ties to the most used.
        names = self.db.execute(
            "SELECT name, sum(mention_count) FROM article_entities WHERE entity_id = ? GROUP BY name",
            (entity_id,)).fetchall()
        name = max(names, key=lambda n: (len(n[0].split()), n[1], n[0]))[0]
        self.db.execute("UPDATE entities SET article_count = ?, mention_count = ?, name = ? WHERE id = ?",
                        (row[0], row[1], name, entity_id))
