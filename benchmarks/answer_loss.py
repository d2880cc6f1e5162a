"""Where a wrong or missing short answer is lost: retrieval, the pool, typing, the checks or the
choice among checked candidates.

    .venv/bin/python benchmarks/answer_loss.py

For every answerable question of newsqa-dev (even and odd ids apart), the project's own sets
(`_shared.OWN_SETS`) and RealTime QA asked free-form on its quiz date, `ask`'s answer is scored as
`answers.py` scores it, and a question it gets wrong is put in the first stage that loses the
gold answer (`freeform.right` decides whether a text holds it):

- off-topic refusal: the best sentence scores below `CORPUSQA_REFUSE_BELOW`;
- not in the sentences read: no sentence of the passages `ask` reads holds the answer;
- outside the pool: some do, but none of the best few the answer is chosen from;
- never a candidate: a pool sentence holds it, but no span of the asked-for type is it;
- fails the checks: a candidate is it, but its sentence does not agree with the question's
  names, numbers and dates ("agreement"), or the span does not fit the asked-for type or role
  ("type fit");
- outranked: it passes the checks, and a checked candidate from another sentence (or
  another span of the same one) scores higher;
- too weakly backed: it is the best checked candidate, below `MIN_SUPPORT`;
- other: it is the best, yet the shown answer misses the gold (its form, or a citation that
  did not verify).

For unanswerable questions (newsqa-dev's, the own sets', and RealTime
QA's whose answer is in no article) the count is of those answered anyway: the best candidate
passed every check.
"""

from __future__ import annotations

import json
from collections import Counter

from _shared import OWN_SETS, RTQA, SHARED, indexed, rows, save
from freeform import right

from corpusqa import QA
from corpusqa.answer import pool, read_entities
from corpusqa.question import analyse
from corpusqa.ranking import rank
from corpusqa.tuning import MIN_FIT, MIN_SUPPORT

STAGES = (
    "right",
    "off-topic refusal",
    "not in the sentences read",
    "outside the pool",
    "never a candidate",
    "fails the checks: agreement",
    "fails the checks: type fit",
    "outranked",
    "too weakly backed",
    "other",
)


def stage(qa: QA, question: str, golds: list[str], as_of: str | None) -> str:
    answer = qa.ask(question, as_of=as_of)
    if not answer.refused and right(answer.text, golds):
        return "right"
    evidence = qa.evidence(question, as_of=as_of)
    if not evidence or evidence[0].score < qa.settings.refuse_below:
        return "off-topic refusal"
    if not any(right(e.text, golds) for e in evidence):
        return "not in the sentences read"
    read = pool(evidence)
    if not any(right(e.text, golds) for e in read):
        return "outside the pool"
    need = analyse(qa.entities.parse(question))
    ranked = rank(need, read, *read_entities(qa.entities, need, read))  # as `ask` ranks
    gold = [x for x in ranked if right(x.candidate.text, golds)]
    if not gold:
        return "never a candidate"
    checked = [x for x in ranked if x.checked]
    if not any(x.checked for x in gold):
        if any(x.candidate.fit >= MIN_FIT for x in gold):
            return "fails the checks: agreement"
        return "fails the checks: type fit"
    if not right(checked[0].candidate.text, golds):
        return "outranked"
    return "too weakly backed" if checked[0].value < MIN_SUPPORT else "other"


def main() -> None:
    qa = indexed("rtqa", RTQA / "articles.jsonl")
    data = json.loads((SHARED / "newsqa-dev" / "questions.json").read_text(encoding="utf-8"))
    counts: dict[str, Counter[str]] = {}
    found: list[dict] = []

    def add(group: str, qid: str, where: str) -> None:
        counts.setdefault(group, Counter())[where] += 1
        found.append({"id": qid, "group": group, "stage": where})

    own = {f"newsqa-{n}": json.loads(p.read_text(encoding="utf-8")) for n, p in OWN_SETS.items()}
    for name, questions in (
        ("newsqa-dev", data["questions"]),
        *((name, more["questions"]) for name, more in own.items()),
    ):
        for q in questions:
            group = f"{name} {_half(q['id'])}" if name == "newsqa-dev" else name
            add(group, q["id"], stage(qa, q["q"], q["answer_any"], None))
    everything = " ".join(a["title"] + " " + a["text"] for a in rows(RTQA / "articles.jsonl"))
    everything = everything.lower()
    unanswered = [
        (f"newsqa-dev {_half(q['id'])} unanswerable", q["id"], q["q"], None)
        for q in data["unanswerable"]
    ]
    for name, more in own.items():
        unanswered += [
            (f"{name} unanswerable", q["id"], q["q"], None) for q in more["unanswerable"]
        ]
    for q in rows(RTQA / "questions.jsonl"):
        if any(a.lower() in everything for a in q["answers"]):
            add("RealTime QA", q["id"], stage(qa, q["question"], q["answers"], q["date"]))
        else:
            unanswered.append(("RealTime QA answer nowhere", q["id"], q["question"], q["date"]))
    for group, qid, question, as_of in unanswered:
        refused = qa.ask(question, as_of=as_of).refused
        add(group, qid, "refused" if refused else "answered anyway")
    save(
        "answer-loss",
        {
            "stages": {
                group: {s: c[s] for s in (*STAGES, "refused", "answered anyway") if c[s]}
                for group, c in counts.items()
            },
            "questions_rows": found,
        },
    )


def _half(qid: str) -> str:
    return "odd" if int(qid[1:]) % 2 else "even"


if __name__ == "__main__":
    main()
