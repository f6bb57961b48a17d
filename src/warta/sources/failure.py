"""An input that could not be read: it travels with the articles so the batch goes on and
the store records it in its ``errors`` table."""

from __future__ import annotations

from dataclasses import dataclass

from warta.errors import InputError
from warta.pipeline import Result


@dataclass(frozen=True, slots=True)
class InputFailure:
    source: str  # path, path:line, path#record or URL
    error: str
    stage: str = "read"

    @classmethod
    def of(cls, exc: InputError, source: str) -> InputFailure:
        return cls(source, str(exc), exc.stage)

    def result(self) -> Result:
        return Result(None, self.error, self.stage, self.source)
