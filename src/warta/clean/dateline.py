"""Datelines ("MOSKWA, KOMPAS.com -", "Jakarta (ANTARA) -"): outlet and filing place."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from warta.lang import LangPack


@dataclass(frozen=True, slots=True)
class Dateline:
    end: int  # where the story starts in the paragraph
    outlet: str | None
    place: str | None
    text: str


class Outlets:
    def __init__(self, names: dict[str, str], words: list[str], domains: list[str]) -> None:
        self.names = names
        self.words = tuple(words)
        self.domains = tuple(domains)

    @classmethod
    def load(cls) -> Outlets:
        raw = resources.files("warta.clean").joinpath("outlets.toml").read_text("utf-8")
        data = tomllib.loads(raw)
        return cls(data["names"], data["hints"]["words"], data["hints"]["domains"])

    def is_outlet(self, part: str) -> bool:
        low = part.casefold()
        if _key(part) in self.names or any(d in low for d in self.domains):
            return True
        return any(w in low.split() for w in self.words)

    def display(self, part: str) -> str:
        known = self.names.get(_key(part))
        if known:
            return known
        if "." in part:  # a domain: "TRIBUNNEWS.COM" -> "Tribunnews.com"
            return part[:1].upper() + part[1:].lower()
        return part.title() if part.isupper() else part


def _key(part: str) -> str:
    return re.sub(r"[\s.\-]", "", part).casefold()


class DatelineParser:
    def __init__(self, packs: Iterable[LangPack], outlets: Outlets) -> None:
        self.patterns = [
            re.compile(p) for pack in packs for p in pack.data("dateline").get("patterns", [])
        ]
        self.outlets = outlets

    def parse(self, paragraph: str) -> Dateline | None:
        for pattern in self.patterns:
            m = pattern.match(paragraph)
            if m and _starts_story(paragraph, m.end()):
                found = self._read(m.groupdict())
                if found:
                    outlet, place = found
                    return Dateline(m.end(), outlet, place, m.group(0).strip())
        return None

    def _read(self, groups: dict[str, str | None]) -> tuple[str | None, str | None] | None:
        if groups.get("outlet") or groups.get("place"):
            outlet = groups.get("outlet")
            place = groups.get("place")
            return (self.outlets.display(outlet) if outlet else None, _place(place))
        a, b = groups.get("a"), groups.get("b")
        if a and b:
            if self.outlets.is_outlet(b):
                return self.outlets.display(b), _place(a)
            if self.outlets.is_outlet(a):
                return self.outlets.display(a), _place(b)
            return None
        if a:
            if self.outlets.is_outlet(a):
                return self.outlets.display(a), None
            # A lone capitalised word before the dash is a filing place ("JAKARTA -");
            # a lone mixed-case phrase is ordinary text with a dash, not a dateline.
            return (None, _place(a)) if a.isupper() else None
        return None


def _place(part: str | None) -> str | None:
    if not part:
        return None
    return part.title() if part.isupper() else part


def _starts_story(paragraph: str, at: int) -> bool:
    """The story after a dateline starts with a capital, a digit or a quote mark."""
    rest = paragraph[at:]
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'")
