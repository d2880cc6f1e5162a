"""The check every `[n]` marker passes before it is shown, whoever wrote the answer.

A marker stays only if its quote is verbatim at its span in the article and shares content, and
any person or place the clause names, with the clause it supports; the rest are dropped and the
survivors renumbered. `cite` makes a citation from an evidence sentence: its quote reaches
back to the sentence naming the speaker, and its context is the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .chunk import previous_sentences
from .keyword import compound_terms, terms
from .numerals import numbers
from .records import Article, Citation, Evidence, Span

MARKER = re.compile(r"\[(\d+)\]")


def verify(
    text: str, citations: Sequence[Citation], articles: Mapping[str, Article]
) -> tuple[str, list[Citation]]:
    """Drop every marker whose quote is not verbatim or does not support its clause; renumber."""
    by_n = {c.n: c for c in citations}
    kept: list[str] = []
    # A marker belongs to the clause before it, even after an abbreviation's dot ("p.m. [1]").
    for clause in re.split(r"(?<=[.;!?])\s+(?!\[\d+\])", text):
        bare = MARKER.sub("", clause)

        def check(m: re.Match[str], bare: str = bare) -> str:
            c = by_n.get(int(m.group(1)))
            return m.group() if c and _supported(bare, c, articles) else ""

        kept.append(MARKER.sub(check, clause))
    text = re.sub(r"\s+([.;,])", r"\1", " ".join(kept)).strip()
    order: list[int] = []
    for m in MARKER.finditer(text):
        if int(m.group(1)) not in order:
            order.append(int(m.group(1)))
    renumber = {old: new for new, old in enumerate(order, 1)}
    text = MARKER.sub(lambda m: f"[{renumber[int(m.group(1))]}]", text)
    fixed = [Citation(**{**c.__dict__, "n": renumber[c.n]}) for c in citations if c.n in renumber]
    return text, sorted(fixed, key=lambda c: c.n)


_NOT_NAMES = frozenset(
    "the also and secretary general minister president prime defence defense foreign chancellor "
    "spokesman spokeswoman spokesperson press chief director head deputy senior official "
    "ambassador envoy".split()
)


def _supported(clause: str, c: Citation, articles: Mapping[str, Article]) -> bool:
    article = articles.get(c.article_id)
    if article is None or article.body[c.start : c.end] != c.quote:
        return False
    # Numbers count as they are written inside words too: "118" is in "a 118-year old nun".
    claim = set(terms(clause)) | set(numbers(clause))
    quote = compound_terms(c.quote) | set(numbers(c.quote))
    if not claim & quote:
        return False
    names = {w for w in re.findall(r"\b[A-Z][a-z]{2,}\b", clause) if w.lower() not in _NOT_NAMES}
    # A named person or place in the clause must be in the quote, or the claim is not its own.
    # Titles do not count: "Secretary" would let a quote about one secretary back another.
    return not names or bool(
        {n.lower() for n in names} & {w.lower() for w in re.findall(r"\w+", c.quote)}
    )


def quote_span(e: Evidence) -> Span:
    """The cited span: the sentence, reaching back to the one naming the speaker if needed."""
    start, end = e.span
    surname = e.speaker  # in lower case
    if surname and surname not in e.text.lower():
        body = e.article.body
        for sentence in reversed(previous_sentences(body, start)):
            if surname in sentence.lower():
                return body.rfind(sentence, 0, start), end
    return start, end


def cite(n: int, article: Article, span: Span) -> Citation:
    body = article.body
    start, end = span
    para_start = body.rfind("\n\n", 0, start) + 2 if "\n\n" in body[:start] else 0
    para_end = body.find("\n\n", end)
    para_end = len(body) if para_end < 0 else para_end
    return Citation(
        n=n,
        article_id=article.id,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        source=article.source,
        quote=body[start:end],
        start=start,
        end=end,
        context=body[para_start:para_end],
        context_start=para_start,
    )
