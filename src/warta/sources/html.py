"""HTML pages -> Article: trafilatura finds the main text and the page's metadata (title,
date, site name, canonical URL); Warta's own clean stage then removes what trafilatura
keeps (``Baca Juga`` promos, the ``Tinggalkan Balasan`` comment header)."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

from warta.article import Article
from warta.errors import EmptyInput, EncodingError, MalformedInput, TooLarge
from warta.sources.text import MAX_BYTES, decode

_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_FULL_DOCUMENT = re.compile(
    r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)
_DOCUMENT_END = re.compile(r"</(html|body)\s*>", re.IGNORECASE)
_OPEN_TAG_AT_END = re.compile(r"<[a-zA-Z!/][^>]*$")


def read_html_file(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Article:
    p = Path(path)
    size = p.stat().st_size
    if size > max_bytes:
        raise TooLarge(f"{p}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB page limit")
    return from_html(decode_html(p.read_bytes(), name=str(p)), path=str(p))


def decode_html(data: bytes, *, name: str, charset: str | None = None) -> str:
    """UTF-8, else the charset the page (or its HTTP header) declares."""
    try:
        return decode(data, name=name)
    except EncodingError:
        declared = charset or _declared_charset(data)
        if not declared:
            raise
        return decode(data, name=name, encoding=declared)


def _declared_charset(data: bytes) -> str | None:
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def from_html(html: str, *, path: str | None = None, url: str | None = None) -> Article:
    """The page's main text and metadata; the text still goes through the clean stage."""
    name = path or url or "<html>"
    check_complete(html, name=name)
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise EmptyInput(f"{name}: no article text found in the page")
    return Article(
        raw=text,
        path=path,
        url=doc.url or url,  # type: ignore[union-attr]
        title=doc.title,  # type: ignore[union-attr]
        outlet=doc.sitename,  # type: ignore[union-attr]
        published=doc.date,  # type: ignore[union-attr]
        meta={"format": "html"},
    )


def check_complete(html: str, *, name: str) -> None:
    """Refuse a page cut off in transfer, whose last paragraphs would silently be missing.

    A page that opens as a full document but never reaches ``</body>`` or ``</html>``
    (optional in HTML5 but written by every news CMS), or that ends inside a tag, was
    truncated: a crawler's size limit, a dropped connection, a disk full.
    """
    tail = html[-2048:]
    if _OPEN_TAG_AT_END.search(tail.rstrip()):
        raise MalformedInput(f"{name}: truncated HTML (ends inside a tag)")
    if _FULL_DOCUMENT.match(html[:4096]) and not _DOCUMENT_END.search(html):
        raise MalformedInput(f"{name}: truncated HTML (no </body> or </html>)")


_BLOCK = re.compile(r"<\s*(br|/p|/div|/h[1-6]|/li|/blockquote|/tr)\b[^>]*>", re.IGNORECASE)


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), one paragraph per line."""
    if "<" not in fragment:
        return fragment
    marked = _BLOCK.sub("\n", fragment)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", marked)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())
