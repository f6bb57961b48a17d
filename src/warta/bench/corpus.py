"""A generated corpus of news-style Indonesian articles for ``warta bench``.

Articles are assembled from the team's own passages and templates (``corpus.toml``): a
headline, a date line, a dateline with an outlet, a lead sentence coding an event between
two countries, background, reactions, quotes from (fictional) analysts, and the web
boilerplate real pages carry (``Baca Juga`` promos, editor initials, comment headers).
Random choices come from a seeded generator, so a corpus is the same on every run.
"""

from __future__ import annotations

import datetime as dt
import random
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Passages:
    """The template data: countries, people, event sentences, paragraphs, boilerplate."""

    data: dict[str, Any]

    @classmethod
    def load(cls) -> Passages:
        text = resources.files("warta.bench").joinpath("corpus.toml").read_text("utf-8")
        return cls(tomllib.loads(text))

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def generate(n: int, *, seed: int = 1, words: int = 500) -> Iterator[str]:
    """``n`` articles of about ``words`` words each."""
    passages = Passages.load()
    rng = random.Random(seed)
    for _ in range(n):
        yield _article(passages, rng, words)


def _article(p: Passages, rng: random.Random, words: int) -> str:
    a, b = rng.sample(p["countries"], 2)
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(730))
    slots = _slots(p, rng, a, b)
    event = rng.choice(p["events"])
    lines = [
        _fill(rng.choice(p["titles"]), slots)
        if rng.random() < 0.5
        else _fill(event["title"], slots),
        f"{_DAYS[day.weekday()]}, {day.day} {_MONTHS[day.month - 1]} {day.year} |"
        f" {rng.randrange(6, 23):02d}:{rng.randrange(60):02d} WIB",
        f"{slots['a_capital']} ({rng.choice(p['outlets'])}) – " + _fill(event["lead"], slots),
    ]
    body = _body(p, rng, slots, words - 25 - _count(lines))  # the last paragraph overshoots
    lines += body
    if rng.random() < 0.7:
        lines.append(
            f"({rng.choice('abcdefghijklmnopqrstuvwxyz')}{rng.choice('aeiou')}"
            f"{rng.choice('kmnrst')}/{rng.choice('abdfgh')}{rng.choice('aeiou')}"
            f"{rng.choice('klmnrst')})"
        )
    lines.append(rng.choice(p["endings"]))
    return "\n\n".join(lines) + "\n"


def _body(p: Passages, rng: random.Random, slots: dict[str, str], budget: int) -> list[str]:
    pools = [("background", 3), ("reactions", 2), ("quotes", 2), ("details", 3)]
    paragraphs: list[str] = []
    while budget > 0:
        pool, _ = rng.choices(pools, weights=[w for _, w in pools])[0]
        paragraph = _fill(rng.choice(p[pool]), slots)
        paragraphs.append(paragraph)
        budget -= _count([paragraph])
        if rng.random() < 0.12:
            paragraphs.append("Baca Juga: " + rng.choice(p["promos"]))
    return paragraphs


def _slots(p: Passages, rng: random.Random, a: dict[str, str], b: dict[str, str]) -> dict[str, str]:
    analyst = rng.choice(p["analysts"])
    official = rng.choice(p["officials"])
    return {
        "a": a["name"],
        "b": b["name"],
        "a_capital": a["capital"],
        "b_capital": b["capital"],
        "a_leader": a["leader"],
        "b_leader": b["leader"],
        "a_adj": a["name"],
        "b_adj": b["name"],
        "analyst": analyst["name"],
        "analyst_role": analyst["role"],
        "official": official["name"],
        "official_role": _fill(official["role"], {"a": a["name"]}),
        "number": str(rng.randrange(2, 90)),
        "sector": rng.choice(p["sectors"]),
    }


def _fill(template: str, slots: dict[str, str]) -> str:
    return template.format(**slots)


def _count(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)
