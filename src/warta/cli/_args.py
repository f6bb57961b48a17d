"""Argument types shared by several commands."""

from __future__ import annotations

import argparse
import datetime as dt


def iso_date(value: str) -> str:
    """An argparse type: a YYYY-MM-DD date, normalised; a clear message otherwise."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (use YYYY-MM-DD)") from None
