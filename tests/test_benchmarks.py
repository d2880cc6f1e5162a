"""The benchmark scorers, checked on hand-made data with known answers."""

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from retrieval import ndcg_at_10, read_qrels, recall_at  # noqa: E402


def test_ndcg_on_a_tiny_hand_made_qrels(tmp_path):
    (tmp_path / "qrels.tsv").write_text("query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td3\t1\n"
                                        "q2\td9\t1\n")
    qrels = read_qrels(tmp_path / "qrels.tsv")
    assert qrels == {"q1": {"d1": 1, "d3": 1}, "q2": {"d9": 1}}
    # d1 at rank 1 and d3 at rank 3: (1 + 1/log2(4)) / (1 + 1/log2(3))
    expected = (1 + 1 / 2) / (1 + 1 / math.log2(3))
    assert ndcg_at_10(["d1", "d2", "d3"], qrels["q1"]) == pytest.approx(expected)
    assert ndcg_at_10(["d1", "d3"], qrels["q1"]) == pytest.approx(1.0)
    assert ndcg_at_10(["d2"], qrels["q2"]) == 0.0
    assert recall_at(["d3", "d2"], qrels["q1"], 100) == 0.5
