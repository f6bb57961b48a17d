"""Reading the annotated corpora into one tag scheme, and seqeval-style spans."""

from __future__ import annotations

from warta.nlp.ner.corpora import read_file, spans


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_corpora_map_nerp_tags_and_drop_food(tmp_path):
    text = "menlu\tO\nretno\tB-PPL\nmarsudi\tI-PPL\nke\tO\ntokyo\tB-PLC\nmakan\tO\nsate\tB-FNB\n"
    (sentence,) = read_file(write(tmp_path, "a.txt", text), "tsv")
    assert sentence.tags == ("O", "B-PER", "I-PER", "O", "B-LOC", "O", "O")


def test_corpora_open_a_span_on_a_stray_inside_tag(tmp_path):
    text = "pt\tI-IND\npertamina\tI-IND\nrugi\tO\n"
    (sentence,) = read_file(write(tmp_path, "b.txt", text), "tsv")
    assert sentence.tags == ("B-ORG", "I-ORG", "O")


def test_corpora_read_io_tags_and_skip_empty_tokens(tmp_path):
    text = "Menurut\tO\nLuhut\tPERSON\nPandjaitan\tPERSON\n\tO\ndi\tO\nJakarta\tLOCATION\n\n"
    (sentence,) = read_file(write(tmp_path, "c.tsv", text), "io")
    assert sentence.words == ("Menurut", "Luhut", "Pandjaitan", "di", "Jakarta")
    assert spans(sentence.tags) == [("PER", 1, 3), ("LOC", 4, 5)]


def test_corpora_read_three_column_conll(tmp_path):
    text = "Kata NOUN O\nAnis PROPN B-PER\n\nKPK PROPN B-ORG\nmenolak VERB O\n"
    sentences = list(read_file(write(tmp_path, "d.txt", text), "conll3"))
    assert [spans(s.tags) for s in sentences] == [[("PER", 1, 2)], [("ORG", 0, 1)]]


def test_spans_split_adjacent_entities_at_a_begin_tag():
    assert spans(["B-PER", "I-PER", "B-PER", "O", "I-LOC"]) == [
        ("PER", 0, 2),
        ("PER", 2, 3),
        ("LOC", 4, 5),
    ]


def test_spans_do_not_continue_across_a_type_change():
    assert spans(["B-ORG", "I-LOC"]) == [("ORG", 0, 1), ("LOC", 1, 2)]
