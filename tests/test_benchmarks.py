"""The benchmark scorers, checked on hand-made data with known answers."""

import json
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


# A small corpus in BEIR's layout, written here so the test needs nothing beside the checkout;
# each abstract is long enough to be cut into several passages, as SciFact's are.
ABSTRACTS = {
    "d1": ("Newborn cerebral white matter", "white matter in the newborn brain develops"),
    "d2": ("Tumour growth in mice", "cancer cells drive tumour growth in mice"),
    "d3": ("Diffusion imaging of infants", "diffusion imaging shows fibre tracts in infants"),
    "d4": ("Cell death in tumours", "apoptosis limits how fast a tumour grows"),
    "d5": ("Myelin in early life", "myelination of white matter begins before birth"),
    "d6": ("Immune cells and cancer", "T cells attack cancer cells in the blood"),
    "d7": ("Sleep in adolescents", "teenagers sleep later than children do"),
    "d8": ("Bone density in the elderly", "bone density falls with age in women"),
    "d9": ("Premature birth and the brain", "premature newborns show less white matter growth"),
    "d10": ("Metastasis", "tumour cells spread through the lymph nodes to other organs"),
    "d11": ("Vitamin D", "vitamin D levels relate to bone health and the immune system"),
    "d12": ("Heart rate variability", "heart rate variability drops in chronic stress"),
}


def _beir_line(doc_id: str, title: str, text: str) -> str:
    body = " ".join(f"{text.capitalize()} in study {n} of {doc_id}." for n in range(1, 40))
    return json.dumps({"_id": doc_id, "title": title, "text": body})


def test_the_benchmark_ranks_as_corpusqa_retrieve_does(
    tmp_path: Path, embedder: CountingEmbedder
) -> None:
    from retrieval import rank

    import corpusqa
    from corpusqa.qa import QA
    from corpusqa.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [_beir_line(doc_id, *words) for doc_id, words in ABSTRACTS.items()]
    (corpus / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    qa = QA(settings, embedder=embedder)
    qa.build()
    passages = qa.retrieve("white matter", k=100, mode="bm25")
    assert len({p.chunk_id for p in passages}) > len({p.article_id for p in passages}) > 1
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
