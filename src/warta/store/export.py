"""Export a store's tables as JSON Lines, CSV, Parquet, or a GDELT 2.0 event table.

The GDELT file has GDELT's 61 columns in GDELT's order, tab-separated, without a header,
one row per clustered event, so tools written for GDELT's ``*.export.CSV`` files read it.
Fields Warta does not produce (tone, ethnic and religion codes, FIPS geo codes) are empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from warta.errors import StoreError
from warta.store.base import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
_BINARY = ("minhash",)

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)


def export(store: Store, path: str | Path, *, fmt: str, table: str = "events") -> int:
    """Write ``table`` (events only for ``gdelt``) to ``path``; returns the number of rows."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (formats: {', '.join(FORMATS)})")
    if fmt == "gdelt" and table != "events":
        raise StoreError("the GDELT format holds events only")
    batches = (_drop_binary(b) for b in store.scan(table))
    if fmt == "parquet":
        return _parquet(batches, Path(path))
    with open(path, "w", encoding="utf-8", newline="") as out:
        return {"jsonl": _jsonl, "csv": _csv, "gdelt": _gdelt}[fmt](batches, out)


def _drop_binary(batch: pa.RecordBatch) -> pa.RecordBatch:
    keep = [i for i, name in enumerate(batch.schema.names) if name not in _BINARY]
    return batch.select(keep)


def _parquet(batches: Iterator[pa.RecordBatch], path: Path) -> int:
    rows, writer = 0, None
    try:
        for batch in batches:
            writer = writer or pq.ParquetWriter(path, batch.schema)
            writer.write_batch(batch)
            rows += batch.num_rows
    finally:
        if writer is not None:
            writer.close()
    if writer is None:
        raise StoreError("nothing to export: the table is empty")
    return rows


def _jsonl(batches: Iterator[pa.RecordBatch], out: TextIO) -> int:
    rows = 0
    for batch in batches:
        for row in batch.to_pylist():
            out.write(json.dumps(row, ensure_ascii=False, default=_plain) + "\n")
            rows += 1
    return rows


def _csv(batches: Iterator[pa.RecordBatch], out: TextIO) -> int:
    rows, writer = 0, None
    for batch in batches:
        if writer is None:
            writer = csv.writer(out)
            writer.writerow(batch.schema.names)
        for row in batch.to_pylist():
            writer.writerow(["" if v is None else _plain(v) for v in row.values()])
        rows += batch.num_rows
    return rows


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _gdelt(batches: Iterator[pa.RecordBatch], out: TextIO) -> int:
    writer = csv.writer(
        out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
    )
    rows = 0
    for batch in batches:
        for event in batch.to_pylist():
            record = gdelt_row(event)
            writer.writerow(["" if record[c] is None else record[c] for c in GDELT_COLUMNS])
            rows += 1
    return rows


def gdelt_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a GDELT 2.0 event record (column name -> value)."""
    day: dt.date | None = event["first_seen"]
    record: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    record.update(
        GlobalEventID=int(event["id"][:15], 16),
        IsRootEvent=1,
        EventCode=event["cameo"],
        EventBaseCode=(event["cameo"] or "")[:3] or None,
        EventRootCode=(event["cameo"] or "")[:2] or None,
        QuadClass=event["quad_class"],
        GoldsteinScale=None if event["goldstein"] is None else round(event["goldstein"], 1),
        NumMentions=event["num_mentions"],
        NumSources=event["num_sources"],
        NumArticles=event["num_articles"],
        SOURCEURL=event["source_url"],
    )
    if day is not None:
        record.update(_gdelt_dates(day, event["last_seen"] or day))
    record.update(_gdelt_actor("Actor1", event, "source"))
    record.update(_gdelt_actor("Actor2", event, "target"))
    record.update(_gdelt_place(event))
    return record


def _gdelt_dates(day: dt.date, added: dt.date) -> dict[str, Any]:
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365
    return {
        "Day": int(day.strftime("%Y%m%d")),
        "MonthYear": int(day.strftime("%Y%m")),
        "Year": day.year,
        "FractionDate": round(fraction, 4),
        "DATEADDED": int(added.strftime("%Y%m%d") + "000000"),
    }


def _gdelt_actor(prefix: str, event: dict[str, Any], side: str) -> dict[str, Any]:
    country, sector = event[f"{side}_country"], event[f"{side}_sector"]
    name = event[f"{side}_name"]
    if not (country or name):
        return {}
    return {
        f"{prefix}Code": f"{country or ''}{sector or ''}" or None,
        f"{prefix}Name": name.upper() if name else None,
        f"{prefix}CountryCode": country,
        f"{prefix}Type1Code": sector,
    }


def _gdelt_place(event: dict[str, Any]) -> dict[str, Any]:
    if not event["place_name"]:
        return {}
    has_point = event["lat"] is not None and event["lon"] is not None
    return {
        # GDELT geo types: 1 country, 4 world city; GDELT's country codes here are FIPS.
        "ActionGeo_Type": 4 if has_point else 1,
        "ActionGeo_FullName": event["place_name"],
        "ActionGeo_Lat": event["lat"],
        "ActionGeo_Long": event["lon"],
    }
