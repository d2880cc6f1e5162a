"""The chunk vectors' search structure: exact below `ANN_ROWS`, an inverted file above.

Exact search costs a pass over every vector (30 ms a question at 200k vectors on 2 cores, 256
ms at 1M). Above `ANN_ROWS`, an IVF index (FAISS `IndexIVFFlat`, trained on the vectors it
holds, about 4·sqrt(n) lists) scans the `NPROBE_SHARE` of its lists nearest the question;
`benchmarks/scale.py` measures its recall@10 against exact search. Outlet and date filters
are applied inside the search: a bitmap of the allowed rows, with more lists scanned the fewer
rows it allows, and an exact pass over those rows alone when they are few.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .tuning import ANN_ROWS, EXACT_SUBSET, NPROBE_SHARE


def build(vectors: np.ndarray, dim: int, ann_rows: int | None = None) -> Any:
    """The search structure for `vectors` (unit length, one row per chunk, `dim` wide); an
    inverted file from `ann_rows` (default `ANN_ROWS`) rows on."""
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, dim)
    n = len(vectors)
    if n < (ann_rows or ANN_ROWS):
        flat = faiss.IndexFlatIP(dim)
        if n:
            flat.add(vectors)
        return flat
    lists = max(1, min(int(4 * math.sqrt(n)), n // 39))  # k-means wants 39+ points a list
    ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, lists, faiss.METRIC_INNER_PRODUCT)
    sample = np.random.default_rng(0).choice(n, min(n, 64 * lists), replace=False)
    ivf.train(vectors[np.sort(sample)])
    ivf.add(vectors)
    ivf.make_direct_map()  # rows can be read back: a build reuses unchanged chunks' vectors
    return ivf


def search(
    index: Any, qvec: np.ndarray, n: int, mask: np.ndarray | None = None
) -> list[tuple[int, float]]:
    """The rows of the `n` nearest vectors, among those `mask` allows, with their scores."""
    import faiss

    n = min(n, index.ntotal)
    if n <= 0:
        return []
    query = np.ascontiguousarray(qvec[None, :], dtype=np.float32)
    ivf = isinstance(index, faiss.IndexIVF)
    share = 1.0
    params: Any = faiss.SearchParametersIVF() if ivf else faiss.SearchParameters()
    if mask is not None:
        allowed = np.flatnonzero(mask)
        if ivf and len(allowed) <= EXACT_SUBSET:
            return _exact_subset(index, query[0], allowed, n)
        bits = np.packbits(mask.astype(bool), bitorder="little")  # alive through the search
        params.sel = faiss.IDSelectorBitmap(len(mask), faiss.swig_ptr(bits))
        share = len(allowed) / index.ntotal
    if ivf:
        wider = 1 / math.sqrt(max(share, 1e-9))  # the fewer rows allowed, the more lists
        params.nprobe = min(index.nlist, math.ceil(index.nlist * NPROBE_SHARE * wider))
    scores, ids = index.search(query, n, params=params)
    return [(int(i), float(d)) for i, d in zip(ids[0], scores[0], strict=True) if i >= 0]


def _exact_subset(
    index: Any, qvec: np.ndarray, rows: np.ndarray, n: int
) -> list[tuple[int, float]]:
    """A restrictive filter: every allowed vector scored, none missed."""
    if not len(rows):
        return []
    vectors = index.reconstruct_batch(rows.astype(np.int64))
    scores = vectors @ qvec
    return [(int(rows[i]), float(scores[i])) for i in best(scores, n)]


def best(scores: np.ndarray, n: int) -> np.ndarray:
    """The places of the `n` highest scores, highest first, ties in place order: what a stable
    sort gives, without sorting everything (a sort of 1M scores is ~30 ms here)."""
    if n >= len(scores):
        return np.argsort(-scores, kind="stable")
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    cut = np.partition(scores, len(scores) - n)[len(scores) - n]  # the n-th highest
    keep = np.flatnonzero(scores >= cut)  # every tie at the cut, in place order
    return keep[np.argsort(-scores[keep], kind="stable")][:n]
