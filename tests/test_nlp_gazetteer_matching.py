"""The gazetteer: whole-word, case-folded, leftmost-longest matching of hand-made names."""

from __future__ import annotations

from warta.nlp.gazetteer import Gazetteer, fold

NAMES = [
    ("Korea Utara", "LOC"),
    ("Korea", "LOC"),
    ("Korut", "LOC"),
    ("Rusia", "LOC"),
    ("Kremlin", "ORG"),
    ("Sugiono", "PER"),
    ("AS", "LOC"),
    ("WHO", "ORG"),
]


def found(text: str, names=NAMES) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.type) for m in Gazetteer(names).find(text)]


def test_gazetteer_prefers_the_longest_name_at_a_position():
    assert found("Delegasi Korea Utara tiba.") == [("Korea Utara", "LOC")]


def test_gazetteer_matches_whole_words_only():
    # "Rusian" and "Korutnya"-like glued forms are not the names
    assert found("Rusiana dan Korutan bertemu") == []


def test_gazetteer_ignores_case_for_ordinary_names():
    assert found("KREMLIN membantah; kremlin diam.") == [("KREMLIN", "ORG"), ("kremlin", "ORG")]


def test_gazetteer_matches_short_acronyms_only_as_written():
    # "as" and "who" are ordinary words once case is folded
    text = "Pejabat AS dan WHO, as well as who"
    assert found(text) == [("AS", "LOC"), ("WHO", "ORG")]


def test_gazetteer_finds_the_parts_of_a_hyphenated_compound():
    assert found("hubungan Rusia-Korut menghangat") == [("Rusia", "LOC"), ("Korut", "LOC")]


def test_gazetteer_offsets_point_into_the_original_text():
    text = "Menlu Sugiono bertemu pejabat Kremlin."
    hits = Gazetteer(NAMES).find(text)
    assert [text[h.start : h.end] for h in hits] == ["Sugiono", "Kremlin"]


def test_gazetteer_without_entries_finds_nothing():
    assert Gazetteer([]).find("Rusia") == []
    assert len(Gazetteer([])) == 0


def test_gazetteer_keeps_the_first_type_given_for_an_alias():
    assert Gazetteer([("Georgia", "LOC"), ("georgia", "PER")]).type_of("GEORGIA") == "LOC"


def test_gazetteer_fold_keeps_offsets_when_lowercasing_changes_length():
    text = "İstanbul"  # "İ".lower() is two characters
    assert len(fold(text)) == len(text)
