"""WARC and WET files (web crawls) -> Articles: HTML responses go through the HTML reader,
WET text conversions and plain-text resources are read as text. Requests, metadata and
responses other than 2xx (redirects, error pages) are crawl bookkeeping and are skipped.

A malformed record becomes one failure naming the file and the record's offset; reading
resumes at the next record boundary (the next ``WARC/1.`` header line, or the next gzip
member in a per-record-compressed file), so one bad record never loses the rest of a crawl.
"""

from __future__ import annotations

import zlib
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warta.article import Article
from warta.errors import InputError, NotFound, TooLarge
from warta.sources.failure import InputFailure
from warta.sources.html import decode_html, from_html
from warta.sources.text import MAX_BYTES, decode

_GZIP = b"\x1f\x8b\x08"
_WARC = b"WARC/1."
_STREAM_ERRORS = (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError)
Item = Article | InputFailure


def read_warc(path: str | Path) -> Iterator[Item]:
    p = Path(path)
    if not p.is_file():
        raise NotFound(f"{p}: no such file")
    with p.open("rb") as handle:
        compressed = handle.read(3) == _GZIP
        start: int | None = 0
        while start is not None:
            start = yield from _read_from(handle, start, compressed, str(p))


def _read_from(
    handle: IO[bytes], start: int, compressed: bool, name: str
) -> Generator[Item, None, int | None]:
    """Records from ``start`` to the end; on a broken record, its failure and the offset of
    the next record boundary to resume from (None at the end of the file)."""
    handle.seek(start)
    records = ArchiveIterator(handle)
    try:
        for record in records:
            yield from _items(record, f"{name}@{start + records.offset}")
        return None
    except _STREAM_ERRORS as exc:
        bad = start + records.offset
        yield InputFailure(f"{name}@{bad}", f"{name}@{bad}: malformed WARC record ({exc})")
        return _next_boundary(handle, bad + 1, _GZIP if compressed else b"\n" + _WARC)


def _next_boundary(handle: IO[bytes], offset: int, marker: bytes) -> int | None:
    handle.seek(offset)
    chunk_size, carry = 1 << 20, b""
    position = offset
    while chunk := handle.read(chunk_size):
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            at = position - len(carry) + found
            return at + 1 if marker.startswith(b"\n") else at
        carry = data[-len(marker) :]
        position += len(chunk)
    return None


def _items(record: Any, source: str) -> Iterator[Item]:
    kind = _kind(record)
    if kind is None:
        return
    uri = record.rec_headers.get_header("WARC-Target-URI")
    try:
        yield _article(record, kind, source, uri)
    except InputError as exc:
        yield InputFailure.of(exc, f"{source} {uri or ''}".strip())


def _kind(record: Any) -> str | None:
    """'html' or 'text' for records that hold a page; None for requests, metadata, errors."""
    if record.rec_type == "response":
        if not record.http_headers or not record.http_headers.get_statuscode().startswith("2"):
            return None
        mime = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type in ("resource", "conversion"):
        mime = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if "html" in mime:
        return "html"
    return "text" if mime.startswith("text/plain") else None


def _article(record: Any, kind: str, source: str, uri: str | None) -> Article:
    data = record.content_stream().read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise TooLarge(f"{source}: record over the {MAX_BYTES / 1e6:.0f} MB page limit")
    crawled = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    if kind == "html":
        charset = _charset(record)
        article = from_html(decode_html(data, name=source, charset=charset), path=source, url=uri)
    else:
        article = Article(raw=decode(data, name=source), path=source, url=uri)
    article.meta.update({"format": "warc", "crawled": crawled})
    return article


def _charset(record: Any) -> str | None:
    mime = record.http_headers.get_header("Content-Type") if record.http_headers else None
    if mime and "charset=" in mime:
        return str(mime.split("charset=")[-1].strip(" \"';"))
    return None
