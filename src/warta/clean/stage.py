"""The clean stage: the story's body without web boilerplate, plus title, outlet,
dateline place and, when the page prints one, the publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from warta.article import Article, Removed
from warta.clean.boilerplate import (
    Rules,
    content_words,
    is_headline_like,
    is_unrelated_headline,
    match_kind,
)
from warta.clean.dateline import DatelineParser, Outlets
from warta.errors import EmptyInput
from warta.lang import PACKS
from warta.resources import Resources

# Article.meta key: the publication date to use when the input carries none.
PUBLISHED_DEFAULT = "published_default"
# Invisible characters that scrapers leave behind; they would break offsets and regexes.
# (Odd spaces, no-break and ideographic, are white space to str.split, which ``_lines``
# turns into plain ones.)
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_SENTENCE_END = frozenset('.!?…"”’')  # a line ending in one of these is a sentence
_DATE = re.compile(r"\b(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})\b")
_DATE_US = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b")


@dataclass
class _Page:
    lines: list[str]
    removed: list[Removed] = field(default_factory=list)


class CleanStage:
    name = "clean"
    requires = ("raw",)
    adds = ("text", "title", "outlet", "dateline_place", "removed", "paragraphs")

    def __init__(self, resources: Resources) -> None:
        packs = [resources.lang(code) for code in PACKS if code != "ms"]
        self.rules = Rules.from_packs(packs)
        self.datelines = DatelineParser(packs, Outlets.load())
        self.months: dict[str, int] = {}
        for pack in [*packs, resources.lang("ms")]:
            self.months.update(pack.data("dates")["months"])

    def __call__(self, article: Article) -> None:
        page = _Page(_lines(article.raw))
        if not page.lines:
            raise EmptyInput(f"{article.path or 'input'}: empty")
        self._take_title(article, page)
        body = self._drop_boilerplate(article, page)
        body = self._drop_unrelated_headlines(article, body, page)
        body = [self._strip_initials(p, page) for p in body]
        body = [p for p in body if p]
        if body:
            body[0] = self._take_dateline(article, body[0], page)
        body = [p for p in body if p]
        if not body:
            raise EmptyInput(f"{article.path or 'input'}: no article text left after cleaning")
        article.text, article.paragraphs = _join(body)
        article.removed = page.removed
        # A date the user gave for undated inputs (--date) counts only when neither the
        # source's metadata nor the page itself dates the article.
        fallback = article.meta.pop(PUBLISHED_DEFAULT, None)
        if article.published is None:
            article.published = fallback

    def _take_title(self, article: Article, page: _Page) -> None:
        first = page.lines[0]
        if article.title and first.casefold() == article.title.strip().casefold():
            page.removed.append(Removed(page.lines.pop(0), "title"))
        elif (
            article.title is None
            and len(page.lines) > 1
            and _looks_like_title(first)
            and not self.datelines.parse(first)
        ):
            article.title = first
            page.removed.append(Removed(page.lines.pop(0), "title"))

    def _drop_boilerplate(self, article: Article, page: _Page) -> list[str]:
        kept: list[str] = []
        lines = page.lines
        i = 0
        while i < len(lines):
            line = lines[i]
            if not self.rules.any.search(line):  # most lines: a story paragraph
                kept.append(line)
                i += 1
                continue
            kind = match_kind(self.rules.end, line)
            if kind:
                page.removed.extend(Removed(rest, kind) for rest in lines[i:])
                break
            kind = match_kind(self.rules.lists, line)
            if kind:
                page.removed.append(Removed(line, kind))
                i += 1
                while (
                    i < len(lines)
                    and is_headline_like(lines[i])
                    and not match_kind(self.rules.end, lines[i])
                ):
                    page.removed.append(Removed(lines[i], kind))
                    i += 1
                continue
            kind = match_kind(self.rules.line, line)
            if kind:
                page.removed.append(Removed(line, kind))
                if kind == "date" and article.published is None:
                    article.published = self._parse_date(line)
            else:
                kept.append(line)
            i += 1
        return kept

    def _drop_unrelated_headlines(
        self, article: Article, body: list[str], page: _Page
    ) -> list[str]:
        if not any(is_headline_like(line) for line in body[1:]):
            return body  # most pages: nothing looks like an inserted headline
        words = [content_words(p) for p in body]
        # How many paragraphs (and the title) use each word: a word used once is the
        # line's own, anything more is shared with the rest of the story.
        counts = Counter(w for para in words for w in para)
        counts.update(content_words(article.title or ""))
        kept = body[:1]  # the first paragraph is the story's lead
        for line, own in zip(body[1:], words[1:], strict=True):
            elsewhere = {w for w in own if counts[w] > 1}
            if is_unrelated_headline(line, own, elsewhere):
                page.removed.append(Removed(line, "headline"))
            else:
                kept.append(line)
        return kept

    def _strip_initials(self, paragraph: str, page: _Page) -> str:
        if self.rules.inline is None:
            return paragraph
        m = self.rules.inline.search(paragraph)
        if not m:
            return paragraph
        page.removed.append(Removed(m.group(0).strip(), "credit"))
        return paragraph[: m.start()].rstrip()

    def _take_dateline(self, article: Article, paragraph: str, page: _Page) -> str:
        found = self.datelines.parse(paragraph)
        if not found:
            return paragraph
        page.removed.append(Removed(found.text, "dateline"))
        article.outlet = article.outlet or found.outlet
        article.dateline_place = found.place
        return paragraph[found.end :]

    def _parse_date(self, line: str) -> str | None:
        """ "11 September 2023" (Indonesian and British order) or "Sept. 14, 2023"."""
        m = _DATE.search(line)
        if m:
            day, month_name, year = m.group(1), m.group(2), m.group(3)
        else:
            m = _DATE_US.search(line)
            if not m:
                return None
            month_name, day, year = m.group(1), m.group(2), m.group(3)
        month = self.months.get(month_name.casefold())
        if not month:
            return None
        try:
            return dt.date(int(year), month, int(day)).isoformat()
        except ValueError:
            return None


def _lines(raw: str) -> list[str]:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # Most pages hold none: six str scans take a tenth of the regex's (measured).
    if any(map(text.__contains__, _INVISIBLE_CHARS)):
        text = _INVISIBLE.sub("", text)
    return [line for line in map(_squeezed, text.split("\n")) if line]


def _squeezed(line: str) -> str:
    """``line`` with each run of white space made one space, and none at either end."""
    # Most lines are so already, which these scans tell without splitting and joining
    # (_lines 15% faster, measured): ASCII space is the only printable white space.
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())


def _looks_like_title(line: str) -> bool:
    return len(line) <= 300 and line.rstrip()[-1:] not in _SENTENCE_END


def _join(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    spans = []
    pos = 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    return "\n\n".join(paragraphs), spans
