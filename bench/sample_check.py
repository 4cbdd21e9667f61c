#!/usr/bin/env python3
"""Check dateline on the degraded Reuters sample against what a reader sees in it.

For each name a careful reader marks in ``../shared/samples/reuters-baghdadi-
lowercased.txt`` (people, organizations, places, with how often each occurs),
count how many occurrences dateline found as mentions of one entity, and
check that every ``baghdadi`` resolves to Abu Bakr al-Baghdadi.

Usage: python bench/sample_check.py [--sample FILE] [--json]
Needs ../shared/samples (not part of the repo); exits 2 if absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

DEFAULT_SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "reuters-baghdadi-lowercased.txt"

#: (surface form, expected type) of every person, organization and place named.
EXPECTED = [
    ("abu bakr al-baghdadi", "PERSON"), ("baghdadi", "PERSON"),
    ("islamic state", "ORG"), ("is", "ORG"), ("reuters", "ORG"), ("al-furqan", "ORG"),
    ("defense ministry", "ORG"),
    ("cairo", "LOC"), ("iraq", "LOC"), ("syria", "LOC"), ("mosul", "LOC"), ("raqqa", "LOC"),
    ("saudi arabia", "LOC"), ("north africa", "LOC"), ("africa", "LOC"), ("japan", "LOC"),
    ("united states", "LOC"), ("libya", "LOC"), ("sirte", "LOC"), ("egypt", "LOC"),
    ("sinai", "LOC"), ("russia", "LOC"), ("west", "LOC"),
]
#: Occurrences of a short form that are ordinary words, not the name (``is`` the verb).
def occurrences(text: str, form: str) -> list[int]:
    """Start offsets of the form as a whole word (hyphen-joined words included)."""
    starts = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w])", text)]
    if form == "is":
        # only the name: after "(", "an", "of" (the three uses in this story)
        starts = [s for s in starts if re.search(r"(?:\(|\ban|\bof) $", text[max(0, s - 4) : s])]
    if form == "baghdadi":
        starts += [m.start() + 3 for m in re.finditer(r"al-baghdadi", text)]
        starts = sorted(set(starts) - {m.start() + 8 for m in re.finditer(r"bakr al-baghdadi", text)})
    if form == "africa":
        starts = [s for s in starts if not text[max(0, s - 6) : s].endswith("north ")]
    return starts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.sample.exists():
        print(f"sample_check: needs {args.sample} (../shared/samples, not in the repo)", file=sys.stderr)
        return 2
    import dateline

    text = args.sample.read_text(encoding="utf-8")
    analysis = dateline.read(text)
    found_at = {}
    for entity in analysis.entities:
        for mention in entity.mentions:
            found_at[mention.span.start] = (entity, mention)
    rows = []
    for form, expected_type in EXPECTED:
        starts = occurrences(text, form)
        hits = [s for s in starts if s in found_at]
        typed = [s for s in hits if found_at[s][0].type.value == expected_type]
        rows.append({"form": form, "expected_type": expected_type, "occurrences": len(starts),
                     "found": len(hits), "typed_right": len(typed),
                     "missed_at": [s for s in starts if s not in found_at]})
    total = sum(r["occurrences"] for r in rows)
    found = sum(r["found"] for r in rows)
    typed = sum(r["typed_right"] for r in rows)
    baghdadi = {found_at[s][0].name for s in occurrences(text, "baghdadi") + occurrences(text, "abu bakr al-baghdadi") if s in found_at}
    report = {
        "mentions_expected": total,
        "mentions_found": found,
        "mentions_typed_right": typed,
        "recall": round(found / total, 4),
        "baghdadi_entities": sorted(baghdadi),
        "baghdadi_resolved_to_one_entity": len(baghdadi) == 1,
        "rows": rows,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for r in rows:
            flag = "ok " if r["found"] == r["occurrences"] else "MISS"
            print(f"{flag} {r['form']:22} {r['expected_type']:7} {r['found']}/{r['occurrences']} found, "
                  f"{r['typed_right']} typed {r['expected_type']}")
        print(f"mentions found: {found}/{total} (recall {report['recall']}), typed right: {typed}/{total}")
        print(f"baghdadi resolved to: {report['baghdadi_entities']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
