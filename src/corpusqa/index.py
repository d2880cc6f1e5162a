"""A loaded index version in memory, seen as one: the live chunks of all its segments in one
row space, their dense and BM25 search, and their sentence vectors (`build.py` writes them)."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

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
    """One loaded version: every live chunk has a row; row order is segment order. Articles
    and chunks are read from their segments when asked for (`tables.py`)."""

    folder: Path
    manifest: store.Manifest
    segments: list[Segment]
    articles: Mapping[str, Article] = field(init=False)
    chunks: Sequence[Chunk] = field(init=False)
    outlets: list[str | None] = field(init=False)  # per article, in `articles` order
    published: list[str | None] = field(init=False)
    sentences: SentenceTable | None = field(init=False)  # None in versions before them
    stats: Stats = field(init=False)  # BM25's statistics over every segment
    chunk_article: np.ndarray = field(init=False)  # per row: its article's place in order
    row_of: Mapping[str, int] = field(init=False)  # chunk id -> row
    _live: list[np.ndarray] = field(init=False)  # per segment: its rows that are live
    _rows: list[np.ndarray] = field(init=False)  # per segment: each local row's row, or -1

    def __post_init__(self) -> None:
        self._live, self._rows, self.outlets, self.published = [], [], [], []
        where: dict[str, tuple[int, int]] = {}  # article id -> (segment, place in it)
        places, total = [], 0
        for k, seg in enumerate(self.segments):
            alive = _alive(seg.catalog["ids"], set(self.manifest.deleted.get(seg.name, ())))
            live = np.flatnonzero(alive)
            place = np.full(len(alive), -1, dtype=np.int64)
            place[live] = np.arange(len(where), len(where) + len(live))
            # Whole columns at once, not an article at a time (a million articles: 0.8 s).
            ids, outlets, published = (_pick(seg.catalog[c], live) for c in _COLUMNS)
            where.update(zip(ids, ((k, i) for i in live.tolist()), strict=True))
            self.outlets.extend(outlets)
            self.published.extend(published)
            keep = np.flatnonzero(alive[seg.chunk_article]).astype(np.int64)
            rows = np.full(len(seg.chunks), -1, dtype=np.int64)
            rows[keep] = np.arange(total, total + len(keep))
            self._live.append(keep)
            self._rows.append(rows)
            places.append(place[seg.chunk_article[keep]])
            total += len(keep)
        self.articles = _Articles(self.segments, where)
        self.chunks = _Joined([seg.chunks for seg in self.segments], self._live)
        self.chunk_article = np.concatenate(places) if places else np.zeros(0, np.int64)
        self.row_of = _RowOf(self.segments, self._rows, where)
        self.sentences = _sentences(self.segments, self._live, int(self.manifest.dim))
        self.stats = Stats.of([seg.keywords for seg in self.segments])

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


_COLUMNS = ("ids", "outlets", "published")


def _alive(ids: list[str], gone: set[str]) -> np.ndarray:
    if not gone:
        return np.ones(len(ids), dtype=bool)
    return np.fromiter((aid not in gone for aid in ids), dtype=bool, count=len(ids))


def _pick(column: list[Any], rows: np.ndarray) -> list[Any]:
    return column if len(rows) == len(column) else [column[i] for i in rows.tolist()]


def _read(vectors: Any, rows: np.ndarray) -> np.ndarray:
    if not len(rows):
        return np.zeros((0, vectors.d), dtype=np.float32)
    return np.asarray(vectors.reconstruct_batch(rows), dtype=np.float32)


def _sentences(segments: list[Segment], live: list[np.ndarray], dim: int) -> SentenceTable | None:
    """One table over the segments' sentence vectors: rows renumbered past the segments
    before, the vectors left where they are (memory-mapped)."""
    if any(seg.sentences is None for seg in segments):
        return None
    tables = [seg.sentences for seg in segments if seg.sentences is not None]
    offsets = np.cumsum([0] + [len(t.vectors) for t in tables])[:-1]
    rows = _Joined([t.rows for t in tables], live, [int(o) for o in offsets])
    arrays = [t.vectors for t in tables]
    if len(arrays) < 2:
        return SentenceTable(rows, arrays[0] if arrays else np.zeros((0, dim), np.float16))
    return SentenceTable(rows, Stacked(arrays))


class _Joined(Sequence[Any]):
    """The live rows of several segments' sequences read as one, row for row; with
    `offsets`, each item (a tuple of sentence rows) is shifted past the segments before."""

    def __init__(
        self, parts: list[Sequence[Any]], live: list[np.ndarray], offsets: list[int] | None = None
    ) -> None:
        self.parts = parts
        self.offsets = offsets
        empty = np.zeros(0, dtype=np.int64)
        self._part = np.concatenate(
            [empty, *(np.full(len(keep), k, dtype=np.int64) for k, keep in enumerate(live))]
        )
        self._local = np.concatenate([empty, *live]).astype(np.int64)

    def __len__(self) -> int:
        return len(self._local)

    @overload
    def __getitem__(self, row: int) -> Any: ...
    @overload
    def __getitem__(self, row: slice) -> list[Any]: ...
    def __getitem__(self, row: int | slice) -> Any:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        k = int(self._part[row])
        item = self.parts[k][int(self._local[row])]
        return item if self.offsets is None else tuple(self.offsets[k] + r for r in item)


class _Articles(Mapping[str, Article]):
    """The live articles of every segment, by id."""

    def __init__(self, segments: list[Segment], where: dict[str, tuple[int, int]]) -> None:
        self.segments = segments
        self.where = where

    def __getitem__(self, article_id: str) -> Article:
        return self.segments[self.where[article_id][0]].articles[article_id]

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.where

    def __iter__(self) -> Iterator[str]:
        return iter(self.where)

    def __len__(self) -> int:
        return len(self.where)


class _RowOf(Mapping[str, int]):
    """A live chunk's row from its id ("<article id>#<n>": the article's n-th chunk)."""

    def __init__(
        self, segments: list[Segment], rows: list[np.ndarray], where: dict[str, tuple[int, int]]
    ) -> None:
        self.segments, self.rows, self.where = segments, rows, where

    def __getitem__(self, chunk_id: str) -> int:
        article_id, _, n = chunk_id.rpartition("#")
        k, place = self.where[article_id]
        owners = self.segments[k].chunk_article  # a segment holds an article's chunks together
        local = int(np.searchsorted(owners, place)) + int(n)
        if not n.isdigit() or local >= len(owners) or owners[local] != place:
            raise KeyError(chunk_id)
        return int(self.rows[k][local])

    def __iter__(self) -> Iterator[str]:
        return (
            c.id
            for seg, rows in zip(self.segments, self.rows, strict=True)
            for c, r in zip(seg.chunks, rows, strict=True)
            if r >= 0
        )

    def __len__(self) -> int:
        return sum(int((rows >= 0).sum()) for rows in self.rows)


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
