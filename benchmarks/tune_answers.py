"""The answer thresholds on newsqa-dev's even ids only (the odd ids stay for reporting).

    .venv/bin/python benchmarks/tune_answers.py

MIN_AGREE: the share of the question's names, numbers and years a sentence must agree with;
MIN_FIT: how well a span must be of the asked-for type. Higher refuses more of both kinds.
"""

from __future__ import annotations

import itertools
import json

from _shared import RTQA, SHARED, indexed, save
from freeform import right

from corpusqa import answer

NEWSQA = SHARED / "newsqa-dev" / "questions.json"


def main() -> None:
    qa = indexed("rtqa", RTQA / "articles.jsonl")
    data = json.loads(NEWSQA.read_text(encoding="utf-8"))
    even = [q for q in data["questions"] if int(q["id"][1:]) % 2 == 0]
    silent = [q for q in data["unanswerable"] if int(q["id"][1:]) % 2 == 0]
    table = []
    for agree, fit in itertools.product([0.5, 0.6, 0.7], [0.5, 0.6]):
        answer.MIN_AGREE, answer.MIN_FIT = agree, fit
        answers = [qa.ask(q["q"]) for q in even]
        table.append(
            {
                "min_agree": agree,
                "min_fit": fit,
                "right": sum(
                    not a.refused and right(a.text, q["answer_any"])
                    for a, q in zip(answers, even, strict=True)
                ),
                "answerable_refused": sum(a.refused for a in answers),
                "unanswerable_refused": sum(qa.ask(q["q"]).refused for q in silent),
                "of": [len(even), len(silent)],
            }
        )
    save("tune-answers-even", {"table": table})


if __name__ == "__main__":
    main()
