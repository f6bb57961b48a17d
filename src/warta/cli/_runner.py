"""``warta ingest``'s scaling options: which runner analyses (``--runner``, ``--address``)
and whether a Parquet dataset is written next to the store (``--parquet``)."""

from __future__ import annotations

import argparse
from typing import Any


def add_runner(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--runner",
        choices=("local", "ray"),
        default="local",
        help="analyse in local processes, or on a Ray cluster (warta[ray])",
    )
    parser.add_argument(
        "--address",
        help="Ray cluster to join, e.g. ray://head:10001 or auto (default: start a"
        " local Ray instance with --workers CPUs)",
    )
    parser.add_argument(
        "--parquet",
        metavar="DIR",
        help="also write new articles' records to a Parquet dataset partitioned"
        " by publication date",
    )


def run_ingest(args: argparse.Namespace, store: Any, options: Any) -> Any:
    """The local or Ray runner's report for ``args.paths`` into ``store``."""
    if args.parquet:
        from warta.store.parquet import ParquetSink

        store = ParquetSink(store, args.parquet)
    if args.runner != "ray":
        from warta.run.local import ingest

        return ingest(args.paths, store, options)
    from warta.run.ray import RayOptions, RayRunError, RayUnavailable
    from warta.run.ray import ingest as ray_ingest

    try:
        return ray_ingest(args.paths, store, options, RayOptions(address=args.address))
    except (RayUnavailable, RayRunError) as exc:
        raise SystemExit(f"warta: {exc}") from exc
