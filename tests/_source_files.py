"""Input files of each format, written into a test's tmp_path."""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

STORIES = [
    "JAKARTA - Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Australia di Canberra"
    " untuk membahas kerja sama maritim dan keamanan kawasan Indo-Pasifik.",
    "MANILA - Pemerintah Filipina memprotes tindakan kapal penjaga pantai China yang"
    " menembakkan meriam air ke kapal pemasok di perairan Laut China Selatan.",
    "BANGKOK - Para menteri ASEAN mendesak junta Myanmar menghentikan kekerasan dan membuka"
    " akses bantuan kemanusiaan bagi warga yang mengungsi di wilayah perbatasan.",
]


def page(title: str, body: str, *, date: str = "2023-09-13") -> str:
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{title}</title><meta property='og:site_name' content='Warta Contoh'>"
        f"<meta property='article:published_time' content='{date}T08:00:00+07:00'>"
        f"</head><body><article><h1>{title}</h1><p>{body}</p>"
        f"<p>{body.split(' - ', 1)[1]}</p></article></body></html>"
    )


def write_feed(path: Path) -> Path:
    items = "".join(
        f"<item><title>Berita {i}</title><link>https://contoh.id/{i}</link>"
        f"<pubDate>Wed, 13 Sep 2023 0{i}:00:00 +0700</pubDate>"
        f"<description><![CDATA[<p>{story}</p>]]></description></item>"
        for i, story in enumerate(STORIES)
    )
    path.write_text(
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>Warta Contoh</title><link>https://contoh.id</link>{items}</channel></rss>",
        encoding="utf-8",
    )
    return path


def warc_bytes(*, gzip: bool = False, stories: list[str] = STORIES) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for i, story in enumerate(stories):
        body = page(f"Judul {i}", story).encode("utf-8")
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://contoh.id/{i}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buf.getvalue()


def write_warc(path: Path, *, gzip: bool = False, corrupt: int | None = None) -> Path:
    """A WARC of STORIES; ``corrupt`` breaks that record's header (or gzip member)."""
    data = warc_bytes(gzip=gzip)
    if corrupt is not None:
        marker = b"\x1f\x8b\x08" if gzip else b"WARC/1."
        at = -1
        for _ in range(corrupt + 1):
            at = data.index(marker, at + 1)
        cut = at + (20 if gzip else 0)
        data = data[:cut] + b"GARBAGE-GARBAGE-GARBAGE-GARBAGE" + data[cut + 31 :]
    path.write_bytes(data)
    return path


def write_jsonl(path: Path, *, bad_line: int | None = None) -> Path:
    lines = [
        json.dumps(
            {
                "text": s,
                "url": f"https://contoh.id/j{i}",
                "title": f"J {i}",
                "outlet": "Contoh",
                "published": "2023-09-13",
                "language": "id",
            },
            ensure_ascii=False,
        ).encode("utf-8")
        for i, s in enumerate(STORIES)
    ]
    if bad_line is not None:
        lines[bad_line] = json.dumps({"text": "Berita dengan é"}, ensure_ascii=False).encode(
            "latin-1"
        )
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path
