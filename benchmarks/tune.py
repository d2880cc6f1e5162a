"""The second stage's depth and weights, tried on SciFact's train split only.

    .venv/bin/python benchmarks/tune.py [--queries 200]

Prints nDCG@10 and latency per configuration; the default in `retrieve.py` is picked from this,
and `retrieval.py` then reports the test split with it, untouched.
"""

from __future__ import annotations

import argparse
import random
import time

from _shared import SCIFACT, indexed, percentiles, rows, save
from retrieval import ndcg_at_10, read_qrels

from corpusqa.sentences import Reranker, SentenceScorer

FUSION_HEAVY = {"fused": 0.7, "sentence": 0.2, "lexical": 0.1}
CONFIGS = [
    ("rrf only", 0, {"fused": 1.0, "sentence": 0.0, "lexical": 0.0}),
    ("rerank 10, fusion-heavy", 10, FUSION_HEAVY),
    ("rerank 20, fusion-heavy", 20, FUSION_HEAVY),
    ("rerank 30, fusion-heavy", 30, FUSION_HEAVY),
    ("rerank 30, balanced", 30, {"fused": 0.5, "sentence": 0.35, "lexical": 0.15}),
    ("rerank 30, sentence-heavy", 30, {"fused": 0.3, "sentence": 0.55, "lexical": 0.15}),
    ("rerank 30, no lexical", 30, {"fused": 0.5, "sentence": 0.5, "lexical": 0.0}),
    (
        "rerank 30, lexical only (no sentence embedding)",
        30,
        {"fused": 0.7, "sentence": 0.0, "lexical": 0.3},
    ),
]
# Run as `tune.py --only NAME ...` to try a few; each starts from a cold sentence cache so the
# latencies compare.


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    qa = indexed("scifact", SCIFACT / "corpus.jsonl")
    qrels = read_qrels(SCIFACT / "qrels-train.tsv")
    queries = [q for q in rows(SCIFACT / "queries-train.jsonl") if q["_id"] in qrels]
    queries = random.Random(0).sample(queries, min(args.queries, len(queries)))
    searcher = qa.searcher
    out = {}
    for name, depth, weights in CONFIGS:
        if args.only and name not in args.only:
            continue
        # A fresh scorer: a cold sentence cache for every configuration.
        searcher.scorer = SentenceScorer(searcher.index, searcher.embedder)
        searcher.reranker = Reranker(searcher.scorer, depth, weights)
        scores, took = [], []
        for q in queries:
            t = time.perf_counter()
            passages = searcher.search(
                q["text"], k=10, mode="hybrid", candidates=200, per_article=1
            )
            took.append(time.perf_counter() - t)
            scores.append(ndcg_at_10([p.article_id for p in passages], qrels[q["_id"]]))
        out[name] = {"ndcg@10": round(sum(scores) / len(scores), 4), **percentiles(took)}
        print(name, out[name], flush=True)
    save(
        "tune-scifact-train" + ("-only" if args.only else ""),
        {"queries": len(queries), "configs": out},
    )


if __name__ == "__main__":
    main()
