"""The verbal/nominal word classes learned from UD Indonesian (warta.nlp.chunk)."""

from warta.nlp.chunk import _prefix_guess, accuracy, learn, load_classes


def test_events_chunk_shipped_classes_know_bare_verbs_and_prefixed_nouns():
    classes = load_classes("id")
    assert len(classes) > 3000
    assert classes["tiba"] == "V" and classes["datang"] == "V"  # no verbal prefix
    assert classes["menteri"] == "N" and classes["berita"] == "N"  # verb-like prefix
    assert _prefix_guess("menteri") == "V"  # what the lexicon corrects


def test_events_chunk_no_classes_for_a_language_without_a_model():
    assert load_classes("xx") == {}


def test_events_chunk_learn_and_score(tmp_path):
    conllu = tmp_path / "t.conllu"
    conllu.write_text(
        "# text = Kim tiba di Moskow\n"
        "1\tKim\tKim\tPROPN\t_\t_\t2\tnsubj\t_\t_\n"
        "2\ttiba\ttiba\tVERB\t_\t_\t0\troot\t_\t_\n"
        "3\tdi\tdi\tADP\t_\t_\t4\tcase\t_\t_\n"
        "4\tMoskow\tMoskow\tPROPN\t_\t_\t2\tobl\t_\t_\n\n",
        encoding="utf-8",
    )
    classes = learn([conllu])
    assert classes == {"kim": "N", "tiba": "V", "moskow": "N"}
    report = accuracy(classes, [conllu])
    assert report["accuracy_lexicon"] == 1.0 and report["accuracy_prefix_only"] < 1.0


def test_events_chunk_stops_a_noun_phrase_at_a_bare_verb():
    from tests._events import code, triples

    a = code(
        "Menteri Jepang tiba di Jakarta untuk datang menemui Presiden Indonesia.",
        "Menteri Jepang = JPN GOV person",
        "Presiden Indonesia = IDN GOV person",
    )
    assert triples(a) == {("CONSULT", "JPN", "IDN")}
