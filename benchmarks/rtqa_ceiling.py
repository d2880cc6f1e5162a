"""How high can RealTime QA answer recall@k go for a retriever that matches the question?

    .venv/bin/python benchmarks/rtqa_ceiling.py

An answer string occurs somewhere in the 782 articles for 95 of the 120 questions, but often by
chance ("Six", "90", "Madonna" in a 2018 concert listing). For each question this finds the chunk
that contains an answer and shares most of the question's words (IDF-weighted, as the second
stage scores sentences), and counts the questions whose best such chunk shares at least a given
share. A chunk that shares under a third of the question's words is one that no question-driven
retriever should rank in its top 5, so these counts are a more honest ceiling than 95.
"""

from __future__ import annotations

from _shared import RTQA, indexed, rows, save

from corpusqa.keyword import terms

SHARES = (0.2, 0.3, 0.4, 0.5)


def main() -> None:
    qa = indexed("rtqa", RTQA / "articles.jsonl")
    searcher = qa.searcher
    chunks = searcher.index.chunks
    lowered = [c.text.lower() for c in chunks]
    tokens: dict[int, list[str]] = {}
    best, anywhere = [], 0
    for q in rows(RTQA / "questions.jsonl"):
        qterms = terms(q["question"])
        answers = [a.lower() for a in q["answers"]]
        share = 0.0
        holding = [row for row, text in enumerate(lowered) if any(a in text for a in answers)]
        anywhere += bool(holding)
        for row in holding:
            words = tokens.setdefault(row, terms(chunks[row].text))
            share = max(share, searcher.coverage(qterms, words))
        best.append(share)
    n = len(best)
    save("rtqa-ceiling", {
        "questions": n,
        "answer_in_some_chunk": round(anywhere / n, 4),
        "answer_in_a_chunk_sharing_at_least": {
            f"{s:.0%}": round(sum(b >= s for b in best) / n, 4) for s in SHARES},
    })


if __name__ == "__main__":
    main()
