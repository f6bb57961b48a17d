"""Views of an analysed Article: the JSON shape of ``warta read --json`` and the
human-readable report. Shared by the CLI and the API so both show the same thing."""

from __future__ import annotations

from collections import Counter
from typing import Any

from warta.article import Actor, ActorRef, Article, Event, Quote

# Tokens are derivable from the text and would triple the output; the rest is kept.
_OMIT = ("tokens", "raw", "meta")


def to_json(article: Article, *, path: str | None = None) -> dict[str, Any]:
    data = article.to_dict()
    for key in _OMIT:
        data.pop(key, None)
    if path is not None:
        data = {"path": path, **data}
    return data


def render(article: Article) -> str:
    lines = [article.title or "(untitled)", _summary(article), ""]
    lines += _section("Events", article.events, _event_lines)
    lines += _section("Quotes", article.quotes, lambda q: _quote_lines(q, article.text))
    lines += _section("Actors", article.actors, _actor_lines)
    lines += _entities(article)
    if article.times:
        lines += ["", "Dates: " + "; ".join(f"{t.text} = {t.date}" for t in article.times)]
    return "\n".join(lines).rstrip() + "\n"


def _summary(article: Article) -> str:
    parts = [
        article.outlet or "unknown outlet",
        f"language {article.language or '?'}",
        f"published {article.published or 'unknown'}",
    ]
    if article.dateline_place:
        parts.append(f"filed from {article.dateline_place}")
    parts.append(f"{len(article.sentences)} sentences")
    removed = Counter(r.kind for r in article.removed)
    if removed:
        parts.append("removed " + ", ".join(f"{n} {kind}" for kind, n in sorted(removed.items())))
    return " · ".join(parts)


def _section(title: str, items: list[Any], fmt: Any) -> list[str]:
    out = [f"{title} ({len(items)})"]
    for item in items:
        out += ["  " + line for line in fmt(item)]
    return [*out, ""]


def _ref(ref: ActorRef | None) -> str:
    if ref is None:
        return "—"
    tags = " ".join(x for x in (ref.country, ref.sector) if x)
    return f"{ref.name} ({tags})" if tags else ref.name


def _event_lines(event: Event) -> list[str]:
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    head = f"{event.status:<12} {kind:<22} {_ref(event.source)} → {_ref(event.target)}"
    details = [f"CAMEO {event.cameo}" if event.cameo else None]
    if event.date:
        details.append(f"on {event.date}")
    if event.place:
        details.append(
            f"at {event.place.name}" + (f" ({event.place.country})" if event.place.country else "")
        )
    if event.attributed_to:
        details.append(f"according to {_ref(event.attributed_to)}")
    if event.confirmed_by:
        details.append(f"confirmed by {_ref(event.confirmed_by)}")
    lines = [head, "  " + " · ".join(d for d in details if d)]
    lines.append(f"  evidence [{event.start}:{event.end}]: {_clip(event.sentence, 160)}")
    if len(event.mentions) > 1:
        lines.append(f"  {len(event.mentions)} mentions in this article")
    return lines


def _quote_lines(quote: Quote, text: str) -> list[str]:
    kind = "direct" if quote.direct else "indirect"
    who = quote.speaker_name or "unknown speaker"
    written = _written_speaker(quote, text)
    if written:
        who += f", as “{written}”"
    extra = ", ".join(x for x in (quote.role, quote.affiliation) if x)
    return [
        f"“{_clip(quote.text, 140)}”",
        f"  — {who}" + (f" ({extra})" if extra else "") + f" · {kind}",
    ]


def _written_speaker(quote: Quote, text: str) -> str | None:
    """How the article names the speaker, when no word of it is in the actor's name: a
    metonym ("Kremlin" for Russia, "Gedung Putih" for the United States), not a short
    form ("Peskov")."""
    if quote.speaker_name is None or quote.speaker_start is None or quote.speaker_end is None:
        return None
    written = text[quote.speaker_start : quote.speaker_end]
    if set(written.casefold().split()) & set(quote.speaker_name.casefold().split()):
        return None
    return written


def _actor_lines(actor: Actor) -> list[str]:
    tags = " ".join(x for x in (actor.country, actor.sector) if x) or "?"
    role = f" · {actor.role}" if actor.role else ""
    n = len(actor.mentions)
    return [f"{actor.name:<28} {tags:<10} {actor.kind}{role} · {n} mention{'s' if n != 1 else ''}"]


def _entities(article: Article) -> list[str]:
    by_type: dict[str, Counter[str]] = {}
    for e in article.entities:
        by_type.setdefault(e.type, Counter())[e.text] += 1
    out = [f"Entities ({len(article.entities)})"]
    for etype in sorted(by_type):
        names = ", ".join(
            f"{n}" + (f" ×{c}" if c > 1 else "") for n, c in by_type[etype].most_common()
        )
        out.append(f"  {etype}: {names}")
    return out


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
