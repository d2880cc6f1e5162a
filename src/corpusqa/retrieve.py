"""Hybrid retrieval: dense (FAISS) and BM25 candidates, fused, re-scored by their best sentence.

1. Filters (outlets, date range) make a mask applied inside both searches, so the result is the
   best k among matching articles, not the best k overall filtered afterwards.
2. Reciprocal rank fusion of the two candidate lists, then a recency prior: a fused score is
   multiplied by 0.5 + 0.5 exp(-days / recency_days), days counted between the article and the
   question's date (by default the newest article's), so newer reporting wins when relevance is
   close. Undated articles and corpora without dates are left as they are.
3. A second stage scores each sentence of the top candidates against the question, densely
   (sentence embeddings, cached) and lexically (IDF-weighted coverage of the question's terms).
4. Diversity: at most `per_article` passages from one article, overlapping spans never twice.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import get_args

import numpy as np

from .embed import Embedder
from .errors import FilterError
from .filters import NONE, Filters, check_filters, chunk_days, matches, recency
from .index import Index
from .keyword import terms
from .records import Passage, Span
from .settings import Retrieval

log = logging.getLogger(__name__)

RRF_K = 60
# Chosen on SciFact's train split (benchmarks/tune.py, results/tune-scifact-train-only.json): the
# second stage moves nDCG@10 by under 0.001 there, deeper costs ~45 ms a candidate on 2 cores,
# and `ask` needs the sentence vectors of the top passages anyway (they stay cached).
RERANK = 10
WEIGHTS = {"fused": 0.7, "sentence": 0.2, "lexical": 0.1}
MODES = get_args(Retrieval)


@dataclass(frozen=True)
class Scored:
    """A sentence of a candidate chunk with its scores against the question."""

    article_id: str
    span: Span
    dense: float
    lexical: float


class Searcher:
    """An index and the model, loaded once; sentence vectors are cached across questions."""

    def __init__(self, index: Index, embedder: Embedder, cache_size: int = 50_000,
                 recency_days: float = 0.0) -> None:
        self.index = index
        self.embedder = embedder
        self.recency_days = recency_days
        self._days = chunk_days(index)
        self._cache: OrderedDict[tuple[str, int, int], np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._idf = _idf(index)
        self._rare = max(self._idf.values(), default=1.0)  # for words the index has never seen
        self.rerank = RERANK
        self.weights = dict(WEIGHTS)

    def query_vector(self, query: str) -> np.ndarray:
        """The question's vector; `ask` needs it again right after `search`, so keep a few."""
        with self._lock:
            vec = self._queries.get(query)
        if vec is None:
            vec = self.embedder.encode([query])[0]
            with self._lock:
                self._queries[query] = vec
                while len(self._queries) > 64:
                    self._queries.popitem(last=False)
        return vec

    def mask(self, filters: Filters) -> np.ndarray | None:
        """Which chunks pass the filters; None when there are none."""
        if not filters:
            return None
        ix = self.index
        allowed = [matches(a.outlet, a.published, filters) for a in ix.articles.values()]
        return np.array(allowed, dtype=bool)[ix.chunk_article]

    def outlets(self) -> list[str]:
        return sorted({a.outlet for a in self.index.articles.values() if a.outlet})

    def search(self, query: str, k: int = 5, filters: Filters = NONE, mode: str = "hybrid",
               candidates: int = 100, per_article: int = 2) -> list[Passage]:
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
        fused = self._recent(_rrf(lists), filters.today)
        if mode == "hybrid":
            fused = self._rescore(query, qvec, fused)
        return self._diverse(fused, k, per_article)

    def recency(self, rows: np.ndarray, as_of: str | None = None) -> np.ndarray:
        """Each chunk's recency factor, from 1 (dated `as_of`) down to 0.5; 1 when undated."""
        return recency(self._days, rows, as_of, self.recency_days)

    def _recent(self, ranked: list[tuple[int, float]], as_of: str | None
                ) -> list[tuple[int, float]]:
        if not ranked or not self.recency_days:
            return ranked
        factors = self.recency(np.array([row for row, _ in ranked]), as_of)
        scored = [(row, score * f) for (row, score), f in zip(ranked, factors, strict=True)]
        return sorted(scored, key=lambda x: -x[1])

    def _dense(self, qvec: np.ndarray, n: int, mask: np.ndarray | None) -> list[int]:
        import faiss

        params = None
        if mask is not None:
            selector = faiss.IDSelectorBatch(np.flatnonzero(mask))
            params = faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]
        n = min(n, self.index.faiss.ntotal)
        if n == 0:
            return []
        _, ids = self.index.faiss.search(qvec[None, :].astype(np.float32), n, params=params)
        return [int(i) for i in ids[0] if i >= 0]

    def _bm25(self, query: str, n: int, mask: np.ndarray | None) -> list[int]:
        scores = self.index.keywords.scores(query)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        top = np.argsort(-scores, kind="stable")[:n]
        return [int(i) for i in top if scores[i] > 0]

    def _rescore(self, query: str, qvec: np.ndarray, fused: list[tuple[int, float]]
                 ) -> list[tuple[int, float]]:
        head, tail = fused[: self.rerank], fused[self.rerank :]
        if not head:
            return fused
        top = head[0][1]
        rescored = []
        w = self.weights
        for row, score in head:
            scored = self.sentences(query, qvec, row, dense=w["sentence"] > 0)
            best = max(scored, key=lambda s: w["sentence"] * s.dense + w["lexical"] * s.lexical)
            value = (w["fused"] * score / top + w["sentence"] * best.dense
                     + w["lexical"] * best.lexical)
            rescored.append((row, value))
        rescored.sort(key=lambda x: -x[1])
        floor = rescored[-1][1]
        return rescored + [(row, floor * s / top) for row, s in tail]

    def sentences(self, query: str, qvec: np.ndarray, row: int, dense: bool = True
                  ) -> list[Scored]:
        """Every sentence of a chunk scored against the question (`dense=False`: words only)."""
        chunk = self.index.chunks[row]
        body = self.index.articles[chunk.article_id].body
        spans = list(chunk.sentences)
        cosines = (self.sentence_vectors(chunk.article_id, spans) @ qvec if dense
                   else np.zeros(len(spans)))
        qterms = terms(query)
        return [
            Scored(chunk.article_id, span, float(cos),
                   self.coverage(qterms, terms(body[span[0]:span[1]])))
            for span, cos in zip(spans, cosines, strict=True)
        ]

    def coverage(self, qterms: list[str], sterms: list[str]) -> float:
        """IDF-weighted share of the question's terms that the sentence contains."""
        if not qterms:
            return 0.0
        weights = {t: self._idf.get(t, self._rare) for t in qterms}
        have = set(sterms)
        return sum(w for t, w in weights.items() if t in have) / sum(weights.values())

    def sentence_vectors(self, article_id: str, spans: list[Span]) -> np.ndarray:
        body = self.index.articles[article_id].body
        keys = [(article_id, s, e) for s, e in spans]
        # Chat requests run concurrently: the cache is read and written under a lock, and the
        # answer is built from what this call found, whatever other calls evict meanwhile.
        with self._lock:
            found = {k: self._cache[k] for k in keys if k in self._cache}
        missing = [k for k in keys if k not in found]
        if missing:
            fresh = self.embedder.encode([body[s:e] for _, s, e in missing])
            found.update(zip(missing, fresh, strict=True))
            with self._lock:
                self._cache.update(zip(missing, fresh, strict=True))
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return np.array([found[k] for k in keys], dtype=np.float32).reshape(len(keys), -1)

    def _diverse(self, ranked: list[tuple[int, float]], k: int, per_article: int
                 ) -> list[Passage]:
        chosen: list[tuple[int, float]] = []
        skipped: list[tuple[int, float]] = []
        count: dict[str, int] = {}
        for row, score in ranked:
            chunk = self.index.chunks[row]
            if any(self._overlaps(row, other) for other, _ in chosen):
                continue
            if count.get(chunk.article_id, 0) >= per_article:
                skipped.append((row, score))
                continue
            count[chunk.article_id] = count.get(chunk.article_id, 0) + 1
            chosen.append((row, score))
            if len(chosen) == k:
                break
        chosen.sort(key=lambda x: -x[1])
        # Too few other articles: fill up from the capped ones rather than return fewer, after
        # the rest, so that the first k' of k passages are those a search for k' returns.
        extra: list[tuple[int, float]] = []
        for row, score in skipped:
            if len(chosen) + len(extra) >= k:
                break
            if not any(self._overlaps(row, other) for other, _ in chosen + extra):
                extra.append((row, score))
        return [self.passage(row, score) for row, score in chosen + extra]

    def _overlaps(self, a: int, b: int) -> bool:
        x, y = self.index.chunks[a], self.index.chunks[b]
        return x.article_id == y.article_id and x.start < y.end and y.start < x.end \
            and _shared(x.sentences, y.sentences) > len(x.sentences) // 2

    def passage(self, row: int, score: float) -> Passage:
        c = self.index.chunks[row]
        a = self.index.articles[c.article_id]
        return Passage(text=c.text, score=round(float(score), 6), article_id=a.id, chunk_id=c.id,
                       title=a.title, outlet=a.outlet, published=a.published, source=a.source,
                       start=c.start, end=c.end)


def _shared(a: tuple[Span, ...], b: tuple[Span, ...]) -> int:
    return len(set(a) & set(b))


def _rrf(lists: list[list[int]]) -> list[tuple[int, float]]:
    scores: dict[int, float] = {}
    for ranked in lists:
        for rank, row in enumerate(ranked):
            scores[row] = scores.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
    return sorted(scores.items(), key=lambda x: -x[1])


def _idf(index: Index) -> dict[str, float]:
    bm25 = index.keywords.bm25
    if bm25 is None:
        return {}
    indptr = bm25.scores["indptr"]  # type: ignore[attr-defined]
    n = max(index.keywords.size, 1)
    return {
        term: math.log(1 + (n - df + 0.5) / (df + 0.5))
        for term, tid in bm25.vocab_dict.items()  # type: ignore[attr-defined]
        if tid + 1 < len(indptr) and (df := int(indptr[tid + 1] - indptr[tid])) > 0
    }
