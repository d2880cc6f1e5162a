"""A corpus file's bytes as text: UTF-8, UTF-16 or a Windows code page, and neither binary
files nor files too big for a news corpus."""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from .errors import ArticleError

log = logging.getLogger(__name__)
MAX_BYTES = 50 * 1024 * 1024  # a file (a JSONL file holds many articles)


def read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(str(path), f"larger than {MAX_BYTES // 2**20} MiB")
        data = path.read_bytes()
    except OSError as e:  # unreadable, vanished, a dangling link: reported, the rest goes on
        raise ArticleError(str(path), f"cannot be read ({e.strerror or e})") from None
    return _decode(path, data)


def _decode(path: Path, data: bytes) -> str:
    """UTF-8, UTF-16 with its byte-order mark, or else Windows-1252/Latin-1 text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
            if not _CONTROL.search(text.encode("utf-8")):
                return text
        except UnicodeDecodeError:
            pass  # a byte-order mark on something that is not UTF-16: judged as bytes below
    if b"\x00" in data:
        raise ArticleError(str(path), "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if _CONTROL.search(data):
            raise ArticleError(str(path), f"not text (byte {e.start})") from None
    log.info("%s is not UTF-8; read as Windows-1252/Latin-1", path)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


_CONTROL = re.compile(rb"[\x01-\x08\x0b\x0e-\x1f\x7f]")
