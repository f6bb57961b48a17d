"""The code tables and readers behind ``warta eval plover|petrarch``, on hand-written
inputs (no shared data needed)."""

from __future__ import annotations

from warta.article import ActorRef, Event
from warta.evaluate.eventgold import CodeTables, GoldEvent, Tally, plover_of, read_cameo_map
from warta.evaluate.tabari import read_actors

STATES = frozenset({"RUS", "UKR", "JPN", "USA", "ISR"})


def _event(kind, source, target, status="occurred", start=0):
    def ref(country, sector="GOV"):
        return ActorRef(country or "?", country, sector) if country else None

    return Event(
        kind, None, None, None, None, ref(source), ref(target), status, "", start, start + 1
    )


def test_en_gold_codes_cameo_actor_codes_map_to_countries():
    tables = CodeTables.load()
    assert tables.gold_key("RUSGOV") == "RUS"
    assert tables.gold_key("JAP") == "JPN"  # the CAMEO manual's old spelling of Japan
    assert tables.gold_key("IGOUNO") == "IGO"
    assert tables.gold_key("---GOV") is None
    assert tables.gold_key("") is None


def test_en_gold_codes_warta_actors_map_to_the_same_keys():
    tables = CodeTables.load()
    assert tables.actor_key(ActorRef("Kremlin", "RUS", "GOV"), STATES) == "RUS"
    assert tables.actor_key(ActorRef("United Nations", "UN", "IGO"), STATES) == "IGO"
    assert tables.actor_key(None, STATES) is None


def test_en_gold_codes_cameo_to_plover_takes_the_longest_listed_prefix(tmp_path):
    path = tmp_path / "map.txt"
    path.write_text(
        "# header\n03: AGREE\n0311: AGREE,  ,   economic # intent\n16: SANCTION\n"
        "163: COERCE, restrict, diplomatic # embargo\n",
        "utf-8",
    )
    table = read_cameo_map(path)
    assert plover_of("0311", table) == "AGREE"
    assert plover_of("036", table) == "AGREE"
    assert plover_of("163", table) == "COERCE"  # listed on its own, unlike its root 16
    assert plover_of("161", table) == "SANCTION"
    assert plover_of("02", table) is None


def test_en_gold_codes_old_plover_names_are_renamed():
    tables = CodeTables.load()
    assert tables.old_plover["DEMAND"] == "REQUEST"
    assert tables.old_plover["FIGHT"] == "ASSAULT"


def test_en_gold_codes_planned_acts_count_as_intent():
    tables = CodeTables.load()
    assert tables.gold_type(_event("AID", "JPN", "UKR", "planned")) == "AGREE"
    assert tables.gold_type(_event("ASSAULT", "RUS", "UKR", "hypothetical")) == "THREATEN"
    assert tables.gold_type(_event("ASSAULT", "RUS", "UKR")) == "ASSAULT"
    assert tables.gold_type(_event("AID", "JPN", "UKR", "planned"), intent=False) == "AID"
    assert tables.gold_type(_event("AGREE", "JPN", "UKR", "negated")) == "REJECT"
    assert tables.gold_type(_event("ASSAULT", "RUS", "UKR", "negated")) == "ASSAULT"


def test_en_gold_codes_tally_scores_type_and_tuples():
    from warta.evaluate.eventgold import GoldRecord

    tally = Tally(CodeTables.load(), STATES)
    gold = GoldRecord("a", "", None, (GoldEvent("ASSAULT", ("RUS",), ("UKR",)),))
    tally.add(gold, [_event("ASSAULT", "RUS", "UKR"), _event("ACCUSE", "UKR", "RUS", start=5)])
    mutual = GoldRecord("b", "", None, (GoldEvent("AGREE", ("USA", "ISR"), (), mutual=True),))
    tally.add(mutual, [_event("AGREE", "USA", "ISR")])
    report = tally.report()
    assert report["type_accuracy"] == 1.0
    assert report["tuples"]["tp"] == 2 and report["tuples"]["fp"] == 1
    assert report["confusion"]["ASSAULT"] == {"ASSAULT": 1}


def test_en_gold_codes_tabari_actor_dictionary(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(
        "<!-- comment -->\nARNOR_  [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\n"
        "GOLLUM  # note\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n"
        "ISRAELI_TROOPS [ISRMIL]\n",
        "utf-8",
    )
    entries = {e.code: e.names for e in read_actors(path)}
    assert entries["ARN"] == ["Arnor"]
    assert entries["GON"] == ["Gondor", "Minas Tirith"]
    assert entries["HOB"] == ["Gollum", "Smeagol"]
    assert entries["ISRMIL"] == ["Israeli Troops"]
