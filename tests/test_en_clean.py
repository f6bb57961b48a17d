"""English wire copy: datelines ("WASHINGTON, Sept 12 (AP) —", "MOSCOW (Reuters) -") and
boilerplate ("Read more:", "Advertisement", newsletter prompts, credits) are removed and
never yield entities or events."""

from __future__ import annotations

ARTICLE = """WASHINGTON, Sept 12 (AP) — Secretary of State Antony Blinken said on Tuesday that the United States would not send troops to Niger.

Read more: Biden hosts Gulf leaders as Israel strikes Gaza

"We are not going to intervene," Blinken told reporters.

Advertisement

Sign up for our daily newsletter

Reporting by Jane Doe; Editing by John Smith"""


def test_en_clean_dateline_and_boilerplate(analyse):
    article = analyse(ARTICLE, published=None)
    assert article.language == "en"
    assert article.outlet == "AP" and article.dateline_place == "Washington"
    assert article.text.startswith("Secretary of State Antony Blinken")
    kinds = {r.kind for r in article.removed}
    assert {"promo", "credit", "dateline"} <= kinds
    for gone in ("Read more", "Advertisement", "newsletter", "Jane Doe"):
        assert gone not in article.text


def test_en_clean_removed_text_yields_nothing(analyse):
    article = analyse(ARTICLE, published=None)
    names = {e.text for e in article.entities}
    assert "Gaza" not in names and "Jane Doe" not in names
    assert not any(e.type == "ASSAULT" for e in article.events)


def test_en_clean_reuters_dateline(analyse):
    article = analyse("MOSCOW (Reuters) - Russia expelled two Estonian diplomats on Friday.")
    assert article.outlet == "Reuters"
    assert any(
        e.type == "SANCTION" and e.target and e.target.country == "EST" for e in article.events
    )


def test_en_clean_more_wire_boilerplate(analyse):
    text = (
        "Israel and Hamas agreed to extend the truce, Qatari officials said.\n\n"
        "Also read: Biden calls Netanyahu\n\n"
        "FILE PHOTO: Smoke rises over Gaza\n\n"
        "(Reporting by Jane Doe in Doha; Editing by John Smith)\n\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n\n"
        "Follow us on Twitter\n\n"
        "3 min read"
    )
    article = analyse(text)
    assert article.text == "Israel and Hamas agreed to extend the truce, Qatari officials said."
    assert {r.kind for r in article.removed} >= {"promo", "credit"}
