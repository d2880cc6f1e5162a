"""Which segments an update rewrites: the merge policy, and what the new version keeps.

Both read only each segment's `segment.json` (its articles and their chunk counts): an update
loads the segments it merges, not the whole index.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import segment
from .store import Manifest
from .tuning import MAX_SEGMENTS


@dataclass(frozen=True)
class Layout:
    """A version's segments, as far as merging needs them."""

    folder: Path
    manifest: Manifest
    chunks: dict[str, dict[str, int]]  # segment -> article id -> its chunks

    @classmethod
    def read(cls, folder: Path, manifest: Manifest) -> Layout:
        counts = {name: segment.info(folder / name).chunks for name in manifest.segments}
        return cls(folder, manifest, counts)

    def dead(self, name: str, gone: set[str]) -> set[str]:
        held = self.chunks[name]
        return {a for a in (*self.manifest.deleted.get(name, ()), *gone) if a in held}

    def live(self, name: str, gone: set[str]) -> int:
        dead = self.dead(name, gone)
        return sum(n for a, n in self.chunks[name].items() if a not in dead)


def merge_set(old: Layout | None, gone: set[str], incoming: int) -> set[str]:
    """The segments rewritten into the new one. Newest first, each no larger than what has been
    gathered so far joins it (so segment sizes grow like a binary counter, and a chunk is
    rewritten about log2(updates) times); so does one with most of its chunks deleted; and
    more, newest first, while the index would have more than `MAX_SEGMENTS`."""
    if old is None:
        return set()
    names = old.manifest.segments
    merged: set[str] = set()
    gathered, chain = incoming, True
    for name in reversed(names):
        size = old.live(name, gone)
        if (chain and size <= gathered) or 2 * size < sum(old.chunks[name].values()):
            merged.add(name)
            gathered += size
        else:
            chain = False
    rest = [name for name in names if name not in merged]
    while len(rest) + 1 > MAX_SEGMENTS:
        merged.add(rest.pop())
    return merged


def kept(
    old: Layout | None, merged: set[str], gone: set[str]
) -> tuple[list[tuple[Path, str]], dict[str, list[str]], tuple[int, int]]:
    """The segments the new version keeps as they are, the articles deleted from each, and
    how many articles and chunks of them are live."""
    keep: list[tuple[Path, str]] = []
    deleted: dict[str, list[str]] = {}
    articles = chunks = 0
    for name in old.manifest.segments if old else []:
        if name in merged or old is None:
            continue
        dead = old.dead(name, gone)
        if len(dead) == len(old.chunks[name]):
            continue  # nothing of it is live: left out
        keep.append((old.folder, name))
        if dead:
            deleted[name] = sorted(dead)
        articles += len(old.chunks[name]) - len(dead)
        chunks += old.live(name, gone)
    return keep, deleted, (articles, chunks)
