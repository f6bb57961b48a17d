"""A CRF sequence tagger over words: generic, configured by a model file, a word-cluster
file and a language pack's ``ner.toml`` (so an English model plugs in the same way).

A model ``ner-<code>`` is three files in the models folder: ``.crfsuite`` (the CRF),
``.clusters.tsv`` (word-cluster paths) and ``.attributes.txt`` (the features the CRF kept
after L1 pruning; only those are computed and passed at run time, since passing a
feature string to crfsuite is the tagger's main cost)."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import pycrfsuite

from warta.errors import DataError
from warta.lang import LangPack
from warta.nlp.ner import clusters
from warta.nlp.ner.corpora import spans
from warta.nlp.ner.features import FeatureConfig, Features

# Headlines written in capitals ("KIM JONG UN TIBA DI RUSIA") or in Title Case
# ("Kim Jong Un Tiba di Rusia") capitalise common words too, so casing says nothing about
# names there: such a sentence is tagged lowercased, the way the lowercased training text
# (NERP) taught the model to read words without casing.
_SHOUTED = 0.8  # share of cased words in capitals
_TITLED = 0.85  # share of cased words capitalised
_TITLED_MIN = 6  # shorter runs of capitalised words are usually just names


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
    """Write the attributes a trained CRF kept (read once, at training time: slow)."""
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    names = sorted({attr for attr, _ in crf.info().state_features})
    path.write_text("\n".join(names) + "\n", "utf-8")
    return len(names)


def load_attributes(path: Path) -> frozenset[str] | None:
    """The model's attributes, or None (compute every feature) when the file is absent."""
    if not path.is_file():
        return None
    return frozenset(path.read_text("utf-8").splitlines())


class Tagger:
    def __init__(self, model: Path, features: Features) -> None:
        if not model.is_file():
            raise DataError(f"NER model {model} is missing (train it: warta train ner)")
        self.features = features
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model))
        self.labels = tuple(self._crf.labels())

    @classmethod
    def load(cls, pack: LangPack, *, name: str | None = None, directory: Path | None = None):
        """The shipped tagger for a language pack (model ``ner-<code>``)."""
        model, cluster_file, attribute_file = model_paths(name or f"ner-{pack.code}", directory)
        config = FeatureConfig.from_data(pack.data("ner"))
        known = load_attributes(attribute_file)
        features = Features(config, clusters.load(cluster_file), known=known, encode=True)
        return cls(model, features)

    @property
    def headline_minor(self) -> frozenset[str]:
        """Words Title Case leaves lowercase (see ``headline_case``)."""
        return self.features.config.headline_minor

    def tag(self, words: Sequence[str]) -> list[str]:
        """IOB2 tags, one per word."""
        if not words:
            return []
        if headline_case(words, self.headline_minor):
            words = [w.lower() for w in words]
        tags: list[str] = self._crf.tag(self.features(words))
        return tags

    def spans(self, words: Sequence[str]) -> list[tuple[str, int, int]]:
        """(type, first word, end word) of each entity."""
        return spans(self.tag(words))


def headline_case(words: Sequence[str], minor: frozenset[str] = frozenset()) -> bool:
    """All capitals or Title Case: casing that does not mark names. ``minor`` words
    (prepositions that Title Case leaves lowercase) do not count."""
    if 2 * sum(1 for w in words if w[:1].isupper()) < len(words):
        return False  # the common case, decided cheaply: most words start lowercase
    cased = [w for w in words if w.lower() != w.upper() and w not in minor]
    if len(cased) < 3:
        return False
    upper = sum(1 for w in cased if w.isupper())
    titled = sum(1 for w in cased if w[0].isupper())
    return upper > _SHOUTED * len(cased) or (
        len(cased) >= _TITLED_MIN and titled > _TITLED * len(cased)
    )
