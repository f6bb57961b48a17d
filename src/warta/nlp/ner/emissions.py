"""Per-word label scores of a batch of sentences, summed from the CRF's weights.

A token's score for a label is the sum of the weights of its features (crfsuite's state
score). Its features come from ``Features``: those of its own word type, those lent by
the word types at each context offset, one bigram and the sentence marks. So each word
type is scored once and kept: the sum of its own features' weights (a vector over the
labels) and, per context offset, the weight rows of the features it lends. A batch is
then a few numpy gathers and additions, whatever its number of words.

Sums are added in crfsuite's order (own features, then each offset's in turn, bigram,
BOS, EOS, lc), and a missing feature adds a row of zeros, which changes no sum; so the
scores are crfsuite's to the last bit and ties break the same way. That is why the lent
features stay separate rows instead of one pre-summed vector per offset: a different
order of additions could flip a near-tie (measured cost: about 0.1 ms per article).
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from itertools import chain, repeat

import numpy as np

from warta.nlp.ner.crf import CrfModel
from warta.nlp.ner.features import Feature, Features

_CACHE_LIMIT = 300_000  # word types kept before the cache is reset (long batch runs)
_PAD = 0  # the type id of "no word" (beyond a sentence's ends): no features


class Emissions:
    def __init__(self, model: CrfModel, features: Features) -> None:
        self.model = model
        self.features = features
        self._offsets = features.offsets
        # pads around each sentence: the widest context offset, and at least one for the
        # bigram's previous word
        self._window = max((abs(k) for k in self._offsets), default=1)
        self._bigrams = Bigrams(model.attributes, model.zero)
        marks = [model.attributes.get(m, model.zero) for m in features.marks]
        self._bos, self._eos, self._lc = marks
        self._reset()

    def _reset(self) -> None:
        n_labels = len(self.model.labels)
        self._types: dict[str, int] = {}  # word -> type id; type 0 is the pad
        self._own = np.zeros((1024, n_labels))
        self._left = np.full(1024, -1)  # type -> its key's index as a bigram's first word
        self._right = np.full(1024, -1)  # ... and as its second word
        self._lent = np.full((len(self._offsets), 1, 1024), self.model.zero, dtype=np.intp)
        self._lent_values: np.ndarray | None = None  # only once a feature has a value

    def __call__(
        self, sentences: Sequence[Sequence[str]], lowercase: Sequence[bool] | None = None
    ) -> tuple[np.ndarray, list[int]]:
        """(position, label, sentence) scores of the sentences, ordered longest first,
        and that order (indexes into ``sentences``). Sentences must not be empty.
        Positions past a sentence's end score 0. ``lowercase``: whether all the words
        of each sentence are (for a caller that knows already)."""
        if len(self._types) > _CACHE_LIMIT:
            self._reset()
        sizes = [len(words) for words in sentences]
        if all(map(operator.ge, sizes, sizes[1:])):  # (the tagger's batches: in order)
            order, batch = list(range(len(sentences))), list(sentences)
        else:
            order = sorted(range(len(sentences)), key=lambda k: -sizes[k])
            batch = [sentences[k] for k in order]
        lengths = np.array([sizes[k] for k in order])
        ids, at = self._ids(batch, lengths)
        # Scored word by word, without the padding of a (sentence, position) grid
        # (45 % of a generated bench article's grid).
        scores = self._scores(ids, at)  # (word, label)
        ends = np.cumsum(lengths)
        starts = ends - lengths
        state = self.model.state
        scores[starts] += state[self._bos]
        scores[ends - 1] += state[self._eos]
        if lowercase is None:
            lowercased = [joined == joined.lower() for joined in map("".join, batch)]
        else:
            lowercased = [lowercase[k] for k in order]
        if any(lowercased):
            scores[np.repeat(lowercased, lengths)] += state[self._lc]
        # into the (position, label, sentence) grid that decoding steps through
        grid = np.zeros((lengths[0], scores.shape[1], len(batch)))
        row = np.repeat(np.arange(len(batch)), lengths)
        column = np.arange(len(scores)) - np.repeat(starts, lengths)
        grid[column, :, row] = scores
        return grid, order

    def _ids(
        self, sentences: list[Sequence[str]], lengths: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Type ids of the sentences' words one after the other, with ``window`` pads
        before each sentence and after the last (so that a context offset is a shifted
        index, and never crosses into another sentence), and where each word is."""
        types = self._types
        words = list(chain.from_iterable(sentences))
        flat = list(map(types.get, words))  # (None: a new word type)
        if None in flat:
            unknown = (w for w, i in zip(words, flat, strict=True) if i is None)
            self._add_types(list(dict.fromkeys(unknown)))
            flat = list(map(types.__getitem__, words))
        w = self._window
        at = np.arange(len(words)) + w * np.repeat(np.arange(1, len(sentences) + 1), lengths)
        ids = np.full(len(words) + w * (len(sentences) + 1), _PAD)
        ids[at] = flat
        return ids, at

    def _scores(self, ids: np.ndarray, at: np.ndarray) -> np.ndarray:
        """(word, label) sums of the words' feature weights. (``np.take`` rather than
        fancy indexing: 3 to 5 times faster on these row gathers.)"""
        state = self.model.state
        current = ids.take(at)
        scores = self._own.take(current, axis=0)
        for slot, k in enumerate(self._offsets):
            neighbours = ids.take(at + k)
            lent = self._lent[slot].take(neighbours, axis=1)  # (feature, word)
            rows = state.take(lent, axis=0)
            if self._lent_values is not None:
                rows *= self._lent_values[slot].take(neighbours, axis=1)[..., None]
            for row in rows:  # one by one: crfsuite's order
                scores += row
        # (a sentence's first word follows a pad: no bigram)
        previous = ids.take(at - 1)
        bigrams = self._bigrams.lookup(self._left.take(previous), self._right.take(current))
        scores += state.take(bigrams, axis=0)
        return scores

    def _add_types(self, words: list[str]) -> None:
        """Score new word types, all at once (a few array operations for the batch)."""
        entries = [self.features.compute(w) for w in words]
        first = len(self._types) + 1
        while first + len(words) > len(self._own):
            self._grow()
        self._types.update(zip(words, range(first, first + len(words)), strict=True))
        new = slice(first, first + len(words))
        self._left[new] = [self._bigrams.left.get(e.key, -1) for e in entries]
        self._right[new] = [self._bigrams.right.get(e.key, -1) for e in entries]
        attrs, values = self._padded([e.own for e in entries])
        rows = self.model.state.take(attrs, axis=0)  # (word, feature, label)
        if values is not None:
            rows *= values[..., None]
        # cumsum adds strictly left to right (crfsuite's order); padding adds zeros
        self._own[new] = np.cumsum(rows, axis=1)[:, -1] if attrs.shape[1] else 0.0
        # every offset's lent features in one padded array (an article brings a few new
        # words: numpy calls, not arithmetic, are the cost; with ``_padded``, a fifth faster)
        slots = len(self._offsets)
        attrs, values = self._padded([feats for e in entries for feats in e.context])
        width = attrs.shape[1]
        if width > self._lent.shape[1]:
            self._widen(width)
        # (word * slot, feature) -> (slot, feature, word)
        self._lent[:, :width, new] = attrs.reshape(len(words), slots, width).transpose(1, 2, 0)
        if values is not None and self._lent_values is None:
            self._lent_values = np.ones(self._lent.shape)
        if self._lent_values is not None:
            self._lent_values[:, :width, new] = (
                1.0
                if values is None
                else values.reshape(len(words), slots, width).transpose(1, 2, 0)
            )

    def _padded(self, features: list[list[Feature]]) -> tuple[np.ndarray, np.ndarray | None]:
        """(word, feature) attribute ids, padded with the zero row, and their values
        (None when all are 1). (Padded as lists and made an array in one call: the new
        words of an article are few, and a numpy scatter cost several calls for them.)"""
        resolved = [self._resolve(feats) for feats in features]
        width = max((len(ids) for ids, _ in resolved), default=0)
        zero = self.model.zero
        attrs = np.array(
            [ids + [zero] * (width - len(ids)) for ids, _ in resolved], dtype=np.intp
        ).reshape(len(features), width)
        if all(vs is None for _, vs in resolved):
            return attrs, None
        values = np.array(
            [(vs or [1.0] * len(ids)) + [1.0] * (width - len(ids)) for ids, vs in resolved]
        ).reshape(len(features), width)
        return attrs, values

    def _resolve(self, feats: list[Feature]) -> tuple[list[int], list[float] | None]:
        """Attribute ids and values (None: all 1). A feature is a name (value 1) or a
        (name, value) pair; a name the model lacks is dropped, as crfsuite drops it.
        (``Features`` gives the tagger every name: looking each up here once is cheaper
        than filtering them against the model's names there, then looking them up.)"""
        get = self.model.attributes.get
        attrs = [get(f, -1) for f in feats]
        if -1 not in attrs:
            return attrs, None
        # the usual case: names only (map, not a generator: 1.3 µs instead of 2.1 for 24)
        if all(map(isinstance, feats, repeat(str))):
            return [a for a in attrs if a >= 0], None
        pairs = [(f, 1.0) if isinstance(f, str) else f for f in feats]
        known = [(get(name, -1), float(v)) for name, v in pairs]
        return [a for a, _ in known if a >= 0], [v for a, v in known if a >= 0]

    def _grow(self) -> None:
        size = 2 * len(self._own)
        self._own = _extend(self._own, 0, size, 0.0)
        self._left = _extend(self._left, 0, size, -1)
        self._right = _extend(self._right, 0, size, -1)
        self._lent = _extend(self._lent, 2, size, self.model.zero)
        if self._lent_values is not None:
            self._lent_values = _extend(self._lent_values, 2, size, 1.0)

    def _widen(self, width: int) -> None:
        self._lent = _extend(self._lent, 1, width, self.model.zero)
        if self._lent_values is not None:
            self._lent_values = _extend(self._lent_values, 1, width, 1.0)


def _extend(array: np.ndarray, axis: int, size: int, fill: float) -> np.ndarray:
    shape = list(array.shape)
    shape[axis] = size
    out = np.full(shape, fill, dtype=array.dtype)
    out[tuple(slice(0, n) for n in array.shape)] = array
    return out


class Bigrams:
    """The model's bigram attributes ("b=<key>|<key>", see ``Features``) as a sorted array
    of key-pair codes, so that a batch's bigrams are found with one numpy search instead
    of building and looking up a string per word. A key may contain "|", so every split
    of an attribute is registered: a pair is found exactly when its string is one."""

    def __init__(self, attributes: dict[str, int], zero: int) -> None:
        self.left: dict[str, int] = {}
        self.right: dict[str, int] = {}
        self._zero = zero
        pairs = []
        for name, attr in attributes.items():
            if not name.startswith("b="):
                continue
            at = name.find("|", 2)
            while at >= 0:
                first = self.left.setdefault(name[2:at], len(self.left))
                second = self.right.setdefault(name[at + 1 :], len(self.right))
                pairs.append((first, second, attr))
                at = name.find("|", at + 1)
        table = np.array(pairs, dtype=np.int64).reshape(-1, 3)
        # A pair's code is first * (R + 1) + second, R being the number of second keys:
        # a missing key (-1) then makes a code no pair has (negative, or with a second
        # key R), so a match needs no test of the keys themselves (4 numpy calls fewer).
        self._stride = len(self.right) + 1
        codes = table[:, 0] * self._stride + table[:, 1]
        order = np.argsort(codes)
        self._codes, self._attrs = codes[order], table[order, 2]

    def lookup(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Attribute ids (the zero row if none) of the pairs of key indexes (-1: a key
        that is never a bigram's first, or second, word)."""
        if not len(self._codes):
            return np.full(left.shape, self._zero)
        codes = left * self._stride + right
        at = np.searchsorted(self._codes, codes)
        np.minimum(at, len(self._codes) - 1, out=at)  # (not ``clip``: 3 times slower)
        return np.where(self._codes.take(at) == codes, self._attrs.take(at), self._zero)
