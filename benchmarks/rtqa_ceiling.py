"""How high can RealTime QA answer recall@k go for a retriever that matches the question?

    .venv/bin/python benchmarks/rtqa_ceiling.py

An answer string occurs somewhere in the 782 articles for 95 of the 120 questions, but often by
chance ("Six", "90", "Madonna" in a 2018 concert listing). Two measures of a more honest ceiling:

- Topical: for each question, the chunk that contains an answer and shares most of the
  question's words (IDF-weighted, as the second stage scores sentences); the questions whose best
  such chunk shares at least a given share. No question-driven retriever should rank a chunk that
  shares under a fifth of the question's words in its top 5.
- Oracle reranker: the first stage hands the second one the union of the dense and BM25 top n.
  If a reranker knew the answer and put the chunk holding it first, recall@5 would be the share of
  questions with such a chunk in that pool; nothing that re-orders the pool can do better. The
  same count is also given for pool chunks that share at least a fifth of the question's words.
- Longer passages: the default's top 5 with each passage widened by its headline, or by the
  chunks before and after it (up to three times the words); would bigger chunks get there?
"""

from __future__ import annotations

from dataclasses import replace

from _shared import RTQA, answer_in, as_of, indexed, rows, save

from corpusqa.keyword import terms

SHARES = (0.2, 0.3, 0.4, 0.5)
POOLS = (5, 10, 20, 50, 100, 200)
TOPICAL = 0.2


def wider(qa, questions: list[dict]) -> dict[str, float]:
    """Recall@5 of the default's top 5 with each passage's text widened."""
    chunks = qa.searcher.index.chunks
    position = {c.id: row for row, c in enumerate(chunks)}

    def next_to(p, step: int) -> str:
        article, n = p.chunk_id.rsplit("#", 1)
        row = position.get(f"{article}#{int(n) + step}")
        return chunks[row].text if row is not None else ""

    widen = {
        "chunk (the default)": lambda p: p.text,
        "headline + chunk": lambda p: f"{p.title} {p.text}",
        "chunk + next chunk": lambda p: f"{p.text} {next_to(p, 1)}",
        "previous + chunk + next": lambda p: f"{next_to(p, -1)} {p.text} {next_to(p, 1)}",
    }
    hits = dict.fromkeys(widen, 0)
    for q in questions:
        passages = qa.retrieve(q["question"], k=5, **as_of(q, 0))
        for name, text in widen.items():
            hits[name] += answer_in([replace(p, text=text(p)) for p in passages], q["answers"], 5)
    return {name: round(v / len(questions), 4) for name, v in hits.items()}


def main() -> None:
    qa = indexed("rtqa", RTQA / "articles.jsonl")
    searcher = qa.searcher
    chunks = searcher.index.chunks
    lowered = [c.text.lower() for c in chunks]
    best, anywhere = [], 0
    pooled = {n: 0 for n in POOLS}
    topical = {n: 0 for n in POOLS}
    questions = rows(RTQA / "questions.jsonl")
    for q in questions:
        qterms = terms(q["question"])
        answers = [a.lower() for a in q["answers"]]
        holding = {
            row: searcher.scorer.coverage(qterms, terms(chunks[row].text))
            for row, text in enumerate(lowered)
            if any(a in text for a in answers)
        }
        anywhere += bool(holding)
        best.append(max(holding.values(), default=0.0))
        dense = searcher._dense(searcher.query_vector(q["question"]), max(POOLS), None)
        bm25 = searcher._bm25(q["question"], max(POOLS), None)
        for n in POOLS:
            pool = [row for row in set(dense[:n]) | set(bm25[:n]) if row in holding]
            pooled[n] += bool(pool)
            topical[n] += any(holding[row] >= TOPICAL for row in pool)
    n = len(best)
    save(
        "rtqa-ceiling",
        {
            "questions": n,
            "answer_in_some_chunk": round(anywhere / n, 4),
            "answer_in_a_chunk_sharing_at_least": {
                f"{s:.0%}": round(sum(b >= s for b in best) / n, 4) for s in SHARES
            },
            "oracle_reranker_recall@5_over_dense_and_bm25_top_n": {
                str(k): round(v / n, 4) for k, v in pooled.items()
            },
            f"same, chunks sharing at least {TOPICAL:.0%}": {
                str(k): round(v / n, 4) for k, v in topical.items()
            },
            "default_recall@5_with_wider_passages": wider(qa, questions),
        },
    )


if __name__ == "__main__":
    main()
