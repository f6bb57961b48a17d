"""Token features for the CRF tagger, cached per word type.

Feature extraction is the tagger's cost, so everything that depends on one word only is
computed once per distinct word and kept: the word's own feature list and the shorter
lists it contributes to its neighbours (prefixed with their offset). A sentence's
features are then list concatenations plus one bigram string per token.

Lexical features use the lowercased word with outer punctuation stripped, so that
"(Jokowi)" and "jokowi" share evidence and lowercased text (NERP, chat-like news) can
reuse what cased text taught; the shape features carry the casing. The word as written
is a feature too: the corpora disagree on lowercased forms (NERP leaves "kpk" and "dpr"
unmarked, cased news marks "KPK" and "DPR" as ORG), and the written form keeps the
cased evidence apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

_PUNCT = "\"'“”‘’()[]{}<>.,;:!?«»"
_CACHE_LIMIT = 300_000  # distinct words kept before the cache is reset (long batch runs)


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    min_stem: int
    particles: frozenset[str]
    cluster_prefixes: tuple[int, ...]
    window: int
    headline_minor: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> FeatureConfig:
        """From a language pack's ``ner.toml``."""
        affixes = data.get("affixes", {})
        return cls(
            prefixes=tuple(sorted(affixes.get("prefixes", ()), key=len, reverse=True)),
            suffixes=tuple(sorted(affixes.get("suffixes", ()), key=len, reverse=True)),
            min_stem=int(affixes.get("min_stem", 3)),
            particles=frozenset(data.get("names", {}).get("particles", ())),
            cluster_prefixes=tuple(data.get("clusters", {}).get("prefixes", (4, 8, 12))),
            window=int(data.get("window", {}).get("size", 2)),
            headline_minor=frozenset(data.get("headline", {}).get("minor", ())),
        )


# A feature is a str, or its UTF-8 bytes when tagging: crfsuite takes bytes without
# encoding them, which makes passing features about a third cheaper.
Feature = Any


@dataclass(frozen=True, slots=True)
class _Entry:
    """What one word type contributes: its key, its own features, and the features it
    lends to the token at each context offset."""

    key: str
    own: list[Feature]
    context: list[list[Feature]]


class Features:
    """``features(words)`` -> one list of feature strings per word."""

    def __init__(
        self,
        config: FeatureConfig,
        clusters: dict[str, str],
        *,
        known: frozenset[str] | None = None,
        encode: bool = False,
    ) -> None:
        """``known``: the attributes a trained model uses; others are not emitted.
        ``encode``: emit UTF-8 bytes rather than str (for the tagger)."""
        self.config = config
        self.clusters = clusters
        self.known = known
        self.encode = encode
        marks = ("BOS", "EOS", "lc")
        self._marks = tuple(m.encode() for m in marks) if encode else marks
        self._cache: dict[str, _Entry] = {}
        self._offsets = [k for k in range(-config.window, config.window + 1) if k]
        self._shifts = [(slot, config.window + k) for slot, k in enumerate(self._offsets)]
        self._pad = [_Entry("", [], [[] for _ in self._offsets])] * config.window

    def __call__(self, words: Sequence[str]) -> list[list[Feature]]:
        if not words:
            return []
        cache = self._cache
        entries = [cache.get(w) or self._entry(w) for w in words]
        keys = [e.key for e in entries]
        known = self.known
        # padded with feature-less entries so that every offset exists
        padded = self._pad + entries + self._pad
        shifts = self._shifts
        encode = self.encode
        out: list[list[Feature]] = []
        for i, entry in enumerate(entries):
            feats = entry.own.copy()
            for slot, shift in shifts:
                feats += padded[i + shift].context[slot]
            if i:
                bigram = "b=" + keys[i - 1] + "|" + keys[i]
                if known is None or bigram in known:
                    feats.append(bigram.encode() if encode else bigram)
            out.append(feats)
        bos, eos, lc = self._marks
        out[0].append(bos)
        out[-1].append(eos)
        if all(w == w.lower() for w in words):
            for feats in out:
                feats.append(lc)
        return out

    @property
    def offsets(self) -> list[int]:
        """The context offsets, in the order their features are added to a token."""
        return self._offsets

    @property
    def marks(self) -> tuple[Feature, ...]:
        """The sentence marks (first word, last word, all lowercase)."""
        return self._marks

    def compute(self, word: str) -> _Entry:
        """What one word type contributes, not cached (for a caller with its own cache)."""
        return self._compute(word)

    def _entry(self, word: str) -> _Entry:
        entry = self._cache.get(word)
        if entry is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            entry = self._cache[word] = self._compute(word)
        return entry

    def _compute(self, word: str) -> _Entry:
        key = word_key(word)
        shape = _shape(word)
        cluster = self.clusters.get(key)
        own = ["w=" + key, "W=" + (word.strip(_PUNCT) or word), "sh=" + shape]
        own += ["p3=" + key[:3], "s3=" + key[-3:], "s2=" + key[-2:]]
        own += self._affixes(key)
        own += self._flags(word, key)
        ctx = ["w=" + key, "sh=" + shape]
        if cluster is not None:
            paths = [cluster[:p] for p in self.config.cluster_prefixes]
            own += [f"c{p}={c}" for p, c in zip(self.config.cluster_prefixes, paths, strict=True)]
            ctx.append("c=" + paths[1 if len(paths) > 1 else 0])
        else:
            own.append("c=none")
        if key in self.config.particles:
            ctx.append("prt")
        context = [[f"{k}{f}" for f in ctx] for k in self._offsets]
        if self.known is not None:
            own = [f for f in own if f in self.known]
            context = [[f for f in fs if f in self.known] for fs in context]
        if self.encode:
            return _Entry(
                key, [f.encode() for f in own], [[f.encode() for f in fs] for fs in context]
            )
        return _Entry(key, own, context)

    def _affixes(self, key: str) -> list[str]:
        feats = []
        room = len(key) - self.config.min_stem
        for p in self.config.prefixes:
            if len(p) <= room and key.startswith(p):
                feats.append("pre=" + p)
                break
        for s in self.config.suffixes:
            if len(s) <= room and key.endswith(s):
                feats.append("suf=" + s)
                break
        return feats

    def _flags(self, word: str, key: str) -> list[str]:
        flags = []
        if key in self.config.particles:
            flags.append("prt")
        head, dash, _ = key.partition("-")
        if dash and head in self.config.particles:
            flags.append("prt-")  # al-Assad, el-Sisi, bin-...
        if "-" in word.strip("-"):
            flags.append("hy")
        if word[:1] in _PUNCT or word[-1:] in _PUNCT:
            flags.append("punct-attached" if key != word.lower() else "punct")
        if len(key) == 1:
            flags.append("len1")
        return flags


def word_key(word: str) -> str:
    """The lexical identity of a word: lowercased, outer punctuation stripped."""
    return word.strip(_PUNCT).lower() or word


def _shape(word: str) -> str:
    """Compressed character classes: "Kim" -> "Xx", "KCNA" -> "X", "G20" -> "Xd"."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]
