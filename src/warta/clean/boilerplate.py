"""Which lines of a scraped page are web boilerplate rather than the story."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from warta.lang import LangPack

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")


@dataclass(frozen=True, slots=True)
class Rules:
    line: dict[str, re.Pattern[str]]
    end: dict[str, re.Pattern[str]]
    lists: dict[str, re.Pattern[str]]
    inline: re.Pattern[str] | None

    @classmethod
    def from_packs(cls, packs: Iterable[LangPack]) -> Rules:
        """One rule set from several packs: boilerplate phrases of different languages
        do not collide, and the language is only known after cleaning."""
        line: dict[str, list[str]] = {}
        end: dict[str, list[str]] = {}
        lists: dict[str, list[str]] = {}
        inline: list[str] = []
        for pack in packs:
            data = pack.data("boilerplate")
            for target, key in ((line, "line"), (end, "end"), (lists, "list")):
                for kind, patterns in data.get(key, {}).items():
                    target.setdefault(kind, []).extend(patterns)
            inline.extend(data.get("inline", {}).values())
        return cls(
            line=_compile(line),
            end=_compile(end),
            lists=_compile(lists),
            inline=re.compile("|".join(f"(?:{p})" for p in inline), re.I) if inline else None,
        )


def _compile(groups: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    return {k: re.compile("|".join(f"(?:{p})" for p in v), re.I) for k, v in groups.items()}


def match_kind(rules: dict[str, re.Pattern[str]], line: str) -> str | None:
    for kind, pattern in rules.items():
        if pattern.search(line):
            return kind
    return None


def is_headline_like(line: str, max_words: int = 20) -> bool:
    """A short line without sentence punctuation, mostly capitalised: a headline."""
    if _SENTENCE_END.search(line):
        return False
    words = _WORD.findall(line)
    if not 2 <= len(words) <= max_words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


def content_words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text) if len(w) > 3}


def is_unrelated_headline(line: str, words: set[str], elsewhere: set[str]) -> bool:
    """A headline inserted between paragraphs that shares almost no words (``words``) with
    the rest of the story (``elsewhere``): a link to another article, as opposed to the
    story's own subheadings."""
    if not words or not is_headline_like(line):
        return False
    return len(words & elsewhere) / len(words) < 0.34
