"""A loaded index version in memory, seen as one: the live chunks of all its segments in one
row space, their dense and BM25 search, and their sentence vectors (`build.py` writes them)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import dense, store
from .chunk import embed_text
from .keyword import Stats
from .records import Article, Chunk, SentenceTable
from .segment import Segment
from .settings import Settings

log = logging.getLogger(__name__)

__all__ = ["Index", "embed_text"]


@dataclass
class Index:
    """One loaded version: every live chunk has a row; row order is segment order."""

    folder: Path
    manifest: store.Manifest
    segments: list[Segment]
    articles: dict[str, Article] = field(init=False)
    chunks: list[Chunk] = field(init=False)
    sentences: SentenceTable | None = field(init=False)  # None in versions before them
    stats: Stats = field(init=False)  # BM25's statistics over every segment
    chunk_article: np.ndarray = field(init=False)
    row_of: dict[str, int] = field(init=False)  # chunk id -> row
    _live: list[np.ndarray] = field(init=False)  # per segment: its rows that are live
    _rows: list[np.ndarray] = field(init=False)  # per segment: each local row's row, or -1

    def __post_init__(self) -> None:
        self.articles, self.chunks, self._live, self._rows = {}, [], [], []
        for seg in self.segments:
            gone = set(self.manifest.deleted.get(seg.name, ()))
            self.articles.update((a.id, a) for a in seg.articles if a.id not in gone)
            keep = [i for i, c in enumerate(seg.chunks) if c.article_id not in gone]
            rows = np.full(len(seg.chunks), -1, dtype=np.int64)
            rows[keep] = np.arange(len(self.chunks), len(self.chunks) + len(keep))
            self._live.append(np.array(keep, dtype=np.int64))
            self._rows.append(rows)
            self.chunks += [seg.chunks[i] for i in keep]
        self.sentences = _sentences(self.segments, self._live, int(self.manifest.dim))
        self.stats = Stats.of([seg.keywords for seg in self.segments])
        order = {aid: i for i, aid in enumerate(self.articles)}
        self.chunk_article = np.array([order[c.article_id] for c in self.chunks], dtype=np.int64)
        self.row_of = {c.id: i for i, c in enumerate(self.chunks)}

    @classmethod
    def load(cls, settings: Settings) -> Index:
        v = store.load(settings.index_dir, settings.fingerprint())
        return cls(v.folder, v.manifest, v.segments)

    def dense(self, qvec: np.ndarray, n: int, mask: np.ndarray | None = None) -> list[int]:
        """The rows of the `n` live chunks nearest `qvec` among those `mask` allows."""
        found: list[tuple[float, int]] = []
        for seg, rows in zip(self.segments, self._rows, strict=True):
            allowed = None
            if mask is not None:
                allowed = np.zeros(len(rows), dtype=bool)
                live = rows >= 0
                allowed[live] = mask[rows[live]]
            elif (rows < 0).any():
                allowed = rows >= 0  # deleted chunks are never found
            for local, score in dense.search(seg.vectors, qvec, n, allowed):
                found.append((score, int(rows[local])))
        return [row for _, row in sorted(found, key=lambda f: (-f[0], f[1]))[:n]]

    def bm25(self, query: str) -> np.ndarray:
        """BM25 score of every live chunk, with the whole index's statistics."""
        parts = [seg.keywords.scores(query, self.stats)[live] for seg, live in self.parts()]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)

    def idf(self, term: str) -> float:
        """A term's inverse document frequency over the index (one never seen: the rarest)."""
        return self.stats.idf(max(self.stats.df(term), 1))

    def vectors(self) -> np.ndarray:
        """Every live chunk's vector, row for row."""
        parts = [_read(seg.vectors, live) for seg, live in self.parts()]
        dim = int(self.manifest.dim)
        return np.vstack(parts) if parts else np.zeros((0, dim), dtype=np.float32)

    def parts(self) -> list[tuple[Segment, np.ndarray]]:
        """Each segment with its live rows."""
        return list(zip(self.segments, self._live, strict=True))

    def is_current(self, settings: Settings) -> bool:
        # Asked before every question: the pointer alone when it names this version; the
        # manifest and file checks only when it names another (a new or a damaged one).
        if store.current(settings.index_dir) == self.folder:
            return True
        return store.usable(settings.index_dir)[0] == self.folder

    def texts(self) -> list[str]:
        return [embed_text(self.articles[c.article_id], c) for c in self.chunks]


def _read(vectors: Any, rows: np.ndarray) -> np.ndarray:
    if not len(rows):
        return np.zeros((0, vectors.d), dtype=np.float32)
    return np.asarray(vectors.reconstruct_batch(rows), dtype=np.float32)


def _sentences(segments: list[Segment], live: list[np.ndarray], dim: int) -> SentenceTable | None:
    """One table over the segments' sentence vectors: rows renumbered past the segments
    before, the vectors left where they are (memory-mapped)."""
    if any(seg.sentences is None for seg in segments):
        return None
    rows: list[tuple[int, ...]] = []
    arrays, offset = [], 0
    for seg, keep in zip(segments, live, strict=True):
        table = seg.sentences
        assert table is not None
        rows += [tuple(offset + r for r in table.rows[i]) for i in keep]
        arrays.append(table.vectors)
        offset += len(table.vectors)
    if len(arrays) < 2:
        return SentenceTable(tuple(rows), arrays[0] if arrays else np.zeros((0, dim), np.float16))
    return SentenceTable(tuple(rows), Stacked(arrays))


class Stacked:
    """Arrays read as one along their first axis, without copying them together."""

    def __init__(self, arrays: list[Any]) -> None:
        self.arrays = arrays
        self.starts = np.cumsum([0] + [len(a) for a in arrays])
        self.shape = (int(self.starts[-1]), *arrays[0].shape[1:])

    def __len__(self) -> int:
        return int(self.shape[0])

    def __getitem__(self, rows: Any) -> np.ndarray:
        rows = np.asarray(rows, dtype=np.int64).reshape(-1)
        which = np.searchsorted(self.starts, rows, side="right") - 1
        out = np.zeros((len(rows), *self.shape[1:]), dtype=self.arrays[0].dtype)
        for k in np.unique(which):
            pick = which == k
            out[pick] = self.arrays[k][rows[pick] - self.starts[k]]
        return out

    def __array__(self, dtype: Any = None) -> np.ndarray:
        return np.asarray(self[np.arange(len(self))], dtype=dtype)
