"""The benchmark scorers, checked on hand-made data with known answers."""

import math
import sys
from pathlib import Path

import pytest
from conftest import CountingEmbedder

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from retrieval import ndcg_at_10, read_qrels, recall_at  # noqa: E402


def test_ndcg_on_a_tiny_hand_made_qrels(tmp_path: Path) -> None:
    (tmp_path / "qrels.tsv").write_text(
        "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td3\t1\nq2\td9\t1\n"
    )
    qrels = read_qrels(tmp_path / "qrels.tsv")
    assert qrels == {"q1": {"d1": 1, "d3": 1}, "q2": {"d9": 1}}
    # d1 at rank 1 and d3 at rank 3: (1 + 1/log2(4)) / (1 + 1/log2(3))
    expected = (1 + 1 / 2) / (1 + 1 / math.log2(3))
    assert ndcg_at_10(["d1", "d2", "d3"], qrels["q1"]) == pytest.approx(expected)
    assert ndcg_at_10(["d1", "d3"], qrels["q1"]) == pytest.approx(1.0)
    assert ndcg_at_10(["d2"], qrels["q2"]) == 0.0
    assert recall_at(["d3", "d2"], qrels["q1"], 100) == 0.5


def test_an_abstract_counts_once_however_many_of_its_passages_rank() -> None:
    # The README once reported dense nDCG@10 0.846 on SciFact: the second and third passages
    # of a relevant abstract were counted as more hits, past the ideal ranking.
    assert ndcg_at_10(["d1", "d1", "d1"], {"d1": 1}) == pytest.approx(1.0)
    assert ndcg_at_10(["d2", "d1", "d1", "d3"], {"d1": 1, "d3": 1}) == pytest.approx(
        ndcg_at_10(["d2", "d1", "d3"], {"d1": 1, "d3": 1})
    )
    assert recall_at(["d1", "d1", "d3"], {"d1": 1, "d3": 1}, 2) == 1.0


SCIFACT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "scifact"


def test_the_benchmark_ranks_as_corpusqa_retrieve_does(
    tmp_path: Path, embedder: CountingEmbedder
) -> None:
    from retrieval import rank

    import corpusqa
    from corpusqa.qa import QA
    from corpusqa.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = (SCIFACT / "corpus.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    (corpus / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    qa = QA(settings, embedder=embedder)
    qa.build()
    for query in ("white matter development in newborns", "cancer cells and tumour growth"):
        for mode in ("dense", "bm25", "hybrid"):
            library = [
                p.article_id
                for p in corpusqa.retrieve(query, k=100, index_dir=settings.index_dir, mode=mode)
            ]
            assert rank(qa, query, mode) == list(dict.fromkeys(library))
            # and the first k of k + n passages are the k a search for k returns
            assert [p.chunk_id for p in qa.retrieve(query, k=3, mode=mode)] == [
                p.chunk_id for p in qa.retrieve(query, k=30, mode=mode)
            ][:3]
