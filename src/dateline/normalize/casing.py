"""Put capitals back into lowercased tokens, never changing a token's length.

The statistical work is done by an n-gram model (:mod:`dateline.normalize.truecaser`,
loaded once, on first use); the rules here handle what it gets wrong or cannot know: sentence
starts, ``I``, dotted abbreviations (``u.s.`` -> ``U.S.``), a short list of
news acronyms, wire datelines (``cairo ( reuters ) -``), acronyms defined in
parentheses (``islamic state ( is )`` -> ``Islamic State (IS)``), and unknown
words that are plainly English derivations (``retaken``) rather than names.

A token is only recased if it is wholly lowercase, and a new casing is only
accepted if it differs from the token in case alone and has the same length;
otherwise the token stays as it was.  That keeps offsets one for one.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

from dateline.errors import ModelError
from dateline.normalize.truecaser import CompactTrueCaser

#: Dotted abbreviations such as ``u.s.``/``u.n.``; only this prefix of a token is uppercased.
DOTTED_ABBREVIATION = re.compile(r"(?:[a-z]\.){2,}")
#: Dotted abbreviations written in lowercase in clean text.
LOWERCASE_DOTTED = frozenset({"a.m.", "p.m.", "e.g.", "i.e.", "c.f."})
#: Acronyms common in news whose lowercase form is not an English word.
NEWS_ACRONYMS = frozenset(
    {"un", "eu", "nato", "isis", "isil", "uk", "uae", "usa", "opec", "fbi", "cia", "imf"}
)
#: ``us`` is the country only in ``the us``; elsewhere it is the pronoun.
US_AFTER = frozenset({"the"})
#: Agencies named in wire datelines, in their own spelling.
AGENCIES = {"reuters": "Reuters", "ap": "AP", "afp": "AFP", "upi": "UPI", "xinhua": "Xinhua"}
#: A dateline place (``new york``, ``cairo , oct 5``) is at most this many tokens.
MAX_DATELINE_PLACE_TOKENS = 6
DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
#: Arabic articles stay lowercase before a hyphenated name (``al-Baghdadi``).
NAME_PARTICLES = frozenset({"al", "el"})
#: Words skipped when matching an acronym to the initials of the words before it.
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "de", "du", "la", "&"})
#: Longest acronym matched against a preceding definition.
MAX_ACRONYM_LENGTH = 6
#: Unknown words built from a known lowercase word with one of these are English, not names.
DERIVATION_PREFIXES = ("re", "un", "non", "pre", "anti", "counter", "over", "under", "mis", "co")
DERIVATION_SUFFIXES = (
    "s", "es", "ed", "d", "ing", "er", "ers", "ly", "ness", "ment", "ist", "ists",
)
#: Stems shorter than this are too short to vouch for a derivation.
MIN_STEM_LENGTH = 3
SENTENCE_END = frozenset({".", "!", "?"})

_lock = threading.Lock()
_model: CompactTrueCaser | None = None


def truecaser() -> CompactTrueCaser:
    """The n-gram truecaser, loaded on first use (about 0.3 s) and shared after."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                try:
                    _model = CompactTrueCaser()
                except (OSError, EOFError, ValueError, KeyError) as exc:
                    raise ModelError(
                        f"the truecasing table could not be loaded ({exc}); "
                        "rebuild it with scripts/build_truecase_table.py"
                    ) from exc
    return _model


def same_but_case(candidate: str, token: str) -> bool:
    """True if ``candidate`` is the lowercase ``token`` with some letters capitalized.

    Equal lengths and equal lowercase forms mean every character lowercases to
    exactly one character, so the two align position by position.
    """
    return len(candidate) == len(token) and candidate.lower() == token


def capitalize_first(token: str) -> str:
    """Uppercase the first character only (``str.capitalize`` lowercases the rest)."""
    return token[:1].upper() + token[1:]


def _lowercase_word(word: str) -> bool:
    """True if the model knows ``word`` and most often writes it in lowercase."""
    model = truecaser()
    variants = model.word_casing_lookup.get(word)
    if not variants or word not in variants:
        return False
    return model.unigram_count(word) >= max(model.unigram_count(v) for v in variants)


def _english_derivation(word: str) -> bool:
    """True if an unknown word is a known lowercase word plus a common prefix or suffix."""
    for prefix in DERIVATION_PREFIXES:
        stem = word[len(prefix) :]
        if word.startswith(prefix) and len(stem) >= MIN_STEM_LENGTH and _lowercase_word(stem):
            return True
    for suffix in DERIVATION_SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= MIN_STEM_LENGTH and _lowercase_word(stem):
            return True
    return False


def _case_unknown_word(word: str) -> str:
    """Casing for a word the model has never seen: a name unless plainly English."""
    if not word.isalpha():
        return word
    return word if _english_derivation(word) else capitalize_first(word)


def _case_part(part: str) -> str:
    """Casing of one part of a hyphenated word, judged without context."""
    model = truecaser()
    variants = model.word_casing_lookup.get(part)
    if variants:
        return max(sorted(variants), key=model.unigram_count)
    return _case_unknown_word(part)


def _case_hyphenated(word: str) -> str:
    """Casing of an unknown hyphenated word, part by part (``covid-19``, ``al-furqan``)."""
    parts = word.split("-")
    cased = [_case_part(part) if part.isalpha() else part for part in parts]
    if parts[0] in NAME_PARTICLES and len(parts) > 1:
        cased[0] = parts[0]
    return "-".join(cased)


def _case_dotted(token: str) -> str | None:
    """``u.s.`` -> ``U.S.``, ``u.s.-backed`` -> ``U.S.-backed``; None if not dotted."""
    match = DOTTED_ABBREVIATION.match(token)
    if match is None or match.group() in LOWERCASE_DOTTED:
        return None
    return match.group().upper() + token[match.end() :]


def _dateline(words: Sequence[str]) -> tuple[int, int] | None:
    """Find a wire dateline at the start of a line: (index of ``(``, index after it ends)."""
    limit = min(MAX_DATELINE_PLACE_TOKENS, len(words) - 3)
    for k in range(1, limit + 1):
        if words[k] == "(" and words[k + 1] in AGENCIES and words[k + 2] == ")":
            after = k + 3
            if after < len(words) and words[after] in DATELINE_DASHES:
                after += 1
            return k, after
    return None


def recase_line(words: Sequence[str], suffixes: Sequence[bool], *, first_line: bool) -> list[str]:
    """Recase one line (one sentence in the corpus form).

    ``suffixes`` marks tokens that restore as the tail of the word before
    (``s`` of a possessive, ``t`` of ``don t``); they keep their case.
    """
    model_input = [
        "'s" if suffix and word == "s" else word for word, suffix in zip(words, suffixes)
    ]
    model_output = truecaser().get_true_case_from_tokens(model_input, "title")
    lookup = truecaser().word_casing_lookup
    dateline = _dateline(words) if first_line else None

    cased: list[str] = []
    pending_start = True
    previous = ""
    for index, word in enumerate(words):
        candidate = word
        if word.islower() and not suffixes[index]:
            dotted = _case_dotted(word)
            if dotted is not None:
                candidate = dotted
            elif word in NEWS_ACRONYMS or (word == "us" and previous in US_AFTER):
                candidate = word.upper()
            elif word == "i":
                candidate = "I"
            elif word in lookup:
                candidate = model_output[index]
            elif "-" in word:
                candidate = _case_hyphenated(word)
            else:
                candidate = _case_unknown_word(word)
            if dateline is not None and index < dateline[0] and word[0].isalpha():
                candidate = capitalize_first(candidate)
            elif dateline is not None and index == dateline[0] + 1:
                candidate = AGENCIES[word]
            elif pending_start and word[0].isalnum():
                candidate = capitalize_first(candidate)
            if not same_but_case(candidate, word):
                candidate = word
        if word[:1].isalnum():
            pending_start = False
        if word in SENTENCE_END or (dateline is not None and index + 1 == dateline[1]):
            pending_start = True
        cased.append(candidate)
        previous = word
    return cased


def _definition_start(words: Sequence[str], suffixes: Sequence[bool], paren: int) -> int | None:
    """Where the words spelled out by ``words[paren + 1]`` begin, if they precede ``paren``."""
    acronym = words[paren + 1]
    initials: list[str] = []
    index = paren - 1
    while index >= 0 and len(initials) < len(acronym):
        word = words[index]
        if suffixes[index] or not word.replace("-", "").isalpha():
            return None
        if word not in ACRONYM_STOPWORDS:
            initials.append(word[0])
            if len(initials) == len(acronym):
                return index if "".join(reversed(initials)) == acronym else None
        index -= 1
    return None


def _title_content_words(words: Sequence[str], cased: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        word = words[index]
        if word not in ACRONYM_STOPWORDS and word.islower():
            candidate = capitalize_first(cased[index])
            if same_but_case(candidate, word):
                cased[index] = candidate


def apply_acronym_definitions(
    lines: Sequence[Sequence[str]],
    suffixes: Sequence[Sequence[bool]],
    cased: list[list[str]],
) -> None:
    """Uppercase acronyms defined in parentheses and title-case what they stand for.

    ``islamic state ( is )`` becomes ``Islamic State (IS)``, and later
    occurrences of ``islamic state`` are title-cased too.  Later bare uses of
    the acronym are uppercased only if it is not also an English word (``is``).
    """
    phrases: dict[str, set[tuple[str, ...]]] = {}
    acronyms: set[str] = set()
    for words, line_suffixes, line_cased in zip(lines, suffixes, cased):
        for paren in range(len(words) - 2):
            acronym = words[paren + 1]
            if not (
                words[paren] == "("
                and words[paren + 2] == ")"
                and 2 <= len(acronym) <= MAX_ACRONYM_LENGTH
                and acronym.isalpha()
                and acronym.islower()
            ):
                continue
            start = _definition_start(words, line_suffixes, paren)
            if start is None:
                continue
            _title_content_words(words, line_cased, start, paren)
            if same_but_case(acronym.upper(), acronym):
                line_cased[paren + 1] = acronym.upper()
            phrases.setdefault(words[start], set()).add(tuple(words[start:paren]))
            if not _lowercase_word(acronym):
                acronyms.add(acronym)
    if not phrases:
        return
    for words, line_suffixes, line_cased in zip(lines, suffixes, cased):
        for index, word in enumerate(words):
            if word in acronyms and not line_suffixes[index]:
                line_cased[index] = word.upper() if same_but_case(word.upper(), word) else word
            for phrase in phrases.get(word, ()):
                end = index + len(phrase)
                if tuple(words[index:end]) == phrase:
                    _title_content_words(words, line_cased, index, end)


def recase(lines: Sequence[Sequence[str]], suffixes: Sequence[Sequence[bool]]) -> list[list[str]]:
    """Recase every line of a document; see :func:`recase_line`."""
    cased = [
        recase_line(words, line_suffixes, first_line=number == 0)
        for number, (words, line_suffixes) in enumerate(zip(lines, suffixes))
    ]
    apply_acronym_definitions(lines, suffixes, cased)
    return cased
