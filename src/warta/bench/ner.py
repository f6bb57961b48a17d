"""Entity tagger speed: tokens per second on one core, and model load time.

Reads sentences from the annotated corpora (their test splits, as running text) and
times three things: loading the shipped model, the tagger alone (first pass, when every
word's features are computed, and warm passes), and the whole ``entities`` stage with
the knowledge base's gazetteer on articles of about 500 words.

Times are CPU seconds of this process (``time.process_time``): one process uses one
core, and on a shared machine wall time would measure the neighbours' load instead.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from warta.article import Article, Sentence, Token
from warta.nlp.ner.corpora import read_split

SPLITS = ("nergrit-test", "idner-test", "nerui-test")
ARTICLE_WORDS = 500


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum time per measure")


def run(args: argparse.Namespace) -> dict[str, Any]:
    from warta.lang import load_pack
    from warta.nlp.entities import EntityStage
    from warta.nlp.ner.tagger import Tagger
    from warta.resources import Resources

    sentences = [s.words for name in SPLITS for s in read_split(args.data, name)]
    started = time.process_time()
    tagger = Tagger.load(load_pack("id"))
    load_seconds = time.process_time() - started
    tokens = sum(len(s) for s in sentences)
    cold = _timed(lambda: tagger.tag_many(sentences))  # batched, as the stage tags
    warm = _repeat(lambda: tagger.tag_many(sentences), args.seconds)
    stage = EntityStage(Resources())
    articles = _articles(sentences)
    _each(stage, articles)  # warm, like the tagger above: builds the gazetteer and caches
    stage_time = _repeat(lambda: _each(stage, articles), args.seconds)
    return {
        "tokens": tokens,
        "model_load_s": round(load_seconds, 3),
        "tagger_tokens_per_s_first_pass": round(tokens / cold),
        "tagger_tokens_per_s": round(tokens / warm),
        "stage_tokens_per_s": round(tokens / stage_time),
        "stage_articles_per_s": round(len(articles) / stage_time, 1),
        "gazetteer_names": len(stage.gazetteer),
    }


def _each(stage: Any, articles: list[Article]) -> None:
    for article in articles:
        stage(article)


def _timed(work: Any) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def _repeat(work: Any, seconds: float) -> float:
    """Mean seconds per call of ``work`` over at least ``seconds``."""
    runs, spent = 0, 0.0
    while spent < seconds or runs < 2:
        spent += _timed(work)
        runs += 1
    return spent / runs


def _articles(sentences: list[tuple[str, ...]]) -> list[Article]:
    """Corpus sentences joined into ~500-word articles, already segmented."""
    articles: list[Article] = []
    text: list[str] = []
    sents: list[Sentence] = []
    tokens: list[Token] = []
    offset = 0
    for words in sentences:
        start = offset
        for w in words:
            tokens.append(Token(w, offset, offset + len(w)))
            text.append(w)
            offset += len(w) + 1
        sents.append(Sentence(start, offset - 1))
        if len(tokens) >= ARTICLE_WORDS:
            articles.append(_article(text, sents, tokens))
            text, sents, tokens, offset = [], [], [], 0
    if tokens:
        articles.append(_article(text, sents, tokens))
    return articles


def _article(words: list[str], sentences: list[Sentence], tokens: list[Token]) -> Article:
    body = " ".join(words)
    return Article(raw=body, text=body, language="id", sentences=sentences, tokens=tokens)


def render(report: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"model load            {report['model_load_s']:.3f} s",
            f"tagger, first pass    {report['tagger_tokens_per_s_first_pass']:>9,} tokens/s",
            f"tagger, warm          {report['tagger_tokens_per_s']:>9,} tokens/s",
            f"stage with gazetteer  {report['stage_tokens_per_s']:>9,} tokens/s"
            f"  ({report['stage_articles_per_s']} articles/s of ~{ARTICLE_WORDS} words;"
            f" {report['gazetteer_names']:,} names)",
            f"over {report['tokens']:,} tokens, one process (one core)",
        ]
    )
