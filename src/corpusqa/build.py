"""Build the index incrementally: read what changed, embed only the new and changed articles
into a new segment (with the small segments `merge.py` picks, their vectors read back, not
embedded again), mark what they replace deleted, and publish a new version that links every
other segment as it is. An article whose file fails to read this time keeps its indexed version.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from . import changes, segment, store
from .changes import corpus_stats, write_stats
from .chunk import chunk_article
from .embed import Embedder
from .errors import CorpusError, IndexBusyError
from .index import Index
from .merge import Layout, kept, merge_set
from .parse import read_corpus
from .segment import Contents
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
    # A version written before segments (or sentence vectors, catalogs, .npy arrays) is
    # rewritten once as one segment, no chunk embedded again.
    upgrade = previous is not None and (
        not previous.segments
        or any(folder and not segment.is_current(folder / n) for n in previous.segments)
    )
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
    if previous is not None and folder is not None:  # something changed: who is indexed
        previous = store.catalogue(folder, previous)
    reuse = changes.unchanged_articles(previous, same)
    corpus = read_corpus(settings.corpus_dir, settings.max_article_mb, reuse, now)
    problems = tuple(str(p) for p in corpus.problems)
    old_hashes = previous.hashes if previous else {}
    old_files = previous.files if previous else {}
    # An article of a file not read again is the indexed one: its hash is known.
    hashes = {aid: old_hashes[aid] for aid in corpus.reused}
    hashes |= {a.id: changes.content_hash(a, settings) for a in corpus.articles}
    kept_ids = [
        aid for aid in old_hashes if aid not in hashes and old_files.get(aid) in corpus.failed_files
    ]
    if not hashes and not kept_ids:
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
    dropped = set(old_hashes) - set(hashes) - set(kept_ids)  # gone from the corpus
    removed = len(dropped)
    unchanged = len(hashes) - len(fresh)
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
    layout = Layout.read(folder, previous) if folder and previous and not upgrade else None
    gone = {a.id for a in fresh} | dropped
    new_chunks = {
        a.id: chunk_article(a, settings.chunk_words, settings.chunk_overlap) for a in fresh
    }
    incoming = sum(len(c) for c in new_chunks.values())
    # An upgrade rewrites every segment; otherwise the merge policy picks.
    merged = set(previous.segments) if upgrade and previous else merge_set(layout, gone, incoming)
    view = None  # the segments merged, loaded: their articles and vectors go into the new one
    if (upgrade or merged) and folder and previous:
        view = Index(folder, previous, store.read_segments(folder, previous, merged))
    articles = [a for a in (view.articles.values() if view else []) if a.id not in gone] + fresh
    embedder = embedder or Embedder(settings)
    new: list[tuple[str, Contents]] = []
    embedded = (0, 0)
    if articles:
        ids = {a.id: hashes[a.id] if a.id in new_chunks else old_hashes[a.id] for a in articles}
        files = {a.id: corpus.files.get(a.id, old_files.get(a.id)) for a in articles}
        contents, embedded = segment.make(
            articles, new_chunks, view, embedder, progress, ids, files
        )
        new.append((f"seg-{uuid.uuid4().hex[:12]}", contents))
    keep, deleted, live = kept(layout, merged, gone)
    manifest = store.Manifest(
        settings=settings.fingerprint(),
        model_path=str(embedder.path),
        dim=int(previous.dim if previous else embedder.dim),
        created=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        hashes={},
        files={},
        counts={
            "articles": live[0] + len(articles),
            "chunks": live[1] + sum(len(c.chunks) for _, c in new),
        },
        deleted=deleted,
    )
    written = store.write(Path(settings.index_dir), manifest, keep, new)
    write_stats(Path(settings.index_dir), written, corpus.stats)
    if embedder.loaded:  # torch is in memory now: the query encoder's export costs little
        embedder.query_encoder()
    return BuildReport(
        added=added,
        updated=len(fresh) - added,
        removed=removed,
        unchanged=unchanged,
        kept=len(kept_ids),
        chunks_embedded=embedded[0],
        chunks_total=manifest.counts["chunks"],
        sentences_embedded=embedded[1],
        seconds=time.perf_counter() - started,
        problems=problems,
        written=True,
    )
