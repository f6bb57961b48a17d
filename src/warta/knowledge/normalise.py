"""One normal form for every alias and every phrase looked up, so that "A.S.", "AS",
"Kim Jong-un" and "Kim  Jong Un" meet in the same index key.

Most phrases are plain words and spaces; they take the fast path (case-fold and collapse
spaces, all in C). Lookups must stay in the microseconds: this runs on every one.
"""

from __future__ import annotations

import re

# Dots inside abbreviations (A.S., U.S.A.) and hyphens inside romanised Korean and
# Chinese given names (Jong-un) are spelling variants, not separate words.
_DOTS = re.compile(r"(?<=\w)\.(?=\w|$)|(?<=\b\w)\.")
_JOINERS = re.compile(r"(?<=\w)[-‐‑–](?=\w)")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": "", "”": "", '"': ""})
_NOISE = re.compile(r"[^\w' ]+")
# The English genitive is not part of a name: "Russia's foreign minister".
_GENITIVE = re.compile(r"'s\b")


def norm(text: str) -> str:
    text = text.casefold()
    if not text.replace(" ", "").replace("'", "").isalnum():
        text = _slow(text)
    if "'s" in text:
        text = _GENITIVE.sub("", text)
    return " ".join(text.split())


def _slow(text: str) -> str:
    text = text.translate(_QUOTES)
    text = _DOTS.sub("", text)
    text = _JOINERS.sub(" ", text)
    return _NOISE.sub(" ", text)


def slug(name: str) -> str:
    return norm(name).replace("'", "").replace(" ", "-")


def pad_start(date: str) -> str:
    """ "2018" and "2018-05" mean the start of that year or month."""
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


def pad_end(date: str) -> str:
    """An end given to the year or month lasts to its last day (31 sorts late enough)."""
    return (date + "-12-31")[:10] if len(date) == 4 else (date + "-31")[:10]


def as_date(date: str | None) -> str | None:
    """An article date (ISO, maybe with a time) reduced to YYYY-MM-DD."""
    if not date or not date[:4].isdigit():
        return None  # not a date: resolve as of today rather than at a nonsense time
    return pad_start(date[:10]) if len(date) < 10 else date[:10]
