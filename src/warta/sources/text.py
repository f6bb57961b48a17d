"""Plain-text files and bytes -> Article, with a clear error for each kind of bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

from warta.article import Article
from warta.errors import BinaryInput, EmptyInput, EncodingError, NotFound, TooLarge

# News articles are kilobytes; a multi-megabyte "article" is a dump, a log or a mistake.
MAX_BYTES = 5 * 1024 * 1024

# Magic numbers of common binary formats that people point text tools at by accident.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x1f\x8b": "a gzip file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
}


def read_file(path: str | Path, *, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file, or an InputError saying what is wrong with it."""
    p = Path(path)
    if not p.exists():
        raise NotFound(f"{p}: no such file")
    if p.is_dir():
        raise NotFound(f"{p}: is a directory, not a file")
    size = p.stat().st_size
    if size > max_bytes:
        raise TooLarge(
            f"{p}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB article limit"
        )
    return decode(p.read_bytes(), name=str(p), encoding=encoding)


def decode(data: bytes, *, name: str = "<input>", encoding: str | None = None) -> str:
    """Bytes to text: UTF-8 (BOM allowed) unless an encoding is given; never guesses silently."""
    if not data.strip():
        raise EmptyInput(f"{name}: empty")
    kind = _binary_kind(data)
    if kind:
        raise BinaryInput(f"{name}: binary file ({kind}), not text")
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise EncodingError(f"{name}: cannot decode as {encoding}: {exc}") from exc
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise EncodingError(
            f"{name}: not UTF-8 (byte 0x{bad:02x} at offset {exc.start}); if it is Latin-1 or"
            " Windows-1252, pass --encoding cp1252"
        ) from exc
    if not text.strip():
        raise EmptyInput(f"{name}: empty")
    return text


def to_article(text: str, *, path: str | None = None, published: str | None = None) -> Article:
    return Article(raw=text, path=path, published=published)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 text has NULs too; it is text in the wrong encoding, not binary.
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return None
        return "contains NUL bytes"
    return None


def load(path: str, *, encoding: str | None = None, published: str | None = None) -> Article:
    """An Article from a text file, or from standard input when ``path`` is ``-``;
    ``published`` dates it when the page itself carries no date."""
    if path == "-":
        import sys

        text = decode(sys.stdin.buffer.read(MAX_BYTES + 1), name="<stdin>", encoding=encoding)
        article = Article(raw=text, path="-")
    else:
        article = Article(raw=read_file(path, encoding=encoding), path=path)
    return with_default_date(article, published)


def with_default_date(article: Article, published: str | None) -> Article:
    """Date an article that turns out to carry no date of its own (see the clean stage)."""
    if published is not None and article.published is None:
        article.meta["published_default"] = published
    return article
