from __future__ import annotations

import pytest

from warta.errors import BinaryInput, EmptyInput, EncodingError, NotFound, TooLarge
from warta.sources.text import decode, read_file


def test_sources_text_reads_utf8_with_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffPresiden Rusia tiba.".encode())
    assert read_file(path) == "Presiden Rusia tiba."


@pytest.mark.parametrize(
    ("data", "error", "phrase"),
    [
        (b"", EmptyInput, "empty"),
        (b"  \n\t ", EmptyInput, "empty"),
        (b"%PDF-1.7 ...", BinaryInput, "PDF"),
        (b"abc\x00\x01\x02", BinaryInput, "NUL"),
        (
            "Menlu Prancis mengunjungi Rusia dengan caf\u00e9".encode("latin-1"),
            EncodingError,
            "cp1252",
        ),
    ],
)
def test_sources_text_bad_bytes_give_clear_errors(data, error, phrase):
    with pytest.raises(error, match=phrase):
        decode(data, name="x.txt")


def test_sources_text_latin1_decodes_when_asked():
    assert decode("café".encode("latin-1"), encoding="cp1252") == "café"


def test_sources_text_missing_and_huge_files(tmp_path):
    with pytest.raises(NotFound, match="no such file"):
        read_file(tmp_path / "nope.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(TooLarge, match="limit"):
        read_file(big, max_bytes=1024)
