"""Build the index incrementally: read what changed, embed only new or changed articles, reuse
the vectors of unchanged ones from the current version, and publish a new version.

An article whose file fails to read this time keeps its previously indexed version.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from filelock import FileLock, Timeout

from . import changes, store
from .changes import corpus_stats, write_stats
from .chunk import chunk_article
from .embed import Embedder
from .errors import CorpusError, IndexBusyError
from .index import Index, embed_text
from .keyword import Keywords
from .parse import read_corpus
from .records import Article, Chunk, SentenceTable
from .sentences import SentencePlan
from .settings import Settings

log = logging.getLogger(__name__)


Progress = Callable[[int, int], None]


LOCK_WAIT = 600.0


@dataclass(frozen=True)
class BuildReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    kept: int = 0  # failed to read this time; the indexed version stays
    chunks_embedded: int = 0
    sentences_embedded: int = 0
    chunks_total: int = 0
    seconds: float = 0.0
    problems: tuple[str, ...] = ()
    written: bool = False

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.removed} removed, "
            f"{self.unchanged} unchanged"
            + (f", {self.kept} kept" if self.kept else "")
            + f"; {self.chunks_embedded} chunks embedded, {self.chunks_total} in the index"
            + (f", {self.sentences_embedded} sentences embedded" if self.sentences_embedded else "")
        )


def build_index(
    settings: Settings,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
    lock_wait: float = LOCK_WAIT,
) -> BuildReport:
    """Bring the index in `settings.index_dir` up to date with `settings.corpus_dir`."""
    index_dir = Path(settings.index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / ".lock"))
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            log.warning(
                "another build of %s is running; waiting up to %.0f s for it to finish",
                index_dir,
                lock_wait,
            )
            lock.acquire(timeout=lock_wait)
    except Timeout:
        raise IndexBusyError(
            f"another build holds {index_dir / '.lock'} (waited {lock_wait:.0f} s); "
            "try again when it has finished"
        ) from None
    try:
        return _build(settings, embedder, progress, rebuild)
    finally:
        lock.release()


def _build(
    settings: Settings, embedder: Embedder | None, progress: Progress | None, rebuild: bool
) -> BuildReport:
    started = time.perf_counter()
    previous, damaged, folder = (None, False, None) if rebuild else changes.previous(settings)
    # A version without sentence vectors is rewritten once with them (no chunk re-embedded).
    upgrade = previous is not None and "sentences.npy" not in previous.sizes
    now = corpus_stats(settings.corpus_dir)  # before reading: a later change is seen next time
    same, all_same = changes.unchanged_files(settings, folder, now)
    if previous is not None and all_same and not damaged and not upgrade:
        # No file changed, came or went: nothing is read.
        store.sweep(Path(settings.index_dir))  # folders of killed builds go even on a no-op
        return BuildReport(
            unchanged=previous.counts["articles"],
            chunks_total=previous.counts["chunks"],
            seconds=time.perf_counter() - started,
        )
    corpus = read_corpus(
        settings.corpus_dir,
        settings.max_article_mb,
        changes.unchanged_articles(folder, previous, same),
        now,
    )
    problems = tuple(str(p) for p in corpus.problems)
    old_hashes = previous.hashes if previous else {}
    old_files = previous.files if previous else {}
    hashes = {a.id: changes.content_hash(a, settings) for a in corpus.articles}
    kept_ids = [
        aid for aid in old_hashes if aid not in hashes and old_files.get(aid) in corpus.failed_files
    ]
    if not corpus.articles and not kept_ids:
        raise CorpusError(
            f"no readable article in {settings.corpus_dir}"
            + (f" ({len(problems)} skipped: {problems[0]})" if problems else "")
        )
    fresh = [
        a
        for a in corpus.articles
        if old_hashes.get(a.id) != hashes[a.id]
        and old_hashes.get(a.id) != changes.hash_with_path(a, settings)
    ]  # only when needed
    added = sum(1 for a in fresh if a.id not in old_hashes)
    removed = len(set(old_hashes) - set(hashes) - set(kept_ids))
    unchanged = len(corpus.articles) - len(fresh)
    if previous is not None and not fresh and not removed and not damaged and not upgrade:
        if folder is not None:  # files touched, not changed: not read again next time
            write_stats(Path(settings.index_dir), folder, corpus.stats)
        store.sweep(Path(settings.index_dir))  # folders of killed builds go even on a no-op
        return BuildReport(
            unchanged=unchanged,
            kept=len(kept_ids),
            chunks_total=previous.counts["chunks"],
            seconds=time.perf_counter() - started,
            problems=problems,
        )

    # Under the build lock, the version the manifest came from is still the current one.
    old = Index.load(settings) if previous is not None else None
    kept = [old.articles[aid] for aid in kept_ids] if old else []
    articles = corpus.articles + kept
    new_chunks = {
        a.id: chunk_article(a, settings.chunk_words, settings.chunk_overlap) for a in fresh
    }
    embedder = embedder or Embedder(settings)
    chunks = _ordered(articles, new_chunks, old)
    vectors, sentences, embedded = _embed(articles, chunks, new_chunks, old, embedder, progress)
    by_id = {a.id: a for a in articles}
    keywords = Keywords.build([embed_text(by_id[c.article_id], c) for c in chunks])
    manifest = store.Manifest(
        settings=settings.fingerprint(),
        model_path=str(embedder.path),
        dim=int(vectors.shape[1]),
        created=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        hashes={**{a.id: old_hashes[a.id] for a in kept}, **hashes},
        files={**{a.id: old_files.get(a.id) for a in kept}, **corpus.files},
        counts={"articles": len(articles), "chunks": len(chunks)},
    )
    written = store.write(
        Path(settings.index_dir), manifest, articles, chunks, vectors, keywords, sentences
    )
    write_stats(Path(settings.index_dir), written, corpus.stats)
    if embedder.loaded:  # torch is in memory now: the query encoder's export costs little
        embedder.query_encoder()
    return BuildReport(
        added=added,
        updated=len(fresh) - added,
        removed=removed,
        unchanged=unchanged,
        kept=len(kept),
        chunks_embedded=embedded[0],
        chunks_total=len(chunks),
        sentences_embedded=embedded[1],
        seconds=time.perf_counter() - started,
        problems=problems,
        written=True,
    )


def _ordered(
    articles: list[Article], new_chunks: dict[str, list[Chunk]], old: Index | None
) -> list[Chunk]:
    """Every article's chunks in corpus order: new ones for fresh articles, else the old."""
    by_article: dict[str, list[Chunk]] = {}
    for c in old.chunks if old else []:
        by_article.setdefault(c.article_id, []).append(c)
    return [c for a in articles for c in new_chunks.get(a.id, by_article.get(a.id, []))]


def _embed(
    articles: list[Article],
    chunks: list[Chunk],
    new_chunks: dict[str, list[Chunk]],
    old: Index | None,
    embedder: Embedder,
    progress: Progress | None,
) -> tuple[np.ndarray, SentenceTable, tuple[int, int]]:
    """Chunk and sentence vectors for the new version: the fresh articles' embedded, the rest
    reused; with how many chunks and sentences were embedded."""
    by_id = {a.id: a for a in articles}
    texts = [embed_text(by_id[aid], c) for aid, new in new_chunks.items() for c in new]
    plan = SentencePlan.of(chunks, set(new_chunks), old)
    total = len(texts) + len(plan.missing)
    log.info(
        "embedding %d chunks and %d sentences of %d articles",
        len(texts),
        len(plan.missing),
        len(new_chunks),
    )
    fresh = embedder.encode_document(texts, progress=_offset(progress, 0, total))
    rows = _assemble(chunks, new_chunks, fresh, old)
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
) -> list[np.ndarray]:
    """The vector of every chunk, in order: new for fresh articles, the old ones reused."""
    fresh = iter(new_vectors)
    reuse = {c.id: vec for c, vec in zip(old.chunks, old.vectors(), strict=True)} if old else {}
    return [next(fresh) if c.article_id in new_chunks else reuse[c.id] for c in chunks]


def _offset(progress: Progress | None, before: int, total: int) -> Progress | None:
    """Chunks, then sentences, as one count of texts embedded."""
    if progress is None:
        return None
    return lambda done, _: progress(before + done, total)
