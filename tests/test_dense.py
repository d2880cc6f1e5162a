"""Dense search: exact below the threshold, IVF above it with recall kept, filters inside."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np
import pytest
from conftest import CountingEmbedder

from corpusqa import dense
from corpusqa.qa import QA
from corpusqa.settings import Settings
from corpusqa.tuning import EXACT_SUBSET


def _clustered(n: int, seed: int = 0) -> np.ndarray:
    """Unit vectors around 300 topics, like chunks of news about a few hundred stories."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(300, 64))
    x = centres[rng.integers(0, 300, n)] + rng.normal(scale=0.6, size=(n, 64))
    return np.asarray(x / np.linalg.norm(x, axis=1, keepdims=True), dtype=np.float32)


def _exact(x: np.ndarray, q: np.ndarray, n: int, rows: np.ndarray | None = None) -> list[int]:
    rows = np.arange(len(x)) if rows is None else rows
    scores = x[rows] @ q
    return [int(rows[i]) for i in np.argsort(-scores)[:n]]


def _rows(found: list[tuple[int, float]]) -> list[int]:
    return [row for row, _ in found]


def _recall(index: object, x: np.ndarray, queries: np.ndarray, mask: np.ndarray | None) -> float:
    rows = None if mask is None else np.flatnonzero(mask)
    hits = [
        len(set(_rows(dense.search(index, q, 10, mask))) & set(_exact(x, q, 10, rows))) / 10
        for q in queries
    ]
    return float(np.mean(hits))


def test_below_the_threshold_the_search_is_exact() -> None:
    x = _clustered(3000)
    index = dense.build(x, 64)
    assert isinstance(index, faiss.IndexFlatIP)
    q = x[7]
    assert _rows(dense.search(index, q, 10)) == _exact(x, q, 10)


def test_an_inverted_file_keeps_recall_and_applies_filters_inside(tmp_path: Path) -> None:
    x, queries = _clustered(40_000), _clustered(100, seed=1)
    index = dense.build(x, 64, ann_rows=10_000)
    assert isinstance(index, faiss.IndexIVFFlat) and index.nlist == int(4 * np.sqrt(40_000))
    faiss.write_index(index, str(tmp_path / "v.faiss"))
    index = faiss.read_index(str(tmp_path / "v.faiss"))
    assert np.allclose(index.reconstruct_n(0, 5), x[:5])  # a build reuses vectors read back
    assert _recall(index, x, queries, None) >= 0.97
    wide = np.ones(len(x), dtype=bool)
    wide[::3] = False  # two outlets of three: more than EXACT_SUBSET rows, more lists scanned
    assert wide.sum() > EXACT_SUBSET
    assert _recall(index, x, queries, wide) >= 0.97
    assert all(wide[r] for q in queries[:10] for r in _rows(dense.search(index, q, 10, wide)))
    narrow = np.zeros(len(x), dtype=bool)
    narrow[100:160] = True  # a week of one outlet: every allowed vector is scored
    assert _rows(dense.search(index, queries[0], 10, narrow)) == _exact(
        x, queries[0], 10, np.arange(100, 160)
    )


def test_an_index_built_as_an_inverted_file_answers_and_updates(
    settings: Settings, embedder: CountingEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    flat = QA(settings, embedder=embedder)
    flat.build()
    expected = [p.chunk_id for p in flat.retrieve("Who doubted the withdrawal?", k=3)]
    monkeypatch.setattr(dense, "ANN_ROWS", 5)
    qa = QA(settings, embedder=embedder)
    qa.build(rebuild=True)
    assert isinstance(qa.searcher.index.segments[0].vectors, faiss.IndexIVFFlat)
    assert [p.chunk_id for p in qa.retrieve("Who doubted the withdrawal?", k=3)] == expected
    (settings.corpus_dir / "new.txt").write_text("Ukraine Talks\n\nDiplomats met in Geneva.\n")
    embedder.calls.clear()
    report = qa.build()
    assert report.added == 1 and report.chunks_embedded == 1  # the others read back from the IVF
    assert "Geneva" in qa.retrieve("Where did diplomats meet?", k=1)[0].text


def test_the_best_rows_are_those_a_stable_sort_gives_ties_and_all() -> None:
    from corpusqa.dense import best

    rng = np.random.default_rng(0)
    for _ in range(500):
        scores = rng.integers(0, 4, int(rng.integers(1, 300))).astype(np.float32)  # many ties
        n = int(rng.integers(1, 50))
        assert best(scores, n).tolist() == np.argsort(-scores, kind="stable")[:n].tolist()
