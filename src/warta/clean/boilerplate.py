"""Which lines of a scraped page are web boilerplate rather than the story."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from warta.lang import LangPack

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# A line ending in one of these (white space aside) is a sentence. Tested with str.rstrip
# (which strips what regex "\s" matches) on the last character: ~7x a regex search.
_SENTENCE_END = frozenset('.!?…:;"”’)')


@dataclass(frozen=True, slots=True)
class Rules:
    line: dict[str, re.Pattern[str]]
    end: dict[str, re.Pattern[str]]
    lists: dict[str, re.Pattern[str]]
    inline: re.Pattern[str] | None
    # every line, end and list pattern at once: most lines match none, which one search
    # tells (instead of one per kind)
    any: re.Pattern[str]

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
        every = [p for group in (line, end, lists) for patterns in group.values() for p in patterns]
        return cls(
            line=_compile(line),
            end=_compile(end),
            lists=_compile(lists),
            inline=re.compile("|".join(f"(?:{p})" for p in inline), re.I) if inline else None,
            any=_alternation(every or ["(?!)"]),
        )


def _compile(groups: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    return {kind: _alternation(patterns) for kind, patterns in groups.items()}


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching where any of ``patterns`` does. Their groups
    do not capture: only whether and where a rule matches counts, and a capturing group
    costs the engine bookkeeping at every alternative (the rules take half the time)."""
    return re.compile("|".join(f"(?:{_non_capturing(p)})" for p in patterns), re.I)


def _non_capturing(pattern: str) -> str:
    """``pattern`` with each "(" that opens a capturing group made "(?:"; unchanged when a
    backreference ("\\1", "(?P=name)") needs its groups."""
    if re.search(r"\\[1-9]|\(\?P=", pattern):
        return pattern
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        step = 2 if c == "\\" else 1  # an escaped character is a literal
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            step = _class_opening(pattern, i)
        elif c == "(" and pattern[i + 1 : i + 2] != "?":
            out.append("(?:")
            i += 1
            continue
        out.append(pattern[i : i + step])
        i += step
    return "".join(out)


def _class_opening(pattern: str, i: int) -> int:
    """The length of the "[", "[^", "[]" or "[^]" opening a character class at ``i`` (a "]"
    right after the opening is a literal)."""
    j = i + 1
    if pattern[j : j + 1] == "^":
        j += 1
    if pattern[j : j + 1] == "]":
        j += 1
    return j - i


def match_kind(rules: dict[str, re.Pattern[str]], line: str) -> str | None:
    for kind, pattern in rules.items():
        if pattern.search(line):
            return kind
    return None


def is_headline_like(line: str, max_words: int = 20) -> bool:
    """A short line without sentence punctuation, mostly capitalised: a headline."""
    if line.rstrip()[-1:] in _SENTENCE_END:
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
