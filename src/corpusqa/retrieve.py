"""Hybrid retrieval: dense (FAISS) and BM25 candidates, fused, re-scored by their best sentence.

1. Filters (outlets, date range) make a mask applied inside both searches, so the result is the
   best k among matching articles, not the best k overall filtered afterwards.
2. Reciprocal rank fusion of the two candidate lists, then a recency prior: a fused score is
   multiplied by 0.5 + 0.5 exp(-days / recency_days), days counted between the article and the
   question's date (by default the newest article's), so newer reporting wins when relevance is
   close. Undated articles and corpora without dates are left as they are.
3. A second stage (`sentences.Reranker`) scores each sentence of the top candidates against the
   question, densely (sentence vectors stored with the index) and lexically (IDF-weighted
   coverage of the question's terms).
4. Diversity: at most `per_article` passages from one article, overlapping spans never twice.

Fusion, recency and diversity are pure functions over (row, score) lists; `Searcher.search`
runs them in that order.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date
from typing import get_args

import numpy as np

from . import dense
from .embed import Embedder
from .errors import FilterError
from .filters import NONE, Catalog, Filters, check_filters, recency
from .index import Index
from .records import Chunk, Evidence, Passage, Span
from .sentences import Ranked, Reranker, SentenceScorer
from .settings import Retrieval
from .tuning import EVIDENCE_DENSE, EVIDENCE_LEXICAL, EVIDENCE_RANK, RRF_K

log = logging.getLogger(__name__)

MODES = get_args(Retrieval)


class Searcher:
    """An index and the model, loaded once; sentence vectors are cached across questions."""

    def __init__(
        self, index: Index, embedder: Embedder, cache_size: int = 50_000, recency_days: float = 0.0
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.recency_days = recency_days
        self._catalog = Catalog.of(index.outlets, index.published)
        self._days = self._catalog.day[index.chunk_article]  # per chunk, for the recency prior
        dated = self._days[~np.isnan(self._days)]
        # The corpus's own "today": the recency prior and "this week" count from it when a
        # question gives no date. Found once, not at every search.
        self.newest = date.fromordinal(int(dated.max())).isoformat() if len(dated) else None
        self._outlets = sorted({o for o in index.outlets if o})
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.scorer = SentenceScorer(index, embedder, cache_size)
        self.reranker = Reranker(self.scorer)

    def query_vector(self, query: str) -> np.ndarray:
        """The question's vector; `ask` needs it again right after `search`, so keep a few."""
        with self._lock:
            vec = self._queries.get(query)
        if vec is None:
            vec = self.embedder.encode_query(query)
            with self._lock:
                self._queries[query] = vec
                while len(self._queries) > 64:
                    self._queries.popitem(last=False)
        return vec

    def mask(self, filters: Filters) -> np.ndarray | None:
        """Which chunks pass the filters; None when there are none."""
        if not filters:
            return None
        mask: np.ndarray = self._catalog.allowed(filters)[self.index.chunk_article]
        return mask

    def outlets(self) -> list[str]:
        return list(self._outlets)

    def search(
        self,
        query: str,
        k: int = 5,
        filters: Filters = NONE,
        mode: str = "hybrid",
        candidates: int = 100,
        per_article: int = 2,
    ) -> list[Passage]:
        if filters or filters.as_of:
            check_filters(filters, self.outlets())
        mask = self.mask(filters)
        if mask is not None and not mask.any():
            log.info("no article matches %s", filters)
            return []
        if mode not in MODES:
            raise FilterError(f"retrieval mode {mode!r}: use one of {', '.join(MODES)}")
        qvec = self.query_vector(query)
        lists = []
        if mode != "bm25":
            lists.append(self._dense(qvec, candidates, mask))
        if mode != "dense":
            lists.append(self._bm25(query, candidates, mask))
        fused = rrf(lists)
        if self.recency_days and fused:
            fused = with_recency(
                fused, self.recency(np.array([r for r, _ in fused]), filters.today)
            )
        if mode == "hybrid":
            fused = self.reranker.rank(query, qvec, fused)
        chosen = diversify(fused, self.index.chunks, k, per_article)
        return [self.passage(row, score) for row, score in chosen]

    def evidence(
        self, query: str, passages: Sequence[Passage], as_of: str | None = None
    ) -> list[Evidence]:
        """Every sentence of the passages, scored as an answer to the query, best first (a
        sentence in two overlapping passages once)."""
        qvec = self.query_vector(query)
        rows = np.array([self.index.row_of[p.chunk_id] for p in passages])
        recent = self.recency(rows, as_of) if self.recency_days else np.ones(len(rows))
        seen: set[tuple[str, int]] = set()
        out = []
        for rank, (p, row) in enumerate(zip(passages, rows, strict=True)):
            article = self.index.articles[p.article_id]
            for s in self.scorer.score(query, qvec, int(row)):
                if (s.article_id, s.span[0]) not in seen:
                    seen.add((s.article_id, s.span[0]))
                    score = (
                        EVIDENCE_DENSE * s.dense
                        + EVIDENCE_LEXICAL * s.lexical
                        - EVIDENCE_RANK * rank
                    )
                    out.append(Evidence(article, s.span, score, rank, recent=float(recent[rank])))
        return sorted(out, key=lambda e: -e.score)

    def recency(self, rows: np.ndarray, as_of: str | None = None) -> np.ndarray:
        """Each chunk's recency factor, from 1 (dated `as_of`) down to 0.5; 1 when undated."""
        return recency(self._days, rows, as_of or self.newest, self.recency_days)

    def _dense(self, qvec: np.ndarray, n: int, mask: np.ndarray | None) -> list[int]:
        return self.index.dense(qvec, n, mask)

    def _bm25(self, query: str, n: int, mask: np.ndarray | None) -> list[int]:
        scores = self.index.bm25(query)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        hit = np.flatnonzero(scores > 0)  # most chunks share no term with the question
        return [int(hit[i]) for i in dense.best(scores[hit], n)]

    def neighbours(self, passages: Sequence[Passage], top: int) -> list[Passage]:
        """The chunks just before and after each of the `top` best passages in their
        articles, that are not passages already: where the answer to a question about an
        article's story often sits, past the per-article limit of the search."""
        have = {p.chunk_id for p in passages}
        rows = [self.index.row_of[p.chunk_id] for p in passages[:top]]
        owner = self.index.chunk_article
        out = []
        for row in rows:
            for near in (row - 1, row + 1):
                if 0 <= near < len(owner) and owner[near] == owner[row]:
                    p = self.passage(near, 0.0)
                    if p.chunk_id not in have:
                        have.add(p.chunk_id)
                        out.append(p)
        return out

    def passage(self, row: int, score: float) -> Passage:
        c = self.index.chunks[row]
        a = self.index.articles[c.article_id]
        return Passage(
            text=c.text,
            score=round(float(score), 6),
            article_id=a.id,
            chunk_id=c.id,
            title=a.title,
            outlet=a.outlet,
            published=a.published,
            source=a.source,
            start=c.start,
            end=c.end,
        )


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
