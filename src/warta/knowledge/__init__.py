"""What Warta knows about the world: countries and territories, organisations, political
figures with dated roles, and place names that stand for governments. Data files live in
``knowledge/data/``; ``Knowledge.load()`` reads them once.

    >>> kb = Knowledge.load()
    >>> kb.lookup("Menlu Rusia", "2018-06-14").name
    'Sergey Lavrov'

Ids: a state is its ISO 3166 alpha-3 code ("RUS"), an organisation "org:<key>"
("org:kcna"), a person "person:<slug of name>" ("person:kim-jong-un").
"""

from __future__ import annotations

from warta.knowledge.kb import Hit, Knowledge
from warta.knowledge.records import Country, Metonym, Organisation, Person, Resolution, Tenure

__all__ = [
    "Country",
    "Hit",
    "Knowledge",
    "Metonym",
    "Organisation",
    "Person",
    "Resolution",
    "Tenure",
]
