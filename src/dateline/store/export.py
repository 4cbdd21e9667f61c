"""Write query results as JSON Lines, CSV, Parquet or GeoJSON.

Records are the pydantic results of :mod:`dateline.store.query`.  Flat
formats (CSV, Parquet) keep scalar fields as columns and nested ones (lists
of places, articles, aliases) as JSON text in their column, so every row has
the same columns.  GeoJSON has one Point feature per record and place that
has coordinates (its ``places``, or the ``place`` of an event), carrying the
record's scalar fields as properties.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from dateline.errors import BAD_OPTION, MODEL_MISSING, ConfigError, DatelineError

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "geojson")


def _rows(records: Any) -> list[dict[str, Any]]:
    if isinstance(records, BaseModel):
        records = [records]
    return [r.model_dump(mode="json") if isinstance(r, BaseModel) else dict(r) for r in records]


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()}


def feature_collection(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    features = []
    for row in rows:
        props = {k: v for k, v in row.items() if not isinstance(v, (list, dict))}
        places = row.get("places") or ([row["place"]] if isinstance(row.get("place"), dict) else [])
        for place in places:
            if place.get("latitude") is None or place.get("longitude") is None:
                continue
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [place["longitude"], place["latitude"]]},
                "properties": {**props, "place": place["name"], "geonames_id": place.get("geonames_id"),
                               "country_code": place.get("country_code")},
            })
    return {"type": "FeatureCollection", "features": features}


def export(records: Any, path: str | Path | None, fmt: str) -> str | None:
    """Write ``records`` to ``path`` in ``fmt``; with no path return the text (not for parquet)."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"export format must be one of {', '.join(EXPORT_FORMATS)}, got '{fmt}'")
    rows = _rows(records)
    if fmt == "parquet":
        if path is None:
            raise ConfigError("parquet is binary: give a file with --output", kind=BAD_OPTION)
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
            raise DatelineError("parquet export needs pyarrow (pip install pyarrow)", kind=MODEL_MISSING) from exc
        flat = [_flat(r) for r in rows]
        columns = list(flat[0]) if flat else ["id"]
        table = pa.table({c: [r.get(c) for r in flat] for c in columns})
        pq.write_table(table, str(path))
        return None
    if fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    elif fmt == "csv":
        buffer = io.StringIO()
        flat = [_flat(r) for r in rows]
        columns = list(flat[0]) if flat else []
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
        text = buffer.getvalue()
    else:
        text = json.dumps(feature_collection(rows), ensure_ascii=False, indent=2) + "\n"
    if path is None:
        return text
    Path(path).write_text(text, encoding="utf-8")
    return None
