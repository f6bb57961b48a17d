"""Warta's one exception tree.

    WartaError
    ├── InputError            an article cannot be read (one file, one record)
    │   ├── NotFound          the path does not exist
    │   ├── EmptyInput        nothing but whitespace
    │   ├── BinaryInput       not text (NUL bytes, magic numbers)
    │   ├── EncodingError     not UTF-8 and not decodable as a declared encoding
    │   ├── TooLarge          over the size limit
    │   ├── MalformedInput    broken structure (truncated HTML, bad WARC record, bad JSON)
    │   └── UnknownLanguage   no language pack fits the text
    ├── PipelineError         a pipeline cannot be built (missing prerequisite stage)
    ├── StageError            a stage failed on one article (carries the stage name)
    ├── DataError             a shipped data file or model is missing or malformed
    └── StoreError            the database refused an operation

The library raises; it never prints. The CLI turns an error into one line per article.
"""

from __future__ import annotations


class WartaError(Exception):
    """Base of every error Warta raises on purpose."""


class InputError(WartaError):
    stage = "read"


class NotFound(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class EncodingError(InputError):
    pass


class TooLarge(InputError):
    pass


class MalformedInput(InputError):
    pass


class UnknownLanguage(InputError):
    stage = "language"


class PipelineError(WartaError):
    pass


class StageError(WartaError):
    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message


class DataError(WartaError):
    pass


class StoreError(WartaError):
    pass
