"""English reported speech: "…," X said / said X / he said; X said (that) …; According
to X, …; "…, the ministry said." (passages written for these tests)."""

from __future__ import annotations


def _quotes(article):
    return [(q.direct, q.text, q.speaker_name, q.cue) for q in article.quotes]


def test_en_quotes_speaker_after_the_quote(analyse):
    article = analyse(
        '"We will continue to strengthen our friendship," Dmitry Peskov told reporters.'
    )
    quote = article.quotes[0]
    assert quote.direct and quote.text == "We will continue to strengthen our friendship"
    assert quote.speaker == "person:dmitry-peskov" and quote.cue == "told"


def test_en_quotes_inverted_said_and_pronoun(analyse):
    article = analyse(
        '"Diplomacy remains our priority," said Sergei Lavrov. "We are ready to talk," he added.'
    )
    speakers = [q.speaker_name for q in article.quotes]
    assert speakers == ["Sergey Lavrov", "Sergey Lavrov"]


def test_en_quotes_indirect_with_time_adjunct_before_that(analyse):
    article = analyse(
        "Secretary of State Antony Blinken said on Tuesday that the United States would not"
        " send troops to Niger."
    )
    ((direct, text, speaker, cue),) = _quotes(article)
    assert not direct and text.startswith("the United States would not send troops")
    assert "Blinken" in speaker and cue == "said"


def test_en_quotes_a_full_stop_after_the_marks_ends_the_quotes_sentence(analyse):
    article = analyse(
        'The French foreign ministry said the visit was "long overdue".\n\n'
        "An adviser to the president said Paris would say more on Friday."
    )
    direct = [(q.text, q.speaker) for q in article.quotes if q.direct]
    assert direct == [("long overdue", "FRA")]


def test_en_quotes_a_sentence_opening_the_is_no_name_of_its_own(analyse):
    article = analyse("The Russian embassy in Washington said the talks were useful.")
    ((quote,),) = [article.quotes]
    assert quote.speaker == "RUS" and quote.text == "the talks were useful"


def test_en_quotes_according_to(analyse):
    article = analyse(
        "According to Michael Madden, a senior fellow at the Stimson Center, North Korea may"
        " supply shells to Russia."
    )
    quote = article.quotes[0]
    assert quote.speaker_name == "Michael Madden"
    assert quote.text == "North Korea may supply shells to Russia"
    assert quote.affiliation == "Stimson Center"


def test_en_quotes_statement_before_a_closing_speech_tag(analyse):
    article = analyse("Ukraine attacked a Russian air base, the Russian defence ministry said.")
    quote = article.quotes[0]
    assert quote.text == "Ukraine attacked a Russian air base"
    assert quote.speaker == "RUS:MIL"  # the Russian defence ministry


def test_en_quotes_a_speech_verb_inside_a_name_is_not_a_cue(analyse):
    article = analyse(
        "The United States has warned that any arms deal between Pyongyang and Moscow would violate UN resolutions.",
        published="2023-09-14",
    )
    speakers = [q.speaker_name for q in article.quotes]
    assert "The United" not in speakers
    assert any(q.speaker_name and "United States" in q.speaker_name for q in article.quotes), (
        speakers
    )
