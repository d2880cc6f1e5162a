"""The pure steps of a search over (row, score) lists: fusion, recency, diversity, and the
rows of one article. `retrieve.Searcher.search` runs them in that order."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .records import Chunk, Span
from .sentences import Ranked
from .tuning import RRF_K


def article_rows(owner: np.ndarray, row: int) -> list[int]:
    """Every row of `row`'s article: its chunks are rows next to each other (one segment)."""
    lo, hi = row, row
    while lo > 0 and owner[lo - 1] == owner[row]:
        lo -= 1
    while hi + 1 < len(owner) and owner[hi + 1] == owner[row]:
        hi += 1
    return list(range(lo, hi + 1))


def rrf(lists: list[list[int]], k: int = RRF_K) -> Ranked:
    """Reciprocal rank fusion: each list adds 1 / (k + rank) to a row's score."""
    scores: dict[int, float] = {}
    for ranked in lists:
        for rank, row in enumerate(ranked):
            scores[row] = scores.get(row, 0.0) + 1.0 / (k + rank + 1)
    return sorted(scores.items(), key=lambda x: -x[1])


def with_recency(ranked: Ranked, factors: np.ndarray) -> Ranked:
    """Each score times its row's recency factor, re-sorted."""
    scored = [(row, score * f) for (row, score), f in zip(ranked, factors, strict=True)]
    return sorted(scored, key=lambda x: -x[1])


def diversify(ranked: Ranked, chunks: Sequence[Chunk], k: int, per_article: int) -> Ranked:
    """The best k with at most `per_article` from one article and no two sharing most of their
    sentences; too few other articles, and the capped ones fill up after the rest, so that the
    first k' of k are what a search for k' returns."""
    chosen: Ranked = []
    skipped: Ranked = []
    count: dict[str, int] = {}
    made: dict[int, Chunk] = {}  # each chunk made once: a row of the index is made when read

    def chunk(row: int) -> Chunk:
        if row not in made:
            made[row] = chunks[row]
        return made[row]

    for row, score in ranked:
        article = chunk(row).article_id
        if any(_overlaps(chunk(row), chunk(other)) for other, _ in chosen):
            continue
        if count.get(article, 0) >= per_article:
            skipped.append((row, score))
            continue
        count[article] = count.get(article, 0) + 1
        chosen.append((row, score))
        if len(chosen) == k:
            break
    chosen.sort(key=lambda x: -x[1])
    extra: Ranked = []
    for row, score in skipped:
        if len(chosen) + len(extra) >= k:
            break
        if not any(_overlaps(chunk(row), chunk(other)) for other, _ in chosen + extra):
            extra.append((row, score))
    return chosen + extra


def _overlaps(x: Chunk, y: Chunk) -> bool:
    return (
        x.article_id == y.article_id
        and x.start < y.end
        and y.start < x.end
        and _shared(x.sentences, y.sentences) > len(x.sentences) // 2
    )


def _shared(a: tuple[Span, ...], b: tuple[Span, ...]) -> int:
    return len(set(a) & set(b))
