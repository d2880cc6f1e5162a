"""Sentences scored against a question: one scorer for retrieval's second stage and for answers.

A sentence's score has two parts: the cosine of its vector with the question's (vectors are
embedded when the index is built, `SentencePlan`; an index written before that embeds them on
first sight and caches them) and the IDF-weighted share of the question's terms it contains.
`Reranker` re-scores retrieval's top candidates by their best sentence, like a cross-encoder's
`rank(query, documents)`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .keyword import terms
from .records import Chunk, SentenceTable, Span
from .tuning import RERANK, WEIGHTS

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from .embed import Embedder
    from .index import Index

Ranked = list[tuple[int, float]]  # (chunk row, score), best first


@lru_cache(maxsize=50_000)
def _terms(sentence: str) -> tuple[str, ...]:
    """A sentence's terms, stemmed once: the reranker and the evidence read the same ones."""
    return tuple(terms(sentence))


@dataclass(frozen=True)
class Scored:
    """A sentence of a candidate chunk with its scores against the question."""

    article_id: str
    span: Span
    dense: float
    lexical: float


class SentenceScorer:
    """Scores the sentences of an index's chunks; safe for concurrent requests."""

    def __init__(self, index: Index, embedder: Embedder, cache_size: int = 50_000) -> None:
        self.index = index
        self.embedder = embedder
        self._cache: OrderedDict[tuple[str, int, int], np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        # Every sentence scored asks for the question's terms' IDF again: a sum over segments.
        self._idf = lru_cache(maxsize=100_000)(index.idf)

    def score(self, query: str, qvec: np.ndarray, row: int, dense: bool = True) -> list[Scored]:
        """Every sentence of a chunk scored against the question (`dense=False`: words only)."""
        chunk = self.index.chunks[row]
        body = self.index.articles[chunk.article_id].body
        spans = list(chunk.sentences)
        cosines = self.chunk_vectors(row) @ qvec if dense else np.zeros(len(spans))
        qterms = terms(query)
        return [
            Scored(
                chunk.article_id,
                span,
                float(cos),
                self.coverage(qterms, _terms(body[span[0] : span[1]])),
            )
            for span, cos in zip(spans, cosines, strict=True)
        ]

    def coverage(self, qterms: Sequence[str], sterms: Sequence[str]) -> float:
        """IDF-weighted share of the question's terms that the sentence contains."""
        if not qterms:
            return 0.0
        weights = {t: self._idf(t) for t in qterms}
        have = set(sterms)
        return sum(w for t, w in weights.items() if t in have) / sum(weights.values())

    def chunk_vectors(self, row: int) -> np.ndarray:
        """The vectors of a chunk's sentences: from the index's table (embedded at build time),
        or embedded now and cached for an index written before tables existed."""
        table = self.index.sentences
        if table is not None:
            return np.asarray(table.vectors[list(table.rows[row])], dtype=np.float32)
        chunk = self.index.chunks[row]
        return self.vectors(chunk.article_id, list(chunk.sentences))

    def vectors(self, article_id: str, spans: list[Span]) -> np.ndarray:
        body = self.index.articles[article_id].body
        keys = [(article_id, s, e) for s, e in spans]
        # Chat requests run concurrently: the cache is read and written under a lock, and the
        # answer is built from what this call found, whatever other calls evict meanwhile.
        with self._lock:
            found = {k: self._cache[k] for k in keys if k in self._cache}
        missing = [k for k in keys if k not in found]
        if missing:
            fresh = self.embedder.encode_document([body[s:e] for _, s, e in missing])
            found.update(zip(missing, fresh, strict=True))
            with self._lock:
                self._cache.update(zip(missing, fresh, strict=True))
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return np.array([found[k] for k in keys], dtype=np.float32).reshape(len(keys), -1)


class Reranker:
    """The second stage: the first `depth` candidates re-scored by their best sentence."""

    def __init__(
        self, scorer: SentenceScorer, depth: int = RERANK, weights: Mapping[str, float] = WEIGHTS
    ) -> None:
        self.scorer = scorer
        self.depth = depth
        self.weights = dict(weights)

    def rank(
        self, query: str, qvec: np.ndarray, candidates: Ranked, top_n: int | None = None
    ) -> Ranked:
        """The candidates re-ordered (the first `top_n` of them); those below `depth` keep
        their order underneath."""
        if top_n is not None:
            return self.rank(query, qvec, candidates)[:top_n]
        head, tail = candidates[: self.depth], candidates[self.depth :]
        if not head:
            return candidates
        top = head[0][1]
        w = self.weights
        rescored = []
        for row, score in head:
            scored = self.scorer.score(query, qvec, row, dense=w["sentence"] > 0)
            best = max(scored, key=lambda s: w["sentence"] * s.dense + w["lexical"] * s.lexical)
            rescored.append(
                (
                    row,
                    w["fused"] * score / top
                    + w["sentence"] * best.dense
                    + w["lexical"] * best.lexical,
                )
            )
        rescored.sort(key=lambda x: -x[1])
        floor = rescored[-1][1]
        return rescored + [(row, floor * s / top) for row, s in tail]


Key = tuple[str, int, int]  # article id, sentence start, end


@dataclass(frozen=True)
class SentencePlan:
    """A new version's sentence table before its vectors: each distinct sentence once, and
    which of them an unchanged article brings from the old version."""

    rows: tuple[tuple[int, ...], ...]
    keys: tuple[Key, ...]
    reuse: dict[int, int]  # new row -> row in the old version's table
    old: SentenceTable | None
    missing: tuple[int, ...]  # the rows to embed: no vector to reuse

    @classmethod
    def of(
        cls,
        chunks: Sequence[Chunk],
        fresh: set[str],
        old_chunks: Sequence[Chunk],
        table: SentenceTable | None,
    ) -> SentencePlan:
        """`old_chunks` are the merged segments' chunks as the build already made them, row
        for row with `table`, their sentence vectors."""
        order: dict[Key, int] = {}
        rows = tuple(
            tuple(order.setdefault((c.article_id, s, e), len(order)) for s, e in c.sentences)
            for c in chunks
        )
        known = (
            {}
            if table is None
            else {
                (c.article_id, s, e): r
                for c, srows in zip(old_chunks, table.rows, strict=True)
                for (s, e), r in zip(c.sentences, srows, strict=True)
            }
        )
        reuse = {i: known[k] for k, i in order.items() if k[0] not in fresh and k in known}
        missing = tuple(i for i in range(len(order)) if i not in reuse)
        return cls(rows, tuple(order), reuse, table, missing)

    def table(
        self, bodies: Mapping[str, str], encode: Callable[[list[str]], np.ndarray], dim: int
    ) -> SentenceTable:
        vectors = np.zeros((len(self.keys), dim), dtype=np.float16)
        if self.reuse and self.old is not None:
            new, old = zip(*sorted(self.reuse.items()), strict=True)
            vectors[list(new)] = self.old.vectors[list(old)]
        if self.missing:
            texts = [bodies[a][s:e] for a, s, e in (self.keys[i] for i in self.missing)]
            vectors[list(self.missing)] = encode(texts)
        return SentenceTable(self.rows, vectors)
