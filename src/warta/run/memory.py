"""Resident memory of this process and its workers (Linux /proc; getrusage elsewhere)."""

from __future__ import annotations

import os
import resource
from collections.abc import Iterable

_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20 if hasattr(os, "sysconf") else 0.0


def rss_mb(pid: int | str = "self") -> float:
    try:  # statm's second field is VmRSS in pages: one short line, not all of status
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * _PAGE_MB
    except (OSError, IndexError, ValueError):
        pass
    if pid == "self" or pid == os.getpid():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return 0.0


def total_rss_mb(pids: Iterable[int]) -> float:
    """This process plus the given workers, now."""
    return rss_mb() + sum(rss_mb(pid) for pid in pids)


def descendants(pid: int) -> list[int]:
    """Child processes of ``pid``, recursively (workers and their helpers)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit():
            parent = _parent(entry)
            if parent is not None:
                children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _parent(pid: str) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            # the command name (field 2) may contain spaces; the fields after ")" do not
            return int(handle.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None
