"""RSS and Atom feeds -> Articles, one per entry, from the entry's own content (the full
text when the feed carries it, else its summary). A feed is a file or a URL the user gives;
Warta does not follow entry links (no crawling)."""

from __future__ import annotations

import datetime as dt
import email.utils
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from warta.article import Article
from warta.errors import EmptyInput, InputError, MalformedInput
from warta.sources.failure import InputFailure
from warta.sources.html import fragment_text


def read_feed(location: str) -> Iterator[Article | InputFailure]:
    parsed = feedparser.parse(location)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", "unreadable")
        raise MalformedInput(f"{location}: not a readable RSS/Atom feed ({reason})")
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        source = f"{location}#{entry.get('id') or entry.get('link') or number}"
        try:
            yield from_entry(entry, outlet=outlet, source=source)
        except InputError as exc:
            yield InputFailure.of(exc, source)


def from_entry(entry: Any, *, outlet: str | None, source: str) -> Article:
    text = fragment_text(_content(entry))
    if not text.strip():
        raise EmptyInput(f"{source}: the entry has no text")
    title = entry.get("title") or None
    raw = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    return Article(
        raw=raw,
        path=source,
        url=entry.get("link") or None,
        title=title,
        outlet=outlet,
        published=_date(entry),
        meta={"format": "feed"},
    )


def _content(entry: Any) -> str:
    contents = entry.get("content") or []
    longest = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return longest if len(longest) >= len(summary) else summary


def _date(entry: Any) -> str | None:
    """The entry's date as the outlet wrote it: feedparser's parsed dates are shifted to UTC,
    which moves a story published at 06:00 in Jakarta (UTC+7) to the previous day."""
    for key in ("published", "updated"):
        local = _local_date(entry.get(key) or "")
        if local:
            return local
        value: time.struct_time | None = entry.get(f"{key}_parsed")
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    return None


def _local_date(text: str) -> str | None:
    if not text:
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()  # Atom
    except ValueError:
        return None
