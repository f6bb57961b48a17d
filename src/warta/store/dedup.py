"""Near-duplicate articles (syndicated copies, re-posts with a new headline or footer).

MinHash over word 5-shingles estimates the Jaccard similarity of two texts from 64 numbers;
locality-sensitive hashing (16 bands of 4 values) finds candidate pairs by equal band
hashes, so a new article is compared only with the few stored articles that share a band.
A pair with estimated similarity >= ``threshold`` is linked (``duplicate_of``), never dropped:
a copy in another outlet is still another report of the same events.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

_WORD = re.compile(r"\w+")
SHINGLE = 5
PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.7


def _parameters(seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


@dataclass(frozen=True)
class MinHasher:
    """Fixed hash parameters: signatures are comparable only when made with the same ones."""

    a: np.ndarray
    b: np.ndarray

    @classmethod
    def default(cls) -> MinHasher:
        return cls(*_parameters())

    def signature(self, text: str) -> np.ndarray | None:
        """64 uint32 minima, or None for texts too short to shingle."""
        shingles = _shingles(text)
        if shingles is None:
            return None
        # multiply-shift hashing: the high 32 bits of a*x+b (mod 2^64) per permutation. The
        # shift keeps the order, so shifting the 64 minima gives the minima of the shifted
        # values with 64 shifts instead of one per shingle; in place: one temporary, not two
        with np.errstate(over="ignore"):
            mixed = shingles[None, :] * self.a[:, None]
            mixed += self.b[:, None]
        return (mixed.min(axis=1) >> np.uint64(32)).astype(np.uint32)


def _shingles(text: str) -> np.ndarray | None:
    """The hash of every word 5-shingle, repeats included: a minimum does not change with
    repeats, and ``np.unique`` cost more than hashing them (measured)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return None
    crc = _word_hashes(words)
    # fromiter over map with a count: no Python frame per word, no intermediate list (20%
    # faster than np.array of a list comprehension; a generator without count is 10x slower)
    hashes = np.fromiter(map(crc.__getitem__, words), dtype=np.uint64, count=len(words))
    combined = hashes[: len(words) - SHINGLE + 1].copy()
    with np.errstate(over="ignore"):
        for k in range(1, SHINGLE):
            combined *= np.uint64(1_000_003)
            combined += hashes[k : k + len(combined)]
    return combined


# crc32 of each word seen, kept across texts: news reuse most of their words, and a lookup
# costs a fraction of encoding and hashing the word again (the signature drops by ~10%).
# Replaced by an empty one when full, so memory stays bounded whatever the corpus (replaced,
# not cleared: a thread still reading the old one keeps every word it added).
_CRC: dict[str, int] = {}
_CRC_LIMIT = 100_000


def _word_hashes(words: list[str]) -> dict[str, int]:
    """A dict holding the crc32 of each of ``words``."""
    global _CRC
    crc = _CRC
    new = set(words).difference(crc)
    if len(crc) + len(new) > _CRC_LIMIT:
        crc = _CRC = {}
        new = set(words)
    for word in new:
        crc[word] = zlib.crc32(word.encode("utf-8"))
    return crc


def bands(signature: np.ndarray) -> tuple[int, ...]:
    """One signed 64-bit hash per band (the form a BIGINT column holds)."""
    return _bands(signature.astype("<u4").tobytes())


@lru_cache(maxsize=4096)
def _bands(data: bytes) -> tuple[int, ...]:
    # cached: a writer looks up a batch's bands, then links the batch with the same ones
    step = 4 * ROWS
    return tuple(
        int.from_bytes(
            hashlib.blake2b(data[i : i + step], digest_size=8).digest(), "big", signed=True
        )
        for i in range(0, len(data), step)
    )


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def to_bytes(signature: np.ndarray) -> bytes:
    return signature.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    duplicate_of: str | None
    signature: np.ndarray


def best_match(
    signature: np.ndarray, candidates: Iterable[Candidate], threshold: float = THRESHOLD
) -> tuple[str, float] | None:
    """The original (never a copy of a copy) this signature duplicates, with its similarity.

    Ties go to the smaller id so the choice does not depend on the order candidates arrive.
    """
    pool = list(candidates)
    if not pool:
        return None
    sims = (np.stack([c.signature for c in pool]) == signature).mean(axis=1)
    best: tuple[float, str] | None = None
    for cand, sim in zip(pool, sims.tolist(), strict=True):
        if sim < threshold:
            continue
        original = cand.duplicate_of or cand.id
        if best is None or sim > best[0] or (sim == best[0] and original < best[1]):
            best = (sim, original)
    return (best[1], best[0]) if best else None


BandKey = tuple[int, int]


def band_keys(signatures: Iterable[np.ndarray | None]) -> list[BandKey]:
    """Every (band, hash) of these signatures: what to look up among stored articles."""
    return [(b, h) for s in signatures if s is not None for b, h in enumerate(bands(s))]


def link(
    article_rows: list[dict[str, Any]],
    signatures: list[np.ndarray | None],
    stored: dict[BandKey, list[Candidate]],
    threshold: float = THRESHOLD,
) -> tuple[list[dict[str, Any]], int]:
    """Set ``duplicate_of``, ``similarity`` and ``minhash`` on a batch of article rows, in
    order (an article may copy an earlier one of the same batch); returns the band rows to
    store and the number of duplicates found. Backend-neutral: ``stored`` holds the stored
    candidates sharing a band, as the backend found them."""
    batch: dict[BandKey, list[Candidate]] = {}
    band_rows, duplicates = [], 0
    for row, sig in zip(article_rows, signatures, strict=True):
        if sig is None:
            continue
        keys = list(enumerate(bands(sig)))
        pool = {c.id: c for k in keys for c in stored.get(k, []) + batch.get(k, [])}
        match = best_match(sig, pool.values(), threshold)
        if match:
            row["duplicate_of"], row["similarity"] = match
            duplicates += 1
        row["minhash"] = to_bytes(sig)
        cand = Candidate(row["id"], row.get("duplicate_of"), sig)
        for band, value in keys:
            batch.setdefault((band, value), []).append(cand)
            band_rows.append({"band": band, "hash": value, "article_id": row["id"]})
    return band_rows, duplicates
