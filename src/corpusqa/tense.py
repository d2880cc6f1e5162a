"""What is to come and what was: a question about what will happen ("when will the Senate
vote?") is not answered by the date of what was done."""

from __future__ import annotations

import re

from .numerals import YEAR
from .question import Need

_BEFORE = re.compile(r"\b(?:last|ago|earlier|previous(?:ly)?|yesterday)\b", re.I)


def wrong_tense(need: Need, when: str, published: str | None) -> bool:
    """A date before the article's year, or written as past ("last July"), for a question
    about what will happen ("when will they fly?"). Not the other way round: what was done
    may set a later date ("pushed the ban back to 2025")."""
    if need.kind != "date" or need.tense != "future":
        return False
    years = [int(y) for y in YEAR.findall(when)]
    year = int(published[:4]) if published and published[:4].isdigit() else None
    return bool(_BEFORE.search(when)) or bool(year and years and max(years) < year)


def reports_past(need: Need, sentence: str) -> bool:
    """For a question about what will happen ("when will the Senate vote?"), a sentence that
    reports what was done ("The Senate passed legislation Wednesday") and says nothing of
    what is to come: its dates are of the past event."""
    if need.kind != "date" or need.tense != "future":
        return False
    return bool(_PAST_VERB.search(sentence)) and not _TO_COME.search(sentence)


_PAST_VERB = re.compile(
    r"\b(?:[a-z]{3,}ed|met|said|told|held|made|took|gave|went|came|began|won|lost|sent|spoke|"
    r"flew|left|rose|fell)\b(?!\s+(?:by|to)\b)"
)
_TO_COME = re.compile(
    r"\b(?:will|would|shall|plans?|planned|planning|set\s+to|scheduled|expected|expects|"
    r"(?:is|are|was|were)\s+(?:to|due|going|[a-z]+ing)|going\s+to|upcoming|next|later|soon|"
    r"intends?|hopes?|aims?)\b|['’]ll\b",
    re.I,
)
