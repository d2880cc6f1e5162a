"""Which segments an update rewrites: the merge policy, and what the new version keeps."""

from __future__ import annotations

from pathlib import Path

from .index import Index
from .tuning import MAX_SEGMENTS


def merge_set(old: Index | None, gone: set[str], incoming: int, upgrade: bool) -> set[str]:
    """The segments rewritten into the new one. Newest first, each no larger than what has been
    gathered so far joins it (so segment sizes grow like a binary counter, and a chunk is
    rewritten about log2(updates) times); so does one with most of its chunks deleted; and
    more, newest first, while the index would have more than `MAX_SEGMENTS`."""
    if old is None:
        return set()
    if upgrade:
        return {seg.name for seg in old.segments}
    sizes = {seg.name: old.live_chunks(seg.name, gone) for seg in old.segments}
    merged: set[str] = set()
    gathered, chain = incoming, True
    for seg in reversed(old.segments):
        size = sizes[seg.name]
        if (chain and size <= gathered) or 2 * size < len(seg.chunks):
            merged.add(seg.name)
            gathered += size
        else:
            chain = False
    rest = [seg.name for seg in old.segments if seg.name not in merged]
    while len(rest) + 1 > MAX_SEGMENTS:
        merged.add(rest.pop())
    return merged


def kept(
    old: Index | None, merged: set[str], gone: set[str]
) -> tuple[list[tuple[Path, str]], dict[str, list[str]], tuple[int, int]]:
    """The segments the new version keeps as they are, the articles deleted from each, and
    how many articles and chunks of them are live."""
    keep: list[tuple[Path, str]] = []
    deleted: dict[str, list[str]] = {}
    articles = chunks = 0
    for seg in old.segments if old else []:
        if seg.name in merged or old is None:
            continue
        ids = {a.id for a in seg.articles}
        dead = (set(old.manifest.deleted.get(seg.name, ())) | gone) & ids
        if len(dead) == len(ids):
            continue  # nothing of it is live: left out
        keep.append((old.folder, seg.name))
        if dead:
            deleted[seg.name] = sorted(dead)
        articles += len(ids) - len(dead)
        chunks += sum(1 for c in seg.chunks if c.article_id not in dead)
    return keep, deleted, (articles, chunks)
