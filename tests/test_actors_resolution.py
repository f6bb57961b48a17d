"""The actors stage on hand-built articles (no other stage needed)."""

from __future__ import annotations

import re

import pytest

from warta.actors.stage import ActorStage
from warta.article import Article, Entity, Sentence
from warta.resources import Resources


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage(Resources())


def make(text: str, people: tuple[str, ...] = (), date: str | None = "2023-09-11") -> Article:
    sentences = [Sentence(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]*", text)]
    entities = [
        Entity(name, "PER", m.start(), m.end())
        for name in people
        for m in re.finditer(re.escape(name), text)
    ]
    return Article(raw=text, text=text, sentences=sentences, entities=entities, published=date)


def actor_of(article: Article, surface: str, nth: int = 1):
    spans = [m.span() for m in re.finditer(re.escape(surface), article.text)]
    return article.actor_at(*spans[nth - 1])


def test_actors_a_place_in_a_role_description_is_no_partial_name(stage):
    # "wartawan di Manila" describes unnamed journalists; its last word is a place, not a
    # surname, so a later "Manila" is not one of their mentions
    art = make(
        "Juru bicara itu berbicara kepada wartawan di Manila. "
        "Kedutaan besar Vietnam di Manila menyatakan telah menerima nota itu."
    )
    stage(art)
    journalists = actor_of(art, "wartawan di Manila")
    assert journalists is not None and journalists.kind == "person"
    second = actor_of(art, "Manila", 2)
    assert second is None or second.id != journalists.id


def test_actors_partial_name_joins_the_full_mention(stage):
    art = make(
        "Michael Madden menulis laporan baru. Menurut Madden, pasokan itu nyata.",
        ("Michael Madden",),
    )
    stage(art)
    assert actor_of(art, "Madden", 2).id == "person:michael-madden"


def test_actors_korean_family_name_first(stage):
    art = make("Kim Jong Un tiba di Vladivostok. Kim disambut pejabat setempat.")
    stage(art)
    assert actor_of(art, "Kim", 2).id == "person:kim-jong-un"


def test_actors_role_phrase_before_name_is_a_mention_of_the_person(stage):
    art = make("Presiden Rusia Vladimir Putin menerima tamu.", ("Vladimir Putin",))
    stage(art)
    assert actor_of(art, "Presiden Rusia").id == "person:vladimir-putin"


def test_actors_role_phrase_alone_resolves_by_the_article_date(stage):
    art = make("Menlu AS tiba di Jakarta.", date="2019-03-01")
    stage(art)
    assert actor_of(art, "Menlu AS").id == "person:mike-pompeo"


def test_actors_capital_after_a_preposition_is_a_place(stage):
    art = make("Delegasi itu tiba di Moskow. Moskow menolak tuduhan itu.")
    stage(art)
    assert actor_of(art, "Moskow", 1) is None
    assert actor_of(art, "Moskow", 2).id == "RUS"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Lembaga kajian itu berbasis di Australia. Australia mengecam Tiongkok.", "Australia"),
        ("Kelompok itu bermarkas di Suriah. Suriah menolak tuduhan itu.", "Suriah"),
        ("The think tank is based in Australia. Australia condemned China.", "Australia"),
    ],
)
def test_actors_country_where_a_body_sits_is_a_place(stage, text, country):
    art = make(text)
    stage(art)
    assert actor_of(art, country, 1) is None  # where the body is based
    assert actor_of(art, country, 2) is not None  # the state that acts


def test_actors_title_without_country_takes_the_passage_country(stage):
    text = (
        "Kim Jong Un meninggalkan ibu kota dengan kereta. "
        "Ia didampingi Kepala Biro Logistik, Ri Chol Man."
    )
    art = make(text, ("Kim Jong Un", "Ri Chol Man"))
    stage(art)
    actor = actor_of(art, "Ri Chol Man")
    assert (actor.country, actor.sector, actor.known) == ("PRK", "GOV", False)


def test_actors_apposition_after_name_gives_role_and_affiliation(stage):
    art = make("Jenny Town, seorang peneliti di Stimson Center, menilai hal itu.", ("Jenny Town",))
    stage(art)
    actor = actor_of(art, "Jenny Town")
    assert (actor.country, actor.sector, actor.affiliation) == ("USA", "ANL", "Stimson Center")


def test_actors_plural_refers_to_the_last_two_leaders(stage):
    text = (
        "Presiden Joko Widodo menerima Perdana Menteri Anthony Albanese. "
        "Juru bicara presiden mencatat kedua pemimpin sepakat."
    )
    art = make(text, ("Joko Widodo", "Anthony Albanese"), date="2023-07-04")
    stage(art)
    span = re.search("kedua pemimpin", text).span()
    owners = {a.id for a in art.actors if span in a.mentions}
    assert owners == {"person:joko-widodo", "person:anthony-albanese"}


def test_actors_collectives_are_state_bodies(stage):
    art = make("Pemerintah Jepang memprotes latihan militer China.")
    stage(art)
    assert actor_of(art, "Pemerintah Jepang").id == "JPN"
    body = actor_of(art, "militer China")
    assert (body.country, body.sector) == ("CHN", "MIL")


def test_actors_names_do_not_run_across_commas(stage):
    art = make("Kremlin, Istana Kepresidenan Rusia, mengonfirmasi kunjungan itu.")
    stage(art)
    assert actor_of(art, "Kremlin").id == "RUS"
    assert art.text[slice(*actor_of(art, "Kremlin").mentions[0])] == "Kremlin"


def test_actors_lowercase_words_are_not_aliases(stage):
    art = make("let us see what the as yet unnamed official says", date=None)
    stage(art)
    assert art.actors == []


def test_actors_every_mention_lies_in_the_text(stage):
    text = open_example()
    art = make(text, ("Kim Jong Un", "Vladimir Putin", "Dmitry Peskov", "Jo Chun Ryong"))
    stage(art)
    for actor in art.actors:
        for start, end in actor.mentions:
            assert 0 <= start < end <= len(text)


def test_actors_example_article_resolves_as_the_design_says(stage):
    names = (
        "Kim Jong Un",
        "Vladimir Putin",
        "Putin",
        "Dmitry Peskov",
        "Peskov",
        "Jo Chun Ryong",
        "Michael Madden",
    )
    art = make(open_example(), names)
    stage(art)
    by_id = {a.id: a for a in art.actors}
    assert by_id["person:kim-jong-un"].country == "PRK"
    assert by_id["person:vladimir-putin"].country == "RUS"
    peskov = by_id["person:dmitry-peskov"]
    assert (peskov.country, peskov.sector, peskov.role) == ("RUS", "GOV", "spokesperson")
    jo = by_id["person:jo-chun-ryong"]
    assert (jo.country, jo.sector) == ("PRK", "GOV")
    madden = by_id["person:michael-madden"]
    assert (madden.country, madden.sector, madden.affiliation) == ("USA", "ANL", "Stimson Center")
    assert actor_of(art, "juru bicara Kremlin").id == "person:dmitry-peskov"
    assert actor_of(art, "Kremlin").id == "RUS"


def open_example() -> str:
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "examples" / "jabarekspres-kim-putin.txt"
    if not path.is_file():
        path = Path(__file__).resolve().parents[2] / "shared" / "examples" / path.name
    text = path.read_text("utf-8")
    body = [
        p for p in text.split("\n\n")[1:] if not p.startswith(("Baca Juga", "Berita", "Tinggalkan"))
    ]
    return "\n\n".join(body).replace("JABAR EKSPRES – ", "")


def test_actors_english_genitive_place_before_role(stage):
    art = make("Russia's foreign minister warned Kyiv on Monday.", date="2020-05-01")
    stage(art)
    assert actor_of(art, "Russia's foreign minister").id == "person:sergey-lavrov"


def test_actors_dotted_abbreviations_are_aliases(stage):
    art = make("U.S. officials met their Chinese counterparts. A.S. menolak.", date=None)
    stage(art)
    assert actor_of(art, "U.S.").id == "USA"
    assert actor_of(art, "A.S.").id == "USA"


def test_actors_unnamed_official_of_a_state_is_an_actor(stage):
    art = make("Serangan itu dikecam, kata seorang pejabat AS kepada wartawan.", date="2024-01-01")
    stage(art)
    actor = actor_of(art, "pejabat AS")
    assert (actor.id, actor.country, actor.role, actor.known) == (
        "USA:official",
        "USA",
        "official",
        False,
    )


def test_actors_apposition_role_is_not_a_second_actor(stage):
    art = make("Ivan Petrov, seorang pejabat Rusia, membantah laporan itu.", ("Ivan Petrov",))
    stage(art)
    assert [a.id for a in art.actors] == ["person:ivan-petrov"]
    assert art.actors[0].country == "RUS"


def test_actors_malay_government_collective(stage):
    art = make("Kerajaan Malaysia menolak dakwaan itu, kata jurucakap Wisma Putra.")
    stage(art)
    assert actor_of(art, "Kerajaan Malaysia").id == "MYS"


def test_actors_runaway_tagger_span_does_not_hide_known_names(stage):
    text = "US Secretary of State Antony Blinken met Chinese President Xi Jinping on Monday."
    art = make(text, date="2023-06-19")
    art.entities = [Entity(text[:67], "ORG", 0, 67)]  # a tagger's runaway span
    stage(art)
    assert actor_of(art, "Antony Blinken").id == "person:antony-blinken"
    assert actor_of(art, "Chinese President").id == "person:xi-jinping"


def test_actors_surname_tagged_as_organisation_is_still_the_person(stage):
    text = "Jenny Town menilai pertemuan itu simbolis. Menurut Town, hal itu penting."
    art = make(text, ("Jenny Town",))
    second = [m.start() for m in re.finditer("Town", text)][1]
    art.entities.append(Entity("Town", "ORG", second, second + 4))
    stage(art)
    assert actor_of(art, "Town", 2).id == "person:jenny-town"


def test_actors_role_phrase_refers_to_the_holder_the_article_named(stage):
    text = (
        "Menlu Argentina Pablo Quirno tiba di Jakarta. "
        "Menlu Argentina itu membahas perdagangan gandum."
    )
    art = make(text, ("Pablo Quirno",), date="2026-01-10")
    stage(art)
    assert actor_of(art, "Menlu Argentina", 2).id == "person:pablo-quirno"
    assert actor_of(art, "Pablo Quirno").country == "ARG"


def test_actors_former_title_does_not_make_a_holder(stage):
    art = make("Mantan Perdana Menteri Pakistan Imran Khan divonis.", ("Imran Khan",), "2024-01-10")
    stage(art)
    khan = actor_of(art, "Imran Khan")
    assert (khan.id, khan.role, khan.sector) == ("person:imran-khan", None, "POL")
    assert actor_of(art, "Perdana Menteri Pakistan").id == "person:imran-khan"
    art = make("Seorang mantan Menlu AS mengkritik kebijakan itu.", date="2023-01-01")
    stage(art)
    assert actor_of(art, "Menlu AS").id == "USA:foreign_minister"


def test_actors_title_found_at_a_mention_the_tagger_missed(stage):
    text = (
        "Kim Jong Un tiba di perbatasan. Ia didampingi Direktur Biro Amunisi, Ri Chol Man. "
        "Kehadiran Ri Chol Man menarik perhatian."
    )
    art = make(text, ("Kim Jong Un",))
    second = [m.start() for m in re.finditer("Ri Chol Man", text)][1]
    art.entities.append(Entity("Ri Chol Man", "PER", second, second + 11))  # only the 2nd
    stage(art)
    actor = actor_of(art, "Ri Chol Man")
    assert (actor.id, actor.country, actor.role) == ("person:ri-chol-man", "PRK", "director")


def test_actors_collective_in_apposition_to_its_organisation_is_that_organisation(stage):
    art = make("Media pemerintah China, Xinhua, melaporkan bahwa pertemuan itu berjalan lancar.")
    stage(art)
    assert actor_of(art, "Media pemerintah China").id == "org:xinhua"
    assert actor_of(art, "Xinhua").id == "org:xinhua"


def test_actors_collective_before_another_countrys_outlet_stays_apart(stage):
    art = make("Media pemerintah China, Reuters, dan AFP melaporkan hal yang sama.")
    stage(art)
    assert actor_of(art, "Media pemerintah China").id != actor_of(art, "Reuters").id


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        (
            "Kedutaan Besar Vietnam di Manila menyatakan telah menerima nota itu.",
            "Kedutaan Besar Vietnam",
            "VNM",
        ),
        ("Kedubes Jepang di Jakarta membantah laporan tersebut.", "Kedubes Jepang", "JPN"),
        (
            "The Vietnamese embassy in Manila said it had received the note.",
            "Vietnamese embassy",
            "VNM",
        ),
    ],
)
def test_actors_an_embassy_speaks_for_its_government(stage, text, surface, country):
    art = make(text)
    stage(art)
    embassy = actor_of(art, surface)
    assert embassy is not None and (embassy.country, embassy.sector) == (country, "GOV")
    start = art.text.index(surface)
    end = start + len(surface)
    # the mission is the mention, not the country's name alone
    assert any(s <= start and end <= e for s, e in embassy.mentions)
    # the capital after it is where the mission is, not another party
    assert all(a.country == country for a in art.actors)
