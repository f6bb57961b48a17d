"""Inputs -> Articles: files, folders, globs and feed URLs, each read by the reader for its
format (text, HTML, RSS/Atom, WARC/WET, JSON Lines).

``iter_inputs(paths)`` yields an Article per story, or an ``InputFailure`` for anything that
cannot be read (a missing file, a truncated page, a bad line), so a batch never stops.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from warta.article import Article
from warta.errors import InputError
from warta.sources.failure import InputFailure

__all__ = ["InputFailure", "Item", "discover", "format_of", "iter_inputs", "read_path"]

Item = Article | InputFailure

# Longest suffix first: ".warc.gz" before ".gz".
SUFFIXES = {
    ".warc.gz": "warc",
    ".wet.gz": "warc",
    ".warc": "warc",
    ".wet": "warc",
    ".arc.gz": "warc",
    ".jsonl.gz": "jsonl",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".txt": "text",
    ".text": "text",
}


def iter_inputs(
    paths: Iterable[str | Path], *, encoding: str | None = None, published: str | None = None
) -> Iterator[Item]:
    """Every article in these paths, folders, globs or feed URLs, in a stable order;
    ``published`` dates the articles that carry no date of their own."""
    from warta.sources.text import with_default_date

    for location in discover(paths):
        for item in read_path(location, encoding=encoding):
            yield with_default_date(item, published) if isinstance(item, Article) else item


def discover(paths: Iterable[str | Path]) -> Iterator[str]:
    """Expand folders (recursively, files of known formats) and globs; keep URLs; sort."""
    for item in paths:
        text = str(item)
        if "://" in text:
            yield text
        elif Path(text).is_dir():
            found = (p for p in Path(text).rglob("*") if p.is_file() and format_of(str(p)))
            yield from sorted(str(p) for p in found)
        elif glob.has_magic(text):
            yield from sorted(p for p in glob.glob(text, recursive=True) if Path(p).is_file())
        else:
            yield text


def format_of(location: str) -> str | None:
    """The reader for a location by its suffix; URLs are feeds; None when unknown."""
    if location.startswith(("http://", "https://")):
        return "feed"
    lower = location.lower()
    for suffix, kind in SUFFIXES.items():
        if lower.endswith(suffix):
            return kind
    return None


def read_path(location: str, *, encoding: str | None = None) -> Iterator[Item]:
    """The articles in one file or feed URL; a file that cannot be read is one failure."""
    kind = format_of(location) or _sniff(location)
    try:
        yield from _readers(encoding)[kind](location)
    except InputError as exc:
        yield InputFailure.of(exc, location)


def _readers(encoding: str | None) -> dict[str, Callable[[str], Iterable[Item]]]:
    """Each format's reader, imported when first called: the HTML, feed and WARC readers
    load lxml, trafilatura and feedparser, ~1.5 s of CPU that a run over text files (or any
    other single format) would spend for nothing."""

    def text(p: str) -> Iterable[Item]:
        from warta.sources.text import read_file

        return [Article(raw=read_file(p, encoding=encoding), path=p)]

    def html(p: str) -> Iterable[Item]:
        from warta.sources.html import read_html_file

        return [read_html_file(p)]

    def feed(p: str) -> Iterable[Item]:
        from warta.sources.feeds import read_feed

        return read_feed(p)

    def warc(p: str) -> Iterable[Item]:
        from warta.sources.warc import read_warc

        return read_warc(p)

    def jsonl(p: str) -> Iterable[Item]:
        from warta.sources.jsonl import read_jsonl

        return read_jsonl(p)

    return {"text": text, "html": html, "feed": feed, "warc": warc, "jsonl": jsonl}


def _sniff(location: str) -> str:
    """Files without a known suffix: look at the first bytes."""
    try:
        with open(location, "rb") as handle:
            head = handle.read(512).lstrip().lower()
    except OSError:
        return "text"  # the text reader reports the missing or unreadable file
    if head.startswith(b"warc/") or head.startswith(b"\x1f\x8b"):
        return "warc"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "jsonl" if head.startswith(b"{") else "text"
