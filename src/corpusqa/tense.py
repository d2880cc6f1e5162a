"""What is to come and what was: a question about what will happen ("when will the Senate
vote?") is not answered by the date of what was done; nor a question about the 2023 Met Gala by
the 2022 one, by an article written before it, or by a sentence dated to another year ("last
season" in an article of 2021 is no 2016)."""

from __future__ import annotations

import re

from .chunk import previous_sentences
from .numerals import YEAR
from .question import Need
from .records import Evidence

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


def contradicts(need: Need, sentence: str) -> bool:
    """ "the 2022 Met Gala" against the question's "2023 Met Gala": the same thing, another year."""
    for year, thing in need.dated:
        other = re.search(rf"\b(1[89]\d\d|20\d\d)\s+{re.escape(thing)}\b", sentence, re.I)
        if other and other.group(1) != year:
            return True
    return False


def written_before(need: Need, e: Evidence) -> bool:
    """The question says something happened in a month (or year) the article predates: "Which
    film won best picture at the March 2023 Academy Awards?" is not answered in January 2023."""
    published = (e.article.published or "")[:7]
    return bool(need.happened and published and published < need.happened[: len(published)])


# A year written by its distance from the article's: a season reported after it ended is
# "last season" in its own year too.
_RELATIVE_YEAR = re.compile(r"\b(last|this|next) (?:year|season)\b", re.I)
_THAT_YEAR = re.compile(r"\bthat (?:year|season)\b", re.I)
_SINCE = {"last": frozenset({0, 1}), "this": frozenset({0}), "next": frozenset({0, -1})}


_SINCE_YEAR = re.compile(
    r"\bsince\s+(?:(?:the\s+)?[\w-]+\s+(?:of\s+)?){0,5}?(1[89]\d\d|20\d\d)\b", re.I
)


def year_agrees(year: str, e: Evidence, digits: set[str], local: bool = False) -> float:
    """How well a sentence agrees with a year of the question; `local` for a count, which is
    of the year only where the sentence or the two before it say so."""
    if year in digits:
        return 1.0
    if any(YEAR.fullmatch(d) for d in digits - set(_SINCE_YEAR.findall(e.text))):
        # The sentence dates itself to other years only; "the lowest level since 1949" is a
        # mark it is measured against, not its date.
        return 0.0
    if _THAT_YEAR.search(e.text):  # "... 2018, his first year as an All-Star. He hit ... that year"
        before = set(YEAR.findall(" ".join(previous_sentences(e.article.body, e.span[0], 1))))
        if before:
            return 1.0 if year in before else 0.0
    published = (e.article.published or "")[:4]
    said = {_SINCE[w.lower()] for w in _RELATIVE_YEAR.findall(e.text)}
    if published and said and int(published) - int(year) not in set().union(*said):
        return 0.0  # "last season" in an article of 2021 is no 2016
    if published and 0 <= int(published) - int(year) <= 1:
        return 0.75
    if published and int(published) < int(year):
        return 0.25  # written before the year the question asks about
    if local:
        return 0.6 if year in " ".join(previous_sentences(e.article.body, e.span[0], 2)) else 0.0
    return 0.5 if year in e.article.body else 0.0
