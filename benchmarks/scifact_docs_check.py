"""Sanity check for the dense SciFact figure: one vector per whole abstract, as BEIR/MTEB embed.

    .venv/bin/python benchmarks/scifact_docs_check.py

Same model, same queries and scorer as retrieval.py, but no chunking: each document is
"title text" truncated by the model (256 word pieces). Compare with retrieval.py's `dense`, which
takes the best of ~120-word chunks of each abstract.
"""

from __future__ import annotations

import numpy as np
from _shared import SCIFACT, rows, save
from retrieval import ndcg_at_10, read_qrels, recall_at

from corpusqa.embed import Embedder
from corpusqa.settings import Settings


def main() -> None:
    docs = rows(SCIFACT / "corpus.jsonl")
    qrels = read_qrels(SCIFACT / "qrels-test.tsv")
    queries = [q for q in rows(SCIFACT / "queries-test.jsonl") if q["_id"] in qrels]
    embedder = Embedder(Settings())
    matrix = embedder.encode_document([f"{d['title']} {d['text']}" for d in docs])
    qvecs = embedder.encode_document([q["text"] for q in queries])  # a batch; same model
    ids = [d["_id"] for d in docs]
    ndcg, recall = [], []
    for q, vec in zip(queries, qvecs, strict=True):
        ranked = [ids[i] for i in np.argsort(-(matrix @ vec))[:100]]
        ndcg.append(ndcg_at_10(ranked, qrels[q["_id"]]))
        recall.append(recall_at(ranked, qrels[q["_id"]], 100))
    save(
        "scifact-whole-abstracts",
        {
            "queries": len(queries),
            "ndcg@10": round(float(np.mean(ndcg)), 4),
            "recall@100": round(float(np.mean(recall)), 4),
        },
    )


if __name__ == "__main__":
    main()
