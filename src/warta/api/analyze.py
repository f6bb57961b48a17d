"""``POST /api/analyze``: text in, analysis out; stored only when asked, allowed and authorised."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException

from warta.api import models
from warta.api.routes import Db
from warta.article import Article
from warta.errors import InputError, PipelineError, StageError
from warta.pipeline import Result
from warta.report import to_json

router = APIRouter(prefix="/api")


@router.post(
    "/analyze",
    response_model=models.Analysis,
    responses={
        401: {"description": "storing needs the server's token"},
        403: {"description": "the server is read-only"},
        422: {"description": "the text cannot be analysed (empty, binary, unknown language)"},
        503: {"description": "the analysis pipeline is not installed"},
    },
    tags=["analysis"],
)
def analyze(
    db: Db,
    body: models.AnalyzeRequest,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN, to store")] = None,
) -> dict[str, Any]:
    """Analyse one article with the full pipeline and return it in `warta read --json`
    shape. With `store: true` (server started with `--allow-ingest`, request carrying
    `Authorization: Bearer TOKEN`) it is also written to the database."""
    if body.store:
        _check_ingest(db, authorization)
    article = _analyse(db, body)
    stored = False
    if body.store:
        stats = db.read(db.store.write, [Result(article, source=body.url)])
        stored = stats.articles > 0 or stats.skipped > 0
    return {**to_json(article), "stored": stored}


def _check_ingest(db: Db, authorization: str | None) -> None:
    if not db.allow_ingest:
        raise HTTPException(403, "this server is read-only (start it with --allow-ingest --token)")
    if not db.may_ingest(authorization):
        raise HTTPException(
            401, "storing needs 'Authorization: Bearer TOKEN' with the server's token"
        )


def _article(body: models.AnalyzeRequest) -> Article:
    published = body.published.isoformat() if body.published else None
    if body.text.lstrip().startswith("<"):
        from warta.sources.html import from_html

        article = from_html(body.text, url=body.url)
        article.published = article.published or published
        return article
    return Article(raw=body.text, published=published, url=body.url)


def _analyse(db: Db, body: models.AnalyzeRequest) -> Article:
    try:
        return db.analyse(_article(body))
    except InputError as exc:
        raise HTTPException(422, f"{exc.stage}: {exc}") from exc
    except (PipelineError, ImportError) as exc:
        raise HTTPException(503, f"analysis is unavailable: {exc}") from exc
    except StageError as exc:
        raise HTTPException(
            500, f"analysis failed in the {exc.stage} stage: {exc.message}"
        ) from exc
