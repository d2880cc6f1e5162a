"""Answers on RealTime QA 2023-01: recall@k, multiple-choice accuracy, refusals, `ask` latency.

    .venv/bin/python benchmarks/answers.py [--window 7]

--window N answers each question as of its quiz date: retrieval is filtered to articles published
in the N days up to it (the quizzes ask about "this week"; later articles would be hindsight).

Multiple choice, stated once and not tuned per question: retrieve the top 10 passages for the
question; for each option, its support is the best, over the sentences of those passages, of
(IDF-weighted share of the option's terms found in the sentence) x (the sentence's relevance to
the question: cosine + lexical coverage, as `ask` scores evidence). A sentence containing the
option's whole text counts its terms as all found. The option with the most support is chosen;
with no support at all, the first option (the baseline a guess would give).
"""

from __future__ import annotations

import argparse
import time

from _shared import RTQA, as_of, indexed, percentiles, rows, save

from corpusqa.keyword import terms

PUBLISHED = {"GPT-3 with Google search results": 0.642, "GPT-3 closed book": 0.508,
             "RAG (DPR+BART) with Google search results": 0.433,
             "GPT-3 with DPR over Wikipedia": 0.375}


def choose(qa, question: str, choices: list[str], filters: dict) -> tuple[int, list]:
    passages = qa.retrieve(question, k=10, **filters)
    searcher = qa.searcher
    qvec = searcher.query_vector(question)
    sentences = []
    for p in passages:
        body = searcher.index.articles[p.article_id].body
        for s in searcher.sentences(question, qvec, searcher.index.row_of[p.chunk_id]):
            sentences.append((body[s.span[0]:s.span[1]], 0.65 * s.dense + 0.35 * s.lexical))
    support = []
    for choice in choices:
        cterms = terms(choice)
        best = 0.0
        for text, relevance in sentences:
            if choice.lower() in text.lower():
                share = 1.0
            else:
                share = searcher.coverage(cterms, terms(text)) if cterms else 0.0
            best = max(best, share * max(relevance, 0.0))
        support.append(best)
    pick = max(range(len(choices)), key=lambda i: support[i]) if max(support) > 0 else 0
    return pick, passages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--window", type=int, default=0)
    window = parser.parse_args().window
    qa = indexed("rtqa", RTQA / "articles.jsonl")
    questions = rows(RTQA / "questions.jsonl")
    correct = refused = 0
    hits = {1: 0, 5: 0, 10: 0}
    took = []
    for q in questions:
        filters = as_of(q, window)
        pick, passages = choose(qa, q["question"], q["choices"], filters)
        correct += pick in q["answer_index"]  # a list: some questions accept several options
        for k in hits:
            text = " ".join(p.text for p in passages[:k]).lower()
            hits[k] += any(a.lower() in text for a in q["answers"])
        t = time.perf_counter()
        refused += qa.ask(q["question"], **filters).refused
        took.append(time.perf_counter() - t)
    n = len(questions)
    save(f"answers-window{window}" if window else "answers", {
        "questions": n,
        "window_days": window,
        "answer_recall": {f"@{k}": round(v / n, 4) for k, v in hits.items()},
        "multiple_choice_accuracy": round(correct / n, 4),
        "refused": round(refused / n, 4),
        "ask_latency": percentiles(took),
        "published_accuracy": PUBLISHED,
    })


if __name__ == "__main__":
    main()
