"""What changed in the corpus since the current index version was built.

Files first, by size and modification time (a file that matches is not read again), then
articles, by a hash of what their vectors depend on (a file that was touched but says the same
is not embedded again).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path

from . import disk, store
from .errors import CorpusError
from .parse import META_SUFFIX, Stat, corpus_files
from .records import Article
from .settings import Settings

log = logging.getLogger(__name__)
# Raised whenever reading or cleaning changes what an unchanged file yields: the file stats of
# an index written by another reader are not trusted, so every file is read again once.
READER = 1
STATS = "files.json"  # which corpus files are unchanged since the current version read them


def content_hash(article: Article, settings: Settings) -> str:
    """What an article's vectors depend on: its text, its metadata and the index settings; not
    where the file was found (`--corpus corpus` and its absolute path are the same corpus)."""
    fields = asdict(article)
    del fields["source"]
    payload = json.dumps([fields, settings.fingerprint()], sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def hash_with_path(article: Article, settings: Settings) -> str:
    """The hash before the path was left out, so that indexes built then are not re-embedded."""
    payload = json.dumps([asdict(article), settings.fingerprint()], sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def previous(settings: Settings) -> tuple[store.Manifest | None, bool, Path | None]:
    """The manifest to update from, refused if built with other settings, and whether it is
    an earlier version standing in for a damaged current one (then a new version is written
    even when nothing changed), and its folder. The manifest's hashes and files are not read
    from its segments yet (`store.catalogue`): a run with nothing changed needs neither."""
    folder, warning = store.usable(Path(settings.index_dir))
    if folder is None:
        return None, False, None
    if warning:
        log.warning(warning)
    manifest = store.read_manifest(folder)
    store.check(manifest, settings.fingerprint(), folder)
    return manifest, warning is not None, folder


def unchanged_files(
    settings: Settings, folder: Path | None, now: dict[str, Stat]
) -> tuple[set[str], bool]:
    """The files whose size and mtime match what version `folder` read, and whether that is
    every file, with none gone."""
    known = read_stats(Path(settings.index_dir), folder) if folder else {}
    same = {rel for rel, st in now.items() if known.get(rel) == st}
    return same, same == set(now) == set(known)


def unchanged_articles(previous: store.Manifest | None, same: set[str]) -> dict[str, list[str]]:
    """The indexed articles of the files that have not changed, by file: their ids, from the
    version's catalogue (no article is read)."""
    if previous is None or not same:
        return {}
    by_file: dict[str, list[str]] = {rel: [] for rel in same}
    for aid, rel in previous.files.items():
        if rel in by_file:
            by_file[rel].append(aid)
    return by_file


def corpus_stats(corpus_dir: Path) -> dict[str, Stat]:
    """Each article file's size and modification time, with its sidecar's: what tells an
    unchanged file without reading it."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist (set CORPUSQA_CORPUS_DIR)")
    out = {}
    for path in corpus_files(corpus_dir):
        meta = path.with_name(path.name.rsplit(".", 1)[0] + META_SUFFIX)
        out[path.relative_to(corpus_dir).as_posix()] = _stat(path) + _stat(meta)
    return out


def _stat(path: Path) -> Stat:
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


def read_stats(index_dir: Path, folder: Path) -> dict[str, Stat]:
    """The corpus files known to match version `folder`, with their size and mtime (and their
    sidecar's); empty when recorded for another version or by another reader."""
    try:
        data = json.loads((index_dir / STATS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if (
        not isinstance(data, dict)
        or data.get("version") != folder.name
        or data.get("reader") != READER
    ):
        return {}
    stats = data.get("stats", {})
    return {rel: tuple(st) for rel, st in stats.items()} if isinstance(stats, dict) else {}


def write_stats(index_dir: Path, folder: Path, stats: Mapping[str, Stat]) -> None:
    """Record which files match `folder`: a cache beside the versions, replaced atomically;
    lost or stale, it costs one reading of every file."""
    rows = {rel: list(st) for rel, st in stats.items()}
    disk.replace_text(
        index_dir / STATS, json.dumps({"version": folder.name, "reader": READER, "stats": rows})
    )
