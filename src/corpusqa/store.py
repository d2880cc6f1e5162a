"""The index folder on disk: immutable version folders and a `CURRENT` pointer to one of them.

A version is a list of segments (`segment.py`) and, per segment, the articles since replaced
or removed. A build writes a new version into a hidden temporary folder (its new segment
written, the segments it keeps hard-linked from the current version), renames it into place
and only then replaces `CURRENT` (an atomic rename). A build killed at any moment therefore
leaves the previous version loadable; leftovers are swept by the next build.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from . import disk, segment
from .errors import IndexDamagedError, IndexMismatchError, IndexMissingError
from .segment import Contents, Segment

log = logging.getLogger(__name__)
FORMAT = 1
POINTER = "CURRENT"
KEEP = 2  # versions kept: the newest, and the one a running reader may still be opening


@dataclass(frozen=True)
class Manifest:
    """What a version was built from and holds: `manifest.json`."""

    settings: dict[str, Any]  # the settings fingerprint it was built with
    model_path: str
    dim: int
    created: str  # ISO time of the build
    hashes: dict[str, str]  # article id -> content hash
    files: dict[str, str | None]  # article id -> the file it was read from
    counts: dict[str, int]  # "articles", "chunks"
    format: int = FORMAT
    sizes: dict[str, int] = field(default_factory=dict)  # file -> bytes written
    segments: list[str] = field(default_factory=list)  # none: written before segments
    deleted: dict[str, list[str]] = field(default_factory=dict)  # segment -> article ids gone

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        return cls(
            settings=data.get("settings", {}),
            model_path=data.get("model_path", ""),
            dim=int(data["dim"]),
            created=str(data.get("created", "")),
            hashes=data.get("hashes", {}),
            files=data.get("files", {}),
            counts=data.get("counts", {}),
            format=data.get("format", 0),
            sizes=data.get("sizes", {}),
            segments=data.get("segments", []),
            deleted=data.get("deleted", {}),
        )


@dataclass(frozen=True)
class Version:
    """One version folder as read from disk: its segments, and what in them is deleted."""

    folder: Path
    manifest: Manifest
    segments: list[Segment]


def current(index_dir: Path) -> Path | None:
    try:
        name = (index_dir / POINTER).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    folder = index_dir / name
    return folder if name and (folder / "manifest.json").exists() else None


def damage(folder: Path) -> str | None:
    """Why a version cannot be used, or None; a few stats, cheap enough for every question.
    Each version's manifest records the size of every file written beside it."""
    try:
        manifest = read_manifest(folder)
    except (OSError, ValueError) as e:
        return f"manifest.json cannot be read ({type(e).__name__})"
    for name, size in manifest.sizes.items():
        path = folder / name
        if not path.is_file():
            return f"{name} is missing"
        if path.stat().st_size != size:
            return f"{name} has {path.stat().st_size} bytes where {size} were written"
    return None


def usable(index_dir: Path) -> tuple[Path | None, str | None]:
    """The current version, or the newest whole one when it is damaged, with a one-line word
    of why; None when there is no index yet."""
    try:
        name = (index_dir / POINTER).read_text(encoding="utf-8").strip()
    except OSError:
        return None, None
    pointed = index_dir / name
    reason = damage(pointed) if name and pointed.is_dir() else "its folder is missing"
    if reason is None:
        return pointed, None
    for other in sorted(index_dir.glob("v-*"), reverse=True):  # names sort by build time
        if other != pointed and damage(other) is None:
            return other, (
                f"index version {name} is damaged ({reason}); using {other.name}, "
                "the newest whole one: `corpusqa index` repairs it"
            )
    raise IndexDamagedError(
        f"index {pointed} is damaged ({reason}) and no earlier version is "
        "whole: run `corpusqa index --rebuild`"
    )


def read_manifest(folder: Path) -> Manifest:
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("manifest.json holds no object")
    try:
        return Manifest.from_json(data)
    except (KeyError, TypeError) as e:
        raise ValueError(f"manifest.json lacks {e}") from None


def check(manifest: Manifest, expected: dict[str, Any], folder: Path) -> None:
    """Refuse an index built with other settings, saying what differs and how to rebuild."""
    if manifest.format != FORMAT:
        raise IndexMismatchError(
            f"index {folder} has format {manifest.format}, this corpusqa reads {FORMAT}: "
            "run `corpusqa index --rebuild`"
        )
    built = manifest.settings
    diffs = [
        f"{k}: index {built.get(k)!r}, now {v!r}" for k, v in expected.items() if built.get(k) != v
    ]
    if diffs:
        raise IndexMismatchError(
            f"index {folder} was built with other settings ({'; '.join(diffs)}): "
            "run `corpusqa index --rebuild`, or restore the settings it was built with"
        )


def load(index_dir: Path, expected: dict[str, Any]) -> Version:
    folder, warning = usable(index_dir)
    if folder is None:
        raise IndexMissingError(
            f"no index in {index_dir}: run `corpusqa index` first (or set CORPUSQA_INDEX_DIR)"
        )
    if warning:
        log.warning(warning)
    manifest = read_manifest(folder)
    check(manifest, expected, folder)
    try:
        return _read_version(folder, manifest)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as e:
        # Damage the sizes cannot show (an index written before they were recorded).
        raise IndexDamagedError(
            f"index {folder} cannot be read ({type(e).__name__}: {e}); "
            "run `corpusqa index --rebuild`"
        ) from None


def _read_version(folder: Path, manifest: Manifest) -> Version:
    return Version(folder, manifest, read_segments(folder, manifest))


def read_segments(folder: Path, manifest: Manifest, names: set[str] | None = None) -> list[Segment]:
    """The version's segments (those of `names` only, when given), in its order; a version
    written before segments is one, at its root."""
    if not manifest.segments:
        return [segment.read(folder, ".", legacy=True)]
    wanted = [n for n in manifest.segments if names is None or n in names]
    return [segment.read(folder / n, n) for n in wanted]


def catalogue(folder: Path, manifest: Manifest) -> Manifest:
    """`manifest` with the content hash and file of every live article, read from its
    segments (a version's own manifest does not repeat them)."""
    if not manifest.segments:
        return manifest
    hashes: dict[str, str] = {}
    files: dict[str, str | None] = {}
    for name in manifest.segments:
        gone = set(manifest.deleted.get(name, ()))
        info = segment.info(folder / name)
        if not gone:  # whole dicts at once: at 500k articles the filter takes 0.3 s
            hashes.update(info.hashes)
            files.update(info.files)
            continue
        hashes.update((a, h) for a, h in info.hashes.items() if a not in gone)
        files.update((a, f) for a, f in info.files.items() if a not in gone)
    return replace(manifest, hashes=hashes, files=files)


def write(
    index_dir: Path,
    manifest: Manifest,
    keep: Sequence[tuple[Path, str]],
    new: Sequence[tuple[str, Contents]],
) -> Path:
    """Write a new version of segments `keep` (folder of the version holding it, name) and
    `new` (name, contents), then point `CURRENT` at it."""
    tmp = index_dir / f".tmp-{uuid.uuid4().hex[:12]}"
    tmp.mkdir(parents=True)
    sources = {source: read_manifest(source).sizes for source, _ in keep}
    for source, name in keep:
        segment.link(source, tmp, [f for f in sources[source] if f.startswith(f"{name}/")])
    for name, contents in new:
        segment.write(tmp / name, contents, manifest.dim)
    sizes = {
        p.relative_to(tmp).as_posix(): p.stat().st_size
        for p in sorted(tmp.rglob("*"))
        if p.is_file()
    }
    names = [name for _, name in keep] + [name for name, _ in new]
    final_manifest = replace(
        manifest, format=FORMAT, sizes=sizes, segments=names, hashes={}, files={}
    )
    disk.write_text(tmp / "manifest.json", json.dumps(asdict(final_manifest), indent=1))
    for path in tmp.rglob("*"):
        if path.is_file():
            disk.fsync(path)
    final = index_dir / f"v-{time.strftime('%Y%m%dT%H%M%S')}-{tmp.name[-12:]}"
    os.rename(tmp, final)
    disk.replace_text(index_dir / POINTER, final.name)
    disk.fsync(index_dir)
    sweep(index_dir)
    return final


def sweep(index_dir: Path) -> None:
    """Drop temporary folders of dead builds and versions older than the last `KEEP`."""
    live = current(index_dir)
    versions = sorted(index_dir.glob("v-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    stale = [p for p in versions[KEEP:] if p != live] + list(index_dir.glob(".tmp-*"))
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
