"""A compact n-gram truecaser: the ``truecase`` model's scoring on pruned counts.

For a lowercase token with several known casings (``us``: ``us``/``US``), each
casing is scored by the product of its unigram share and its backward-bigram,
forward-bigram and trigram shares among the alternatives, every count smoothed
with a pseudo-count of 5 (the scoring of the ``truecase`` package, MIT, whose
statistics ``scripts/build_truecase_table.py`` keeps whole for words and
prunes to bigrams and trigrams seen at least three times: about 60 MB in
memory instead of over 400 MB, for the same case accuracy within 0.2 points).  Tokens with one
known casing take it; unknown tokens are title-cased (the caller decides what
to do with those).
"""

from __future__ import annotations

import gzip
import json
import math
import string
from collections.abc import Sequence
from pathlib import Path

TABLE_PATH = Path(__file__).resolve().parents[1] / "models" / "truecase.json.gz"
#: Added to every count, as in the original model, so unseen n-grams score > 0.
PSEUDO_COUNT = 5.0
_PUNCTUATION = frozenset(string.punctuation)


class CompactTrueCaser:
    """Chooses the likeliest casing of each token of a lowercased sentence."""

    def __init__(self, path: Path = TABLE_PATH):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            table = json.load(handle)
        self.word_casing_lookup: dict[str, list[str]] = table["casings"]
        self._unigrams: dict[str, int] = table["unigrams"]
        self._backward: dict[str, int] = table["backward_bigrams"]
        self._forward: dict[str, int] = table["forward_bigrams"]
        self._trigrams: dict[str, int] = table["trigrams"]

    def unigram_count(self, form: str) -> int:
        """How often the model saw this exact casing of a word."""
        return self._unigrams.get(form, 0)

    def _share(self, counts: dict[str, int], keys: Sequence[str], chosen: int) -> float:
        values = [counts.get(k, 0) + PSEUDO_COUNT for k in keys]
        return values[chosen] / sum(values)

    def score(self, previous: str | None, casings: Sequence[str], chosen: int, following: str | None) -> float:
        """Log score of ``casings[chosen]`` between the (cased) previous and next token."""
        total = math.log(self._share(self._unigrams, casings, chosen))
        if previous is not None:
            total += math.log(self._share(self._backward, [f"{previous}_{c}" for c in casings], chosen))
        if following is not None:
            following = following.lower()
            total += math.log(self._share(self._forward, [f"{c}_{following}" for c in casings], chosen))
            if previous is not None:
                keys = [f"{previous}_{c}_{following}" for c in casings]
                total += math.log(self._share(self._trigrams, keys, chosen))
        return total

    def get_true_case_from_tokens(self, tokens: Sequence[str], out_of_vocabulary_token_option: str = "title") -> list[str]:
        """Cased tokens for one sentence (same interface as the ``truecase`` package)."""
        cased: list[str] = []
        for index, token in enumerate(tokens):
            if token in _PUNCTUATION or token.isdigit():
                cased.append(token)
                continue
            lower = token.lower()
            casings = self.word_casing_lookup.get(lower)
            if casings is None:
                if out_of_vocabulary_token_option == "title":
                    cased.append(token.title())
                elif out_of_vocabulary_token_option == "lower":
                    cased.append(lower)
                else:
                    cased.append(token)
                continue
            if len(casings) == 1:
                best = casings[0]
            else:
                previous = cased[index - 1] if index > 0 else None
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                scores = [self.score(previous, casings, i, following) for i in range(len(casings))]
                best = casings[max(range(len(casings)), key=scores.__getitem__)]
            cased.append(best.capitalize() if index == 0 else best)  # a sentence starts here
        return cased
