"""Coverage counts of the knowledge base (what ``warta actors stats`` prints)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warta.knowledge.kb import Knowledge


def coverage(kb: Knowledge) -> dict[str, Any]:
    tenures = [t for p in kb.people.values() for t in p.tenures]
    org_kinds = Counter(o.kind for o in kb.organisations.values())
    return {
        "countries": sum(1 for c in kb.countries if len(c) == 3),
        "organisations": dict(sorted(org_kinds.items())),
        "igos": org_kinds.get("igo", 0),
        "people": len(kb.people),
        "tenures": len(tenures),
        "people_by_country": dict(Counter(t.country for t in _first_tenures(kb)).most_common()),
        "tenures_by_role": dict(Counter(t.role for t in tenures).most_common()),
        "roles": len(kb.roles),
        "role_nouns": dict(kb.lexicon.nouns_by_lang),
        "metonyms": len(kb.metonyms),
        "aliases": len(kb.aliases),
        "aliases_by_language": _aliases_by_language(kb),
    }


def _first_tenures(kb: Knowledge) -> list[Any]:
    return [p.tenures[0] for p in kb.people.values()]


def _aliases_by_language(kb: Knowledge) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for hits in kb.aliases.values():
        counts.update({h.lang for h in hits})
    return {"en": counts["en"], "id": counts["id"], "both": counts["*"]}
