"""Sentences with their character spans, packed into overlapping chunks.

Chunk boundaries always fall between sentences, so a chunk's sentences can be scored and quoted
whole, and every span points into `Article.body`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .records import Article, Chunk, Span

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "capt",
    "sgt",
    "jr",
    "sr",
    "inc",
    "co",
    "corp",
    "ltd",
    "vs",
    "etc",
    "no",
    "mt",
    "ft",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "rev",
    "maj",
    "adm",
    "cmdr",
    "u.s",
    "u.k",
    "e.u",
    "u.n",
    "a.m",
    "p.m",
    "fig",
    "approx",
    "dept",
    "est",
    "pres",
    "brig",
    "cpl",
    "pvt",
    "spc",
    "det",
    "supt",
    "insp",
    "atty",
    "hon",
    "msgr",
    "fr",
}
# An end mark, any closing quotes or brackets, white space, then something that can start one.
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")


def sentence_spans(text: str, offset: int = 0) -> list[Span]:
    """Sentence spans of `text`, shifted by `offset`; paragraphs (blank lines) always split."""
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start = para.start()
        for m in _BOUNDARY.finditer(para.group()):
            end = para.start() + m.end()
            if _is_abbreviation(text, end, m.group()):
                continue
            spans.append((start, end))
            start = end + _spaces(text, end)
        if start < para.end():
            spans.append((start, para.end()))
    return [(offset + s, offset + e) for s, e in spans if text[s:e].strip()]


_BLANKS = re.compile(r"[ \t]*")
_LAST_WORD = re.compile(r"([\w.]+)$")
# Only this much text before a full stop is read: a longer word is no abbreviation or initial,
# and reading back to the start of the article at every sentence end made splitting quadratic.
_LOOK_BACK = 64


def _spaces(text: str, at: int) -> int:
    return _BLANKS.match(text, at).end() - at  # type: ignore[union-attr]


def _is_abbreviation(text: str, end: int, mark: str) -> bool:
    """No sentence ends at "Mr.", "U.S.", an initial, or a "[...]" eliding words in a quote."""
    stop = end - len(mark)
    before = text[max(0, stop - _LOOK_BACK) : stop]
    if mark.endswith("]") and before.endswith("["):
        return True
    if not mark.startswith(".") or mark.startswith(".."):
        return False
    word = _LAST_WORD.search(before)
    if word is None:
        return False
    token = word.group(1).lower()
    # An initial, or initials written with stops ("J.B. Bickerstaff", "J.K. Rowling").
    initials = all(len(part) == 1 and part.isalpha() for part in token.split("."))
    return token in _ABBREVIATIONS or initials


def chunk_article(article: Article, max_words: int, overlap: int) -> list[Chunk]:
    spans = sentence_spans(article.body)
    return [
        Chunk(
            id=f"{article.id}#{i}",
            article_id=article.id,
            text=article.body[group[0][0] : group[-1][1]],
            start=group[0][0],
            end=group[-1][1],
            sentences=tuple(group),
        )
        for i, group in enumerate(_windows(article.body, spans, max_words, overlap))
    ]


def _windows(body: str, spans: list[Span], max_words: int, overlap: int) -> Iterator[list[Span]]:
    sizes = [len(body[s:e].split()) for s, e in spans]
    i = 0
    while i < len(spans):
        j, words = i, 0
        while j < len(spans) and (j == i or words + sizes[j] <= max_words):
            words += sizes[j]
            j += 1
        yield spans[i:j]
        if j >= len(spans):
            return
        i = max(i + 1, j - overlap)


def embed_text(article: Article, chunk: Chunk) -> str:
    """What the models see of a chunk: its headline gives it context."""
    return f"{article.title}\n{chunk.text}"


@lru_cache(maxsize=256)
def _spans(body: str) -> tuple[Span, ...]:
    return tuple(sentence_spans(body))


def previous_sentences(body: str, start: int, n: int = 3) -> list[str]:
    """The `n` sentences of `body` that end before `start`."""
    spans = [s for s in _spans(body) if s[1] <= start]
    return [body[s:e] for s, e in spans[-n:]]
