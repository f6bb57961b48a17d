"""The FastAPI app: the public JSON API under ``/api`` and the dashboard that reads it.

``create_app(store)`` is all a caller needs; ``warta serve`` is a few lines around it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from warta import __version__
from warta.api import analyze, routes
from warta.api.backend import Backend
from warta.errors import DataError
from warta.pipeline import Pipeline
from warta.store.base import Store

DASHBOARD = Path(__file__).with_name("dashboard")


def create_app(
    store: Store,
    *,
    allow_ingest: bool = False,
    token: str | None = None,
    pipeline: Pipeline | Callable[[], Pipeline] | None = None,
) -> FastAPI:
    """The API and dashboard over ``store``. Read-only unless ``allow_ingest`` (which needs
    a ``token``); ``pipeline`` (or a function building it) defaults to ``Pipeline.default()``,
    built on the first analysis."""
    app = FastAPI(
        title="Warta",
        version=__version__,
        description="Events, actors and quotes read from news, each with its evidence.",
        # FastAPI's /docs and /redoc pages load their scripts from a CDN; the dashboard's
        # own API page (#/api) reads /openapi.json instead, so everything works offline.
        docs_url=None,
        redoc_url=None,
    )
    app.state.backend = Backend(store, allow_ingest=allow_ingest, token=token, pipeline=pipeline)
    app.state.vocabulary = _vocabulary()
    app.state.event_types = [t["type"] for t in app.state.vocabulary]
    app.include_router(routes.router)
    app.include_router(analyze.router)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.mount("/static", StaticFiles(directory=DASHBOARD), name="static")
    app.add_api_route("/", _index, include_in_schema=False)
    return app


def _vocabulary() -> list[dict[str, Any]]:
    from warta.knowledge.ontology import Ontology

    try:
        ontology = Ontology.load()
    except DataError:  # the filters then accept any type
        return []
    return [
        {"type": t, "quad_class": ontology.code(t).quad_class, "modes": list(ontology.modes(t))}
        for t in ontology.types
    ]


def _index() -> FileResponse:
    return FileResponse(DASHBOARD / "index.html")


async def _invalid(request: Request, exc: Exception) -> JSONResponse:
    """422 with FastAPI's error list plus one readable line naming each bad parameter."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    message = "; ".join(f"{_where(e.get('loc', ()))}: {e.get('msg', '')}" for e in errors)
    detail = [{k: e[k] for k in ("loc", "msg", "type", "input") if k in e} for e in errors]
    body = {"detail": jsonable_encoder(detail), "message": message}
    return JSONResponse(status_code=422, content=body)


def _where(loc: Any) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body", "header")]
    return ".".join(parts) or "request"
