"""A segment: some articles with their chunks, vectors, sentence vectors and term frequencies.

An update writes one segment with the new and changed articles; a version of the index lists
its segments and, per segment, the articles since replaced or removed (`store.py`). A
segment's files never change once written: a new version hard-links the segments it keeps
instead of copying them, so an update writes what changed and not the whole index.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from . import dense, disk, tables
from .chunk import embed_text
from .embed import Embedder, Progress
from .keyword import ANALYZER, TF, Keywords, analyzer
from .records import Article, Chunk, SentenceTable
from .sentences import SentencePlan

if TYPE_CHECKING:
    from .index import Index

log = logging.getLogger(__name__)
INFO = "segment.json"  # its articles' content hashes, files and chunk counts
BM25 = "bm25"  # its term frequencies (`keyword.py`)


@dataclass(frozen=True)
class Segment:
    """One segment as read from disk, row for row; its articles and chunks are read from
    disk when asked for (`tables.py`), except in segments written before that."""

    name: str
    articles: Mapping[str, Article]
    catalog: dict[str, list[Any]]  # its articles' "ids", "outlets" and "published", in order
    chunks: Sequence[Chunk]
    chunk_article: np.ndarray  # per chunk: its article's place in catalog["ids"]
    vectors: Any  # its faiss index (dense.py); row i is chunks[i]
    keywords: Keywords
    sentences: SentenceTable | None  # None in versions written before sentence vectors
    legacy: bool = False  # written before segments: rewritten by the next build


@dataclass(frozen=True)
class Info:
    """What a segment says of its articles without reading them."""

    hashes: dict[str, str]  # article id -> content hash
    files: dict[str, str | None]  # article id -> the file it was read from
    chunks: dict[str, int]  # article id -> its chunks


@dataclass(frozen=True)
class Contents:
    """A segment about to be written."""

    articles: list[Article]
    chunks: list[Chunk]
    vectors: np.ndarray
    keywords: Keywords
    sentences: SentenceTable
    hashes: dict[str, str]
    files: dict[str, str | None]


def read(folder: Path, name: str, legacy: bool = False) -> Segment:
    import faiss

    articles, catalog, chunks, srows, chunk_article = _rows(folder)
    # Memory-mapped: loading reads no vector; a search reads the lists it scans.
    vectors = faiss.read_index(str(folder / "vectors.faiss"), faiss.IO_FLAG_MMAP_IFC)
    if vectors.ntotal != len(chunks):
        raise ValueError(f"{vectors.ntotal} vectors for {len(chunks)} chunks")
    table = None
    if (folder / "sentences.npy").exists():
        table = SentenceTable(srows, np.load(folder / "sentences.npy", mmap_mode="r"))
    if legacy:  # BM25 was bm25s' then: rebuilt in memory until the next build rewrites it
        keywords = Keywords.build([embed_text(articles[c.article_id], c) for c in chunks])
    else:
        keywords = Keywords.load(folder / BM25, len(chunks))
    return Segment(name, articles, catalog, chunks, chunk_article, vectors, keywords, table, legacy)


def has_tables(folder: Path) -> bool:
    """Whether a segment keeps its chunks as arrays beside an article catalog (`tables.py`)."""
    return (folder / tables.CATALOG).exists()


def is_current(folder: Path) -> bool:
    """Whether a segment is in today's layout, its arrays in `.npy` files to memory-map and its
    term frequencies made by today's `terms`; the next build rewrites an older one."""
    bm25 = folder / BM25
    return (folder / tables.CHUNKS).is_dir() and (bm25 / TF).is_dir() and analyzer(bm25) == ANALYZER


def _rows(
    folder: Path,
) -> tuple[
    Mapping[str, Article], dict[str, list[Any]], Sequence[Chunk], Sequence[tuple[int, ...]], Any
]:
    """Articles, catalog, chunks, their sentence rows and their articles' places: from disk
    as asked for, or all parsed now for a segment written before `tables.py`."""
    if has_tables(folder):
        lazy, catalog, table = tables.read(folder)
        return lazy, catalog, table, table.srows, table.article
    parsed = [Article(**row) for row in disk.read_jsonl(folder / "articles.jsonl")]
    chunks, srows = disk.read_chunks(folder / "chunks.jsonl", {a.id: a.body for a in parsed})
    catalog = tables.catalog_of(parsed)
    place = {aid: i for i, aid in enumerate(catalog["ids"])}
    chunk_article = np.array([place[c.article_id] for c in chunks], dtype=np.int64)
    return {a.id: a for a in parsed}, catalog, chunks, srows, chunk_article


def write(folder: Path, contents: Contents, dim: int) -> None:
    import faiss

    folder.mkdir(parents=True)
    c = contents
    tables.write(folder, c.articles, c.chunks, c.sentences.rows)
    np.save(folder / "sentences.npy", np.asarray(c.sentences.vectors, dtype=np.float16))
    faiss.write_index(dense.build(c.vectors, dim), str(folder / "vectors.faiss"))
    c.keywords.save(folder / BM25)
    counts: dict[str, int] = {}
    for chunk in c.chunks:
        counts[chunk.article_id] = counts.get(chunk.article_id, 0) + 1
    info = {"hashes": c.hashes, "files": c.files, "chunks": counts}
    disk.write_text(folder / INFO, json.dumps(info))


@lru_cache(maxsize=16)  # more than the segments of one version (MAX_SEGMENTS + 1)
def info(folder: Path) -> Info:
    """A segment's `segment.json`, read once per process: its files never change."""
    import orjson  # twice as fast as json here: at 500k articles the file is 69 MB

    data = orjson.loads((folder / INFO).read_bytes())
    hashes, counts = data["hashes"], data.get("chunks", {})  # counts: absent before recorded
    if len(counts) != len(hashes):
        counts = {a: int(counts.get(a, 0)) for a in hashes}
    return Info(hashes, data["files"], counts)


def link(source: Path, target: Path, names: list[str]) -> None:
    """Make `target` hold `names` (files of `source`) without copying them where the file
    system allows hard links."""
    for name in names:
        dst = target / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source / name, dst)
        except OSError:  # no hard links here (another file system, FAT): a copy then
            shutil.copy2(source / name, dst)


def make(
    articles: list[Article],
    new_chunks: dict[str, list[Chunk]],
    view: Index | None,
    embedder: Embedder,
    progress: Progress | None,
    hashes: dict[str, str],
    files: dict[str, str | None],
) -> tuple[Contents, tuple[int, int]]:
    """The new segment: fresh articles embedded, those of merged segments read back from them."""
    # The merged segments' chunks, made once: each is cut from its article, read from disk.
    old_chunks = list(view.chunks) if view else []
    chunks = _ordered(articles, new_chunks, old_chunks)
    vectors, sentences, embedded = _embed(
        articles, chunks, new_chunks, (view, old_chunks), embedder, progress
    )
    by_id = {a.id: a for a in articles}
    fresh = [c for c in chunks if c.article_id in new_chunks]  # after the merged ones
    keywords = Keywords.build([embed_text(by_id[c.article_id], c) for c in fresh])
    if view is not None and len(fresh) < len(chunks):
        kept = {a.id for a in articles if a.id not in new_chunks}
        parts = [
            _current(seg, live[[seg.catalog["ids"][a] in kept for a in seg.chunk_article[live]]])
            for seg, live in view.parts()
        ]
        keywords = Keywords.join([*parts, (keywords, np.arange(keywords.size))])
        if keywords.size != len(chunks):
            raise RuntimeError(f"merged keywords for {keywords.size} of {len(chunks)} chunks")
    return Contents(articles, chunks, vectors, keywords, sentences, hashes, files), embedded


def _current(seg: Segment, rows: np.ndarray) -> tuple[Keywords, np.ndarray]:
    """The term frequencies of a segment's `rows`, made again from their text when another
    version of `terms` made them."""
    if seg.keywords.analyzer == ANALYZER:
        return seg.keywords, rows
    chunks = [seg.chunks[int(r)] for r in rows]
    fresh = Keywords.build([embed_text(seg.articles[c.article_id], c) for c in chunks])
    return fresh, np.arange(fresh.size)


def _ordered(
    articles: list[Article], new_chunks: dict[str, list[Chunk]], old: list[Chunk]
) -> list[Chunk]:
    """Every article's chunks in corpus order: new ones for fresh articles, else the old."""
    by_article: dict[str, list[Chunk]] = {}
    for c in old:
        by_article.setdefault(c.article_id, []).append(c)
    return [c for a in articles for c in new_chunks.get(a.id, by_article.get(a.id, []))]


def _embed(
    articles: list[Article],
    chunks: list[Chunk],
    new_chunks: dict[str, list[Chunk]],
    merged: tuple[Index | None, list[Chunk]],
    embedder: Embedder,
    progress: Progress | None,
) -> tuple[np.ndarray, SentenceTable, tuple[int, int]]:
    """Chunk and sentence vectors for the new version: the fresh articles' embedded, the rest
    reused; with how many chunks and sentences were embedded."""
    old, old_chunks = merged
    by_id = {a.id: a for a in articles}
    texts = [embed_text(by_id[aid], c) for aid, new in new_chunks.items() for c in new]
    plan = SentencePlan.of(chunks, set(new_chunks), old_chunks, old.sentences if old else None)
    total = len(texts) + len(plan.missing)
    log.info(
        "embedding %d chunks and %d sentences of %d articles",
        len(texts),
        len(plan.missing),
        len(new_chunks),
    )
    fresh = embedder.encode_document(texts, progress=_offset(progress, 0, total))
    rows = _assemble(chunks, new_chunks, fresh, old, old_chunks)
    vectors = np.vstack(rows) if rows else np.zeros((0, embedder.dim), dtype=np.float32)
    sentences = plan.table(
        {a.id: a.body for a in articles},
        lambda t: embedder.encode_document(t, progress=_offset(progress, len(texts), total)),
        embedder.dim,
    )
    return vectors, sentences, (len(texts), len(plan.missing))


def _assemble(
    chunks: list[Chunk],
    new_chunks: dict[str, list[Chunk]],
    new_vectors: np.ndarray,
    old: Index | None,
    old_chunks: list[Chunk],
) -> list[np.ndarray]:
    """The vector of every chunk, in order: new for fresh articles, the old ones reused."""
    fresh = iter(new_vectors)
    reuse = {c.id: v for c, v in zip(old_chunks, old.vectors(), strict=True)} if old else {}
    return [next(fresh) if c.article_id in new_chunks else reuse[c.id] for c in chunks]


def _offset(progress: Progress | None, before: int, total: int) -> Progress | None:
    """Chunks, then sentences, as one count of texts embedded."""
    if progress is None:
        return None
    return lambda done, _: progress(before + done, total)
