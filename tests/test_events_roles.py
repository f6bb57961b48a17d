"""Source and target from the sentence's structure: voice, nouns, light verbs, groups."""

from tests._events import CHN, IDN, IRN, ISR, JPN, RUS, UKR, USA, code, find, triples


def test_events_active_verb_subject_is_source_object_is_target():
    a = code("Rusia menyerang Ukraina pada Selasa pagi.", RUS, UKR)
    assert triples(a) == {("ASSAULT", "RUS", "UKR")}


def test_events_passive_with_oleh_swaps_roles():
    a = code(
        "Kapal nelayan Jepang ditangkap oleh penjaga pantai Tiongkok.",
        "Kapal nelayan Jepang = JPN CVL group",
        "penjaga pantai Tiongkok = CHN MIL organisation",
    )
    assert triples(a) == {("COERCE", "CHN", "JPN")}


def test_events_bare_passive_agent_after_verb():
    a = code(
        "Pernyataan itu dikecam Iran dan Turki.",
        IRN,
        "Turki = TUR GOV state",
        "Pernyataan itu = USA GOV organisation",
    )
    assert ("ACCUSE", "IRN", "USA") in triples(a)
    assert ("ACCUSE", "TUR", "USA") in triples(a)


def test_events_intransitive_target_after_its_preposition():
    a = code(
        "Perdana Menteri Jepang berkunjung ke Indonesia.",
        "Perdana Menteri Jepang = JPN GOV person",
        IDN,
    )
    assert triples(a) == {("CONSULT", "JPN", "IDN")}
    assert find(a, "CONSULT").mode == "visit"


def test_events_nominal_possessor_is_source_and_preposition_target():
    a = code(
        "Kunjungan Presiden Tiongkok ke Jepang menuai protes.",
        "Presiden Tiongkok = CHN GOV person",
        JPN,
    )
    assert ("CONSULT", "CHN", "JPN") in triples(a)


def test_events_light_verb_makes_noun_a_predicate():
    a = code("Amerika Serikat menjatuhkan sanksi terhadap Iran.", USA, IRN)
    assert triples(a) == {("SANCTION", "USA", "IRN")}


def test_events_passive_light_verb_in_relative_clause():
    a = code("Sanksi yang dijatuhkan oleh Jepang terhadap Rusia mulai berlaku.", JPN, RUS)
    assert triples(a) == {("SANCTION", "JPN", "RUS")}


def test_events_coordinated_subject_of_mutual_verb():
    a = code("Indonesia dan Jepang bertemu di Tokyo.", IDN, JPN)
    assert triples(a) == {("CONSULT", "IDN", "JPN")}


def test_events_coordinated_subject_of_one_sided_verb_gives_one_event_each():
    a = code(
        "Amerika Serikat dan Inggris menyerang Yaman.",
        USA,
        "Inggris = GBR GOV state",
        "Yaman = YEM GOV state",
    )
    assert triples(a) == {("ASSAULT", "USA", "YEM"), ("ASSAULT", "GBR", "YEM")}


MYS, THA = "Malaysia = MYS GOV state", "Thailand = THA GOV state"


def test_events_a_listed_subject_gives_one_event_per_member():
    for text in (
        "Indonesia, Malaysia dan Thailand mengecam Israel.",
        "Indonesia, Malaysia, dan Thailand mengecam Israel.",  # the comma of EYD lists
    ):
        a = code(text, IDN, MYS, THA, ISR)
        assert triples(a) == {("ACCUSE", c, "ISR") for c in ("IDN", "MYS", "THA")}


def test_events_a_listed_target_gives_one_event_per_member():
    for text in (
        "Amerika Serikat menjatuhkan sanksi terhadap Rusia, Iran dan Tiongkok.",
        "Amerika Serikat menjatuhkan sanksi terhadap Rusia, Iran, dan Tiongkok.",
    ):
        a = code(text, USA, RUS, IRN, CHN)
        assert triples(a) == {("SANCTION", "USA", c) for c in ("RUS", "IRN", "CHN")}


def test_events_a_comma_alone_does_not_list():
    # an apposition after the target, and fronted words before the subject
    a = code("Amerika Serikat mengecam Rusia, Iran.", USA, RUS, IRN)
    assert triples(a) == {("ACCUSE", "USA", "RUS")}
    a = code("Menurut Jepang, Rusia dan Iran mengecam Israel.", JPN, RUS, IRN, ISR)
    assert triples(a) >= {("ACCUSE", "RUS", "ISR"), ("ACCUSE", "IRN", "ISR")}
    assert ("ACCUSE", "JPN", "ISR") not in triples(a)


def test_events_a_comma_before_dan_between_two_clauses_does_not_list():
    a = code("Rusia menyerang Ukraina, dan Jepang mengecam Tiongkok.", RUS, UKR, JPN, CHN)
    assert triples(a) == {("ASSAULT", "RUS", "UKR"), ("ACCUSE", "JPN", "CHN")}


def test_events_between_x_and_y():
    a = code("Pertemuan antara Iran dan Israel tidak pernah terjadi.", IRN, ISR)
    assert triples(a) == {("CONSULT", "IRN", "ISR")}


def test_events_several_events_in_one_sentence():
    a = code(
        "Tiongkok mengecam Jepang dan memutus hubungan dengan Taiwan.",
        CHN,
        JPN,
        "Taiwan = TWN GOV state",
    )
    assert ("ACCUSE", "CHN", "JPN") in triples(a)
    assert ("SANCTION", "CHN", "TWN") in triples(a)


def test_events_relative_clause_subject_is_the_noun_before_yang():
    a = code(
        "Amerika Serikat menghukum perusahaan Tiongkok yang memasok senjata kepada Rusia.",
        USA,
        "perusahaan Tiongkok = CHN BUS organisation",
        RUS,
    )
    assert ("AID", "CHN", "RUS") in triples(a)


def test_events_purpose_clause_subject_is_controlled():
    a = code(
        "Menlu Jepang tiba di Jakarta untuk bertemu Presiden Indonesia.",
        "Menlu Jepang = JPN GOV person",
        "Presiden Indonesia = IDN GOV person",
    )
    assert triples(a) == {("CONSULT", "JPN", "IDN")}


def test_events_place_after_di_is_not_a_target():
    a = code(
        "Presiden Rusia bertemu Presiden Tiongkok di Kazakhstan.",
        "Presiden Rusia = RUS GOV person",
        "Presiden Tiongkok = CHN GOV person",
        "Kazakhstan = KAZ GOV state",
    )
    assert triples(a) == {("CONSULT", "RUS", "CHN")}
    assert find(a, "CONSULT").place.country == "KAZ"


def test_events_state_anaphor_is_resolved_to_another_country():
    a = code(
        "Jepang mengumumkan bahwa Presiden Indonesia akan berkunjung ke negara tersebut.",
        JPN,
        "Presiden Indonesia = IDN GOV person",
    )
    assert ("CONSULT", "IDN", "JPN") in triples(a)


def test_events_patient_possessor_of_invasion_takes_agent_from_context():
    a = code("Rusia dikenai sanksi setelah invasi Ukraina pada 2022.", RUS, UKR)
    assert ("ASSAULT", "RUS", "UKR") in triples(a)


def test_events_invasion_with_ke_has_possessor_as_agent():
    a = code(
        "Invasi Irak ke Kuwait terjadi pada 1990.", "Irak = IRQ GOV state", "Kuwait = KWT GOV state"
    )
    assert triples(a) == {("ASSAULT", "IRQ", "KWT")}


def test_events_topic_nouns_are_not_events():
    a = code("Wartawan bertanya mengenai lokasi pertemuan Indonesia dan Jepang.", IDN, JPN)
    assert a.events == []


def test_events_requested_act_is_not_an_event():
    a = code("Ukraina meminta bantuan militer dari Jepang.", UKR, JPN)
    assert triples(a) == {("REQUEST", "UKR", "JPN")}


def test_events_no_pattern_keyed_to_names():
    # the same frame with invented actors codes the same way
    a = code(
        "Negeri Utopia mengunjungi Republik Atlantis.",
        "Negeri Utopia = UTO GOV state",
        "Republik Atlantis = ATL GOV state",
    )
    assert triples(a) == {("CONSULT", "UTO", "ATL")}


def test_events_withdrawal_with_words_between():
    a = code(
        "Turki menarik sebagian besar tentaranya dari Suriah utara.",
        "Turki = TUR GOV state",
        "Suriah = SYR GOV state",
    )
    assert triples(a) == {("RETREAT", "TUR", "SYR")}


def test_events_departure_from_home_mentions_the_visit():
    a = code(
        "Presiden Vietnam akan mengunjungi Jepang. Presiden Vietnam telah meninggalkan Hanoi"
        " pada Senin.",
        "Presiden Vietnam = VNM GOV person",
        JPN,
        published="2023-09-11",
    )
    # Setting off is evidence of the planned visit, not a visit that happened on Monday.
    assert [(e.type, e.target.country, e.status, e.date) for e in a.events] == [
        ("CONSULT", "JPN", "planned", None)
    ]
    assert len(a.events[0].mentions) == 2


def test_events_leaving_a_foreign_place_is_not_a_departure():
    a = code(
        "Presiden Vietnam akan mengunjungi Jepang. Presiden Vietnam meninggalkan Paris.",
        "Presiden Vietnam = VNM GOV person",
        JPN,
    )
    assert [e.status for e in a.events] == ["planned"]


def test_events_object_control_and_directive_complement():
    a = code(
        "Jepang memperingatkan Tiongkok agar tidak menyerang Taiwan.",
        JPN,
        CHN,
        "Taiwan = TWN GOV state",
    )
    # the warned-against attack is not an event; the warning is
    assert triples(a) == {("THREATEN", "JPN", "CHN")}


def test_events_invitation_makes_the_invited_the_visitor():
    a = code(
        "Presiden Indonesia mengundang Presiden Brasil untuk berkunjung ke Jakarta.",
        "Presiden Indonesia = IDN GOV person",
        "Presiden Brasil = BRA GOV person",
    )
    visit = find(a, "CONSULT")
    assert (visit.source.country, visit.target.country, visit.status) == ("BRA", "IDN", "planned")


def test_events_demonstrative_noun_is_a_re_mention():
    a = code("Jepang dan Tiongkok menyatakan khawatir pertemuan itu memicu ketegangan.", JPN, CHN)
    assert a.events == []


def test_events_agent_of_a_later_passive_is_not_the_noun_owner():
    a = code("Hasil pertemuan akan diawasi oleh Jepang dan Tiongkok.", JPN, CHN)
    assert a.events == []
