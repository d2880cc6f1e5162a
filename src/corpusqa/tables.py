"""A segment's articles and chunks as they lie on disk, read for the rows a question needs.

`articles.jsonl` keeps one article a line; `catalog.json` beside it holds each line's byte
offset with the article's id, outlet and date, so loading reads the catalog and not the
bodies. `chunks/` holds the chunks as arrays (their article, span, sentence spans and
sentence-vector rows), one memory-mapped `.npy` file each (`chunks.npz` before). An article
is parsed when it is first asked for and kept in a small cache; a `Chunk` is made when its
row is asked for.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, overload

import numpy as np

from . import disk
from .records import Article, Chunk

CATALOG = "catalog.json"
CHUNKS = "chunks"  # a folder of .npy files; "chunks.npz" in segments written before
CACHED_ARTICLES = 2048  # bodies kept parsed: a question reads a few dozen articles


class ArticleFile(Mapping[str, Article]):
    """The articles of one `articles.jsonl`, parsed one at a time when asked for."""

    def __init__(self, path: Path, ids: list[str], offsets: list[int]) -> None:
        self.path = path
        self.ids = ids
        self._at = dict(zip(ids, offsets, strict=True))
        self._cache: OrderedDict[str, Article] = OrderedDict()
        self._lock = threading.Lock()  # chat requests read concurrently

    def __getitem__(self, article_id: str) -> Article:
        with self._lock:
            found = self._cache.get(article_id)
        if found is None:
            with self.path.open("rb") as f:
                f.seek(self._at[article_id])  # KeyError for an id not here, as a dict
                found = Article(**json.loads(f.readline()))
            with self._lock:
                self._cache[article_id] = found
                while len(self._cache) > CACHED_ARTICLES:
                    self._cache.popitem(last=False)
        return found

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


class Spans(Sequence[tuple[Any, ...]]):
    """Per row, a run of a flat array (CSR): a chunk's sentence spans or sentence rows."""

    def __init__(self, ptr: np.ndarray, flat: np.ndarray) -> None:
        self.ptr = ptr
        self.flat = flat

    def __len__(self) -> int:
        return len(self.ptr) - 1

    @overload
    def __getitem__(self, row: int) -> tuple[Any, ...]: ...
    @overload
    def __getitem__(self, row: slice) -> list[tuple[Any, ...]]: ...
    def __getitem__(self, row: int | slice) -> tuple[Any, ...] | list[tuple[Any, ...]]:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        run = self.flat[self.ptr[row] : self.ptr[row + 1]].tolist()
        return tuple(tuple(r) if isinstance(r, list) else r for r in run)


class ChunkTable(Sequence[Chunk]):
    """A segment's chunks from `chunks.npz`; the text of each is cut from its article."""

    def __init__(self, arrays: Mapping[str, np.ndarray], articles: ArticleFile) -> None:
        self.article = np.asarray(arrays["article"])  # index into articles.ids
        self.start, self.end = arrays["start"], arrays["end"]
        self.spans = Spans(arrays["sent_ptr"], arrays["sent"])
        self.srows = Spans(arrays["srow_ptr"], arrays["srow"])
        self.articles = articles
        # A chunk's id is its article's and its place among that article's chunks.
        first = np.r_[0, np.flatnonzero(np.diff(self.article)) + 1]
        self._first = np.repeat(first, np.diff(np.r_[first, len(self.article)]))

    def __len__(self) -> int:
        return len(self.article)

    @overload
    def __getitem__(self, row: int) -> Chunk: ...
    @overload
    def __getitem__(self, row: slice) -> list[Chunk]: ...
    def __getitem__(self, row: int | slice) -> Chunk | list[Chunk]:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        aid = self.articles.ids[int(self.article[row])]
        start, end = int(self.start[row]), int(self.end[row])
        return Chunk(
            id=f"{aid}#{row - int(self._first[row])}",
            article_id=aid,
            text=self.articles[aid].body[start:end],
            start=start,
            end=end,
            sentences=self.spans[row],
        )


def write(folder: Path, articles: list[Article], chunks: list[Chunk], srows: Any) -> None:
    """`articles.jsonl`, its catalog and `chunks.npz` for a new segment."""
    offsets, at = [], 0
    with (folder / "articles.jsonl").open("wb") as f:
        for a in articles:
            line = (json.dumps(asdict(a), ensure_ascii=False) + "\n").encode("utf-8")
            offsets.append(at)
            at += f.write(line)
    catalog = catalog_of(articles) | {"offsets": offsets}
    (folder / CATALOG).write_text(json.dumps(catalog), encoding="utf-8")
    place = {a.id: i for i, a in enumerate(articles)}
    spans = [c.sentences for c in chunks]
    rows = [tuple(r) for r in srows]
    arrays: dict[str, np.ndarray] = {
        "article": np.array([place[c.article_id] for c in chunks], dtype=np.int32),
        "start": np.array([c.start for c in chunks], dtype=np.int64),
        "end": np.array([c.end for c in chunks], dtype=np.int64),
        "sent_ptr": np.cumsum([0] + [len(s) for s in spans], dtype=np.int64),
        "sent": np.array([p for s in spans for p in s], dtype=np.int64).reshape(-1, 2),
        "srow_ptr": np.cumsum([0] + [len(r) for r in rows], dtype=np.int64),
        "srow": np.array([x for r in rows for x in r], dtype=np.int64),
    }
    disk.save_arrays(folder / CHUNKS, arrays)


def read(folder: Path) -> tuple[ArticleFile, dict[str, list[Any]], ChunkTable]:
    """A segment's articles (lazy), their catalog columns and its chunks (lazy)."""
    catalog = json.loads((folder / CATALOG).read_text(encoding="utf-8"))
    articles = ArticleFile(folder / "articles.jsonl", catalog["ids"], catalog["offsets"])
    return articles, catalog, ChunkTable(disk.load_arrays(folder / CHUNKS), articles)


def catalog_of(articles: Sequence[Article]) -> dict[str, list[Any]]:
    """The catalog columns of articles in memory: for a new segment's catalog, and for a
    segment written before catalogs."""
    return {
        "ids": [a.id for a in articles],
        "outlets": [a.outlet for a in articles],
        "published": [a.published for a in articles],
    }
