"""JSON Lines records -> Article: one object per line with ``text`` and optionally ``url``,
``title``, ``published``, ``outlet``, ``language``. A bad line becomes a failure naming the
file and line number; the other lines are still read."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from warta.article import Article
from warta.errors import EmptyInput, InputError, MalformedInput, NotFound
from warta.sources.failure import InputFailure
from warta.sources.text import decode


def read_jsonl(path: str | Path) -> Iterator[Article | InputFailure]:
    p = Path(path)
    if not p.is_file():
        raise NotFound(f"{p}: no such file")
    with _open(p) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            source = f"{p}:{number}"
            try:
                yield from_record(_parse(line, source), source=source)
            except InputError as exc:
                yield InputFailure.of(exc, source)


def _open(path: Path) -> IO[bytes]:
    if path.name.endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _parse(line: bytes, source: str) -> dict[str, Any]:
    text = decode(line, name=source)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"{source}: not JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise MalformedInput(f"{source}: a JSON object is expected, not {type(record).__name__}")
    return record


def from_record(record: dict[str, Any], *, source: str) -> Article:
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedInput(f"{source}: the record has no 'text' string")
    if not text.strip():
        raise EmptyInput(f"{source}: empty 'text'")
    return Article(
        raw=text,
        path=source,
        url=_optional(record, "url"),
        title=_optional(record, "title"),
        published=_optional(record, "published"),
        outlet=_optional(record, "outlet"),
        language=_optional(record, "language"),
        meta={"format": "jsonl"},
    )


def _optional(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return None if value in (None, "") else str(value)
