"""``warta serve [--db warta.duckdb] [--host H] [--port P] [--allow-ingest --token T]``:
the REST API and dashboard (the ``warta[server]`` extra) over an event database."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help="serve the REST API and web dashboard over a database")
    p.add_argument(
        "--db", default="warta.duckdb", help="database path or URL (default warta.duckdb)"
    )
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--allow-ingest",
        action="store_true",
        help="let POST /api/analyze store articles (needs --token or WARTA_TOKEN)",
    )
    p.add_argument("--token", help="bearer token required to store over HTTP")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    token = args.token or os.environ.get("WARTA_TOKEN")
    if args.allow_ingest and not token:
        print("warta: --allow-ingest needs --token (or WARTA_TOKEN)", file=sys.stderr)
        return 2
    if not args.allow_ingest and "://" not in args.db and not Path(args.db).exists():
        print(f"warta: no database at {args.db} (create one with warta ingest)", file=sys.stderr)
        return 1
    try:
        import uvicorn

        from warta.api import create_app
    except ImportError as exc:
        print(
            f"warta: the server is not installed ({exc.name}): pip install 'warta[server]'",
            file=sys.stderr,
        )
        return 2
    from warta.errors import StoreError
    from warta.store import open_store

    try:
        store = open_store(args.db, read_only=not args.allow_ingest)
    except StoreError as exc:
        print(f"warta: {exc}", file=sys.stderr)
        return 1
    app = create_app(store, allow_ingest=args.allow_ingest, token=token)
    print(f"warta: serving {args.db} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    store.close()
    return 0
