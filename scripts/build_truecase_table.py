#!/usr/bin/env python3
"""Build dateline's compact truecasing table from the ``truecase`` package's model.

The ``truecase`` package (MIT) ships n-gram casing statistics as one pickle
that takes over 400 MB of memory once loaded: more than the rest of dateline
together.  Almost all of it is n-grams seen once or twice, whose counts barely
move the scores next to the model's pseudo-count of 5.  This script keeps the
words, their casings and unigram counts, and the longer n-grams seen at least ``--min-count`` times,
and writes them as gzipped JSON to ``src/dateline/models/truecase.json.gz``
(read by :mod:`dateline.normalize.truecaser`).

Usage: pip install truecase==0.0.14 && python scripts/build_truecase_table.py
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "models" / "truecase.json.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    import truecase

    model = truecase.get_truecaser()
    table = {
        "source": "truecase 0.0.14 english.dist",
        "min_count": args.min_count,
        "casings": {w: sorted(c) for w, c in sorted(model.word_casing_lookup.items())},
        "unigrams": dict(model.uni_dist.items()),
        "backward_bigrams": {k: v for k, v in model.backward_bi_dist.items() if v >= args.min_count},
        "forward_bigrams": {k: v for k, v in model.forward_bi_dist.items() if v >= args.min_count},
        "trigrams": {k: v for k, v in model.trigram_dist.items() if v >= args.min_count},
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.output, "wt", encoding="utf-8", compresslevel=9) as handle:
        json.dump(table, handle, separators=(",", ":"), sort_keys=True)
    sizes = {k: len(v) for k, v in table.items() if isinstance(v, dict)}
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB): {sizes}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
