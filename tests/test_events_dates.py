"""Event dates: explicit Indonesian formats and dates relative to publication."""

import datetime as dt

import pytest

from tests._events import IDN, JPN, code, find
from warta.article import parse_date
from warta.events.dates import DateReader
from warta.lang import load_pack

MONDAY = "2023-09-11"


@pytest.fixture(scope="module")
def reader():
    return DateReader.from_pack(load_pack("id"))


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("pada 13 September 2023", "2023-09-13"),
        ("Selasa (12/6/2018) lalu", "2018-06-12"),
        ("(5/9)", "2023-09-05"),
        ("pada 2011", "2011"),
        ("sejak tahun 2014", "2014"),
        ("kemarin", "2023-09-10"),
        ("besok", "2023-09-12"),
        ("pekan lalu", "2023-09-04"),
        ("bulan depan", "2023-10"),
        ("tahun lalu", "2022"),
        ("pada hari Senin", "2023-09-11"),
        ("pada Jumat malam", "2023-09-08"),
        ("13 Desember", "2022-12-13"),
    ],
)
def test_events_dates_read(reader, text, iso):
    found = reader.find(text, parse_date(MONDAY))
    assert [f.iso for f in found] == [iso]


def test_events_dates_nothing_without_a_date(reader):
    assert reader.find("Presiden bertemu menteri di istana.", dt.date(2023, 9, 11)) == []


def test_events_date_is_the_nearest_expression():
    a = code("Pada 2 Maret 2024, Jepang mengecam Indonesia.", JPN, IDN, published="2024-03-04")
    assert find(a, "ACCUSE").date == "2024-03-02"


def test_events_planned_weekday_looks_forward():
    a = code(
        "Presiden Indonesia akan mengunjungi Jepang pada Jumat.",
        "Presiden Indonesia = IDN GOV person",
        JPN,
        published=MONDAY,
    )
    assert find(a, "CONSULT").date == "2023-09-15"


def test_events_past_weekday_looks_back():
    a = code(
        "Presiden Indonesia mengunjungi Jepang pada hari Senin.",
        "Presiden Indonesia = IDN GOV person",
        JPN,
        published=MONDAY,
    )
    assert find(a, "CONSULT").date == "2023-09-11"


def test_events_never_dated_after_the_article_unless_planned():
    a = code("Jepang mengecam Indonesia pada 20 September 2023.", JPN, IDN, published=MONDAY)
    assert find(a, "ACCUSE").date is None
