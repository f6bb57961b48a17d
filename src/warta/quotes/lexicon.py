"""What the quote engine knows about one language, read from ``lang/<code>/quotes.toml``.

The engine itself is language-neutral: cue words, pronouns, quotation marks and the
words that bound a speaker phrase all come from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from warta.errors import DataError
from warta.lang import LangPack


@dataclass(frozen=True, slots=True)
class Lexicon:
    closers: dict[str, frozenset[str]]  # opening mark -> marks that close it
    after: frozenset[str]  # bare cue roots: “…,” kata X
    pronoun_suffixes: tuple[str, ...]  # katanya = kata + -nya
    verbs: frozenset[str]  # X mengatakan (bahwa) …
    verbs_need_complement: frozenset[str]
    complementisers: frozenset[str]
    title_cues: frozenset[str]  # bertajuk “…”: a title, not speech
    passive: frozenset[str]  # "Hal itu disampaikan X": X spoke
    according: frozenset[str]  # Menurut X, …
    pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    stop: frozenset[str]
    apposition: frozenset[str]
    role_heads: frozenset[str]
    affiliation: frozenset[str]
    openers: frozenset[str]
    auxiliaries: frozenset[str]
    titles: frozenset[str]
    min_words_without_cue: int = 4
    pronoun_window: int = 6
    speaker_window: int = 12
    max_speaker_tokens: int = 14
    min_indirect_words: int = 3
    according_links: frozenset[str] = frozenset()  # English "according to X"
    statement_nouns: frozenset[str] = frozenset()  # pernyataan … oleh X, dikatakan: X spoke
    agent_marker: str = ""  # "oleh" (by): introduces an issuer
    subject_determiners: frozenset[str] = frozenset()  # English "the" opening a subject
    # Derived once from the above (the engine asks per token):
    marks: frozenset[str] = field(init=False)  # every opening and closing mark
    speech_tags: dict[str, bool] = field(init=False)  # kata -> False, katanya -> True
    according_pronouns: frozenset[str] = field(init=False)  # menurutnya
    # Every word that can cue an indirect statement: verbs, tags, "menurut(nya)", passives
    indirect_cues: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        marks = set(self.closers).union(*self.closers.values())
        tags = dict.fromkeys(self.after, False)
        tags.update({w + s: True for w in self.after for s in self.pronoun_suffixes})
        according = {w + s for w in self.according for s in self.pronoun_suffixes}
        object.__setattr__(self, "marks", frozenset(marks))
        object.__setattr__(self, "speech_tags", tags)
        object.__setattr__(self, "according_pronouns", frozenset(according))
        cues = self.verbs | set(tags) | self.according | according | self.passive
        object.__setattr__(self, "indirect_cues", frozenset(cues))

    @property
    def tags(self) -> frozenset[str]:
        """Speech tags that follow a closing mark: kata, katanya, ujarnya …"""
        return frozenset(self.speech_tags)

    def cue_after(self, word: str) -> tuple[str, bool] | None:
        """``word`` as a post-quote cue: (word, points_back). "katanya" -> ("katanya", True)."""
        low = word.casefold()
        points_back = self.speech_tags.get(low)
        return None if points_back is None else (low, points_back)

    def is_verb(self, word: str) -> bool:
        return word.casefold() in self.verbs


def load_lexicon(pack: LangPack) -> Lexicon:
    try:
        data = pack.data("quotes")
    except DataError:
        if pack.code == "id":
            raise
        from warta.lang import load_pack

        data = load_pack("id").data("quotes")  # a pack without quote data borrows Indonesian
    return _build(data)


def _build(data: dict[str, Any]) -> Lexicon:
    cues, speaker, limits = data.get("cues", {}), data.get("speaker", {}), data.get("limits", {})
    pronouns = data.get("pronouns", {})
    return Lexicon(
        closers=_pairs(data.get("marks", {}).get("pairs", [])),
        after=_set(cues.get("after")),
        pronoun_suffixes=tuple(cues.get("pronoun_suffixes", ())),
        verbs=_set(cues.get("verbs")),
        verbs_need_complement=_set(cues.get("verbs_need_complement")),
        complementisers=_set(cues.get("complementisers")),
        title_cues=_set(cues.get("title_cues")),
        passive=_set(cues.get("passive")),
        according=_set(cues.get("according")),
        according_links=_set(cues.get("according_links")),
        statement_nouns=_set(cues.get("statement_nouns")),
        agent_marker=str(cues.get("agent_marker", "")),
        subject_determiners=_set(speaker.get("subject_determiners")),
        pronouns=_set(pronouns.get("singular")),
        plural_pronouns=_set(pronouns.get("plural")),
        stop=_set(speaker.get("stop")),
        apposition=_set(speaker.get("apposition")),
        role_heads=_set(speaker.get("role_heads")),
        affiliation=_set(speaker.get("affiliation")),
        openers=_set(speaker.get("openers")),
        auxiliaries=_set(speaker.get("auxiliaries")),
        titles=_set(speaker.get("titles")),
        **{k: int(v) for k, v in limits.items()},
    )


def _set(words: list[str] | None) -> frozenset[str]:
    return frozenset(w.casefold() for w in words or ())


def _pairs(pairs: list[list[str]]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for pair in pairs:
        if len(pair) != 2:
            raise DataError(f"quotes.toml: a mark pair needs two marks, got {pair!r}")
        out.setdefault(pair[0], set()).add(pair[1])
    return {k: frozenset(v) for k, v in out.items()}
