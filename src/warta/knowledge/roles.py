"""Canonical roles (``knowledge/data/roles.toml``) and the role nouns of each language
(``lang/<code>/roles.toml``), and how a phrase splits into a role and what follows it.

"Menlu Rusia" is role + place; "Russian Foreign Minister" is place + role; "juru bicara
Kremlin" is role + a seat of government; "seorang ahli" is an article + a role with no
place at all. The split is done on normalised words, longest role noun first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from warta.knowledge.normalise import norm


@dataclass(frozen=True, slots=True)
class Role:
    name: str
    sector: str
    rank: int
    holder: bool  # one holder per country at a time, so a nameless phrase resolves by date
    label_en: str
    label_id: str


@dataclass(frozen=True, slots=True)
class RoleSplit:
    """A phrase cut into [place] role [of] [place] [name] (words already normalised)."""

    role: str
    before: tuple[str, ...]  # words before the role noun ("russian" in "russian president")
    after: tuple[str, ...]  # words after the role noun and any linking word
    former: bool


class RoleLexicon:
    def __init__(self, roles: dict[str, Role], packs: Iterable[dict[str, Any]]) -> None:
        self.roles = roles
        self.nouns: dict[str, str] = {}
        self.nouns_by_lang: dict[str, int] = {}
        self.links: set[str] = set()
        self.hosts: set[str] = set()
        self.determiners: set[str] = set()
        self.articles: set[str] = set()
        self.former: set[str] = set()
        self.plural: set[str] = set()
        self.locative: set[str] = set()
        self.seat: set[str] = set()
        self.collectives: dict[str, str] = {}  # noun -> sector ("militer" -> MIL)
        for pack in packs:
            self._add_pack(pack)
        # first word -> the word counts of nouns starting with it, longest first, so that
        # role_at costs one dict lookup for the many words that start no role noun
        sizes: dict[str, set[int]] = {}
        for noun in self.nouns:
            sizes.setdefault(noun.split()[0], set()).add(len(noun.split()))
        self._sizes = {word: sorted(n, reverse=True) for word, n in sizes.items()}
        self._article_starts = {article.split()[0] for article in self.articles}
        self._collective_starts = {noun.split()[0] for noun in self.collectives}
        # Words that are never a name on their own: "President", "The", "Menteri".
        self.common = {w for phrase in self.nouns for w in phrase.split()}
        self.common |= self.articles | self.determiners | self.links

    def _add_pack(self, pack: dict[str, Any]) -> None:
        new = 0
        for noun, role in pack.get("nouns", {}).items():
            new += norm(noun) not in self.nouns
            self.nouns[norm(noun)] = role
        self.nouns_by_lang[pack.get("_code", "?")] = new  # a pack extending another counts its own
        words = pack.get("words", {})
        self.links.update(norm(w) for w in words.get("of", []))
        self.hosts.update(norm(w) for w in words.get("host", []))
        self.determiners.update(norm(w) for w in words.get("determiners", []))
        self.articles.update(norm(w) for w in words.get("articles", []))
        self.former.update(norm(w) for w in words.get("former", []))
        self.plural.update(norm(w) for w in words.get("plural", []))
        self.locative.update(norm(w) for w in words.get("locative", []))
        self.seat.update(norm(w) for w in words.get("seat", []))
        for noun, sector in pack.get("collectives", {}).items():
            self.collectives[norm(noun)] = sector

    def role_at(self, words: Sequence[str], i: int) -> tuple[str, int] | None:
        """The longest role noun starting at word ``i``: (role, index after it)."""
        for size in self._sizes.get(words[i], ()):
            if i + size <= len(words):
                role = self.nouns.get(" ".join(words[i : i + size]))
                if role is not None:
                    return role, i + size
        return None

    def collective_at(self, words: Sequence[str], i: int) -> tuple[str, int] | None:
        """The longest collective noun starting at word ``i``: (sector, index after it)."""
        if words[i] not in self._collective_starts:
            return None
        for size in range(min(3, len(words) - i), 0, -1):
            sector = self.collectives.get(" ".join(words[i : i + size]))
            if sector is not None:
                return sector, i + size
        return None

    def split(self, words: Sequence[str], max_before: int = 4) -> RoleSplit | None:
        i, former = (0, False)
        if words and words[0] in self._article_starts:
            i, former = self._skip_articles(words)
        for start in range(i, min(len(words), i + max_before + 1)):
            if words[start] not in self._sizes:
                continue
            found = self.role_at(words, start)
            if found is None:
                continue
            role, j = found
            while j < len(words) and words[j] in self.links:
                j += 1
            return RoleSplit(role, tuple(words[i:start]), tuple(words[j:]), former)
        return None

    def _skip_articles(self, words: Sequence[str]) -> tuple[int, bool]:
        i, former = 0, False
        while i < len(words):
            for size in (2, 1):  # "salah satu", "seorang"
                article = " ".join(words[i : i + size])
                if article in self.articles:
                    former = former or article in self.former
                    i += size
                    break
            else:
                break
        return i, former


def load_roles(table: dict[str, Any]) -> dict[str, Role]:
    return {
        name: Role(
            name=name,
            sector=spec["sector"],
            rank=int(spec.get("rank", 9)),
            holder=bool(spec.get("holder", False)),
            label_en=spec.get("en", name),
            label_id=spec.get("id", name),
        )
        for name, spec in table.items()
    }
