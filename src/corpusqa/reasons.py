"""Answers that are reasons or descriptions: "because ...", "due to ...", a purpose after the
question's verb ("quit to end a civil war"), else the sentence itself, weighed by whether it
speaks of the asked thing or of a cause."""

from __future__ import annotations

import re

from .keyword import terms
from .lexicon import CAUSAL
from .question import Need
from .records import Candidate

_REASON = re.compile(
    r"\b(because(?:\s+of)?|due\s+to|as\s+a\s+result\s+of|owing\s+to|"
    r"in\s+order\s+to|so\s+that|amid|over\s+concerns?|to(?=\s+(?!(?:the|a|an|his|her|its|their|be|this|that)\b)[a-z]+\b))\s+"
    r"([^;.]{4,160})"
)


def speaks_of(head: str, sentence: str) -> float:
    """ "What verdict ...": a sentence that never speaks of a verdict does not describe one
    (0.3, no answer); 0.5 otherwise."""
    stem = terms(head)
    if not stem:
        return 0.5
    return 0.5 if any(w.startswith(stem[0][:5]) for w in terms(sentence)) else 0.3


def reasons(need: Need, sentence: str) -> list[Candidate]:
    """ "because ...", "due to ..." (1), "to <verb> ..." (1 after the question's verb: "quit to
    end a civil war", else 0.7), else the sentence itself: 0.5 where it has a word of cause, 0.3
    (not an answer) where it has none."""
    found = []
    at = 0
    while m := _REASON.search(sentence, at):
        at = m.end(1)  # a reason may hold another: "to resign ... quit to end a war"
        fit, text = 1.0, m.group(0)
        if m.group(1) == "to":  # a purpose: up to the clause's end
            before = terms(" ".join(sentence[: m.start()].split()[-1:]))
            fit = 1.0 if before and before[0] in need.verbs else 0.5
            text = text.split(",")[0]
        found.append(Candidate(text.strip().rstrip(",;"), m.start(), fit))
    if (m := _AS.search(sentence)) and _restates(need, sentence[: m.start()]):
        # "InSight's mission is coming to an end as dust builds up on its solar panels": what
        # the question asks about, then "as" and what is happening with it; not a purpose
        # that runs on into it ("need to file for bankruptcy as sales continue to drop").
        found = [c for c in found if not c.start < m.start() < c.start + len(c.text)]
        found.append(Candidate(m.group(1).strip().rstrip(",;"), m.start(1), 1.0))
    causal = 0.5 if CAUSAL.search(sentence) else 0.3
    return found + [Candidate(sentence.strip(), 0, causal)]


_AS = re.compile(
    r"\s+as\s+(?!(?:a|an|the|well|part|of|much|many|long|soon|far|if|though|it|is|was|"
    r"are|were|to|in|on|for|with|its|his|her|their|one|some|more|most|such)\b)"
    r"([a-z][^;.]{4,160})"
)


def _restates(need: Need, before: str) -> bool:
    """Whether a clause says most of what the question says happened."""
    words = set(terms(before))
    return bool(need.relation) and 3 * sum(t in words for t in need.relation) >= 2 * len(
        need.relation
    )
