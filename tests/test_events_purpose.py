"""The subject of a purpose clause ("untuk ...") is the matrix subject, unless the matrix
verb passes control to its object ("mendesak X untuk ...")."""

from __future__ import annotations


def _coded(article):
    return {(e.type, e.source.country if e.source else None) for e in article.events}


def test_events_purpose_clause_takes_the_matrix_subject_not_the_object(analyse):
    article = analyse(
        "Pemerintah Jepang memanggil duta besar Korea Selatan di Tokyo untuk memprotes "
        "latihan militer Korea Selatan di dekat Pulau Dokdo."
    )
    assert ("PROTEST", "JPN") in _coded(article), _coded(article)


def test_events_object_control_keeps_the_request_and_not_the_requested_act(analyse):
    article = analyse("Amerika Serikat mendesak Israel untuk menyerang fasilitas nuklir Iran.")
    coded = {
        (e.type, e.source.country, e.target.country if e.target else None) for e in article.events
    }
    assert ("REQUEST", "USA", "ISR") in coded
    assert not any(t == "ASSAULT" and s == "USA" for t, s, _ in coded)
