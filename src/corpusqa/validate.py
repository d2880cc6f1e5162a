"""Whether a question can be asked: not empty, not too long, in English (the embedding
model's language)."""

from __future__ import annotations

import re

from .clean import dominant_script
from .errors import QuestionError

# Function words of the languages people most often ask in instead; matched in lower case only
# (a question's first word aside), so "IL-10" or "Die Hard" do not make a question Italian or
# German.
_FOREIGN = frozenset(
    """le la les des est qui que une der die das und ist wer el los las por quién
    qué che chi il di du avec pour""".split()
)
_ENGLISH = frozenset(
    """the a an is are was were who whom what when where how why did does do of
    to in on at by for with from and or which that this it as be has have not""".split()
)


def _mostly_foreign(question: str) -> bool:
    """Two or more foreign function words and more of them than English ones."""
    words = re.findall(r"[^\W\d_]+", question)
    words = [w.lower() if i == 0 else w for i, w in enumerate(words)]
    foreign = sum(w in _FOREIGN for w in words)
    return foreign >= 2 and foreign > sum(w.lower() in _ENGLISH for w in words)


def checked_question(question: str, limit: int) -> str:
    """A usable question, or a `QuestionError` that says what is wrong with it."""
    question = (question or "").strip()
    if not question:
        raise QuestionError("the question is empty: type a question about the articles")
    if len(question) > limit:
        raise QuestionError(
            f"the question is {len(question)} characters long; the limit is "
            f"{limit} (CORPUSQA_MAX_QUESTION_CHARS)"
        )
    script = dominant_script(question)
    if (script and script != "LATIN") or _mostly_foreign(question):
        raise QuestionError(
            "corpusqa understands questions in English only "
            "(its embedding model is English); please ask in English"
        )
    return question
