"""Name forms: keys for matching mentions and display forms for canonical names."""

from __future__ import annotations

import re

#: Lowercase particles inside personal names that stay lowercase in display form.
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "de", "del", "der", "van", "von", "da", "dos", "du", "di"}
)
#: Particles that glue to the next word with a hyphen (``al-Baghdadi``).
HYPHEN_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "ul"})
#: Articles and possessive endings that do not belong to a name key.
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s$|['\u2019]$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_DOTTED_ABBREVIATION = re.compile(r"(?:^|[\s-])(?:[a-z]\.){2,}$")


def name_key(text: str) -> str:
    """Lowercase matching key: no leading article, no possessive, single spaces."""
    key = _SPACES.sub(" ", text.strip()).lower()
    key = _LEADING_ARTICLE.sub("", key)
    key = _POSSESSIVE.sub("", key).strip(" ,;:-")
    if key.endswith(".") and not _DOTTED_ABBREVIATION.search(key):
        key = key.rstrip(".")
    return key.strip()


def name_tokens(key: str) -> list[str]:
    """Words of a name key, with hyphen particles split off (``al-baghdadi``)."""
    words: list[str] = []
    for word in key.split():
        head, sep, rest = word.partition("-")
        if sep and head in HYPHEN_PARTICLES and rest:
            words.append(rest)
        else:
            words.append(word)
    return words


def surname(key: str) -> str:
    """The last name word of a person key without its particle (``baghdadi``)."""
    tokens = name_tokens(key)
    return tokens[-1] if tokens else ""


def acronym(key: str) -> str:
    """Initials of a multi-word name key (``islamic state`` -> ``is``)."""
    words = [w for w in re.split(r"[\s-]+", key) if w and w not in {"of", "and", "the", "for"}]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _display_word(word: str, first: bool) -> str:
    if "-" in word:
        parts = word.split("-")
        return "-".join(_display_word(p, first and i == 0) for i, p in enumerate(parts))
    lower = word.lower()
    if not first and lower in NAME_PARTICLES:
        return lower
    if re.fullmatch(r"(?:[a-z]\.){2,}", lower):
        return lower.upper()
    if lower in {"mc", "mac"}:
        return lower.capitalize()
    return word[:1].upper() + word[1:] if word[:1].islower() else word


def display_name(text: str, degraded: bool) -> str:
    """How a name is shown: as written in clean text; re-cased from degraded text.

    In degraded input the case was restored by a statistical truecaser, so names
    are re-cased word by word, keeping particles lowercase (``al-Baghdadi``).
    """
    text = _SPACES.sub(" ", text.strip())
    text = _POSSESSIVE.sub("", text)
    if not degraded:
        return text
    words = text.split(" ")
    return " ".join(_display_word(w, i == 0) for i, w in enumerate(words))
