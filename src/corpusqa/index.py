"""A loaded index version in memory: articles, chunks, their vectors and BM25, row for row
(`build.py` writes them)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import store
from .keyword import Keywords
from .records import Article, Chunk, SentenceTable
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Index:
    """One loaded version of the index: articles, chunks, their vectors and BM25, row for row."""

    folder: Path
    manifest: store.Manifest
    articles: dict[str, Article]
    chunks: list[Chunk]
    faiss: Any  # faiss.IndexFlatIP, row i is chunks[i]
    keywords: Keywords
    sentences: SentenceTable | None = None  # sentence vectors; None in older versions
    chunk_article: np.ndarray = field(init=False)
    row_of: dict[str, int] = field(init=False)  # chunk id -> row

    def __post_init__(self) -> None:
        order = {aid: i for i, aid in enumerate(self.articles)}
        self.chunk_article = np.array([order[c.article_id] for c in self.chunks], dtype=np.int64)
        self.row_of = {c.id: i for i, c in enumerate(self.chunks)}

    @classmethod
    def load(cls, settings: Settings) -> Index:
        v = store.load(settings.index_dir, settings.fingerprint())
        return cls(
            v.folder,
            v.manifest,
            {a.id: a for a in v.articles},
            v.chunks,
            v.vectors,
            v.keywords,
            v.sentences,
        )

    def vectors(self) -> np.ndarray:
        if not self.faiss.ntotal:
            return np.zeros((0, self.faiss.d), dtype=np.float32)
        return np.asarray(self.faiss.reconstruct_n(0, self.faiss.ntotal), dtype=np.float32)

    def is_current(self, settings: Settings) -> bool:
        # Asked before every question: the pointer alone when it names this version; the
        # manifest and file checks only when it names another (a new or a damaged one).
        if store.current(settings.index_dir) == self.folder:
            return True
        return store.usable(settings.index_dir)[0] == self.folder

    def texts(self) -> list[str]:
        return [embed_text(self.articles[c.article_id], c) for c in self.chunks]


def embed_text(article: Article, chunk: Chunk) -> str:
    """What the models see of a chunk: its headline gives it context."""
    return f"{article.title}\n{chunk.text}"
