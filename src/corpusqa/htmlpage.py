"""The readable text of a saved web page, block by block, and the metadata its head declares."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class PageText(HTMLParser):
    """Block text of a page; scripts, styles, navigation, forms and figures are left out."""

    SKIP = {
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "figure",
        "figcaption",
        "button",
        "svg",
        "template",
        "iframe",
        "select",
    }
    BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "article",
        "tr",
        "pre",
        "time",
        "address",
    }
    META = {
        "og:title": "title",
        "og:site_name": "outlet",
        "article:published_time": "published",
        "author": "byline",
        "og:url": "url",
        "date": "published",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.meta: dict[str, str] = {}
        self._buf: list[str] = []
        self._skip = 0
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = self.META.get(a.get("property") or a.get("name") or "")
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"]
        elif tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self._flush()
        if tag in {"title", "h1"}:
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCK or tag == "title":
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.meta.setdefault("page_title", data.strip())
        elif not self._skip:
            if self._in == "h1" and data.strip():
                self.meta.setdefault("title", data.strip())
            self._buf.append(data)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._buf)).strip()
        if text:
            self.lines.append(text)
        self._buf = []
        self._in = None

    def close(self) -> None:
        super().close()
        self._flush()
        self.meta.setdefault("title", self.meta.get("page_title", ""))
