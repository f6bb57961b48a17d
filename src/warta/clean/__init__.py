"""Boilerplate removal and article metadata (title, outlet, dateline, date)."""

from warta.clean.stage import CleanStage

__all__ = ["CleanStage"]
