"""Answers on RealTime QA 2023-01: recall@k, multiple-choice accuracy, refusals, `ask` latency.

    .venv/bin/python benchmarks/answers.py [--window 7]

--window N answers each question as of its quiz date: retrieval is filtered to articles published
in the N days up to it (the quizzes ask about "this week"; later articles would be hindsight).

Multiple choice, stated once and not tuned per question (the retrieval-based "IR solver" of
Clark et al. 2016, on our index): for each option, its evidence is the passage most similar
to the question with the option appended (cosine of the bundled model's vectors, times the same
recency factor retrieval uses, counted from the quiz date), among the passages that contain the
option's text (case- and quote-insensitive). The option with the strongest evidence is chosen;
for an "all of these ... except" question, the weakest. An option no passage contains has no
evidence (0); when no option has any, the first option is chosen (the baseline a guess would give).
Answer recall@k and the refusal rate use the question alone, as `retrieve` and `ask` do.
"""

from __future__ import annotations

import argparse
import re
import time

import numpy as np
from _shared import RTQA, answer_in, as_of, indexed, percentiles, rows, save

from corpusqa.filters import Filters

PUBLISHED = {"GPT-3 with Google search results": 0.642, "GPT-3 closed book": 0.508,
             "RAG (DPR+BART) with Google search results": 0.433,
             "GPT-3 with DPR over Wikipedia": 0.375}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_EXCEPT = re.compile(r"\bexcept\b", re.I)


def plain(text: str) -> str:
    return " ".join(text.translate(_QUOTES).lower().split())


class Chooser:
    """The chunk texts and vectors of the index, held once for all questions."""

    def __init__(self, qa) -> None:
        self.searcher = qa.searcher
        self.texts = [plain(c.text) for c in self.searcher.index.chunks]
        self.vectors = self.searcher.index.vectors()

    def support(self, question: str, option: str, filters: Filters,
                allowed: np.ndarray | None) -> float:
        needle = plain(option).strip(" '\".")
        found = np.array([bool(needle) and needle in text for text in self.texts])
        rows = np.flatnonzero(found if allowed is None else found & allowed)
        if not len(rows):
            return 0.0
        qvec = self.searcher.embedder.encode([f"{question} {option}"])[0]
        scores = self.vectors[rows] @ qvec * self.searcher.recency(rows, filters.as_of)
        return max(float(scores.max()), 1e-9)

    def choose(self, question: str, choices: list[str], dates: dict) -> int:
        filters = Filters(**dates)
        allowed = self.searcher.mask(filters)
        support = [self.support(question, option, filters, allowed) for option in choices]
        if not any(support):
            return 0
        if _EXCEPT.search(question):
            return min(range(len(choices)), key=lambda i: support[i])
        return max(range(len(choices)), key=lambda i: support[i])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--window", type=int, default=0)
    window = parser.parse_args().window
    qa = indexed("rtqa", RTQA / "articles.jsonl")
    questions = rows(RTQA / "questions.jsonl")
    chooser = Chooser(qa)
    correct = refused = 0
    hits = {1: 0, 5: 0, 10: 0}
    took = []
    for q in questions:
        filters = as_of(q, window)
        pick = chooser.choose(q["question"], q["choices"], filters)
        correct += pick in q["answer_index"]  # a list: some questions accept several options
        passages = qa.retrieve(q["question"], k=10, **filters)
        for k in hits:
            hits[k] += answer_in(passages, q["answers"], k)
        t = time.perf_counter()
        refused += qa.ask(q["question"], **filters).refused
        took.append(time.perf_counter() - t)
    n = len(questions)
    save(f"answers-window{window}" if window else "answers", {
        "questions": n,
        "window_days": window,
        "answer_recall": {f"@{k}": round(v / n, 4) for k, v in hits.items()},
        "multiple_choice_accuracy": round(correct / n, 4),
        "recency_days": qa.searcher.recency_days,
        "refused": round(refused / n, 4),
        "ask_latency": percentiles(took),
        "published_accuracy": PUBLISHED,
    })


if __name__ == "__main__":
    main()
