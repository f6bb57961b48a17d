"""Train the Indonesian entity tagger (``warta train ner --data ../shared/data``).

Reads the permissively licensed training splits (NERGrit and NERP from IndoNLU,
idner-news-2k), learns word clusters from their text, trains a CRF with L-BFGS and
writes ``ner-id.crfsuite``, ``ner-id.clusters.tsv`` and ``ner-id.attributes.txt`` into
the models folder.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pycrfsuite

from warta.lang import load_pack
from warta.nlp.ner import clusters
from warta.nlp.ner.corpora import Tagged, read_split
from warta.nlp.ner.features import FeatureConfig, Features, word_key
from warta.nlp.ner.tagger import model_paths, models_dir, save_attributes

# The shipped configuration (see models/ner-id.md for the variants measured). A split
# named twice is read twice (oversampling); clusters read each split's text once.
TRAIN_SPLITS = ("nergrit-train", "idner-train", "nerp-train")
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=None, help="models folder (default: shipped)")
    parser.add_argument("--lang", default="id", help="language pack whose ner.toml to use")
    parser.add_argument("--splits", nargs="+", default=list(TRAIN_SPLITS), help="corpus splits")
    parser.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    parser.add_argument("--c1", type=float, default=PARAMS["c1"])
    parser.add_argument("--c2", type=float, default=PARAMS["c2"])


def run(args: argparse.Namespace) -> dict[str, Any]:
    params = {**PARAMS, "max_iterations": args.iterations, "c1": args.c1, "c2": args.c2}
    return train(
        args.data, out=args.out or models_dir(), lang=args.lang, splits=args.splits, params=params
    )


def train(
    data: Path,
    *,
    out: Path,
    lang: str = "id",
    splits: list[str] | tuple[str, ...] = TRAIN_SPLITS,
    params: dict[str, Any] | None = None,
) -> dict[str, Any]:
    started = time.perf_counter()
    sentences = [s for name in splits for s in read_split(data, name)]
    text = [s for name in dict.fromkeys(splits) for s in read_split(data, name)]
    paths = clusters.learn([word_key(w) for w in s.words] for s in text)
    clustered = time.perf_counter()
    features = Features(FeatureConfig.from_data(load_pack(lang).data("ner")), paths)
    model_file, cluster_file, attribute_file = model_paths(f"ner-{lang}", out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        _fit(sentences, features, params or PARAMS, Path(tmp) / model_file.name)
        shutil.move(str(Path(tmp) / model_file.name), model_file)
    clusters.save(paths, cluster_file)
    attributes = save_attributes(model_file, attribute_file)
    done = time.perf_counter()
    return {
        "model": str(model_file),
        "splits": list(splits),
        "sentences": len(sentences),
        "tokens": sum(len(s.words) for s in sentences),
        "clustered_words": len(paths),
        "attributes": attributes,
        "params": params or PARAMS,
        "seconds": {"clusters": round(clustered - started, 1), "total": round(done - started, 1)},
        "model_bytes": sum(f.stat().st_size for f in (model_file, cluster_file, attribute_file)),
    }


def _fit(sentences: list[Tagged], features: Features, params: dict[str, Any], path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sentences:
        trainer.append(features(s.words), list(s.tags))
    trainer.set_params(params)
    trainer.train(str(path))


def render(report: dict[str, Any]) -> str:
    secs = report["seconds"]
    return (
        f"trained {report['model']} on {report['sentences']:,} sentences"
        f" / {report['tokens']:,} tokens ({', '.join(report['splits'])})\n"
        f"clusters: {report['clustered_words']:,} words; time {secs['total']} s"
        f" (clusters {secs['clusters']} s); size {report['model_bytes'] / 1e6:.1f} MB"
    )
