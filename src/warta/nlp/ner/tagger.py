"""A CRF sequence tagger over words: generic, configured by a model file, a word-cluster
file and a language pack's ``ner.toml`` (so an English model plugs in the same way).

A model ``ner-<code>`` is three files in the models folder: ``.crfsuite`` (the CRF),
``.clusters.tsv`` (word-cluster paths) and ``.attributes.txt`` (the features the CRF kept
after L1 pruning, a listing written at training time; the tagger takes them from the
model itself). The tagger reads the CRF's weights from the model file and decodes
itself (``warta.nlp.ner.crf``, ``warta.nlp.ner.emissions``), with crfsuite's results but
not its cost per feature string. It tags many sentences at once (``tag_many``,
``spans_many``): the numpy work of a batch costs about as much as that of its longest
sentence."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from warta.errors import DataError
from warta.lang import LangPack
from warta.nlp.ner import clusters
from warta.nlp.ner.corpora import spans
from warta.nlp.ner.crf import CrfModel, read_model, viterbi
from warta.nlp.ner.emissions import Emissions
from warta.nlp.ner.features import FeatureConfig, Features

# Headlines written in capitals ("KIM JONG UN TIBA DI RUSIA") or in Title Case
# ("Kim Jong Un Tiba di Rusia") capitalise common words too, so casing says nothing about
# names there: such a sentence is tagged lowercased, the way the lowercased training text
# (NERP) taught the model to read words without casing.
_SHOUTED = 0.8  # share of cased words in capitals
_TITLED = 0.85  # share of cased words capitalised
_TITLED_MIN = 6  # shorter runs of capitalised words are usually just names
_BLOCK = 64  # sentences decoded together (an article has about 30)


def models_dir() -> Path:
    return Path(str(resources.files("warta.models")))


def model_paths(name: str, directory: Path | None = None) -> tuple[Path, Path, Path]:
    """The CRF, cluster and attribute files of model ``name`` (e.g. "ner-id")."""
    stem = (directory or models_dir()) / name
    return (
        stem.with_suffix(".crfsuite"),
        stem.with_suffix(".clusters.tsv"),
        stem.with_suffix(".attributes.txt"),
    )


def save_attributes(model: Path, path: Path) -> int:
    """Write the attributes a trained CRF kept (those with a weight), for reading."""
    names = sorted(read_model(model).attributes)
    path.write_text("\n".join(names) + "\n", "utf-8")
    return len(names)


class Tagger:
    def __init__(self, model: CrfModel, features: Features) -> None:
        self.model = model
        self.features = features
        self.labels = model.labels
        self._emissions = Emissions(model, features)
        self._outside = model.labels.index("O")
        self._kinds = [label[2:] for label in model.labels]  # "B-PER" -> "PER"
        self._continues = [label.startswith("I-") for label in model.labels]

    @classmethod
    def load(cls, pack: LangPack, *, name: str | None = None, directory: Path | None = None):
        """The shipped tagger for a language pack (model ``ner-<code>``)."""
        model_file, cluster_file, _ = model_paths(name or f"ner-{pack.code}", directory)
        if not model_file.is_file():
            raise DataError(f"NER model {model_file} is missing (train it: warta train ner)")
        model = read_model(model_file)
        config = FeatureConfig.from_data(pack.data("ner"))
        # every feature is computed: the decoder drops those the model lacks (in one
        # look-up per name, which it needs anyway: ``Emissions._resolve``)
        return cls(model, Features(config, clusters.load(cluster_file)))

    @property
    def headline_minor(self) -> frozenset[str]:
        """Words Title Case leaves lowercase (see ``headline_case``)."""
        return self.features.config.headline_minor

    def tag(self, words: Sequence[str]) -> list[str]:
        """IOB2 tags, one per word."""
        return self.tag_many([words])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags of each sentence, decoded together."""
        best, _, rows = self._decode(sentences)
        labels = self.labels
        return [
            [] if r is None else [labels[i] for i in best[r, : len(words)].tolist()]
            for words, r in zip(sentences, rows, strict=True)
        ]

    def spans(self, words: Sequence[str]) -> list[tuple[str, int, int]]:
        """(type, first word, end word) of each entity."""
        return spans(self.tag(words))

    def spans_many(
        self,
        sentences: Sequence[Sequence[str]],
        *,
        headlines: Sequence[bool] | None = None,
        lowercase: Sequence[bool] | None = None,
    ) -> list[list[tuple[str, int, int]]]:
        """``spans`` of each sentence. For a caller that knows already: ``headlines``,
        whether each sentence is in ``headline_case``; ``lowercase``, whether all its
        words are."""
        best, lengths, rows = self._decode(sentences, headlines, lowercase)
        # Most words are outside any name: find the others with numpy, and read spans
        # from them alone rather than from every word's tag.
        inside = np.arange(best.shape[1]) < np.array(lengths)[:, None]
        row, column = np.nonzero((best != self._outside) & inside)
        named: dict[int, list[tuple[int, int]]] = {}
        labels = best[row, column].tolist()
        for r, i, label in zip(row.tolist(), column.tolist(), labels, strict=True):
            named.setdefault(r, []).append((i, label))
        return [
            self._spans(named[r]) if r in named else []
            for r in rows  # (None for an empty sentence: never named)
        ]

    def _spans(self, tagged: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
        """``corpora.spans`` over the (position, label id) of a sentence's words that
        are not "O", in order (a gap is an "O")."""
        kinds, continues = self._kinds, self._continues
        found: list[tuple[str, int, int]] = []
        kind: str | None = None
        start = previous = 0
        for i, label in tagged:
            inside = continues[label] and kinds[label] == kind and previous == i - 1
            if kind is not None and not inside:
                found.append((kind, start, previous + 1))
            if not inside:
                kind, start = kinds[label], i
            previous = i
        if kind is not None:
            found.append((kind, start, previous + 1))
        return found

    def _decode(
        self,
        sentences: Sequence[Sequence[str]],
        headlines: Sequence[bool] | None = None,
        lowercase: Sequence[bool] | None = None,
    ) -> tuple[np.ndarray, list[int], list[int | None]]:
        """Label ids, one row per non-empty sentence, longest first; the lengths of
        those rows' sentences; and each sentence's row (None for an empty sentence)."""
        if headlines is None:
            minor = self.headline_minor
            headlines = [headline_case(words, minor) for words in sentences]
        kept = [i for i, words in enumerate(sentences) if words]
        batch = [[w.lower() for w in sentences[i]] if headlines[i] else sentences[i] for i in kept]
        lowered = None if lowercase is None else _lowered(batch, kept, headlines, lowercase)
        rows: list[int | None] = [None] * len(sentences)
        if not batch:
            return np.zeros((0, 0), dtype=np.intp), [], rows
        # Longest first, decoded in blocks of similar lengths: a block costs about as
        # much as its longest sentence, so a large batch (a corpus) wastes little.
        order = sorted(range(len(batch)), key=lambda k: -len(batch[k]))
        lengths = [len(batch[k]) for k in order]
        blocks = []
        for first in range(0, len(order), _BLOCK):
            block = order[first : first + _BLOCK]
            flags = None if lowered is None else [lowered[k] for k in block]
            scores, _ = self._emissions([batch[k] for k in block], flags)  # (in order)
            blocks.append(viterbi(scores, lengths[first : first + _BLOCK], self.model.transitions))
        if len(blocks) == 1:  # (an article: one block, no copy)
            best = blocks[0]
        else:
            best = np.zeros((len(batch), lengths[0]), dtype=np.intp)
            for first, found in zip(range(0, len(order), _BLOCK), blocks, strict=True):
                best[first : first + len(found), : found.shape[1]] = found
        for rank, k in enumerate(order):
            rows[kept[k]] = rank
        return best, lengths, rows


def headline_case(
    words: Sequence[str], minor: frozenset[str] = frozenset(), *, joined: str | None = None
) -> bool:
    """All capitals or Title Case: casing that does not mark names. ``minor`` words
    (prepositions that Title Case leaves lowercase) do not count. ``joined``: the words
    joined, for a caller that has them."""
    if _mostly_lowercase(words, "".join(words) if joined is None else joined):
        return False  # the common case, decided cheaply
    cased = [w for w in words if w.lower() != w.upper() and w not in minor]
    if len(cased) < 3:
        return False
    upper = sum(1 for w in cased if w.isupper())
    titled = sum(1 for w in cased if w[0].isupper())
    return upper > _SHOUTED * len(cased) or (
        len(cased) >= _TITLED_MIN and titled > _TITLED * len(cased)
    )


_ASCII_CAPITALS = bytes(range(ord("A"), ord("Z") + 1))


def _mostly_lowercase(words: Sequence[str], joined: str) -> bool:
    """Fewer than half the words start with a capital. In ASCII text, counting all the
    capitals (in C) settles most sentences at a third of the cost of a word-by-word
    count: capitals are few, and initial capitals fewer still."""
    if joined.isascii():
        capitals = len(joined) - len(joined.encode().translate(None, _ASCII_CAPITALS))
        if 2 * capitals < len(words):
            return True
    return 2 * sum([w[:1].isupper() for w in words]) < len(words)


def _lowered(
    batch: list[Sequence[str]],
    kept: list[int],
    headlines: Sequence[bool],
    lowercase: Sequence[bool],
) -> list[bool]:
    """Whether each sentence of the batch is all lowercase: as the caller said, but
    asked again of a headline (lowercased in the batch)."""
    return [
        "".join(batch[k]) == "".join(batch[k]).lower() if headlines[i] else lowercase[i]
        for k, i in enumerate(kept)
    ]
