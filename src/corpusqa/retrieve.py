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

Fusion, recency and diversity are pure functions over (row, score) lists (`fusion.py`);
`Searcher.search` runs them in that order.
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
from .fusion import article_rows, diversify, rrf, with_recency
from .index import Index
from .keyword import names_in
from .records import Evidence, Passage
from .sentences import Reranker, SentenceScorer
from .settings import Retrieval
from .tuning import EVIDENCE_DENSE, EVIDENCE_LEXICAL, EVIDENCE_RANK, NAMED, NAMED_ARTICLES

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
        self._named: OrderedDict[str, list[int]] = OrderedDict()
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
        # The list is there to hold an old story against the recency prior: in a corpus
        # without dates (SciFact) it only moved abstracts naming "ALDH1" or "Alzheimer" up
        # (nDCG@10 0.720 -> 0.703). Dense or BM25 alone stay what they say.
        named = self.named(query, mask) if len(lists) > 1 and self.newest else []
        fused = rrf([*lists, named] if named else lists)
        if self.recency_days and fused:
            rows = np.array([r for r, _ in fused])
            fused = with_recency(fused, self.recency(rows, filters.today, named))
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
        named = self.named(query) if self.recency_days else []
        recent = self.recency(rows, as_of, named) if self.recency_days else np.ones(len(rows))
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

    def recency(
        self, rows: np.ndarray, as_of: str | None = None, named: Sequence[int] = ()
    ) -> np.ndarray:
        """Each chunk's recency factor, from 1 (dated `as_of`) down to 0.5; 1 when undated or
        `named` (a chunk with a rare name the question gives is the story asked about)."""
        factors = recency(self._days, rows, as_of or self.newest, self.recency_days)
        return np.where(np.isin(rows, named), 1.0, factors) if len(named) else factors

    def named(self, query: str, mask: np.ndarray | None = None) -> list[int]:
        """The chunks that hold a name the question gives and at most NAMED chunks or
        NAMED_ARTICLES articles hold ("Isaac Nauta"), best BM25 first: a name in a 2018 story
        has no meaning the dense model knows, and its one lexical rank is lost to recency and
        fusion otherwise."""
        if mask is not None:  # filtered: each filter has its own rows
            return self._find_named(query, mask)
        with self._lock:
            known = self._named.get(query)
        if known is None:
            known = self._find_named(query, None)
            with self._lock:  # `ask` asks twice: in the search and for its evidence
                self._named[query] = known
                while len(self._named) > 64:
                    self._named.popitem(last=False)
        return list(known)

    def _find_named(self, query: str, mask: np.ndarray | None) -> list[int]:
        rows: set[int] = set()
        for words in names_in(query):
            for start in range(len(words)):  # "Judge Alison Nathan", then "Alison Nathan"
                anywhere = np.logical_and.reduce([self.index.bm25(w) > 0 for w in words[start:]])
                has = anywhere & mask if mask is not None else anywhere
                if has.any():
                    # Rare in the corpus, not in a date window, where most names are; the
                    # articles counted only for a name in many chunks.
                    if has.sum() <= NAMED or self._stories(anywhere) <= NAMED_ARTICLES:
                        rows.update(np.flatnonzero(has).tolist())
                    break
        if not rows:
            return []
        scores = self.index.bm25(query)
        return sorted(rows, key=lambda r: -scores[r])

    def _stories(self, rows: np.ndarray) -> int:
        return len(np.unique(self.index.chunk_article[rows]))

    def _dense(self, qvec: np.ndarray, n: int, mask: np.ndarray | None) -> list[int]:
        return self.index.dense(qvec, n, mask)

    def _bm25(self, query: str, n: int, mask: np.ndarray | None) -> list[int]:
        scores = self.index.bm25(query)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        hit = np.flatnonzero(scores > 0)  # most chunks share no term with the question
        return [int(hit[i]) for i in dense.best(scores[hit], n)]

    def neighbours(self, passages: Sequence[Passage], top: int) -> list[Passage]:
        """The rest of the best passage's article, and the chunks just before and after each
        of the `top` best passages, that are not passages already: where the answer to a
        question about an article's story often sits, past the per-article limit of the
        search ("the missile flew above 65,000 feet" in the story's second chunk)."""
        have = {p.chunk_id for p in passages}
        rows = [self.index.row_of[p.chunk_id] for p in passages[:top]]
        owner = self.index.chunk_article
        near = [
            n for r in rows for n in (r - 1, r + 1) if 0 <= n < len(owner) and owner[n] == owner[r]
        ]
        out = []
        for row in near + (article_rows(owner, rows[0]) if rows else []):
            p = self.passage(row, 0.0)
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
