"""An article's cleaned text, for the chat's citation links.

Corpus files are never served themselves: an uploaded .html page opened from the chat's own
address could run its script there. The link opens the cleaned text every citation's offsets
point into, as plain text no browser will run.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from fastapi import Request  # resolved by FastAPI from this module's globals
from fastapi.responses import PlainTextResponse

from .qa import QA


def link(source: str, article_id: str) -> str:
    """A web address as it is; anything else opens the article's cleaned text (`add_article_view`),
    never the file itself: an uploaded .html page must not run on the chat's own address."""
    if re.match(r"^https?://", source, re.I):
        return source
    return f"/article/{quote(article_id, safe='')}"


# The cleaned text of an article as plain text that nothing can turn into a page: no sniffing,
# and a sandbox with no sources in case a browser renders it anyway.
_PLAIN = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
}


def add_article_view(server: Any, qa: QA) -> None:
    def article(article_id: str, request: Request) -> PlainTextResponse:
        if not _signed_in(server, request):
            return PlainTextResponse("sign in to the chat first", 401, headers=_PLAIN)
        a = qa.searcher.index.articles.get(article_id)
        if a is None:
            return PlainTextResponse(f"no article {article_id!r}", 404, headers=_PLAIN)
        head = f"{a.title}\n{a.outlet or 'unknown outlet'} · {a.published or 'undated'}\n\n"
        return PlainTextResponse(head + a.body, headers=_PLAIN)

    server.add_api_route("/article/{article_id:path}", article, methods=["GET"])


def _signed_in(server: Any, request: Request) -> bool:
    """Gradio's own rule for its routes: no login configured, or a valid session cookie."""
    if server.auth is None:
        return True
    token = request.cookies.get(f"access-token-{server.cookie_id}") or request.cookies.get(
        f"access-token-unsecure-{server.cookie_id}"
    )
    return server.tokens.get(token) is not None
