"""The writer's reclustering, shared by the stores: each store gives the reads."""

from __future__ import annotations

import datetime as dt

from warta.store import cluster
from warta.store.rows import Row


class StoredClusters:
    """``_recluster`` for a store that can find events by ``Reach`` and by start day and
    read the mentions of events (``cluster.STORED_COLUMNS``)."""

    window_days: int

    def _recluster(self, mentions: list[Row]) -> tuple[list[Row], list[str], list[Row]]:
        """New or changed events for the keys these mentions touch, the ids of the events
        they replace, and the stored mentions whose event id changed.

        Only events that a new mention can change are reloaded (``cluster.recluster_stored``);
        of those, the ones that come back unchanged are left alone (``cluster.recluster``).
        """
        if not mentions:
            return [], [], []
        return cluster.recluster_stored(
            mentions,
            lambda reaches: self._mentions_of(self._events_in(reaches)),
            lambda after: self._mentions_of(self._events_after(after)),
            self.window_days,
        )

    def _events_in(self, reaches: list[tuple[cluster.Key, cluster.Reach]]) -> list[str]:
        """The ids of the stored events within each key's ``Reach``."""
        raise NotImplementedError

    def _events_after(self, after: dict[cluster.Key, dt.date]) -> list[str]:
        """The ids of the events of each key that start after its day."""
        raise NotImplementedError

    def _mentions_of(self, event_ids: list[str]) -> list[Row]:
        raise NotImplementedError
