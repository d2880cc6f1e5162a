"""Retrieval quality: SciFact (BEIR) nDCG@10 and Recall@100, RealTime QA answer recall@k.

    .venv/bin/python benchmarks/retrieval.py [--split test|train] [--skip-scifact] [--window 7]

RealTime QA questions are asked on their quiz date, which the recency prior counts from.
--window N: only the articles of the N days up to it.
--recency D [D ...]: the hybrid default again with other recency_days (0: no recency prior).

Dense only, BM25 only, fused (RRF without the second stage) and the hybrid default, on the
same index; results in
benchmarks/results/retrieval-<split>.json.
"""

from __future__ import annotations

import argparse
import math
import time

from _shared import RTQA, SCIFACT, answer_in, as_of, indexed, percentiles, rows, save

from corpusqa.keyword import Keywords

MODES = ("dense", "bm25", "fused", "hybrid")
PUBLISHED = {
    "BM25": 0.665,
    "BM25 + cross-encoder": 0.688,
    "ColBERT": 0.671,
    "TAS-B": 0.643,
    "DPR": 0.318,
}


def ndcg_at_10(ranked: list[str], relevant: dict[str, int]) -> float:
    """BEIR's nDCG@10: a document counts once, at its best rank (a run maps each document to
    one score); a second passage of the same abstract is not a second hit."""
    ranked = list(dict.fromkeys(ranked))
    dcg = sum(relevant.get(doc, 0) / math.log2(i + 2) for i, doc in enumerate(ranked[:10]))
    ideal = sorted(relevant.values(), reverse=True)[:10]
    idcg = sum(rel / math.log2(i + 2) for i, rel in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at(ranked: list[str], relevant: dict[str, int], k: int) -> float:
    hits = {d for d in list(dict.fromkeys(ranked))[:k] if relevant.get(d, 0) > 0}
    return len(hits) / max(1, sum(1 for v in relevant.values() if v > 0))


def bm25_build_seconds(qa) -> float:
    """What the keyword index adds to every index update: tokenizing and indexing all chunks."""
    texts = qa.searcher.index.texts()
    t = time.perf_counter()
    Keywords.build(texts)
    return round(time.perf_counter() - t, 2)


def read_qrels(path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    for line in path.read_text().splitlines()[1:]:
        qid, doc, score = line.split("\t")
        qrels.setdefault(qid, {})[doc] = int(score)
    return qrels


def rank(qa, query: str, mode: str, k: int = 100) -> list[str]:
    """The abstracts `corpusqa.retrieve` returns for `query`, best first, each once: the
    library's own path, so that the figures are what a user gets."""
    return list(dict.fromkeys(p.article_id for p in qa.retrieve(query, k=k, mode=mode)))


def scifact(split: str, modes: tuple[str, ...] = MODES) -> dict:
    qa = indexed("scifact", SCIFACT / "corpus.jsonl")
    qrels = read_qrels(SCIFACT / f"qrels-{split}.tsv")
    queries = [q for q in rows(SCIFACT / f"queries-{split}.jsonl") if q["_id"] in qrels]
    searcher = qa.searcher
    out = {}
    for mode in modes:
        ndcg, recall, took = [], [], []
        for q in queries:
            t = time.perf_counter()
            ranked = rank(qa, q["text"], mode)
            took.append(time.perf_counter() - t)
            ndcg.append(ndcg_at_10(ranked, qrels[q["_id"]]))
            recall.append(recall_at(ranked, qrels[q["_id"]], 100))
        out[mode] = {
            "ndcg@10": round(sum(ndcg) / len(ndcg), 4),
            "recall@100": round(sum(recall) / len(recall), 4),
            **percentiles(took),
        }
        print(mode, out[mode], flush=True)
    return {
        "queries": len(queries),
        "chunks": len(searcher.index.chunks),
        "bm25_build_seconds": bm25_build_seconds(qa),
        "results": out,
        "published_ndcg@10": PUBLISHED,
    }


def answer_recall(qa, questions: list[dict], mode: str, window: int) -> dict:
    hits = {1: 0, 5: 0, 10: 0}
    took = []
    for q in questions:
        t = time.perf_counter()
        passages = qa.retrieve(q["question"], k=10, mode=mode, **as_of(q, window))
        took.append(time.perf_counter() - t)
        for k in hits:
            hits[k] += answer_in(passages, q["answers"], k)
    out = {f"recall@{k}": round(v / len(questions), 4) for k, v in hits.items()}
    return {**out, **percentiles(took)}


def realtimeqa(window: int = 0, recency: list[float] | None = None) -> dict:
    qa = indexed("rtqa", RTQA / "articles.jsonl")
    questions = rows(RTQA / "questions.jsonl")
    searcher = qa.searcher
    default = searcher.recency_days
    out = {}
    for mode in MODES:
        out[mode] = answer_recall(qa, questions, mode, window)
        print(mode, out[mode], flush=True)
    for days in recency or []:
        searcher.recency_days = days
        out[f"hybrid, recency_days={days:g}"] = answer_recall(qa, questions, "hybrid", window)
        print(days, out[f"hybrid, recency_days={days:g}"], flush=True)
    searcher.recency_days = default
    return {
        "questions": len(questions),
        "ceiling": round(95 / 120, 4),
        "window_days": window,
        "recency_days": default,
        "bm25_build_seconds": bm25_build_seconds(qa),
        "results": out,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test", choices=["test", "train"])
    parser.add_argument("--skip-scifact", action="store_true")
    parser.add_argument("--skip-rtqa", action="store_true")
    parser.add_argument("--window", type=int, default=0)
    parser.add_argument("--modes", nargs="*", default=list(MODES), choices=MODES)
    parser.add_argument("--recency", nargs="*", type=float, default=[])
    args = parser.parse_args()
    result = {}
    if not args.skip_rtqa:
        result["realtimeqa"] = realtimeqa(args.window, args.recency)
    if not args.skip_scifact:
        result["scifact"] = scifact(args.split, tuple(args.modes))
    suffix = f"-window{args.window}" if args.window else ""
    save(
        f"retrieval-{args.split}{suffix}" if not args.skip_scifact else f"retrieval-rtqa{suffix}",
        result,
    )


if __name__ == "__main__":
    main()
