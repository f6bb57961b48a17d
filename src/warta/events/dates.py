"""Dates in a sentence, explicit or relative to the article's publication date.

Word lists are data (``lang/<code>/dates.toml``, format in its header). The result is an
ISO string whose precision is what the text says: "2023-09-13", "2023-09" for "bulan
lalu", "2011" for "pada 2011".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from warta.lang import LangPack

_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DAY = re.compile(r"^\d{1,2}$")
_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = b"0123456789"
# Own word split: segmenters differ on "12/6/2018", which must stay one word here. Each
# match is a word with the white space before it: every other character starts a word, so
# the matches tile the text and the words' offsets follow from their lengths, without a
# second search for them (as in nlp.segment; measured: find on a sentence read word by
# word 248k -> 184k machine instructions). str.lstrip strips exactly what "\s" matches.
_WORDS = re.compile(r"\s*+(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\w+(?:['-]\w+)*|[^\w\s])")


@dataclass(frozen=True, slots=True)
class Found:
    index: int  # character offset (in the searched text) where the expression starts
    iso: str
    weekday_only: bool = False  # a bare weekday: its direction depends on the status
    end: int = 0  # character offset where the expression ends (set by DateReader.find)


class DateReader:
    def __init__(self, data: dict[str, Any]) -> None:
        self.months: dict[str, int] = data.get("months", {})
        self.weekdays: dict[str, int] = data.get("weekdays", {})
        self.relative: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
        for phrase, (amount, unit) in data.get("relative", {}).items():
            tokens = tuple(phrase.split())
            self.relative.setdefault(tokens[0], []).append((tokens, int(amount), str(unit)))
        for entries in self.relative.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.year_markers = frozenset(data.get("markers", {}).get("year", ()))
        self._cues = (
            frozenset(self.relative)
            | frozenset(self.weekdays)
            | self.year_markers
            | frozenset(self.months)
        )
        self._first_words = frozenset(self.relative) | frozenset(self.weekdays)
        names = _date_names(
            [*self.months, *self.weekdays, *(" ".join(e[0]) for e in self._all_relative())]
        )
        # A date name or year stands after a character that is no letter, or first. The
        # search consumes that character: a character class the regex engine skips to
        # quickly, where a look-behind is tried at every position (measured, with the
        # grouping in _date_names: 62k -> 28k machine instructions per sentence tested).
        self._after_break = re.compile(rf"[\W\d]{names}")
        self._at_start = re.compile(names)

    def _all_relative(self) -> list[tuple[tuple[str, ...], int, str]]:
        return [entry for entries in self.relative.values() for entry in entries]

    @classmethod
    def from_pack(cls, pack: LangPack) -> DateReader:
        return cls(pack.data("dates"))

    def find(
        self, text: str, published: dt.date | None, words: list[str] | None = None
    ) -> list[Found]:
        """Date expressions in ``text``, with their character offsets. ``words`` (the text's
        lower-cased tokens, when the caller has them) lets most sentences out early: without
        a digit, a weekday or a relative word there is no date."""
        if words is not None and self._first_words.isdisjoint(words) and not _has_digit(text):
            return []
        if not self._may_hold_date(text.lower()):
            return []  # a count ("59 menit", "tiga hari"): three in four reads end here
        # Only a digit or a date word can start a date: read the words at those places
        # only, and find the words' offsets only when a date was found (three in four
        # sentences read here have none). Measured: 29 -> 21 us per sentence read.
        chunks = _WORDS.findall(text)  # each word with the white space before it
        words = list(map(str.lstrip, chunks))
        low = [w.lower() for w in words]
        cues = self._cues
        begins = [k for k, w in enumerate(low) if w in cues or w[:1].isdigit()]
        out: list[Found] = []
        ends: list[int] | None = None  # each word's end offset
        k = 0
        for b in begins:
            if b < k:
                continue  # inside the date found before
            found, used = self._at(words, low, b, published)
            if found is not None:
                ends = ends or list(accumulate(map(len, chunks)))
                start = ends[found.index] - len(words[found.index])
                end = ends[found.index + max(used, 1) - 1]
                out.append(Found(start, found.iso, found.weekday_only, end))
            k = b + max(used, 1)
        return _drop_named_weekdays(out)

    def _may_hold_date(self, lowered: str) -> bool:
        """A test that every sentence with a date passes, run on the lower-cased sentence:
        a "d/m" date needs a slash, a day a month name, "pada 2011" a year, a relative date
        its phrase ("bulan lalu", not "bulan"), a weekday its name. One in four sentences
        has a digit or a relative date's first word, one in sixteen a date: the test (3 us)
        spares the others the word-by-word read (20 us). Lower-casing never makes a letter
        of a non-letter (checked over all of Unicode), so the loose word edges (a digit may
        stand before a name, as in "12/6/2018"; "-" after one) only let through more
        sentences."""
        return (
            "/" in lowered
            or self._after_break.search(lowered) is not None
            or self._at_start.match(lowered) is not None
        )

    def _at(
        self, words: list[str], low: list[str], k: int, published: dt.date | None
    ) -> tuple[Found | None, int]:
        word = low[k]
        digit = word[:1].isdigit()
        if not digit and word not in self._cues:
            return None, 1
        # Both patterns need a digit first: most words read here are "pada", "tahun" or
        # "hari", which then skip two regex calls (measured: 184k -> 177k machine
        # instructions per sentence read word by word).
        if digit:
            numeric = _NUMERIC.match(word)
            if numeric:
                return _numeric(k, numeric, published), 1
            if _DAY.match(word) and k + 1 < len(low) and low[k + 1] in self.months:
                return self._day_month(low, k, published)
        if word in self.months and words[k][:1].isupper() and _DAY.match(_after_dot(low, k)):
            return self._month_day(low, k, published)
        if word in self.year_markers and k + 1 < len(low) and _YEAR.match(low[k + 1]):
            return Found(k, low[k + 1]), 2
        if published is not None:
            for phrase, amount, unit in self.relative.get(word, ()):
                if tuple(low[k : k + len(phrase)]) == phrase:
                    return Found(k, _shift(published, amount, unit)), len(phrase)
            if word in self.weekdays and words[k][:1].isupper():
                return Found(k, _last_weekday(published, self.weekdays[word]), True), 1
        return None, 1

    def _day_month(
        self, low: list[str], k: int, published: dt.date | None
    ) -> tuple[Found | None, int]:
        day, month = int(low[k]), self.months[low[k + 1]]
        if k + 2 < len(low) and _YEAR.match(low[k + 2]):
            return _safe(k, int(low[k + 2]), month, day), 3
        return _this_year(k, month, day, published), 2

    def _month_day(
        self, low: list[str], k: int, published: dt.date | None
    ) -> tuple[Found | None, int]:
        """ "September 12", "Sept. 12, 2023": the month-first order of American English."""
        d = k + 2 if low[k + 1] == "." else k + 1  # "Sept. 12"
        day, month = int(low[d]), self.months[low[k]]
        year_at = d + 2 if d + 2 < len(low) and low[d + 1] == "," else d + 1
        if year_at < len(low) and _YEAR.match(low[year_at]):
            return _safe(k, int(low[year_at]), month, day), year_at - k + 1
        return _this_year(k, month, day, published), d - k + 1


def _date_names(names: list[str]) -> str:
    """A regex for any of ``names`` (words apart by any white space) or a year 18xx-20xx,
    not followed by a letter or digit. The alternatives are grouped by first character:
    the engine then tests one group's first character, not every alternative's."""
    rests: dict[str, list[str]] = {"1": [r"[89]\d\d"], "2": [r"0\d\d"]}
    for name in sorted(names, key=lambda w: (-len(w), w)):
        first, *more = name.split()
        rest = re.escape(first[1:]) + "".join(r"\s+" + re.escape(w) for w in more)
        rests.setdefault(first[0], []).append(rest)
    groups = (f"{re.escape(c)}(?:{'|'.join(r)})" for c, r in rests.items())
    return "(?:" + "|".join(groups) + r")(?!\w)"


def _has_digit(text: str) -> bool:
    """``_DIGIT.search(text)``, faster on the usual (ASCII) sentence: deleting the digits
    from its bytes is one pass in C, where the regex tests each character in turn
    (measured: 6k -> 1.5k machine instructions per sentence)."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_DIGITS)) != len(text)
    return _DIGIT.search(text) is not None


def _after_dot(low: list[str], k: int) -> str:
    """The word after ``k``, or after the abbreviation dot that follows it."""
    d = k + 2 if k + 2 < len(low) and low[k + 1] == "." else k + 1
    return low[d] if d < len(low) else ""


def _this_year(k: int, month: int, day: int, published: dt.date | None) -> Found | None:
    """A day and month without a year: the latest such date on or before publication."""
    if published is None:
        return None
    year = published.year
    if (month, day) > (published.month, published.day):
        year -= 1  # "13 Desember" in a January article is last December's
    return _safe(k, year, month, day)


def _drop_named_weekdays(found: list[Found]) -> list[Found]:
    """ "Selasa (12/6/2018)": the weekday only names the explicit date after it."""
    out = []
    for k, item in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        if item.weekday_only and nxt and not nxt.weekday_only and nxt.index - item.index < 14:
            continue
        out.append(item)
    return out


def forward(found: Found, published: dt.date) -> str:
    """A bare weekday of a planned event: the next such day after publication."""
    day = dt.date.fromisoformat(found.iso)
    while day <= published:
        day += dt.timedelta(days=7)
    return day.isoformat()


def _numeric(k: int, match: re.Match[str], published: dt.date | None) -> Found | None:
    day, month = int(match.group(1)), int(match.group(2))
    if match.group(3):
        year = int(match.group(3))
        year += 2000 if year < 100 else 0
    elif published is not None:
        year = published.year
    else:
        return None
    return _safe(k, year, month, day)


def _safe(k: int, year: int, month: int, day: int) -> Found | None:
    try:
        return Found(k, dt.date(year, month, day).isoformat())
    except ValueError:
        return None


def _shift(published: dt.date, amount: int, unit: str) -> str:
    if unit == "day":
        return (published + dt.timedelta(days=amount)).isoformat()
    if unit == "week":
        return (published + dt.timedelta(weeks=amount)).isoformat()
    if unit == "month":
        month = published.month - 1 + amount
        return f"{published.year + month // 12:04d}-{month % 12 + 1:02d}"
    return f"{published.year + amount:04d}"


def _last_weekday(published: dt.date, weekday: int) -> str:
    back = (published.isoweekday() - weekday) % 7
    return (published - dt.timedelta(days=back)).isoformat()
