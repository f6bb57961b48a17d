"""Language packs: everything Warta knows about a language, as data files.

A pack is a folder ``lang/<code>/`` of TOML files (one per concern: ``boilerplate``,
``dateline``, ``abbreviations``, ``events``, ``status``, ``quotes``, ``dates``…) and plain
word lists (``*.txt``, one entry per line, ``#`` starts a comment). A pack may name a
``base`` pack in ``pack.toml`` (Malay builds on Indonesian); a file it lacks comes from
its base, and list values in a file it has extend the base's.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from warta.errors import DataError

PACKS = ("id", "en", "ms")


class LangPack:
    def __init__(self, code: str) -> None:
        if code not in PACKS:
            raise DataError(f"no language pack for {code!r} (have: {', '.join(PACKS)})")
        self.code = code
        self._root = resources.files("warta.lang").joinpath(code)
        meta = self._load_toml("pack") or {}
        self.base: LangPack | None = load_pack(meta["base"]) if "base" in meta else None
        self._cache: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"LangPack({self.code!r})"

    def data(self, name: str) -> dict[str, Any]:
        """The TOML file ``name`` merged over the base pack's."""
        key = "toml:" + name
        if key not in self._cache:
            own = self._load_toml(name)
            base = self.base.data(name) if self.base and self.base.has(name) else None
            if own is None and base is None:
                raise DataError(f"language pack {self.code!r} has no {name}.toml")
            self._cache[key] = _merge(base or {}, own or {})
        return self._cache[key]

    def words(self, name: str) -> frozenset[str]:
        """The word list ``name.txt`` (plus the base pack's)."""
        key = "txt:" + name
        if key not in self._cache:
            path = self._root.joinpath(name + ".txt")
            own = _read_list(path.read_text("utf-8")) if path.is_file() else None
            base = self.base.words(name) if self.base and self.base.has(name) else None
            if own is None and base is None:
                raise DataError(f"language pack {self.code!r} has no {name}.txt")
            self._cache[key] = frozenset(own or ()) | (base or frozenset())
        return self._cache[key]

    def has(self, name: str) -> bool:
        for ext in (".toml", ".txt"):
            if self._root.joinpath(name + ext).is_file():
                return True
        return self.base.has(name) if self.base else False

    def _load_toml(self, name: str) -> dict[str, Any] | None:
        path = self._root.joinpath(name + ".toml")
        if not path.is_file():
            return None
        try:
            return tomllib.loads(path.read_text("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise DataError(f"lang/{self.code}/{name}.toml: {exc}") from exc


@cache
def load_pack(code: str) -> LangPack:
    return LangPack(code)


def _read_list(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def _merge(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in own.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + [v for v in value if v not in old]
        else:
            merged[key] = value
    return merged
