"""Files an index is made of, written so that a reader never sees half of one."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .records import Chunk


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def replace_text(path: Path, text: str) -> None:
    """Write `path` whole or not at all: readers see the old text or the new one."""
    tmp = path.with_name(f".{path.name}.tmp")
    write_text(tmp, text)
    os.replace(tmp, path)


def write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    fsync(path)


def fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def save_arrays(folder: Path, arrays: Mapping[str, np.ndarray]) -> None:
    """Each array as a plain `.npy` file in `folder`, so that a reader can memory-map it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, array in arrays.items():
        np.save(folder / f"{name}.npy", array)


def load_arrays(folder: Path) -> dict[str, np.ndarray]:
    """`save_arrays`' arrays, memory-mapped: loading reads their headers, a search the pages
    it touches. Those of `<folder>.npz`, as written before, are read whole (a zip)."""
    if folder.is_dir():
        return {p.stem: np.load(p, mmap_mode="r") for p in sorted(folder.glob("*.npy"))}
    with np.load(folder.with_suffix(".npz")) as npz:
        return {name: npz[name] for name in npz.files}


def read_chunks(
    path: Path, bodies: dict[str, str]
) -> tuple[list[Chunk], tuple[tuple[int, ...], ...]]:
    """The chunks of a segment written before `tables.py` (one JSON line a chunk), their text
    cut from `bodies` (article id -> body)."""
    rows = read_jsonl(path)
    chunks = [
        Chunk(
            id=row["id"],
            article_id=row["article_id"],
            text=bodies[row["article_id"]][row["start"] : row["end"]],
            start=row["start"],
            end=row["end"],
            sentences=tuple((s, e) for s, e in row["sentences"]),
        )
        for row in rows
    ]
    return chunks, tuple(tuple(row.get("srows", ())) for row in rows)
