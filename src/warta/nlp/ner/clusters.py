"""Hierarchical word clusters learned from the training corpora's own text.

No pretrained vectors can be downloaded, so the tagger learns its word classes here, in
the spirit of Brown clusters: each word gets a bit-string path in a binary tree, and
prefixes of the path are coarse-to-fine classes ("1011" = words used like "Jakarta").
The tree comes from distributional vectors (positive PMI of the words one left and one
right, reduced by SVD) split recursively by 2-means; this is quick and, unlike the
exchange algorithm, needs no pure-Python inner loop.

Learning needs numpy (the ``train`` extra); loading the shipped file does not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from warta.errors import DataError


def load(path: Path) -> dict[str, str]:
    """word -> bit-string path, from the TSV written by ``save``."""
    if not path.is_file():
        raise DataError(f"word-cluster file {path} is missing")
    paths = {}
    for line in path.read_text("utf-8").splitlines():
        bits, _, word = line.partition("\t")
        if word:
            paths[word] = bits
    return paths


def save(paths: dict[str, str], path: Path) -> None:
    lines = [f"{bits}\t{word}" for word, bits in sorted(paths.items(), key=lambda x: x[::-1])]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def learn(
    sentences: Iterable[Sequence[str]],
    *,
    min_count: int = 2,
    contexts: int = 1500,
    dim: int = 60,
    depth: int = 14,
    seed: int = 13,
) -> dict[str, str]:
    """Bit-string paths for every word seen ``min_count`` times (words as given: the
    caller decides on case folding)."""
    import numpy as np

    sents = [list(s) for s in sentences]
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, c in counts.most_common() if c >= min_count]
    vectors = _embed(sents, vocab, counts, contexts, dim)
    rng = np.random.default_rng(seed)
    bits = [""] * len(vocab)
    _split(vectors, np.arange(len(vocab)), "", depth, bits, rng)
    return dict(zip(vocab, bits, strict=True))


def _embed(
    sents: list[list[str]], vocab: list[str], counts: Counter[str], contexts: int, dim: int
) -> Any:
    import numpy as np

    index = {w: i for i, w in enumerate(vocab)}
    ctx_words = [w for w, _ in counts.most_common(contexts)]
    ctx = {w: i for i, w in enumerate(ctx_words)}
    rows: list[int] = []
    cols: list[int] = []
    for s in sents:
        padded = ["<s>", *s, "</s>"]
        for j in range(1, len(padded) - 1):
            row = index.get(padded[j])
            if row is None:
                continue
            for side, neighbour in ((0, padded[j - 1]), (1, padded[j + 1])):
                col = ctx.get(neighbour)
                if col is not None:
                    rows.append(row)
                    cols.append(side * len(ctx_words) + col)
    matrix = np.zeros((len(vocab), 2 * len(ctx_words)), dtype=np.float64)
    np.add.at(matrix, (np.array(rows), np.array(cols)), 1.0)
    ppmi = _ppmi(matrix)
    u, singular, _ = np.linalg.svd(ppmi, full_matrices=False)
    vectors = u[:, :dim] * np.sqrt(singular[:dim])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


def _ppmi(matrix: Any) -> Any:
    import numpy as np

    total = matrix.sum()
    row = matrix.sum(axis=1, keepdims=True)
    col = matrix.sum(axis=0, keepdims=True) ** 0.75  # context smoothing (Levy et al. 2015)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(matrix * col.sum() / (np.maximum(row, 1) * np.maximum(col, 1e-9)))
    pmi[~np.isfinite(pmi)] = 0.0
    del total
    return np.maximum(pmi, 0.0)


def _split(vectors: Any, members: Any, prefix: str, depth: int, bits: list[str], rng: Any) -> None:
    if len(prefix) >= depth or len(members) < 4:
        for m in members:
            bits[m] = prefix or "0"
        return
    left, right = _two_means(vectors[members], rng)
    _split(vectors, members[left], prefix + "0", depth, bits, rng)
    _split(vectors, members[right], prefix + "1", depth, bits, rng)


def _two_means(points: Any, rng: Any, iterations: int = 12) -> tuple[Any, Any]:
    import numpy as np

    centres = points[rng.choice(len(points), 2, replace=False)]
    assign = np.zeros(len(points), dtype=bool)
    for _ in range(iterations):
        assign = (points @ centres[1]) > (points @ centres[0])
        if assign.all() or not assign.any():
            half = len(points) // 2
            assign = np.zeros(len(points), dtype=bool)
            assign[half:] = True
            break
        centres = np.stack([points[~assign].mean(axis=0), points[assign].mean(axis=0)])
    return np.flatnonzero(~assign), np.flatnonzero(assign)
