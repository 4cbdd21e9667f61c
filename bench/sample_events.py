#!/usr/bin/env python3
"""Check the events layer on the degraded Reuters sample against what a reader sees in it.

The story (``../shared/samples/reuters-baghdadi-lowercased.txt``, Reuters,
28 September 2017) reports: the recapture of Mosul by Iraqi forces two months
earlier (fighting, Mosul, July 2017); North Korean threats against Japan and
the United States; Syrian forces advancing on Raqqa; a Russian air strike near
Raqqa that *might* have killed Baghdadi.  Its quote passages (Baghdadi's
exhortations: ``fan the flames of war on your enemies``, ``continue your
jihad``) name no actor of their own, so no event may come from them.

The story carries no date; it is given as ``--published`` (default 2017-09-28,
the Reuters date, as in the README's example).  ``--published estimate``
leaves the date to the times layer's estimate instead.

Usage: python bench/sample_events.py [--sample FILE] [--published DATE|estimate] [--json]
Needs ../shared/samples (not part of the repo); exits 2 if absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "reuters-baghdadi-lowercased.txt"
#: Sentences (0-based) that are quote rhetoric with no actor of their own.
RHETORIC_SENTENCES = (4, 5, 6, 12, 16)


def _find(events, kinds, source_code=None, trigger=None):  # type: ignore[no-untyped-def]
    for event in events:
        if event.type.value not in kinds:
            continue
        if source_code and not any(a.code == source_code for a in event.source):
            continue
        if trigger and trigger not in event.trigger.text:
            continue
        return event
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE)
    parser.add_argument("--published", default="2017-09-28")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.sample.exists():
        print(f"sample_events: needs {args.sample} (../shared/samples, not in the repo)", file=sys.stderr)
        return 2
    import dateline

    published = None if args.published == "estimate" else args.published
    analysis = dateline.read(args.sample.read_text(encoding="utf-8"), published=published)
    events = analysis.events
    checks: dict[str, bool] = {}
    details: dict[str, str] = {}

    mosul = _find(events, ("FIGHT", "ASSAULT"), "IRQ", "recapture")
    checks["recapture of Mosul by Iraqi forces: FIGHT/ASSAULT, Mosul, 2017-07"] = bool(
        mosul and mosul.place and mosul.place.name == "Mosul" and mosul.time and mosul.time.value == "2017-07")
    threats = _find(events, ("THREATEN",), "PRK")
    checks["North Korean threats against Japan and the United States: THREATEN"] = bool(
        threats and {a.code for a in threats.target} >= {"JPN", "USA"})
    raqqa = _find(events, ("FIGHT", "ASSAULT", "MOBILIZE"), "SYR")
    checks["Syrian forces advancing on Raqqa"] = bool(raqqa and raqqa.place and "Raqq" in raqqa.place.name)
    strike = _find(events, ("FIGHT", "ASSAULT"), "RUS")
    checks["Russian air strike near Raqqa: possible"] = bool(
        strike and strike.certainty.value == "possible" and strike.place and "Raqq" in strike.place.name)
    rhetoric = [e for e in events if e.sentence in RHETORIC_SENTENCES]
    checks["no event from the quote passages' rhetoric"] = not rhetoric
    for name, event in (("mosul", mosul), ("threats", threats), ("raqqa", raqqa), ("strike", strike)):
        if event is not None:
            details[name] = (f"{event.type.value} {event.mode or ''} '{event.trigger.text}' "
                             f"{[a.name + '/' + str(a.code) for a in event.source]} -> "
                             f"{[a.name + '/' + str(a.code) for a in event.target]} @ "
                             f"{event.place.name if event.place else '-'} {event.time.value if event.time else '-'} "
                             f"{event.certainty.value}")
    report = {"published": published or "estimated", "events": len(events),
              "passed": sum(checks.values()), "checks": checks, "details": details}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for name, ok in checks.items():
            print(f"{'ok  ' if ok else 'FAIL'} {name}")
        for name, line in details.items():
            print(f"     {name}: {line}")
        print(f"{report['passed']} of {len(checks)} checks; {len(events)} events in the story "
              f"(publication date: {report['published']})")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
